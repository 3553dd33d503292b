//! Small popups over a screen: the feedback prompt (rating, then pain 0–10), the skip reason,
//! leaving a timer, a walk that spanned a laptop sleep, and a deliberate key's question.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::{Theme, popup};
use crate::app::{Ask, Prompt, Stage};
use crate::state::Feedback;

/// The words a rating is offered and confirmed in: the walk's talk test, a lift's reps in
/// reserve, else easy / ok / hard.
fn rating_word(p: &Prompt) -> fn(Feedback) -> &'static str {
    if !p.ways.is_empty() {
        crate::progression::walk_rating
    } else if p.lift.is_some() {
        crate::progression::lift_rating
    } else {
        |f| match f {
            Feedback::Easy => "easy",
            Feedback::Ok => "ok",
            Feedback::Hard => "hard",
        }
    }
}

fn boxed(frame: &mut Frame, area: Rect, title: &str, lines: Vec<Line>, theme: &Theme) {
    let width = 60.min(area.width);
    // Each line takes as many rows as it wraps to inside the borders.
    // One column spare inside the border, so wrapped text never meets it.
    let inner = usize::from(width.saturating_sub(3)).max(1);
    let rows: usize = lines.iter().map(|l| wrapped_rows(&l.to_string(), inner)).sum();
    let height = (rows as u16 + 2).min(area.height);
    let rect = popup(frame, area, width, height);
    let block = Block::new().borders(Borders::ALL).title(Span::styled(format!(" {title} "), theme.title));
    let body = block.inner(rect);
    frame.render_widget(block, rect);
    let body = Rect { width: body.width.saturating_sub(1), ..body };
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
}

/// Rows `text` takes when wrapped at words into `width` columns (a long question would
/// otherwise push its key line out of the box).
fn wrapped_rows(text: &str, width: usize) -> usize {
    let (mut rows, mut col) = (1, 0);
    for word in text.split(' ') {
        let w = ratatui::text::Line::from(word).width();
        if col > 0 && col + 1 + w > width {
            rows += 1;
            col = 0;
        }
        col += if col > 0 { 1 } else { 0 } + w;
        rows += col.saturating_sub(1) / width.max(1);
        col = if col > width { col % width } else { col };
    }
    rows
}

fn key<'a>(k: &'a str, what: &'a str, theme: &Theme) -> Vec<Span<'a>> {
    vec![Span::styled(k, theme.accent), Span::raw(format!(" {what}   "))]
}

/// `name`: the exercise's name as shown.
pub fn feedback(frame: &mut Frame, area: Rect, name: &str, p: &Prompt, theme: &Theme) {
    let mut lines = vec![Line::from(format!("How did {name} go?"))];
    // A bout before the day's last is a partial session (issue 20): the day's walk is done, and
    // the step grows, only with every bout.
    if p.stage == Stage::Rating && p.needed > 1 && p.done_before + 1 < p.needed && !p.backfill {
        let line = format!(
            "Bout {} of {}: all {} finish today's walk; only full days grow the step.",
            p.done_before + 1,
            p.needed,
            p.needed
        );
        lines.push(Line::from(Span::styled(line, theme.dim)));
    }
    lines.extend(p.cut_note().map(|note| Line::from(Span::styled(note, theme.dim))));
    // A walk is rated by the talk test, a lift by reps in reserve (COACHING.md turn 3, E and F),
    // each choice on its own line so none is split; the rest by easy, ok, hard.
    let word = rating_word(p);
    let ratings = [Feedback::Easy, Feedback::Ok, Feedback::Hard];
    // Asking about the legs, 1 and 2 mean one leg or both, not a rating; picking the activity,
    // e and o mean elliptical and other.
    if !matches!(p.stage, Stage::Legs | Stage::LegNumb | Stage::DoneAs) {
        let keys = ["1", "2", "3"];
        if p.ways.is_empty() && p.lift.is_none() {
            lines.push(Line::from(
                keys.iter().zip(ratings).flat_map(|(k, f)| key(k, word(f), theme)).collect::<Vec<_>>(),
            ));
        } else if p.stage == Stage::Rating {
            lines.extend(keys.iter().zip(ratings).map(|(k, f)| Line::from(key(k, word(f), theme))));
        }
    }
    if p.stage == Stage::DoneAs {
        lines.extend(done_as(p, theme));
    }
    if let (Stage::Reps, Some((_, planned, carry))) = (p.stage, p.lift) {
        let rating = p.rating.map(word).unwrap_or_default();
        lines.push(Line::from(Span::styled(format!("Rated {rating}."), theme.dim)));
        lines.push(Line::from(""));
        let reps = if p.reps.is_empty() { planned.to_string() } else { p.reps.clone() };
        lines.push(Line::from(vec![
            Span::raw(if carry {
                format!("Seconds carried each time ({planned} planned): ")
            } else {
                format!("Reps done in each set ({planned} planned): ")
            }),
            Span::styled(format!("{reps}▏"), theme.selected),
        ]));
        lines.push(Line::from(Span::styled("Type a number · Enter next · Esc back", theme.dim)));
    } else if p.stage == Stage::Pain {
        let rating = p.rating.map(word).unwrap_or_default();
        lines.push(Line::from(Span::styled(format!("Rated {rating}."), theme.dim)));
        lines.push(Line::from(""));
        let pain = if p.pain.is_empty() { "0".to_string() } else { p.pain.clone() };
        lines.push(Line::from(vec![
            Span::raw("Pain during it, 0–10: "),
            Span::styled(format!("{pain}▏"), theme.selected),
        ]));
        lines.push(Line::from(Span::styled("Type a number · Enter saves · Esc back", theme.dim)));
    } else if p.stage == Stage::LegNumb {
        lines.push(Line::from("Any numbness, or weakness, in that leg?"));
        lines.push(Line::from(
            [key("y", "yes", theme), key("n", "no", theme), key("Esc", "back", theme)].concat(),
        ));
    } else if p.stage == Stage::Legs {
        lines.push(Line::from("Pain, tingling or numbness down one leg, or both?"));
        lines.push(Line::from(
            [key("1", "one leg", theme), key("2", "both legs", theme), key("Esc", "back", theme)].concat(),
        ));
    } else if p.stage == Stage::Rating {
        // A walk says what it is logged as, and how to change that.
        if let (Some(way), Some(minutes)) = (p.way(), p.minutes) {
            // A bout left early says so, with what was planned.
            let cut = p.walk_cut.map(|planned| format!(" (cut short of {planned})")).unwrap_or_default();
            let said = Span::raw(format!("Done as {}, {minutes} min{cut}   ", way.word()));
            lines.push(Line::from([vec![said], key("a", "change", theme)].concat()));
        }
        lines.push(Line::from(
            [key("l", "pain spread down my leg", theme), key("Esc", "don't log it", theme)].concat(),
        ));
    }
    // A backfill names the day it fills.
    let title =
        if p.backfill { format!("Log for {}", p.date.strftime("%a %-d %b")) } else { "Rate it".into() };
    boxed(frame, area, &title, lines, theme);
}

/// The walk's "done as" stage: each way with its key (three to a row, so none is split at
/// 40 columns), the one chosen highlighted, and the minutes.
fn done_as<'a>(p: &'a Prompt, theme: &Theme) -> Vec<Line<'a>> {
    let mut lines = vec![Line::from("Done as (a letter):")];
    for row in p.ways.chunks(3) {
        let mut spans = vec![Span::raw("  ")];
        for way in row {
            let chosen = way.variant == p.variant;
            spans.push(Span::styled(way.key.to_string(), theme.accent));
            spans.push(Span::raw(" "));
            spans.push(Span::styled(way.word(), if chosen { theme.selected } else { Default::default() }));
            spans.push(Span::raw("   "));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::from(vec![
        Span::raw("Minutes: "),
        Span::styled(format!("{}▏", p.minutes_shown()), theme.selected),
    ]));
    lines.push(Line::from(Span::styled("Type the minutes · Enter done", theme.dim)));
    lines
}

pub fn skip(frame: &mut Frame, area: Rect, name: &str, text: &str, theme: &Theme) {
    let lines = vec![
        Line::from(format!("Skip {name} today. Reason (optional):")),
        Line::from(Span::styled(format!("{text}▏"), theme.selected)),
        Line::from(Span::styled("Enter saves · Esc cancels", theme.dim)),
    ];
    boxed(frame, area, "Skip", lines, theme);
}

/// `cut`: counting it now would be a hold set cut short, which the question says.
pub fn leave(frame: &mut Frame, area: Rect, cut: bool, ready: bool, theme: &Theme) {
    // While getting ready nothing is done yet: there is nothing to count.
    if ready {
        let lines = vec![
            Line::from("Nothing done yet: leave without logging it?"),
            Line::from([key("n", "leave", theme), key("Esc", "keep going", theme)].concat()),
        ];
        return boxed(frame, area, "Leave the timer?", lines, theme);
    }
    let mut lines = vec![Line::from("Count this exercise as done?")];
    if cut {
        lines.push(Line::from(Span::styled("Cut short: it counts for today and the step holds.", theme.dim)));
    }
    lines.push(Line::from(
        [key("y", "count it", theme), key("n", "don't", theme), key("Esc", "keep going", theme)].concat(),
    ));
    boxed(frame, area, "Leave the timer?", lines, theme);
}

pub fn slept(frame: &mut Frame, area: Rect, walked_min: u32, theme: &Theme) {
    let lines = vec![
        Line::from(format!(
            "The computer slept during your walk; {walked_min} min have passed on the clock."
        )),
        Line::from(
            [key("c", "count the full walk", theme), key("t", "go on with the time shown", theme)].concat(),
        ),
    ];
    boxed(frame, area, "Welcome back", lines, theme);
}

/// A deliberate key waits for `y`; a harder form offered, for `y` or `n`.
pub fn confirm(frame: &mut Frame, area: Rect, ask: &Ask, theme: &Theme) {
    let (title, keys) = match ask {
        Ask::Harder { .. } => (
            "A harder form",
            [key("y", "try it", theme), key("n", "not now", theme), key("Esc", "later", theme)].concat(),
        ),
        _ => ("Are you sure?", [key("y", "yes", theme), key("any other key", "no", theme)].concat()),
    };
    boxed(frame, area, title, vec![Line::from(ask.question()), Line::from(keys)], theme);
}

/// The next-morning check (rule 11): yes, no, or ask later.
pub fn morning(frame: &mut Frame, area: Rect, theme: &Theme) {
    let lines = vec![
        Line::from(crate::morning::QUESTION),
        Line::from([key("y", "yes", theme), key("n", "no", theme), key("Esc", "later", theme)].concat()),
    ];
    boxed(frame, area, "This morning", lines, theme);
}
