//! A month broken by hand while the app is open: a failed save's message (the entry waits in
//! a pending file, no need to log it again) is not replaced by the bare parse error that every
//! later wake reads again.

use std::time::Instant;

use super::tests::{app, step, wall};
use super::{Effect, Msg, apply};

#[test]
fn a_failed_saves_message_stays_while_the_month_is_still_broken() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let (t, w) = (Instant::now(), wall());
    let mut effects = Vec::new();
    for msg in [Msg::TickOff, Msg::Char('2'), Msg::Confirm] {
        effects = step(&mut app, msg, t, &w);
    }
    assert!(matches!(effects[..], [Effect::Save(_)]), "{effects:?}");
    let month = app.ctx.store.history_dir().join("2026-11.toml");
    let mut text = std::fs::read_to_string(&month).unwrap();
    text.push_str("garbage\n");
    std::fs::write(&month, &text).unwrap();
    app.selected = 1;
    for msg in [Msg::TickOff, Msg::Char('2')] {
        step(&mut app, msg, t, &w);
    }
    let effects = step(&mut app, Msg::Confirm, t, &w);
    let [Effect::Save(entry)] = &effects[..] else { panic!("{effects:?}") };
    let outcome = apply(&mut app.ctx, Effect::Save(entry.clone())).unwrap();
    app.update(outcome, t, &w);
    let said = app.message.clone().unwrap();
    assert!(said.contains("waits in") && said.contains("2026-11.toml:"), "{said}");
    app.look_again();
    app.look_again();
    assert_eq!(app.message.as_deref(), Some(said.as_str()), "the month's error did not replace it");
    assert_eq!(std::fs::read_to_string(&month).unwrap(), text, "the broken month is left as it is");
}

/// Issue 26 item 7: with the week screen open, two walks logged from another shell show at the
/// next wake (a stat of the loaded months), not only after going back to Today.
#[test]
fn the_open_week_screen_shows_what_another_writer_logged() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let (t, w) = (Instant::now(), wall());
    step(&mut app, Msg::Week, t, &w);
    let walks = |app: &super::App| match &app.mode {
        super::Mode::Week { data, .. } => (data.days[1].exercises[0].done, data.days[1].walk_minutes),
        other => panic!("not the week: {other:?}"),
    };
    assert_eq!(walks(&app), (0, 0));
    // Another upright (the CLI) logs two bouts.
    let mut other = super::tests::app(dir.path());
    for _ in 0..2 {
        let mut e = other.ctx.entry(other.ctx.today, crate::state::EntryKind::Done, "walk");
        (e.step, e.minutes) = (Some(1), Some(5));
        other.ctx.store.append(e).unwrap();
    }
    app.look_again();
    assert_eq!(walks(&app), (2, 10), "the week screen read the month again");
    assert_eq!(app.day.get("walk").unwrap().done, 2, "and Today");
}
