//! The RMDQ popup over the Progress screen (issue 29, item 8): one statement at a time, one key
//! per answer (y yes, n no), u takes the last answer back, Esc leaves and keeps the answers so
//! far (r on Progress goes on from there).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::{Theme, popup};
use crate::checkin::rmdq::ITEMS;

pub fn render(frame: &mut Frame, area: Rect, answers: &str, theme: &Theme) {
    // A count of answers (each one `y` or `n`), not of columns.
    let i = answers.chars().count().min(ITEMS.len() - 1);
    let yes = answers.chars().filter(|c| *c == 'y').count();
    let lines = vec![
        Line::from(Span::styled(format!("Statement {} of 24 · {yes} yes so far", i + 1), theme.dim)),
        Line::from(Span::styled("Does this describe you today?", theme.dim)),
        Line::from(ITEMS[i]),
        Line::from(Span::styled("y yes · n no · u back one · Esc later (kept)", theme.dim)),
    ];
    let width = 64.min(area.width);
    let inner = usize::from(width.saturating_sub(2)).max(1);
    let rows: usize = lines.iter().map(|l| l.width().div_ceil(inner).max(1)).sum();
    let rect = popup(frame, area, width, (rows as u16 + 2).min(area.height));
    let block =
        Block::new().borders(Borders::ALL).title(Span::styled(" Roland-Morris questionnaire ", theme.title));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).block(block), rect);
}
