//! Snapshots of the weekly check-in popup and the Progress screen over the 12-week sample, at
//! 80×24, 100×30 and the 40×12 fallback.

use std::time::Instant;

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::*;
use crate::app::checkin_tests::{started, write_sample};
use crate::app::tests::{step, wall};
use crate::app::{App, Msg};

fn snap(name: &str, app: &App) {
    let theme = Theme::new(false);
    for (w, h) in [(80, 24), (100, 30), (40, 12)] {
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        terminal.draw(|f| render_with(f, app, Instant::now(), &theme)).unwrap();
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), terminal.backend());
    }
}

#[test]
fn checkin_then_progress() {
    let dir = tempfile::tempdir().unwrap();
    write_sample(dir.path());
    let mut app = started(dir.path());
    snap("checkin_pain", &app);
    for msg in [Msg::Char('4'), Msg::Confirm, Msg::Char('8'), Msg::Confirm] {
        step(&mut app, msg, Instant::now(), &wall());
    }
    snap("checkin_score", &app);
    for msg in [Msg::Char('6'), Msg::Confirm, Msg::Char('5'), Msg::Confirm, Msg::Progress] {
        step(&mut app, msg, Instant::now(), &wall());
    }
    assert!(matches!(app.mode, crate::app::Mode::Progress(_)));
    snap("progress", &app);
    step(&mut app, Msg::Back, Instant::now(), &wall());
    assert!(matches!(app.mode, crate::app::Mode::Today));
}
