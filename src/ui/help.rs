//! The help overlay (`?`): the keys of the screen it was opened on, listed from the same table
//! `msg_for` reads (so help cannot promise a key that does nothing), what the dose notation
//! means, and the promise that nothing is lost on quit. Scrolls (j/k) where it cannot fit.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};

use super::wrap::{Scroll, scrolled, wrap, wrap_text};
use super::{Theme, popup};
use crate::app::keymap::{Screen, help_rows};
use crate::text::{pad_left, width as cols};

/// What the dose notation means, said once here and under the timer's title.
pub const NOTATION: [&str; 4] = [
    "3-2-1 × 8 s: three holds, then two, then one, 8 seconds each, with a short rest between.",
    "2 × 30 s: two holds of 30 seconds.",
    "per side: do it on the left, then the right.",
    "knees: the easier form, on your knees; feet and toes: the full one.",
];

/// What each mark of Today's list means (`ui::today`).
const TODAY_MARKS: [(&str, &str); 5] =
    [("✓", "done"), ("■", "stopped for pain"), ("‖", "paused"), ("–", "skipped"), ("○", "to do")];

/// Draws the help of `screen`; returns the furthest scroll (see [`scrolled`]).
pub fn render(frame: &mut Frame, area: Rect, screen: Screen, scroll: u16, theme: &Theme) -> Scroll {
    let width = 56.min(area.width);
    let inner = usize::from(width.saturating_sub(2));
    let rows = help_rows(screen);
    let key_width = rows.iter().map(|(k, _)| cols(k)).max().unwrap_or(0);
    let mut lines: Vec<Line> = Vec::new();
    for (k, what) in rows {
        let spans =
            vec![Span::styled(format!("{}  ", pad_left(k, key_width)), theme.accent), Span::raw(what)];
        lines.extend(wrap(spans, inner, key_width + 2));
    }
    lines.push(Line::default());
    if matches!(screen, Screen::Today | Screen::Timer | Screen::Plan) {
        for text in NOTATION {
            lines.extend(wrap_text(text, theme.dim, inner, 2));
        }
    }
    // The week grid has no room for a legend of its own: three marks a row, so a mark never
    // wraps away from its word at 40 columns.
    if screen == Screen::Today {
        // Today's marks (issue 26: ■ and ‖ had no legend).
        for row in TODAY_MARKS.chunks(3) {
            let marks: Vec<String> = row.iter().map(|(m, what)| format!("{m} {what}")).collect();
            lines.extend(wrap_text(&marks.join("   "), theme.dim, inner, 2));
        }
    }
    if screen == Screen::Week {
        for row in crate::week::MARKS.chunks(3) {
            let marks: Vec<String> = row.iter().map(|(m, what)| format!("{m} {what}")).collect();
            lines.extend(wrap_text(&marks.join("   "), theme.dim, inner, 2));
        }
    }
    lines.extend(wrap_text("Every completion is saved at once.", theme.dim, inner, 0));
    let rect = popup(frame, area, width, lines.len() as u16 + 2);
    let title = format!(" {} keys · other keys close ", screen.title());
    let title = if cols(&title) <= inner { title } else { " Keys ".to_string() };
    let block = Block::new().borders(Borders::ALL).title(Span::styled(title, theme.title));
    let body = block.inner(rect);
    frame.render_widget(block, rect);
    scrolled(frame, body, lines, scroll, theme)
}
