//! GPX (OpenTracks, FitoTrack, Gadgetbridge, Strava, most phone apps) by `quick-xml` with
//! serde, as TCX: the GPX 1.1 schema's tracks, segments and points; extensions and waypoints
//! are skipped. (The `gpx` crate, on `xml-rs`, took 1.4 s for a year of daily walks; this
//! reads them in a fraction of that.)

use jiff::Timestamp;
use serde::Deserialize;

use super::super::{Activity, Point};

#[derive(Deserialize)]
struct Gpx {
    #[serde(rename = "@creator")]
    creator: Option<String>,
    #[serde(rename = "trk", default)]
    tracks: Vec<Track>,
}

#[derive(Deserialize)]
struct Track {
    #[serde(rename = "src")]
    source: Option<String>,
    #[serde(rename = "type")]
    sport: Option<String>,
    #[serde(rename = "trkseg", default)]
    segments: Vec<Segment>,
}

#[derive(Deserialize)]
struct Segment {
    #[serde(rename = "trkpt", default)]
    points: Vec<TrackPoint>,
}

#[derive(Deserialize)]
struct TrackPoint {
    #[serde(rename = "@lat")]
    lat: f64,
    #[serde(rename = "@lon")]
    lon: f64,
    time: Option<String>,
}

pub fn read(bytes: &[u8], name: &str) -> Result<Vec<Activity>, String> {
    let text =
        std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8 text (byte {})", e.valid_up_to()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let at = |(line, col, why): (usize, usize, String)| format!("line {line}, column {col}: {why}");
    let doc: Gpx = quick_xml::de::from_str(text).map_err(|e| match super::xml_position(text.as_bytes()) {
        Some(p) => at(p),
        None => format!("{e} (the GPX reader gives no position)"),
    })?;
    // A point off the globe is no GPX (OpenTracks' old pause markers were latitude 100 and 200).
    let off = |p: &TrackPoint| !(p.lat.abs() <= 90.0 && p.lon.abs() <= 180.0);
    if doc.tracks.iter().flat_map(|t| &t.segments).flat_map(|s| &s.points).any(off) {
        return Err(super::bad_point(text.as_bytes()).map_or("a point is off the globe".into(), at));
    }
    let creator = doc.creator.filter(|c| !c.trim().is_empty());
    let mut out = Vec::new();
    for track in doc.tracks {
        let mut offset = None;
        let mut segments = Vec::new();
        for seg in track.segments {
            let mut points = Vec::with_capacity(seg.points.len());
            for p in seg.points {
                let Some(time) = p.time else { continue };
                let t: Timestamp = time
                    .trim()
                    .parse()
                    .map_err(|e| format!("a track point's time {time:?} is not a time: {e}"))?;
                if offset.is_none() {
                    offset = super::time_offset(&time);
                }
                points.push(Point { at: t, pos: Some((p.lat, p.lon)), distance: None });
            }
            if !points.is_empty() {
                segments.push(points);
            }
        }
        let Some(start) = segments.iter().flatten().map(|p| p.at).min() else { continue };
        let source = creator.clone().or(track.source).unwrap_or_else(|| format!("GPX {name}"));
        out.push(Activity {
            source,
            start,
            offset,
            sport: track.sport,
            segments,
            timer_secs: None,
            distance: None,
        });
    }
    Ok(out)
}
