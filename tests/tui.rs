//! The real binary in a pseudo-terminal with a temp data dir: a guided exercise to the end,
//! a tick-off, quitting, and every way out restoring the terminal.

mod common;

use std::process::Command;

use common::Pty;
use serde_json::Value;

const NOW: &str = "2026-11-24T07:30:00+01:00[Europe/Berlin]";

fn today_json(data: &std::path::Path) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_upright"))
        .env("UPRIGHT_NOW", NOW)
        .env("UPRIGHT_DATA_DIR", data)
        .env("UPRIGHT_CONFIG", data.join("config.toml"))
        .args(["today", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn spawn(data: &std::path::Path, cols: u16, rows: u16) -> Pty {
    Pty::spawn(&[], &[("UPRIGHT_NOW", NOW), ("UPRIGHT_TEST_SPEED", "30")], data, cols, rows)
}

#[test]
fn a_morning_session_end_to_end() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = spawn(dir.path(), 100, 30);
    pty.wait_for("Good to see you", 10);
    // The hamstring stretch with the guided timer: every hold and rest runs out on its own.
    pty.send("j");
    pty.send("\r");
    pty.wait_for("GET READY", 5);
    pty.wait_for("HOLD · Set 1 of 2 · Left side", 5);
    pty.wait_for("Right side", 5);
    pty.wait_for("How did Chair hamstring stretch go?", 20);
    assert!(pty.raw().contains(&0x07), "a bell rang at the end of a hold");
    pty.send("1");
    pty.wait_for("Pain during it", 5);
    pty.send("\r");
    pty.wait_for("Saved: Chair hamstring stretch", 5);
    // Tick off the three walk bouts with x.
    pty.send("k");
    for bout in 1..=3 {
        pty.send("x");
        pty.wait_for("How did Walk go?", 5);
        pty.send("2\r");
        pty.wait_for(if bout < 3 { "of 3 done" } else { "Saved: Walk" }, 5);
    }
    pty.wait_for("2/6 done", 5);
    pty.send("q");
    assert!(pty.wait_exit(5));
    pty.assert_restored();
    let v = today_json(dir.path());
    let done: Vec<&str> = v["exercises"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["done"] == true)
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(done, ["walk", "hamstring-stretch"]);
    let month = std::fs::read_to_string(dir.path().join("history/2026-11.toml")).unwrap();
    assert_eq!(month.matches("[[entry]]").count(), 4);
    assert!(month.contains("feedback = \"easy\"") && month.contains("minutes = 5"), "{month}");
}

#[test]
fn every_way_out_restores_the_terminal() {
    for (how, signal) in
        [("SIGTERM", Some("TERM")), ("SIGHUP", Some("HUP")), ("SIGINT", Some("INT")), ("Ctrl-C", None)]
    {
        let dir = tempfile::tempdir().unwrap();
        let mut pty = spawn(dir.path(), 80, 24);
        pty.wait_for("upright", 10);
        pty.send("\r");
        pty.wait_for("GET READY", 5);
        match signal {
            Some(sig) => {
                let ok = Command::new("kill").args(["-s", sig, &pty.pid().to_string()]).status().unwrap();
                assert!(ok.success());
            }
            None => pty.send("\x03"),
        }
        assert!(pty.wait_exit(5), "{how}: clean exit");
        pty.assert_restored();
    }
}

#[test]
fn tiny_and_resized_terminals() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = spawn(dir.path(), 30, 8);
    pty.wait_for("terminal too small — need", 10);
    pty.resize(40, 12);
    pty.wait_for("Tue 24 Nov", 5);
    pty.send("\r");
    pty.wait_for("GET READY", 5);
    for (w, h) in [(1, 1), (100, 30), (2, 2), (40, 12)] {
        pty.resize(w, h);
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    pty.wait_for("Space pause", 5);
    pty.send("\x1b");
    pty.wait_for("Leave the timer", 5);
    pty.wait_for("keep going", 5);
    pty.send("n");
    pty.wait_for("Left without logging it", 5);
    pty.send("q");
    assert!(pty.wait_exit(5));
}
