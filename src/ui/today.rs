//! The Today screen: the coaching day, a greeting, the routine with today's dose and a mark for
//! each exercise, why a dose changed, a progress gauge, the streak and the key hints. Drawn
//! from the day view only: the banner and the marks were decided when it was built.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Gauge, Paragraph, Wrap};

use super::{Theme, fit, hints};
use crate::today::{Banner, Day, Item};

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
    let (done, total) = (day.done_count(), day.items.len());
    match done {
        0 if total > 0 => format!("Good to see you. {total} gentle exercises today — one at a time."),
        d if d >= total => "All done for today. Well done — see you tomorrow.".to_string(),
        d => format!("{d} done, {} to go. Nice and steady.", total - d),
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
            "Doses are paused until a clinician has checked the sign you reported (! to update).".to_string(),
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
                "Flare-up mode since {}: gentlest steps. `upright flare off` when it settles.",
                since.strftime("%-d %b")
            ),
            false,
        ),
        Banner::Check(Some(trend)) => (
            format!(
                "Your check-ins show {}: please see a GP or physiotherapist. (d dismisses)",
                trend.describe()
            ),
            false,
        ),
        Banner::Check(None) => (
            "Two weeks in and the pain is not easing: please see a GP or physiotherapist. (d dismisses)"
                .to_string(),
            false,
        ),
    }
}

/// The rows of the screen, top to bottom.
struct Areas {
    greet: Rect,
    list: Rect,
    gauge: Rect,
    message: Rect,
    detail: Rect,
    keys: Rect,
}

pub fn render(frame: &mut Frame, area: Rect, shown: &Shown, theme: &Theme) {
    let wide = area.width >= WIDE;
    let inner = header(frame, area, shown, wide, theme);
    let tall = inner.height >= 16;
    let rows = layout(inner, shown, wide, tall);
    banner(frame, &rows, shown.day, tall, theme);
    list(frame, rows.list, shown, wide, theme);
    if !wide && let Some(item) = shown.day.items.get(shown.selected) {
        detail(frame, rows.detail, item, theme);
    }
    if let Some(text) = shown.message {
        message(frame, rows.message, text, theme);
    }
    footer(frame, &rows, shown.day, wide, theme);
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

fn layout(inner: Rect, shown: &Shown, wide: bool, tall: bool) -> Areas {
    let items = &shown.day.items;
    let list_height = items.len() as u16
        + if wide { items.iter().filter(|i| i.rx.reason.is_some()).count() as u16 } else { 0 };
    // A message (a failed save names the file, line and where the entry waits) wraps onto up
    // to four lines where the screen has room to spare, rather than being cut; the list comes first.
    let fixed = if tall { 2 + 1 } else { 0 } + list_height.max(1) + 1 + if wide { 0 } else { 2 } + 1;
    let spare = inner.height.saturating_sub(fixed + 1);
    let message_lines = shown.message.map_or(1, |text| {
        let lines = text.chars().count().div_ceil(inner.width.max(1) as usize);
        if lines <= 1 { 1 } else { (lines as u16 + 1).min(4).min(1 + spare) }
    });
    let [greet, list, _, gauge, message, _, detail, keys] = inner.layout(&Layout::vertical([
        Constraint::Length(if tall { 2 } else { 0 }),
        Constraint::Max(list_height.max(1)),
        Constraint::Length(u16::from(tall)),
        Constraint::Length(1),
        Constraint::Length(message_lines),
        Constraint::Fill(1),
        Constraint::Length(if wide { 0 } else { 2 }),
        Constraint::Length(1),
    ]));
    Areas { greet, list, gauge, message, detail, keys }
}

/// Safety first: a lock, a paused progression, a flare-up or the two-week check replace the
/// greeting (on a short screen they take the message line).
fn banner(frame: &mut Frame, rows: &Areas, day: &Day, tall: bool, theme: &Theme) {
    let banner = day.banner.map(|b| {
        let (text, warn) = banner_text(b);
        (text, if warn { theme.warn } else { theme.accent })
    });
    match banner {
        Some((text, style)) if tall => {
            frame.render_widget(
                Paragraph::new(Span::styled(text, style)).wrap(Wrap { trim: true }),
                rows.greet,
            );
        }
        Some((text, style)) => {
            frame.render_widget(
                Paragraph::new(Span::styled(fit(&text, rows.message.width as usize), style)),
                rows.message,
            );
        }
        None if tall => frame.render_widget(Paragraph::new(greeting(day)), rows.greet),
        None => {}
    }
}

/// The routine: a marker on the selected row, a mark per exercise, the dose (and why it
/// changed) where the screen is wide.
fn list(frame: &mut Frame, area: Rect, shown: &Shown, wide: bool, theme: &Theme) {
    let items = &shown.day.items;
    let name_width = items.iter().map(|i| i.exercise.name.chars().count()).max().unwrap_or(0);
    let mut lines = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let selected = i == shown.selected;
        let marker = if selected { "▶ " } else { "  " };
        let style = if selected {
            theme.selected
        } else if item.is_settled() {
            theme.dim
        } else {
            ratatui::style::Style::new()
        };
        let mark_style = if item.is_done() { theme.done } else { style };
        let text = if wide {
            format!("{:name_width$}   {}", item.exercise.name, dose_line(item))
        } else {
            fit(&item.exercise.name, area.width.saturating_sub(5) as usize)
        };
        let mut spans =
            vec![Span::styled(marker, style), Span::styled(mark(item), mark_style), Span::styled(" ", style)];
        spans.push(Span::styled(text, style));
        let mut line = Line::from(spans);
        if selected {
            line = line.style(theme.selected);
        }
        lines.push(line);
        if wide && let Some(reason) = &item.rx.reason {
            lines.push(Line::from(Span::styled(format!("      ↳ {reason}"), theme.dim)));
        }
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// On a narrow screen: the selected exercise's dose and why it changed, under the list.
fn detail(frame: &mut Frame, area: Rect, item: &Item, theme: &Theme) {
    let width = area.width as usize;
    let mut rows = vec![Line::from(fit(&dose_line(item), width))];
    if let Some(reason) = &item.rx.reason {
        rows.push(Line::from(Span::styled(fit(reason, width), theme.dim)));
    }
    frame.render_widget(Paragraph::new(rows), area);
}

fn message(frame: &mut Frame, area: Rect, text: &str, theme: &Theme) {
    let text = if area.height > 1 {
        Paragraph::new(Span::styled(text, theme.accent)).wrap(Wrap { trim: true })
    } else {
        Paragraph::new(Span::styled(fit(text, area.width as usize), theme.accent))
    };
    frame.render_widget(text, area);
}

/// The progress gauge and the key hints.
fn footer(frame: &mut Frame, rows: &Areas, day: &Day, wide: bool, theme: &Theme) {
    let (done, total) = (day.done_count(), day.items.len());
    let ratio = if total == 0 { 0.0 } else { done as f64 / total as f64 };
    frame.render_widget(
        Gauge::default().gauge_style(theme.gauge).ratio(ratio).label(format!("{done}/{total} done")),
        rows.gauge,
    );
    let keys_line = if wide {
        hints(
            &[
                ("j/k", "move"),
                ("Enter", "start"),
                ("x", "tick off"),
                ("s", "skip"),
                ("u", "undo"),
                ("w", "week"),
                ("p", "plan"),
                ("?", "help"),
                ("q", "quit"),
            ],
            theme,
        )
    } else {
        hints(&[("Enter", "start"), ("x", "done"), ("w", "week"), ("?", "help")], theme)
    };
    frame.render_widget(Paragraph::new(keys_line), rows.keys);
}
