//! The walk prompt's "done as" stage (issue 16.3): the walk slot done as bike, swim … for so
//! many minutes, saved as `done walk --as ID --minutes N` saves it; `v`'s choice comes in
//! chosen; a past day from the week screen gets the same choice.

use std::time::Instant;

use super::tests::{app, step, wall};
use super::*;
use crate::state::{Entry, EntryKind, Feedback};

fn send(app: &mut App, msgs: &[Msg]) {
    for msg in msgs {
        step(app, msg.clone(), Instant::now(), &wall());
    }
}

fn typed(text: &str) -> Vec<Msg> {
    text.chars().map(Msg::Char).collect()
}

fn walks(app: &App) -> Vec<&Entry> {
    app.ctx.store.entries().iter().filter(|e| e.kind == EntryKind::Done && e.is_for("walk")).collect()
}

fn prompt(app: &App) -> &Prompt {
    match &app.mode {
        Mode::Feedback(p) => p,
        other => panic!("not in the prompt: {other:?}"),
    }
}

#[test]
fn bike_for_25_minutes_is_saved_as_the_cli_saves_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    assert_eq!(app.selected_item().unwrap().exercise.id, "walk");
    send(&mut app, &[Msg::TickOff, Msg::Char('a')]);
    let p = prompt(&app);
    assert_eq!(p.stage, Stage::DoneAs);
    let keys: Vec<(char, &str)> = p.ways.iter().map(|w| (w.key, w.word())).collect();
    assert_eq!(
        keys,
        [('w', "walk"), ('b', "bike"), ('e', "elliptical"), ('p', "pool"), ('s', "swim"), ('o', "other")],
        "a walk first, then every version `done walk --as` takes"
    );
    assert_eq!(
        (p.way().map(Way::word), p.minutes_shown().as_str()),
        (Some("walk"), "5"),
        "the bout's minutes"
    );
    send(&mut app, &[Msg::Char('b')]);
    send(&mut app, &typed("25"));
    assert_eq!(prompt(&app).minutes_shown(), "25", "typing replaces the planned minutes");
    // Enter goes back to the rating, which now says what it will log.
    send(&mut app, &[Msg::Confirm]);
    let p = prompt(&app);
    assert_eq!((p.stage, p.variant.as_deref(), p.minutes), (Stage::Rating, Some("bike"), Some(25)));
    send(&mut app, &[Msg::Char('2'), Msg::Confirm]);
    assert!(matches!(app.mode, Mode::Today), "{:?}", app.mode);
    let saved = walks(&app);
    assert_eq!(saved.len(), 1);
    let e = saved[0];
    assert_eq!(
        (e.variant.as_deref(), e.minutes, e.feedback, e.pain, e.step, e.dose.as_deref()),
        (Some("bike"), Some(25), Some(Feedback::Ok), Some(0), Some(1), Some("3 × 5 min"))
    );
    assert_eq!(
        app.message.as_deref(),
        Some("Saved: Walk (25 min) for Tue 24 Nov, bike instead ✓"),
        "other cardio fills the day's walk by minutes, not as one bout of three (issue 26)"
    );
    // It fills a bout of the day's walk, as a walk does.
    assert_eq!(app.day.get("walk").unwrap().done, 1);
    // The walk's 10% rule counts real walks only: the next walk is not longer for the ride.
    assert_eq!(app.day.get("walk").unwrap().rx.dose.walk_bout(1), Some(5));
}

#[test]
fn vs_choice_comes_in_chosen_and_w_takes_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    // `v` steps the walk's versions: bike, then elliptical.
    send(&mut app, &[Msg::Char('v'), Msg::Char('v'), Msg::TickOff]);
    assert_eq!(prompt(&app).variant.as_deref(), Some("elliptical"));
    send(&mut app, &[Msg::Char('a'), Msg::Char('w'), Msg::Confirm, Msg::Char('3'), Msg::Confirm]);
    assert_eq!(walks(&app)[0].variant, None, "walked after all");
    assert_eq!(walks(&app)[0].minutes, Some(5));
    // The next bout starts from `v`'s choice again: the prompt's choice was for one entry.
    app.selected = 0;
    send(&mut app, &[Msg::TickOff]);
    assert_eq!(prompt(&app).variant.as_deref(), Some("elliptical"));
    // Esc in the stage goes back to the rating keeping what was chosen; a digit past the
    // rules' 300 minutes is not taken; Backspace takes one back.
    send(&mut app, &[Msg::Char('a'), Msg::Char('s')]);
    send(&mut app, &typed("4000"));
    assert_eq!(prompt(&app).minutes_shown(), "40");
    send(&mut app, &[Msg::Backspace, Msg::Back]);
    let p = prompt(&app);
    assert_eq!((p.stage, p.variant.as_deref(), p.minutes), (Stage::Rating, Some("swim"), Some(4)));
}

#[test]
fn other_exercises_have_no_done_as_stage() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    app.selected = 3;
    send(&mut app, &[Msg::TickOff, Msg::Char('a')]);
    let p = prompt(&app);
    assert!(p.ways.is_empty(), "{}", p.id);
    assert_eq!(p.stage, Stage::Rating, "a does nothing off the walk");
}

#[test]
fn a_past_day_from_the_week_screen_can_be_other_cardio() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    // Today's first entry makes Monday "before your first entry": the rules ask first.
    send(&mut app, &[Msg::Down, Msg::TickOff, Msg::Char('2'), Msg::Confirm]);
    app.selected = 0;
    send(&mut app, &[Msg::Week]);
    let Mode::Week { row, day, .. } = &app.mode else { panic!("{:?}", app.mode) };
    assert_eq!((*row, *day), (0, 1), "the cell of today's walk");
    send(&mut app, &[Msg::Left, Msg::TickOff]);
    assert!(matches!(app.mode, Mode::Confirm { .. }), "{:?}", app.mode);
    send(&mut app, &[Msg::Char('y'), Msg::Char('a'), Msg::Char('o')]);
    send(&mut app, &typed("40"));
    send(&mut app, &[Msg::Confirm]);
    assert_eq!(prompt(&app).stage, Stage::Rating, "the confirmed backfill is not asked again");
    send(&mut app, &[Msg::Char('1'), Msg::Confirm]);
    let e = walks(&app)[0];
    assert_eq!(
        (e.date, e.variant.as_deref(), e.minutes),
        (jiff::civil::date(2026, 11, 23), Some("other"), Some(40))
    );
    let Mode::Week { data, .. } = &app.mode else { panic!("back on the week: {:?}", app.mode) };
    // 40 minutes of other cardio fill the day's 15 minutes of walking (issue 26); the cell
    // says what it was.
    assert_eq!(data.notes[0][0].as_deref(), Some("easy · pain 0 · as other"));
    assert_eq!(data.mark(0, 0), crate::week::CARDIO_MARK);
}

/// Issue 26 item 2: a walk left at once and counted logs the minutes walked, not the bout
/// planned, and says it was cut short; `n` in the walk does the same; typing the planned
/// minutes in `a` makes it whole again.
#[test]
fn a_walk_left_early_logs_the_minutes_walked() {
    use std::time::Duration;
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let t0 = Instant::now();
    let w = wall();
    step(&mut app, Msg::Confirm, t0, &w); // start the walk's timer
    app.tick(t0 + Duration::from_secs(5), &w); // get ready ends; the bout starts
    step(&mut app, Msg::Back, t0 + Duration::from_secs(6), &w);
    step(&mut app, Msg::Char('y'), t0 + Duration::from_secs(6), &w);
    let p = prompt(&app);
    assert_eq!((p.minutes, p.walk_cut), (Some(0), Some(5)), "1 s walked of a 5-minute bout");
    send(&mut app, &[Msg::Char('2'), Msg::Confirm]);
    assert_eq!(walks(&app)[0].minutes, Some(0));
    assert!(
        app.message.as_deref().is_some_and(|m| m.contains("(0 min)") && m.contains("cut short")),
        "{:?}",
        app.message
    );
    // n after 3½ minutes of the next bout: 4 minutes, cut short.
    app.selected = 0;
    step(&mut app, Msg::Confirm, t0, &w);
    app.tick(t0 + Duration::from_secs(5), &w);
    step(&mut app, Msg::NextPhase, t0 + Duration::from_secs(5 + 210), &w);
    let p = prompt(&app);
    assert_eq!((p.minutes, p.walk_cut), (Some(4), Some(5)));
    // `a` and the planned minutes typed: whole again.
    send(&mut app, &[Msg::Char('a'), Msg::Char('5'), Msg::Confirm]);
    assert_eq!((prompt(&app).minutes, prompt(&app).walk_cut), (Some(5), None));
}
