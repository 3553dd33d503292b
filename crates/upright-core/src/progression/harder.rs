//! Harder forms are offered, not switched in (issue 20, second review): a step up into a new
//! form of the exercise (side bridge on the knees → on the feet, plank knees → toes) holds at
//! the last step of the current form until the user accepts the change once (`harder-accepted`).
//! "Not now" (`harder-declined`) keeps the hold without the offer; either answer counts until
//! the next flare, which starts the question again. Pure.

use crate::rx::Offer;
use jiff::civil::Date;

use crate::catalog::{Dose, Exercise};
use crate::log::{Entry, EntryKind};

/// The form a dose names ("knees", "feet"), if any.
fn form(d: &Dose) -> Option<&str> {
    match d {
        Dose::Holds { variant, .. } | Dose::Reps { variant, .. } => variant.as_deref(),
        _ => None,
    }
}

/// The user's answer about the harder form of `ex`, on or before `date` and since the last
/// flare began: `Some(true)` taken, `Some(false)` not now, `None` not answered. Taking it wins
/// over any "not now": once taken nothing is offered, so a decline never follows one (and two
/// answers logged in the same second have no order to go by).
fn answer(history: &[Entry], ex: &Exercise, date: Date) -> Option<bool> {
    let upto = history.iter().filter(|e| e.date <= date);
    let flare = upto.clone().filter(|e| e.kind == EntryKind::FlareOn).map(|e| e.date).max();
    let said = |kind: EntryKind| {
        upto.clone().any(|e| e.kind == kind && e.is_for(&ex.id) && flare.is_none_or(|f| e.date >= f))
    };
    if said(EntryKind::HarderAccepted) {
        Some(true)
    } else {
        said(EntryKind::HarderDeclined).then_some(false)
    }
}

/// When `step` moves into another form than the last session's step, and it was not accepted:
/// the highest step up to `step` still in the last session's form, and the offer.
pub(super) fn hold_for_offer(
    history: &[Entry],
    ex: &Exercise,
    date: Date,
    step: u32,
) -> Option<(u32, Offer)> {
    let past = history.iter().filter(|e| e.date < date);
    let prev = past.rev().find(|e| e.kind == EntryKind::Done && e.is_for(&ex.id))?.step?;
    let here = form(ex.dose(prev))?;
    let next = form(ex.dose(step))?;
    if step <= prev || here == next {
        return None;
    }
    let declined = match answer(history, ex, date) {
        Some(true) => return None,
        Some(false) => true,
        None => false,
    };
    let keep = (prev..=step).rev().find(|s| form(ex.dose(*s)) == Some(here))?;
    Some((keep, Offer { form: next.to_string(), from: here.to_string(), declined }))
}

/// The line Today shows under a held exercise: the offer, or the choice it keeps; with the
/// app's key, or (`cli`) the command that does the same.
pub(super) fn reason(ex: &Exercise, offer: &Offer, cli: bool) -> String {
    let Offer { form, from, declined } = offer;
    let id = &ex.id;
    match (declined, cli) {
        (true, false) => format!("Staying on your {from}, as you chose: press h any time for your {form}"),
        (true, true) => {
            format!("Staying on your {from}, as you chose: `upright harder {id}` any time for your {form}")
        }
        (false, false) => {
            format!("Ready for {} on your {form}: press h to try it or say not now", ex.name.to_lowercase())
        }
        (false, true) => format!(
            "Ready for {} on your {form}: `upright harder {id}` to try it, `--no` for not now",
            ex.name.to_lowercase()
        ),
    }
}
