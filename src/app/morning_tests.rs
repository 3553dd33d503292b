//! The next-morning check in the app (rule 11): asked on the first start after a day with
//! sessions, logged once, and a "no" holds every exercise with the reason on Today.

use std::time::Instant;

use super::checkin_tests::started;
use super::tests::{NOW, step, wall};
use super::*;
use crate::config::Settings;
use crate::progression::Change;
use crate::state::{Entry, EntryKind, Feedback, Store};

/// A log with the disclaimer accepted and three good curl-up sessions ending yesterday, so
/// today's curl-up would step up.
fn history(dir: &std::path::Path) {
    let today = Settings::default().coaching_date(&NOW.parse().unwrap());
    let day = |n: i64| today.checked_sub(jiff::Span::new().days(n)).unwrap();
    let mut store = Store::open(dir);
    let mut n = 0;
    let mut add = |date, kind, exercise: Option<&str>| {
        n += 1;
        let mut e = Entry::new(format!("e{n}"), date, "2026-11-01T08:00:00+01:00".into(), kind);
        if let Some(id) = exercise {
            e.exercise = Some(id.into());
            e.step = Some(1);
            e.feedback = Some(Feedback::Ok);
            e.pain = Some(1);
        }
        store.append(e).unwrap();
    };
    // Past the 8 weeks of lessons, so the morning question is all a start asks.
    add(day(60), EntryKind::DisclaimerAccepted, None);
    for d in [3, 2, 1] {
        add(day(d), EntryKind::Done, Some("curl-up"));
    }
    // This week's check-in is out of the way; it would follow the question.
    add(today, EntryKind::CheckinSkipped, None);
}

fn answers(app: &App) -> Vec<EntryKind> {
    let kinds = [EntryKind::Settled, EntryKind::NotSettled];
    app.ctx.store.entries().iter().filter(|e| kinds.contains(&e.kind)).map(|e| e.kind.clone()).collect()
}

#[test]
fn a_no_holds_every_exercise_and_today_says_why() {
    let dir = tempfile::tempdir().unwrap();
    history(dir.path());
    let mut app = started(dir.path());
    assert!(matches!(app.mode, Mode::Morning), "asked on the first start: {:?}", app.mode);
    assert_eq!(app.day.get("curl-up").unwrap().rx.change, Change::Up, "would step up");
    // Other keys do nothing; n answers.
    step(&mut app, Msg::Char('x'), Instant::now(), &wall());
    assert!(matches!(app.mode, Mode::Morning));
    step(&mut app, Msg::Char('n'), Instant::now(), &wall());
    assert!(matches!(app.mode, Mode::Today), "{:?}", app.mode);
    assert_eq!(answers(&app), [EntryKind::NotSettled]);
    let curl = app.day.get("curl-up").unwrap();
    assert_eq!(curl.rx.change, Change::Hold);
    assert!(curl.rx.reason.as_deref().unwrap_or("").contains("not settled"), "{:?}", curl.rx.reason);
    assert_eq!(app.day.banner, Some(crate::today::Banner::NotSettled));
    // The next start that day does not ask again.
    let again = started(dir.path());
    assert!(matches!(again.mode, Mode::Today), "{:?}", again.mode);
}

#[test]
fn a_yes_is_logged_once_and_esc_asks_again_later() {
    let dir = tempfile::tempdir().unwrap();
    history(dir.path());
    let mut app = started(dir.path());
    step(&mut app, Msg::Back, Instant::now(), &wall());
    assert!(matches!(app.mode, Mode::Today));
    assert!(answers(&app).is_empty(), "Esc logs nothing");
    let mut app = started(dir.path());
    assert!(matches!(app.mode, Mode::Morning), "asked again at the next start");
    step(&mut app, Msg::Char('y'), Instant::now(), &wall());
    assert_eq!(answers(&app), [EntryKind::Settled]);
    assert_eq!(app.day.get("curl-up").unwrap().rx.change, Change::Up, "a yes changes nothing");
    assert_eq!(app.day.banner, None);
    assert!(matches!(started(dir.path()).mode, Mode::Today));
}
