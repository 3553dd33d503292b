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

/// The RMDQ on the app: `r` on Progress, one key per statement, Esc keeps the answers, `r` goes
/// on from there, the 24th answer logs it (issue 29, item 8).
#[test]
fn rmdq_one_key_per_statement_and_resumable() {
    let dir = tempfile::tempdir().unwrap();
    write_sample(dir.path());
    let mut app = started(dir.path());
    for msg in [Msg::Char('4'), Msg::Confirm, Msg::Char('8'), Msg::Confirm] {
        step(&mut app, msg, Instant::now(), &wall());
    }
    for msg in [Msg::Char('6'), Msg::Confirm, Msg::Char('5'), Msg::Confirm, Msg::Progress, Msg::Char('r')] {
        step(&mut app, msg, Instant::now(), &wall());
    }
    for msg in [Msg::Char('y'), Msg::Char('y'), Msg::Char('n'), Msg::Char('x'), Msg::Back] {
        step(&mut app, msg, Instant::now(), &wall());
    }
    assert!(matches!(app.mode, crate::app::Mode::Progress(_)), "Esc goes back to Progress");
    step(&mut app, Msg::Char('r'), Instant::now(), &wall());
    let crate::app::Mode::Rmdq { answers, .. } = &app.mode else { panic!("r reopens it") };
    assert_eq!(answers, "yyn", "the answers so far are kept; other keys are ignored");
    snap("rmdq", &app);
    step(&mut app, Msg::Char('u'), Instant::now(), &wall());
    for i in 0..21 {
        step(&mut app, Msg::Char(if i % 2 == 0 { 'y' } else { 'n' }), Instant::now(), &wall());
    }
    let crate::app::Mode::Rmdq { answers, .. } = &app.mode else { panic!("one statement left") };
    assert_eq!(answers.len(), 23);
    let effects = step(&mut app, Msg::Char('n'), Instant::now(), &wall());
    assert!(matches!(app.mode, crate::app::Mode::Progress(_)));
    let saved = effects.iter().find_map(|e| match e {
        crate::app::Effect::Save(e) => Some(e.clone()),
        _ => None,
    });
    let saved = saved.expect("the 24th answer logs it");
    assert_eq!(saved.kind, crate::log::EntryKind::Rmdq);
    assert_eq!(saved.answers.as_deref().map(crate::checkin::rmdq::score), Some(Some(13)));
}
