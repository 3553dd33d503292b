//! The app with no disk at all: the store points at a folder that never exists, and the
//! effects `update` returns are applied to a plain list by a fake loop, which feeds back the
//! day rebuilt from that list. A whole morning runs through the messages alone.

use std::time::{Duration, Instant};

use jiff::Zoned;

use super::tests::{NOW, wall};
use super::*;
use crate::catalog::Catalog;
use crate::config::Settings;
use crate::state::{Entry, EntryKind, Feedback, Store};

/// The loop, faked: what the app asked for, in order, and the log it would have written.
struct FakeLoop {
    effects: Vec<Effect>,
    log: Vec<Entry>,
}

impl FakeLoop {
    /// Sends `msg`, then applies each effect to `log` and answers with `Msg::Saved`.
    fn send(&mut self, app: &mut App, msg: Msg, now: Instant, wall: &Zoned) {
        let effect = app.update(msg, now, wall);
        self.settle(app, effect, now, wall);
    }

    fn settle(&mut self, app: &mut App, mut effect: Option<Effect>, now: Instant, wall: &Zoned) {
        while let Some(e) = effect.take() {
            self.effects.push(e.clone());
            match e {
                Effect::Save(entry) => self.log.push(*entry),
                Effect::SaveAll(entries) => self.log.extend(entries),
                Effect::Remove { date, id } => self.log.retain(|e| !(e.date == date && e.id == id)),
                Effect::Bell | Effect::Quit => continue,
                Effect::SaveChoices(_) => panic!("no first run this morning"),
                Effect::Import(_) => panic!("no import folder here"),
            }
            let (c, today) = (&app.ctx, app.ctx.today);
            let day = crate::today::Day::build(&c.catalog, &c.settings, &self.log, today);
            effect = app.update(Msg::Saved(Ok(Box::new(Fresh { day, streak: None }))), now, wall);
        }
    }
}

/// One line per effect, to compare the whole sequence at once.
fn describe(e: &Effect) -> String {
    match e {
        Effect::Save(e) => format!(
            "save {} {} {:?} pain {:?} {:?}",
            e.kind.as_str(),
            e.exercise.as_deref().unwrap_or("-"),
            e.feedback,
            e.pain,
            e.reason.as_deref().or(e.minutes.map(|_| "minutes")),
        ),
        Effect::Remove { date, .. } => format!("remove on {date}"),
        other => format!("{other:?}"),
    }
}

#[test]
fn a_whole_morning_with_no_disk() {
    let data = std::env::temp_dir().join(format!("upright-no-disk-{}", std::process::id()));
    let now: Zoned = NOW.parse().unwrap();
    let settings = Settings::default();
    let today = settings.coaching_date(&now);
    let ctx = Ctx {
        catalog: Catalog::builtin(),
        settings,
        store: Store::open(&data),
        now,
        today,
        config_path: data.join("config.toml"),
    };
    let mut app = App::new(ctx, true, TestHooks::default()).unwrap();
    assert!(matches!(app.mode, Mode::Onboard(_)), "an empty log starts with the first run");
    app.mode = Mode::Today;
    let mut fake = FakeLoop { effects: Vec::new(), log: Vec::new() };
    let w = wall();
    let t0 = Instant::now();
    let at = |s: u64| t0 + Duration::from_secs(s);

    // The hamstring stretch, guided: the fake clock runs every phase out, one second a tick.
    for msg in [Msg::Down, Msg::Confirm] {
        fake.send(&mut app, msg, t0, &w);
    }
    let Mode::Timer(run) = &app.mode else { panic!("the timer runs") };
    let total = u64::from(crate::session::total_secs(&run.timer.phases));
    for s in 1..=total {
        let effect = app.tick(at(s), &w);
        fake.settle(&mut app, effect, at(s), &w);
    }
    assert!(matches!(app.mode, Mode::Feedback(_)), "asked how it went");
    for msg in [Msg::Char('1'), Msg::Char('2'), Msg::Confirm] {
        fake.send(&mut app, msg, at(total + 1), &w);
    }
    assert_eq!(
        app.message.as_deref(),
        Some("Saved: Chair hamstring stretch (2 × 30 s per side) for Tue 24 Nov ✓")
    );
    // One walk bout ticked off; the roller skipped with a reason, then undone.
    let t = at(total + 2);
    // Rating moved the cursor on to the roller; the walk is two up, and after its bout the
    // cursor is back on the roller.
    assert_eq!(app.selected, 2);
    for msg in [Msg::Up, Msg::Up, Msg::TickOff, Msg::Char('2'), Msg::Confirm, Msg::Skip] {
        fake.send(&mut app, msg, t, &w);
    }
    for c in "sore neck".chars() {
        fake.send(&mut app, Msg::Char(c), t, &w);
    }
    for msg in [Msg::Confirm, Msg::Undo, Msg::Char('y')] {
        fake.send(&mut app, msg, t, &w);
    }
    assert_eq!(
        app.message.as_deref(),
        Some("Undone: the last entry of Foam-roller upper-back extension today.")
    );
    // A look at the week and the plan, then quit.
    fake.send(&mut app, Msg::Week, t, &w);
    assert!(matches!(app.mode, Mode::Week { day: 1, .. }), "the week opens on today (Tuesday)");
    for msg in [Msg::Back, Msg::Plan] {
        fake.send(&mut app, msg, t, &w);
    }
    assert!(matches!(&app.mode, Mode::Plan { weeks, .. } if weeks.len() == 9));
    for msg in [Msg::Back, Msg::Back] {
        fake.send(&mut app, msg, t, &w);
    }

    let seen: Vec<String> = fake.effects.iter().map(describe).collect();
    let mut want = vec!["Bell".to_string(); 7];
    want.extend([
        "save done hamstring-stretch Some(Easy) pain Some(2) None".to_string(),
        "save done walk Some(Ok) pain Some(0) Some(\"minutes\")".to_string(),
        "save skipped thoracic-extension None pain None Some(\"sore neck\")".to_string(),
        "remove on 2026-11-24".to_string(),
        "Quit".to_string(),
    ]);
    assert_eq!(seen, want);
    let Effect::Remove { id, .. } = &fake.effects[10] else { panic!() };
    let Effect::Save(skip) = &fake.effects[9] else { panic!() };
    assert_eq!(id, &skip.id, "undo removes the skip just saved");
    // The day the app ends on is the day the log gives.
    let day = &app.day;
    let marks: Vec<(&str, u32, bool)> =
        day.items.iter().map(|i| (i.exercise.id.as_str(), i.done, i.skipped)).collect();
    assert_eq!(
        marks,
        [
            ("walk", 1, false),
            ("hamstring-stretch", 1, false),
            ("thoracic-extension", 0, false),
            ("curl-up", 0, false),
            ("side-bridge", 0, false),
            ("bird-dog", 0, false),
        ]
    );
    assert_eq!(day.get("hamstring-stretch").unwrap().last_logged, Some(fake.log[0].id.clone()));
    assert_eq!(
        fake.log.iter().map(|e| e.feedback).collect::<Vec<_>>(),
        [Some(Feedback::Easy), Some(Feedback::Ok)]
    );
    assert!(fake.log.iter().all(|e| e.kind == EntryKind::Done && e.date == today));
    assert!(!data.exists(), "nothing was written");
}
