//! The help overlay (`?`): every key, and the promise that nothing is lost on quit.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{Theme, popup};

pub const KEYS: [(&str, &str); 18] = [
    ("j/k ↑/↓", "move"),
    ("Enter", "start the guided timer"),
    ("Space", "pause / resume"),
    ("+", "15 s more on this hold or rest"),
    ("n", "next phase"),
    ("x", "tick off without the timer"),
    ("s", "skip (with a reason)"),
    ("u", "undo today's last entry"),
    ("w", "week screen (h/l weeks, ←/→ days)"),
    ("p", "plan: where the doses lead"),
    ("g", "progress over 12 weeks"),
    ("!", "warning signs that need a doctor"),
    ("c", "a clinician cleared a paused exercise"),
    ("1 2 3", "rate: easy / ok / hard"),
    ("0–10", "pain, then Enter"),
    ("?", "this help"),
    ("q / Esc", "back / quit"),
    ("Ctrl-C", "quit"),
];

pub fn render(frame: &mut Frame, area: Rect, theme: &Theme) {
    let mut lines: Vec<Line> = KEYS
        .iter()
        .map(|(k, what)| Line::from(vec![Span::styled(format!("{k:>8}  "), theme.accent), Span::raw(*what)]))
        .collect();
    lines.push(Line::from(Span::styled("Every completion is saved at once.", theme.dim)));
    let rect = popup(frame, area, 50, lines.len() as u16 + 2);
    let block =
        Block::new().borders(Borders::ALL).title(Span::styled(" Keys — any key closes ", theme.title));
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}
