//! The maintenance phase (COACHING.md turn 3, H; issue 29 item 10): after 26 weeks, or once every
//! routine exercise is at its cap, the check-in is asked every 4 weeks instead of every week, and
//! the weekly walking target (≥ 150 minutes, e.g. 5 × 30) stays in sight on the week screen —
//! WalkBack's walking gain had faded by 12 months. Pure: dates and the log in.

use jiff::ToSpan;
use jiff::civil::Date;

use crate::log::{Entry, EntryKind};

/// Weeks of use after which the programme is in maintenance.
pub const AFTER_WEEKS: i64 = 26;
/// Days between check-ins in maintenance.
pub const EVERY_DAYS: i64 = 28;
/// The weekly walking target kept in sight in maintenance (WHO 2020: 150 minutes a week).
pub const WALK_WEEK_MINUTES: u32 = 150;

/// In maintenance: the first session was `AFTER_WEEKS` weeks or more before `today`, or every
/// routine exercise is at its cap.
pub fn in_maintenance(first_session: Option<Date>, at_caps: bool, today: Date) -> bool {
    let long = first_session
        .and_then(|first| first.checked_add(AFTER_WEEKS.weeks()).ok())
        .is_some_and(|since| since <= today);
    at_caps || long
}

/// The check-in in maintenance: due as every week (`super::due`), and nothing answered or
/// skipped in the `EVERY_DAYS` days before `week_start`.
pub fn due(history: &[Entry], week_start: Date, today: Date) -> bool {
    let since = week_start.checked_sub(EVERY_DAYS.days()).unwrap_or(week_start);
    let recent = history.iter().any(|e| {
        matches!(e.kind, EntryKind::Checkin | EntryKind::CheckinSkipped)
            && e.date > since
            && e.date < week_start
    });
    super::due(history, week_start, today) && !recent
}

/// The week screen's walking line in maintenance.
pub fn walk_text(minutes: u32) -> String {
    let left = WALK_WEEK_MINUTES.saturating_sub(minutes);
    if left == 0 {
        format!("walking: {minutes} minutes this week, the {WALK_WEEK_MINUTES}-minute target met")
    } else {
        format!("walking: {minutes} of {WALK_WEEK_MINUTES} minutes this week (e.g. 5 × 30), {left} to go")
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    fn e(d: Date, kind: EntryKind) -> Entry {
        Entry::new(format!("{d}-{kind}"), d, format!("{d}T08:00:00+01:00"), kind)
    }

    #[test]
    fn maintenance_after_26_weeks_or_at_the_caps() {
        let today = date(2026, 11, 23);
        let cases = [
            (None, false, false),
            (Some(date(2026, 6, 1)), false, false),
            (Some(date(2026, 1, 5)), false, true),
            (Some(date(2026, 5, 25)), false, true),
            (Some(date(2026, 5, 26)), false, false), // one day short of 26 weeks
            (Some(date(2026, 10, 1)), true, true),
        ];
        for (first, caps, want) in cases {
            assert_eq!(
                in_maintenance(first.map(|d: Date| d.checked_add(0.days()).unwrap()), caps, today),
                want,
                "{first:?} {caps}"
            );
        }
    }

    #[test]
    fn every_four_weeks_in_maintenance() {
        let mon = date(2026, 11, 23);
        let used = e(date(2026, 6, 1), EntryKind::Done);
        let at = |n: i64| e(mon.checked_sub(n.days()).unwrap(), EntryKind::Checkin);
        // (check-in days before this Monday, due)
        for (before, want) in [(7, false), (21, false), (27, false), (28, true), (35, true)] {
            assert_eq!(due(&[used.clone(), at(before)], mon, mon), want, "{before} days before");
        }
        assert!(!due(&[used.clone(), e(mon, EntryKind::Checkin)], mon, mon), "answered this week");
        assert_eq!(walk_text(90), "walking: 90 of 150 minutes this week (e.g. 5 × 30), 60 to go");
        assert_eq!(walk_text(160), "walking: 160 minutes this week, the 150-minute target met");
    }
}
