//! Table tests of the check-in rules.

use jiff::ToSpan;
use jiff::civil::{Date, date};

use super::*;

const MON: Date = Date::constant(2026, 11, 23);

fn entry(d: Date, kind: EntryKind, pain: Option<u8>, acts: &[(&str, u8)]) -> Entry {
    let mut e = Entry::new(format!("{d}-{kind}"), d, format!("{d}T08:00:00+01:00"), kind);
    e.pain = pain;
    e.activities = acts.iter().map(|(n, s)| Activity { name: n.to_string(), score: *s }).collect();
    e
}

fn day(n: i64) -> Date {
    MON.checked_add(n.days()).unwrap()
}

#[test]
fn due_once_a_week_after_the_first_week() {
    let done_last_week = entry(day(-3), EntryKind::Done, None, &[]);
    let done_this_week = entry(day(0), EntryKind::Done, None, &[]);
    let cases: [(&str, Vec<Entry>, i64, bool); 6] = [
        ("nothing logged", vec![], 1, false),
        ("first week of use", vec![done_this_week.clone()], 1, false),
        ("used last week, not asked yet", vec![done_last_week.clone()], 1, true),
        (
            "answered this week",
            vec![done_last_week.clone(), entry(day(0), EntryKind::Checkin, Some(3), &[])],
            1,
            false,
        ),
        (
            "skipped this week",
            vec![done_last_week.clone(), entry(day(0), EntryKind::CheckinSkipped, None, &[])],
            2,
            false,
        ),
        (
            "answered last week only",
            vec![entry(day(-6), EntryKind::Checkin, Some(3), &[]), done_last_week],
            0,
            true,
        ),
    ];
    for (name, history, today, want) in cases {
        let mut history = history;
        history.sort_by_key(|e| e.date);
        assert_eq!(due(&history, MON, day(today)), want, "{name}");
    }
}

#[test]
fn names_come_from_the_latest_checkin_that_named_any() {
    let h = vec![
        entry(day(-14), EntryKind::Checkin, Some(5), &[("put on socks", 3), ("sit through a film", 4)]),
        entry(day(-7), EntryKind::Checkin, Some(5), &[("carry the shopping", 2)]),
        entry(day(0), EntryKind::Checkin, Some(5), &[]),
    ];
    assert_eq!(activity_names(&h), ["carry the shopping"]);
    assert!(activity_names(&h[..0]).is_empty());
}

#[test]
fn parses_name_equals_score() {
    let ok = |s: &str| parse_activity(s).map(|a| (a.name, a.score));
    assert_eq!(ok("put on socks=4"), Ok(("put on socks".into(), 4)));
    assert_eq!(ok(" a=b = 10 "), Ok(("a=b".into(), 10)), "the last = splits");
    for bad in ["socks", "=4", "socks=11", "socks=-1", "socks=four", &format!("{}=3", "x".repeat(61))] {
        assert!(parse_activity(bad).is_err(), "{bad:?}");
    }
    let a = |n: &str| Activity { name: n.into(), score: 1 };
    assert!(check_activities(&[a("x"), a("y"), a("z")]).is_ok());
    assert!(check_activities(&[a("x"), a("y"), a("z"), a("w")]).is_err());
    assert!(check_activities(&[a("x"), a("x")]).is_err());
}

#[test]
fn pain_trend_over_two_weeks() {
    let c = |n: i64, p: u8| entry(day(n), EntryKind::Checkin, Some(p), &[]);
    type Case = (&'static str, Vec<Entry>, i64, Option<(u8, u8, i64)>, bool);
    let cases: [Case; 7] = [
        ("no check-ins", vec![], 0, None, false),
        ("one week only", vec![c(-7, 6), c(0, 7)], 0, None, false),
        ("worse over two weeks", vec![c(-14, 6), c(-7, 6), c(0, 7)], 0, Some((6, 7, 14)), true),
        ("same over two weeks", vec![c(-14, 4), c(0, 4)], 2, Some((4, 4, 14)), true),
        ("better", vec![c(-14, 6), c(0, 3)], 0, Some((6, 3, 14)), false),
        ("pain-free throughout", vec![c(-14, 0), c(0, 0)], 0, Some((0, 0, 14)), false),
        ("last check-in too old", vec![c(-30, 6), c(-16, 7)], 0, None, false),
    ];
    for (name, h, today, want, not_better) in cases {
        let got = pain_trend(&h, day(today));
        assert_eq!(got.map(|t| (t.from, t.to, t.days)), want, "{name}");
        assert_eq!(got.is_some_and(|t| t.not_better()), not_better, "{name}");
    }
    let t = Trend { from: 6, to: 7, days: 14 };
    assert_eq!(t.describe(), "pain 6 → 7 over 2 weeks");
    let _ = date(2026, 1, 1);
}
