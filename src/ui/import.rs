//! The import screen (`i` on Today): the table `upright import` prints, wrapped to the screen,
//! and what `y` does.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Paragraph};

use super::Theme;
use super::wrap::{hints_fit, scrolled, wrap_text};
use crate::import::plan::Plan;
use crate::import::table;

/// Returns the furthest scroll (see [`scrolled`]).
pub fn render(frame: &mut Frame, area: Rect, plan: &Plan, scroll: u16, theme: &Theme) -> super::wrap::Scroll {
    let block =
        Block::new().borders(Borders::TOP).title(Span::styled(" Import recorded walks ", theme.title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [body, keys] = inner.layout(&Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]));
    let width = usize::from(body.width).saturating_sub(1);
    // The CLI's table where it fits; stacked on a narrow screen.
    let wide = width >= table::WIDTH + 12;
    let rows = if wide { table::lines(plan) } else { table::stacked(plan) };
    let mut lines = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let style = if i == 0 && wide { theme.dim } else { ratatui::style::Style::default() };
        lines.extend(wrap_text(row, style, width, 2));
    }
    lines.extend(wrap_text(&table::count_line(plan), theme.accent, width, 0));
    let end = scrolled(frame, body, lines, scroll, theme);
    let n = plan.to_log();
    let yes = if n == 0 { "move the logged files away".to_string() } else { format!("log {n}") };
    let k = [("y", yes.as_str()), ("j/k", "scroll"), ("Esc", "not now")];
    frame.render_widget(Paragraph::new(hints_fit(&k, keys.width, theme)), keys);
    end
}
