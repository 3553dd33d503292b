use jiff::ToSpan;
use jiff::civil::{Date, date};

use super::*;
use crate::catalog::Catalog;
use crate::config::Settings;

const TODAY: Date = date(2026, 11, 24);

fn on(days_ago: i64, kind: EntryKind, exercise: Option<&str>, pain: u8) -> Entry {
    let d = TODAY.checked_sub(days_ago.days()).unwrap();
    let n = NEXT.with(|c| c.replace(c.get() + 1));
    let mut e = Entry::new(format!("e{n:04}"), d, format!("{d}T08:{:02}:00+01:00", n % 60), kind);
    e.exercise = exercise.map(String::from);
    e.pain = Some(pain);
    e
}

thread_local!(static NEXT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) });

fn done(id: &str) -> Entry {
    on(0, EntryKind::Done, Some(id), 0)
}

fn ask(history: &[Entry], action: Action, id: &str, days_ago: i64, confirmed: bool) -> Verdict {
    let date = TODAY.checked_sub(days_ago.days()).unwrap();
    let day = Day::build(&Catalog::builtin(), &Settings::default(), history, date);
    let now = Day::build(&Catalog::builtin(), &Settings::default(), history, TODAY);
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
            .map(|id| on(0, Skipped, Some(id), 0))
            .collect()
    };
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
            "3 leg pause: skip is nothing",
            vec![on(1, LegSymptoms, Some("curl-up"), 0)],
            Action::Skip,
            "curl-up",
            0,
            false,
            Is::Nothing("paused"),
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
    ];
    for (name, history, action, id, ago, confirmed, want) in cases {
        let got = ask(&history, action, id, ago, confirmed);
        assert!(matches(&got, &want), "{name}: got {got:?}, want {want:?}");
    }
}

#[test]
fn a_rest_day_skips_only_what_is_left() {
    let history = vec![done("walk"), on(0, EntryKind::Done, Some("curl-up"), 8), done("walk"), done("walk")];
    let day = Day::build(&Catalog::builtin(), &Settings::default(), &history, TODAY);
    assert_eq!(rest_ids(&day), ["hamstring-stretch", "thoracic-extension", "side-bridge", "bird-dog"]);
}

#[test]
fn the_count_rule_again_under_the_lock() {
    let d = TODAY;
    let bouts = |n| (0..n).map(|_| done("walk")).collect::<Vec<_>>();
    for (name, month, id, needed, walk, refused) in [
        ("two bouts of three", bouts(2), "walk", 3, true, false),
        ("three bouts of three", bouts(3), "walk", 3, true, true),
        ("curl-up not yet", bouts(3), "curl-up", 1, false, false),
        ("curl-up logged meanwhile", vec![done("curl-up")], "curl-up", 1, false, true),
        (
            "yesterday's does not count",
            vec![on(1, EntryKind::Done, Some("curl-up"), 0)],
            "curl-up",
            1,
            false,
            false,
        ),
        (
            "a skip is not a done",
            vec![on(0, EntryKind::Skipped, Some("curl-up"), 0)],
            "curl-up",
            1,
            false,
            false,
        ),
    ] {
        assert_eq!(recheck(&month, d, id, needed, walk).is_some(), refused, "{name}");
    }
}

#[test]
fn replies_say_what_was_logged() {
    let d = TODAY;
    assert_eq!(
        logged_line("Walk", "3 × 6 min", Some((6, 3)), 1, d),
        "Walk bout 2 of 3 (6 min) for Tue 24 Nov"
    );
    assert_eq!(logged_line("Walk", "1 × 30 min", Some((30, 1)), 0, d), "Walk (30 min) for Tue 24 Nov");
    assert_eq!(
        logged_line("Curl-up", "4-3-2 × 8 s holds", None, 0, d),
        "Curl-up (4-3-2 × 8 s holds) for Tue 24 Nov"
    );
}

#[test]
fn the_day_counts_skips_and_stops_as_settled() {
    use crate::today::Standing;
    let standing =
        |h: Vec<Entry>| Day::build(&Catalog::builtin(), &Settings::default(), &h, TODAY).standing();
    let mut h = vec![done("curl-up"), done("bird-dog")];
    assert_eq!(standing(h.clone()), Standing::Going { done: 2, to_go: 4 });
    h.push(on(0, EntryKind::Skipped, Some("side-bridge"), 0));
    assert_eq!(standing(h.clone()), Standing::Going { done: 2, to_go: 3 });
    h.push(on(0, EntryKind::Done, Some("walk"), 7));
    assert_eq!(standing(h.clone()), Standing::Stopped("Walk".into()), "the greeting follows a pain stop");
    let all: Vec<Entry> =
        ["walk", "hamstring-stretch", "thoracic-extension", "curl-up", "side-bridge", "bird-dog"]
            .iter()
            .map(|id| done(id))
            .chain([done("walk"), done("walk")])
            .collect();
    assert_eq!(standing(all), Standing::Complete);
    let rest: Vec<Entry> =
        ["walk", "hamstring-stretch", "thoracic-extension", "curl-up", "side-bridge", "bird-dog"]
            .iter()
            .map(|id| on(0, EntryKind::Skipped, Some(id), 0))
            .collect();
    assert_eq!(standing(rest), Standing::Rest);
    assert_eq!(standing(vec![on(1, EntryKind::RedFlagEmergency, None, 0)]), Standing::Locked);
    assert_eq!(standing(vec![]), Standing::Fresh(6));
}

#[test]
fn a_done_after_a_skip_replaces_it_and_undo_brings_it_back() {
    let skip = on(0, EntryKind::Skipped, Some("curl-up"), 0);
    let day = |h: &[Entry]| Day::build(&Catalog::builtin(), &Settings::default(), h, TODAY);
    let h = vec![skip.clone(), done("curl-up")];
    let item = day(&h).get("curl-up").cloned().unwrap();
    assert!(item.is_done() && !item.skipped);
    assert_eq!(item.last_logged.as_deref(), Some(h[1].id.as_str()));
    assert!(day(&h[..1]).get("curl-up").unwrap().skipped);
}
