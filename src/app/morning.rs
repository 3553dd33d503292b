//! The next-morning check in the app (COACHING.md rule 11): asked on the day's first start
//! when the last session was yesterday; `y` logs `settled`, `n` logs `not-settled` (every
//! exercise holds that day), Esc leaves it for the next start. The weekly check-in follows.

use super::{App, Effect, Mode, Msg, Step};
use crate::state::EntryKind;

impl App {
    /// Whether to ask now: the disclaimer accepted and `morning::due` for today.
    pub(super) fn morning_due(&self) -> bool {
        self.day.safety.accepted.is_some() && crate::morning::due(self.ctx.store.entries(), self.ctx.today)
    }

    pub(super) fn morning(&mut self, msg: Msg) -> Step {
        // The check-in, if the week's is due, and the lesson come right after.
        let next = |app: &mut App| app.after_morning();
        let settled = match msg {
            Msg::Char('y' | 'Y') => true,
            Msg::Char('n' | 'N') => false,
            Msg::Back => {
                self.message = Some("Asked again when you next start upright today.".into());
                return (next(self), None);
            }
            _ => return (Mode::Morning, None),
        };
        let kind = if settled { EntryKind::Settled } else { EntryKind::NotSettled };
        let entry = self.event(kind, None);
        let mode = next(self);
        self.change(
            mode,
            Effect::Save(Box::new(entry)),
            Some(crate::morning::said(settled, self.day.safety.locked_since.is_some()).into()),
        )
    }
}
