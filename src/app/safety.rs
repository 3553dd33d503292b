//! Safety in the app: the first run (disclaimer, level, movements to avoid, written to the
//! config), the red-flag screen with what the user reports and its clearing, pain spreading
//! down a leg, and the two-week suggestion to see a GP or physiotherapist.

use std::time::Instant;

use color_eyre::eyre::Result;
use jiff::ToSpan;

use super::{App, Mode, Msg};
use crate::config::write;
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
    /// 0 disclaimer, 1 level, 2 movements to avoid.
    pub step: u8,
    pub active: bool,
    pub avoid_extension: bool,
    pub avoid_flexion: bool,
    /// Lines scrolled (j/k), so the whole disclaimer can be read on a small terminal.
    pub scroll: u16,
}

impl App {
    /// Opening the red flags from a running timer pauses it.
    pub(super) fn pause_for_flags(&mut self, mode: Mode, now: Instant) -> Mode {
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

    fn log_event(&mut self, kind: EntryKind, exercise: Option<&str>) -> Result<()> {
        let mut entry = self.ctx.event(self.day.date, kind);
        entry.exercise = exercise.map(String::from);
        self.ctx.store.append(entry)?;
        self.refresh()
    }

    pub(super) fn red_flags(&mut self, said: Option<Report>, back: Mode, msg: Msg) -> Result<Mode> {
        let locked = self.day.safety.locked_since.is_some();
        let said = match msg {
            Msg::Char('e') => {
                self.log_event(EntryKind::RedFlagEmergency, None)?;
                // The session stops: whatever was running is dropped.
                return Ok(Mode::RedFlags {
                    said: Some(Report::Emergency),
                    back: Box::new(Mode::Today),
                    scroll: 0,
                });
            }
            Msg::Char('g') => {
                self.log_event(EntryKind::RedFlagGp, None)?;
                Some(Report::Gp)
            }
            Msg::Char('c') | Msg::Clear if locked || self.day.safety.gp_since.is_some() => {
                self.log_event(EntryKind::Cleared, None)?;
                Some(Report::Cleared)
            }
            Msg::Back | Msg::RedFlags | Msg::Char('q') => {
                return Ok(if locked && matches!(back, Mode::Timer(_)) { Mode::Today } else { back });
            }
            _ => said,
        };
        Ok(Mode::RedFlags { said, back: Box::new(back), scroll: 0 })
    }

    pub(super) fn onboard(&mut self, mut o: Onboarding, msg: Msg) -> Result<Mode> {
        match (o.step, msg) {
            (0, Msg::Char('a')) => o.step = 1,
            (0, Msg::Char('j') | Msg::Down) => o.scroll += 1,
            (0, Msg::Char('k') | Msg::Up) => o.scroll = o.scroll.saturating_sub(1),
            (0, Msg::Back | Msg::Char('q')) => self.quit = true,
            (1, Msg::Char('1' | 'b')) => (o.active, o.step) = (false, 2),
            (1, Msg::Char('2' | 'a')) => (o.active, o.step) = (true, 2),
            (2, Msg::Char('e')) => o.avoid_extension = !o.avoid_extension,
            (2, Msg::Char('f')) => o.avoid_flexion = !o.avoid_flexion,
            (2, Msg::Confirm) => return self.finish_onboarding(&o),
            (1 | 2, Msg::Back) => o.step -= 1,
            _ => {}
        }
        Ok(Mode::Onboard(o))
    }

    /// Writes the choices to the config (keeping what is there), logs the acceptance, and
    /// opens Today with the routine those choices give.
    fn finish_onboarding(&mut self, o: &Onboarding) -> Result<Mode> {
        let avoid: Vec<&str> = [(o.avoid_extension, "extension"), (o.avoid_flexion, "flexion")]
            .into_iter()
            .filter_map(|(on, name)| on.then_some(name))
            .collect();
        let keys = [
            ("level", toml_edit::Value::from(if o.active { "active" } else { "beginner" })),
            ("avoid", toml_edit::Array::from_iter(avoid).into()),
        ];
        if let Err(e) =
            write::save_choices(&self.ctx.config_path, &keys).and_then(|()| self.ctx.reload_config())
        {
            self.message = Some(format!("Could not save your choices: {e:#}"));
            return Ok(Mode::Onboard(o.clone()));
        }
        self.log_event(EntryKind::DisclaimerAccepted, None)?;
        self.message = Some(format!("Welcome. Your choices are in {}.", self.ctx.config_path.display()));
        Ok(Mode::Today)
    }

    /// "Pain spread down my leg" in the feedback prompt: stop, log, pause the exercise.
    pub(super) fn leg_symptoms(&mut self, id: &str) -> Result<()> {
        self.log_event(EntryKind::LegSymptoms, Some(id))?;
        self.message = Some(format!(
            "Stopped: {} is paused until a clinician has checked the leg symptoms (then press c on it).",
            self.name(id)
        ));
        Ok(())
    }

    /// `c` on a paused exercise: a clinician cleared it.
    pub(super) fn clear_selected(&mut self) -> Result<()> {
        let Some(item) = self.selected_item() else { return Ok(()) };
        if !item.rx.paused {
            self.message = Some(format!("{} is not paused.", item.exercise.name));
            return Ok(());
        }
        let id = item.exercise.id.clone();
        self.log_event(EntryKind::Cleared, Some(&id))?;
        self.message = Some(format!("{} is back in your routine. Go gently.", self.name(&id)));
        Ok(())
    }

    /// Whether Today shows the two-week suggestion: pain not improving or trending up, and not
    /// dismissed in the last 7 days.
    pub fn needs_check(&self) -> bool {
        let entries = self.ctx.store.entries();
        let week_ago = self.day.date.checked_sub(7.days()).unwrap_or(self.day.date);
        let dismissed = entries.iter().any(|e| e.kind == EntryKind::CheckDismissed && e.date > week_ago);
        let first = entries.iter().find(|e| e.kind == EntryKind::Done).map(|e| e.date);
        !dismissed && crate::safety::needs_check(entries, first, self.day.date)
    }

    /// `d` on Today: dismiss the two-week suggestion for a week.
    pub(super) fn dismiss_check(&mut self) -> Result<()> {
        if self.needs_check() {
            self.log_event(EntryKind::CheckDismissed, None)?;
            self.message = Some("Noted. We'll ask again in a week.".into());
        }
        Ok(())
    }
}
