//! Issue 20 (the second clinical review) in the app: leg symptoms ask one leg or both, and
//! both legs take the emergency path.

use std::time::Instant;

use super::tests::{app, step, wall};
use super::*;
use crate::state::EntryKind;

fn logged(app: &App) -> Vec<EntryKind> {
    app.ctx.store.entries().iter().map(|e| e.kind.clone()).collect()
}

#[test]
fn leg_symptoms_ask_one_leg_or_both() {
    let t = Instant::now();
    // (keys after x on the first exercise, what is logged, an emergency shown)
    let cases = [
        ("one leg", Msg::Char('1'), Some(EntryKind::LegSymptoms), false),
        ("both legs", Msg::Char('2'), Some(EntryKind::RedFlagEmergency), true),
        ("Esc goes back to the rating", Msg::Back, None, false),
    ];
    for (what, answer, want, emergency) in cases {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app(dir.path());
        step(&mut app, Msg::TickOff, t, &wall());
        step(&mut app, Msg::Char('l'), t, &wall());
        assert!(matches!(&app.mode, Mode::Feedback(p) if p.stage == Stage::Legs), "{what}: {:?}", app.mode);
        step(&mut app, answer, t, &wall());
        assert_eq!(logged(&app), want.clone().into_iter().collect::<Vec<_>>(), "{what}");
        assert_eq!(app.day.safety.locked_since.is_some(), emergency, "{what}: locked");
        assert_eq!(
            matches!(&app.mode, Mode::RedFlags { said: Some(Report::Emergency), .. }),
            emergency,
            "{what}: {:?}",
            app.mode
        );
        if want == Some(EntryKind::LegSymptoms) {
            assert!(app.day.items[0].rx.paused, "{what}: the exercise pauses");
        }
        if want.is_none() {
            assert!(matches!(&app.mode, Mode::Feedback(p) if p.stage == Stage::Rating), "{what}");
        }
    }
}
