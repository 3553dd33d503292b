//! Issues 19 and 20 end to end: the CLI says what the app says (advice on `today`, the avoid
//! flags on `done`), `done --as` records the version done, walks below the first step, a harder
//! form declined with `harder ID --no`, and a hold set cut short with `done ID --partial`.

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
fn today_shows_the_check_ins_measure_beside_the_advice() {
    // COACHING.md turn 3, D: pain up 2 points between check-ins is said at once, with the measure.
    let env = Env::new("");
    env.run(&["done", "walk", "--date", "2026-11-10"]);
    env.run(&["checkin", "--pain", "3", "--activity", "socks=6", "--date", "2026-11-17"]);
    env.run(&["checkin", "--pain", "5", "--activity", "socks=6"]);
    let (json, _) = env.run(&["today", "--json"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    let said = "Your check-ins show pain 3 → 5, activities 6 → 6 since 17 Nov: worse. Please see a GP or physiotherapist.";
    assert_eq!(v["advice"], serde_json::json!([said]));
    let (_, err) = env.run(&["today"]);
    assert!(err.contains(said), "{err}");
    // Better by 30% (pain 5 → 3): nothing to say.
    let env = Env::new("");
    env.run(&["done", "walk", "--date", "2026-11-01"]);
    for (d, p) in [("2026-11-03", "5"), ("2026-11-10", "5"), ("2026-11-17", "3"), ("2026-11-24", "3")] {
        env.run(&["checkin", "--pain", p, "--date", d]);
    }
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

impl Env {
    /// Today's entry of exercise `id` in `today --json`.
    fn today(&self, id: &str) -> Value {
        let v: Value = serde_json::from_str(&self.run(&["today", "--json"]).0).unwrap();
        v["exercises"].as_array().unwrap().iter().find(|e| e["id"] == id).unwrap().clone()
    }

    fn month(&self) -> String {
        std::fs::read_to_string(self.0.path().join("data/history/2026-11.toml")).unwrap_or_default()
    }
}

/// Issue 20.5: a side bridge at the top of its knees form is offered the feet; `harder ID --no`
/// says not now (once), Today keeps the knees and says why; `harder ID` takes the feet later.
#[test]
fn harder_no_declines_and_harder_takes_it_later() {
    let env = Env::new("");
    let dir = env.0.path().join("data/history");
    std::fs::create_dir_all(&dir).unwrap();
    let mut month = String::from("version = 1\n");
    for (day, step) in [(14, 3), (17, 4), (19, 4), (21, 4), (23, 4)] {
        month += &format!(
            "\n[[entry]]\nid = \"sb{day}\"\ndate = \"2026-11-{day}\"\nat = \"2026-11-{day}T08:00:00+01:00\"\nkind = \"done\"\nexercise = \"side-bridge\"\nstep = {step}\nfeedback = \"easy\"\npain = 0\n"
        );
    }
    std::fs::write(dir.join("2026-11.toml"), month).unwrap();
    let sb = env.today("side-bridge");
    assert_eq!(
        sb["reason"],
        "Ready for side bridge on your feet: `upright harder side-bridge` to try it, `--no` for not now"
    );
    let (out, _) = env.run(&["harder", "side-bridge", "--no"]);
    assert_eq!(out, "Side bridge stays on your knees; upright harder side-bridge takes your feet any time\n");
    let sb = env.today("side-bridge");
    assert_eq!(
        (&sb["step"], &sb["dose"]),
        (&Value::from(4), &Value::from("knees 6-4-2 × 10 s holds per side"))
    );
    assert_eq!(
        sb["reason"],
        "Staying on your knees, as you chose: `upright harder side-bridge` any time for your feet"
    );
    env.run(&["harder", "side-bridge", "--no"]);
    assert_eq!(env.month().matches("kind = \"harder-declined\"").count(), 1, "declined once");
    let (out, _) = env.run(&["harder", "side-bridge"]);
    assert_eq!(out, "Side bridge on your feet from now; go gently\n");
    assert_eq!(env.today("side-bridge")["step"], 5);
    let (out, _) = env.run(&["harder", "curl-up", "--no"]);
    assert_eq!(out, "nothing harder is offered for Curl-up yet\n");
}

/// Issue 20.3: `done ID --partial` logs a hold set cut short: it counts for today, says the
/// step holds, exports as such, and the next day holds; walks and lifts refuse the flag.
#[test]
fn done_partial_is_a_session_cut_short() {
    let env = Env::new("");
    for d in ["2026-11-21", "2026-11-22"] {
        env.run(&["done", "curl-up", "--feedback", "easy", "--date", d]);
    }
    let (out, _) = env.run(&["done", "curl-up", "--feedback", "easy", "--partial", "--date", "2026-11-23"]);
    assert_eq!(
        out,
        "logged Curl-up (3-2-1 × 8 s holds) for Mon 23 Nov, cut short\n\
         Cut short: it counts for today; the step grows after full sessions.\n"
    );
    let cu = env.today("curl-up");
    assert_eq!(
        (&cu["step"], &cu["reason"]),
        (&Value::from(1), &Value::from("Same as last time: the last session was cut short"))
    );
    assert!(env.month().contains("partial = true"), "{}", env.month());
    let (json, _) = env.run(&["export", "--format", "json"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    let partial: Vec<&Value> = v["entries"].as_array().unwrap().iter().map(|e| &e["partial"]).collect();
    // Every key always present (docs/json.md): `false` where schema 1 left `partial` out.
    assert_eq!(partial, [&Value::from(false), &Value::from(false), &Value::from(true)]);
    assert!(
        env.run(&["export"]).0.lines().last().unwrap().ends_with(",true,,,,"),
        "partial, then variant, load, reps, with"
    );
    for (id, says) in
        [("walk", "a walk logs the minutes walked"), ("goblet-squat", "a lift logs the reps done")]
    {
        let out = env.cmd(&["done", id, "--partial"]).failure().get_output().clone();
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("--partial is for a hold set cut short") && err.contains(says), "{err}");
    }
}

/// Issue 20.7: `upright learn` prints this week's lesson and the list; `learn N` one lesson,
/// wrapped for an 80-column terminal; N outside 1-8 is refused.
#[test]
fn learn_prints_the_weekly_lessons() {
    let env = Env::new("");
    let out = env.run(&["learn"]).0;
    assert!(out.starts_with("Week 1 of 8: Hurt is not harm\n"), "{out}");
    assert!(out.contains("All lessons (upright learn N):") && out.contains("  8. Keeping it going"), "{out}");
    let out = env.run(&["learn", "4"]).0;
    assert!(out.starts_with("Week 4 of 8: A flare-up plan\n") && !out.contains("All lessons"), "{out}");
    assert!(out.lines().all(|l| upright::text::width(l) <= 80), "{out}");
    env.cmd(&["learn", "9"]).failure();
}

/// Rule 11 from the command line: `settled no` holds every exercise today and is logged once.
#[test]
fn settled_no_holds_today_once() {
    let env = Env::new("");
    let out = env.run(&["settled", "no"]).0;
    assert!(out.contains("every exercise holds"), "{out}");
    assert!(env.run(&["settled", "yes"]).0.contains("already answered today (no)"));
    let month = std::fs::read_to_string(env.0.path().join("data/history/2026-11.toml")).unwrap();
    assert_eq!(month.matches("kind = \"not-settled\"").count(), 1, "{month}");
}

/// Issue 20.5 from the CLI: nothing harder is offered on a first day; `harder` says so.
#[test]
fn harder_without_an_offer_says_so() {
    let env = Env::new("");
    assert!(env.run(&["harder", "side-bridge"]).0.contains("nothing harder is offered for Side bridge"));
    env.cmd(&["harder", "no-such"]).failure();
}
