//! Scrolling a long screen (help, plan, warning signs, the first run, import) by a line, a
//! page or to either end, never past the end as last drawn (`App::scroll_end`, set by the
//! drawing with the page it showed).

use super::{App, Msg};

impl App {
    /// Where `msg` takes a scrolled screen now at `scroll`: a line (j/k), a page less a line
    /// of overlap (PgUp/PgDn), the top or the end as last drawn (g/G, Home/End); `None` for a
    /// message that does not scroll.
    pub(super) fn scroll_by(&self, scroll: u16, msg: &Msg) -> Option<u16> {
        let (end, page) = (self.scroll_end.get(), self.scroll_page.get().saturating_sub(1).max(1));
        Some(match msg {
            Msg::Down => self.scrolled_down(scroll),
            Msg::Up => scroll.saturating_sub(1),
            Msg::PageDown => scroll.saturating_add(page).min(end),
            Msg::PageUp => scroll.min(end).saturating_sub(page),
            Msg::Top => 0,
            Msg::Bottom => end,
            _ => return None,
        })
    }
}
