//! Snapshots of issue 16's last app parts: the walk prompt's "done as" stage (bike, swim … and
//! the minutes) and its rating after a choice; the week screen with other cardio (≈), a walk
//! with company and strength days counted toward the week's target (its help lists the marks).

use std::time::Instant;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;

use super::tests::{days_back, send, snap};
use super::{Theme, render_with};
use crate::app::tests::{app, full_days, seed, step, wall};
use crate::app::{Mode, Msg};
use crate::state::{Entry, EntryKind};

#[test]
fn the_walk_prompt_offers_other_cardio_and_minutes() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let t = Instant::now();
    send(&mut app, &[Msg::TickOff, Msg::Char('a'), Msg::Char('b'), Msg::Char('2'), Msg::Char('5')], t);
    snap("walk_done_as", &app, t);
    // The way chosen is highlighted, without colour too.
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| render_with(f, &app, t, &Theme::new(true))).unwrap();
    let buffer = terminal.backend().buffer();
    // "b bike": the key, then the word.
    let cells = (0..24).flat_map(|y| (0..78).map(move |x| (x, y)));
    let bike = |&(x, y): &(u16, u16)| buffer[(x, y)].symbol() == "b" && buffer[(x + 2, y)].symbol() == "b";
    let (x, y) = cells.into_iter().find(bike).expect("the ways are shown");
    let style = |x| buffer[(x, y)].modifier;
    assert!(style(x + 2).contains(Modifier::REVERSED), "bike is highlighted");
    assert!(!style(x).contains(Modifier::REVERSED), "its key is not");
    send(&mut app, &[Msg::Confirm], t);
    snap("walk_done_as_rating", &app, t);
}

#[test]
fn the_week_shows_other_cardio_company_and_strength_days() {
    let dir = tempfile::tempdir().unwrap();
    // Monday: the whole routine, the walk by bike, one bout with Sam, and a strength session.
    let mut entries = full_days(days_back(1, 1));
    for (n, e) in entries.iter_mut().filter(|e| e.is_for("walk")).enumerate() {
        e.variant = Some("bike".into());
        e.minutes = Some(20);
        e.with = (n == 0).then(|| "Sam".into());
    }
    let monday = jiff::civil::date(2026, 11, 23);
    for id in crate::strength::LIFTS {
        let mut e =
            Entry::new(format!("{id}-mon"), monday, format!("{monday}T18:00:00+01:00"), EntryKind::Done);
        e.exercise = Some(id.into());
        e.step = Some(1);
        entries.push(e);
    }
    // Today: a walk with Sam and Ana.
    let today = monday.tomorrow().unwrap();
    let mut walk = Entry::new("walk-tue".into(), today, format!("{today}T08:00:00+01:00"), EntryKind::Done);
    walk.exercise = Some("walk".into());
    walk.with = Some("Ana".into());
    entries.push(walk);
    seed(dir.path(), entries);
    let mut app = app(dir.path());
    app.ctx.settings.strength.enabled = true;
    step(&mut app, Msg::Week, Instant::now(), &wall());
    let Mode::Week { data, .. } = &app.mode else { panic!("{:?}", app.mode) };
    assert_eq!(data.mark(0, 0), crate::week::CARDIO_MARK);
    assert_eq!(data.strength.map(|s| s.text()).as_deref(), Some("1 of 2 strength days"));
    snap("week_cardio_strength", &app, Instant::now());
    // Below the grid at 40×12: j to the last exercise shows the rest (the scroll follows it).
    send(&mut app, &[Msg::Down, Msg::Down, Msg::Down, Msg::Down, Msg::Down], Instant::now());
    snap("week_cardio_strength_last_row", &app, Instant::now());
}
