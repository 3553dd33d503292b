//! The real binary against a temporary data dir: every command, JSON shapes, errors.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

/// A pinned clock: Tuesday 24 November 2026, 07:30 in Berlin.
const NOW: &str = "2026-11-24T07:30:00+01:00[Europe/Berlin]";

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        let env = Env { dir: tempfile::tempdir().unwrap() };
        std::fs::write(env.config(), "").unwrap();
        env
    }

    fn config(&self) -> PathBuf {
        self.dir.path().join("config.toml")
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn month(&self, ym: &str) -> PathBuf {
        self.data().join("history").join(format!("{ym}.toml"))
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("upright").unwrap();
        cmd.env_remove("UPRIGHT_CONFIG")
            .env_remove("UPRIGHT_DATA_DIR")
            .env("UPRIGHT_NOW", NOW)
            .arg("--config")
            .arg(self.config())
            .arg("--data-dir")
            .arg(self.data())
            .args(args);
        cmd
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd(args).assert().success().get_output().stdout.clone();
        String::from_utf8(out).unwrap()
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }
}

/// Every routine exercise of a day, three walk bouts included: a complete day.
const FULL_DAY: [&str; 8] =
    ["walk", "walk", "walk", "hamstring-stretch", "thoracic-extension", "curl-up", "side-bridge", "bird-dog"];

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

#[test]
fn today_lists_the_default_routine() {
    let env = Env::new();
    let out = env.ok(&["today"]);
    assert!(out.starts_with("Tuesday 24 November 2026\n"), "{out}");
    for line in [
        "[ ] Walk",
        "3 × 5 min",
        "[ ] Chair hamstring stretch",
        "2 × 30 s per side",
        "Foam-roller upper-back extension",
        "1 position × 5, 3 s pause",
        "Curl-up",
        "3-2-1 × 8 s holds",
        "Side bridge",
        "knees 3-2-1 × 8 s holds per side",
        "Bird-dog",
        "0/6 done",
    ] {
        assert!(out.contains(line), "missing {line:?} in\n{out}");
    }
    // Reading creates nothing.
    assert!(!env.data().exists());
}

#[test]
fn done_then_today_json_shows_it_done() {
    let env = Env::new();
    env.ok(&["done", "curl-up", "--feedback", "ok"]);
    let v = env.json(&["today", "--json"]);
    assert_eq!(v["date"], "2026-11-24");
    let ids: Vec<&str> =
        v["exercises"].as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        ["walk", "hamstring-stretch", "thoracic-extension", "curl-up", "side-bridge", "bird-dog"]
    );
    let curl = &v["exercises"][3];
    assert_eq!(curl["done"], true);
    assert_eq!(curl["skipped"], false);
    assert_eq!(curl["step"], 1);
    assert_eq!(curl["dose"], "3-2-1 × 8 s holds");
    assert_eq!(curl["name"], "Curl-up");
    assert_eq!(v["exercises"][0]["done"], false);
    let text = String::from_utf8(read(&env.month("2026-11"))).unwrap();
    assert!(text.starts_with("version = 1\n"), "{text}");
    assert!(text.contains("exercise = \"curl-up\"") && text.contains("feedback = \"ok\""), "{text}");
}

#[test]
fn status_is_one_line() {
    let env = Env::new();
    env.ok(&["done", "walk"]);
    env.ok(&["done", "walk"]);
    env.ok(&["done", "walk"]);
    env.ok(&["done", "bird-dog"]);
    let out = env.ok(&["status"]);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert_eq!(out, "upright 2/6 · 0-week streak\n");
    let v = env.json(&["status", "--json"]);
    assert_eq!(
        v,
        serde_json::json!({"schema": "upright/status/2", "date": "2026-11-24", "done": 2, "total": 6, "current_streak_weeks": 0, "locked": false, "breaks_today": 0, "walk_minutes_today": 15})
    );
}

#[test]
fn walk_bouts_count_until_the_dose_is_met() {
    let env = Env::new();
    env.ok(&["done", "walk", "--minutes", "5"]);
    let out = env.ok(&["today"]);
    assert!(out.contains("3 × 5 min walk, 1 of 3 done"), "{out}");
    let v = env.json(&["today", "--json"]);
    assert_eq!(v["exercises"][0]["done"], false);
}

#[test]
fn done_twice_is_refused_for_non_walks() {
    let env = Env::new();
    env.ok(&["done", "curl-up"]);
    env.cmd(&["done", "curl-up"]).assert().success().stderr(predicate::str::contains("already done"));
    let text = String::from_utf8(read(&env.month("2026-11"))).unwrap();
    assert_eq!(text.matches("[[entry]]").count(), 1, "{text}");
}

#[test]
fn skip_and_undo() {
    let env = Env::new();
    env.ok(&["skip", "side-bridge", "--reason", "sore shoulder"]);
    let v = env.json(&["today", "--json"]);
    assert_eq!(v["exercises"][4]["skipped"], true);
    env.ok(&["undo", "side-bridge"]);
    let v = env.json(&["today", "--json"]);
    assert_eq!(v["exercises"][4]["skipped"], false);
    env.cmd(&["undo", "side-bridge"]).assert().failure().stderr(predicate::str::contains("nothing to undo"));
}

#[test]
fn backfill_goes_to_its_own_month() {
    let env = Env::new();
    env.ok(&["done", "curl-up", "--date", "2026-10-31"]);
    env.ok(&["done", "curl-up", "--date", "yesterday"]);
    assert!(String::from_utf8(read(&env.month("2026-10"))).unwrap().contains("date = \"2026-10-31\""));
    assert!(String::from_utf8(read(&env.month("2026-11"))).unwrap().contains("date = \"2026-11-23\""));
    let v = env.json(&["today", "--json", "--date", "2026-10-31"]);
    assert_eq!(v["exercises"][3]["done"], true);
}

#[test]
fn bad_arguments_are_clear_errors() {
    let env = Env::new();
    let cases: [(&[&str], &str); 6] = [
        (&["done", "yoga"], "unknown exercise \"yoga\"; valid ids: walk, hamstring-stretch"),
        (&["done", "curl-up", "--pain", "11"], "11 is not in 0..=10"),
        (&["done", "curl-up", "--minutes", "20"], "--minutes is for walks"),
        (&["done", "curl-up", "--date", "2026-13-01"], "is not a date"),
        (&["done", "curl-up", "--date", "2026-11-25"], "in the future"),
        (&["done", "curl-up", "--feedback", "great"], "invalid value 'great'"),
    ];
    for (args, msg) in cases {
        env.cmd(args).assert().failure().stderr(predicate::str::contains(msg));
    }
    assert!(!env.data().exists(), "nothing written by failed commands");
}

#[test]
fn a_broken_month_is_reported_and_left_untouched() {
    let env = Env::new();
    env.ok(&["done", "walk"]);
    let month = env.month("2026-11");
    let mut bytes = read(&month);
    bytes.extend_from_slice(b"\n[[entry]]\nid = \"x\"\ndate = \n");
    std::fs::write(&month, &bytes).unwrap();
    for args in [&["today"][..], &["done", "curl-up"], &["status", "--json"]] {
        env.cmd(args)
            .assert()
            .failure()
            .stderr(predicate::str::contains(format!("{}:", month.display())))
            .stdout("");
        assert_eq!(read(&month), bytes, "byte-identical after {args:?}");
    }
}

#[test]
fn export_csv_and_json() {
    let env = Env::new();
    env.ok(&[
        "done",
        "curl-up",
        "--feedback",
        "easy",
        "--pain",
        "2",
        "--note",
        "felt fine, thanks",
        "--date",
        "2026-10-02",
    ]);
    env.ok(&["done", "walk", "--minutes", "6", "--as", "bike", "--with", "Sam"]);
    let csv = env.ok(&["export", "--format", "csv"]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "id,date,at,kind,exercise,step,dose,feedback,pain,minutes,note,reason,activities,partial,variant,load,reps,with"
    );
    assert_eq!(lines.len(), 3, "{csv}");
    assert!(
        lines[1].contains(",2026-10-02,")
            && lines[1].ends_with(",done,curl-up,1,3-2-1 × 8 s holds,easy,2,,\"felt fine, thanks\",,,,,,,"),
        "{csv}"
    );
    assert!(lines[2].contains(",walk,1,3 × 5 min,ok,0,6,,") && lines[2].ends_with(",bike,,,Sam"), "{csv}");
    let v = env.json(&["export", "--format", "json"]);
    assert_eq!(v["entries"].as_array().unwrap().len(), 2);
    assert_eq!(v["entries"][0]["note"], "felt fine, thanks");
}

#[test]
fn paths_and_completions() {
    let env = Env::new();
    let out = env.ok(&["paths"]);
    assert_eq!(out, format!("config: {}\ndata: {}\n", env.config().display(), env.data().display()));
    let bash = env.ok(&["completions", "bash"]);
    // The script asks the binary for the candidates (tests/shell_completion.rs drives it).
    assert!(
        bash.contains("complete ") && bash.contains("COMPLETE=\"bash\" \\\n        \"upright\""),
        "{bash}"
    );
}

#[test]
fn env_overrides_and_config_errors() {
    let env = Env::new();
    std::fs::write(env.config(), "level = \"active\"\nextras = [\"plank\"]\n").unwrap();
    let mut cmd = Command::cargo_bin("upright").unwrap();
    cmd.env("UPRIGHT_CONFIG", env.config()).env("UPRIGHT_DATA_DIR", env.data()).env("UPRIGHT_NOW", NOW);
    let out = cmd.args(["today", "--json"]).assert().success().get_output().stdout.clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["exercises"][0]["dose"], "30 + 5 min");
    assert_eq!(v["exercises"][6]["id"], "plank");
    std::fs::write(env.config(), "level = \"active\"\nsoud = false\n").unwrap();
    env.cmd(&["today"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(format!("config {}:2:1:", env.config().display())))
        .stderr(predicate::str::contains("soud"));
}

#[test]
fn status_counts_the_weekly_streak_from_backfilled_days() {
    let env = Env::new();
    // Five complete days in each of the two weeks before this one (weeks start on Monday).
    for week_start in ["2026-11-09", "2026-11-16"] {
        // Ask between the weeks too: cached week results must notice the backfill.
        env.ok(&["status"]);
        let monday: jiff::civil::Date = week_start.parse().unwrap();
        for offset in 0..5 {
            let day = monday.checked_add(jiff::Span::new().days(offset)).unwrap().to_string();
            for id in FULL_DAY {
                env.ok(&["done", id, "--date", &day]);
            }
        }
    }
    assert_eq!(env.ok(&["status"]), "upright 0/6 · 2-week streak\n");
    assert_eq!(env.json(&["status", "--json"])["current_streak_weeks"], 2);
}

#[test]
fn week_json_and_text() {
    let env = Env::new();
    // Week of 9 Nov: five complete days. Week of 16 Nov: four. This week: Monday.
    for day in [
        "2026-11-09",
        "2026-11-10",
        "2026-11-11",
        "2026-11-12",
        "2026-11-13",
        "2026-11-16",
        "2026-11-17",
        "2026-11-18",
        "2026-11-19",
        "2026-11-23",
    ] {
        for id in FULL_DAY {
            env.ok(&["done", id, "--date", day]);
        }
    }
    let v = env.json(&["week", "--json"]);
    assert_eq!((v["current_streak_weeks"].as_u64(), v["longest_streak_weeks"].as_u64()), (Some(0), Some(1)));
    assert_eq!(v["date"], "2026-11-24");
    let days = v["days"].as_array().unwrap();
    assert_eq!(days.len(), 7);
    // The walk has progressed to 7 + 5 + 5 min by then: 17 minutes, each bout its own (issue
    // 26: not 3 × 7).
    let monday = &days[0];
    assert_eq!(
        (&monday["date"], &monday["complete"], &monday["walk_minutes"], &monday["breaks"]),
        (
            &serde_json::json!("2026-11-23"),
            &serde_json::json!(true),
            &serde_json::json!(17),
            &serde_json::json!(0)
        )
    );
    assert_eq!(monday["exercises"][0]["mark"], "✓");
    assert_eq!(days[1]["complete"], false);
    // Backfilling the Friday of last week completes it: the streak is 2.
    for id in FULL_DAY {
        env.ok(&["done", id, "--date", "2026-11-20"]);
    }
    let v = env.json(&["week", "--json", "--weeks", "3"]);
    assert_eq!((v["current_streak_weeks"].as_u64(), v["longest_streak_weeks"].as_u64()), (Some(2), Some(2)));
    assert_eq!(v["days"].as_array().unwrap().len(), 21);
    assert_eq!(
        v["weeks"][0],
        serde_json::json!({"week_start": "2026-11-09", "complete_days": 5, "meets_target": true, "strength_days": null, "strength_target": null})
    );
    let text = env.ok(&["week", "--date", "2026-11-20"]);
    assert!(text.starts_with("Week of Mon 16 Nov 2026\n"), "{text}");
    assert!(text.contains("  target met: 5 complete days (5 needed)\n"), "{text}");
    assert!(text.contains("2-week streak · longest 2"), "{text}");
}

#[test]
fn init_and_safety_without_the_app() {
    let env = Env::new();
    std::fs::remove_file(env.config()).unwrap();
    // Before accepting: commands work and nudge on stderr, never into JSON.
    env.cmd(&["today"]).assert().success().stderr(predicate::str::contains("upright init --accept"));
    env.cmd(&["today", "--json"]).assert().success().stderr("");
    let out = env.ok(&["init"]);
    assert!(out.contains("not medical advice") && out.contains("upright init --accept"), "{out}");
    let out = env.ok(&["init", "--level", "active", "--avoid", "flexion", "--accept"]);
    assert!(out.contains("saved your choices") && out.contains("disclaimer above accepted"), "{out}");
    let config = std::fs::read_to_string(env.config()).unwrap();
    assert!(
        config.contains("\nlevel = \"active\"\n") && config.contains("\navoid = [\"flexion\"]\n"),
        "{config}"
    );
    assert!(config.contains("# Starting level"), "the example's comments are kept");
    let v = env.json(&["today", "--json"]);
    let ids: Vec<&str> =
        v["exercises"].as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        ["walk", "hamstring-stretch", "thoracic-extension", "dead-bug", "side-bridge", "bird-dog"]
    );
    assert_eq!(v["exercises"][0]["dose"], "30 + 5 min");
    env.cmd(&["today"]).assert().success().stderr("");
    assert!(env.ok(&["init"]).contains("disclaimer accepted on 2026-11-24"));
    // Issue 20.1: accepting at once still prints what is accepted.
    let fresh = Env::new();
    let out = fresh.ok(&["init", "--accept"]);
    let (text, accepted) = out.split_once("disclaimer above accepted").expect("accepted");
    assert!(text.contains("not medical advice") && text.contains("osteoporosis"), "printed first: {out}");
    assert!(accepted.contains("upright safety"), "{out}");
    let safety = env.ok(&["safety"]);
    assert!(
        safety.contains("Get emergency care now")
            && safety.contains("trouble passing urine")
            && safety.contains("See a GP today"),
        "{safety}"
    );
}
