//! Other low-impact cardio in the walk slot and a walk's company, through the real binary:
//! `done walk --as bike|elliptical|swim|other --minutes N --with NAME` fills the day's walk,
//! shows its own mark in `upright week` and keeps the company in the entry and the week.

mod common;

use common::upright;

fn run(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_upright"))
        .env("UPRIGHT_NOW", common::NOW)
        .env("UPRIGHT_DATA_DIR", dir)
        .env("UPRIGHT_CONFIG", dir.join("config.toml"))
        .args(args)
        .output()
        .unwrap()
}

/// The walk bouts today asks for.
fn bouts(dir: &std::path::Path) -> u64 {
    let today: serde_json::Value = serde_json::from_str(&upright(dir, &["today", "--json"])).unwrap();
    let walk = today["exercises"].as_array().unwrap().iter().find(|e| e["id"] == "walk").unwrap();
    walk["sessions_needed"].as_u64().unwrap()
}

#[test]
fn every_cardio_name_is_taken_and_fills_the_walk() {
    for activity in ["bike", "elliptical", "swim", "other", "pool"] {
        let dir = tempfile::tempdir().unwrap();
        upright(dir.path(), &["init", "--accept"]);
        // Other cardio fills the day's walk by minutes (issue 26): 25 minutes are more than 3 × 5.
        let out = upright(dir.path(), &["done", "walk", "--as", activity, "--minutes", "25"]);
        assert!(out.starts_with("logged Walk (25 min) for Tue 24 Nov"), "{activity}: {out}");
        let today: serde_json::Value =
            serde_json::from_str(&upright(dir.path(), &["today", "--json"])).unwrap();
        let walk = today["exercises"].as_array().unwrap().iter().find(|e| e["id"] == "walk").unwrap();
        assert_eq!(walk["done"], true, "{activity}: the minutes fill the day's walk");
        let again = run(dir.path(), &["done", "walk", "--as", activity, "--minutes", "25"]);
        assert!(!again.status.success(), "{activity}: the walk is done");
        let week: serde_json::Value =
            serde_json::from_str(&upright(dir.path(), &["week", "--json"])).unwrap();
        let tuesday = week["days"].as_array().unwrap().iter().find(|d| d["date"] == "2026-11-24").unwrap();
        assert_eq!(tuesday["walk_minutes"], 25, "{activity}: the minutes count toward the week");
        let plain = upright(dir.path(), &["week"]);
        let row = plain.lines().find(|l| l.trim_start().starts_with("Walk")).unwrap();
        assert!(row.contains('≈') && !row.contains('✓'), "{activity}: its own mark: {row}");
        assert!(plain.contains("≈ other cardio"), "the legend names it");
    }
}

/// Issue 26 item 3: a ride is no "bout 1 of 3"; a short one leaves the rest to walk, and the
/// walks still count their bouts.
#[test]
fn other_cardio_counts_by_minutes_not_as_a_bout() {
    let dir = tempfile::tempdir().unwrap();
    upright(dir.path(), &["init", "--accept"]);
    assert_eq!(bouts(dir.path()), 3);
    let out = upright(dir.path(), &["done", "walk", "--as", "bike", "--minutes", "6"]);
    assert!(!out.contains("bout"), "{out}");
    let today: serde_json::Value = serde_json::from_str(&upright(dir.path(), &["today", "--json"])).unwrap();
    let walk = today["exercises"].as_array().unwrap().iter().find(|e| e["id"] == "walk").unwrap();
    assert_eq!((walk["done"].as_bool(), walk["minutes"].as_u64()), (Some(false), Some(6)));
    // 6 + 5 of walking is 11 of 15: not yet; one more 5-minute walk makes 16.
    upright(dir.path(), &["done", "walk"]);
    let today: serde_json::Value = serde_json::from_str(&upright(dir.path(), &["today", "--json"])).unwrap();
    let walk = today["exercises"].as_array().unwrap().iter().find(|e| e["id"] == "walk").unwrap();
    assert_eq!(walk["done"], false);
    upright(dir.path(), &["done", "walk"]);
    let today: serde_json::Value = serde_json::from_str(&upright(dir.path(), &["today", "--json"])).unwrap();
    let walk = today["exercises"].as_array().unwrap().iter().find(|e| e["id"] == "walk").unwrap();
    assert_eq!((walk["done"].as_bool(), walk["minutes"].as_u64()), (Some(true), Some(16)));
}

#[test]
fn a_real_walk_keeps_the_tick() {
    let dir = tempfile::tempdir().unwrap();
    upright(dir.path(), &["init", "--accept"]);
    for _ in 0..bouts(dir.path()) {
        upright(dir.path(), &["done", "walk", "--minutes", "25"]);
    }
    let plain = upright(dir.path(), &["week"]);
    let row = plain.lines().find(|l| l.trim_start().starts_with("Walk")).unwrap();
    assert!(row.contains('✓') && !row.contains('≈'), "{row}");
}

#[test]
fn company_is_stored_and_said() {
    let dir = tempfile::tempdir().unwrap();
    upright(dir.path(), &["init", "--accept"]);
    let out = upright(dir.path(), &["done", "walk", "--minutes", "20", "--with", "Sam"]);
    assert!(out.trim_end().ends_with(", with Sam"), "{out}");
    let month = std::fs::read_to_string(dir.path().join("history/2026-11.toml")).unwrap();
    assert!(month.contains("with = \"Sam\""), "{month}");
    let export = upright(dir.path(), &["export", "--format", "json"]);
    assert!(export.contains("\"with\":\"Sam\""), "{export}");
    // The week says who came along, as the app's week screen does.
    let week = upright(dir.path(), &["week"]);
    assert!(week.contains("  walked with Sam on Tue\n"), "{week}");
}

#[test]
fn company_is_for_walks_only() {
    let dir = tempfile::tempdir().unwrap();
    upright(dir.path(), &["init", "--accept"]);
    let out = run(dir.path(), &["done", "curl-up", "--with", "Sam"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--with is for walks"));
}
