//! A lift's dose (load, sets, reps) and its rep range, read off its ladder.

use crate::catalog::{Dose, Exercise};
use crate::settings::strength::Units;

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
