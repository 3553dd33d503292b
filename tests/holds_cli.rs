//! Issue 24 through the real binary: each hold (reported with the CLI alone) × each kind of
//! exercise as `today --json` shows it, the refusals of `done`, `plan` under a flare, the words of
//! `flare on` and `settled` during a lock, and `init --accept` printing the warning signs.
//! Each command runs at a pinned clock in a temporary data dir.

use common::Env;
use serde_json::Value;

mod common;

const CONFIG: &str = "level = \"active\"\n\n[strength]\nenabled = true\n\n[strength.romanian-deadlift]\nload = 30\n\n[strength.goblet-squat]\nload = 16\n";

/// Three good weeks of every exercise and lift, as prescribed, so every dose is ready to rise.
fn good_weeks(env: &Env) {
    env.ok(1, &["init", "--accept"]);
    for day in 2..=20u8 {
        let today = env.json(day, &["today", "--json"]);
        for ex in today["exercises"].as_array().unwrap() {
            let id = ex["id"].as_str().unwrap();
            for _ in 0..ex["sessions_needed"].as_u64().unwrap() {
                env.ok(day, &["done", id, "--feedback", "easy"]);
            }
        }
        for lift in today["strength"]["lifts"].as_array().unwrap() {
            env.ok(day, &["done", lift["id"].as_str().unwrap(), "--feedback", "easy"]);
        }
    }
}

/// What `today --json` says of one exercise or lift: its dose, hold, whether it is paused, and
/// its size to compare (a routine exercise's step; a lift's load and reps).
fn row(today: &Value, id: &str) -> (String, Option<String>, bool, (f64, u64)) {
    let routine = today["exercises"].as_array().unwrap().iter();
    let lifts = today["strength"]["lifts"].as_array().into_iter().flatten();
    let r = routine.chain(lifts).find(|r| r["id"] == id).unwrap_or_else(|| panic!("{id} not in {today}"));
    let size = match r.get("step") {
        Some(step) => (0.0, step.as_u64().unwrap()),
        None => (r["load"].as_f64().unwrap_or(0.0), r["reps"].as_u64().unwrap()),
    };
    (
        r["dose"].as_str().unwrap().to_string(),
        r["hold"].as_str().map(String::from),
        r["paused"].as_bool().unwrap(),
        size,
    )
}

/// The first day after the good weeks that is a strength day (lifts on the list).
fn strength_day(env: &Env) -> u8 {
    (21..=27)
        .find(|d| !env.json(*d, &["today", "--json"])["strength"]["lifts"].as_array().unwrap().is_empty())
        .unwrap()
}

#[test]
fn each_hold_on_each_kind_through_the_cli() {
    let base = Env::new(CONFIG);
    good_weeks(&base);
    let day = strength_day(&base);
    let free = base.json(day, &["today", "--json"]);
    // (how the hold is reported, then id → expected hold id and paused)
    type Case = (&'static str, Vec<&'static str>, Vec<(&'static str, Option<&'static str>, bool)>);
    let cases: Vec<Case> = vec![
        (
            "flare",
            vec!["flare", "on"],
            vec![
                ("walk", Some("flare"), false),
                ("curl-up", Some("flare"), false),
                ("romanian-deadlift", Some("flare-pause"), true),
                ("goblet-squat", Some("flare-pause"), true),
                ("suitcase-carry", Some("flare-pause"), true),
                ("one-arm-row", Some("flare"), false),
            ],
        ),
        (
            "see a GP",
            vec!["safety", "--report", "fever"],
            vec![
                ("walk", Some("gp"), false),
                ("romanian-deadlift", Some("gp"), false),
                ("one-arm-row", Some("gp"), false),
            ],
        ),
        (
            "not settled",
            vec!["settled", "no"],
            vec![("side-bridge", Some("not-settled"), false), ("goblet-squat", Some("not-settled"), false)],
        ),
        (
            "one leg in the deadlift",
            vec!["safety", "--report", "leg", "--exercise", "romanian-deadlift", "--numb", "no"],
            vec![
                ("romanian-deadlift", Some("leg-pause"), true),
                ("hamstring-stretch", Some("leg-pause"), true),
                ("goblet-squat", Some("leg-pause"), true),
                ("suitcase-carry", Some("leg-pause"), true),
                ("one-arm-row", None, false),
                ("walk", None, false),
            ],
        ),
        (
            "an emergency sign",
            vec!["safety", "--report", "chest"],
            vec![("walk", Some("locked"), false), ("romanian-deadlift", Some("locked"), true)],
        ),
    ];
    for (what, report, rows) in cases {
        let env = Env::new(CONFIG);
        copy_dir(&base.data(), &env.data());
        env.ok(day, &report);
        let today = env.json(day, &["today", "--json"]);
        for (id, hold, paused) in rows {
            let (dose, got, got_paused, size) = row(&today, id);
            assert_eq!(got.as_deref(), hold, "{what}: {id}");
            assert_eq!(got_paused, paused, "{what}: {id} paused");
            // No dose rises under a hold: today's is the free one or less.
            let (free_dose, _, _, free_size) = row(&free, id);
            if hold.is_some() {
                assert!(size.0 <= free_size.0, "{what}: {id} load rose: {free_dose} → {dose}");
                if size.0 == free_size.0 {
                    assert!(size.1 <= free_size.1, "{what}: {id} rose: {free_dose} → {dose}");
                }
            }
            if hold == Some("locked") && id == "walk" {
                assert_eq!(dose, "none while locked", "{what}: {id}");
            }
        }
        // Logging what a hold pauses is refused, exit non-zero, the reason on stderr.
        let refused = env.cmd(day, &["done", "romanian-deadlift"]).output().unwrap();
        let paused = matches!(what, "flare" | "one leg in the deadlift" | "an emergency sign");
        assert_eq!(!refused.status.success(), paused, "{what}: done romanian-deadlift");
    }
}

/// The first example: in a flare the deadlift neither stays at 30 kg nor rises after a
/// session logged in it, and the plan forecasts no rise of anything.
#[test]
fn a_flare_pauses_the_loaded_lifts_and_the_plan_holds() {
    let env = Env::new(CONFIG);
    good_weeks(&env);
    let day = strength_day(&env);
    env.ok(day, &["flare", "on"]);
    let plan = env.json(day, &["plan", "--weeks", "3", "--json"]);
    assert!(plan["hold"].as_str().unwrap().contains("Flare-up mode"), "{plan}");
    for week in plan["weeks"].as_array().unwrap() {
        for ex in week["exercises"].as_array().unwrap() {
            assert_eq!(ex["step"], 1, "the plan keeps {} at its gentlest step: {week}", ex["id"]);
        }
    }
    for day in plan["strength_days"].as_array().unwrap() {
        for lift in day["lifts"].as_array().unwrap() {
            let id = lift["id"].as_str().unwrap();
            let loaded = ["romanian-deadlift", "goblet-squat", "suitcase-carry"].contains(&id);
            assert_eq!(lift["paused"].as_bool().unwrap(), loaded, "{id} in a flare: {lift}");
        }
    }
}

#[test]
fn the_cli_reports_what_the_app_can_and_says_the_right_words() {
    let env = Env::new(CONFIG);
    let init = env.ok(1, &["init", "--accept"]);
    let (signs, accepted) = (init.find("emergency care now").unwrap(), init.find("accepted").unwrap());
    assert!(signs < accepted, "init --accept prints the warning signs before it records: {init}");
    assert!(init.contains("[both-legs]") && init.contains("over 50") && !init.contains("over 55"), "{init}");
    let on = env.ok(2, &["flare", "on"]);
    assert!(on.contains("keep gently active") && !on.to_lowercase().contains("rest is fine"), "{on}");
    env.ok(2, &["flare", "off"]);
    env.ok(2, &["done", "walk"]);
    // Both legs is the emergency path; the next morning's answer shows the lock.
    let both = env.ok(2, &["safety", "--report", "both-legs"]);
    assert!(both.contains("emergency care now"), "{both}");
    let settled = env.ok(3, &["settled", "yes"]);
    assert!(settled.contains("locked") && !settled.contains("Carry on as planned"), "{settled}");
    let nudge = env.ok(3, &["nudge"]);
    assert!(nudge.contains("locked"), "{nudge}");
    // One leg with numbness also asks for a GP today.
    env.ok(3, &["safety", "--clear"]);
    let leg = env.ok(3, &["safety", "--report", "leg", "--exercise", "curl-up", "--numb", "yes"]);
    assert!(leg.contains("GP appointment today"), "{leg}");
    let today = env.json(3, &["today", "--json"]);
    assert_eq!(today["gp_hold"], true);
    assert_eq!(row(&today, "curl-up").1.as_deref(), Some("leg-pause"));
    // Not a sign upright knows: an error naming the choices, exit non-zero, nothing logged.
    let bad = env.cmd(3, &["safety", "--report", "toothache"]).output().unwrap();
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("both-legs"));
    // Clearing an exercise paused only along with another's leg pause names the one to clear.
    let out = env.cmd(3, &["safety", "--clear", "hamstring-stretch"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("upright safety --clear curl-up"));
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
