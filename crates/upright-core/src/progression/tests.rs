use jiff::ToSpan;
use jiff::civil::date;

use super::*;
use crate::catalog::Level;
use crate::log::Feedback;

const D0: Date = date(2026, 11, 2);

fn day(n: i64) -> Date {
    D0.checked_add(n.days()).unwrap()
}

/// A done entry `n` days after D0.
fn done(n: i64, id: &str, step: u32, feedback: Feedback, pain: u8) -> Entry {
    let d = day(n);
    let mut e = Entry::new(format!("{n}-{id}-{step}-{pain}"), d, format!("{d}T08:00:00Z"), EntryKind::Done);
    e.exercise = Some(id.into());
    e.step = Some(step);
    e.feedback = Some(feedback);
    e.pain = Some(pain);
    e
}

fn event(n: i64, kind: EntryKind) -> Entry {
    let d = day(n);
    Entry::new(format!("{n}-{kind}"), d, format!("{d}T07:00:00Z"), kind)
}

fn rx(history: &[Entry], id: &str, on: i64) -> Prescription {
    rx_with(&Settings::default(), history, id, on)
}

fn rx_with(settings: &Settings, history: &[Entry], id: &str, on: i64) -> Prescription {
    let catalog = Catalog::builtin();
    let mut h = history.to_vec();
    h.sort_by(|a, b| (a.date, &a.at).cmp(&(b.date, &b.at)));
    prescribe_one(settings, &h, catalog.get(id).unwrap(), day(on)).into_inner()
}

use Feedback::{Easy, Hard, Ok as Fine};

#[test]
fn rule_table() {
    let e = |n, step| done(n, "curl-up", step, Easy, 0);
    // (name, history, day asked, step, change, reason contains)
    type Case = (&'static str, Vec<Entry>, i64, u32, Change, &'static str);
    let cases: Vec<Case> = vec![
        ("no history: start step", vec![], 0, 1, Change::Start, ""),
        ("two good sessions: same", vec![e(0, 1), e(1, 1)], 2, 1, Change::Same, ""),
        (
            "the first three easy sessions: up",
            vec![e(0, 1), e(1, 1), e(2, 1)],
            3,
            2,
            Change::Up,
            "Up one step: 3 easy sessions in a row",
        ),
        (
            "after a change, three easy sessions under 7 days at the step",
            vec![e(0, 1), e(1, 1), e(2, 1), e(3, 2), e(4, 2), e(5, 2)],
            6,
            2,
            Change::Same,
            "Same as last time: one step a week at most; the next from Thu 12 Nov",
        ),
        (
            "after a change, 7 days at the step: up",
            vec![e(0, 1), e(1, 1), e(2, 1), e(3, 2), e(4, 2), e(5, 2), e(8, 2), e(9, 2)],
            10,
            3,
            Change::Up,
            "Up one step: 5 easy sessions in a row",
        ),
        (
            "a run longer than 8 weeks is counted over the last 8",
            (0..70).map(|n| e(n, 1)).collect(),
            70,
            2,
            Change::Up,
            "Up one step: 56+ easy sessions in a row",
        ),
        (
            "ok ratings and pain 3 still count",
            vec![e(0, 1), done(5, "curl-up", 1, Fine, 3), done(6, "curl-up", 1, Fine, 2), e(7, 1)],
            8,
            2,
            Change::Up,
            "3 good sessions in a row",
        ),
        (
            "a hard session holds and restarts the run",
            vec![e(0, 1), e(1, 1), done(2, "curl-up", 1, Hard, 0), e(8, 1), e(9, 1)],
            10,
            1,
            Change::Same,
            "",
        ),
        (
            "last hard: hold",
            vec![e(0, 1), e(5, 1), done(6, "curl-up", 1, Hard, 0)],
            7,
            1,
            Change::Hold,
            "Same as last time: the last session was hard",
        ),
        (
            "pain 4: hold",
            vec![e(0, 2), e(5, 2), done(6, "curl-up", 2, Easy, 4)],
            7,
            2,
            Change::Hold,
            "pain 4 last time",
        ),
        (
            "two hards in a row: step back",
            vec![done(5, "curl-up", 3, Hard, 0), done(6, "curl-up", 3, Hard, 0)],
            7,
            2,
            Change::Down,
            "One step easier: 2 hard sessions in a row",
        ),
        (
            "pain 7: step back",
            vec![e(5, 3), done(6, "curl-up", 3, Fine, 7)],
            7,
            2,
            Change::Down,
            "pain 7 last time",
        ),
        (
            "pain 7 at step 1: the alternative, never 'back to'",
            vec![done(6, "curl-up", 1, Fine, 7)],
            7,
            1,
            Change::Hold,
            "Same as last time: pain 7; try dead bug instead",
        ),
        ("3 days off: carry on", vec![e(0, 3)], 4, 3, Change::Same, ""),
        (
            "4 days off: repeat",
            vec![e(0, 3)],
            5,
            3,
            Change::Hold,
            "Same as last time: 4 days missed since Mon 2 Nov",
        ),
        (
            "4–7 days off stops an advance",
            vec![e(0, 3), e(1, 3), e(2, 3), e(8, 3)],
            14,
            3,
            Change::Hold,
            "Same as last time: 5 days missed since Tue 10 Nov",
        ),
        (
            "8 days off: one back",
            vec![e(0, 4)],
            9,
            3,
            Change::Down,
            "One step easier: 8 days missed since Mon 2 Nov",
        ),
        ("14 days off: one back", vec![e(0, 4)], 15, 3, Change::Down, "14 days missed"),
        ("15 days off: two back", vec![e(0, 4)], 16, 2, Change::Down, "2 steps easier: 15 days missed"),
        ("29 days off: half", vec![e(0, 5)], 30, 2, Change::Down, "3 steps easier: 29 days missed"),
        ("long gap never below 1", vec![e(0, 1)], 100, 1, Change::Same, ""),
        (
            "pain and gap: the lowest wins",
            vec![done(0, "curl-up", 4, Fine, 7)],
            16,
            2,
            Change::Down,
            "15 days",
        ),
        ("at the cap: stay", vec![e(0, 6), e(1, 6), e(2, 6), e(8, 6)], 9, 6, Change::Same, ""),
        (
            "skips are not sessions",
            vec![e(0, 2), {
                let mut s = e(5, 2);
                s.kind = EntryKind::Skipped;
                s
            }],
            9,
            1,
            Change::Down,
            "8 days",
        ),
        ("later entries are ignored", vec![e(0, 1), done(20, "curl-up", 1, Fine, 9)], 1, 1, Change::Same, ""),
    ];
    for (name, history, on, step, change, reason) in cases {
        let p = rx(&history, "curl-up", on);
        assert_eq!((p.step, p.change), (step, change), "{name}: {:?}", p.reason);
        if reason.is_empty() {
            assert_eq!(p.reason, None, "{name}");
        } else {
            let got = p.reason.clone().unwrap_or_default();
            assert!(got.contains(reason), "{name}: {got:?} lacks {reason:?}");
        }
    }
}

#[test]
fn pain_above_five_stops_the_exercise_for_today() {
    let h = vec![done(3, "bird-dog", 2, Fine, 0), done(4, "bird-dog", 2, Fine, 8)];
    let today = rx(&h, "bird-dog", 4);
    assert!(today.stopped);
    assert_eq!(today.step, 2, "the dose of the day stays");
    assert_eq!(today.reason.as_deref(), Some("Stopped for today: pain 8. Next time: one step easier"));
    let next = rx(&h, "bird-dog", 5);
    assert!(!next.stopped);
    assert_eq!(next.step, 1);
}

#[test]
fn walk_cap_follows_the_longest_recent_walk() {
    let walk = |n, step, minutes: Option<u32>| {
        let mut e = done(n, "walk", step, Easy, 0);
        e.id = format!("{n}-walk-{minutes:?}");
        e.minutes = minutes;
        e
    };
    // A whole day of the step: its main bout as given, the top-up bouts as prescribed (one bout
    // of three is a partial session and holds, issue 20).
    let catalog = crate::catalog::Catalog::builtin();
    let dose = |step| catalog.get("walk").unwrap().dose(step);
    let day = |n, step, minutes: Option<u32>| {
        let mut all = vec![walk(n, step, minutes)];
        for b in 1..dose(step).sessions() {
            // With their minutes, so no top-up is read as the main bout.
            let mut e = walk(n, step, dose(step).walk_bout(b));
            e.id = format!("{n}-walk-top-up-{b}");
            all.push(e);
        }
        all
    };
    let days = |list: &[(i64, u32, Option<u32>)]| -> Vec<_> {
        list.iter().flat_map(|&(n, step, m)| day(n, step, m)).collect()
    };
    // Three easy days at step 10 (14 min) logged as 14-min walks: up to 15 min.
    let h = days(&[(0, 10, Some(14)), (5, 10, Some(14)), (6, 10, Some(14)), (7, 10, Some(14))]);
    assert_eq!(rx(&h, "walk", 8).step, 11);
    // The same days walked only 8 minutes: never above 9 min (8 + 1).
    let h = days(&[(0, 10, Some(8)), (5, 10, Some(8)), (6, 10, Some(8)), (7, 10, Some(8))]);
    let p = rx(&h, "walk", 8);
    assert_eq!((p.step, p.dose_text.as_str()), (5, "9 + 5 + 5 min"));
    assert_eq!(p.change, Change::Down);
    assert_eq!(p.reason.as_deref(), Some("Shorter walks: your longest in 30 days was 8 min"));
    // An active 30-minute walker (beginners stop at 30) may go to 33 min: 33 ≤ 30 + 3.
    let h = days(&[(0, 21, Some(30)), (5, 21, None), (6, 21, None), (7, 21, None)]);
    assert_eq!(rx(&h, "walk", 8).step, 21, "the beginner cap");
    let active = Settings { level: Level::Active, ..Settings::default() };
    let p = rx_with(&active, &h, "walk", 8);
    assert_eq!(p.step, 22, "{p:?}");
    // A walk over 30 days ago does not cap: the missed-day rule applies instead.
    let h = vec![walk(0, 10, Some(6))];
    let p = rx(&h, "walk", 40);
    assert_eq!(p.step, 5);
    assert_eq!(p.reason.as_deref(), Some("5 steps easier: 39 days missed since Mon 2 Nov"));
}

#[test]
fn caps_and_overrides() {
    let mut s = Settings::default();
    s.overrides.insert(
        "curl-up".into(),
        crate::settings::Override { start_step: Some(3), cap_step: Some(4), enabled: None },
    );
    assert_eq!(rx_with(&s, &[], "curl-up", 0).step, 3);
    let h: Vec<Entry> = (0..10).map(|n| done(n, "curl-up", 4, Easy, 0)).collect();
    assert_eq!(rx_with(&s, &h, "curl-up", 10).step, 4, "cap_step holds it");
    let active = Settings { level: Level::Active, ..Settings::default() };
    assert_eq!(rx_with(&active, &[], "walk", 0).dose_text, "30 + 5 min");
    assert_eq!(rx_with(&active, &[], "side-bridge", 0).dose_text, "feet 4-3-2 × 10 s holds per side");
}

#[test]
fn flare_mode_and_resume() {
    let e = |n, step| done(n, "curl-up", step, Easy, 0);
    let mut h = vec![e(0, 4), e(1, 4), e(2, 4), event(3, EntryKind::FlareOn)];
    let p = rx(&h, "curl-up", 3);
    assert_eq!((p.step, p.change), (1, Change::Flare));
    assert_eq!(rx(&h, "walk", 5).step, 1);
    assert_eq!(flare_since(&h, day(5)), Some(day(3)));
    assert!(!flare_prompt(&h, day(16)) && flare_prompt(&h, day(17)));
    h.extend([
        done(4, "curl-up", 1, Easy, 0),
        done(5, "curl-up", 1, Easy, 0),
        done(6, "curl-up", 1, Easy, 0),
    ]);
    h.push(event(7, EntryKind::FlareOff));
    // Turn 3, C: one step below the dose before the flare, then back to it after 2 good
    // sessions, with no one-step-a-week limit; then rule 1 again.
    let p = rx(&h, "curl-up", 7);
    assert_eq!((p.step, p.change), (3, Change::Down), "one below step 4");
    assert_eq!(
        p.reason.as_deref(),
        Some("Back after a flare-up: one step below where you were, then back in stages")
    );
    assert_eq!(flare_since(&h, day(7)), None);
    h.push(e(7, 3));
    let p = rx(&h, "curl-up", 8);
    assert_eq!((p.step, p.change), (3, Change::Same));
    assert_eq!(
        p.reason.as_deref(),
        Some("On the way back: 1 more good session, then 100% of your dose before")
    );
    h.push(e(8, 3));
    let p = rx(&h, "curl-up", 9);
    assert_eq!((p.step, p.change), (4, Change::Up), "the day after 2 good sessions");
    assert_eq!(p.reason.as_deref(), Some("Back to 100% of your dose before the setback: 2 good sessions"));
    h.extend([e(9, 4), e(10, 4), e(11, 4)]);
    assert_eq!(rx(&h, "curl-up", 12).step, 4, "back at the dose before: one step a week again");
    h.extend([e(12, 4), e(13, 4), e(14, 4), e(15, 4)]);
    assert_eq!(rx(&h, "curl-up", 16).step, 5);
    // An exercise first done during the flare still resumes from its pre-flare prescription.
    assert_eq!(rx(&h, "bird-dog", 8).step, 1);
}

#[test]
fn forecast_climbs_week_by_week() {
    let catalog = Catalog::builtin();
    let plan = forecast(&catalog, &Settings::default(), &[], date(2026, 11, 24), 8);
    assert_eq!(plan.len(), 8);
    assert_eq!(plan[0].week_start, date(2026, 11, 23));
    assert_eq!(plan[1].week_start, date(2026, 11, 30));
    let curl: Vec<u32> =
        plan.iter().map(|w| w.exercises.iter().find(|e| e.id == "curl-up").unwrap().step).collect();
    // Up after 3 sessions (Friday), then one step per 7 days: each Monday shows one more.
    assert_eq!(curl, [1, 2, 3, 4, 5, 6, 6, 6]);
    for w in plan.windows(2) {
        for (a, b) in w[0].exercises.iter().zip(&w[1].exercises) {
            assert!(b.step <= a.step + 1, "{} jumped", a.id);
        }
    }
    let long = forecast(&catalog, &Settings::default(), &[], date(2026, 11, 24), 40);
    let walk_30 = long.iter().position(|w| w.exercises[0].dose_text == "30 + 5 min").unwrap();
    assert_eq!(walk_30, 20, "step 21 on day 136 (9 Apr 2027): shown from week 21, Mon 12 Apr");
    assert_eq!(long[walk_30].week_start, date(2027, 4, 12));
}

#[test]
fn the_reason_does_not_depend_on_how_much_older_history_is_loaded() {
    // Views load at least the last 62 days; older months may or may not be in memory.
    let all: Vec<Entry> = (0..200).map(|n| done(n, "curl-up", 1, Easy, 0)).collect();
    let recent: Vec<Entry> = all[200 - 62..].to_vec();
    let (a, b) = (rx(&all, "curl-up", 200), rx(&recent, "curl-up", 200));
    assert_eq!((a.step, a.change, &a.reason), (b.step, b.change, &b.reason));
    assert_eq!(a.reason.as_deref(), Some("Up one step: 56+ easy sessions in a row"));
}

/// Issue 20.3: one walk bout of three is a partial session. It holds, with the reason; the
/// same days with all three bouts advance.
#[test]
fn a_partial_walk_session_holds() {
    let bout = |n: i64, b: u32| {
        let mut e = done(n, "walk", 1, Easy, 0);
        e.id = format!("{n}-walk-bout-{b}");
        e.minutes = Some(5);
        e
    };
    let cases: &[(&str, u32, u32, Change)] = &[
        ("one bout a day", 1, 1, Change::Hold),
        ("two of three", 2, 1, Change::Hold),
        ("all three", 3, 2, Change::Up),
    ];
    for &(what, bouts, want_step, ref want_change) in cases {
        let h: Vec<Entry> = (0..3).flat_map(|n| (0..bouts).map(move |b| bout(n, b))).collect();
        let p = rx(&h, "walk", 3);
        assert_eq!((p.step, &p.change), (want_step, want_change), "{what}: {p:?}");
        if bouts < 3 {
            let why = format!("Same as last time: {bouts} of 3 walks last time");
            assert_eq!(p.reason.as_deref(), Some(why.as_str()), "{what}");
        }
    }
}

/// Issue 20.4: resting through a 14-day flare (as the flare message allows) resumes where the
/// flare rule says (one step below since turn 3, C), with the flare's reason; the missed-day
/// rule does not add more steps back. Days after the flare ended still count as missed.
#[test]
fn a_rested_flare_and_missed_days_do_not_stack() {
    let e = |n, step| done(n, "curl-up", step, Easy, 0);
    let h = vec![e(0, 5), e(1, 5), e(2, 5), event(3, EntryKind::FlareOn), event(17, EntryKind::FlareOff)];
    let cases = [
        (
            "the day it ends",
            17,
            4,
            Change::Down,
            "Back after a flare-up: one step below where you were, then back in stages",
        ),
        (
            "two days later",
            19,
            4,
            Change::Down,
            "Back after a flare-up: one step below where you were, then back in stages",
        ),
        ("ten days later", 27, 3, Change::Down, "One step easier: 9 days missed since Thu 19 Nov"),
    ];
    for (what, on, step, change, reason) in cases {
        let p = rx(&h, "curl-up", on);
        assert_eq!((p.step, &p.change, p.reason.as_deref()), (step, &change, Some(reason)), "{what}");
    }
}

mod held;

mod reentry;
