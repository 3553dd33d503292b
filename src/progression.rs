//! Dosing rules (shared/COACHING.md "Progression" and "Flare-up mode"): given the catalog, the
//! settings, the log and a date, what each exercise's dose is that day and why.
//! Pure: no IO, no clock; `date` is an argument.

use crate::catalog::Dose;

/// How today's step relates to the last session's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// No session yet: the start step for the level (or the config override).
    Start,
    Same,
    Up,
    Down,
    /// Advancing was due but something held it (hard session, pain 4–5, walk cap, 7-day limit).
    Hold,
    /// Flare-up mode sets the step.
    Flare,
}

/// Today's dose of one exercise.
#[derive(Debug, Clone, PartialEq)]
pub struct Prescription {
    pub id: String,
    pub step: u32,
    pub dose: Dose,
    pub dose_text: String,
    pub change: Change,
    /// One human line when the step changed or was held ("curl-up up to 4-3-2 × 8 s: 3 easy
    /// sessions in a row"); `None` when nothing needs saying.
    pub reason: Option<String>,
}

use jiff::civil::Date;

use crate::catalog::{Catalog, Exercise};
use crate::config::Settings;
use crate::state::Entry;

/// Each routine exercise's dose on `date`, in routine order. `history` is sorted by (date, at);
/// entries dated on or after `date` are ignored, except same-day ones, which mark today's sessions.
pub fn prescribe(catalog: &Catalog, settings: &Settings, history: &[Entry], date: Date) -> Vec<Prescription> {
    settings.routine(catalog).into_iter().map(|e| prescribe_one(settings, history, e, date)).collect()
}

/// One exercise's dose on `date` (also for exercises outside the routine).
pub fn prescribe_one(
    settings: &Settings,
    _history: &[Entry],
    exercise: &Exercise,
    _date: Date,
) -> Prescription {
    // Placeholder until the rules land: the start step.
    let step = settings.start_step(exercise);
    Prescription {
        id: exercise.id.clone(),
        step,
        dose: exercise.dose(step).clone(),
        dose_text: exercise.dose_text(step),
        change: Change::Start,
        reason: None,
    }
}

// TEMP until the rules land
pub struct PlanItem {
    pub id: String,
    pub step: u32,
    pub dose_text: String,
}
pub struct WeekPlan {
    pub week_start: Date,
    pub exercises: Vec<PlanItem>,
}
pub fn forecast(_: &Catalog, _: &Settings, _: &[Entry], _: Date, _: u32) -> Vec<WeekPlan> {
    Vec::new()
}
pub fn flare_since(_: &[Entry], _: Date) -> Option<Date> {
    None
}
