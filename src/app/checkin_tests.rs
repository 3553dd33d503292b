//! The weekly check-in in the app: asked on the week's first start once there is a last week,
//! answered or skipped into the log, not asked again that week; and the form's keys.

use std::time::Instant;

use super::tests::{NOW, step, wall};
use super::*;
use crate::catalog::Catalog;
use crate::config::Settings;
use crate::log::Activity;
use crate::state::{EntryKind, Month, MonthKey, Store};

/// Writes the 12-week sample history (ending yesterday) into `dir`, as the example does.
pub fn write_sample(dir: &std::path::Path) {
    let settings = Settings::default();
    let today = settings.coaching_date(&NOW.parse().unwrap());
    let mut months: std::collections::BTreeMap<MonthKey, Vec<_>> = Default::default();
    // The morning question (rule 11) answered, so the check-in is what opens.
    let settled = crate::log::Entry::new(
        "settled".into(),
        today,
        "2026-11-24T07:00:00+01:00".into(),
        EntryKind::Settled,
    );
    let history = crate::progress::sample_history(&Catalog::builtin(), &settings, today, 12);
    for e in history.into_iter().chain([settled]) {
        months.entry(MonthKey::of(e.date)).or_default().push(e);
    }
    std::fs::create_dir_all(dir.join("history")).unwrap();
    for (key, entries) in months {
        let text = Month { entries, extra: Default::default() }.to_toml();
        std::fs::write(dir.join("history").join(key.file_name()), text).unwrap();
    }
}

/// An app started on `dir` as the binary starts it (the check-in decided by `App::new`).
pub fn started(dir: &std::path::Path) -> App {
    let now: jiff::Zoned = NOW.parse().unwrap();
    let settings = Settings::default();
    let today = settings.coaching_date(&now);
    let ctx = Ctx {
        catalog: Catalog::builtin(),
        settings,
        store: Store::open(dir),
        now,
        today,
        config_path: dir.join("config.toml"),
    };
    App::new(ctx, false, TestHooks::default()).unwrap()
}

fn send(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let msg = match c {
            '\n' => Msg::Confirm,
            '\u{8}' => Msg::Backspace,
            '\u{1b}' => Msg::Back,
            c => Msg::Char(c),
        };
        step(app, msg, Instant::now(), &wall());
    }
}

fn checkins(app: &App) -> Vec<(EntryKind, Option<u8>, Vec<Activity>)> {
    let kinds = [EntryKind::Checkin, EntryKind::CheckinSkipped];
    app.ctx
        .store
        .entries()
        .iter()
        .filter(|e| e.date == app.ctx.today && kinds.contains(&e.kind))
        .map(|e| (e.kind.clone(), e.pain, e.activities.clone()))
        .collect()
}

#[test]
fn asked_on_the_weeks_first_start_answered_once() {
    let dir = tempfile::tempdir().unwrap();
    write_sample(dir.path());
    let mut app = started(dir.path());
    let Mode::Checkin(form) = &app.mode else { panic!("the check-in opens: {:?}", app.mode) };
    assert_eq!(form.names, ["sit through a film", "put on socks", "carry the shopping"], "last week's names");
    // Pain 11 is refused; 4 taken; the first activity 8, the second renamed and 6, the third 5.
    send(&mut app, "11\n");
    assert!(matches!(&app.mode, Mode::Checkin(f) if f.problem.is_some() && f.pain.is_none()));
    send(&mut app, "\u{8}\u{8}4\n8\nr\u{8}\u{8}\u{8}\u{8}\u{8}shoes\n6\n5\n");
    assert!(matches!(app.mode, Mode::Today), "{:?}", app.mode);
    let a = |n: &str, s| Activity { name: n.into(), score: s };
    assert_eq!(
        checkins(&app),
        [(
            EntryKind::Checkin,
            Some(4),
            vec![a("sit through a film", 8), a("put on shoes", 6), a("carry the shopping", 5)]
        )]
    );
    assert!(app.message.as_deref().is_some_and(|m| m.contains("pain 4")));
    // Issue 29.8: the sample has no RMDQ yet, so the check-in offers it, with the keys to it.
    assert!(app.message.as_deref().is_some_and(|m| m.contains("Roland-Morris") && m.contains("g, then r")));
    assert!(matches!(started(dir.path()).mode, Mode::Today), "not asked again this week");
}

#[test]
fn esc_skips_it_until_next_week() {
    let dir = tempfile::tempdir().unwrap();
    write_sample(dir.path());
    let mut app = started(dir.path());
    send(&mut app, "3\n\u{1b}");
    assert!(matches!(app.mode, Mode::Today));
    assert_eq!(checkins(&app), [(EntryKind::CheckinSkipped, None, vec![])]);
    assert!(matches!(started(dir.path()).mode, Mode::Today), "skipped for this week");
}

#[test]
fn a_new_user_is_not_asked_and_names_activities_at_the_first_checkin() {
    let dir = tempfile::tempdir().unwrap();
    assert!(!matches!(started(dir.path()).mode, Mode::Checkin(_)), "nothing logged: no last week");
    let mut form = CheckinForm::new(vec![]);
    // Pain 5, then name two activities with scores and end the list with an empty name.
    for (c, stage) in [
        ('5', CheckinStage::Pain),
        ('\n', CheckinStage::Name(0)),
        ('a', CheckinStage::Name(0)),
        ('\n', CheckinStage::Score(0)),
        ('3', CheckinStage::Score(0)),
        ('\n', CheckinStage::Name(1)),
        ('a', CheckinStage::Name(1)),
        ('\n', CheckinStage::Name(1)),
        ('\u{8}', CheckinStage::Name(1)),
        ('b', CheckinStage::Name(1)),
        ('\n', CheckinStage::Score(1)),
        ('7', CheckinStage::Score(1)),
        ('\n', CheckinStage::Name(2)),
    ] {
        let msg = match c {
            '\n' => Msg::Confirm,
            '\u{8}' => Msg::Backspace,
            c => Msg::Char(c),
        };
        form = match form.answer(msg) {
            Answer::Open(f) => f,
            other => panic!("still open after {c:?}: {other:?}"),
        };
        assert_eq!(form.stage, stage, "after {c:?}");
    }
    assert!(form.problem.is_none());
    let want = Answer::Done {
        pain: Some(5),
        activities: vec![Activity { name: "a".into(), score: 3 }, Activity { name: "b".into(), score: 7 }],
    };
    assert_eq!(form.answer(Msg::Confirm), want, "an empty name ends the list");
}
