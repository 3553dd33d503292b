//! The pure decisions of an import: the kind by sport or speed, moving time without pauses.

use jiff::Timestamp;

use super::{Activity, Kind, Point, kind_of_sport, moving, summarize};

fn at(secs: i64) -> Timestamp {
    Timestamp::from_second(1_700_000_000 + secs).unwrap()
}

/// A point `metres` north of the first, `secs` after it.
fn pt(secs: i64, metres: f64) -> Point {
    Point { at: at(secs), pos: Some((45.0 + metres / 111_195.0, 7.0)), distance: None }
}

fn activity(sport: Option<&str>, segments: Vec<Vec<Point>>) -> Activity {
    Activity {
        source: "test".into(),
        start: at(0),
        offset: None,
        sport: sport.map(str::to_string),
        segments,
        timer_secs: None,
        distance: None,
    }
}

#[test]
fn kind_by_the_files_sport_type() {
    let table = [
        ("walking", Some(Kind::Walk)),
        ("Hiking", Some(Kind::Walk)),
        ("nordic_walking", Some(Kind::Walk)),
        ("cycling", Some(Kind::Bike)),
        ("Biking", Some(Kind::Bike)),
        ("mountain biking", Some(Kind::Bike)),
        ("swimming", Some(Kind::Swim)),
        ("open-water swimming", Some(Kind::Swim)),
        ("elliptical", Some(Kind::Elliptical)),
        ("Running", Some(Kind::Other)),
        ("rowing", Some(Kind::Other)),
        ("Other", None),
        ("generic", None),
        ("unknown", None),
        ("", None),
        ("10", None),
    ];
    for (sport, kind) in table {
        assert_eq!(kind_of_sport(sport), kind, "{sport:?}");
    }
}

#[test]
fn without_a_sport_the_speed_decides() {
    // 1.4 m/s for 20 minutes: a walk. 3 m/s: other cardio. The sport, when given, wins.
    let track = |speed: f64| vec![(0..=120).map(|i| pt(i * 10, i as f64 * 10.0 * speed)).collect::<Vec<_>>()];
    let walk = summarize(&activity(None, track(1.4)));
    assert_eq!((walk.kind, walk.by_speed, walk.minutes), (Kind::Walk, true, 20));
    assert_eq!(walk.distance_m, Some(1680));
    let fast = summarize(&activity(None, track(3.0)));
    assert_eq!((fast.kind, fast.by_speed), (Kind::Other, true));
    let hike = summarize(&activity(Some("hiking"), track(3.0)));
    assert_eq!((hike.kind, hike.by_speed), (Kind::Walk, false));
    // No distance at all: a walk (nothing says otherwise); the device's timer gives the minutes.
    let mut bare = activity(None, vec![]);
    bare.timer_secs = Some(1490.0);
    let s = summarize(&bare);
    assert_eq!((s.kind, s.minutes, s.distance_m), (Kind::Walk, 25, None));
}

#[test]
fn pauses_are_left_out_of_the_moving_time() {
    // 10 minutes walking, a new segment (the app's pause) 30 minutes later, 5 more minutes.
    let first: Vec<Point> = (0..=60).map(|i| pt(i * 10, i as f64 * 13.0)).collect();
    let second: Vec<Point> = (0..=30).map(|i| pt(2400 + i * 10, 800.0 + i as f64 * 13.0)).collect();
    let (secs, _) = moving(&[first.clone(), second.clone()]).unwrap();
    assert_eq!(secs, 900.0);
    // The same points in one segment: the 30-minute gap is a pause all the same.
    let joined: Vec<Point> = first.iter().chain(&second).copied().collect();
    assert_eq!(moving(&[joined]).unwrap().0, 900.0);
    // Standing still for 5 minutes with a point every 10 s (no pause pressed): left out.
    let standing: Vec<Point> =
        (0..=60).map(|i| pt(i * 10, i as f64 * 13.0)).chain((61..=90).map(|i| pt(i * 10, 780.0))).collect();
    assert_eq!(moving(&[standing]).unwrap().0, 600.0);
    // Points without positions (an indoor recording) count while they come close together.
    let indoor: Vec<Point> = (0..=30).map(|i| Point { at: at(i * 60), pos: None, distance: None }).collect();
    assert_eq!(moving(&[indoor]).unwrap().0, 1800.0);
    assert_eq!(moving(&[vec![pt(0, 0.0)]]), None, "one point is no track");
}

#[test]
fn a_running_distance_wins_over_positions() {
    // FIT and TCX record the device's own distance; jumps in GPS positions do not add to it.
    let pts: Vec<Point> = (0..=6)
        .map(|i| Point {
            at: at(i * 10),
            pos: Some((45.0 + (i % 2) as f64 * 0.01, 7.0)),
            distance: Some(i as f64 * 12.0),
        })
        .collect();
    let (secs, metres) = moving(&[pts]).unwrap();
    assert_eq!((secs, metres), (60.0, 72.0));
}
