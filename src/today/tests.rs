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
            "check-ins worse over two weeks, sessions pain-free",
            vec![
                on(20, Done, Some("curl-up"), Some(0)),
                on(14, Checkin, None, Some(6)),
                on(0, Checkin, None, Some(7)),
            ],
            Some(Banner::Check(Some(crate::checkin::Trend { from: 6, to: 7, days: 14 }))),
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
