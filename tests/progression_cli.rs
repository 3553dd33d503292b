//! Issue 4 end to end: backfilled sessions move the dose through the real binary.

use assert_cmd::Command;
use serde_json::Value;

const NOW: &str = "2026-11-24T07:30:00+01:00[Europe/Berlin]";

struct Env(tempfile::TempDir);

impl Env {
    fn new() -> Env {
        let env = Env(tempfile::tempdir().unwrap());
        std::fs::write(env.0.path().join("config.toml"), "").unwrap();
        env
    }

    fn run(&self, args: &[&str]) -> String {
        let out = Command::cargo_bin("upright")
            .unwrap()
            .env("UPRIGHT_NOW", NOW)
            .env("UPRIGHT_CONFIG", self.0.path().join("config.toml"))
            .env("UPRIGHT_DATA_DIR", self.0.path().join("data"))
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    }

    fn curl_up(&self, args: &[&str]) -> Value {
        let v: Value = serde_json::from_str(&self.run(&[&["today", "--json"], args].concat())).unwrap();
        v["exercises"].as_array().unwrap().iter().find(|e| e["id"] == "curl-up").unwrap().clone()
    }
}

#[test]
fn three_easy_backfilled_sessions_advance_with_a_reason() {
    let env = Env::new();
    for d in ["2026-11-21", "2026-11-22", "2026-11-23"] {
        env.run(&["done", "curl-up", "--feedback", "easy", "--date", d]);
    }
    let curl = env.curl_up(&[]);
    assert_eq!((curl["step"].as_u64(), curl["dose"].as_str()), (Some(2), Some("4-3-2 × 8 s holds")));
    assert_eq!(curl["reason"], "Up one step: 3 easy sessions in a row");
    let text = env.run(&["today"]);
    assert!(text.contains("Curl-up") && text.contains("Up one step: 3 easy sessions in a row"), "{text}");
    // The entry logged today records the new step.
    env.run(&["done", "curl-up"]);
    let csv = env.run(&["export"]);
    assert!(csv.lines().last().unwrap().contains(",done,curl-up,2,4-3-2 × 8 s holds,ok,0,"), "{csv}");
}

#[test]
fn pain_seven_lowers_the_next_day() {
    let env = Env::new();
    for d in ["2026-11-19", "2026-11-20", "2026-11-21"] {
        env.run(&["done", "curl-up", "--feedback", "easy", "--date", d]);
    }
    assert_eq!(env.curl_up(&["--date", "2026-11-22"])["step"], 2);
    env.run(&["done", "curl-up", "--pain", "7", "--date", "2026-11-22"]);
    let curl = env.curl_up(&["--date", "2026-11-23"]);
    assert_eq!(curl["step"], 1);
    assert_eq!(curl["reason"], "One step easier: pain 7 last time");
}

#[test]
fn a_ten_day_gap_steps_back() {
    let env = Env::new();
    for d in ["2026-11-10", "2026-11-11", "2026-11-12", "2026-11-13"] {
        env.run(&["done", "curl-up", "--feedback", "easy", "--date", d]);
    }
    // The 13th was done at step 2; 10 days between it and today.
    let curl = env.curl_up(&[]);
    assert_eq!(curl["step"], 1);
    assert_eq!(curl["reason"], "One step easier: 10 days missed since Fri 13 Nov");
}

#[test]
fn plan_json_forecasts_the_weeks() {
    let env = Env::new();
    let v: Value = serde_json::from_str(&env.run(&["plan", "--json", "--weeks", "3"])).unwrap();
    let weeks = v["weeks"].as_array().unwrap();
    assert_eq!(weeks.len(), 3);
    assert_eq!(weeks[0]["week_start"], "2026-11-23");
    assert_eq!(
        weeks[0]["exercises"][3],
        serde_json::json!({"id": "curl-up", "dose": "3-2-1 × 8 s holds", "step": 1})
    );
    assert_eq!(weeks[1]["exercises"][3]["step"], 2);
    assert_eq!(weeks[2]["exercises"][0]["dose"], "7 + 5 + 5 min");
    let text = env.run(&["plan", "--weeks", "2"]);
    assert!(text.contains("week of Mon 30 Nov 2026") && text.contains("4-3-2 × 8 s holds  ↑"), "{text}");
}

#[test]
fn flare_mode_switches_the_routine() {
    let env = Env::new();
    for d in ["2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23"] {
        env.run(&["done", "curl-up", "--feedback", "easy", "--date", d]);
    }
    assert_eq!(env.curl_up(&[])["step"], 2);
    assert!(env.run(&["flare", "on"]).contains("Flare-up mode on"));
    assert!(env.run(&["flare", "on"]).contains("already on"));
    let curl = env.curl_up(&[]);
    assert_eq!(curl["step"], 1);
    assert_eq!(curl["reason"], "Flare-up mode: the gentlest step");
    assert!(env.run(&["flare", "off"]).contains("flare-up mode off"));
    let curl = env.curl_up(&[]);
    assert_eq!(curl["step"], 1, "two below step 2, never below 1");
    assert!(curl["reason"].as_str().unwrap().contains("Back after a flare-up"));
}
