//! Strength days (issue 16 part 1): which days are strength days, and the next load and reps of
//! each lift by double progression. Pure: history and `today` in, a prescription with its reason
//! out; no clock, no files. The lifts' data (rep ranges, cues, variants) is in
//! `assets/catalog.toml`; the user's loads come from the config's `[strength]` table.

mod config;
mod day;
mod schedule;
#[cfg(test)]
mod simulation;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::fmt;

use jiff::civil::Date;
use serde::Deserialize;

use crate::catalog::{Dose, Exercise, Level, Variant};
use crate::log::{Entry, EntryKind, Feedback};

pub use config::RawStrength;
pub use day::{Forecast, Lift, StrengthDay, dose, forecast, schedule, session_dates, today_lifts};
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

/// One lift's config: `[strength.goblet-squat] load = 8, increment = 2`.
#[derive(Debug, Clone, Copy, PartialEq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LiftConfig {
    /// The starting load; without it the lift starts at its bodyweight variant.
    pub load: Option<f64>,
    /// The smallest step the user's weights allow.
    pub increment: Option<f64>,
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

    /// The default increment when none is set: 2 kg (the usual dumbbell step) or 5 lb.
    pub fn increment(&self, id: &str) -> f64 {
        self.lift(id).increment.unwrap_or(match self.units {
            Units::Kg => 2.0,
            Units::Lb => 5.0,
        })
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
        RepRange { sets: exercise.dose(1).sets(), low, high, by }
    }

    /// The ladder step of `reps` (1-based, clamped into the range).
    pub fn step(&self, reps: u32) -> u32 {
        (reps.clamp(self.low, self.high) - self.low) / self.by + 1
    }

    pub fn reps_at(&self, step: u32) -> u32 {
        (self.low + step.saturating_sub(1) * self.by).min(self.high)
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

/// The next session of `exercise` on `today` by the strength rules alone, from the user's config
/// and the done entries of that exercise (any order; other entries are ignored). `per_week`
/// sizes rule 7's gap in sessions. Raw: nothing shows it before the holds ([`dose`]).
fn prescribe(
    exercise: &Exercise,
    settings: &StrengthSettings,
    per_week: u8,
    history: &[Entry],
    today: Date,
) -> Prescription {
    let range = RepRange::of(exercise);
    // A carry counts seconds where the other lifts count reps.
    let (reps_word, reps_unit) =
        if matches!(exercise.dose(1), Dose::Carry { .. }) { ("seconds", " s") } else { ("reps", " reps") };
    let inc = settings.increment(&exercise.id);
    let units = settings.units;
    let mut done: Vec<&Entry> = history
        .iter()
        .filter(|e| e.kind == EntryKind::Done && e.is_for(&exercise.id) && e.date < today)
        .collect();
    done.sort_by(|a, b| (a.date, &a.at).cmp(&(b.date, &b.at)));
    let Some(last) = done.last() else {
        let load = settings.lift(&exercise.id).load;
        let reason = match load {
            Some(l) => format!("first session: your starting load, {} {units}", fmt_load(l)),
            None => "first session: no load set, so the bodyweight start".to_string(),
        };
        return Prescription { load, sets: range.sets, reps: range.low, reason };
    };
    // The bodyweight start done in a loaded lift's place counts for the day and holds: the
    // load and reps come from the last loaded session, not from the start's missing load.
    let easier = |e: &Entry| e.variant.as_deref().and_then(|v| exercise.variant(v)).is_some_and(|v| v.easier);
    let held_by =
        if easier(last) { done.iter().rev().find(|e| !easier(e) && e.load.is_some()).copied() } else { None };
    let base = held_by.unwrap_or(last);
    let target = range.reps_at(base.step.unwrap_or(1));
    let load = base.load;
    let done_reps = last.reps.unwrap_or(target);
    let pain = last.pain.unwrap_or(0);
    let hard = last.feedback == Some(Feedback::Hard);
    let before_hard = done.len() >= 2 && {
        let prev = done[done.len() - 2];
        prev.feedback == Some(Feedback::Hard) && prev.load == last.load
    };
    let down = |l: Option<f64>, steps: u32| l.map(|l| (l - inc * f64::from(steps)).max(0.0));
    let (mut p, mut reason) = if pain > 5 {
        (
            Prescription { load: down(load, 1), sets: range.sets, reps: range.low, reason: String::new() },
            format!("pain {pain} last time: one step lighter"),
        )
    } else if hard && before_hard {
        (
            Prescription { load: down(load, 1), sets: range.sets, reps: range.low, reason: String::new() },
            "two hard sessions in a row: one step lighter".to_string(),
        )
    } else if hard || pain >= 4 {
        let why = if hard { "hard last time".to_string() } else { format!("pain {pain} last time") };
        (
            Prescription { load, sets: range.sets, reps: target, reason: String::new() },
            format!("{why}: same again"),
        )
    } else if held_by.is_some() {
        // What was due that day, held: the load and the reps the start stood in for.
        let due = prescribe(exercise, settings, per_week, history, last.date);
        (
            Prescription { load: due.load, sets: range.sets, reps: due.reps, reason: String::new() },
            "the bodyweight start last time: same load again".to_string(),
        )
    } else if done_reps < target {
        (
            Prescription { load, sets: range.sets, reps: target, reason: String::new() },
            format!("{done_reps} of {target}{reps_unit} last time: same again"),
        )
    } else if target.max(done_reps) >= range.high {
        match load {
            Some(l) => (
                Prescription {
                    load: Some(l + inc),
                    sets: range.sets,
                    reps: range.low,
                    reason: String::new(),
                },
                format!(
                    "top of the range: load up {} {units}, {reps_word} back to {}",
                    fmt_load(inc),
                    range.low
                ),
            ),
            None => (
                Prescription { load: None, sets: range.sets, reps: range.high, reason: String::new() },
                format!("top of the range without weight: set [strength.{}] load to go on", exercise.id),
            ),
        }
    } else {
        let next = (target.max(done_reps) + range.by).min(range.high);
        (
            Prescription { load, sets: range.sets, reps: next, reason: String::new() },
            format!("up to {next}{reps_unit}"),
        )
    };
    // Rule 7 in sessions: the strength days the schedule offered since the last session.
    let missed = missed_sessions(last.date, today, per_week);
    // A gap never makes the session heavier than the rating alone would: it applies only when
    // it asks for less (a lighter load, or the same load with fewer reps).
    let (gap_load, gap_reps, what) = match missed {
        0..=3 => (p.load, p.reps, None),
        4..=7 => (load, target, Some("same as last time")),
        8..=14 => (down(load, 1), range.low, Some("one step lighter")),
        15..=28 => (down(load, 2), range.low, Some("two steps lighter")),
        _ => (load.map(|l| ((l / 2.0) / inc).floor() * inc), range.low, Some("half the load")),
    };
    let lighter = match (gap_load, p.load) {
        (Some(g), Some(l)) => g < l || (g == l && gap_reps < p.reps),
        _ => gap_reps < p.reps,
    };
    let gap = what.filter(|_| lighter);
    if gap.is_some() {
        p.load = gap_load;
        p.reps = gap_reps;
    }
    if let Some(what) = gap {
        reason = format!("{what}: {missed} strength sessions missed");
    }
    p.reason = reason;
    p
}
