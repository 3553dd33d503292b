//! The walk's own rule (COACHING.md rule 5): the longest bout the last 30 days allow. Pure.

use jiff::civil::Date;

use crate::catalog::Exercise;
use crate::log::{Entry, EntryKind};

/// The longest walk bout logged in the 30 days before `date`: its minutes, or the prescribed
/// bout of its step when ticked off without minutes. Walks before a flare-up in those 30 days
/// count too (turn 3, C: the person tolerated that bout within the month); coming out of a
/// flare the restart and its stages keep the dose down, not this cap.
pub(super) fn longest_walk(past: &[Entry], ex: &Exercise, date: Date) -> Option<u32> {
    ex.dose(1).walk_minutes()?;
    let from = date.checked_sub(jiff::Span::new().days(30)).unwrap_or(date);
    past[past.partition_point(|e| e.date < from)..]
        .iter()
        .filter(|e| e.kind == EntryKind::Done && e.is_for(&ex.id))
        // Bike, swim and the other cardio fill the walk slot but are not walking load: the
        // spike rule is about the walk (issue 16), so only real walks set the longest bout.
        .filter(|e| e.variant.is_none())
        .filter_map(|e| e.minutes.or_else(|| ex.dose(e.step.unwrap_or(1)).walk_minutes()))
        .max()
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    #[test]
    fn other_cardio_does_not_count_toward_the_longest_walk() {
        let catalog = crate::catalog::Catalog::builtin();
        let walk = catalog.get("walk").unwrap();
        let done = |day: i8, minutes: u32, variant: Option<&str>| {
            let d = date(2026, 11, day);
            let mut e = Entry::new(format!("w{day}"), d, format!("{d}T08:00:00Z"), EntryKind::Done);
            e.exercise = Some("walk".into());
            e.minutes = Some(minutes);
            e.variant = variant.map(String::from);
            e
        };
        // (history, longest walk that counts)
        let cases = [
            (vec![done(20, 12, None), done(21, 45, Some("bike"))], Some(12)),
            (vec![done(20, 12, None), done(21, 45, Some("swim")), done(22, 30, Some("other"))], Some(12)),
            (vec![done(21, 40, Some("elliptical"))], None),
            (vec![done(20, 12, None), done(21, 15, None)], Some(15)),
        ];
        for (history, want) in cases {
            assert_eq!(longest_walk(&history, walk, date(2026, 11, 24)), want, "{history:?}");
        }
    }
}
