//! The Today screen: the coaching day, a greeting, the routine with today's dose and a mark for
//! each exercise, why a dose changed, a progress gauge, the streak and the key hints.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Gauge, Paragraph, Wrap};

use super::{Theme, fit, hints};
use crate::app::App;
use crate::today::Item;

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

fn greeting(app: &App) -> String {
    let (done, total) = (app.day.done_count(), app.day.items.len());
    match done {
        0 if total > 0 => format!("Good to see you. {total} gentle exercises today — one at a time."),
        d if d >= total => "All done for today. Well done — see you tomorrow.".to_string(),
        d => format!("{d} done, {} to go. Nice and steady.", total - d),
    }
}

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let wide = area.width >= WIDE;
    let title =
        format!(" upright · {} ", app.day.date.strftime(if wide { "%A %-d %B %Y" } else { "%a %-d %b" }));
    let mut block = Block::new().borders(Borders::TOP).title(Span::styled(title, theme.title));
    if let Some(weeks) = app.streak.filter(|w| *w > 0) {
        let streak = format!(" {weeks}-week streak ");
        block = block.title_top(Line::from(Span::styled(streak, theme.accent)).right_aligned());
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let tall = inner.height >= 16;
    let list_height = app.day.items.len() as u16
        + if wide { app.day.items.iter().filter(|i| i.rx.reason.is_some()).count() as u16 } else { 0 };
    // A message (a failed save names the file, line and where the entry waits) wraps onto up
    // to four lines where the screen has room to spare, rather than being cut; the list comes first.
    let fixed = if tall { 2 + 1 } else { 0 } + list_height.max(1) + 1 + if wide { 0 } else { 2 } + 1;
    let spare = inner.height.saturating_sub(fixed + 1);
    let message_lines = app.message.as_deref().map_or(1, |text| {
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
    // Safety first: a lock, a paused progression or the two-week check replace the greeting.
    let safety = &app.day.safety;
    let banner = if safety.locked_since.is_some() {
        Some((
            "Locked: you reported an emergency sign. Get care now; press ! once a clinician has checked you."
                .to_string(),
            theme.warn,
        ))
    } else if safety.gp_since.is_some() {
        Some((
            "Doses are paused until a clinician has checked the sign you reported (! to update).".to_string(),
            theme.warn,
        ))
    } else if let Some(since) = crate::progression::flare_since(app.ctx.store.entries(), app.day.date) {
        let text = if crate::progression::flare_prompt(app.ctx.store.entries(), app.day.date) {
            format!(
                "Flare-up mode since {}: two weeks now — please see a GP or physiotherapist.",
                since.strftime("%-d %b")
            )
        } else {
            format!(
                "Flare-up mode since {}: gentlest steps. `upright flare off` when it settles.",
                since.strftime("%-d %b")
            )
        };
        Some((text, theme.accent))
    } else if app.needs_check() {
        Some((
            "Two weeks in and the pain is not easing: please see a GP or physiotherapist. (d dismisses)"
                .to_string(),
            theme.accent,
        ))
    } else {
        None
    };
    match banner {
        Some((text, style)) if tall => {
            frame.render_widget(
                Paragraph::new(Span::styled(text, style)).wrap(ratatui::widgets::Wrap { trim: true }),
                greet,
            );
        }
        Some((text, style)) => {
            frame.render_widget(
                Paragraph::new(Span::styled(fit(&text, message.width as usize), style)),
                message,
            );
        }
        None if tall => frame.render_widget(Paragraph::new(greeting(app)), greet),
        None => {}
    }

    let name_width = app.day.items.iter().map(|i| i.exercise.name.chars().count()).max().unwrap_or(0);
    let mut lines = Vec::new();
    for (i, item) in app.day.items.iter().enumerate() {
        let selected = i == app.selected;
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
            fit(&item.exercise.name, list.width.saturating_sub(5) as usize)
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
    frame.render_widget(Paragraph::new(lines), list);

    if !wide && let Some(item) = app.selected_item() {
        let width = detail.width as usize;
        let mut rows = vec![Line::from(fit(&dose_line(item), width))];
        if let Some(reason) = &item.rx.reason {
            rows.push(Line::from(Span::styled(fit(reason, width), theme.dim)));
        }
        frame.render_widget(Paragraph::new(rows), detail);
    }
    if let Some(text) = &app.message {
        let text = if message.height > 1 {
            Paragraph::new(Span::styled(text.as_str(), theme.accent)).wrap(Wrap { trim: true })
        } else {
            Paragraph::new(Span::styled(fit(text, message.width as usize), theme.accent))
        };
        frame.render_widget(text, message);
    }
    let (done, total) = (app.day.done_count(), app.day.items.len());
    let ratio = if total == 0 { 0.0 } else { done as f64 / total as f64 };
    frame.render_widget(
        Gauge::default().gauge_style(theme.gauge).ratio(ratio).label(format!("{done}/{total} done")),
        gauge,
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
    frame.render_widget(Paragraph::new(keys_line), keys);
}
