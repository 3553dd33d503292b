//! Snapshots of the strength-day states (issue 16 part 1): Today on a strength day and on a day
//! between them, a lift's timer in a set and in its 90 s rest, and the rating asking the reps;
//! plus the entry the app saves for a lift.

use std::time::{Duration, Instant};

use super::tests::{send, snap};
use crate::app::tests::{app, wall};
use crate::app::{App, Msg};
use crate::log::{Entry, EntryKind};
use crate::strength::LiftConfig;
use crate::today::Day;

/// The test app with strength days on and a goblet-squat load of 8 kg; `history` is logged first.
pub(super) fn strength_app(dir: &std::path::Path, history: Vec<Entry>) -> App {
    let mut app = app(dir);
    app.ctx.settings.strength.enabled = true;
    app.ctx
        .settings
        .strength
        .lifts
        .insert("goblet-squat".into(), LiftConfig { load: Some(8.0), increment: Some(2.0), cap: None });
    // Strength days start in the second week: the log began 8 days ago.
    let began = app.ctx.today.checked_sub(jiff::Span::new().days(8)).unwrap();
    let first = Entry::new("began".into(), began, format!("{began}T08:00:00+01:00"), EntryKind::Settled);
    for e in std::iter::once(first).chain(history) {
        app.ctx.store.append(e).unwrap();
    }
    app.ctx.load_recent().unwrap();
    app.day = Day::build(&app.ctx.catalog, &app.ctx.settings, app.ctx.store.entries(), app.ctx.today);
    app
}

fn squat_yesterday(app_today: jiff::civil::Date) -> Entry {
    let d = app_today.yesterday().unwrap();
    let mut e = Entry::new("y1".into(), d, format!("{d}T18:00:00+01:00"), EntryKind::Done);
    e.exercise = Some("goblet-squat".into());
    e.step = Some(1);
    e.load = Some(8.0);
    e.reps = Some(8);
    e
}

#[test]
fn today_on_and_between_strength_days() {
    let dir = tempfile::tempdir().unwrap();
    let app = strength_app(dir.path(), Vec::new());
    assert_eq!(app.day.items.len(), 10, "the routine and four lifts");
    snap("strength_today", &app, Instant::now());
    // The last lift at 40×12: the list scrolls with the selection; its dose stays in sight.
    let mut last = app;
    last.selected = 9;
    snap("strength_today_last_lift", &last, Instant::now());
    // The week has no row for a lift: it opens on the first row, not on a row that is not there.
    send(&mut last, &[Msg::Week], Instant::now());
    assert!(matches!(last.mode, crate::app::Mode::Week { row: 0, .. }), "{:?}", last.mode);
    send(&mut last, &[Msg::Back], Instant::now());
    last.selected = 3;
    send(&mut last, &[Msg::Week], Instant::now());
    assert!(matches!(last.mode, crate::app::Mode::Week { row: 3, .. }), "curl-up keeps its row");
    send(&mut last, &[Msg::Back], Instant::now());
    let app = last;
    let dir = tempfile::tempdir().unwrap();
    let today = app.ctx.today;
    let app = strength_app(dir.path(), vec![squat_yesterday(today)]);
    assert_eq!(app.day.items.len(), 6, "no lifts the day after a strength day");
    assert_eq!(app.day.next_strength, today.checked_add(jiff::Span::new().days(2)).ok());
    snap("strength_between", &app, Instant::now());
}

#[test]
fn a_lift_runs_sets_with_long_rests_and_asks_the_reps() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = strength_app(dir.path(), Vec::new());
    let t0 = Instant::now();
    let at = |ms: u64| t0 + Duration::from_millis(ms);
    app.selected = 6;
    send(&mut app, &[Msg::Confirm], t0);
    app.tick(at(5_500), &wall());
    snap("strength_timer_set", &app, at(5_500));
    send(&mut app, &[Msg::NextPhase], at(40_000));
    app.tick(at(41_000), &wall());
    snap("strength_timer_rest", &app, at(41_000));
    send(&mut app, &[Msg::NextPhase, Msg::NextPhase, Msg::NextPhase, Msg::NextPhase], at(60_000));
    send(&mut app, &[Msg::Char('1'), Msg::Char('1'), Msg::Char('0')], at(60_000));
    snap("strength_reps_prompt", &app, at(60_000));
    send(&mut app, &[Msg::Confirm, Msg::Char('2'), Msg::Confirm], at(60_000));
    assert_eq!(app.message.as_deref(), Some("Saved: Goblet squat (3 × 10 at 8 kg) for Tue 24 Nov ✓"));
    let e = app.ctx.store.entries().iter().find(|e| e.is_for("goblet-squat")).expect("saved");
    assert_eq!(e.dose.as_deref(), Some("3 × 8 at 8 kg"), "the entry keeps the planned dose");
    assert_eq!(
        (e.load, e.reps, e.pain, e.feedback),
        (Some(8.0), Some(10), Some(2), Some(crate::log::Feedback::Easy))
    );
}

#[test]
fn strength_days_can_be_chosen_at_the_first_run() {
    use crate::app::{Mode, Onboarding};
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    app.mode = Mode::Onboard(Onboarding::default());
    let t = Instant::now();
    send(&mut app, &[Msg::Char('a'), Msg::Char('1'), Msg::Char('s')], t);
    // 's' on the movements question does nothing: the strength days are asked on their own.
    assert!(matches!(&app.mode, Mode::Onboard(o) if o.step == 2 && !o.strength), "{:?}", app.mode);
    send(&mut app, &[Msg::Confirm, Msg::Char('s')], t);
    snap("strength_first_run", &app, t);
    send(&mut app, &[Msg::Confirm], t);
    let config = std::fs::read_to_string(dir.path().join("config.toml")).unwrap();
    // A table the `[strength.goblet-squat]` example in docs/coaching.md can follow (turn 3, E).
    assert!(config.contains("[strength]\nenabled = true\n"), "{config}");
    let readme = format!("{config}\n[strength.goblet-squat]\nload = 8\nincrement = 2\n");
    assert!(crate::config::parse(&readme, &mut crate::catalog::Catalog::builtin()).is_ok());
    assert!(app.ctx.settings.strength.enabled);
    // A beginner's first day is not a strength day: the first is a week later.
    assert_eq!(app.day.items.len(), 6, "no lifts on the first day");
    assert_eq!(app.day.next_strength, app.ctx.today.checked_add(jiff::Span::new().days(7)).ok());
}

/// A lift without a load is its bodyweight start in the app too: the timer's title and cues
/// (the band row pulls with both arms, so no sides), the saved line, and the entry, which names
/// the lift and no load or version, as `upright done` writes it.
#[test]
fn without_a_load_the_timer_and_the_saved_line_show_the_start() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = strength_app(dir.path(), Vec::new());
    let t0 = Instant::now();
    let at = |ms: u64| t0 + Duration::from_millis(ms);
    app.selected = 9;
    assert_eq!(app.selected_item().unwrap().exercise.id, "suitcase-carry");
    send(&mut app, &[Msg::Confirm], t0);
    app.tick(at(5_500), &wall());
    snap("strength_timer_start", &app, at(5_500));
    let shown = app.timer_item("suitcase-carry").unwrap();
    assert_eq!(shown.exercise.name, "Farmer carry, a bag in each hand");
    assert!(shown.cues[0].contains("shopping bag"), "{:?}", shown.cues);
    send(&mut app, &vec![Msg::NextPhase; 5], at(60_000));
    send(&mut app, &[Msg::Char('2'), Msg::Confirm, Msg::Confirm], at(60_000));
    assert_eq!(
        app.message.as_deref(),
        Some("Saved: Farmer carry, a bag in each hand (3 × 20 s) for Tue 24 Nov ✓")
    );
    let e = app.ctx.store.entries().iter().find(|e| e.is_for("suitcase-carry")).expect("saved");
    assert_eq!((e.load, e.reps, e.variant.as_deref()), (None, Some(20), None));
    assert_eq!(e.dose.as_deref(), Some("3 × 20 s"));
    // Get ready, then three sets of the band row and two rests: no sides to switch.
    let row = app.day.get("one-arm-row").unwrap();
    let phases = crate::session::phases_for_bout(&row.exercise, &row.rx.dose, 0);
    assert_eq!(phases.len(), 6, "{phases:?}");
}

/// `v` on a lift shown as its start offers the other version, then goes back to the start (not
/// the start again as if it were another version).
#[test]
fn v_on_a_start_offers_the_other_version() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = strength_app(dir.path(), Vec::new());
    app.selected = 7;
    let t = Instant::now();
    send(&mut app, &[Msg::Char('v')], t);
    assert_eq!(app.chosen_variant("romanian-deadlift").map(|v| v.id.as_str()), Some("bottles"));
    assert_eq!(
        app.timer_item("romanian-deadlift").unwrap().exercise.name,
        "Romanian deadlift: water-bottle hinge, no equipment"
    );
    send(&mut app, &[Msg::Char('v')], t);
    assert_eq!(app.chosen_variant("romanian-deadlift"), None);
    assert_eq!(
        app.message.as_deref(),
        Some("Romanian deadlift: back to the start, hip-hinge drill with a broom.")
    );
}

/// A first run whose config already turns strength days on shows them ticked, says so, and
/// does not offer to turn them off from there (a `[strength]` table may hold the loads).
#[test]
fn a_first_run_with_strength_in_the_config_shows_it_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut ctx = app(dir.path()).ctx;
    ctx.settings.strength.enabled = true;
    let empty = tempfile::tempdir().unwrap();
    ctx.store = crate::state::Store::open(empty.path());
    let mut first = App::new(ctx, false, crate::app::TestHooks::default()).unwrap();
    let t = Instant::now();
    send(&mut first, &[Msg::Char('a'), Msg::Char('1'), Msg::Confirm, Msg::Char('s')], t);
    let crate::app::Mode::Onboard(o) = &first.mode else { panic!("{:?}", first.mode) };
    assert!(o.strength && o.strength_set, "{o:?}");
    snap("onboarding_strength_set", &first, t);
}

/// The plan screen on a strength day: the routine's weeks, the lifts left out of the table (they
/// have no weekly ladder) and a line saying where their forecast is.
#[test]
fn the_plan_screen_on_a_strength_day() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = strength_app(dir.path(), Vec::new());
    send(&mut app, &[Msg::Plan], Instant::now());
    snap("strength_plan", &app, Instant::now());
}
