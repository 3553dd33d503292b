//! The Today screen: the coaching day, a greeting, the routine with today's dose and a mark for
//! each exercise, why a dose changed, a progress gauge, the streak and the key hints. Drawn
//! from the day view only: the banner and the marks were decided when it was built.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::Theme;
use super::wrap::{hints_fit, wrap, wrap_text};
use crate::state::Feedback;
use crate::text::{pad_to, width as cols};
use crate::today::{Banner, Day, Item, Standing};

/// What the Today screen shows: the day view, and where the app is in it.
pub struct Shown<'a> {
    pub day: &'a Day,
    pub streak: Option<u32>,
    pub selected: usize,
    /// What just happened, or an error.
    pub message: Option<&'a str>,
}

/// Wide enough to show each dose beside its name.
const WIDE: u16 = 70;

fn mark(item: &Item) -> &'static str {
    if item.rx.paused {
        "‖"
    } else if item.is_done() {
        "✓"
    } else if item.rx.stopped {
        "■"
    } else if item.skipped {
        "–"
    } else {
        "○"
    }
}

fn dose_line(item: &Item) -> String {
    let mut line = item.dose_line();
    if item.skipped && !item.is_done() {
        line.push_str(" · skipped");
    }
    line
}

fn greeting(day: &Day) -> String {
    let mut line = standing_line(day);
    let open = matches!(day.standing(), Standing::Fresh(_) | Standing::Going { .. });
    if day.banner.is_none() && day.safety.locked_since.is_none() {
        // "The lifts come last" is for a day still under way, not one complete or rested.
        if day.items.iter().any(|i| i.lift.is_some()) && open {
            line.push_str(" A strength day: the lifts come last.");
        } else if let Some(next) = day.next_strength {
            line.push_str(&format!(" Next strength day: {}.", next.strftime("%A")));
        }
    }
    line
}

fn standing_line(day: &Day) -> String {
    match day.standing() {
        Standing::Locked => "The routine is locked. Get care first.".to_string(),
        Standing::Stopped(name) => format!("{name} stopped for today after pain. Go gently with the rest."),
        Standing::Rest => "A rest day. Rest well — see you tomorrow.".to_string(),
        Standing::Complete => "Today is complete. Well done — see you tomorrow.".to_string(),
        Standing::Fresh(n) => format!("Good to see you. {n} gentle exercises today — one at a time."),
        Standing::Going { done, to_go } => format!("{done} done, {to_go} to go. Nice and steady."),
    }
}

/// The banner's words, and whether it is a warning (red) or advice.
fn banner_text(banner: Banner) -> (String, bool) {
    match banner {
        Banner::Locked => (
            "Locked: you reported an emergency sign. Get care now; press ! once a clinician has checked you."
                .to_string(),
            true,
        ),
        Banner::GpPaused => (
            "Doses stay where they are until a clinician has checked the sign you reported (! to update)."
                .to_string(),
            true,
        ),
        Banner::Flare { since, see_gp: true } => (
            format!(
                "Flare-up mode since {}: two weeks now — please see a GP or physiotherapist.",
                since.strftime("%-d %b")
            ),
            false,
        ),
        Banner::Flare { since, see_gp: false } => (
            format!(
                "Flare-up mode since {}: gentlest steps. Press f when it settles.",
                since.strftime("%-d %b")
            ),
            false,
        ),
        Banner::Check(Some(m)) => (crate::checkin::advice(&m) + " (d dismisses)", false),
        Banner::NotSettled => (
            "Your back had not settled this morning, so every exercise stays at its dose today.".to_string(),
            false,
        ),
        Banner::Check(None) => (
            "Two weeks in and the pain is not easing: please see a GP or physiotherapist. (d dismisses)"
                .to_string(),
            false,
        ),
    }
}

pub fn render(frame: &mut Frame, area: Rect, shown: &Shown, theme: &Theme) {
    let wide = area.width >= WIDE;
    let inner = header(frame, area, shown, wide, theme);
    // One column spare on the right: text wraps before the edge, never against it.
    let width = usize::from(inner.width).saturating_sub(1);
    let day = shown.day;
    let (list, starts) = list(shown, wide, width, theme);
    let banner = day.banner.map(|b| {
        let (text, warn) = banner_text(b);
        wrap_text(&text, if warn { theme.warn } else { theme.accent }, width, 0)
    });
    let message = shown.message.map(|m| wrap_text(m, theme.accent, width, 2)).unwrap_or_default();
    let (detail, essential) =
        shown.day.items.get(shown.selected).map(|i| detail(i, wide, width, theme)).unwrap_or_default();
    let greet = banner.clone().unwrap_or_else(|| wrap_text(&greeting(day), Style::new(), width, 0));

    // Rows by priority: the gauge and the keys; the banner (a safety warning, flare-up mode, a
    // morning not settled, advice); the list; then what just happened (up to four lines); the
    // selected exercise's detail; the greeting; breathing room. Each gets rows of its own,
    // never another's.
    let warning = day.banner.is_some_and(|b| banner_text(b).1);
    let mut left = inner.height.saturating_sub(2);
    // A routine longer than the screen (strength days at 40×12) scrolls with the selection and
    // leaves the selected exercise's dose and reason their rows below (a warning comes first).
    let reserve = if !warning && list.len() + essential > usize::from(left) {
        let keep = 4 + message.len().min(4) as u16;
        (essential as u16).min(left.saturating_sub(keep))
    } else {
        0
    };
    left -= reserve;
    let mut take = |want: usize, all_or_none: bool| {
        let got = if all_or_none && want as u16 > left { 0 } else { (want as u16).min(left) };
        left -= got;
        got
    };
    // The banner says the mode the day is in (locked, held, flare-up, not settled): it is never
    // the line that goes (issue 26); a list longer than what is left scrolls.
    let banner_h = if banner.is_some() { take(greet.len(), false) } else { 0 };
    let list_h = take(list.len(), false);
    let message_h = take(message.len().min(4), false);
    let detail_h = reserve + take(detail.len() - usize::from(reserve), false);
    // The greeting and a blank line after it, only when both fit.
    let greet_h = if banner.is_none() { take(greet.len() + 1, true) } else { banner_h };
    let gap = take(1, false);
    let [greet_area, list_area, _, gauge, message_area, _, detail_area, keys] =
        inner.layout(&Layout::vertical([
            Constraint::Length(greet_h),
            Constraint::Length(list_h),
            Constraint::Length(gap),
            Constraint::Length(1),
            Constraint::Length(message_h),
            Constraint::Fill(1),
            Constraint::Length(detail_h),
            Constraint::Length(1),
        ]));
    frame.render_widget(Paragraph::new(greet), greet_area);
    let list = window(list, &starts, shown.selected, usize::from(list_h), theme);
    frame.render_widget(Paragraph::new(list), list_area);
    frame.render_widget(Paragraph::new(message), message_area);
    frame.render_widget(Paragraph::new(detail), detail_area);
    footer(frame, gauge, keys, day, wide, theme);
}

/// The top border with the date and the streak; returns the area inside it.
fn header(frame: &mut Frame, area: Rect, shown: &Shown, wide: bool, theme: &Theme) -> Rect {
    let title =
        format!(" upright · {} ", shown.day.date.strftime(if wide { "%A %-d %B %Y" } else { "%a %-d %b" }));
    let mut block = Block::new().borders(Borders::TOP).title(Span::styled(title, theme.title));
    if let Some(weeks) = shown.streak.filter(|w| *w > 0) {
        let streak = format!(" {weeks}-week streak ");
        block = block.title_top(Line::from(Span::styled(streak, theme.accent)).right_aligned());
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// The rows of `lines` to show in `room`: all when they fit, else a window holding the
/// selected item (its lines start at `starts[selected]`), with "↑ N more" / "↓ N more" rows
/// saying how many exercises are out of sight.
fn window(
    lines: Vec<Line<'static>>,
    starts: &[usize],
    selected: usize,
    room: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let n = lines.len();
    if n <= room || room < 3 {
        return lines;
    }
    let end = starts.get(selected + 1).copied().unwrap_or(n);
    let begin = starts.get(selected).copied().unwrap_or(0);
    // Content rows from `top`: the room less a row for each mark needed.
    let rows = |top: usize| {
        let up = usize::from(top > 0);
        room - up - usize::from(top + room - up < n)
    };
    let mut top = 0;
    while top < begin && top + rows(top) < end {
        top += 1;
    }
    let shown = rows(top);
    let more = |count: usize, arrow: &str| {
        Line::from(Span::styled(format!("  {arrow} {count} more (j/k)"), theme.accent))
    };
    let mut out = Vec::with_capacity(room);
    if top > 0 {
        out.push(more(starts.iter().filter(|s| **s < top).count(), "↑"));
    }
    out.extend(lines.into_iter().skip(top).take(shown));
    if top + shown < n {
        // Exercises not wholly in sight: one whose reason is cut off counts too ("0 more" said
        // nothing while a line of the last one was hidden).
        let ends = starts.iter().skip(1).copied().chain(std::iter::once(n));
        out.push(more(ends.filter(|end| *end > top + shown).count(), "↓"));
    }
    out
}

/// The routine: a marker on the selected row, a mark per exercise, the dose (and why it
/// changed) where the screen is wide. Long doses and reasons wrap with an indent. Also the
/// line each exercise starts at.
fn list(shown: &Shown, wide: bool, width: usize, theme: &Theme) -> (Vec<Line<'static>>, Vec<usize>) {
    let items = &shown.day.items;
    let name_width = items.iter().map(|i| cols(&i.exercise.name)).max().unwrap_or(0);
    let mut lines = Vec::new();
    let mut starts = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        starts.push(lines.len());
        let selected = i == shown.selected;
        let marker = if selected { "▶ " } else { "  " };
        let style = if selected {
            theme.selected
        } else if item.is_settled() {
            theme.dim
        } else {
            Style::new()
        };
        let mark_style = if item.is_done() { theme.done } else { style };
        let text = if wide {
            let full = format!("{}   {}", pad_to(&item.exercise.name, name_width), dose_line(item));
            // A skipped row too long for the line keeps its dose and drops the word: the –
            // mark says it (help lists the marks; issue 26: a dose is never cut).
            if item.skipped && !item.is_done() && 4 + cols(&full) > width {
                format!("{}   {}", pad_to(&item.exercise.name, name_width), item.dose_line())
            } else {
                full
            }
        } else {
            item.exercise.name.clone()
        };
        let spans = vec![
            Span::styled(marker, style),
            Span::styled(mark(item), mark_style),
            Span::styled(" ", style),
            Span::styled(text, style),
        ];
        let indent = if wide && name_width + 7 < width / 2 { name_width + 7 } else { 4 };
        for mut line in wrap(spans, width, indent) {
            if selected {
                line = line.style(theme.selected);
            }
            lines.push(line);
        }
        if wide && let Some(reason) = &item.rx.reason {
            lines.extend(wrap_text(&format!("      ↳ {reason}"), theme.dim, width, 8));
        }
    }
    (lines, starts)
}

/// The selected exercise: on a narrow screen its dose and why it changed; everywhere, what was
/// written about it today and how its last sessions went. Also how many of the lines are the
/// dose and its reason, which a long routine leaves room for.
fn detail(item: &Item, wide: bool, width: usize, theme: &Theme) -> (Vec<Line<'static>>, usize) {
    let mut lines = Vec::new();
    let skipped = item.skipped && !item.is_done();
    if !wide {
        // The dose alone: "skipped" gets a line of its own below (with the reason, if any),
        // so it is never wrapped off as a dangling "·".
        lines.extend(wrap_text(&item.dose_line(), Style::new(), width, 2));
        if skipped && item.note.is_none() {
            lines.push(Line::from(Span::styled("Skipped today.", theme.dim)));
        }
        if let Some(reason) = &item.rx.reason {
            lines.extend(wrap_text(reason, theme.dim, width, 2));
        }
    }
    let essential = lines.len();
    if let Some(note) = &item.note {
        let said = if skipped { "Skipped" } else { "Note" };
        lines.extend(wrap_text(&format!("{said}: {note}"), theme.dim, width, 2));
    }
    if !item.recent.is_empty() {
        let sessions: Vec<String> = item
            .recent
            .iter()
            .map(|s| {
                // A walk's rating in the talk test's short words (turn 3, F).
                let walk = item.rx.dose.walk_minutes().is_some();
                let rating = match s.feedback {
                    None => "done".to_string(),
                    Some(Feedback::Ok) if walk => "about right".to_string(),
                    Some(Feedback::Hard) if walk => "too hard".to_string(),
                    Some(f) => f.to_string(),
                };
                format!("{} {rating}, pain {}", s.date.strftime("%a %-d"), s.pain.unwrap_or(0))
            })
            .collect();
        let head = if wide { format!("{} last time: ", item.exercise.name) } else { "Last: ".to_string() };
        // As many sessions as fit on one line (newest first), so none is split as "pain" / "0".
        let mut shown = sessions.len();
        while shown > 1 && cols(&format!("{head}{}", sessions[..shown].join(" · "))) > width {
            shown -= 1;
        }
        lines.extend(wrap_text(&format!("{head}{}", sessions[..shown].join(" · ")), theme.dim, width, 2));
    }
    (lines, essential)
}

/// The progress bar with its label beside it, and the key hints.
fn footer(frame: &mut Frame, gauge: Rect, keys: Rect, day: &Day, wide: bool, theme: &Theme) {
    let (done, total) = (day.done_count(), day.items.len());
    let ratio = if total == 0 { 0.0 } else { done as f64 / total as f64 };
    let label = format!(" {done}/{total} done ");
    let [bar, text] =
        gauge.layout(&Layout::horizontal([Constraint::Fill(1), Constraint::Length(cols(&label) as u16)]));
    frame.render_widget(Paragraph::new(super::wrap::bar(ratio, bar.width, theme.gauge)), bar);
    frame.render_widget(Paragraph::new(Span::styled(label, theme.dim)), text);
    let k: &[(&str, &str)] = if wide {
        &[
            ("j/k", "move"),
            ("Enter", "start"),
            ("x", "tick off"),
            ("s", "skip"),
            ("u", "undo"),
            ("w", "week"),
            ("p", "plan"),
            ("q", "quit"),
            ("?", "help"),
        ]
    } else {
        &[("Enter", "start"), ("x", "done"), ("w", "week"), ("?", "help")]
    };
    frame.render_widget(Paragraph::new(hints_fit(k, keys.width, theme)), keys);
}
