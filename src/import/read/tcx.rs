//! TCX (Garmin's Training Center XML, Google Fit's export) by `quick-xml` with serde: the schema
//! is small, and only the fields read here are declared (the rest is skipped).

use jiff::Timestamp;
use jiff::tz::Offset;
use serde::Deserialize;

use super::super::{Activity, Point};

#[derive(Deserialize)]
struct Database {
    #[serde(rename = "Activities")]
    activities: Option<Activities>,
    #[serde(rename = "Author")]
    author: Option<Named>,
}

#[derive(Deserialize)]
struct Activities {
    #[serde(rename = "Activity", default)]
    activity: Vec<TcxActivity>,
}

#[derive(Deserialize)]
struct TcxActivity {
    #[serde(rename = "@Sport")]
    sport: Option<String>,
    #[serde(rename = "Id")]
    id: String,
    #[serde(rename = "Lap", default)]
    laps: Vec<Lap>,
    #[serde(rename = "Creator")]
    creator: Option<Named>,
}

#[derive(Deserialize)]
struct Lap {
    #[serde(rename = "TotalTimeSeconds")]
    total_time: Option<f64>,
    #[serde(rename = "DistanceMeters")]
    distance: Option<f64>,
    #[serde(rename = "Track", default)]
    tracks: Vec<Track>,
}

#[derive(Deserialize)]
struct Track {
    #[serde(rename = "Trackpoint", default)]
    points: Vec<Trackpoint>,
}

#[derive(Deserialize)]
struct Trackpoint {
    #[serde(rename = "Time")]
    time: String,
    #[serde(rename = "Position")]
    position: Option<Position>,
    #[serde(rename = "DistanceMeters")]
    distance: Option<f64>,
}

#[derive(Deserialize)]
struct Position {
    #[serde(rename = "LatitudeDegrees")]
    lat: f64,
    #[serde(rename = "LongitudeDegrees")]
    lon: f64,
}

#[derive(Deserialize)]
struct Named {
    #[serde(rename = "Name")]
    name: Option<String>,
}

/// An ISO 8601 time: the instant, and the offset it was written with when other than UTC.
fn time(s: &str) -> Result<(Timestamp, Option<Offset>), String> {
    let s = s.trim();
    let at: Timestamp = s.parse().map_err(|e| format!("{s:?} is not a time: {e}"))?;
    Ok((at, super::time_offset(s)))
}

pub fn read(bytes: &[u8]) -> Result<Vec<Activity>, String> {
    let text =
        std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8 text (byte {})", e.valid_up_to()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let db: Database =
        quick_xml::de::from_str(text).map_err(|e| match super::xml_position(text.as_bytes()) {
            Some((line, col, why)) => format!("line {line}, column {col}: {why}"),
            None => format!("{e} (the TCX reader gives no position)"),
        })?;
    let author = db.author.and_then(|a| a.name);
    let mut out = Vec::new();
    for a in db.activities.map(|a| a.activity).unwrap_or_default() {
        let (id_start, mut offset) = time(&a.id)?;
        let mut segments = Vec::new();
        for track in a.laps.iter().flat_map(|l| &l.tracks) {
            let mut seg = Vec::new();
            for p in &track.points {
                let (at, o) = time(&p.time)?;
                offset = offset.or(o);
                seg.push(Point {
                    at,
                    pos: p.position.as_ref().map(|q| (q.lat, q.lon)),
                    distance: p.distance,
                });
            }
            segments.push(seg);
        }
        let start = segments.iter().flatten().map(|p| p.at).min().map_or(id_start, |t| t.min(id_start));
        let sum = |f: fn(&Lap) -> Option<f64>| a.laps.iter().map(f).sum::<Option<f64>>();
        let source = a.creator.and_then(|c| c.name).or(author.clone()).unwrap_or_else(|| "TCX".into());
        out.push(Activity {
            source: source.trim().to_string(),
            start,
            offset,
            sport: a.sport,
            segments,
            timer_secs: sum(|l| l.total_time),
            distance: sum(|l| l.distance),
        });
    }
    Ok(out)
}
