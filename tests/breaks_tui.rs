//! `upright breaks` in a real terminal: a break comes due, is taken with `b`, runs its guided
//! steps and is logged; `status` and `week --json` then count it, and quitting restores the
//! terminal. The clock is pinned and runs 100 times faster (`UPRIGHT_TEST_SPEED`).

mod common;

use common::{Pty, upright};

/// Tuesday 24 November 2026, 10:00 in Berlin: within the default work hours.
const TEN: &str = "2026-11-24T10:00:00+01:00[Europe/Berlin]";

#[test]
fn a_break_comes_due_is_taken_and_logged() {
    let dir = tempfile::tempdir().unwrap();
    // Every 5 minutes: 3 s of real time at the test speed.
    std::fs::write(dir.path().join("config.toml"), "break_every = 5\n").unwrap();
    let envs = [("UPRIGHT_NOW", TEN), ("UPRIGHT_TEST_SPEED", "100")];
    let mut pty = Pty::spawn(&["breaks"], &envs, dir.path(), 80, 24);
    pty.wait_for("Next break at 10:05", 10);
    pty.wait_for("0 breaks today", 10);
    let due = pty.wait_for("Time for a break.", 20);
    assert!(due.contains("b take it · z snooze 10 min · s skip · q quit"), "{due}");
    assert!(String::from_utf8_lossy(&pty.raw()).contains("\x1b]9;upright: time for a desk break"));
    pty.send("b");
    pty.wait_for("Step ", 10);
    let done = pty.wait_for("1 break today", 20);
    assert!(done.contains("Break done. Next at 10:1"), "{done}");
    pty.send("q");
    assert!(pty.wait_exit(10));
    pty.assert_restored();

    let status = upright(dir.path(), &["status"]);
    assert!(status.contains("1 break today"), "{status}");
    let week: serde_json::Value = serde_json::from_str(&upright(dir.path(), &["week", "--json"])).unwrap();
    let tuesday = week["days"].as_array().unwrap().iter().find(|d| d["date"] == "2026-11-24").unwrap();
    assert_eq!(tuesday["breaks"], 1);
    // A break counts for nothing else: the day has no exercise done.
    let today: serde_json::Value = serde_json::from_str(&upright(dir.path(), &["today", "--json"])).unwrap();
    assert!(today["exercises"].as_array().unwrap().iter().all(|e| e["done"] == false));
}

#[test]
fn snooze_puts_it_off_ten_minutes_and_skip_logs_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("config.toml"), "break_every = 5\n").unwrap();
    let envs = [("UPRIGHT_NOW", TEN), ("UPRIGHT_TEST_SPEED", "100")];
    let mut pty = Pty::spawn(&["breaks"], &envs, dir.path(), 40, 12);
    pty.wait_for("Time for a break.", 20);
    pty.send("z");
    pty.wait_for("Snoozed until 10:1", 10);
    pty.wait_for("Time for a break.", 20);
    pty.send("s");
    pty.wait_for("Skipped (not logged).", 10);
    pty.send("q");
    assert!(pty.wait_exit(10));
    pty.assert_restored();
    assert!(upright(dir.path(), &["status"]).contains("upright 0/"));
    assert!(!upright(dir.path(), &["status"]).contains("break"));
}
