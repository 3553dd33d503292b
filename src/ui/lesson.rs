//! The week's lesson as a card over Today (issue 20): the heading, the text wrapped at words,
//! and its keys. A terminal too small for the whole text gets a short card pointing to
//! `upright learn N` instead of a cut one.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::wrap::wrap_text;
use super::{Theme, popup};
use crate::lessons::{LESSONS, heading};

pub fn render(frame: &mut Frame, area: Rect, n: usize, theme: &Theme) {
    // Full width up to 84 columns, so no cut word of the screen below shows beside the card.
    let width = if area.width <= 84 { area.width } else { 72 };
    // Borders and a blank column either side inside them.
    let inner = usize::from(width.saturating_sub(4)).max(1);
    let keys = |long: bool| {
        let (d, later) =
            if long { (" got it, don't show again   ", " later") } else { (" got it · ", " later") };
        Line::from(vec![
            Span::styled("d", theme.accent),
            Span::raw(d),
            Span::styled("Esc", theme.accent),
            Span::raw(later),
        ])
    };
    let mut lines = wrap_text(&heading(n), theme.title, inner, 0);
    lines.push(Line::from(""));
    lines.extend(wrap_text(LESSONS[n - 1].body, Style::new(), inner, 0));
    lines.push(Line::from(""));
    lines.push(keys(inner >= 40));
    if lines.len() + 2 > usize::from(area.height) {
        lines = wrap_text(&heading(n), theme.title, inner, 0);
        lines.extend(wrap_text(
            &format!("Too long for this window: upright learn {n} prints it."),
            theme.dim,
            inner,
            0,
        ));
        lines.push(keys(false));
    }
    let rect = popup(frame, area, width, lines.len() as u16 + 2);
    let block = Block::new().borders(Borders::ALL).title(Span::styled(" This week ", theme.title));
    let body = block.inner(rect);
    frame.render_widget(block, rect);
    let body = Rect { x: body.x + 1, width: body.width.saturating_sub(2), ..body };
    frame.render_widget(Paragraph::new(lines), body);
}
