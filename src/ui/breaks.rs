//! The desk-break companion's one screen (`upright breaks`): when the next break is, a due
//! break's offer, or the guided step with its countdown. Drawn from the companion and `now`.

use jiff::Zoned;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::Theme;
use upright_core::breaks::{Companion, Phase, SNOOZE_MINUTES, when};

pub fn render(frame: &mut Frame, c: &Companion, now: &Zoned, error: Option<&str>) {
    render_with(frame, c, now, error, &Theme::current());
}

/// [`render`] in a given theme (the theme snapshots draw each one).
pub fn render_with(frame: &mut Frame, c: &Companion, now: &Zoned, error: Option<&str>, theme: &Theme) {
    let area = frame.area();
    let block = Block::bordered()
        .padding(ratatui::widgets::Padding::horizontal(1))
        .title(Line::styled(" upright · desk breaks ", theme.title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [body, keys] = inner.layout(&Layout::vertical([Constraint::Fill(1), Constraint::Length(2)]));
    let mut lines: Vec<Line> = Vec::new();
    let total = c.total_secs();
    let keys_text = match &c.phase {
        // Locked after an emergency sign: the lock instead of movements.
        _ if c.locked() => {
            lines.push(Line::styled("The routine is locked: you reported an emergency sign.", theme.warn));
            lines.push(Line::from(
                "No desk breaks until a clinician has checked you; then run upright safety --clear.",
            ));
            lines.push(Line::from(""));
            "q quit".to_string()
        }
        Phase::Waiting => {
            let left = (c.due.timestamp().as_second() - now.timestamp().as_second()).max(0);
            let mins = (left + 59) / 60;
            let until = if mins >= 60 {
                format!("{} h {:02} min", mins / 60, mins % 60)
            } else {
                format!("{mins} min")
            };
            lines.push(Line::styled(
                format!("Next break at {} · in {until}", when(&c.due, now)),
                theme.accent,
            ));
            lines.push(Line::styled(format!("It is {}.", now.strftime("%H:%M")), theme.dim));
            lines.push(Line::from(""));
            "b a break now · q quit".to_string()
        }
        Phase::Due => {
            lines.push(Line::styled("Time for a break.", theme.warn));
            // The movements as the gate gave them (avoid extension swaps the middle one).
            let what = c.steps.iter().map(|s| s.short).collect::<Vec<_>>().join(", ");
            let mut chars = what.chars();
            let what: String =
                chars.next().map(|f| f.to_uppercase().chain(chars).collect()).unwrap_or_default();
            lines.push(Line::from(format!(
                // No-break spaces: the break's length is never split over two lines.
                "{what}: {}\u{a0}min\u{a0}{}\u{a0}s.",
                total / 60,
                total % 60
            )));
            lines.push(Line::from(""));
            format!("b take it · z snooze {SNOOZE_MINUTES} min · s skip · q quit")
        }
        Phase::Break { step, step_ends } => {
            let left = step_ends.duration_since(now).as_secs_f64().max(0.0).ceil() as u64;
            lines.push(Line::from(vec![
                Span::styled(format!("Step {} of {}", step + 1, c.steps.len()), theme.title),
                Span::raw("  "),
                Span::styled(format!("{}:{:02}", left / 60, left % 60), theme.accent),
            ]));
            lines.push(Line::from(c.steps.get(*step).map_or("", |s| s.text)));
            lines.push(Line::from(""));
            "s stop (not logged) · q quit".to_string()
        }
    };
    let n = c.taken_today;
    lines.push(Line::styled(format!("{n} break{} today", if n == 1 { "" } else { "s" }), theme.dim));
    if let Some(said) = &c.said {
        lines.push(Line::from(said.as_str()));
    }
    if let Some(error) = error {
        lines.push(Line::styled(error, theme.warn));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), body);
    frame.render_widget(Paragraph::new(Line::styled(keys_text, theme.dim)).wrap(Wrap { trim: true }), keys);
}
