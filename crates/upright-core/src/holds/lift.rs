//! The strength lifts and carries through the holds: a flare-up pauses a loaded lift or a carry
//! and keeps a bodyweight form at its start; "not settled" and a see-a-GP sign keep the last
//! session's load and reps; a leg pause and the lock pause the lift.

use jiff::civil::Date;

use super::{Gated, Hold, Holds, LOCKED_REASON, leg_reason};
use crate::catalog::Exercise;
use crate::log::{Entry, EntryKind};
use crate::rx::lift::{Prescription, RepRange};

impl Holds {
    /// A lift's dose on the day: `raw` by the strength rules, then the holds. `history` gives the
    /// last session's dose, which a hold keeps.
    pub fn lift(
        &self,
        ex: &Exercise,
        raw: Prescription,
        history: &[Entry],
        date: Date,
    ) -> Gated<Prescription> {
        let hold = self.hold_for(ex, raw.load.is_some());
        let mut rx = raw;
        let range = RepRange::of(ex);
        // Under any hold nothing advances: no more than the last session's load and reps.
        let last = last_dose(ex, &range, history, date).filter(|last| hold.is_some() && heavier(&rx, last));
        if let Some((load, reps)) = last {
            rx.load = load;
            rx.reps = reps;
        }
        match hold {
            None => {}
            Some(Hold::Locked { .. }) => rx.reason = LOCKED_REASON.to_string(),
            Some(Hold::LegPause { since, own, week }) => rx.reason = leg_reason(since, own, week),
            Some(Hold::FlarePause { .. }) => {
                rx.reason = "Paused during a flare-up: loaded lifts and carries rest until it is over".into();
            }
            Some(Hold::Flare { .. }) => {
                rx.load = None;
                rx.sets = range.sets;
                rx.reps = range.low;
                rx.reason = "Flare-up mode: the easier start, no advancing".into();
            }
            // A lighter session keeps its own reason; otherwise the hold is what to know.
            Some(hold @ (Hold::Gp { .. } | Hold::NotSettled)) if !rx.reason.contains("lighter") => {
                rx.reason = format!("same again: {}", super::held_why(hold));
            }
            Some(Hold::Gp { .. } | Hold::NotSettled) => {}
        }
        Gated::new(rx, hold)
    }
}

/// The load and reps (seconds for a carry) of the last session before `date`: its load and the
/// reps its step stood for.
fn last_dose(ex: &Exercise, range: &RepRange, history: &[Entry], date: Date) -> Option<(Option<f64>, u32)> {
    let before = &history[..history.partition_point(|e| e.date < date)];
    let last = before.iter().rev().find(|e| e.kind == EntryKind::Done && e.is_for(&ex.id))?;
    Some((last.load, range.reps_at(last.step.unwrap_or(1))))
}

/// More than the last session: a heavier load, or the same load with more reps.
fn heavier(rx: &Prescription, last: &(Option<f64>, u32)) -> bool {
    match (rx.load, last.0) {
        (Some(a), Some(b)) if a > b => true,
        (Some(_), None) => true,
        (a, b) if a == b => rx.reps > last.1,
        _ => false,
    }
}
