//! Issue 14's "Done when": the app and the CLI give the same answer, word for word, for the
//! emergency lock, the pain stop, skip after done and the walk bout limit. The real binary in a
//! pseudo-terminal and on the command line, on one temp data dir.

mod common;

use std::path::Path;

use common::{NOW, Pty, upright};

/// The CLI's refusal of `args` (it must fail), without the `upright: ` prefix.
fn cli_refusal(data: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_upright"))
        .env("UPRIGHT_NOW", NOW)
        .env("UPRIGHT_DATA_DIR", data)
        .env("UPRIGHT_CONFIG", data.join("config.toml"))
        .args(args)
        .output()
        .unwrap();
    assert!(!out.status.success(), "upright {args:?} must be refused");
    let stderr = String::from_utf8(out.stderr).unwrap();
    stderr.lines().next().unwrap().trim_start_matches("upright: ").to_string()
}

/// The app after `upright init --accept` and the CLI commands `before`, in a terminal wide
/// enough that a message is one line.
fn app_after(data: &Path, before: &[&[&str]]) -> Pty {
    upright(data, &["init", "--accept"]);
    for args in before {
        upright(data, args);
    }
    let pty = Pty::spawn(&[], &[("UPRIGHT_NOW", NOW)], data, 240, 30);
    pty.wait_for("Walk", 10);
    pty
}

#[test]
fn the_emergency_lock() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = app_after(dir.path(), &[]);
    pty.send("!ey\x1b");
    pty.wait_for("Locked:", 5);
    pty.send("x");
    let cli = cli_refusal(dir.path(), &["done", "walk"]);
    assert!(cli.starts_with("The routine is locked"), "{cli}");
    pty.wait_for(&cli, 5);
    assert_eq!(cli, cli_refusal(dir.path(), &["skip", "walk"]));
}

#[test]
fn the_pain_stop() {
    let dir = tempfile::tempdir().unwrap();
    let pty = app_after(dir.path(), &[&["done", "walk", "--pain", "7"]]);
    pty.wait_for("Walk stopped for today after pain", 5);
    let cli = cli_refusal(dir.path(), &["done", "walk"]);
    let mut pty = pty;
    pty.send("x");
    pty.wait_for(&cli, 5);
    assert!(cli.contains("pain above 5 ended it"), "{cli}");
}

#[test]
fn skip_after_done() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = app_after(dir.path(), &[&["done", "curl-up"]]);
    pty.send("jjjs");
    let cli = cli_refusal(dir.path(), &["skip", "curl-up"]);
    assert!(cli.contains("already done for Tue 24 Nov; u (or `upright undo curl-up`) undoes it"), "{cli}");
    pty.wait_for(&cli, 5);
    assert!(!pty.screen().contains("Reason (optional)"), "no skip prompt opened");
}

#[test]
fn the_walk_bout_limit() {
    let dir = tempfile::tempdir().unwrap();
    let walk: &[&str] = &["done", "walk"];
    let mut pty = app_after(dir.path(), &[walk, walk, walk]);
    let cli = cli_refusal(dir.path(), walk);
    assert!(cli.contains("(3 of 3)"), "{cli}");
    pty.send("x");
    pty.wait_for(&cli, 5);
    // The week screen's backfill keeps the same limit (its x on today's ✓ cell).
    pty.send("w");
    pty.wait_for("streak", 5);
    pty.send("x");
    pty.wait_for(&cli, 5);
}
