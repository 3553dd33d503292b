use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::{Backend, TestBackend};
use ratatui::style::Modifier;

use super::*;
use crate::app::tests::{app, step, wall};
use crate::app::{App, Msg};

pub(super) fn draw(app: &App, now: Instant, width: u16, height: u16, theme: &Theme) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| render_with(f, app, now, theme)).unwrap();
    terminal
}

/// The sizes every screen must work at: the common default first.
const SIZES: [(u16, u16); 3] = [(80, 24), (100, 30), (40, 12)];

/// Snapshots of one state at every size, each checked for cut text first.
pub(super) fn snap(name: &str, app: &App, now: Instant) {
    let theme = Theme::new(false);
    for (w, h) in SIZES {
        let terminal = draw(app, now, w, h, &theme);
        assert_uncut(&format!("{name}_{w}x{h}"), terminal.backend());
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), terminal.backend());
    }
}

/// Fails on a line that ends in a cut word (a letter or digit against the screen's edge or a
/// box border) or shows an ellipsis, the mark of text cut to fit (inside a dose or anywhere).
pub(super) fn assert_uncut(name: &str, backend: &TestBackend) {
    let buffer = backend.buffer();
    let (w, h) = (buffer.area.width, buffer.area.height);
    for y in 0..h {
        let row: Vec<&str> = (0..w).map(|x| buffer[(x, y)].symbol()).collect();
        let text = row.concat();
        assert!(!text.contains('…'), "{name}: row {y} is cut with an ellipsis:\n{text}");
        for x in 0..usize::from(w) {
            let word = row[x].chars().next().is_some_and(|c| c.is_alphanumeric());
            let edge = x + 1 == usize::from(w) || ["│", "┐", "┘", "┤"].contains(&row[x + 1]);
            // A word may end exactly at the edge only if the next row goes on with a new one.
            if word && edge {
                panic!("{name}: row {y} ends in a cut word at column {x}:\n{text}");
            }
        }
    }
}

pub(super) fn send(app: &mut App, msgs: &[Msg], now: Instant) {
    for msg in msgs {
        step(app, msg.clone(), now, &wall());
    }
}

#[test]
fn today_screens() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let t = Instant::now();
    snap("today_empty", &app, t);
    // One walk bout, the stretch done, the roller skipped.
    send(&mut app, &[Msg::TickOff, Msg::Char('2'), Msg::Confirm, Msg::Down], t);
    send(&mut app, &[Msg::TickOff, Msg::Char('1'), Msg::Confirm, Msg::Down, Msg::Skip, Msg::Confirm], t);
    snap("today_partial", &app, t);
    // f asks before flare-up mode changes every dose; the question is on screen.
    send(&mut app, &[Msg::Flare], t);
    snap("flare_question", &app, t);
    send(&mut app, &[Msg::Char('n')], t);
    app.message = None;
    app.selected = 0;
    send(
        &mut app,
        &[Msg::TickOff, Msg::Char('2'), Msg::Confirm, Msg::TickOff, Msg::Char('2'), Msg::Confirm],
        t,
    );
    for i in 3..6 {
        app.selected = i;
        send(&mut app, &[Msg::TickOff, Msg::Char('2'), Msg::Confirm], t);
    }
    snap("today_all_done", &app, t);
    send(&mut app, &[Msg::Help], t);
    snap("help", &app, t);
}

#[test]
fn a_long_save_error_wraps_where_there_is_room() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    // What a save into a month broken by hand says (the real text comes from the store).
    app.message = Some(
        "not saved; the entry waits in /home/you/.local/share/upright/history.pending-20261124T073000-ebd079b9.toml \
         and is saved at the next start: /home/you/.local/share/upright/history/2026-11.toml:372:6: \
         expected `.`, `=`"
            .into(),
    );
    // 100x30 shows all of it; 40x12 keeps the whole list and cuts the message to one line.
    snap("today_save_error", &app, Instant::now());
}

#[test]
fn timer_screens() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let t0 = Instant::now();
    send(&mut app, &[Msg::Down, Msg::Confirm], t0);
    let at = |ms: u64| t0 + Duration::from_millis(ms);
    app.tick(at(5_000), &wall());
    app.tick(at(8_300), &wall());
    snap("timer_hold", &app, at(8_300));
    app.tick(at(35_500), &wall());
    snap("timer_rest", &app, at(35_500));
    step(&mut app, Msg::Pause, at(36_000), &wall());
    snap("timer_paused", &app, at(90_000));
    send(
        &mut app,
        &[
            Msg::Pause,
            Msg::NextPhase,
            Msg::NextPhase,
            Msg::NextPhase,
            Msg::NextPhase,
            Msg::NextPhase,
            Msg::NextPhase,
        ],
        at(90_000),
    );
    send(&mut app, &[Msg::Char('2'), Msg::Char('3')], at(90_000));
    snap("feedback_prompt", &app, at(90_000));
}

#[test]
fn too_small_never_panics() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path());
    let theme = Theme::new(false);
    insta::assert_snapshot!("too_small", draw(&app, Instant::now(), 39, 12, &theme).backend());
    for (w, h) in [(1, 1), (2, 1), (1, 40), (40, 11), (10, 3)] {
        draw(&app, Instant::now(), w, h, &theme);
    }
}

/// With NO_COLOR the selected row must stay visible: REVERSED on every cell, also after the
/// real crossterm backend turned the buffer into escape codes (a reset in between would erase it).
#[test]
fn no_color_keeps_the_selection_visible() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    app.selected = 3;
    let theme = Theme::new(true);
    let terminal = draw(&app, Instant::now(), 100, 30, &theme);
    let buffer = terminal.backend().buffer().clone();
    let row = (0..30).find(|y| buffer[(0, *y)].symbol() == "▶").expect("a marker on the selected row");
    let text: String = (0..40).map(|x| buffer[(x, row)].symbol().to_string()).collect();
    assert!(text.contains("Curl-up"), "{text}");
    for x in 0..20 {
        let cell = &buffer[(x, row)];
        assert!(cell.modifier.contains(Modifier::REVERSED), "cell {x} of the selected row lost REVERSED");
        assert_eq!(
            (cell.fg, cell.bg),
            (ratatui::style::Color::Reset, ratatui::style::Color::Reset),
            "no colour"
        );
    }
    // Through crossterm's escape codes into a terminal emulator.
    let mut bytes = Vec::<u8>::new();
    let mut backend = ratatui::backend::CrosstermBackend::new(&mut bytes);
    let cells: Vec<(u16, u16, &ratatui::buffer::Cell)> =
        buffer.content.iter().enumerate().map(|(i, c)| ((i % 100) as u16, (i / 100) as u16, c)).collect();
    backend.draw(cells.into_iter()).unwrap();
    Backend::flush(&mut backend).unwrap();
    let mut screen = vt100::Parser::new(30, 100, 0);
    screen.process(&bytes);
    for x in 0..20 {
        let cell = screen.screen().cell(row, x).unwrap();
        assert!(cell.inverse(), "terminal cell {x} of the selected row is not inverse");
    }
    let other = screen.screen().cell(row + 1, 4).unwrap();
    assert!(!other.inverse(), "only the selected row is highlighted");
}

fn week_app(dir: &std::path::Path, days: Vec<jiff::civil::Date>) -> App {
    week_app_of(dir, crate::app::tests::full_days(days))
}

/// The app on the week screen over a log of `entries`.
pub(super) fn week_app_of(dir: &std::path::Path, entries: Vec<crate::state::Entry>) -> App {
    crate::app::tests::seed(dir, entries);
    let mut app = app(dir);
    step(&mut app, Msg::Week, Instant::now(), &wall());
    app
}

pub(super) fn days_back(from: i64, to: i64) -> Vec<jiff::civil::Date> {
    use jiff::ToSpan;
    let today = jiff::civil::date(2026, 11, 24);
    (to..=from).map(|n| today.checked_sub(n.days()).unwrap()).collect()
}

#[test]
fn week_screens() {
    let t = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let app = week_app(dir.path(), vec![]);
    snap("week_empty", &app, t);
    // Mid-week: Monday done, Tuesday (today) under way.
    let dir = tempfile::tempdir().unwrap();
    let app = week_app(dir.path(), days_back(1, 1));
    snap("week_midweek", &app, t);
    // Twelve perfect weeks (every day for 84 days).
    let dir = tempfile::tempdir().unwrap();
    let app = week_app(dir.path(), days_back(85, 1));
    let Mode::Week { data, .. } = &app.mode else { panic!() };
    assert_eq!((data.streaks.current, data.streaks.longest), (12, 12));
    snap("week_perfect", &app, t);
    let theme = Theme::new(false);
    insta::assert_snapshot!("week_perfect_160x40", draw(&app, t, 160, 40, &theme).backend());
    // A broken streak: four weeks, a week off, then two weeks; the last week is past.
    let dir = tempfile::tempdir().unwrap();
    let mut app = week_app(dir.path(), [days_back(50, 22), days_back(15, 1)].concat());
    let Mode::Week { data, .. } = &app.mode else { panic!() };
    assert_eq!((data.streaks.current, data.streaks.longest), (2, 4));
    snap("week_broken", &app, t);
    step(&mut app, Msg::PrevWeek, t, &wall());
    snap("week_past", &app, t);
    step(&mut app, Msg::Help, t, &wall());
    snap("week_help", &app, t);
}

#[test]
fn plan_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    step(&mut app, Msg::Plan, Instant::now(), &wall());
    snap("plan", &app, Instant::now());
    step(&mut app, Msg::Back, Instant::now(), &wall());
    assert!(matches!(app.mode, crate::app::Mode::Today));
}

/// Issue 24: in a flare-up the plan leads with the hold and keeps every dose at its gentlest.
#[test]
fn plan_screen_in_a_flare() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let t = Instant::now();
    send(&mut app, &[Msg::Flare, Msg::Char('y'), Msg::Plan], t);
    snap("plan_flare", &app, t);
}

#[test]
fn onboarding_and_red_flag_screens() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    app.mode = crate::app::Mode::Onboard(Default::default());
    let t = Instant::now();
    snap("onboarding_disclaimer", &app, t);
    send(&mut app, &[Msg::Char('a')], t);
    snap("onboarding_level", &app, t);
    send(&mut app, &[Msg::Char('2'), Msg::Char('f')], t);
    snap("onboarding_avoid", &app, t);
    send(&mut app, &[Msg::Confirm], t);
    snap("onboarding_strength", &app, t);
    send(&mut app, &[Msg::Confirm], t);
    let names: Vec<&str> = app.day.items.iter().map(|i| i.exercise.id.as_str()).collect();
    assert_eq!(
        names,
        ["walk", "hamstring-stretch", "thoracic-extension", "dead-bug", "side-bridge", "bird-dog"]
    );
    assert_eq!(app.day.items[3].rx.dose_text, "2 × 10 per side", "dead bug at the active start (step 4)");
    let config = std::fs::read_to_string(dir.path().join("config.toml")).unwrap();
    assert!(
        config.contains("\nlevel = \"active\"\n") && config.contains("avoid = [\"flexion\"]"),
        "{config}"
    );
    // The welcome line names the (temporary) config path; keep snapshots stable.
    app.message = None;
    // The warning signs follow the choices once (issue 20.2).
    assert!(matches!(app.mode, crate::app::Mode::RedFlags { said: None, .. }), "{:?}", app.mode);
    snap("red_flags", &app, t);
    // Small terminals scroll the lists.
    send(&mut app, &vec![Msg::Down; 10], t);
    insta::assert_snapshot!("red_flags_scrolled_40x12", draw(&app, t, 40, 12, &Theme::new(false)).backend());
    // j stops at the end as drawn, so one k scrolls back at once.
    let end = app.scroll_end.get();
    assert!(end > 10 && end < 40, "{end}");
    send(&mut app, &vec![Msg::Down; 60], t);
    assert!(matches!(app.mode, crate::app::Mode::RedFlags { scroll, .. } if scroll == end), "{:?}", app.mode);
    send(&mut app, &[Msg::Up], t);
    assert!(matches!(app.mode, crate::app::Mode::RedFlags { scroll, .. } if scroll == end - 1));
    send(&mut app, &vec![Msg::Up; 60], t);
    // Each report waits for `y`: a stray key changes nothing.
    send(&mut app, &[Msg::Char('g')], t);
    snap("red_flags_confirm", &app, t);
    send(&mut app, &[Msg::Char('n')], t);
    assert!(app.day.safety.gp_since.is_none());
    send(&mut app, &[Msg::Char('g'), Msg::Char('y')], t);
    assert!(app.day.safety.gp_since.is_some());
    send(&mut app, &[Msg::Char('e'), Msg::Char('y')], t);
    snap("red_flags_emergency", &app, t);
    send(&mut app, &[Msg::Back], t);
    snap("today_locked", &app, t);
    // A message under the Locked banner: on its own rows at every size, never over it.
    send(&mut app, &[Msg::Confirm], t);
    assert!(app.message.is_some(), "starting while locked says why not");
    snap("today_locked_message", &app, t);
}

/// Today shows back what was written (a note) and how the selected exercise's last sessions
/// went (rating and pain), so a changed dose comes with its why.
#[test]
fn today_shows_a_note_and_the_last_sessions() {
    use crate::state::{EntryKind, Feedback};
    let dir = tempfile::tempdir().unwrap();
    let mut entries = crate::app::tests::full_days(days_back(3, 2));
    for (e, (feedback, pain)) in entries
        .iter_mut()
        .filter(|e| e.exercise.as_deref() == Some("curl-up"))
        .zip([(Feedback::Hard, 4), (Feedback::Ok, 2)])
    {
        (e.feedback, e.pain) = (Some(feedback), Some(pain));
    }
    let today = jiff::civil::date(2026, 11, 24);
    let mut e =
        crate::state::Entry::new("n".into(), today, "2026-11-24T07:10:00+01:00".into(), EntryKind::Done);
    (e.exercise, e.step, e.feedback, e.pain) =
        (Some("curl-up".into()), Some(1), Some(Feedback::Easy), Some(1));
    e.note = Some("kept the neck relaxed this time".into());
    entries.push(e);
    crate::app::tests::seed(dir.path(), entries);
    let mut app = app(dir.path());
    app.selected = app.day.items.iter().position(|i| i.exercise.id == "curl-up").unwrap();
    let theme = Theme::new(false);
    let text = format!("{:?}", draw(&app, Instant::now(), 80, 24, &theme).backend());
    assert!(text.contains("Note: kept the neck relaxed this time"), "{text}");
    assert!(text.contains("hard, pain 4") && text.contains("ok, pain 2"), "{text}");
    snap("today_note_and_last_sessions", &app, Instant::now());
}
