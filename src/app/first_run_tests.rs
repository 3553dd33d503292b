//! The first run in the app: the choices written to the config, then the acceptance logged;
//! choices that cannot be written asked again, nothing logged.

use std::time::Instant;

use super::tests::{app, step, wall};
use super::*;
use crate::state::EntryKind;

#[test]
fn the_first_run_writes_the_choices_then_logs_the_acceptance() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    app.mode = Mode::Onboard(Onboarding::default());
    let (t, w) = (Instant::now(), wall());
    // Issue 26.13: the strength days are a question of their own, after the movements.
    for msg in [Msg::Char('a'), Msg::Char('2'), Msg::Char('e'), Msg::Confirm] {
        assert_eq!(step(&mut app, msg, t, &w), []);
    }
    assert!(matches!(&app.mode, Mode::Onboard(o) if o.step == 3), "{:?}", app.mode);
    let effects = step(&mut app, Msg::Confirm, t, &w);
    let choices = Choices { active: true, avoid_extension: true, avoid_flexion: false, strength: false };
    assert!(
        matches!(&effects[..], [Effect::SaveChoices(c), Effect::Save(e)]
            if *c == choices && e.kind == EntryKind::DisclaimerAccepted),
        "{effects:?}"
    );
    // Issue 20.2: the warning signs are shown once, then q goes on to Today.
    assert!(matches!(&app.mode, Mode::RedFlags { said: None, .. }), "{:?}", app.mode);
    step(&mut app, Msg::Back, t, &w);
    assert!(matches!(app.mode, Mode::Today), "{:?}", app.mode);
    assert!(app.day.safety.accepted.is_some());
    assert!(app.day.get("thoracic-extension").is_none(), "extension avoided: the roller is left out");
}

#[test]
fn choices_that_cannot_be_written_ask_again_and_log_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    // The config path is a folder: the write fails.
    app.ctx.config_path = dir.path().to_path_buf();
    app.mode = Mode::Onboard(Onboarding { step: 3, ..Default::default() });
    let effects = step(&mut app, Msg::Confirm, Instant::now(), &wall());
    assert!(matches!(&effects[..], [Effect::SaveChoices(_)]), "{effects:?}");
    assert!(matches!(&app.mode, Mode::Onboard(o) if o.step == 3), "the last question again");
    assert!(app.message.as_deref().unwrap().starts_with("Could not save your choices: "));
    assert!(app.ctx.store.entries().is_empty() && app.day.safety.accepted.is_none());
}
