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
