//! Harder forms are offered, not switched in (issue 20, second review): a step up into a new
//! form of the exercise (side bridge on the knees → on the feet, plank knees → toes) holds at
//! the last step of the current form until the user accepts the change once (`harder`
//! entry). A flare starts the question again. Pure.

use jiff::civil::Date;

use crate::catalog::{Dose, Exercise};
use crate::state::{Entry, EntryKind};

/// The form a dose names ("knees", "feet"), if any.
fn form(d: &Dose) -> Option<&str> {
    match d {
        Dose::Holds { variant, .. } | Dose::Reps { variant, .. } => variant.as_deref(),
        _ => None,
    }
}

/// The user accepted the harder form of `ex` on or before `date`, since the last flare began.
fn accepted(history: &[Entry], ex: &Exercise, date: Date) -> bool {
    let upto = history.iter().filter(|e| e.date <= date);
    let flare = upto.clone().filter(|e| e.kind == EntryKind::FlareOn).map(|e| e.date).max();
    upto.filter(|e| e.kind == EntryKind::HarderAccepted && e.is_for(&ex.id))
        .any(|e| flare.is_none_or(|f| e.date >= f))
}

/// When `step` moves into another form than the last session's step, and it was not accepted:
/// the highest step up to `step` still in the last session's form, and the form offered.
pub(super) fn hold_for_offer(
    history: &[Entry],
    ex: &Exercise,
    date: Date,
    step: u32,
) -> Option<(u32, String)> {
    let past = history.iter().filter(|e| e.date < date);
    let prev = past.rev().find(|e| e.kind == EntryKind::Done && e.is_for(&ex.id))?.step?;
    let here = form(ex.dose(prev))?;
    let next = form(ex.dose(step))?;
    if step <= prev || here == next || accepted(history, ex, date) {
        return None;
    }
    let keep = (prev..=step).rev().find(|s| form(ex.dose(*s)) == Some(here))?;
    Some((keep, next.to_string()))
}
