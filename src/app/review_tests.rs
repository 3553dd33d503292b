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
fn leg_symptoms_ask_one_leg_or_both_then_numbness() {
    let t = Instant::now();
    // (keys after x on the first exercise, what is logged, an emergency shown)
    type Case = (&'static str, Vec<Msg>, Vec<EntryKind>, bool);
    let cases: [Case; 4] = [
        ("one leg, no numbness", vec![Msg::Char('1'), Msg::Char('n')], vec![EntryKind::LegSymptoms], false),
        (
            "one leg with numbness or weakness: the see-a-GP-today path too",
            vec![Msg::Char('1'), Msg::Char('y')],
            vec![EntryKind::LegSymptoms, EntryKind::RedFlagGp],
            false,
        ),
        ("both legs", vec![Msg::Char('2')], vec![EntryKind::RedFlagEmergency], true),
        ("Esc goes back to the rating", vec![Msg::Back], vec![], false),
    ];
    for (what, answers, want, emergency) in cases {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app(dir.path());
        step(&mut app, Msg::TickOff, t, &wall());
        step(&mut app, Msg::Char('l'), t, &wall());
        assert!(matches!(&app.mode, Mode::Feedback(p) if p.stage == Stage::Legs), "{what}: {:?}", app.mode);
        for answer in answers {
            step(&mut app, answer, t, &wall());
        }
        // Both entries of one report share a second (their order is the store's, issue 27).
        let mut got = logged(&app);
        got.sort_by_key(|k| k.to_string());
        let mut want = want;
        want.sort_by_key(|k| k.to_string());
        assert_eq!(got, want, "{what}");
        assert_eq!(app.day.safety.locked_since.is_some(), emergency, "{what}: locked");
        assert_eq!(
            matches!(&app.mode, Mode::RedFlags { said: Some(Report::Emergency), .. }),
            emergency,
            "{what}: {:?}",
            app.mode
        );
        if want.first() == Some(&EntryKind::LegSymptoms) {
            assert!(app.day.items[0].rx.paused, "{what}: the exercise pauses");
            // The hamstring stretch (a nerve tension position) pauses with it (Turn 3 review A).
            let stretch = app.day.get("hamstring-stretch").unwrap();
            assert!(stretch.rx.paused, "{what}: the hamstring stretch pauses too");
            assert!(!app.day.get("curl-up").unwrap().rx.paused, "{what}: the core goes on");
        }
        if want.is_empty() {
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
    // A stray Enter (the one that ends the check-in, once more) is "later" too (issue 26).
    let mut app = started(dir.path());
    step(&mut app, Msg::Confirm, Instant::now(), &wall());
    assert!(matches!(app.mode, Mode::Today));
    assert!(!app.ctx.store.entries().iter().any(|e| e.kind == EntryKind::LessonRead));
    let mut app = started(dir.path());
    assert!(matches!(app.mode, Mode::Lesson(3)), "shown again: {:?}", app.mode);
    step(&mut app, Msg::Char('d'), Instant::now(), &wall());
    assert!(matches!(app.mode, Mode::Today));
    let read: Vec<_> =
        app.ctx.store.entries().iter().filter(|e| e.kind == EntryKind::LessonRead).map(|e| e.step).collect();
    assert_eq!(read, [Some(3)]);
    assert!(matches!(started(dir.path()).mode, Mode::Today), "not shown again");
}

/// A side bridge at the top of its knees form, ready for the feet (issue 20.5).
pub fn ready_for_feet(dir: &std::path::Path) {
    use crate::state::{Entry, Feedback, Store};
    let today = crate::config::Settings::default().coaching_date(&super::tests::NOW.parse().unwrap());
    let mut store = Store::open(dir);
    for (n, back, step) in [(0, 10, 3), (1, 7, 4), (2, 5, 4), (3, 3, 4), (4, 1, 4)] {
        let date = today.checked_sub(jiff::Span::new().days(back)).unwrap();
        let mut e = Entry::new(format!("sb{n}"), date, "2026-11-20T08:00:00+01:00".into(), EntryKind::Done);
        (e.exercise, e.step, e.feedback, e.pain) =
            (Some("side-bridge".into()), Some(step), Some(Feedback::Easy), Some(0));
        store.append(e).unwrap();
    }
}

/// The side bridge's step, whether it is offered (and declined) and its reason.
fn side_bridge(app: &mut App) -> (u32, Option<bool>, String) {
    app.selected = app.day.items.iter().position(|i| i.exercise.id == "side-bridge").unwrap();
    let rx = &app.day.items[app.selected].rx;
    (rx.step, rx.offer.as_ref().map(|o| o.declined), rx.reason.clone().unwrap_or_default())
}

/// Issue 20.5: `h` asks; `y` takes the harder form offered; Esc leaves it; where nothing is
/// offered it says so.
#[test]
fn h_asks_and_y_takes_the_harder_form() {
    let dir = tempfile::tempdir().unwrap();
    ready_for_feet(dir.path());
    let mut app = app(dir.path());
    let t = Instant::now();
    app.selected = app.day.items.iter().position(|i| i.exercise.id == "curl-up").unwrap();
    step(&mut app, Msg::Char('h'), t, &wall());
    assert!(app.message.as_deref().unwrap().contains("Nothing harder"), "{:?}", app.message);
    let (at, offered, reason) = side_bridge(&mut app);
    assert_eq!((at, offered), (4, Some(false)));
    assert!(reason.starts_with("Ready for side bridge on your feet"), "{reason}");
    step(&mut app, Msg::Char('h'), t, &wall());
    assert!(matches!(&app.mode, Mode::Confirm { ask: Ask::Harder { .. }, .. }), "{:?}", app.mode);
    step(&mut app, Msg::Back, t, &wall());
    assert!(matches!(app.mode, Mode::Today) && logged(&app).len() == 5, "Esc: asked again later");
    step(&mut app, Msg::Char('h'), t, &wall());
    step(&mut app, Msg::Char('y'), t, &wall());
    assert_eq!(side_bridge(&mut app).0, 5);
    assert!(app.message.as_deref().unwrap().contains("on your feet from now"), "{:?}", app.message);
    assert_eq!(logged(&app).last(), Some(&EntryKind::HarderAccepted));
}

/// Issue 20.5: `h` then `n` says not now: the offer is gone, on the next start too; the side
/// bridge stays on the knees and says so; `h` still takes the feet later.
#[test]
fn h_then_n_declines_and_the_offer_is_not_made_again() {
    let dir = tempfile::tempdir().unwrap();
    ready_for_feet(dir.path());
    let t = Instant::now();
    let mut app = app(dir.path());
    side_bridge(&mut app);
    step(&mut app, Msg::Char('h'), t, &wall());
    step(&mut app, Msg::Char('n'), t, &wall());
    assert_eq!(logged(&app).last(), Some(&EntryKind::HarderDeclined));
    assert!(app.message.as_deref().unwrap().contains("stays on your knees"), "{:?}", app.message);
    let mut app = super::tests::app(dir.path());
    let kept = "Staying on your knees, as you chose: press h any time for your feet".to_string();
    assert_eq!(side_bridge(&mut app), (4, Some(true), kept), "next start: held, no offer");
    // Asked again and declined again: nothing more is logged.
    step(&mut app, Msg::Char('h'), t, &wall());
    step(&mut app, Msg::Char('n'), t, &wall());
    assert_eq!(logged(&app).iter().filter(|k| **k == EntryKind::HarderDeclined).count(), 1);
    step(&mut app, Msg::Char('h'), t, &wall());
    step(&mut app, Msg::Char('y'), t, &wall());
    assert_eq!(side_bridge(&mut app), (5, None, "Up one step: 4 easy sessions in a row".into()));
}

/// Issue 20.3: in the guided timer, a hold skipped with time left, or leaving (count it) before
/// the last hold, saves a partial session; the rating prompt says so.
#[test]
fn a_hold_set_cut_short_in_the_timer_is_partial() {
    use std::time::Duration;
    let t0 = Instant::now();
    let at = |s: u64| t0 + Duration::from_secs(s);
    // (what, keys after Enter on the curl-up with the second each is pressed, partial)
    let cases = [
        ("n in the first hold", vec![(Msg::NextPhase, 0), (Msg::NextPhase, 2)], true),
        (
            "left in the first hold, counted",
            vec![(Msg::NextPhase, 0), (Msg::Back, 3), (Msg::Char('y'), 3)],
            true,
        ),
        ("every hold to its end", vec![(Msg::NextPhase, 0)], false),
    ];
    for (what, keys, partial) in cases {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app(dir.path());
        app.selected = app.day.items.iter().position(|i| i.exercise.id == "curl-up").unwrap();
        step(&mut app, Msg::Confirm, at(0), &wall());
        for (key, s) in keys {
            app.tick(at(s), &wall());
            step(&mut app, key, at(s), &wall());
        }
        // What is left runs out by the clock, as for a user waiting for each bell.
        app.tick(at(2000), &wall());
        let Mode::Feedback(p) = &app.mode else { panic!("{what}: rating: {:?}", app.mode) };
        assert_eq!(p.cut_note().is_some(), partial, "{what}: the prompt says so");
        for key in [Msg::Char('1'), Msg::Confirm] {
            step(&mut app, key, at(2000), &wall());
        }
        let e = app.ctx.store.entries().last().unwrap();
        assert_eq!((&e.kind, e.partial), (&EntryKind::Done, partial), "{what}");
        let said = app.message.as_deref().unwrap_or_default();
        assert_eq!(said.contains(", cut short"), partial, "{what}: {said}");
    }
}
