//! The guided timer: what to do now (hold, rest, rep, walk) and where ("Set 2 of 3 · rep 3 of 4
//! · Right side"), big digits computed from `now`, a gauge, the figure and cues, what comes next.
//! Drawn from the run and its exercise's entry in the day view (cues already resolved).

use std::time::Instant;

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Gauge, Paragraph, Wrap};

use super::digits::{big, clock};
use super::{Theme, fit, hints};
use crate::app::Run;
use crate::session::Kind;
use crate::today::Item;

/// `flashing`: a hold or rest just ended (the border flashes).
pub fn render(
    frame: &mut Frame,
    area: Rect,
    item: &Item,
    run: &Run,
    flashing: bool,
    now: Instant,
    theme: &Theme,
) {
    let ex = &item.exercise;
    let timer = &run.timer;
    let border = if flashing { theme.flash } else { theme.dim };
    let count = format!(" {} of {} ", (timer.index + 1).min(timer.phases.len()), timer.phases.len());
    let room = (area.width as usize).saturating_sub(count.chars().count() + 4);
    let title = fit(&format!(" {} · {} ", ex.name, item.rx.dose_text), room);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(border)
        .title(Span::styled(title, theme.title))
        .title_top(Line::from(Span::styled(count, theme.dim)).right_aligned());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(phase) = timer.phase() else { return };

    let roomy = inner.height >= 20;
    let digits_rows = if inner.height >= 12 { 5 } else { 1 };
    let [label, _, digits, _, gauge, art, next, keys] = inner.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(u16::from(roomy)),
        Constraint::Length(digits_rows),
        Constraint::Length(u16::from(roomy)),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ]));

    let what =
        if timer.is_paused() { format!("PAUSED — {}", phase.label) } else { phase.label.to_uppercase() };
    let head = if phase.position.is_empty() { what } else { format!("{what} · {}", phase.position) };
    let style = if phase.kind == Kind::Rest { theme.dim } else { theme.accent };
    frame.render_widget(
        Paragraph::new(Span::styled(fit(&head, label.width as usize), style)).alignment(Alignment::Center),
        label,
    );

    let shown = timer.shown_secs(now);
    let big_text: Vec<Line> = if phase.kind == Kind::Untimed {
        vec![Line::from("At your own pace — press n when the set is done")]
    } else if digits_rows == 5 {
        big(&clock(shown)).into_iter().map(Line::from).collect()
    } else {
        vec![Line::from(clock(shown))]
    };
    let digit_style = if timer.is_paused() { theme.dim } else { theme.title };
    frame.render_widget(Paragraph::new(big_text).style(digit_style).alignment(Alignment::Center), digits);

    let ratio = if phase.secs == 0 {
        0.0
    } else {
        1.0 - timer.remaining(now).as_secs_f64()
            / f64::from(phase.secs.max(1)).max(timer.remaining(now).as_secs_f64())
    };
    frame.render_widget(
        Gauge::default().gauge_style(theme.gauge).ratio(ratio.clamp(0.0, 1.0)).label(""),
        gauge,
    );

    let figure_width = ex.figure.lines().map(|l| l.chars().count()).max().unwrap_or(0) as u16;
    let show_figure = art.width >= 60 && art.height >= ex.figure.lines().count() as u16;
    let [fig, text] = art.layout(&Layout::horizontal([
        Constraint::Length(if show_figure { figure_width + 4 } else { 0 }),
        Constraint::Fill(1),
    ]));
    if show_figure {
        frame.render_widget(Paragraph::new(ex.figure.as_str()).style(theme.dim), fig);
    }
    let cue_lines: Vec<Line> = item.cues.iter().map(|c| Line::from(format!("· {c}"))).collect();
    frame.render_widget(Paragraph::new(cue_lines).wrap(Wrap { trim: true }), text);

    let next_text = match timer.next_phase() {
        Some(n) if n.secs > 0 => format!(
            "next: {} {} s{}",
            n.label,
            n.secs,
            if n.position.is_empty() { String::new() } else { format!(" — {}", n.position) }
        ),
        Some(n) => format!("next: {} — {}", n.label, n.position),
        None => "next: how did it go?".to_string(),
    };
    frame.render_widget(Paragraph::new(Span::styled(fit(&next_text, next.width as usize), theme.dim)), next);
    let keys_line = if inner.width >= 60 {
        hints(&[("Space", "pause"), ("+", "15 s"), ("n", "next"), ("Esc", "leave"), ("?", "help")], theme)
    } else {
        hints(&[("Space", "pause"), ("n", "next"), ("Esc", "leave")], theme)
    };
    frame.render_widget(Paragraph::new(keys_line), keys);
}
