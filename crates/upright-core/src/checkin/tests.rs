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
fn the_verdict_is_clinically_important_change() {
    // (pain baseline → now, PSFS baseline → now, verdict): COACHING.md turn 3, D.
    use Verdict::*;
    type Case = ((f64, f64), Option<(f64, f64)>, Verdict);
    let cases: [Case; 12] = [
        ((5.0, 3.0), None, Better),
        ((5.0, 3.5), None, Better),   // 30%
        ((3.0, 2.0), None, Better),   // 33%
        ((6.0, 4.5), None, NoChange), // 1.5 points, 25%: under both
        ((3.0, 3.0), None, NoChange),
        ((4.0, 3.0), None, NoChange), // 25%, 1 point
        ((0.0, 0.0), None, NoChange),
        ((3.0, 5.0), None, Worse),
        ((3.0, 4.5), None, NoChange),
        ((4.0, 4.0), Some((4.0, 6.0)), Better), // PSFS mean up 2
        ((4.0, 4.0), Some((6.0, 4.0)), Worse),  // PSFS mean down 2
        ((6.0, 3.0), Some((6.0, 4.0)), Worse),  // worse by either wins
    ];
    for (pain, psfs, want) in cases {
        assert_eq!(judge(pain, psfs), want, "{pain:?} {psfs:?}");
    }
}

#[test]
fn the_verdict_reads_its_baseline_from_the_check_ins() {
    let c = |n: i64, p: u8| entry(day(n), EntryKind::Checkin, Some(p), &[]);
    let ca = |n: i64, p: u8, s: u8| entry(day(n), EntryKind::Checkin, Some(p), &[("socks", s)]);
    // (what, history, today, (baseline pain, latest pain, verdict))
    type Case = (&'static str, Vec<Entry>, i64, Option<(f64, f64, Verdict)>);
    let cases: Vec<Case> = vec![
        ("no check-ins", vec![], 0, None),
        ("one check-in", vec![c(0, 6)], 0, None),
        ("two: one against one", vec![c(-7, 6), c(0, 3)], 0, Some((6.0, 3.0, Verdict::Better))),
        (
            "three: first against last",
            vec![c(-14, 3), c(-7, 6), c(0, 5)],
            0,
            Some((3.0, 5.0, Verdict::Worse)),
        ),
        (
            "four: first two against last two",
            vec![c(-21, 5), c(-14, 5), c(-7, 4), c(0, 4)],
            0,
            Some((5.0, 4.0, Verdict::NoChange)),
        ),
        (
            "past 6 weeks: the two from 4-6 weeks before",
            vec![c(-70, 8), c(-63, 8), c(-35, 3), c(-28, 3), c(-7, 3), c(0, 3)],
            0,
            Some((3.0, 3.0, Verdict::NoChange)),
        ),
        ("the latest too old", vec![c(-30, 6), c(-16, 7)], 0, None),
        (
            "a later check-in is not read",
            vec![c(-7, 3), c(0, 3), c(7, 9)],
            0,
            Some((3.0, 3.0, Verdict::NoChange)),
        ),
    ];
    for (what, h, today, want) in cases {
        let got = verdict(&h, day(today)).map(|m| (m.pain.0, m.pain.1, m.verdict));
        assert_eq!(got, want, "{what}");
    }
    // The activities' mean, shown beside the pain.
    let m = verdict(&[ca(-21, 4, 3), ca(-14, 4, 3), ca(-7, 4, 5), ca(0, 4, 6)], day(0)).unwrap();
    assert_eq!((m.psfs, m.verdict), (Some((3.0, 5.5)), Verdict::Better));
    assert_eq!(m.describe(), "pain 4 → 4, activities 3 → 5.5 since 2 Nov");
    assert_eq!(m.weeks(), 3);
    let _ = date(2026, 1, 1);
}
