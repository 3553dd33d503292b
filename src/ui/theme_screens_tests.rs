//! Every screen under the dark, light and mono themes (issue 28, "done when"): each screen and
//! each theme is its own snapshot of the text and every cell's style, so a colour that changes
//! (or a state shown by colour alone) shows in review. The text is the same in every theme.

use std::time::Instant;

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::tests::{days_back, send, week_app_of};
use super::theme::Kind;
use super::theme_tests::styled_dump;
use super::{Theme, render_with};
use crate::app::tests::app;
use crate::app::{App, Mode, Msg};

const THEMES: [(&str, Kind); 3] = [("dark", Kind::Dark), ("light", Kind::Light), ("mono", Kind::Mono)];

/// Snapshots `draw` under each theme at 80×24 as `theme_{screen}_{theme}_80x24`, and checks
/// only the styles differ between them.
fn each_theme(screen: &str, draw: impl Fn(&mut ratatui::Frame, &Theme)) {
    let mut texts = Vec::new();
    for (name, kind) in THEMES {
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        terminal.draw(|f| draw(f, &Theme::of(kind))).unwrap();
        let dump = styled_dump(terminal.backend().buffer());
        insta::assert_snapshot!(format!("theme_{screen}_{name}_80x24"), dump);
        texts.push(dump.lines().step_by(2).take(24).collect::<Vec<_>>().join("\n"));
    }
    assert!(texts.iter().all(|t| *t == texts[0]), "{screen}: the text differs between themes");
}

fn app_screen(screen: &str, app: &App) {
    let t = Instant::now();
    each_theme(screen, |f, theme| render_with(f, app, t, theme));
    assert!(!app.help || screen == "help", "{screen}");
}

#[test]
fn each_app_screen_under_each_theme() {
    let t = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(dir.path());
    send(&mut a, &[Msg::Help], t);
    app_screen("help", &a);
    send(&mut a, &[Msg::Back, Msg::Plan], t);
    app_screen("plan", &a);
    send(&mut a, &[Msg::Back, Msg::Skip], t);
    app_screen("skip_reason", &a);
    send(&mut a, &[Msg::Back, Msg::Flare], t);
    app_screen("confirm", &a);
    send(&mut a, &[Msg::Char('n'), Msg::Down, Msg::TickOff], t);
    a.message = None;
    app_screen("feedback", &a);
    send(&mut a, &[Msg::Back], t);
    a.message = None;
    a.mode = Mode::Morning;
    app_screen("morning", &a);
    a.mode = Mode::Lesson(1);
    app_screen("lesson", &a);
    a.mode = Mode::Onboard(Default::default());
    app_screen("onboarding", &a);
    a.mode = Mode::Today;
    send(&mut a, &[Msg::RedFlags], t);
    app_screen("red_flags", &a);
    // An emergency sign: the red banner on a locked Today.
    send(&mut a, &[Msg::Char('e'), Msg::Char('y'), Msg::Back], t);
    a.message = None;
    assert!(a.day.safety.locked_since.is_some());
    app_screen("today_locked", &a);

    // The week with days done, today under way and days to come.
    let dir = tempfile::tempdir().unwrap();
    let week = week_app_of(dir.path(), crate::app::tests::full_days(days_back(9, 1)));
    app_screen("week", &week);
}

#[test]
fn checkin_progress_and_rmdq_under_each_theme() {
    use crate::app::checkin_tests::{started, write_sample};
    let t = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    write_sample(dir.path());
    let mut a = started(dir.path());
    assert!(matches!(a.mode, Mode::Checkin(_)), "{:?}", a.mode);
    app_screen("checkin", &a);
    send(&mut a, &[Msg::Char('4'), Msg::Confirm, Msg::Char('8'), Msg::Confirm], t);
    send(&mut a, &[Msg::Char('6'), Msg::Confirm, Msg::Char('5'), Msg::Confirm, Msg::Progress], t);
    assert!(matches!(a.mode, Mode::Progress(_)), "{:?}", a.mode);
    app_screen("progress", &a);
    send(&mut a, &[Msg::Char('r'), Msg::Char('y'), Msg::Char('n')], t);
    assert!(matches!(a.mode, Mode::Rmdq { .. }), "{:?}", a.mode);
    app_screen("rmdq", &a);
}

#[test]
fn import_under_each_theme() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir(&inbox).unwrap();
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    for f in ["cruiser_walk.gpx", "garmin_fenix5_bike.fit"] {
        std::fs::copy(fixtures.join(f), inbox.join(f)).unwrap();
    }
    let mut a = app(dir.path());
    a.ctx.settings.import_folder = Some(inbox);
    send(&mut a, &[Msg::Char('i')], Instant::now());
    assert!(matches!(a.mode, Mode::Import { .. }), "{:?}", a.mode);
    app_screen("import", &a);
}

#[test]
fn desk_breaks_under_each_theme() {
    use crate::breaks::{Companion, Schedule};
    let at = |s: &str| -> jiff::Zoned { format!("{s}+01:00[Europe/Berlin]").parse().unwrap() };
    let steps = crate::holds::break_steps(&crate::holds::Holds::default());
    let mut c = Companion::new(Schedule::default(), &at("2026-11-24T10:00:00"), 2, steps);
    let due = at("2026-11-24T10:45:00");
    c.tick(&due);
    each_theme("breaks_due", |f, theme| super::breaks::render_with(f, &c, &due, None, theme));
}
