use jiff::ToSpan;
use jiff::civil::{Date, date};

use super::*;

const TODAY: Date = date(2026, 11, 24);

fn on(days_ago: i64, kind: EntryKind, exercise: Option<&str>, pain: Option<u8>) -> Entry {
    let d = TODAY.checked_sub(days_ago.days()).unwrap();
    let mut e =
        Entry::new(format!("{d}-{}-{days_ago}", kind.as_str()), d, format!("{d}T08:00:00+01:00"), kind);
    e.exercise = exercise.map(String::from);
    e.pain = pain;
    e
}

/// Three weeks of curl-ups whose pain went from 1 to 4 in the last week.
fn worsening() -> Vec<Entry> {
    (0..=20)
        .rev()
        .map(|n| on(n, EntryKind::Done, Some("curl-up"), Some(if n <= 6 { 4 } else { 1 })))
        .collect()
}

fn banner(history: Vec<Entry>) -> Option<Banner> {
    Day::build(&Catalog::builtin(), &Settings::default(), &history, TODAY).banner
}

#[test]
fn the_banner_puts_safety_first() {
    use EntryKind::*;
    let flare = |n: i64| Banner::Flare { since: TODAY.checked_sub(n.days()).unwrap(), see_gp: n >= 14 };
    let cases: Vec<(&str, Vec<Entry>, Option<Banner>)> = vec![
        ("nothing logged", vec![], None),
        ("a flare-up", vec![on(3, FlareOn, None, None)], Some(flare(3))),
        ("two weeks of flare-up", vec![on(14, FlareOn, None, None)], Some(flare(14))),
        ("a flare-up over", vec![on(5, FlareOn, None, None), on(2, FlareOff, None, None)], None),
        ("a GP sign", vec![on(1, RedFlagGp, None, None)], Some(Banner::GpPaused)),
        ("a GP sign cleared", vec![on(2, RedFlagGp, None, None), on(1, Cleared, None, None)], None),
        (
            "an emergency over a flare",
            vec![on(3, FlareOn, None, None), on(1, RedFlagEmergency, None, None)],
            Some(Banner::Locked),
        ),
        ("pain not easing", worsening(), Some(Banner::Check(None))),
        ("a flare over the check", [worsening(), vec![on(0, FlareOn, None, None)]].concat(), Some(flare(0))),
        (
            "the check dismissed 3 days ago",
            [vec![on(3, CheckDismissed, None, None)], worsening()].concat(),
            None,
        ),
        (
            "the check dismissed 7 days ago",
            [vec![on(7, CheckDismissed, None, None)], worsening()].concat(),
            Some(Banner::Check(None)),
        ),
        (
            "check-ins better over two weeks outweigh the session pain",
            [worsening(), vec![on(14, Checkin, None, Some(6)), on(0, Checkin, None, Some(3))]].concat(),
            None,
        ),
        (
            "check-ins worse by 2 points, sessions pain-free: at once, with the measure",
            vec![
                on(20, Done, Some("curl-up"), Some(0)),
                on(7, Checkin, None, Some(5)),
                on(0, Checkin, None, Some(7)),
            ],
            Some(Banner::Check(crate::checkin::verdict(
                &[on(7, Checkin, None, Some(5)), on(0, Checkin, None, Some(7))],
                TODAY,
            ))),
        ),
        (
            "check-ins 1 point worse: no clinically important change, and only 2 weeks",
            vec![
                on(20, Done, Some("curl-up"), Some(0)),
                on(14, Checkin, None, Some(6)),
                on(0, Checkin, None, Some(7)),
            ],
            None,
        ),
    ];
    for (name, mut history, want) in cases {
        history.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
        assert_eq!(banner(history), want, "{name}");
    }
}

#[test]
fn items_carry_their_cues_and_what_undo_removes() {
    let catalog = Catalog::builtin();
    let stretch = |settings: &Settings, history: &[Entry]| {
        Day::build(&catalog, settings, history, TODAY).get("hamstring-stretch").unwrap().clone()
    };
    let plain = stretch(&Settings::default(), &[]);
    assert!(plain.cues[0].starts_with("Sit on the front of a chair"), "{:?}", plain.cues);
    assert_eq!(plain.last_logged, None);
    let settings = Settings { avoid_flexion: true, ..Settings::default() };
    let cues = stretch(&settings, &[]).cues;
    assert!(cues[0].starts_with("Sit on the front of a chair"), "the set-up line stays: {cues:?}");
    assert_eq!(cues[1], "Hinge at the hips and keep your back straight; do not round forward.");
    assert_eq!(cues.len(), 4, "the flexion-free cue is added");
    // The last done or skipped entry of that day, not an older day's nor another exercise's.
    let history = [
        on(1, EntryKind::Done, Some("hamstring-stretch"), None),
        on(0, EntryKind::Done, Some("hamstring-stretch"), None),
        on(0, EntryKind::Skipped, Some("walk"), None),
    ];
    assert_eq!(stretch(&Settings::default(), &history).last_logged.as_deref(), Some("2026-11-24-done-0"));
}

/// A 16-week persona for the "not better" advice (COACHING.md turn 3, D): a walk logged every
/// day without pain, a weekly check-in from day 7 with `pain(week)`, and the advice dismissed
/// the day it shows. The days it was shown.
fn told_not_better(pain: impl Fn(i64) -> u8) -> Vec<i64> {
    let start = date(2026, 1, 5);
    let mut h: Vec<Entry> = Vec::new();
    let mut told = Vec::new();
    for d in 0..112 {
        let day = start.checked_add(d.days()).unwrap();
        let at = |kind: EntryKind, n: &str| {
            Entry::new(format!("{d}-{n}"), day, format!("{day}T08:00:00+01:00"), kind)
        };
        if d >= 7 && d % 7 == 0 {
            let mut c = at(EntryKind::Checkin, "c");
            c.pain = Some(pain(d / 7));
            h.push(c);
        }
        if needs_check(&h, day).0 {
            told.push(d);
            h.push(at(EntryKind::CheckDismissed, "x"));
        }
        let mut w = at(EntryKind::Done, "w");
        w.exercise = Some("walk".into());
        w.pain = Some(0);
        h.push(w);
    }
    told
}

#[test]
fn persona_improving_and_steady_pain_not_better_advice() {
    // Weekly pain 5 → 1 over 16 weeks.
    let improving = told_not_better(|w| 5u8.saturating_sub((w as u8 - 1) / 3).max(1));
    // Steady pain 3.
    let steady = told_not_better(|_| 3);
    println!("improving told on days {improving:?}; steady told on days {steady:?}");
    assert_eq!(improving, Vec::<i64>::new(), "never told while better");
    assert!(!steady.is_empty(), "steady pain 3 is told");
    assert!(steady[0] >= 28, "not before week 4: {steady:?}");
    assert!(steady.windows(2).all(|w| w[1] - w[0] >= 14), "at most once a fortnight: {steady:?}");
    // Worse by 2 points is said at once, the first day the check-ins show it.
    let worse = told_not_better(|w| if w >= 3 { 5 } else { 3 });
    assert_eq!(worse.first(), Some(&21), "{worse:?}");
}
