//! Snapshots of issue 26's app parts at 80×24, 100×30 and 40×12: `u` showing what it removes
//! before `y`; a walk bout left early, logged with the minutes walked; and the week grid's mark
//! for an exercise stopped, paused or held as advised (issue 24 B), with its legend entry.

use std::time::{Duration, Instant};

use super::tests::{days_back, send, snap};
use crate::app::tests::{app, seed, step, wall};
use crate::app::{Mode, Msg};
use crate::state::{Entry, EntryKind};

#[test]
fn undo_says_what_it_removes_and_asks() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let t = Instant::now();
    send(&mut app, &[Msg::TickOff, Msg::Char('2'), Msg::Char('3'), Msg::Confirm], t);
    app.selected = 0;
    send(&mut app, &[Msg::Undo], t);
    assert!(matches!(app.mode, Mode::Confirm { .. }));
    snap("undo_asks", &app, t);
}

#[test]
fn a_walk_left_early_shows_the_minutes_walked() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let t0 = Instant::now();
    step(&mut app, Msg::Confirm, t0, &wall());
    app.tick(t0 + Duration::from_secs(5), &wall());
    let left = t0 + Duration::from_secs(5 + 130);
    send(&mut app, &[Msg::Back, Msg::Char('y')], left);
    snap("walk_cut_short", &app, left);
}

#[test]
fn the_week_marks_what_was_done_as_advised() {
    let dir = tempfile::tempdir().unwrap();
    let day = |n: i64| days_back(n, n)[0];
    let entry = |date, kind, id: Option<&str>, pain: u8| {
        let mut e =
            Entry::new(format!("{date}-{kind:?}-{id:?}"), date, format!("{date}T08:00:00+01:00"), kind);
        e.exercise = id.map(str::to_string);
        e.step = id.map(|_| 1);
        e.pain = id.map(|_| pain);
        e
    };
    // Monday: the walk stopped at pain 7 after one bout, the rest done.
    let mut log = vec![entry(day(1), EntryKind::Done, Some("walk"), 7)];
    for id in ["hamstring-stretch", "thoracic-extension", "curl-up", "side-bridge", "bird-dog"] {
        log.push(entry(day(1), EntryKind::Done, Some(id), 0));
    }
    seed(dir.path(), log);
    let mut app = app(dir.path());
    let t = Instant::now();
    send(&mut app, &[Msg::Week, Msg::Left], t);
    snap("week_as_advised", &app, t);
    send(&mut app, &[Msg::Help], t);
    snap("week_as_advised_help", &app, t);
}

/// Issue 26 item 10: at 80×24 on a busy strength day in flare-up mode, the "Flare-up mode
/// since …" line stays (the list scrolls instead).
#[test]
fn the_mode_line_stays_on_a_busy_day() {
    let dir = tempfile::tempdir().unwrap();
    let on = jiff::civil::date(2026, 11, 20);
    let flare = Entry::new("f1".into(), on, format!("{on}T08:00:00+01:00"), EntryKind::FlareOn);
    let app = super::strength_tests::strength_app(dir.path(), vec![flare]);
    assert_eq!(app.day.items.len(), 10, "the routine and four lifts");
    snap("strength_flare", &app, Instant::now());
    let terminal = super::tests::draw(&app, Instant::now(), 80, 24, &super::Theme::new(false));
    let screen: String = terminal.backend().buffer().content().iter().map(|c| c.symbol()).collect();
    assert!(screen.contains("Flare-up mode since 20 Nov"), "{screen}");
}

/// Issue 26 item 11: the roller's paced rep shows the part under way, not "UP · HOLD · DOWN"
/// for the whole 7 s, and no "Position 1 of 1".
#[test]
fn a_paced_rep_shows_its_part() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let t0 = Instant::now();
    app.selected = 2;
    step(&mut app, Msg::Confirm, t0, &wall());
    let at = t0 + Duration::from_millis(8_500);
    app.tick(at, &wall());
    snap("timer_rep_hold", &app, at);
}

/// Issue 26 item 13: leaving while getting ready offers no "count it": nothing is done yet.
#[test]
fn leaving_while_getting_ready_has_nothing_to_count() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let t = Instant::now();
    send(&mut app, &[Msg::Confirm, Msg::Back], t);
    snap("leave_getting_ready", &app, t);
    send(&mut app, &[Msg::Char('y')], t);
    assert!(matches!(app.mode, Mode::Leave(_)), "y counts nothing: {:?}", app.mode);
}
