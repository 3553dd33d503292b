//! Walks recorded by a phone or a watch (GPX, FIT, TCX) as proposed walk entries (issue 30).
//! `read` turns a file into [`Activity`]s with crates made for each format; this module decides,
//! purely, what an activity is for the coaching log: its coaching day, its kind, its moving
//! minutes and distance. `plan` asks the rules (`rules::judge`) about each and `write` saves
//! them. Nothing here reads a clock: the day start, the user's zone and today come in.

use jiff::civil::Date;
use jiff::tz::{Offset, TimeZone};
use jiff::{Timestamp, Zoned};

use crate::config::Settings;

pub mod plan;
pub mod read;
pub mod table;
pub mod write;

/// A gap between two track points longer than this is a pause, whatever the distance.
pub const MAX_GAP_SECS: f64 = 120.0;
/// Slower than this between two points is standing still (a pause the app did not mark).
pub const MIN_MOVING_SPEED: f64 = 0.2;
/// With no sport in the file, an average moving speed up to this is a walk; faster is other
/// cardio (brisk walking is ~1.7 m/s, an easy run ~2.5 m/s, a ride faster still).
pub const WALK_MAX_SPEED: f64 = 2.2;

/// One point of a recorded track.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub at: Timestamp,
    /// Latitude and longitude in degrees, when the point has a position.
    pub pos: Option<(f64, f64)>,
    /// The device's running distance in metres, when it records one (FIT and TCX do).
    pub distance: Option<f64>,
}

/// One recorded activity, as a file states it.
#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    /// The recording app or device ("OpenTracks", "fenix 5"): with `start`, what identifies
    /// the activity, so an overlapping export is not logged twice.
    pub source: String,
    pub start: Timestamp,
    /// The offset the file gives the activity's own times, when it gives one other than UTC.
    pub offset: Option<Offset>,
    /// The file's sport type, as written ("walking", "Biking", "cycling").
    pub sport: Option<String>,
    /// Track segments; a new segment is a pause/resume.
    pub segments: Vec<Vec<Point>>,
    /// The device's timer time in seconds (pauses excluded), when it records one.
    pub timer_secs: Option<f64>,
    /// The device's total distance in metres, when it records one.
    pub distance: Option<f64>,
}

/// What an activity is done as: a walk, or one of the walk's other-cardio versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Walk,
    Bike,
    Swim,
    Elliptical,
    Other,
}

impl Kind {
    /// The catalog variant of the walk it is logged as (`done walk --as VARIANT`); `None` for
    /// a walk, which counts as real walking for the 10% rule.
    pub fn variant(self) -> Option<&'static str> {
        match self {
            Kind::Walk => None,
            Kind::Bike => Some("bike"),
            Kind::Swim => Some("swim"),
            Kind::Elliptical => Some("elliptical"),
            Kind::Other => Some("other"),
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            Kind::Walk => "walk",
            Kind::Bike => "bike",
            Kind::Swim => "swim",
            Kind::Elliptical => "elliptical",
            Kind::Other => "other cardio",
        }
    }
}

/// The kind by the file's sport type; `None` when the file names none, or only a generic one
/// (then the speed decides).
pub fn kind_of_sport(sport: &str) -> Option<Kind> {
    let s = sport.trim().to_ascii_lowercase().replace([' ', '-'], "_");
    let has = |words: &[&str]| words.iter().any(|w| s.contains(w));
    // A number is an app's own code (older Strava exports: 1, 9, 10): it names no sport here.
    let code = s.chars().all(|c| c.is_ascii_digit());
    if code || ["other", "generic", "unknown", "all", "none"].contains(&s.as_str()) {
        return None;
    }
    Some(if has(&["walk", "hik", "trek"]) {
        Kind::Walk
    } else if has(&["bik", "cycl", "ride", "bicycle"]) {
        Kind::Bike
    } else if has(&["swim"]) {
        Kind::Swim
    } else if has(&["elliptical"]) {
        Kind::Elliptical
    } else {
        Kind::Other
    })
}

/// Great-circle distance in metres.
pub fn haversine(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (a.0.to_radians(), a.1.to_radians(), b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2) + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6_371_000.0 * h.sqrt().min(1.0).asin()
}

/// Moving time and distance from the track: the sum over consecutive points of one segment,
/// leaving out a gap longer than [`MAX_GAP_SECS`] and a stretch slower than
/// [`MIN_MOVING_SPEED`] (a pause). `None` when the track has no two timed points.
pub fn moving(segments: &[Vec<Point>]) -> Option<(f64, f64)> {
    let mut any = false;
    let (mut secs, mut metres) = (0.0, 0.0);
    for seg in segments {
        for w in seg.windows(2) {
            let (a, b) = (w[0], w[1]);
            let dt = b.at.as_millisecond() as f64 / 1000.0 - a.at.as_millisecond() as f64 / 1000.0;
            if dt <= 0.0 {
                continue;
            }
            any = true;
            let d = match (a.distance, b.distance, a.pos, b.pos) {
                (Some(x), Some(y), ..) => Some((y - x).max(0.0)),
                (.., Some(p), Some(q)) => Some(haversine(p, q)),
                _ => None,
            };
            if dt > MAX_GAP_SECS || d.is_some_and(|d| d / dt < MIN_MOVING_SPEED) {
                continue;
            }
            secs += dt;
            metres += d.unwrap_or(0.0);
        }
    }
    any.then_some((secs, metres))
}

/// What the coaching log needs of one activity.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub kind: Kind,
    /// Whether the kind came from the speed (the file named no sport).
    pub by_speed: bool,
    /// Moving minutes, rounded to the nearest minute.
    pub minutes: u32,
    pub distance_m: Option<u32>,
}

/// Moving minutes and distance (from the track; the device's timer and total when there is no
/// track), and the kind: the sport's, else by the average moving speed ([`WALK_MAX_SPEED`]),
/// else a walk.
pub fn summarize(a: &Activity) -> Summary {
    let (secs, metres) = match moving(&a.segments) {
        Some((secs, metres)) => (secs, Some(metres).filter(|m| *m > 0.0)),
        None => (a.timer_secs.unwrap_or(0.0), a.distance),
    };
    let sport = a.sport.as_deref().and_then(kind_of_sport);
    let speed = metres.filter(|_| secs > 0.0).map(|m| m / secs);
    let kind = sport.unwrap_or(match speed {
        Some(v) if v > WALK_MAX_SPEED => Kind::Other,
        _ => Kind::Walk,
    });
    Summary {
        kind,
        by_speed: sport.is_none(),
        minutes: (secs / 60.0).round() as u32,
        distance_m: metres.filter(|m| *m >= 1.0).map(|m| m.round() as u32),
    }
}

/// The zone the activity's own clock read: its offset when the file gives one, else the
/// user's zone (a time in UTC says nothing about where the walker was).
pub fn zone(offset: Option<Offset>, local: &TimeZone) -> TimeZone {
    offset.map_or_else(|| local.clone(), TimeZone::fixed)
}

/// The activity's start on its own wall clock.
pub fn local_start(start: Timestamp, offset: Option<Offset>, local: &TimeZone) -> Zoned {
    start.to_zoned(zone(offset, local))
}

/// The coaching day an activity starting at `start` counts for: by the config's day start on
/// the activity's own clock (a 01:30 walk belongs to the day before).
pub fn coaching_day(settings: &Settings, start: Timestamp, offset: Option<Offset>, local: &TimeZone) -> Date {
    settings.coaching_date(&local_start(start, offset, local))
}

#[cfg(test)]
mod day_props;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod write_tests;
