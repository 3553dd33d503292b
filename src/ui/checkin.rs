//! The weekly check-in popup: the week's average pain, then each activity of the Patient-
//! Specific Functional Scale (named on the first check-in, `r` renames one), Esc skips it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::{Theme, popup};
use crate::app::{CheckinForm, CheckinStage};

pub fn render(frame: &mut Frame, area: Rect, f: &CheckinForm, theme: &Theme) {
    let field = |text: &str| Span::styled(format!("{text}▏"), theme.selected);
    let mut lines = Vec::new();
    let (question, hint) = match f.stage {
        CheckinStage::Pain => (
            "Your back pain on average over the last week, 0 (none) to 10 (worst):".to_string(),
            "Type a number · Enter next · Esc skip this week",
        ),
        CheckinStage::Name(i) => (
            format!(
                "Name an activity your back makes hard ({} of up to 3), e.g. \"put on socks\"; Enter on an empty line when done:",
                i + 1
            ),
            "Type · Enter next · Esc skip this week",
        ),
        CheckinStage::Score(i) => (
            format!("\"{}\" — how well can you do it now? 0 unable, 10 as before the problem:", f.names[i]),
            "Type a number · Enter next · r rename · Esc skip",
        ),
    };
    if let Some(pain) = f.pain {
        lines.push(Line::from(Span::styled(format!("Pain {pain}."), theme.dim)));
    }
    lines.push(Line::from(question));
    lines.push(Line::from(field(&f.text)));
    if let Some(problem) = &f.problem {
        lines.push(Line::from(Span::styled(problem.as_str(), theme.warn)));
    }
    lines.push(Line::from(Span::styled(hint, theme.dim)));
    let width = 64.min(area.width);
    let inner = usize::from(width.saturating_sub(2)).max(1);
    let rows: usize = lines.iter().map(|l| l.width().div_ceil(inner).max(1)).sum();
    let rect = popup(frame, area, width, (rows as u16 + 2).min(area.height));
    let block = Block::new().borders(Borders::ALL).title(Span::styled(" Weekly check-in ", theme.title));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).block(block), rect);
}
