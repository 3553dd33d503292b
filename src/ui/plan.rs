//! The plan screen (`p`): each exercise's dose now, in 4 weeks and in 8 weeks, if every session
//! goes as planned — where the ladder leads.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{Theme, fit, hints};
use crate::progression::WeekPlan;
use crate::today::Day;

/// One row per exercise of `day`, in its order.
pub fn render(frame: &mut Frame, area: Rect, day: &Day, plan: &[WeekPlan], theme: &Theme) {
    let block = Block::new()
        .borders(Borders::TOP)
        .title(Span::styled(" Plan — if every session goes as planned ", theme.title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [body, keys] = inner.layout(&Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]));
    let picks: Vec<(&str, Option<&WeekPlan>)> =
        vec![("now", plan.first()), ("in 4 weeks", plan.get(4)), ("in 8 weeks", plan.get(8))];
    let wide = body.width >= 90;
    let mut lines = Vec::new();
    for item in &day.items {
        let dose = |w: Option<&WeekPlan>| {
            w.and_then(|w| w.exercises.iter().find(|e| e.id == item.exercise.id))
                .map(|e| e.dose_text.clone())
                .unwrap_or_default()
        };
        if wide {
            let cols: Vec<String> = picks.iter().map(|(_, w)| format!("{:25}", fit(&dose(*w), 24))).collect();
            lines.push(Line::from(vec![
                Span::styled(format!("{:24}", fit(&item.exercise.name, 23)), theme.accent),
                Span::raw(cols.join("")),
            ]));
        } else {
            lines.push(Line::from(Span::styled(fit(&item.exercise.name, body.width as usize), theme.accent)));
            let now_later = format!("  {} → {}", dose(picks[0].1), dose(picks[2].1));
            lines.push(Line::from(fit(&now_later, body.width as usize)));
        }
    }
    if wide {
        let head: String = picks.iter().map(|(label, _)| format!("{label:25}")).collect();
        lines.insert(0, Line::from(Span::styled(format!("{:24}{head}", ""), theme.dim)));
    }
    frame.render_widget(Paragraph::new(lines), body);
    frame.render_widget(Paragraph::new(hints(&[("Esc", "back")], theme)), keys);
}
