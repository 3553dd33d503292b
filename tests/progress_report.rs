//! `upright checkin`, `upright progress` and `upright report` on the real binary in a temp data
//! dir, and the report looked at in headless Chromium where it is installed.

mod common;

use std::process::Command;

use common::upright;

fn run(data: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_upright"))
        .env("UPRIGHT_NOW", common::NOW)
        .env("UPRIGHT_DATA_DIR", data)
        .env("UPRIGHT_CONFIG", data.join("config.toml"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn checkin_is_logged_listed_exported_and_charted() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    upright(d, &["done", "curl-up", "--pain", "3", "--date", "2026-11-16"]);
    let out = upright(
        d,
        &[
            "checkin",
            "--pain",
            "6",
            "--activity",
            "put on socks=3",
            "--activity",
            "sit through a film=5",
            "--date",
            "2026-11-17",
        ],
    );
    assert!(out.contains("pain 6 · put on socks 3 · sit through a film 5"), "{out}");
    upright(d, &["checkin", "--pain", "5", "--activity", "put on socks=4"]);
    let v: serde_json::Value = serde_json::from_str(&upright(d, &["checkin", "--json"])).unwrap();
    let list = v["checkins"].as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["date"], "2026-11-17");
    assert_eq!(list[0]["activities"][1], serde_json::json!({ "name": "sit through a film", "score": 5 }));
    assert_eq!(list[1]["pain"], 5);
    let csv = upright(d, &["export", "--format", "csv"]);
    assert!(csv.contains(",checkin,,,,,6,,,,put on socks=3; sit through a film=5,,,,,\n"), "{csv}");
    let json: serde_json::Value = serde_json::from_str(&upright(d, &["export", "--format", "json"])).unwrap();
    assert!(
        json["entries"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["kind"] == "checkin" && e["activities"][0]["score"] == 3)
    );
    // Bad values are refused and nothing is logged.
    for bad in [
        &["checkin", "--activity", "socks"][..],
        &["checkin", "--pain", "11"],
        &["checkin", "--activity", "a=1", "--activity", "a=2"],
    ] {
        let out = run(d, bad);
        assert!(!out.status.success(), "{bad:?}");
    }
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&upright(d, &["checkin", "--json"])).unwrap()["checkins"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    // Progress: the same numbers by week.
    let p: serde_json::Value = serde_json::from_str(&upright(d, &["progress", "--json"])).unwrap();
    let weeks = p["weeks"].as_array().unwrap();
    assert_eq!(weeks.len(), 2, "since the start: {p}");
    assert_eq!(weeks[0]["week_start"], "2026-11-16");
    assert_eq!((weeks[0]["checkin_pain"].clone(), weeks[1]["checkin_pain"].clone()), (6.into(), 5.into()));
    assert_eq!(weeks[0]["session_pain"], 3.0);
    assert_eq!(weeks[0]["activities"]["sit through a film"], 5);
    assert_eq!(weeks[1]["activities"]["put on socks"], 4);
    assert_eq!(weeks[0]["steps"]["curl-up"], 1);
    // The verdict behind the "not better" advice and the recurrences (issue 29, items 9 and 11).
    assert_eq!(p["verdict"]["verdict"], "no important change", "{p}");
    assert_eq!(
        p["verdict"]["pain"],
        serde_json::json!({ "baseline": 6.0, "now": 5.0, "verdict": "no important change" })
    );
    assert_eq!(p["recurrences"]["episodes"].as_array().unwrap().len(), 0);
    assert_eq!(p["recurrences"]["days_since_last"], serde_json::Value::Null);
    let text = upright(d, &["progress"]);
    assert!(
        text.contains("Check-ins: no important change (pain 6 → 5")
            && text.contains("Recurrences: No flare-ups"),
        "{text}"
    );
    assert!(text.contains("A1: put on socks") && text.contains("16 Nov"), "{text}");
}

#[test]
fn report_writes_one_html_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("config.toml"), "name = \"Sam\"\n").unwrap();
    upright(d, &["done", "walk", "--minutes", "10", "--note", "a <b>good</b> walk", "--date", "2026-11-20"]);
    upright(d, &["checkin", "--pain", "4", "--activity", "put on socks=6"]);
    // Outside the data folder: a report inside it is refused (issue 27).
    let elsewhere = tempfile::tempdir().unwrap();
    let file = elsewhere.path().join("report.html");
    let out = upright(d, &["report", "--weeks", "4", "--out", file.to_str().unwrap()]);
    assert!(out.contains("written to"), "{out}");
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("For <strong>Sam</strong>"));
    assert!(html.contains("a &lt;b&gt;good&lt;/b&gt; walk") && html.contains("id=\"chart-pain\""));
    let stdout = upright(d, &["report"]);
    assert!(stdout.starts_with("<!DOCTYPE html>") && stdout.trim_end().ends_with("</html>"));
}

/// Renders the sample report with `scripts/report-shot.sh` (PNG of page 1 and an A4 PDF) where
/// Chromium is installed; elsewhere says why it skipped.
#[test]
fn report_renders_in_chromium() {
    let found = ["chromium", "chromium-browser", "google-chrome"].iter().any(|b| {
        Command::new("sh").args(["-c", &format!("command -v {b}")]).output().is_ok_and(|o| o.status.success())
    });
    if !found {
        eprintln!("skipped: no chromium on PATH (Debian: apt-get install chromium)");
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let status = Command::new(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/report-shot.sh"))
        .arg(out.path())
        .status()
        .unwrap();
    assert!(status.success());
    let png = std::fs::read(out.path().join("report.png")).unwrap();
    assert!(png.starts_with(b"\x89PNG") && png.len() > 20_000, "a real picture");
    let pdf = std::fs::read(out.path().join("report.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF") && pdf.len() > 20_000, "a real PDF");
    // The first page ("At a glance", everything before the appendix) fits one A4 page, and the
    // whole report has more.
    let pages = |pdf: &[u8]| {
        let text = String::from_utf8_lossy(pdf);
        text.split("/Count ")
            .skip(1)
            .filter_map(|s| s.split(|c: char| !c.is_ascii_digit()).next()?.parse::<u32>().ok())
            .max()
    };
    let page1 = std::fs::read(out.path().join("page1.pdf")).unwrap();
    assert_eq!(pages(&page1), Some(1), "the first page is one A4 page");
    assert!(pages(&pdf).is_some_and(|n| n > 1));
}

/// In maintenance (26 weeks after the first session) `week` keeps the weekly walking target in
/// sight; before it, the line is not there (issue 29, item 10).
#[test]
fn week_shows_the_walking_target_in_maintenance() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    upright(d, &["done", "walk", "--minutes", "20", "--date", "2026-11-23"]);
    let before = upright(d, &["week"]);
    assert!(!before.contains("of 150 minutes"), "{before}");
    upright(d, &["done", "curl-up", "--date", "2026-04-06", "--force"]);
    let after = upright(d, &["week"]);
    assert!(after.contains("walking: 20 of 150 minutes this week (e.g. 5 × 30), 130 to go"), "{after}");
}

/// The RMDQ from the command line: the answers for scripts, logged as an `rmdq` entry, the verdict
/// against the first one, and refused without answers off a terminal (issue 29, item 8).
#[test]
fn rmdq_is_logged_from_its_answers_and_judged() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    upright(d, &["done", "curl-up", "--date", "2026-10-19", "--force"]);
    let first = upright(d, &["checkin", "--rmdq", "1,2,3,4,5,6,7,8,9,10", "--date", "2026-10-20"]);
    assert!(first.contains("10 of 24"), "{first}");
    let v: serde_json::Value =
        serde_json::from_str(&upright(d, &["checkin", "--rmdq", "yyynnnnnnnnnnnnnnnnnnnnn", "--json"]))
            .unwrap();
    assert_eq!((v["rmdq"].clone(), v["verdict"].clone()), (3.into(), "important improvement".into()), "{v}");
    assert_eq!(v["baseline"]["rmdq"], 10);
    let json: serde_json::Value = serde_json::from_str(&upright(d, &["export", "--format", "json"])).unwrap();
    let logged: Vec<&serde_json::Value> =
        json["entries"].as_array().unwrap().iter().filter(|e| e["kind"] == "rmdq").collect();
    assert_eq!(logged.len(), 2);
    assert_eq!(logged[1]["answers"], "yyynnnnnnnnnnnnnnnnnnnnn");
    let p: serde_json::Value = serde_json::from_str(&upright(d, &["progress", "--json"])).unwrap();
    assert_eq!(p["rmdq"]["verdict"], "important improvement", "{p}");
    assert_eq!(p["rmdq"]["baseline"]["date"], "2026-10-20");
    // Off a terminal without answers, or with bad ones: refused, nothing logged.
    for bad in [&["checkin", "--rmdq"][..], &["checkin", "--rmdq", "25"], &["checkin", "--rmdq", "yyn"]] {
        let out = run(d, bad);
        assert!(!out.status.success(), "{bad:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("nothing was logged"), "{bad:?}");
    }
    let json: serde_json::Value = serde_json::from_str(&upright(d, &["export", "--format", "json"])).unwrap();
    assert_eq!(json["entries"].as_array().unwrap().iter().filter(|e| e["kind"] == "rmdq").count(), 2);
}

/// Issue 29.8: the weekly check-in offers the questionnaire when it is due (every 4 weeks), and
/// not the week after one was answered.
#[test]
fn the_check_in_offers_the_rmdq_when_it_is_due() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let first = upright(d, &["checkin", "--pain", "4", "--date", "2026-11-10"]);
    assert!(
        first.contains("Roland-Morris questionnaire") && first.contains("upright checkin --rmdq"),
        "{first}"
    );
    upright(d, &["checkin", "--rmdq", "none", "--date", "2026-11-10"]);
    let next = upright(d, &["checkin", "--pain", "3", "--date", "2026-11-17"]);
    assert!(!next.contains("Roland-Morris"), "answered a week ago: {next}");
    let later = upright(d, &["checkin", "--pain", "3"]);
    assert!(!later.contains("Roland-Morris"), "two weeks after: {later}");
}
