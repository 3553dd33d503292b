//! Issue 24 in the app: the same table of holds as `holds::tests` and `tests/holds_cli.rs`, as
//! the Today screen shows it — each row's hold, the reason drawn under it, and `x` on a paused
//! row refused with the reason, nothing logged.

use std::time::Instant;

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::tests::{NOW, step, wall};
use super::*;
use crate::catalog::Catalog;
use crate::state::{EntryKind, Store};
use upright_core::testing::{day, entry, log_day_with, settings};

/// An app on a log of good days up to yesterday (every exercise and lift as prescribed), plus
/// `events` today, strength days on.
fn app_after(dir: &std::path::Path, events: &[(EntryKind, Option<&str>)]) -> App {
    let catalog = Catalog::builtin();
    let settings = settings(false);
    let now: jiff::Zoned = NOW.parse().unwrap();
    let today = settings.coaching_date(&now);
    let n = (today - day(0)).get_days() as i64;
    let mut log = Vec::new();
    // Lifts every third day, the last three days ago: today is a strength day.
    for d in 0..n {
        log_day_with(&catalog, &settings, &mut log, d, 0, (n - d) % 3 == 0);
    }
    for (i, (kind, id)) in events.iter().enumerate() {
        log.push(entry(n, kind.clone(), *id, i));
    }
    let mut store = Store::open(dir);
    for e in log {
        store.append(e).unwrap();
    }
    super::tests::app_with(dir, catalog, settings)
}

fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(100, 40)).unwrap();
    terminal.draw(|f| crate::ui::render(f, app, Instant::now())).unwrap();
    terminal.backend().buffer().content().iter().map(|c| c.symbol()).collect()
}

#[test]
fn each_hold_on_each_kind_on_today() {
    use EntryKind::*;
    // (what is logged today, then id → hold id and whether `x` on it is refused)
    type Case = (
        Vec<(EntryKind, Option<&'static str>)>,
        Vec<(&'static str, Option<&'static str>, bool)>,
        &'static str,
    );
    let cases: Vec<Case> = vec![
        (
            vec![(FlareOn, None)],
            vec![("walk", Some("flare"), false), ("romanian-deadlift", Some("flare-pause"), true)],
            "Paused during a flare-up",
        ),
        (
            vec![(RedFlagGp, None)],
            vec![("curl-up", Some("gp"), false), ("goblet-squat", Some("gp"), false)],
            "",
        ),
        (vec![(NotSettled, None)], vec![("side-bridge", Some("not-settled"), false)], ""),
        (
            vec![(LegSymptoms, Some("romanian-deadlift"))],
            vec![
                ("romanian-deadlift", Some("leg-pause"), true),
                ("hamstring-stretch", Some("leg-pause"), true),
                ("one-arm-row", None, false),
            ],
            "Paused with the leg symptoms",
        ),
    ];
    for (events, rows, drawn) in cases {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_after(dir.path(), &events);
        let what = format!("{events:?}");
        assert!(screen(&app).contains(drawn), "{what}: {drawn:?} not drawn");
        for (id, hold, refused) in rows {
            let Some(i) = app.day.items.iter().position(|it| it.exercise.id == id) else {
                panic!("{what}: {id} not on Today (a strength day is expected)")
            };
            assert_eq!(app.day.items[i].rx.hold().map(|h| h.id()), hold, "{what}: {id}");
            let before = app.ctx.store.entries().len();
            app.selected = i;
            step(&mut app, Msg::TickOff, Instant::now(), &wall());
            let logged = app.ctx.store.entries().len() > before || matches!(app.mode, Mode::Feedback(_));
            assert_eq!(!logged, refused, "{what}: x on {id}: {:?}", app.message);
            app.mode = Mode::Today;
        }
    }
}
