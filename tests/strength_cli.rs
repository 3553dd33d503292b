//! Strength days through the real binary (issue 16 part 1): `done --reps --load`, `today
//! --json`'s strength member on and off strength days, `plan`'s load forecast, and the flags'
//! errors. Each command runs at a pinned clock in a temporary data dir.

use common::Env;
use predicates::prelude::*;
use serde_json::Value;

mod common;

const LOADS: &str = "[strength.goblet-squat]\nload = 8\nincrement = 2\n";

#[test]
fn strength_is_off_unless_chosen() {
    let env = Env::accepted("");
    assert_eq!(env.json(24, &["today", "--json"])["strength"], Value::Null);
    assert!(!env.ok(24, &["today"]).contains("strength"));
}

#[test]
fn done_with_reps_and_load_is_logged_and_shown_in_today_json() {
    let env = Env::accepted(LOADS);
    let v = env.json(24, &["today", "--json"]);
    let s = &v["strength"];
    assert_eq!(s["strength_day"], true);
    assert_eq!(s["per_week"], 2);
    assert_eq!(s["units"], "kg");
    assert_eq!(s["lifts"][0]["id"], "goblet-squat");
    assert_eq!(s["lifts"][0]["dose"], "3 × 8 at 8 kg");
    assert_eq!(
        (&s["lifts"][1]["name"], &s["lifts"][1]["dose"]),
        (&"Hip-hinge drill with a broom".into(), &"3 × 8".into())
    );
    let out = env.ok(24, &["done", "goblet-squat", "--reps", "10", "--load", "8", "--feedback", "easy"]);
    assert!(out.contains("Goblet squat (3 × 10 at 8 kg)"), "{out}");
    let lift = &env.json(24, &["today", "--json"])["strength"]["lifts"][0];
    assert_eq!(
        (lift["done"].clone(), lift["done_load"].clone(), lift["done_reps"].clone()),
        (true.into(), 8.0.into(), 10.into())
    );
    let month = std::fs::read_to_string(env.data().join("history/2026-11.toml")).unwrap();
    assert!(month.contains("load = 8.0\nreps = 10\n"), "{month}");
    // Wednesday is never a strength day after Tuesday's; two a week puts the next on Friday.
    let wed = env.json(25, &["today", "--json"]);
    assert_eq!(wed["strength"]["strength_day"], false);
    assert_eq!(wed["strength"]["next_strength_day"], "2026-11-27");
    assert_eq!(wed["strength"]["lifts"], Value::Array(vec![]));
    assert!(env.ok(25, &["today"]).contains("next strength day: Friday 27 November"));
    // Friday: 10 reps done easily, so 11 next time.
    let fri = env.json(27, &["today", "--json"]);
    assert_eq!(fri["strength"]["lifts"][0]["dose"], "3 × 11 at 8 kg");
}

#[test]
fn plan_forecasts_loads_on_strength_days() {
    let env = Env::accepted(LOADS);
    let v = env.json(24, &["plan", "--weeks", "4", "--json"]);
    let days = v["strength_days"].as_array().unwrap();
    let dates: Vec<&str> = days.iter().map(|d| d["date"].as_str().unwrap()).collect();
    assert_eq!(&dates[..4], ["2026-11-24", "2026-11-27", "2026-11-30", "2026-12-03"]);
    let squat: Vec<(f64, u64)> = days
        .iter()
        .map(|d| (d["lifts"][0]["load"].as_f64().unwrap(), d["lifts"][0]["reps"].as_u64().unwrap()))
        .collect();
    // Rated ok (1-2 reps left) as planned: the reps rise after two ok sessions in a row (turn 3, E).
    assert_eq!(&squat[..7], [(8.0, 8), (8.0, 8), (8.0, 9), (8.0, 9), (8.0, 10), (8.0, 10), (8.0, 11)]);
    let text = env.ok(24, &["plan", "--weeks", "2"]);
    assert!(text.contains("strength days") && text.contains("squat 3 × 8 at 8 kg"), "{text}");
    // The same weeks as the routine's plan (Mon 23 Nov – Sun 6 Dec), within 80 columns.
    assert!(text.contains("Thu 3 Dec") && !text.contains("Mon 7 Dec"), "{text}");
    assert!(text.lines().all(|l| upright::text::width(l) <= 80), "{text}");
}

#[test]
fn reps_and_load_belong_to_the_lifts() {
    let env = Env::accepted(LOADS);
    env.cmd(24, &["done", "curl-up", "--reps", "3"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("--reps and --load are for the strength lifts"));
    env.cmd(24, &["done", "goblet-squat", "--load", "-3"]).assert().failure();
    env.cmd(24, &["done", "goblet-squat", "--load", "600"]).assert().failure();
}

#[test]
fn the_bodyweight_start_logs_no_load_and_units_may_be_pounds() {
    let env = Env::accepted("units = \"lb\"\n[strength.goblet-squat]\nload = 20\nincrement = 5\n");
    let out = env.ok(24, &["done", "goblet-squat", "--as", "sit-to-stand", "--reps", "9"]);
    assert!(out.contains("Goblet squat (3 × 9) for Tue 24 Nov, sit-to-stand, no weight"), "{out}");
    let v = env.json(24, &["today", "--json"]);
    assert_eq!(v["strength"]["units"], "lb");
    assert_eq!(v["strength"]["lifts"][0]["done_load"], Value::Null);
}

#[test]
fn week_counts_strength_days_toward_the_weekly_target() {
    let env = Env::accepted(LOADS);
    env.ok(24, &["done", "goblet-squat", "--reps", "8"]);
    env.ok(27, &["done", "one-arm-row", "--reps", "8"]);
    let v = env.json(27, &["week", "--json"]);
    let week = v["weeks"].as_array().unwrap().last().unwrap().clone();
    assert_eq!((week["strength_days"].clone(), week["strength_target"].clone()), (2.into(), 2.into()));
    assert!(env.ok(27, &["week"]).contains("2 of 2 strength days"));
    // Off: the strength members are null (every key always present, docs/json.md).
    let off = Env::accepted("");
    let weeks = &off.json(27, &["week", "--json"])["weeks"][0];
    assert!(weeks["strength_days"].is_null() && weeks["strength_target"].is_null(), "{weeks}");
}

/// Without loads each lift is its bodyweight start wherever it is shown, with its own dose (the
/// band row and the farmer carry take both sides at once); the log still names the lift.
#[test]
fn without_a_load_each_lift_is_its_start() {
    let env = Env::accepted("strength = true\n");
    let v = env.json(24, &["today", "--json"]);
    let shown = |l: &Value| (l["id"].as_str().unwrap().to_string(), l["name"].clone(), l["dose"].clone());
    let starts: Vec<_> = v["strength"]["lifts"].as_array().unwrap().iter().map(shown).collect();
    let want = [
        ("goblet-squat", "Sit-to-stand, no weight", "3 × 8"),
        ("romanian-deadlift", "Hip-hinge drill with a broom", "3 × 8"),
        ("one-arm-row", "Band row", "3 × 8"),
        ("suitcase-carry", "Farmer carry, a bag in each hand", "3 × 20 s"),
    ]
    .map(|(id, name, dose)| (id.to_string(), Value::from(name), Value::from(dose)));
    assert_eq!(starts, want);
    // The day's list says the same.
    let listed: Vec<_> = v["exercises"].as_array().unwrap()[6..].iter().map(shown).collect();
    assert_eq!(listed, want);
    let text = env.ok(24, &["today"]);
    assert!(text.contains("Farmer carry, a bag in each hand  3 × 20 s\n"), "{text}");
    assert!(!text.contains("Goblet squat") && !text.contains("no weight\n"), "{text}");
    let plan = env.ok(24, &["plan", "--weeks", "1"]);
    let line = "sit-to-stand 3 × 8 · hip-hinge drill 3 × 8 · band row 3 × 8 ·\n";
    assert!(plan.contains(line) && plan.contains("  farmer carry 3 × 20 s\n"), "{plan}");
    let out = env.ok(24, &["done", "suitcase-carry", "--reps", "25"]);
    assert!(out.contains("logged Farmer carry, a bag in each hand (3 × 25 s) for Tue 24 Nov"), "{out}");
    let month = std::fs::read_to_string(env.data().join("history/2026-11.toml")).unwrap();
    assert!(month.contains("exercise = \"suitcase-carry\"") && month.contains("reps = 25\n"), "{month}");
    assert!(!month.contains("load =") && !month.contains("variant ="), "{month}");
}

/// Strength days are never on consecutive days (issue 16): a lift done the day after one is
/// logged (it was done) with a note saying so and where the next strength day moves.
#[test]
fn a_lift_off_the_schedule_is_logged_with_a_note() {
    let env = Env::accepted("strength = true\n");
    let quiet = || predicate::str::contains("strength").not();
    env.cmd(24, &["done", "goblet-squat"]).assert().success().stderr(quiet());
    assert_eq!(env.json(25, &["today", "--json"])["strength"]["next_strength_day"], "2026-11-27");
    env.cmd(25, &["done", "goblet-squat"]).assert().success().stderr(predicate::str::contains(
        "upright: Wed 25 Nov follows Tue 24 Nov's strength day, and strength days are never back to back \
         (the muscles recover in between); logged anyway, it counts as a strength day: the next moves \
         from Fri 27 Nov to Mon 30 Nov\n",
    ));
    // Wednesday counts now: its other lifts are listed, and they log without a note.
    assert_eq!(env.json(25, &["today", "--json"])["strength"]["strength_day"], true);
    env.cmd(25, &["done", "one-arm-row"]).assert().success().stderr(quiet());
    assert_eq!(env.json(26, &["today", "--json"])["strength"]["next_strength_day"], "2026-11-30");
    // A day that is not one and not next to one says only that.
    env.cmd(27, &["done", "goblet-squat"])
        .assert()
        .success()
        .stderr(predicate::str::contains("upright: Fri 27 Nov is not a strength day; logged anyway"));
}

/// A loaded lift done once as its bodyweight start: logged without a load, and the next
/// strength day keeps the load (it used to fall back to the bodyweight start).
#[test]
fn the_bodyweight_start_in_a_loaded_lifts_place_keeps_the_load() {
    let env = Env::accepted(LOADS);
    env.ok(24, &["done", "goblet-squat", "--reps", "10", "--feedback", "easy"]);
    assert_eq!(env.json(27, &["today", "--json"])["strength"]["lifts"][0]["dose"], "3 × 11 at 8 kg");
    env.ok(27, &["done", "goblet-squat", "--as", "sit-to-stand"]);
    let month = std::fs::read_to_string(env.data().join("history/2026-11.toml")).unwrap();
    assert_eq!(month.matches("load = 8.0").count(), 1, "the start carries no load: {month}");
    let s = &env.json(30, &["today", "--json"])["strength"];
    assert_eq!(s["lifts"][0]["dose"], "3 × 11 at 8 kg", "what was due, held: {s}");
}

/// Turn 3, E: a load set in config after a bodyweight start applies at the next session, and
/// `strength = true` with the lift table of docs/coaching.md is an error naming the key.
#[test]
fn a_config_load_applies_at_the_next_session_on_an_existing_history() {
    let env = Env::accepted("[strength]\nenabled = true\n");
    env.ok(24, &["done", "goblet-squat", "--reps", "12", "--feedback", "easy"]);
    assert_eq!(env.json(27, &["today", "--json"])["strength"]["lifts"][0]["dose"], "3 × 12");
    std::fs::write(env.dir.path().join("config.toml"), format!("[strength]\nenabled = true\n{LOADS}"))
        .unwrap();
    let lift = &env.json(27, &["today", "--json"])["strength"]["lifts"][0];
    assert_eq!(lift["dose"], "3 × 8 at 8 kg", "{lift}");
    std::fs::write(env.dir.path().join("config.toml"), format!("strength = true\n{LOADS}")).unwrap();
    env.cmd(27, &["today"]).assert().failure().stderr(
        predicate::str::contains("the key `strength`").and(predicate::str::contains("enabled = true")),
    );
}
