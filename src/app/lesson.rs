//! The week's lesson card in the app (issue 20): shown on a start in the first 8 weeks, after
//! the morning question and the check-in; `d` logs it as read so it is not shown again, Esc
//! (or Enter) leaves it for the next start.

use super::{App, Effect, Mode, Msg, Step};
use crate::state::EntryKind;

impl App {
    /// What a start shows after the morning question: the check-in, the lesson, or Today.
    pub(super) fn after_morning(&mut self) -> Mode {
        self.checkin_due().map_or_else(|| self.after_checkin(), Mode::Checkin)
    }

    /// What comes after the check-in: this week's lesson if not dismissed, else Today.
    pub(super) fn after_checkin(&self) -> Mode {
        let due = crate::lessons::due(self.ctx.store.entries(), self.day.safety.accepted, self.ctx.today);
        due.map_or(Mode::Today, Mode::Lesson)
    }

    pub(super) fn lesson(&mut self, n: usize, msg: Msg) -> Step {
        match msg {
            Msg::Char('d' | 'D') => {
                let mut entry = self.event(EntryKind::LessonRead, None);
                entry.step = Some(n as u32);
                let said = format!("Lesson {n} put away; upright learn {n} shows it again.");
                self.change(Mode::Today, Effect::Save(Box::new(entry)), Some(said))
            }
            // Enter is "later", as Esc: the Enter that ends the check-in, pressed once more,
            // must not put the card away for good (issue 26).
            Msg::Back | Msg::Confirm => (Mode::Today, None),
            _ => (Mode::Lesson(n), None),
        }
    }
}
