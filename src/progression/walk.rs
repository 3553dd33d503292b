//! The walk's own rule (COACHING.md rule 5, and rule 9 out of a flare): the longest bout the
//! last 30 days allow. Pure.

use jiff::civil::Date;

use crate::catalog::Exercise;
use crate::state::{Entry, EntryKind};

/// The longest walk bout logged in the 30 days before `date`: its minutes, or the prescribed
/// bout of its step when ticked off without minutes. When a flare-up began in those 30 days,
/// only the walks since it began count (the walks during the flare; the gentlest first step
/// when there were none), so coming out of it the walk grows from there, not from before.
pub(super) fn longest_walk(history: &[Entry], past: &[Entry], ex: &Exercise, date: Date) -> Option<u32> {
    let first = ex.dose(1).walk_minutes()?;
    let month_ago = date.checked_sub(jiff::Span::new().days(30)).unwrap_or(date);
    let flare = history
        .iter()
        .rev()
        .find(|e| e.kind == EntryKind::FlareOn && e.date >= month_ago && e.date <= date)
        .map(|e| e.date);
    let from = flare.unwrap_or(month_ago).max(month_ago);
    let longest = past[past.partition_point(|e| e.date < from)..]
        .iter()
        .filter(|e| e.kind == EntryKind::Done && e.is_for(&ex.id))
        .filter_map(|e| e.minutes.or_else(|| ex.dose(e.step.unwrap_or(1)).walk_minutes()))
        .max();
    longest.or(flare.map(|_| first))
}
