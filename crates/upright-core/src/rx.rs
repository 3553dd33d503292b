//! What the rules prescribe and the holds gate keeps: a routine exercise's dose
//! ([`Prescription`]) and a lift's ([`lift::Prescription`]), with the small pieces both sides
//! read. The ladder's rules (`progression`, `strength`) make a raw one; `holds` turns it into the
//! `Gated` dose every front end shows. Neither rule module is below the gate nor above it: both
//! only share these types, so the layers run one way (rules → holds → views).

use crate::catalog::{Dose, Exercise, walk_text};

pub mod lift;

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

/// A harder form of an exercise the user may take (`h` in the app, `upright harder ID`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    /// The form offered ("feet") and the one the user is on ("knees").
    pub form: String,
    pub from: String,
    /// The user said "not now": it is no longer offered, only held (and still taken with `h`).
    pub declined: bool,
}

/// `ex` at ladder `step`: its dose and the text of it.
pub fn dose_at(ex: &Exercise, step: u32) -> (Dose, String) {
    let dose = ex.dose(step).clone();
    let text = match &dose {
        Dose::Walk { bouts } => walk_text(bouts),
        _ => ex.dose_text(step),
    };
    (dose, text)
}

/// "Same as last time: why", the line a held dose shows.
pub fn same_because(why: &str) -> String {
    format!("Same as last time: {why}")
}
