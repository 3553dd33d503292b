//! `upright nudge` against the real binary: one line while the day has exercises to go, and
//! nothing once it is settled, on a rest day or before the coaching day starts.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

/// Tuesday 24 November 2026, 07:30 in Berlin (the coaching day started at 04:00).
const MORNING: &str = "2026-11-24T07:30:00+01:00[Europe/Berlin]";

fn upright(dir: &Path, now: &str, args: &[&str]) -> String {
    let out = Command::cargo_bin("upright")
        .unwrap()
        .env("UPRIGHT_NOW", now)
        .env("UPRIGHT_DATA_DIR", dir.join("data"))
        .env("UPRIGHT_CONFIG", dir.join("config.toml"))
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "upright {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// A fresh user who has accepted the disclaimer (so no first-run hint either way).
fn fresh() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    upright(dir.path(), MORNING, &["init", "--accept"]);
    dir
}

fn today(dir: &Path) -> Value {
    serde_json::from_str(&upright(dir, MORNING, &["today", "--json"])).unwrap()
}

#[test]
fn a_fresh_day_gets_one_line_with_the_count() {
    let dir = fresh();
    let total = today(dir.path())["exercises"].as_array().unwrap().len();
    let out = upright(dir.path(), MORNING, &["nudge"]);
    assert_eq!(out, format!("upright: 0 of {total} done today — run upright\n"));
}

#[test]
fn the_count_follows_what_was_done() {
    let dir = fresh();
    upright(dir.path(), MORNING, &["done", "curl-up"]);
    let day = today(dir.path());
    let total = day["exercises"].as_array().unwrap().len();
    let out = upright(dir.path(), MORNING, &["nudge"]);
    assert_eq!(out, format!("upright: 1 of {total} done today — run upright\n"));
}

#[test]
fn nothing_once_the_day_is_complete() {
    let dir = fresh();
    // Log each exercise until today says it is done (a walk may take several bouts).
    for _ in 0..10 {
        let day = today(dir.path());
        let open: Vec<String> = day["exercises"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["done"] == false)
            .map(|e| e["id"].as_str().unwrap().to_string())
            .collect();
        if open.is_empty() {
            break;
        }
        for id in open {
            upright(dir.path(), MORNING, &["done", &id]);
        }
    }
    assert_eq!(upright(dir.path(), MORNING, &["nudge"]), "");
}

#[test]
fn nothing_on_a_rest_day() {
    let dir = fresh();
    upright(dir.path(), MORNING, &["rest", "--reason", "travelling"]);
    assert_eq!(upright(dir.path(), MORNING, &["nudge"]), "");
}

#[test]
fn nothing_before_the_day_starts() {
    let dir = fresh();
    // 02:30 belongs to Monday's coaching day (day_starts_at is 04:00): a late shell stays quiet.
    assert_eq!(upright(dir.path(), "2026-11-24T02:30:00+01:00[Europe/Berlin]", &["nudge"]), "");
    std::fs::write(dir.path().join("config.toml"), "day_starts_at = \"08:00\"\n").unwrap();
    assert_eq!(upright(dir.path(), MORNING, &["nudge"]), "");
}

#[test]
fn no_first_run_hint_in_a_shell_start_up() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("upright")
        .unwrap()
        .env("UPRIGHT_NOW", MORNING)
        .env("UPRIGHT_DATA_DIR", dir.path().join("data"))
        .env("UPRIGHT_CONFIG", dir.path().join("config.toml"))
        .arg("nudge")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("upright: 0 of "));
}
