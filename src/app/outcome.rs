//! What the app does with the outcome of an effect it returned (`Msg::Saved`): show the day
//! the log has now and the line that says what happened, or the error, and stay.

use super::{App, Effect, Fresh, Mode, Onboarding, Step};

/// What the app does when the outcome of the effect it returned arrives.
#[derive(Debug)]
pub(super) enum Awaiting {
    /// A change to the log; on success this line (if any) is shown.
    Log(Option<String>),
    /// The first-run choices: on success the acceptance is logged, on failure the last
    /// question is asked again.
    Choices(Onboarding),
}

impl App {
    /// Asks the loop to change the log, showing `said` once it is done.
    pub(super) fn change(&mut self, mode: Mode, effect: Effect, said: Option<String>) -> Step {
        self.awaiting = Some(Awaiting::Log(said));
        (mode, Some(effect))
    }

    /// The outcome of the effect last returned: show the day the log has now, or the error,
    /// and stay. The week screen is rebuilt too, since it may show what changed.
    pub(super) fn saved(&mut self, outcome: Result<Box<Fresh>, String>) -> Option<Effect> {
        let awaiting = self.awaiting.take();
        let fresh = match outcome {
            Ok(fresh) => fresh,
            Err(e) => {
                self.message = Some(match awaiting {
                    Some(Awaiting::Choices(o)) => {
                        self.mode = Mode::Onboard(o);
                        format!("Could not save your choices: {e}")
                    }
                    _ => e,
                });
                return None;
            }
        };
        // Today, and the week screen when it is open.
        self.install(*fresh);
        match awaiting {
            Some(Awaiting::Log(said)) => {
                self.message = said.or(self.message.take());
                None
            }
            Some(Awaiting::Choices(_)) => {
                let welcome = format!("Welcome. Your choices are in {}.", self.ctx.config_path.display());
                self.awaiting = Some(Awaiting::Log(Some(welcome)));
                // The warning signs are shown once, before the first session (issue 20); q or
                // Esc goes on to Today, and ! brings them back at any time.
                if matches!(self.mode, Mode::Today) {
                    self.mode = Mode::RedFlags { said: None, back: Box::new(Mode::Today), scroll: 0 };
                }
                Some(Effect::Save(Box::new(self.event(crate::state::EntryKind::DisclaimerAccepted, None))))
            }
            None => None,
        }
    }
}
