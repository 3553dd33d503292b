//! The plan screen (`p`): each exercise's dose now, in 4 weeks and in 8 weeks, if every session
//! goes as planned — where the ladder leads. A table where every dose fits its column, else a
//! stacked list; never a cut dose. Scrolls (j/k) where it cannot fit.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::Theme;
use super::wrap::{Scroll, hints_fit, scrolled, wrap, wrap_text};
use crate::progression::WeekPlan;
use crate::text::{pad_left, pad_to, width as cols};
use crate::today::Day;

const GAP: usize = 2;

/// One row per exercise of `day`, in its order.
/// Returns the furthest scroll (see [`scrolled`]).
pub fn render(
    frame: &mut Frame,
    area: Rect,
    day: &Day,
    plan: &[WeekPlan],
    scroll: u16,
    theme: &Theme,
) -> Scroll {
    let title = if area.width >= 50 {
        " Plan — if every session goes as planned "
    } else {
        " Plan, if all goes well "
    };
    let block = Block::new().borders(Borders::TOP).title(Span::styled(title, theme.title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [body, keys] = inner.layout(&Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]));
    let picks = [("now", plan.first()), ("in 4 weeks", plan.get(4)), ("in 8 weeks", plan.get(8))];
    // The lifts have no ladder of weeks (their reps and loads climb each strength day): they
    // are left out of the table, and a line says where their forecast is.
    let rows: Vec<(&str, [String; 3])> = day
        .items
        .iter()
        .filter(|item| item.lift.is_none())
        .map(|item| {
            let dose = |w: Option<&WeekPlan>| {
                w.and_then(|w| w.exercises.iter().find(|e| e.id == item.exercise.id))
                    .map(|e| e.dose_text.clone())
                    .unwrap_or_default()
            };
            (item.exercise.name.as_str(), picks.map(|(_, w)| dose(w)))
        })
        .collect();
    let width = usize::from(body.width).saturating_sub(1);
    // Column widths as the longest entry of each; the table only when they all fit.
    let name_col = rows.iter().map(|(n, _)| cols(n)).max().unwrap_or(0) + GAP;
    let widths: Vec<usize> = (0..3)
        .map(|c| {
            let widest = rows.iter().map(|(_, d)| cols(&d[c])).max().unwrap_or(0);
            widest.max(cols(picks[c].0)) + GAP
        })
        .collect();
    let table = name_col + widths.iter().sum::<usize>() <= width;
    let mut lines = Vec::new();
    // The holds in force last through the plan (only a clinician or the user ends them).
    if let Some(held) = &day.held {
        lines.extend(wrap_text(held, theme.warn, width, 0));
        lines.push(Line::default());
    }
    if table {
        let mut head = " ".repeat(name_col);
        for (c, (label, _)) in picks.iter().enumerate() {
            head.push_str(&pad_to(label, widths[c]));
        }
        lines.push(Line::from(Span::styled(head.trim_end().to_string(), theme.dim)));
        for (name, doses) in &rows {
            let mut cells = String::new();
            for (c, dose) in doses.iter().enumerate() {
                cells.push_str(&pad_to(dose, widths[c]));
            }
            lines.push(Line::from(vec![
                Span::styled(pad_to(name, name_col), theme.accent),
                Span::raw(cells.trim_end().to_string()),
            ]));
        }
    } else {
        for (name, doses) in &rows {
            lines.extend(wrap_text(name, theme.accent, width, 2));
            // A dose that stays the same over the 8 weeks takes one line, not three.
            let same = doses.iter().all(|d| *d == doses[0]);
            let shown: Vec<(&str, &String)> = if same {
                vec![("all 8 weeks", &doses[0])]
            } else {
                picks.iter().map(|(label, _)| *label).zip(doses).collect()
            };
            for (label, dose) in shown {
                let spans = vec![
                    Span::styled(format!("  {}  ", pad_left(label, 11)), theme.dim),
                    Span::raw(dose.clone()),
                ];
                lines.extend(wrap(spans, width, 15));
            }
        }
    }
    if day.items.iter().any(|i| i.lift.is_some()) || day.next_strength.is_some() {
        lines.push(Line::default());
        let said = "Strength days: reps and loads climb each session; upright plan lists them day by day.";
        lines.extend(wrap_text(said, theme.dim, width, 0));
    }
    let end = scrolled(frame, body, lines, scroll, theme);
    let k = [("j/k", "scroll"), ("?", "help"), ("PgUp/PgDn", "page"), ("Esc", "back")];
    frame.render_widget(Paragraph::new(hints_fit(&k, keys.width, theme)), keys);
    end
}
