//! Issue 19 end to end: the CLI says what the app says (advice on `today`, the avoid flags on
//! `done`), `done --as` records the version done, and walks below the first step.

use assert_cmd::Command;
use serde_json::Value;

const NOW: &str = "2026-11-24T07:30:00+01:00[Europe/Berlin]";

struct Env(tempfile::TempDir);

impl Env {
    fn new(config: &str) -> Env {
        let env = Env(tempfile::tempdir().unwrap());
        std::fs::write(env.0.path().join("config.toml"), config).unwrap();
        env
    }

    fn cmd(&self, args: &[&str]) -> assert_cmd::assert::Assert {
        Command::cargo_bin("upright")
            .unwrap()
            .env("UPRIGHT_NOW", NOW)
            .env("UPRIGHT_CONFIG", self.0.path().join("config.toml"))
            .env("UPRIGHT_DATA_DIR", self.0.path().join("data"))
            .args(args)
            .assert()
    }

    fn run(&self, args: &[&str]) -> (String, String) {
        let out = self.cmd(args).success().get_output().clone();
        (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
    }
}

#[test]
fn today_says_the_two_week_suggestion_and_the_flare_prompt() {
    let env = Env::new("");
    // Pain 3 every day for 15 days: not better after two weeks.
    for n in 0..15 {
        let d = format!("2026-11-{:02}", 9 + n);
        env.run(&["done", "walk", "--pain", "3", "--date", &d]);
    }
    let (json, err) = env.run(&["today", "--json"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        v["advice"][0],
        "Not better after two weeks, or worse: please see a GP or physiotherapist about your back."
    );
    assert!(err.is_empty() || !err.contains("not better"), "JSON mode keeps stderr for errors: {err}");
    let (_, err) = env.run(&["today"]);
    assert!(err.contains("upright: Not better after two weeks"), "{err}");

    let env = Env::new("");
    env.run(&["flare", "on"]);
    let (json, _) = env.run(&["today", "--json"]);
    assert_eq!(serde_json::from_str::<Value>(&json).unwrap()["advice"], serde_json::json!([]));
}

#[test]
fn done_refuses_an_exercise_the_avoid_flags_removed() {
    let env = Env::new("avoid = [\"extension\"]\n");
    let out = env.cmd(&["done", "thoracic-extension"]).failure().get_output().clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("thoracic-extension is off: your settings avoid bending back"), "{err}");
    assert!(env.run(&["export"]).0.lines().count() <= 1, "nothing logged");
}

#[test]
fn done_as_records_the_version_and_unknown_versions_are_refused() {
    let env = Env::new("");
    let (out, _) = env.run(&["done", "thoracic-extension", "--as", "chair"]);
    assert!(
        out.contains(
            "logged Foam-roller upper-back extension (1 position × 5, 3 s pause) for Tue 24 Nov, over a chair back"
        ),
        "{out}"
    );
    let (json, _) = env.run(&["export", "--format", "json"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["entries"][0]["variant"], "chair");
    let (today, _) = env.run(&["today", "--json"]);
    let v: Value = serde_json::from_str(&today).unwrap();
    assert_eq!(v["exercises"][2]["done"], true, "the chair version counts for the day");
    let out = env.cmd(&["done", "curl-up", "--as", "towel"]).failure().get_output().clone();
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("--as towel is not a version of curl-up; it has: dead-bug")
    );
}

#[test]
fn a_two_minute_walk_is_followed_by_bouts_the_rule_allows() {
    let env = Env::new("");
    let (out, _) = env.run(&["done", "walk", "--minutes", "2", "--date", "2026-11-23"]);
    assert!(out.contains("logged Walk bout 1 of 3 (2 min) for Mon 23 Nov"), "{out}");
    let (json, _) = env.run(&["today", "--json"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    let walk = &v["exercises"][0];
    assert_eq!(walk["dose"], "3 × 3 min", "10% over 2 min, at least 1: never the 5-min bouts rule 5 forbids");
    assert_eq!(walk["reason"], "Shorter walks: your longest in 30 days was 2 min");
}
