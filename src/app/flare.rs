//! Flare-up mode from the app (`f` on Today, asked first) and the keys of the plan screen.
//! Switching flare-up mode is logged like `upright flare on|off`; the day is rebuilt once the
//! entry is saved, so the banner and the gentlest doses show at once.

use super::{App, Effect, Mode, Msg, Step};
use crate::state::EntryKind;

impl App {
    /// `f` on Today: ask whether to switch flare-up mode on (or off, when it is on).
    pub(super) fn ask_flare(&self) -> Mode {
        let on = crate::progression::flare_since(self.ctx.store.entries(), self.day.date).is_none();
        Mode::Flare { on }
    }

    /// The flare-up question: `y` switches, anything else (n, Esc) leaves it as it was.
    pub(super) fn flare(&mut self, on: bool, msg: Msg) -> Step {
        match msg {
            Msg::Char('y') | Msg::Confirm => {
                let (kind, said) = if on {
                    (
                        EntryKind::FlareOn,
                        "Flare-up mode on: every exercise at its gentlest step. Rest is fine too.",
                    )
                } else {
                    (
                        EntryKind::FlareOff,
                        "Flare-up mode off: each exercise resumes two steps below where it was.",
                    )
                };
                let entry = self.event(kind, None);
                self.change(Mode::Today, Effect::Save(Box::new(entry)), Some(said.into()))
            }
            Msg::Char('n') | Msg::Back | Msg::Char('q') => (Mode::Today, None),
            _ => (Mode::Flare { on }, None),
        }
    }

    /// Keys on the plan screen: scroll, help, back.
    pub(super) fn plan(&mut self, weeks: Vec<crate::progression::WeekPlan>, scroll: u16, msg: Msg) -> Step {
        let mode = match msg {
            Msg::Back | Msg::Plan => Mode::Today,
            Msg::Down => Mode::Plan { weeks, scroll: self.scrolled_down(scroll) },
            Msg::Up => Mode::Plan { weeks, scroll: scroll.saturating_sub(1) },
            Msg::Help => {
                self.help = true;
                Mode::Plan { weeks, scroll }
            }
            _ => Mode::Plan { weeks, scroll },
        };
        (mode, None)
    }
}
