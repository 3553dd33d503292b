//! `v` on Today: another version of the selected exercise for this session, saved with the
//! rating and shown by the timer with its own cues.

use std::time::Instant;

use super::tests::{app, step, wall};
use super::*;

fn select(app: &mut App, id: &str) {
    app.selected = app.day.items.iter().position(|i| i.exercise.id == id).unwrap();
}

#[test]
fn v_chooses_a_version_the_timer_shows_and_the_rating_saves() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    select(&mut app, "thoracic-extension");
    let t0 = Instant::now();
    step(&mut app, Msg::Char('v'), t0, &wall());
    assert_eq!(app.chosen_variant("thoracic-extension").map(|v| v.id.as_str()), Some("chair"));
    assert!(app.message.as_deref().unwrap().contains("over a chair back"), "{:?}", app.message);
    // The timer shows the chair's own cues, not the roller's.
    step(&mut app, Msg::Confirm, t0, &wall());
    assert!(matches!(app.mode, Mode::Timer(_)));
    let chair = app.ctx.catalog.get("thoracic-extension").unwrap().variant("chair").unwrap().cues.clone();
    let shown = app.timer_item("thoracic-extension").unwrap();
    assert_eq!(shown.cues, chair);
    assert!(shown.exercise.name.contains("over a chair back"), "{}", shown.exercise.name);
    // Nor the roller's figure: the chair has none of its own.
    assert!(shown.exercise.figure.is_empty());
    assert!(!app.day.get("thoracic-extension").unwrap().exercise.figure.is_empty());
    assert!(!app.day.get("thoracic-extension").unwrap().cues.iter().any(|c| chair.contains(c)));
    // Leave it counted, rate it: the entry carries the variant. While getting ready there is
    // nothing to count (issue 26): y does nothing until the first rep is under way.
    step(&mut app, Msg::Back, t0, &wall());
    step(&mut app, Msg::Char('y'), t0, &wall());
    assert!(matches!(app.mode, Mode::Leave(_)), "{:?}", app.mode);
    step(&mut app, Msg::Back, t0, &wall());
    step(&mut app, Msg::NextPhase, t0, &wall());
    step(&mut app, Msg::Back, t0, &wall());
    step(&mut app, Msg::Char('y'), t0, &wall());
    for msg in [Msg::Char('2'), Msg::Confirm] {
        step(&mut app, msg, t0, &wall());
    }
    let done: Vec<_> = app
        .ctx
        .store
        .entries()
        .iter()
        .filter(|e| e.kind == crate::state::EntryKind::Done && e.is_for("thoracic-extension"))
        .map(|e| e.variant.clone())
        .collect();
    assert_eq!(done, [Some("chair".to_string())], "mode {:?}", app.mode);
    assert!(app.message.as_deref().unwrap().contains("over a chair back"), "{:?}", app.message);
}

#[test]
fn v_steps_through_the_versions_and_back_to_the_usual() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    select(&mut app, "bird-dog");
    let mut seen = vec![];
    for _ in 0..3 {
        step(&mut app, Msg::Char('v'), Instant::now(), &wall());
        seen.push(app.chosen_variant("bird-dog").map(|v| v.id.clone()));
    }
    assert_eq!(seen, [Some("arm-only".into()), Some("leg-only".into()), None]);
    assert!(app.message.as_deref().unwrap().contains("back to the usual"));
    // An exercise without versions says so.
    select(&mut app, "hamstring-stretch");
    step(&mut app, Msg::Char('v'), Instant::now(), &wall());
    assert!(app.message.as_deref().unwrap().contains("no other version"), "{:?}", app.message);
}
