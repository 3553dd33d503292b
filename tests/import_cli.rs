//! `upright import` through the real binary: real exports from phone apps and watches
//! (tests/fixtures/import, origins in its README), the table before anything is written,
//! re-imports that log nothing twice, files that do not read, and the rules `done` asks.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::upright;

fn run(dir: &Path, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_upright"))
        .env("UPRIGHT_NOW", common::NOW)
        .env("UPRIGHT_DATA_DIR", dir)
        .env("UPRIGHT_CONFIG", dir.join("config.toml"))
        .args(args)
        .output()
        .unwrap()
}

fn text(out: &Output) -> (String, String) {
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import")
}

/// A GPX walk as a phone app writes it: `minutes` of points every 10 s at `speed` m/s from
/// `start` (UTC), by `creator`, of `sport` when given.
fn gpx(path: &Path, creator: &str, start: &str, minutes: i64, speed: f64, sport: Option<&str>) {
    let t0: jiff::Timestamp = start.parse().unwrap();
    let points: String = (0..=minutes * 6)
        .map(|i| {
            let lat = 52.5 + (i as f64 * 10.0 * speed) / 111_195.0;
            let at = t0 + jiff::SignedDuration::from_secs(i * 10);
            format!("<trkpt lat=\"{lat:.7}\" lon=\"13.4\"><time>{at}</time></trkpt>\n")
        })
        .collect();
    let sport = sport.map(|s| format!("<type>{s}</type>")).unwrap_or_default();
    let doc = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" creator=\"{creator}\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n<trk>{sport}<trkseg>\n{points}</trkseg></trk>\n</gpx>\n"
    );
    std::fs::write(path, doc).unwrap();
}

/// The walk entries logged, as `upright export --format json` gives them.
fn walks(dir: &Path) -> Vec<serde_json::Value> {
    let all: serde_json::Value =
        serde_json::from_str(&upright(dir, &["export", "--format", "json"])).unwrap();
    let list = all.as_array().cloned().or_else(|| all["entries"].as_array().cloned()).unwrap();
    list.into_iter().filter(|e| e["exercise"] == "walk" && e["kind"] == "done").collect()
}

fn history(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<_> = std::fs::read_dir(dir.join("history"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".toml"))
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read_to_string(e.path()).unwrap()))
        .collect();
    files.sort();
    files
}

#[test]
fn real_exports_show_a_table_log_with_yes_and_never_twice() {
    let dir = tempfile::tempdir().unwrap();
    upright(dir.path(), &["init", "--accept"]);
    let folder = fixtures();
    let folder = folder.to_str().unwrap();
    // Without --force the old walks are asked about, as `done --date` asks: nothing is written.
    let out = run(dir.path(), &["import", folder, "--yes"]);
    let (stdout, stderr) = text(&out);
    assert!(!out.status.success(), "the file that does not read makes it fail: {stderr}");
    assert!(stdout.starts_with("Date        Start  Kind"), "{stdout}");
    assert!(
        stdout.contains("more than a year back: log Walk for it anyway? `upright import --force` logs it"),
        "{stdout}"
    );
    assert!(stdout.contains("0 to log, 1 nothing to log, 3 refused, 1 file not read"), "{stdout}");
    let before = history(dir.path());
    // With --force: the watch's ride (its own offset, -07:00), the TCX walk whose sport is
    // "Other" (a walk by its speed) and the Cruiser walk just after midnight in Berlin.
    let out = run(dir.path(), &["import", folder, "--yes", "--force"]);
    let (stdout, stderr) = text(&out);
    let rows = [
        "2017-06-12  09:09  bike                1   0.46  log              garmin_fenix5_bike.fit",
        "2018-10-01  17:00  walk (by speed)    10   0.49  log              garmin_vivoactive_walk.tcx",
        "2021-01-07  21:51  walk (by speed)     0      -  nothing to log   opentracks_timezone.gpx",
        "2021-09-07  00:10  walk (by speed)     2   0.08  log              cruiser_walk.gpx",
    ];
    for row in rows {
        assert!(stdout.contains(row), "{row}\n{stdout}");
    }
    // The OpenTracks track with its old pause markers does not read: its path and position.
    assert!(
        stdout.contains(
            "opentracks_pause_resume.gpx: not read: line 42, column 7: lat=\"100\" is not a latitude"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("logged 3 walks, rated ok"), "{stdout}");
    assert!(stderr.contains("1 file could not be read; the others were imported"), "{stderr}");
    assert!(!out.status.success());
    let logged = walks(dir.path());
    assert_eq!(logged.len(), 3);
    let ride = logged.iter().find(|e| e["date"] == "2017-06-12").unwrap();
    assert_eq!((ride["variant"].as_str(), ride["minutes"].as_u64()), (Some("bike"), Some(1)));
    assert_eq!(ride["feedback"], "ok");
    let cruiser = logged.iter().find(|e| e["date"] == "2021-09-07").unwrap();
    assert_eq!(cruiser["at"], "2021-09-08T00:10:19+02:00", "stamped with the walk's own start");
    assert_eq!(cruiser["variant"], serde_json::Value::Null, "a walk");
    let month = history(dir.path()).into_iter().find(|(n, _)| n == "2021-09.toml").unwrap().1;
    assert!(month.contains("imported_from = \"Cruiser\"") && month.contains("distance_m = 76"), "{month}");
    assert_ne!(before, history(dir.path()));
    // Again: every activity is known by its start and source; nothing is written.
    let after = history(dir.path());
    let out = run(dir.path(), &["import", folder, "--yes", "--force"]);
    let (stdout, _) = text(&out);
    assert!(stdout.contains("0 to log, 3 already logged, 1 nothing to log, 1 file not read"), "{stdout}");
    assert_eq!(after, history(dir.path()));
}

#[test]
fn an_overlapping_export_logs_each_activity_once() {
    let dir = tempfile::tempdir().unwrap();
    upright(dir.path(), &["init", "--accept"]);
    let exports = dir.path().join("exports");
    std::fs::create_dir(&exports).unwrap();
    // The same morning walk in two exports (a week's and a month's), and a second walk.
    gpx(&exports.join("week.gpx"), "OpenTracks", "2026-11-23T08:00:00Z", 6, 1.3, Some("walking"));
    gpx(&exports.join("month.gpx"), "OpenTracks", "2026-11-23T08:00:00Z", 6, 1.3, Some("walking"));
    gpx(&exports.join("evening.gpx"), "OpenTracks", "2026-11-23T17:00:00Z", 7, 1.3, Some("walking"));
    let out = upright(dir.path(), &["import", exports.to_str().unwrap(), "--yes"]);
    assert!(out.contains("2 to log, 1 already logged"), "{out}");
    assert_eq!(walks(dir.path()).len(), 2);
    // Another app's file of the same start is another activity by its source.
    gpx(&exports.join("other.gpx"), "FitoTrack", "2026-11-23T12:00:00Z", 5, 1.3, None);
    let out = upright(dir.path(), &["import", exports.to_str().unwrap(), "--yes"]);
    assert!(out.contains("1 to log, 3 already logged"), "{out}");
}

#[test]
fn the_rules_of_done_judge_each_activity_and_refusals_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    upright(dir.path(), &["init", "--accept"]);
    let d = dir.path();
    // Today (Tue 24 Nov, Berlin) asks for 3 walk bouts: a fourth walk is refused, as
    // `done walk` refuses it; a 6-hour hike is past the 300 minutes a bout may log.
    for (i, hour) in ["06:00", "06:30", "07:00", "07:20"].iter().enumerate() {
        gpx(&d.join(format!("w{i}.gpx")), "OpenTracks", &format!("2026-11-24T{hour}:00Z"), 5, 1.3, None);
    }
    gpx(&d.join("hike.gpx"), "OpenTracks", "2026-11-23T06:00:00Z", 301, 1.3, Some("hiking"));
    let files: Vec<String> = ["w0", "w1", "w2", "w3", "hike"]
        .iter()
        .map(|f| d.join(format!("{f}.gpx")).to_string_lossy().into_owned())
        .collect();
    let mut args = vec!["import", "--yes"];
    args.extend(files.iter().map(String::as_str));
    let out = run(d, &args);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "refusals are listed, not errors: {stderr}");
    assert!(stdout.contains("301 minutes is not a walk bout upright can log: give 1–300"), "{stdout}");
    assert!(stdout.contains("all 3 walk bouts for Tue 24 Nov are logged (3 of 3)"), "{stdout}");
    assert!(stdout.contains("3 to log, 2 refused"), "{stdout}");
    assert_eq!(walks(d).len(), 3);
    // A walk that has not happened yet (tomorrow on the pinned clock) is refused too.
    gpx(&d.join("later.gpx"), "OpenTracks", "2026-11-25T10:00:00Z", 5, 1.3, None);
    let out = upright(d, &["import", "--dry-run", d.join("later.gpx").to_str().unwrap()]);
    assert!(out.contains("has not come yet"), "{out}");
}

#[test]
fn dry_run_json_and_no_terminal_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    upright(dir.path(), &["init", "--accept"]);
    let d = dir.path();
    let file = d.join("walk.gpx");
    gpx(&file, "OpenTracks", "2026-11-23T08:00:00Z", 12, 1.3, Some("walking"));
    let file = file.to_str().unwrap();
    let before = history(d);
    let out = upright(d, &["import", "--dry-run", file]);
    assert!(out.contains("1 to log") && out.contains("dry run: nothing logged"), "{out}");
    // Without --yes and without a terminal to ask on: nothing, and how to log.
    let out = run(d, &["import", file]);
    assert!(!out.status.success());
    assert!(text(&out).1.contains("nothing logged: add --yes to log the 1 shown"), "{}", text(&out).1);
    let out = run(d, &["import", "--json", file]);
    assert!(!out.status.success(), "--json asks nothing");
    let doc: serde_json::Value =
        serde_json::from_str(&upright(d, &["import", "--json", "--dry-run", file])).unwrap();
    let a = &doc["activities"][0];
    assert_eq!(a["date"], "2026-11-23");
    assert_eq!(a["start"], "2026-11-23T09:00:00+01:00");
    assert_eq!(
        (a["kind"].as_str(), a["minutes"].as_u64(), a["import"].as_str()),
        (Some("walk"), Some(12), Some("log"))
    );
    assert_eq!(a["distance_m"], 936);
    assert_eq!((doc["logged"].as_u64(), doc["dry_run"].as_bool()), (Some(0), Some(true)));
    assert_eq!(before, history(d));
    let doc: serde_json::Value =
        serde_json::from_str(&upright(d, &["import", "--json", "--yes", "--feedback", "hard", file]))
            .unwrap();
    assert_eq!(doc["logged"], 1);
    assert_eq!(walks(d)[0]["feedback"], "hard");
}

#[test]
fn imported_walks_count_for_the_ten_percent_rule_and_rides_do_not() {
    // A ride of 2 minutes leaves the walk as it was; a real walk of 2 minutes is the longest
    // walk of the last 30 days, and the next walk grows from it (at most 10%, at least 1 min).
    let dose = |d: &Path| {
        let today: serde_json::Value = serde_json::from_str(&upright(d, &["today", "--json"])).unwrap();
        let walk = today["exercises"].as_array().unwrap().iter().find(|e| e["id"] == "walk").unwrap().clone();
        walk["dose"].as_str().unwrap().to_string()
    };
    let ride = tempfile::tempdir().unwrap();
    upright(ride.path(), &["init", "--accept"]);
    let before = dose(ride.path());
    gpx(&ride.path().join("r.gpx"), "OpenTracks", "2026-11-23T08:00:00Z", 2, 5.0, Some("cycling"));
    upright(ride.path(), &["import", "--yes", ride.path().join("r.gpx").to_str().unwrap()]);
    assert_eq!(dose(ride.path()), before);
    let walk = tempfile::tempdir().unwrap();
    upright(walk.path(), &["init", "--accept"]);
    gpx(&walk.path().join("w.gpx"), "OpenTracks", "2026-11-23T08:00:00Z", 2, 1.3, Some("walking"));
    upright(walk.path(), &["import", "--yes", walk.path().join("w.gpx").to_str().unwrap()]);
    assert_ne!(dose(walk.path()), before, "{before}");
    assert!(dose(walk.path()).contains("3 min"), "{}", dose(walk.path()));
}
