//! Dosing rules (shared/COACHING.md "Progression" and "Flare-up mode"): given the settings, the
//! log and a date, each exercise's dose that day and one human line saying why it changed.
//! Pure: no IO, no clock; `date` is an argument.
//!
//! How the rules read the log, where COACHING.md leaves room:
//! - A *session* is the Done entries of one exercise on one coaching day (walk bouts together):
//!   its rating is the day's worst, its pain the day's highest. No feedback counts as ok, no pain
//!   as 0. Skips are not sessions: missed days count from the last session actually done.
//! - Each entry records the step it was done at; the last session's step is where the user is.
//!   That keeps the log the truth even if the catalog or config changes later.
//! - The 7-day limit counts from the first session at the current step, when that step was
//!   reached by a change (not for an exercise's very first sessions): a new user's first
//!   advance comes after 3 good sessions, and every later one at least 7 days after the last.
//! - When several rules lower the step (pain, hard sessions, missed days) the lowest wins; a
//!   4–7 day gap only holds. Caps (level or config) always apply, then the walk cap.
//! - `start_step` from the config is where an exercise starts before its first session.
//! - After a flare, sessions logged during it are ignored for the run of 3; missed days still
//!   count from the last session of any kind.

mod decide;
mod forecast;
mod harder;
mod reentry;
mod sessions;
mod walk;
mod words;

use jiff::civil::Date;

use decide::{Decision, decide};
pub use forecast::{PlanItem, WeekPlan, forecast};
pub use harder::Offer;
pub use words::{lift_rating, walk_rating};

use crate::catalog::{Catalog, Dose, Exercise, walk_text};
use crate::config::Settings;
use crate::safety::Safety;
use crate::state::{Entry, EntryKind};

/// Days back over which a run of good sessions is counted (views always load more than this).
const RUN_DAYS: i64 = 56;

/// How today's step relates to the last session's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// No session yet: the start step for the level (or the config override).
    Start,
    Same,
    Up,
    Down,
    /// Advancing was due or possible but something held it (hard session, pain 4–5, walk cap,
    /// a few days off).
    Hold,
    /// Flare-up mode sets the step.
    Flare,
}

/// How the app says what clears a leg-symptom pause (the CLI names its command instead).
const PAUSED_KEY: &str = "Press c when a clinician clears it";

impl Prescription {
    /// The reason as the command line says it: where the app names a key, the command that does
    /// the same.
    pub fn reason_in_cli(&self, ex: &Exercise) -> Option<String> {
        let reason = self.reason.as_ref()?;
        Some(match &self.offer {
            _ if self.paused => reason.replace(
                PAUSED_KEY,
                &format!("Run `upright safety --clear {}` when a clinician clears it", ex.id),
            ),
            Some(offer) if !self.stopped => harder::reason(ex, offer, true),
            _ => reason.clone(),
        })
    }
}

/// Today's dose of one exercise.
#[derive(Debug, Clone, PartialEq)]
pub struct Prescription {
    pub id: String,
    pub step: u32,
    pub dose: Dose,
    pub dose_text: String,
    pub change: Change,
    /// One human line when the step changed or was held ("curl-up up to 4-3-2 × 8 s holds:
    /// 3 easy sessions in a row"); `None` when nothing needs saying.
    pub reason: Option<String>,
    /// Pain above 5 today ended this exercise for the day.
    pub stopped: bool,
    /// Pain down a leg paused this exercise until a clinician clears it.
    pub paused: bool,
    /// A harder form ("feet") the user may take with `h` or `upright harder ID`; held until then.
    pub offer: Option<Offer>,
}

/// Each routine exercise's dose on `date`, in routine order. Entries dated after `date` are
/// ignored (a backfill sees the log as it was); entries of `date` itself do not change the dose,
/// except that pain above 5 stops the exercise for the day.
pub fn prescribe(catalog: &Catalog, settings: &Settings, history: &[Entry], date: Date) -> Vec<Prescription> {
    let upto = &history[..history.partition_point(|e| e.date <= date)];
    // What is the same for every exercise that day is read from the log once.
    let safety = Safety::from_entries(upto);
    let flare = flare_since(upto, date).is_some();
    settings
        .routine(catalog)
        .into_iter()
        .map(|e| prescribe_with(settings, upto, e, date, &safety, flare))
        .collect()
}

fn days_between(a: Date, b: Date) -> i64 {
    a.until(b).map(|s| i64::from(s.get_days())).unwrap_or(0)
}

/// Calendar days strictly between two dates: the days missed between sessions.
fn missed_days(last: Date, next: Date) -> i64 {
    days_between(last, next) - 1
}

/// Flare-up mode as of `date`: the day it went on, when it is on.
pub fn flare_since(history: &[Entry], date: Date) -> Option<Date> {
    let upto = history.partition_point(|e| e.date <= date);
    history[..upto]
        .iter()
        .rev()
        .find(|e| matches!(e.kind, EntryKind::FlareOn | EntryKind::FlareOff))
        .filter(|e| e.kind == EntryKind::FlareOn)
        .map(|e| e.date)
}

/// After 14 days in flare-up mode the app suggests seeing a GP or physiotherapist.
pub fn flare_prompt(history: &[Entry], date: Date) -> bool {
    flare_since(history, date).is_some_and(|since| days_between(since, date) >= 14)
}

/// One exercise's dose on `date` (also for exercises outside the routine).
pub fn prescribe_one(
    settings: &Settings,
    history: &[Entry],
    exercise: &Exercise,
    date: Date,
) -> Prescription {
    let history = &history[..history.partition_point(|e| e.date <= date)];
    let safety = Safety::from_entries(history);
    prescribe_with(settings, history, exercise, date, &safety, flare_since(history, date).is_some())
}

/// One exercise's dose, given the log up to `date` and that day's safety and flare state.
fn prescribe_with(
    settings: &Settings,
    history: &[Entry],
    exercise: &Exercise,
    date: Date,
    safety: &Safety,
    flare: bool,
) -> Prescription {
    let past = &history[..history.partition_point(|e| e.date < date)];
    let today = &history[past.len()..];
    let today_pain = today
        .iter()
        .filter(|e| e.kind == EntryKind::Done && e.is_for(&exercise.id))
        .filter_map(|e| e.pain)
        .max();
    let d = if flare {
        Decision {
            step: 1,
            change: Change::Flare,
            reason: Some("Flare-up mode: the gentlest step".into()),
            dose: None,
        }
    } else {
        decide(settings, history, past, exercise, date)
    };
    let Decision { mut step, mut change, mut reason, dose } = d;
    // Harder forms are offered, not switched in (issue 20).
    let mut offer = None;
    if !flare
        && change != Change::Start
        && let Some((keep, held)) = harder::hold_for_offer(history, exercise, date, step)
    {
        step = keep;
        change = Change::Hold;
        reason = Some(harder::reason(exercise, &held, false));
        offer = Some(held);
    }
    // Rule 11: a morning the back had not settled holds every exercise that day.
    if change == Change::Up && today.iter().any(|e| e.kind == EntryKind::NotSettled) {
        step -= 1;
        change = Change::Hold;
        reason = Some(words::same("your back had not settled this morning"));
    }
    // Safety (COACHING.md): a see-a-GP red flag pauses progression until a clinician has
    // checked it; pain down a leg pauses the exercise itself until it is cleared.
    if change == Change::Up && safety.gp_since.is_some() {
        step -= 1;
        change = Change::Hold;
        reason = Some(words::same("progress waits for a clinician's check"));
    }
    let paused = safety.paused.get(&exercise.id).copied();
    if let Some(since) = paused {
        reason = Some(format!("Paused: pain down a leg ({}). {PAUSED_KEY}", since.strftime("%a %-d %b")));
    }
    let stopped = today_pain.is_some_and(|p| p > 5);
    if let Some(pain) = today_pain.filter(|_| stopped) {
        let next = if step <= 1 {
            words::try_instead(exercise)
        } else if exercise.dose(1).walk_minutes().is_some() {
            "shorter walks".into()
        } else {
            "one step easier".into()
        };
        reason = Some(format!("Stopped for today: pain {pain}. Next time: {next}"));
    }
    let dose = dose.unwrap_or_else(|| exercise.dose(step).clone());
    let dose_text = match &dose {
        Dose::Walk { bouts } => walk_text(bouts),
        _ => exercise.dose_text(step),
    };
    Prescription {
        id: exercise.id.clone(),
        step,
        dose,
        dose_text,
        change,
        reason,
        stopped,
        paused: paused.is_some(),
        offer,
    }
}

#[cfg(test)]
mod simulation;
#[cfg(test)]
mod tests;
