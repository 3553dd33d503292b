//! Strength days (issue 16 part 1): which days are strength days, and the next load and reps of
//! each lift by double progression. Pure: history and `today` in, a prescription with its reason
//! out; no clock, no files. The lifts' data (rep ranges, cues, variants) is in
//! `assets/catalog.toml`; the user's loads come from the config's `[strength]` table
//! (`settings::strength`).

mod day;
mod prescribe;
mod schedule;
#[cfg(test)]
mod simulation;
#[cfg(test)]
mod tests;

use crate::catalog::{Dose, Exercise, Variant};

pub use crate::rx::lift::{Prescription, RepRange};
pub use crate::settings::strength::{LIFTS, LiftConfig, RawStrength, StrengthSettings, Units, default_cap};
pub use day::{Forecast, Lift, StrengthDay, dose, forecast, schedule, session_dates, today_lifts};
// The raw rule is private to this module: a lift's dose comes through `dose` and the gate.
use prescribe::prescribe;
pub use prescribe::{lighter, step_up};
pub use schedule::{
    Schedule, StrengthWeek, is_strength_day, missed_sessions, next_strength_day, spacing_days,
};

/// Rest between sets: 90 s, the middle of the 60–120 s the issue (and ACSM 2009 for novice
/// hypertrophy/strength work) asks for.
pub const REST_SECS: u32 = 90;

/// The form a lift is done in: `chosen` (`done --as`, `v` in the app) when given, else the
/// bodyweight start (the lift's easier variant: sit-to-stand, hip-hinge drill, band row, farmer
/// carry) while there is no load, else the lift itself (`None`).
pub fn form<'e>(
    exercise: &'e Exercise,
    chosen: Option<&'e Variant>,
    load: Option<f64>,
) -> Option<&'e Variant> {
    chosen.or_else(|| load.is_none().then(|| exercise.alternative()).flatten())
}

/// What a reply says a lift session was: the name and the dose as done ("Sit-to-stand, no
/// weight", "3 × 10"). Done as a chosen variant, the lift's own name (the reply adds the
/// variant's, as `done --as` says it); otherwise the form the load makes it.
pub fn done_text(
    exercise: &Exercise,
    chosen: Option<&Variant>,
    done: &Prescription,
    units: Units,
) -> (String, String) {
    let form = form(exercise, chosen, done.load);
    let name = match (chosen, form) {
        (None, Some(start)) => start.name.clone(),
        _ => exercise.name.clone(),
    };
    (name, done.text_as(exercise, form, units))
}

impl Prescription {
    /// The form prescribed: the bodyweight start without a load, else the lift itself.
    pub fn form<'e>(&self, exercise: &'e Exercise) -> Option<&'e Variant> {
        form(exercise, None, self.load)
    }

    /// The lift as prescribed: the start's name, cues and sides without a load (so Today, the
    /// timer and the replies show a sit-to-stand, not a goblet squat), else the lift itself.
    pub fn shown(&self, exercise: &Exercise) -> Exercise {
        self.form(exercise).map_or_else(|| exercise.clone(), |v| exercise.as_variant(v))
    }

    /// "3 × 10 at 8 kg", "3 × 30 s per side at 12 kg"; the bodyweight start "3 × 8", its carry
    /// "3 × 20 s" (a bag in each hand at once, not per side).
    pub fn text(&self, exercise: &Exercise, units: Units) -> String {
        self.text_as(exercise, self.form(exercise), units)
    }

    /// As done in `form` (`None`: the lift itself), which may take both sides at once.
    pub fn text_as(&self, exercise: &Exercise, form: Option<&Variant>, units: Units) -> String {
        let unit = if matches!(exercise.dose(1), Dose::Carry { .. }) { " s" } else { "" };
        let per_side = form.and_then(|v| v.per_side).unwrap_or(exercise.per_side);
        let side = if per_side { " per side" } else { "" };
        match self.load {
            Some(load) => format!("{} × {}{unit}{side} at {} {units}", self.sets, self.reps, fmt_load(load)),
            // The form's name says what is lifted (no weight, a broom, a band, a bag in each hand).
            None => format!("{} × {}{unit}{side}", self.sets, self.reps),
        }
    }
}

/// The load a session of `exercise` was done with: none for its bodyweight start (an easier
/// variant), else the load given, else the one planned. The app and `done --load` both ask it.
pub fn load_done(
    exercise: &Exercise,
    variant: Option<&str>,
    given: Option<f64>,
    planned: Option<f64>,
) -> Option<f64> {
    let bodyweight = variant.and_then(|v| exercise.variant(v)).is_some_and(|v| v.easier);
    if bodyweight { None } else { given.or(planned) }
}

/// 8 → "8", 12.5 → "12.5".
pub fn fmt_load(load: f64) -> String {
    let rounded = (load * 100.0).round() / 100.0;
    if rounded.fract() == 0.0 { format!("{rounded:.0}") } else { format!("{rounded}") }
}
