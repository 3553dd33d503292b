//! Through the real binary: walk minutes stored as the reply announced them (issue 26 item 1),
//! and safety never costing the day (issue 24 B, COACHING.md "Turn 3 review" B): an exercise
//! stopped for pain above 5, paused for pain down a leg or held on a morning the back had not
//! settled counts for the day, with its own mark on `upright week`, in `week --json` and in the
//! report.

mod common;

use common::upright;

const OTHERS: [&str; 5] = ["hamstring-stretch", "thoracic-extension", "curl-up", "side-bridge", "bird-dog"];

fn json(dir: &std::path::Path, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&upright(dir, args)).unwrap()
}

#[test]
fn walk_minutes_are_stored_as_announced() {
    let dir = tempfile::tempdir().unwrap();
    upright(dir.path(), &["init", "--accept"]);
    // Three good days put the walk at 6 + 5 + 5 min today.
    for day in ["2026-11-21", "2026-11-22", "2026-11-23"] {
        for _ in 0..3 {
            upright(dir.path(), &["done", "walk", "--date", day]);
        }
    }
    let replies: Vec<String> = (0..3).map(|_| upright(dir.path(), &["done", "walk"])).collect();
    for (reply, minutes) in replies.iter().zip([6, 5, 5]) {
        assert!(reply.contains(&format!("({minutes} min)")), "{reply}");
    }
    let csv = upright(dir.path(), &["export", "--format", "csv"]);
    let cells: Vec<&str> = csv
        .lines()
        .filter(|l| l.contains(",2026-11-24,") && l.contains(",walk,"))
        .map(|l| l.split(',').nth(9).unwrap())
        .collect();
    assert_eq!(cells, ["6", "5", "5"], "{csv}");
    let week = json(dir.path(), &["week", "--json"]);
    assert_eq!(week["days"][1]["walk_minutes"], 16);
    let progress = json(dir.path(), &["progress", "--json"]);
    assert_eq!(progress["weeks"].as_array().unwrap().last().unwrap()["walk_minutes"], 15 + 16);
    let plain = upright(dir.path(), &["week"]);
    let minutes = plain.lines().find(|l| l.trim_start().starts_with("walk minutes")).unwrap();
    assert!(minutes.contains(" 15   16 "), "{minutes}");
}

/// A month with the day's entries written as the app would (leg symptoms cannot be reported
/// from the CLI before `safety --report`).
fn write_month(dir: &std::path::Path, entries: &[(&str, &str, Option<&str>, Option<u8>)]) {
    let mut out = String::from("version = 1\n");
    for (n, (date, kind, exercise, pain)) in entries.iter().enumerate() {
        out.push_str(&format!("\n[[entry]]\nid = \"e{n}\"\ndate = \"{date}\"\nat = \"{date}T08:{n:02}:00+01:00\"\nkind = \"{kind}\"\n"));
        if let Some(id) = exercise {
            out.push_str(&format!("exercise = \"{id}\"\nstep = 1\n"));
        }
        if let Some(p) = pain {
            out.push_str(&format!("pain = {p}\n"));
        }
    }
    std::fs::write(dir.join("history/2026-11.toml"), out).unwrap();
}

#[test]
fn stopped_paused_and_held_count_for_the_day_with_their_own_mark() {
    let dir = tempfile::tempdir().unwrap();
    upright(dir.path(), &["init", "--accept"]);
    let mut entries = vec![("2026-11-01", "disclaimer-accepted", None, None)];
    // Mon 16: the walk stopped at pain 7 after one bout, the rest done.
    entries.push(("2026-11-16", "done", Some("walk"), Some(7)));
    // Tue 17: the back had not settled; two exercises done, the rest held.
    entries.push(("2026-11-17", "not-settled", None, None));
    entries.push(("2026-11-17", "done", Some("walk"), Some(0)));
    // Wed 18: pain down a leg during the hamstring stretch; it stays paused.
    entries.push(("2026-11-18", "leg-symptoms", Some("hamstring-stretch"), None));
    for day in ["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20"] {
        if day != "2026-11-16" && day != "2026-11-17" {
            for _ in 0..3 {
                entries.push((day, "done", Some("walk"), Some(0)));
            }
        }
        for id in OTHERS {
            let paused = id == "hamstring-stretch" && day >= "2026-11-18";
            if day != "2026-11-17" && !paused {
                entries.push((day, "done", Some(id), Some(0)));
            }
        }
    }
    entries.sort_by_key(|e| e.0);
    write_month(dir.path(), &entries);
    let week = json(dir.path(), &["week", "--json", "--date", "2026-11-16"]);
    let days = week["days"].as_array().unwrap();
    for (i, day) in days.iter().take(5).enumerate() {
        assert_eq!(day["complete"], true, "day {i}: {day}");
    }
    let mark = |day: usize, row: usize| days[day]["exercises"][row]["mark"].as_str().unwrap().to_string();
    let advised = |day: usize, row: usize| days[day]["exercises"][row]["as_advised"].clone();
    assert_eq!((mark(0, 0), advised(0, 0)), ("⊘".into(), serde_json::json!("stopped as advised (pain 7)")));
    assert_eq!(
        (mark(1, 1), advised(1, 1)),
        ("⊘".into(), serde_json::json!("held as advised (back not settled)"))
    );
    assert_eq!(
        (mark(2, 1), advised(2, 1)),
        ("⊘".into(), serde_json::json!("paused as advised (pain down a leg)"))
    );
    // The week met its target on those five days: the streak did not fall.
    assert_eq!(week["weeks"][0]["meets_target"], true);
    assert_eq!(week["current_streak_weeks"], 1);
    let plain = upright(dir.path(), &["week", "--date", "2026-11-16"]);
    assert!(plain.contains("⊘ stopped as advised"), "the legend names it: {plain}");
    assert!(plain.lines().all(|l| upright::text::width(l) <= 80), "{plain}");
    let walk = plain.lines().find(|l| l.starts_with("  Walk")).unwrap();
    let marks: Vec<&str> = walk.split_whitespace().skip(1).take(5).collect();
    assert_eq!(marks, ["⊘", "⊘", "✓", "✓", "✓"], "never missed: {walk}");
    // The report counts them per week.
    let report = upright(dir.path(), &["report", "--weeks", "2"]);
    assert!(report.contains("Stopped as advised"), "the report's adherence table has the column");
    let progress = json(dir.path(), &["progress", "--json", "--weeks", "2"]);
    // Mon: the walk; Tue: everything held (one walk bout of three); Wed to Sun: the paused stretch.
    assert_eq!(progress["weeks"][0]["as_advised"], 1 + 6 + 5);
}

/// Issue 26 item 13: CLI replies name an exercise one way (its name, as `done` does), and a
/// week before the first session is not "target missed".
#[test]
fn replies_name_exercises_alike_and_weeks_before_use_are_not_missed() {
    let dir = tempfile::tempdir().unwrap();
    upright(dir.path(), &["init", "--accept"]);
    assert!(upright(dir.path(), &["done", "curl-up"]).starts_with("logged Curl-up ("));
    assert_eq!(
        upright(dir.path(), &["skip", "hamstring-stretch"]),
        "skipped Chair hamstring stretch for Tue 24 Nov\n"
    );
    assert_eq!(
        upright(dir.path(), &["undo", "curl-up"]),
        "removed Curl-up's done entry (logged at 07:30:00) for Tue 24 Nov\n"
    );
    assert_eq!(
        upright(dir.path(), &["undo", "hamstring-stretch"]),
        "removed Chair hamstring stretch's skip (logged at 07:30:00) for Tue 24 Nov\n"
    );
    let week = upright(dir.path(), &["week", "--weeks", "2"]);
    assert!(week.contains("  before your first session\n") && !week.contains("target missed"), "{week}");
}
