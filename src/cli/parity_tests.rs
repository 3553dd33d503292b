//! The CLI and the app write the same entry for the same choice: `done walk --as bike
//! --minutes 25` and the walk prompt's "done as" stage (b, 25, rated ok, pain 0).

use std::time::Instant;

use super::Day;
use super::logging::done;
use super::values::Done;
use crate::app::Msg;
use crate::app::tests::{app, step, wall};
use crate::state::{Entry, EntryKind, Feedback};

/// The walk entries of `entries`, without what differs by nature (the id, unique per entry).
fn walks(entries: &[Entry]) -> Vec<Entry> {
    let mut walks: Vec<Entry> =
        entries.iter().filter(|e| e.kind == EntryKind::Done && e.is_for("walk")).cloned().collect();
    for e in &mut walks {
        e.id.clear();
    }
    walks
}

#[test]
fn bike_25_minutes_is_the_same_entry_from_the_cli_and_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    for msg in [Msg::TickOff, Msg::Char('a'), Msg::Char('b'), Msg::Char('2'), Msg::Char('5'), Msg::Confirm] {
        step(&mut app, msg, Instant::now(), &wall());
    }
    for msg in [Msg::Char('2'), Msg::Confirm] {
        step(&mut app, msg, Instant::now(), &wall());
    }
    let from_app = walks(app.ctx.store.entries());

    let dir = tempfile::tempdir().unwrap();
    // The same pinned time and config as the app's, over a fresh data dir.
    let mut ctx = crate::app::tests::app(dir.path()).ctx;
    let log = Done {
        feedback: Some(Feedback::Ok),
        pain: Some(0),
        minutes: Some(25),
        note: None,
        variant: Some("bike".into()),
        with: None,
        reps: None,
        load: None,
        partial: false,
        force: false,
    };
    done(&mut ctx, "walk", Day::Today, log).unwrap();
    let from_cli = walks(ctx.store.entries());
    assert_eq!(from_app.len(), 1);
    assert_eq!(from_app, from_cli);
}

/// `upright` with no arguments skips clap (its command tree is a tenth of the app's first
/// frame): what it makes is exactly what clap makes of no arguments.
#[test]
fn bare_upright_is_what_clap_reads() {
    use clap::Parser;
    let clap = super::Cli::parse_from(["upright"]);
    assert_eq!(format!("{:?}", super::Cli::bare()), format!("{clap:?}"));
}
