//! Safety in the app: the first run (disclaimer, level, movements to avoid, written to the
//! config), the red-flag screen with what the user reports and its clearing, pain spreading
//! down a leg, and the two-week suggestion to see a GP or physiotherapist. What is reported is
//! returned as an entry to save; the choices as an effect the loop writes to the config.

use std::time::Instant;

use super::{App, Ask, Awaiting, Effect, Mode, Msg, Step};
use crate::state::EntryKind;

/// What the user reported on the red-flag screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Report {
    Emergency,
    Gp,
    Cleared,
}

/// The first run, one question at a time.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Onboarding {
    /// 0 disclaimer, 1 level, 2 movements to avoid, 3 strength days.
    pub step: u8,
    pub active: bool,
    pub avoid_extension: bool,
    pub avoid_flexion: bool,
    /// Strength days with weights (issue 16), off unless chosen.
    pub strength: bool,
    /// The config already has them on: shown ticked, and not turned off from here (a
    /// `[strength]` table may hold the user's loads).
    pub strength_set: bool,
    /// Lines scrolled (j/k), so the whole disclaimer can be read on a small terminal.
    pub scroll: u16,
}

/// The first-run answers, for the config.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choices {
    pub active: bool,
    pub avoid_extension: bool,
    pub avoid_flexion: bool,
    /// Switch strength days on (never written as off: a `[strength]` table may hold loads).
    pub strength: bool,
}

impl Choices {
    /// The config keys they set (other keys in the file are kept).
    pub fn keys(&self) -> Vec<(&'static str, toml_edit::Value)> {
        let avoid: Vec<&str> = [(self.avoid_extension, "extension"), (self.avoid_flexion, "flexion")]
            .into_iter()
            .filter_map(|(on, name)| on.then_some(name))
            .collect();
        let mut keys = vec![
            ("level", toml_edit::Value::from(if self.active { "active" } else { "beginner" })),
            ("avoid", toml_edit::Array::from_iter(avoid).into()),
        ];
        if self.strength {
            keys.push(("strength.enabled", toml_edit::Value::from(true)));
        }
        keys
    }
}

/// Opening the red flags from a running timer pauses it.
pub(super) fn pause_for_flags(mode: Mode, now: Instant) -> Mode {
    match mode {
        Mode::Timer(mut run) => {
            if !run.timer.is_paused() {
                run.timer.toggle_pause(now);
            }
            Mode::Timer(run)
        }
        mode => mode,
    }
}

impl App {
    /// Logs a safety event (saved by the loop), then shows `said`.
    pub(super) fn log_event(
        &mut self,
        mode: Mode,
        kind: EntryKind,
        exercise: Option<&str>,
        said: Option<String>,
    ) -> Step {
        let entry = self.event(kind, exercise);
        self.change(mode, Effect::Save(Box::new(entry)), said)
    }

    pub(super) fn red_flags(&mut self, said: Option<Report>, back: Mode, msg: Msg) -> Step {
        let locked = self.day.safety.locked_since.is_some();
        let here = |back: &Mode| Box::new(Mode::RedFlags { said, back: Box::new(back.clone()), scroll: 0 });
        let ask = |ask| Some(Mode::Confirm { ask, back: here(&back) });
        let asked = match msg {
            Msg::Char('e') => ask(Ask::Emergency),
            Msg::Char('g') => ask(Ask::Gp),
            Msg::Char('c') | Msg::Clear if locked || self.day.safety.gp_since.is_some() => {
                ask(Ask::ClearFlags)
            }
            _ => None,
        };
        if let Some(mode) = asked {
            return (mode, None);
        }
        match msg {
            Msg::Back | Msg::RedFlags | Msg::Char('q') => {
                (if locked && matches!(back, Mode::Timer(_)) { Mode::Today } else { back }, None)
            }
            _ => (Mode::RedFlags { said, back: Box::new(back), scroll: 0 }, None),
        }
    }

    pub(super) fn onboard(&mut self, mut o: Onboarding, msg: Msg) -> Step {
        match (o.step, msg) {
            (0, Msg::Char('a')) => (o.step, o.scroll) = (1, 0),
            (_, Msg::Char('j') | Msg::Down) => o.scroll = self.scrolled_down(o.scroll),
            (_, Msg::Char('k') | Msg::Up) => o.scroll = o.scroll.saturating_sub(1),
            (_, m @ (Msg::PageUp | Msg::PageDown | Msg::Top | Msg::Bottom)) => {
                o.scroll = self.scroll_by(o.scroll, &m).unwrap_or(o.scroll)
            }
            (0, Msg::Back | Msg::Char('q')) => return (Mode::Onboard(o), Some(Effect::Quit)),
            (1, Msg::Char('1' | 'b')) => (o.active, o.step, o.scroll) = (false, 2, 0),
            (1, Msg::Char('2' | 'a')) => (o.active, o.step, o.scroll) = (true, 2, 0),
            (2, Msg::Char('e')) => o.avoid_extension = !o.avoid_extension,
            (2, Msg::Char('f')) => o.avoid_flexion = !o.avoid_flexion,
            (2, Msg::Confirm) => (o.step, o.scroll) = (3, 0),
            (3, Msg::Char('s')) if !o.strength_set => o.strength = !o.strength,
            // The loop writes the choices to the config (keeping what is there) and reloads
            // it; then the acceptance is logged and Today opens with the routine they give.
            (3, Msg::Confirm) => {
                let choices = Choices {
                    active: o.active,
                    avoid_extension: o.avoid_extension,
                    avoid_flexion: o.avoid_flexion,
                    // Already on (perhaps a table with loads): nothing to write.
                    strength: o.strength && !self.ctx.settings.strength.enabled,
                };
                self.awaiting = Some(Awaiting::Choices(o));
                return (Mode::Today, Some(Effect::SaveChoices(choices)));
            }
            (1..=3, Msg::Back) => (o.step, o.scroll) = (o.step - 1, 0),
            _ => {}
        }
        (Mode::Onboard(o), None)
    }

    /// "Pain spread down my leg" in one leg: stop, log, pause the exercise (and what the pause
    /// covers); with numbness or weakness, the see-a-GP-today sign too (`safety::Legs`).
    pub(super) fn leg_symptoms(&mut self, id: &str, numb: bool, back: Mode) -> Step {
        let name = self.name(id);
        let said = if numb {
            format!(
                "Stopped: {name} and the exercises that load the leg are on hold. Numbness or weakness: {}",
                crate::safety::SEE_GP_WHEN
            )
        } else {
            format!(
                "Stopped: {name} and the exercises that load the leg are on hold until a clinician has checked the leg symptoms (then press c on it)."
            )
        };
        let entries = crate::safety::Legs::One { numb }
            .entries()
            .into_iter()
            .map(|kind| {
                let leg = kind == EntryKind::LegSymptoms;
                self.event(kind, leg.then_some(id))
            })
            .collect();
        self.change(back, Effect::SaveAll(entries), Some(said))
    }

    /// Symptoms in both legs (issue 20): an emergency sign, so the red-flag path, not a pause.
    /// The session stops and the lists show what was reported.
    pub(super) fn both_legs(&mut self) -> Step {
        let shown = Mode::RedFlags { said: Some(Report::Emergency), back: Box::new(Mode::Today), scroll: 0 };
        let entries =
            crate::safety::Legs::Both.entries().into_iter().map(|kind| self.event(kind, None)).collect();
        self.change(shown, Effect::SaveAll(entries), None)
    }

    /// `c` on a paused exercise: a clinician cleared it.
    pub(super) fn clear_selected(&mut self) -> Step {
        let Some(item) = self.selected_item() else { return (Mode::Today, None) };
        if !item.rx.paused {
            self.message = Some(format!("{} is not on hold.", item.exercise.name));
            return (Mode::Today, None);
        }
        // Paused along with another exercise's leg symptoms: that one is what is cleared.
        if let Some(crate::holds::Hold::LegPause { own: false, .. }) = item.rx.hold() {
            let causes: Vec<String> = self.day.safety.paused.keys().map(|id| self.name(id)).collect();
            self.message = Some(format!(
                "{} is paused along with the leg symptoms in {}: press c on that one once a clinician has cleared them.",
                item.exercise.name,
                causes.join(", ")
            ));
            return (Mode::Today, None);
        }
        let ask = Ask::ClearExercise(item.exercise.id.clone(), item.exercise.name.clone());
        (Mode::Confirm { ask, back: Box::new(Mode::Today) }, None)
    }

    /// `d` on Today: dismiss the suggestion to see a clinician (a week; "no clear change" two).
    pub(super) fn dismiss_check(&mut self) -> Step {
        if !self.day.needs_check {
            return (Mode::Today, None);
        }
        // "No clear change" is said at most once a fortnight; the rest again in a week.
        let fortnight = self.day.check.is_some_and(|m| m.verdict == crate::checkin::Verdict::NoChange);
        let when = if fortnight { "in two weeks" } else { "in a week" };
        let said = format!("Noted. We'll ask again {when}.");
        self.log_event(Mode::Today, EntryKind::CheckDismissed, None, Some(said))
    }
}
