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
