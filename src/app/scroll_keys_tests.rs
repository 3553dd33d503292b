//! Keys people bring from other TUIs (issue 28.9), pressed as keys (through the key table and
//! the help overlay's keys) on the real app: PgUp/PgDn, g/G and Home/End on every screen that
//! scrolls, and h/l doing what ←/→ do on the week screen while [ ] and PgUp/PgDn move the week.

use std::time::Instant;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::keys::{msg_for, msg_in_help};
use super::tests::{app, step, wall};
use super::{App, Effect, Mode};
use KeyCode::{Char, End, Home, Left, PageDown, PageUp, Right};

/// Presses `code` as the loop does: the help overlay's keys while it is open, else the
/// screen's. Returns the effects.
fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    let key = KeyEvent::new(code, KeyModifiers::NONE);
    let msg = if app.help { msg_in_help(key) } else { msg_for(&app.mode, key) };
    msg.map(|m| step(app, m, Instant::now(), &wall())).unwrap_or_default()
}

/// Draws the app at `w`×`h` (the drawing tells the app how far and by how much it scrolls).
fn draw(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let theme = crate::ui::Theme::new(false);
    terminal.draw(|f| crate::ui::render_with(f, app, Instant::now(), &theme)).unwrap();
    format!("{:?}", terminal.backend())
}

fn week_cell(app: &App) -> (jiff::civil::Date, usize, usize) {
    let Mode::Week { data, row, day } = &app.mode else { panic!("{:?}", app.mode) };
    (data.start, *row, *day)
}

#[test]
fn h_l_and_the_arrows_move_the_day_and_brackets_the_week() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    press(&mut app, Char('w'));
    let (monday, _, today) = week_cell(&app);
    assert_eq!(today, 1, "Tuesday 24 November");
    for (key, day) in [(Char('h'), 0), (Char('l'), 1), (Left, 0), (Right, 1)] {
        press(&mut app, key);
        assert_eq!(week_cell(&app), (monday, 0, day), "{key:?}");
    }
    // Past the week's first day, h goes on into the week before, as ← does.
    press(&mut app, Char('h'));
    press(&mut app, Char('h'));
    let before = monday.checked_sub(jiff::Span::new().days(7)).unwrap();
    assert_eq!(week_cell(&app), (before, 0, 6));
    press(&mut app, Char('l'));
    assert_eq!(week_cell(&app), (monday, 0, 0));
    // The week moves on its own keys, the day staying the same weekday.
    for (key, start) in [(Char('['), before), (Char(']'), monday), (PageUp, before), (PageDown, monday)] {
        press(&mut app, key);
        assert_eq!(week_cell(&app), (start, 0, 0), "{key:?}");
    }
    // g/G and Home/End: the first and the last exercise.
    let last = app.day.items.len() - 1;
    for (key, row) in [(Char('G'), last), (Char('g'), 0), (End, last), (Home, 0)] {
        press(&mut app, key);
        assert_eq!(week_cell(&app).1, row, "{key:?}");
    }
    // The hint line and the help say so.
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("←/→ day") && screen.contains("[/] week"), "{screen}");
    press(&mut app, Char('?'));
    let help = draw(&app, 80, 24);
    assert!(help.contains("←/→ h/l") && help.contains("[/] PgUp/PgDn"), "{help}");
}

#[test]
fn the_plan_scrolls_by_page_and_to_either_end() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    press(&mut app, Char('p'));
    draw(&app, 40, 12);
    let (end, page) = (app.scroll_end.get(), app.scroll_page.get());
    assert!(end > 2 * page, "a long plan at 40×12: end {end}, page {page}");
    let scroll = |app: &App| match app.mode {
        Mode::Plan { scroll, .. } => scroll,
        _ => panic!("{:?}", app.mode),
    };
    // A page keeps one line of the last in sight.
    for (key, want) in [
        (PageDown, page - 1),
        (PageDown, 2 * (page - 1)),
        (PageUp, page - 1),
        (Char('G'), end),
        (Char('g'), 0),
    ] {
        press(&mut app, key);
        draw(&app, 40, 12);
        assert_eq!(scroll(&app), want, "{key:?}");
    }
    press(&mut app, End);
    assert_eq!(scroll(&app), end);
    assert!(draw(&app, 40, 12).contains("↑ more (k)"), "the end is in sight");
    press(&mut app, PageDown);
    assert_eq!(scroll(&app), end, "never past the end");
    press(&mut app, Home);
    assert_eq!(scroll(&app), 0);
    assert!(draw(&app, 80, 24).contains("PgUp/PgDn page"), "the hint line says so");
}

#[test]
fn help_scrolls_with_the_same_keys_and_ctrl_c_still_quits() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    press(&mut app, Char('?'));
    assert!(app.help);
    draw(&app, 40, 12);
    let end = app.scroll_end.get();
    assert!(end > 0, "help is longer than 40×12");
    // On Today `g` opens Progress; in the help over it, g/G are its top and bottom.
    press(&mut app, Char('G'));
    assert_eq!((app.help, app.help_scroll), (true, end));
    press(&mut app, Char('g'));
    assert_eq!((app.help, app.help_scroll), (true, 0));
    press(&mut app, PageDown);
    assert_eq!(app.help_scroll, (app.scroll_page.get() - 1).min(end));
    press(&mut app, End);
    assert_eq!(app.help_scroll, end);
    press(&mut app, Home);
    assert_eq!(app.help_scroll, 0);
    let ctrl_c = msg_in_help(KeyEvent::new(Char('c'), KeyModifiers::CONTROL)).unwrap();
    assert!(matches!(step(&mut app, ctrl_c, Instant::now(), &wall())[..], [Effect::Quit]));
    // Any other key closes it, on the screen it was opened on.
    press(&mut app, Char('x'));
    assert!(!app.help && matches!(app.mode, Mode::Today));
}

#[test]
fn warning_signs_and_the_disclaimer_scroll_to_either_end() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    press(&mut app, Char('!'));
    draw(&app, 40, 12);
    let end = app.scroll_end.get();
    let scroll = |app: &App| match app.mode {
        Mode::RedFlags { scroll, .. } => scroll,
        _ => panic!("{:?}", app.mode),
    };
    press(&mut app, End);
    assert_eq!(scroll(&app), end);
    press(&mut app, PageUp);
    assert_eq!(scroll(&app), end - (app.scroll_page.get() - 1));
    press(&mut app, Home);
    assert_eq!(scroll(&app), 0);
    // `g` here is still the see-a-GP report (it asks first), not the top.
    press(&mut app, Char('g'));
    assert!(matches!(app.mode, Mode::Confirm { .. }), "{:?}", app.mode);

    app.mode = Mode::Onboard(Default::default());
    draw(&app, 40, 12);
    let end = app.scroll_end.get();
    let scroll = |app: &App| match &app.mode {
        Mode::Onboard(o) => o.scroll,
        _ => panic!("{:?}", app.mode),
    };
    for (key, want) in
        [(Char('G'), end), (Char('g'), 0), (End, end), (PageUp, end - (app.scroll_page.get() - 1))]
    {
        press(&mut app, key);
        assert_eq!(scroll(&app), want, "{key:?}");
    }
}

#[test]
fn home_and_end_select_the_first_and_last_exercise_on_today() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    press(&mut app, End);
    assert_eq!(app.selected, app.day.items.len() - 1);
    press(&mut app, Home);
    assert_eq!(app.selected, 0);
    // `g` still opens Progress on Today.
    press(&mut app, Char('g'));
    assert!(matches!(app.mode, Mode::Progress(_)), "{:?}", app.mode);
}
