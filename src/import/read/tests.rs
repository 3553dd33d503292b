//! The readers on real exports (tests/fixtures/import, origins in its README).

use std::path::PathBuf;

use jiff::tz::Offset;

use super::read_file;
use crate::import::{Activity, Kind, summarize};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name)
}

fn one(name: &str) -> Activity {
    let mut all = read_file(&fixture(name)).unwrap();
    assert_eq!(all.len(), 1, "{name}");
    all.remove(0)
}

#[test]
fn cruiser_gpx_is_a_two_minute_walk_by_speed() {
    let a = one("cruiser_walk.gpx");
    assert_eq!((a.source.as_str(), a.start.to_string().as_str()), ("Cruiser", "2021-09-07T22:10:19Z"));
    assert_eq!(a.offset, None, "written in UTC");
    let s = summarize(&a);
    assert_eq!((s.kind, s.by_speed, s.minutes, s.distance_m), (Kind::Walk, true, 2, Some(76)));
}

#[test]
fn opentracks_gpx_keeps_its_own_offset() {
    let a = one("opentracks_timezone.gpx");
    assert_eq!(a.source, "OpenTracks (Debug)");
    assert_eq!(a.offset, Some(Offset::from_seconds(75 * 60).unwrap()));
    assert_eq!(a.start.to_string(), "2021-01-07T20:36:59.179Z");
    // One point: no moving time to log.
    assert_eq!(summarize(&a).minutes, 0);
}

#[test]
fn opentracks_legacy_pause_markers_are_reported_with_their_line() {
    // OpenTracks' old exports marked a pause with latitude 100 and a resume with 200: not GPX.
    let e = read_file(&fixture("opentracks_pause_resume.gpx")).unwrap_err();
    assert_eq!(e, "line 42, column 7: lat=\"100\" is not a latitude (-90 to 90)");
}

#[test]
fn fenix_fit_is_a_ride_with_the_watch_offset() {
    let a = one("garmin_fenix5_bike.fit");
    assert_eq!((a.source.as_str(), a.sport.as_deref()), ("garmin fenix5", Some("cycling")));
    assert_eq!(a.start.to_string(), "2017-06-12T16:09:22Z");
    assert_eq!(a.offset, Some(Offset::from_hours(-7).unwrap()));
    let s = summarize(&a);
    assert_eq!((s.kind, s.by_speed, s.minutes, s.distance_m), (Kind::Bike, false, 1, Some(460)));
}

#[test]
fn vivoactive_tcx_other_sport_is_a_walk_by_speed_and_pauses_are_left_out() {
    let a = one("garmin_vivoactive_walk.tcx");
    assert_eq!((a.source.as_str(), a.sport.as_deref()), ("vívoactive HR", Some("Other")));
    let span = a.segments[0].last().unwrap().at.duration_since(a.start).as_secs();
    assert_eq!(span, 630, "10.5 minutes from the first point to the last");
    let s = summarize(&a);
    assert_eq!((s.kind, s.by_speed, s.minutes, s.distance_m), (Kind::Walk, true, 10, Some(494)));
}

#[test]
fn broken_files_name_the_parsers_position() {
    let dir = tempfile::tempdir().unwrap();
    let gpx = dir.path().join("cut.gpx");
    std::fs::write(&gpx, "<gpx version=\"1.1\" creator=\"x\">\n  <trk><trkseg>\n  </trk>\n</gpx>").unwrap();
    let e = read_file(&gpx).unwrap_err();
    assert!(e.starts_with("line 3, column "), "{e}");
    let tcx = dir.path().join("cut.tcx");
    std::fs::write(
        &tcx,
        "<TrainingCenterDatabase>\n<Activities>\n<Activity Sport=\"Walking\">\n</Activities>",
    )
    .unwrap();
    let e = read_file(&tcx).unwrap_err();
    assert!(e.starts_with("line 4, column "), "{e}");
    let fit = dir.path().join("cut.fit");
    let bytes = std::fs::read(fixture("garmin_fenix5_bike.fit")).unwrap();
    std::fs::write(&fit, &bytes[..bytes.len() / 2]).unwrap();
    let e = read_file(&fit).unwrap_err();
    assert!(!e.is_empty(), "{e}");
}
