//! Strength days (issue 16 part 1): which days are strength days, and the next load and reps of
//! each lift by double progression. Pure: history and `today` in, a prescription with its reason
//! out; no clock, no files. The lifts' data (rep ranges, cues, variants) is in
//! `assets/catalog.toml`; the user's loads come from the config's `[strength]` table.

mod config;
mod day;
mod prescribe;
mod schedule;
#[cfg(test)]
mod simulation;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;

use crate::catalog::{Dose, Exercise, Level, Variant};

pub use config::RawStrength;
pub use day::{Forecast, Lift, StrengthDay, dose, forecast, schedule, session_dates, today_lifts};
// The raw rule is private to this module: a lift's dose comes through `dose` and the gate.
use prescribe::prescribe;
pub use prescribe::{lighter, step_up};
pub use schedule::{
    Schedule, StrengthWeek, is_strength_day, missed_sessions, next_strength_day, spacing_days,
};

/// The lifts of a strength day, in the order they are done: squat, hinge, row, carry.
pub const LIFTS: [&str; 4] = ["goblet-squat", "romanian-deadlift", "one-arm-row", "suitcase-carry"];

/// Rest between sets: 90 s, the middle of the 60–120 s the issue (and ACSM 2009 for novice
/// hypertrophy/strength work) asks for.
pub const REST_SECS: u32 = 90;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Units {
    #[default]
    Kg,
    Lb,
}

impl fmt::Display for Units {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Units::Kg => "kg",
            Units::Lb => "lb",
        })
    }
}

/// One lift's config: `[strength.goblet-squat] load = 8, increment = 2, cap = 30`.
#[derive(Debug, Clone, Copy, PartialEq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LiftConfig {
    /// The starting load (applied from the next session when set or raised); without it the
    /// lift starts at its bodyweight variant.
    pub load: Option<f64>,
    /// The smallest step the user's weights allow.
    pub increment: Option<f64>,
    /// The maintenance load, which a clinician may raise (turn 3, E).
    pub cap: Option<f64>,
}

/// The maintenance cap of each lift in kg when the config sets none (COACHING.md turn 3, E):
/// goblet squat 24, Romanian deadlift 40, row 24, carries 24 per hand (and 40 s, the top of
/// their range).
pub fn default_cap(id: &str, units: Units) -> f64 {
    let kg = if id == "romanian-deadlift" { 40.0 } else { 24.0 };
    match units {
        Units::Kg => kg,
        // 24 kg ≈ 53 lb, 40 kg ≈ 88 lb: the nearest 5 lb below.
        Units::Lb => {
            if kg > 30.0 {
                85.0
            } else {
                50.0
            }
        }
    }
}

/// Validated strength settings (see `config.rs` for the file side).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StrengthSettings {
    pub enabled: bool,
    /// Strength days a week; `None` means by level (2 beginner, 3 active).
    pub days: Option<u8>,
    pub units: Units,
    pub lifts: BTreeMap<String, LiftConfig>,
}

impl StrengthSettings {
    /// Two strength days a week for a beginner, three for an active user (WHO 2020: muscle
    /// strengthening on 2 or more days a week), never more than 3 so no two fall on consecutive days.
    pub fn per_week(&self, level: Level) -> u8 {
        self.days.unwrap_or(match level {
            Level::Beginner => 2,
            Level::Active => 3,
        })
    }

    pub fn lift(&self, id: &str) -> LiftConfig {
        self.lifts.get(id).copied().unwrap_or_default()
    }

    /// The smallest load step when none is set: 1 kg or 2.5 lb (turn 3, E; a load step is
    /// otherwise 10% of the load).
    pub fn increment(&self, id: &str) -> f64 {
        self.lift(id).increment.unwrap_or(match self.units {
            Units::Kg => 1.0,
            Units::Lb => 2.5,
        })
    }

    /// The lift's maintenance load: the config's `cap`, else the default.
    pub fn cap(&self, id: &str) -> f64 {
        self.lift(id).cap.unwrap_or_else(|| default_cap(id, self.units))
    }
}

/// A lift's rep range, read off its ladder: step 1 is the bottom, the last step the top.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RepRange {
    pub sets: u32,
    /// Reps (or seconds for a carry) at each step.
    pub low: u32,
    pub high: u32,
    pub by: u32,
    /// The top under 20 kg: 15 reps before load is added (turn 3, E); the carry's stays.
    pub wide: u32,
}

impl RepRange {
    pub fn of(exercise: &Exercise) -> RepRange {
        let count = |d: &Dose| match d {
            Dose::Reps { reps, .. } => *reps,
            Dose::Carry { secs, .. } => *secs,
            other => other.hold_secs(),
        };
        let low = count(exercise.dose(1));
        let high = count(exercise.dose(exercise.top()));
        let by = if exercise.top() > 1 { count(exercise.dose(2)).saturating_sub(low).max(1) } else { 1 };
        let carry = matches!(exercise.dose(1), Dose::Carry { .. });
        let wide = if carry { high } else { high.max(15) };
        RepRange { sets: exercise.dose(1).sets(), low, high, by, wide }
    }

    /// The top of the range at `load`: 15 reps under 20 kg (44 lb), else the ladder's top; the
    /// bodyweight start's is the ladder's.
    pub fn top(&self, load: Option<f64>, units: Units) -> u32 {
        let light = match units {
            Units::Kg => 20.0,
            Units::Lb => 44.0,
        };
        if load.is_some_and(|l| l < light) { self.wide } else { self.high }
    }

    /// The step of `reps` (1-based, clamped into the widest range).
    pub fn step(&self, reps: u32) -> u32 {
        (reps.clamp(self.low, self.wide) - self.low) / self.by + 1
    }

    pub fn reps_at(&self, step: u32) -> u32 {
        (self.low + step.saturating_sub(1) * self.by).min(self.wide)
    }
}

/// What to lift next time, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Prescription {
    /// `None`: the bodyweight (or no-equipment) start, no load set.
    pub load: Option<f64>,
    pub sets: u32,
    /// Reps a set (seconds for a carry).
    pub reps: u32,
    pub reason: String,
}

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
