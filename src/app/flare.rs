//! Flare-up mode from the app (`f` on Today, asked first) and the keys of the plan screen.
//! Switching flare-up mode is logged like `upright flare on|off`; the day is rebuilt once the
//! entry is saved, so the banner and the gentlest doses show at once.

use super::{App, Ask, Effect, Mode, Msg, Step};
use crate::state::EntryKind;

impl App {
    /// `f` on Today: ask whether to switch flare-up mode on (or off, when it is on); only `y`
    /// switches, like the other questions whose stray key would change the doses.
    pub(super) fn ask_flare(&self) -> Mode {
        let on = crate::progression::flare_since(self.ctx.store.entries(), self.day.date).is_none();
        Mode::Confirm { ask: Ask::Flare { on }, back: Box::new(Mode::Today) }
    }

    /// The flare-up question answered `y`: logged like `upright flare on|off`.
    pub(super) fn switch_flare(&mut self, on: bool) -> Step {
        let (kind, said) = if on {
            (EntryKind::FlareOn, crate::holds::FLARE_ON)
        } else {
            (
                EntryKind::FlareOff,
                "Flare-up mode off: each exercise restarts at about half and comes back in stages.",
            )
        };
        let entry = self.event(kind, None);
        self.change(Mode::Today, Effect::Save(Box::new(entry)), Some(said.into()))
    }

    /// Keys on the plan screen: scroll (a line, a page, to either end), help, back.
    pub(super) fn plan(&mut self, weeks: Vec<crate::progression::WeekPlan>, scroll: u16, msg: Msg) -> Step {
        let mode = match msg {
            Msg::Back | Msg::Plan => Mode::Today,
            Msg::Help => {
                self.help = true;
                Mode::Plan { weeks, scroll }
            }
            msg => Mode::Plan { scroll: self.scroll_by(scroll, &msg).unwrap_or(scroll), weeks },
        };
        (mode, None)
    }
}
