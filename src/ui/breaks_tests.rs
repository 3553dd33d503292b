//! Snapshots of the desk-break companion's screen in each phase, and of the week screen with
//! breaks logged, at 80×24, 100×30 and 40×12, each checked for cut words first.

use std::time::Instant;

use jiff::Zoned;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::tests::{assert_uncut, days_back, snap, week_app_of as week_app};
use crate::breaks::{Companion, Msg, Schedule};

fn at(s: &str) -> Zoned {
    format!("{s}+01:00[Europe/Berlin]").parse().unwrap()
}

fn snap_breaks(name: &str, c: &Companion, now: &Zoned) {
    for (w, h) in [(80, 24), (100, 30), (40, 12)] {
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        terminal.draw(|f| super::breaks::render(f, c, now, None)).unwrap();
        assert_uncut(&format!("{name}_{w}x{h}"), terminal.backend());
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), terminal.backend());
    }
}

#[test]
fn breaks_screens() {
    let start = at("2026-11-24T10:00:00");
    let mut c = Companion::new(Schedule::default(), &start, 2, plain());
    snap_breaks("breaks_waiting", &c, &start);
    let due = at("2026-11-24T10:45:00");
    c.tick(&due);
    snap_breaks("breaks_due", &c, &due);
    c.update(Msg::Take, &due);
    c.tick(&at("2026-11-24T10:45:15"));
    snap_breaks("breaks_step", &c, &at("2026-11-24T10:45:22.5"));
    c.tick(&at("2026-11-24T10:47:00"));
    c.taken_today = 3;
    snap_breaks("breaks_done", &c, &at("2026-11-24T10:47:00"));
    // Friday evening: the next break is on Monday, named by its day.
    let friday = at("2026-11-27T18:00:00");
    snap_breaks("breaks_weekend", &Companion::new(Schedule::default(), &friday, 0, plain()), &friday);
}

#[test]
fn the_week_shows_breaks_per_day() {
    let dir = tempfile::tempdir().unwrap();
    let mut entries = Vec::new();
    for (i, (day, n)) in [(23, 3), (24, 1)].into_iter().enumerate() {
        for k in 0..n {
            let date = jiff::civil::date(2026, 11, day);
            let id = format!("brk-{i}-{k}");
            let e = crate::state::Entry::new(
                id,
                date,
                format!("{date}T1{k}:00:00+01:00"),
                crate::state::EntryKind::Break,
            );
            entries.push(e);
        }
    }
    // One seed: a second would write the month afresh.
    entries.extend(crate::app::tests::full_days(days_back(1, 1)));
    let app = week_app(dir.path(), entries);
    snap("week_breaks", &app, Instant::now());
}

/// The break's movements with no hold.
fn plain() -> crate::holds::Gated<Vec<crate::holds::BreakStep>> {
    crate::holds::break_steps(&crate::holds::Holds::default())
}

#[test]
fn breaks_under_the_lock_and_avoid_extension() {
    let due = at("2026-11-24T10:45:00");
    let holds = crate::holds::Holds { avoid_extension: true, ..Default::default() };
    let mut c =
        Companion::new(Schedule::default(), &at("2026-11-24T10:00:00"), 0, crate::holds::break_steps(&holds));
    c.tick(&due);
    snap_breaks("breaks_due_avoid_extension", &c, &due);
    c.update(Msg::Take, &due);
    c.tick(&at("2026-11-24T10:45:15"));
    snap_breaks("breaks_step_avoid_extension", &c, &at("2026-11-24T10:45:20"));
    let locked = crate::holds::Holds { locked: Some(due.date()), ..Default::default() };
    let c = Companion::new(
        Schedule::default(),
        &at("2026-11-24T10:00:00"),
        0,
        crate::holds::break_steps(&locked),
    );
    snap_breaks("breaks_locked", &c, &due);
}
