use jiff::ToSpan;
use jiff::civil::{Date, date};

use super::*;
use crate::catalog::Catalog;
use crate::settings::Settings;

pub(super) const TODAY: Date = date(2026, 11, 24);

pub(super) fn on(days_ago: i64, kind: EntryKind, exercise: Option<&str>, pain: u8) -> Entry {
    let d = TODAY.checked_sub(days_ago.days()).unwrap();
    let n = NEXT.with(|c| c.replace(c.get() + 1));
    let mut e = Entry::new(format!("e{n:04}"), d, format!("{d}T08:{:02}:00+01:00", n % 60), kind);
    e.exercise = exercise.map(String::from);
    e.pain = Some(pain);
    e
}

thread_local!(static NEXT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) });

pub(super) fn done(id: &str) -> Entry {
    on(0, EntryKind::Done, Some(id), 0)
}

/// A user who chose strength days (two a week, weeks from Monday): the routine's rules are the
/// same either way, and the lifts' are asked too.
fn strength_on() -> Settings {
    let mut settings = Settings::default();
    settings.strength.enabled = true;
    settings
}

fn ask(history: &[Entry], action: Action, id: &str, days_ago: i64, confirmed: bool) -> Verdict {
    ask_with(&strength_on(), history, action, id, days_ago, confirmed)
}

fn ask_with(
    settings: &Settings,
    history: &[Entry],
    action: Action,
    id: &str,
    days_ago: i64,
    confirmed: bool,
) -> Verdict {
    let date = TODAY.checked_sub(days_ago.days()).unwrap();
    let day = Day::build(&Catalog::builtin(), settings, history, date);
    let now = Day::build(&Catalog::builtin(), settings, history, TODAY);
    let first_entry =
        history.iter().find(|e| matches!(e.kind, EntryKind::Done | EntryKind::Skipped)).map(|e| e.date);
    let facts = Facts { today: TODAY, locked: now.safety.locked_since.is_some(), first_entry };
    let req = Request { action, id, walk: id == "walk", date, confirmed };
    judge(&day, &facts, &req)
}

/// The kind of answer, and a word it must contain.
#[derive(Debug, PartialEq)]
enum Is {
    Allowed,
    Note(&'static str),
    Nothing(&'static str),
    Confirm(&'static str),
    Refused(&'static str),
}

fn matches(v: &Verdict, want: &Is) -> bool {
    match (v, want) {
        (Verdict::Allowed, Is::Allowed) => true,
        (Verdict::Note(t), Is::Note(w))
        | (Verdict::Nothing(t), Is::Nothing(w))
        | (Verdict::Confirm(t), Is::Confirm(w))
        | (Verdict::Refused(t), Is::Refused(w)) => t.contains(w),
        _ => false,
    }
}

/// (case, history, action, id, days ago, confirmed, answer)
type Case = (&'static str, Vec<Entry>, Action, &'static str, i64, bool, Is);

#[test]
fn every_rule_in_one_table() {
    use EntryKind::*;
    const DONE: Action = Action::Done { minutes: None };
    let walk_min = |m| Action::Done { minutes: Some(m) };
    let lock = || on(1, RedFlagEmergency, None, 0);
    let all_skipped = || -> Vec<Entry> {
        ["walk", "hamstring-stretch", "thoracic-extension", "curl-up", "side-bridge", "bird-dog"]
            .iter()
            .chain(&crate::strength::LIFTS)
            .map(|id| on(0, Skipped, Some(id), 0))
            .collect()
    };
    let lift = |days_ago| on(days_ago, Done, Some("goblet-squat"), 0);
    // (case, history, action, id, days ago, confirmed, answer)
    let cases: Vec<Case> = vec![
        ("1 lock: done refused", vec![lock()], DONE, "walk", 0, false, Is::Refused("locked")),
        ("1 lock: skip refused", vec![lock()], Action::Skip, "curl-up", 0, false, Is::Refused("locked")),
        ("1 lock: rest refused", vec![lock()], Action::Rest, "", 0, false, Is::Refused("locked")),
        ("1 lock: a backfill too", vec![lock()], DONE, "walk", 2, false, Is::Refused("locked")),
        (
            "1 lock: undo still works",
            vec![lock()],
            Action::Undo { logged: true },
            "walk",
            0,
            false,
            Is::Allowed,
        ),
        ("1 lock cleared", vec![lock(), on(0, Cleared, None, 0)], DONE, "walk", 0, false, Is::Allowed),
        ("1 a GP hold does not lock", vec![on(1, RedFlagGp, None, 0)], DONE, "walk", 0, false, Is::Allowed),
        (
            "2 pain stop: done refused",
            vec![on(0, Done, Some("walk"), 7)],
            DONE,
            "walk",
            0,
            false,
            Is::Refused("pain above 5"),
        ),
        (
            "2 pain stop: skip refused",
            vec![on(0, Done, Some("walk"), 7)],
            Action::Skip,
            "walk",
            0,
            false,
            Is::Refused("pain above 5"),
        ),
        ("2 pain 5 is not a stop", vec![on(0, Done, Some("walk"), 5)], DONE, "walk", 0, false, Is::Allowed),
        (
            "3 leg pause: done refused",
            vec![on(1, LegSymptoms, Some("curl-up"), 0)],
            DONE,
            "curl-up",
            0,
            false,
            Is::Refused("safety --clear curl-up"),
        ),
        (
            "3 leg pause: skip is refused (issue 26: every refusal exits non-zero)",
            vec![on(1, LegSymptoms, Some("curl-up"), 0)],
            Action::Skip,
            "curl-up",
            0,
            false,
            Is::Refused("paused"),
        ),
        (
            "3 pause cleared",
            vec![on(1, LegSymptoms, Some("curl-up"), 0), on(0, Cleared, Some("curl-up"), 0)],
            DONE,
            "curl-up",
            0,
            false,
            Is::Allowed,
        ),
        (
            "4 skip after done refused",
            vec![done("curl-up")],
            Action::Skip,
            "curl-up",
            0,
            false,
            Is::Refused("already done"),
        ),
        ("4 skip after a walk bout", vec![done("walk")], Action::Skip, "walk", 0, false, Is::Allowed),
        (
            "4 done after skip replaces it",
            vec![on(0, Skipped, Some("curl-up"), 0)],
            DONE,
            "curl-up",
            0,
            false,
            Is::Note("replaces the skip"),
        ),
        (
            "4 skip twice is nothing",
            vec![on(0, Skipped, Some("curl-up"), 0)],
            Action::Skip,
            "curl-up",
            0,
            false,
            Is::Nothing("already skipped"),
        ),
        ("5 a second bout", vec![done("walk")], DONE, "walk", 0, false, Is::Allowed),
        (
            "5 a fourth bout of three",
            vec![done("walk"), done("walk"), done("walk")],
            DONE,
            "walk",
            0,
            false,
            Is::Refused("(3 of 3)"),
        ),
        (
            "5 a backfilled fourth bout",
            vec![on(3, Done, Some("walk"), 0), on(3, Done, Some("walk"), 0), on(3, Done, Some("walk"), 0)],
            DONE,
            "walk",
            3,
            false,
            Is::Refused("3 of 3"),
        ),
        (
            "5 curl-up twice is nothing",
            vec![done("curl-up")],
            DONE,
            "curl-up",
            0,
            false,
            Is::Nothing("already done"),
        ),
        (
            "6 outside the routine: a note",
            vec![],
            DONE,
            "glute-bridge",
            0,
            false,
            Is::Note("not in your routine; logged anyway"),
        ),
        (
            "6 skip outside the routine",
            vec![],
            Action::Skip,
            "glute-bridge",
            0,
            false,
            Is::Refused("not in your routine"),
        ),
        ("7 600 minutes refused", vec![], walk_min(600), "walk", 0, false, Is::Refused("1–300")),
        ("7 0 minutes refused", vec![], walk_min(0), "walk", 0, false, Is::Refused("1–300")),
        ("7 300 minutes taken", vec![], walk_min(300), "walk", 0, false, Is::Allowed),
        (
            "7 minutes on a hold",
            vec![],
            walk_min(5),
            "curl-up",
            0,
            false,
            Is::Refused("--minutes is for walks"),
        ),
        ("8 a day to come", vec![], DONE, "walk", -1, false, Is::Refused("has not come yet")),
        (
            "8 before the first entry",
            vec![on(3, Done, Some("walk"), 0)],
            DONE,
            "walk",
            5,
            false,
            Is::Confirm("before your first entry"),
        ),
        (
            "8 before the first entry, confirmed",
            vec![on(3, Done, Some("walk"), 0)],
            DONE,
            "walk",
            5,
            true,
            Is::Allowed,
        ),
        ("8 after the first entry", vec![on(9, Done, Some("walk"), 0)], DONE, "walk", 5, false, Is::Allowed),
        (
            "8 a new user's yesterday",
            vec![on(0, DisclaimerAccepted, None, 0)],
            DONE,
            "walk",
            1,
            false,
            Is::Allowed,
        ),
        ("8 more than a year back", vec![], DONE, "walk", 400, false, Is::Confirm("more than a year back")),
        (
            "8 undo of nothing",
            vec![],
            Action::Undo { logged: false },
            "curl-up",
            0,
            false,
            Is::Refused("nothing to undo"),
        ),
        (
            "8 a refusal is not asked",
            vec![on(400, Done, Some("curl-up"), 0)],
            DONE,
            "curl-up",
            400,
            false,
            Is::Nothing("already done"),
        ),
        ("9 a rest day", vec![done("walk")], Action::Rest, "", 0, false, Is::Allowed),
        (
            "9 a rest day with nothing left",
            all_skipped(),
            Action::Rest,
            "",
            0,
            false,
            Is::Nothing("nothing left"),
        ),
        ("9 a rest day a year back", vec![], Action::Rest, "", 400, false, Is::Confirm("a rest day")),
        // Tue 24 Nov is the first strength day; two a week are at least 3 days apart.
        ("10 a lift on a strength day", vec![], DONE, "goblet-squat", 0, false, Is::Allowed),
        (
            "10 a lift the day after a strength day",
            vec![lift(1)],
            DONE,
            "romanian-deadlift",
            0,
            false,
            Is::Note(
                "Tue 24 Nov follows Mon 23 Nov's strength day, and strength days are never back to back (the muscles recover in between); logged anyway, it counts as a strength day: the next moves from Thu 26 Nov to Mon 30 Nov",
            ),
        ),
        (
            "10 a lift two days after one",
            vec![lift(2)],
            DONE,
            "one-arm-row",
            0,
            false,
            Is::Note(
                "Tue 24 Nov is not a strength day; logged anyway, it counts as a strength day: the next moves from Wed 25 Nov to Fri 27 Nov",
            ),
        ),
        (
            "10 a second lift that day: it is one now",
            vec![lift(1), on(0, Done, Some("one-arm-row"), 0)],
            DONE,
            "goblet-squat",
            0,
            false,
            Is::Allowed,
        ),
        (
            "10 a lift backfilled the day before one",
            vec![on(9, Done, Some("walk"), 0), lift(0)],
            DONE,
            "suitcase-carry",
            1,
            false,
            Is::Note("Mon 23 Nov is the day before Tue 24 Nov's strength day"),
        ),
        (
            "10 between two",
            vec![on(9, Done, Some("walk"), 0), lift(2), lift(0)],
            DONE,
            "goblet-squat",
            1,
            false,
            Is::Note("falls between the strength days of Sun 22 Nov and Tue 24 Nov"),
        ),
        (
            "10 a backfill that moves nothing",
            vec![lift(6), lift(0)],
            DONE,
            "goblet-squat",
            4,
            false,
            Is::Note(
                "Fri 20 Nov is not a strength day; logged anyway, it counts as a strength day; the next is still Fri 27 Nov",
            ),
        ),
        (
            "10 the lift done already",
            vec![lift(0)],
            DONE,
            "goblet-squat",
            0,
            false,
            Is::Nothing("already done"),
        ),
    ];
    for (name, history, action, id, ago, confirmed, want) in cases {
        let got = ask(&history, action, id, ago, confirmed);
        assert!(matches(&got, &want), "{name}: got {got:?}, want {want:?}");
    }
}

#[test]
fn a_lift_with_strength_days_off_is_logged_with_a_note() {
    let got = ask_with(&Settings::default(), &[], Action::Done { minutes: None }, "goblet-squat", 0, false);
    assert!(matches(&got, &Is::Note("strength days are off; logged anyway")), "{got:?}");
}
