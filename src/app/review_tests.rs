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

/// Issue 20.7: the week's lesson opens on a start, Esc leaves it for the next start, d puts
/// it away for good.
#[test]
fn the_weeks_lesson_shows_until_dismissed() {
    use super::checkin_tests::started;
    let dir = tempfile::tempdir().unwrap();
    let today = crate::config::Settings::default().coaching_date(&super::tests::NOW.parse().unwrap());
    let accepted = today.checked_sub(jiff::Span::new().days(15)).unwrap();
    let mut store = crate::state::Store::open(dir.path());
    let e = crate::state::Entry::new(
        "a".into(),
        accepted,
        "2026-11-09T08:00:00+01:00".into(),
        EntryKind::DisclaimerAccepted,
    );
    store.append(e).unwrap();
    let mut app = started(dir.path());
    assert!(matches!(app.mode, Mode::Lesson(3)), "week 3: {:?}", app.mode);
    step(&mut app, Msg::Back, Instant::now(), &wall());
    assert!(matches!(app.mode, Mode::Today));
    let mut app = started(dir.path());
    assert!(matches!(app.mode, Mode::Lesson(3)), "shown again: {:?}", app.mode);
    step(&mut app, Msg::Char('d'), Instant::now(), &wall());
    assert!(matches!(app.mode, Mode::Today));
    let read: Vec<_> =
        app.ctx.store.entries().iter().filter(|e| e.kind == EntryKind::LessonRead).map(|e| e.step).collect();
    assert_eq!(read, [Some(3)]);
    assert!(matches!(started(dir.path()).mode, Mode::Today), "not shown again");
}

/// Issue 20.5: `h` takes the harder form offered, and says so where nothing is offered.
#[test]
fn h_takes_the_harder_form_offered() {
    use crate::state::{Entry, Feedback, Store};
    let dir = tempfile::tempdir().unwrap();
    let today = crate::config::Settings::default().coaching_date(&super::tests::NOW.parse().unwrap());
    let mut store = Store::open(dir.path());
    for (n, back, step) in [(0, 10, 3), (1, 7, 4), (2, 5, 4), (3, 3, 4), (4, 1, 4)] {
        let date = today.checked_sub(jiff::Span::new().days(back)).unwrap();
        let mut e = Entry::new(format!("sb{n}"), date, "2026-11-20T08:00:00+01:00".into(), EntryKind::Done);
        (e.exercise, e.step, e.feedback, e.pain) =
            (Some("side-bridge".into()), Some(step), Some(Feedback::Easy), Some(0));
        store.append(e).unwrap();
    }
    let mut app = app(dir.path());
    app.selected = app.day.items.iter().position(|i| i.exercise.id == "curl-up").unwrap();
    step(&mut app, Msg::Char('h'), Instant::now(), &wall());
    assert!(app.message.as_deref().unwrap().contains("Nothing harder"), "{:?}", app.message);
    app.selected = app.day.items.iter().position(|i| i.exercise.id == "side-bridge").unwrap();
    let rx = &app.day.items[app.selected].rx;
    assert_eq!((rx.step, rx.offer.as_deref()), (4, Some("feet")), "{rx:?}");
    step(&mut app, Msg::Char('h'), Instant::now(), &wall());
    let rx = &app.day.items[app.selected].rx;
    assert_eq!((rx.step, rx.offer.as_deref()), (5, None), "{rx:?}");
    assert!(app.message.as_deref().unwrap().contains("on your feet from now"), "{:?}", app.message);
}
