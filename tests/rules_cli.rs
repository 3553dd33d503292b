//! Issue 14 through the command line: the rules the app keeps (the emergency lock, the pain
//! stop, the leg pause, skip after done, the walk bout limit, plausible minutes, far backfills,
//! a rest day) are kept by `done`, `skip`, `rest`, `today`, `status` and `safety --clear` too.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const NOW: &str = "2026-11-24T07:30:00+01:00[Europe/Berlin]";

fn cmd(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::cargo_bin("upright").unwrap();
    cmd.env("UPRIGHT_NOW", NOW)
        .env("UPRIGHT_DATA_DIR", dir.join("data"))
        .env("UPRIGHT_CONFIG", dir.join("config.toml"))
        .args(args);
    cmd
}

fn ok(dir: &Path, args: &[&str]) -> String {
    String::from_utf8(cmd(dir, args).assert().success().get_output().stdout.clone()).unwrap()
}

/// Every refusal by the rules exits 3 (issue 26 item 9; docs/commands.md).
fn refused(dir: &Path, args: &[&str], why: &str) {
    cmd(dir, args).assert().code(3).stderr(predicate::str::contains(why));
}

fn json(dir: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(dir, args)).unwrap()
}

fn done_count(dir: &Path, id: &str) -> u64 {
    let v = json(dir, &["today", "--json"]);
    v["exercises"].as_array().unwrap().iter().find(|e| e["id"] == id).unwrap()["sessions_done"]
        .as_u64()
        .unwrap()
}

/// A red-flag entry written as the app writes it (the CLI has no command to report one).
fn report_emergency(dir: &Path) {
    let history = dir.join("data/history");
    std::fs::create_dir_all(&history).unwrap();
    std::fs::write(
        history.join("2026-11.toml"),
        "version = 1\n\n[[entry]]\nid = \"flag\"\ndate = \"2026-11-23\"\nat = \"2026-11-23T20:00:00+01:00\"\nkind = \"red-flag-emergency\"\n",
    )
    .unwrap();
}

#[test]
fn the_emergency_lock_holds_in_the_cli_until_cleared() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    report_emergency(d);
    let v = json(d, &["today", "--json"]);
    assert_eq!(v["locked"], true);
    assert!(v["lock_reason"].as_str().unwrap().contains("locked"));
    assert!(ok(d, &["today"]).contains("The routine is locked"));
    assert!(ok(d, &["status"]).contains("locked"));
    assert_eq!(json(d, &["status", "--json"])["locked"], true);
    refused(d, &["done", "walk"], "The routine is locked");
    refused(d, &["skip", "curl-up"], "The routine is locked");
    refused(d, &["rest"], "The routine is locked");
    refused(d, &["done", "walk", "--date", "2026-11-20"], "The routine is locked");
    assert!(ok(d, &["safety", "--clear"]).contains("a clinician has checked"));
    assert_eq!(json(d, &["today", "--json"])["locked"], false);
    ok(d, &["done", "walk"]);
}

#[test]
fn pain_above_5_ends_the_walk_for_the_day() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(ok(d, &["done", "walk", "--pain", "7"]).contains("too much"));
    refused(d, &["done", "walk"], "pain above 5 ended it");
    refused(d, &["skip", "walk"], "pain above 5 ended it");
    let v = json(d, &["today", "--json"]);
    let walk = &v["exercises"][0];
    assert_eq!((walk["id"].as_str(), walk["stopped"].as_bool()), (Some("walk"), Some(true)));
    let text = ok(d, &["today"]);
    assert!(!text.contains("1 of 3 done"), "a stopped walk shows no bouts to come:\n{text}");
}

#[test]
fn a_leg_pause_is_refused_with_how_to_clear_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let history = d.join("data/history");
    std::fs::create_dir_all(&history).unwrap();
    std::fs::write(
        history.join("2026-11.toml"),
        "version = 1\n\n[[entry]]\nid = \"leg\"\ndate = \"2026-11-23\"\nat = \"2026-11-23T20:00:00+01:00\"\nkind = \"leg-symptoms\"\nexercise = \"curl-up\"\n",
    )
    .unwrap();
    refused(d, &["done", "curl-up"], "upright safety --clear curl-up");
    // A skip of it is refused the same way (it exited 0 before issue 26).
    refused(d, &["skip", "curl-up"], "upright safety --clear curl-up");
    assert!(ok(d, &["safety", "--clear", "curl-up"]).contains("back in your routine"));
    ok(d, &["done", "curl-up"]);
}

#[test]
fn skip_after_done_is_refused_and_done_after_skip_replaces_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["done", "curl-up"]);
    refused(d, &["skip", "curl-up"], "already done for Tue 24 Nov; u (or `upright undo curl-up`) undoes it");
    ok(d, &["skip", "bird-dog"]);
    cmd(d, &["done", "bird-dog"]).assert().success().stderr(predicate::str::contains("replaces the skip"));
    let v = json(d, &["today", "--json"]);
    let bird = v["exercises"].as_array().unwrap().iter().find(|e| e["id"] == "bird-dog").unwrap().clone();
    assert_eq!((bird["done"].as_bool(), bird["skipped"].as_bool()), (Some(true), Some(false)));
}

#[test]
fn walk_bouts_stop_at_the_days_prescription() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert_eq!(
        ok(d, &["done", "walk", "--minutes", "6"]),
        "logged Walk bout 1 of 3 (6 min) for Tue 24 Nov\n"
    );
    ok(d, &["done", "walk"]);
    assert!(ok(d, &["done", "walk"]).contains("bout 3 of 3 (5 min)"));
    refused(d, &["done", "walk"], "all 3 walk bouts for Tue 24 Nov are logged (3 of 3)");
    assert_eq!(done_count(d, "walk"), 3);
    // The same under a backfill.
    for _ in 0..3 {
        ok(d, &["done", "walk", "--date", "2026-11-23", "--force"]);
    }
    refused(d, &["done", "walk", "--date", "2026-11-23"], "(3 of 3)");
}

#[test]
fn minutes_are_bounded_and_replies_say_what_was_logged() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    refused(d, &["done", "walk", "--minutes", "600"], "give 1–300");
    refused(d, &["done", "walk", "--minutes", "0"], "give 1–300");
    assert!(!d.join("data/history/2026-11.toml").exists(), "nothing logged");
    assert_eq!(ok(d, &["done", "curl-up"]), "logged Curl-up (3-2-1 × 8 s holds) for Tue 24 Nov\n");
}

#[test]
fn outside_the_routine_is_logged_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    cmd(dir.path(), &["done", "glute-bridge"])
        .assert()
        .success()
        .stderr(predicate::str::contains("not in your routine; logged anyway — add it under `extras`"));
}

#[test]
fn a_far_backfill_needs_force() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    refused(d, &["done", "walk", "--date", "2020-03-01"], "more than a year back");
    assert!(!d.join("data/history/2020-03.toml").exists(), "no 2020 month");
    ok(d, &["done", "walk", "--date", "2026-11-20"]);
    refused(d, &["done", "walk", "--date", "2026-11-10"], "before your first entry (Fri 20 Nov 2026)");
    ok(d, &["done", "walk", "--date", "2026-11-10", "--force"]);
    ok(d, &["done", "walk", "--date", "2026-11-12"]);
}

#[test]
fn a_rest_day_skips_what_is_left_with_one_reason() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["done", "curl-up"]);
    let out = ok(d, &["rest", "--reason", "a cold"]);
    assert!(
        out.contains("skipped Walk, Chair hamstring stretch, Foam-roller upper-back extension, Side bridge, Bird-dog (a cold)"),
        "{out}"
    );
    let v = json(d, &["today", "--json"]);
    for e in v["exercises"].as_array().unwrap() {
        assert!(e["done"] == true || e["skipped"] == true, "{e}");
    }
    cmd(d, &["rest"]).assert().success().stderr(predicate::str::contains("nothing left to skip"));
    let export = ok(d, &["export"]);
    assert_eq!(export.matches("a cold").count(), 5, "{export}");
}
