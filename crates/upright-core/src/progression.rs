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

pub use crate::rx::{Change, Offer, Prescription};
pub use crate::safety::flare_since;
pub use forecast::{PlanItem, WeekPlan, forecast};
pub use words::{lift_rating, walk_rating};

use crate::catalog::{Catalog, Dose, Exercise, walk_text};
use crate::log::{Entry, EntryKind};
use crate::settings::Settings;

/// Days back over which a run of good sessions is counted (views always load more than this).
const RUN_DAYS: i64 = 56;

use crate::holds::{Gated, Holds, PAUSED_KEY};

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

/// Each routine exercise's dose on `date`, in routine order. Entries dated after `date` are
/// ignored (a backfill sees the log as it was); entries of `date` itself do not change the dose,
/// except that pain above 5 stops the exercise for the day.
pub fn prescribe(
    catalog: &Catalog,
    settings: &Settings,
    history: &[Entry],
    date: Date,
) -> Vec<Gated<Prescription>> {
    // The holds are the same for every exercise that day: read from the log once.
    prescribe_held(catalog, settings, history, date, &Holds::on(settings, history, date))
}

/// As [`prescribe`], with the day's holds already read (Today reads them once for all kinds).
pub fn prescribe_held(
    catalog: &Catalog,
    settings: &Settings,
    history: &[Entry],
    date: Date,
    holds: &Holds,
) -> Vec<Gated<Prescription>> {
    let upto = &history[..history.partition_point(|e| e.date <= date)];
    settings.routine(catalog).into_iter().map(|e| gated(settings, upto, e, date, holds)).collect()
}

/// One exercise's raw dose through the holds.
fn gated(
    settings: &Settings,
    upto: &[Entry],
    ex: &Exercise,
    date: Date,
    holds: &Holds,
) -> Gated<Prescription> {
    let raw = prescribe_raw(settings, upto, ex, date, holds.flare.is_some());
    let past = &upto[..upto.partition_point(|e| e.date < date)];
    let last_step =
        past.iter().rev().find(|e| e.kind == EntryKind::Done && e.is_for(&ex.id)).and_then(|e| e.step);
    holds.routine(ex, raw, last_step)
}

fn days_between(a: Date, b: Date) -> i64 {
    a.until(b).map(|s| i64::from(s.get_days())).unwrap_or(0)
}

/// Calendar days strictly between two dates: the days missed between sessions.
fn missed_days(last: Date, next: Date) -> i64 {
    days_between(last, next) - 1
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
) -> Gated<Prescription> {
    let history = &history[..history.partition_point(|e| e.date <= date)];
    gated(settings, history, exercise, date, &Holds::on(settings, history, date))
}

/// One exercise's dose by the ladder's own rules, before the holds (`holds.rs` applies them):
/// the log up to `date`; `flare` only keeps a harder form from being offered in a flare-up.
fn prescribe_raw(
    settings: &Settings,
    history: &[Entry],
    exercise: &Exercise,
    date: Date,
    flare: bool,
) -> Prescription {
    let past = &history[..history.partition_point(|e| e.date < date)];
    let today = &history[past.len()..];
    let today_pain = today
        .iter()
        .filter(|e| e.kind == EntryKind::Done && e.is_for(&exercise.id))
        .filter_map(|e| e.pain)
        .max();
    let Decision { mut step, mut change, mut reason, dose } = decide(settings, history, past, exercise, date);
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
        paused: false,
        offer,
    }
}

#[cfg(test)]
mod simulation;
#[cfg(test)]
mod tests;
