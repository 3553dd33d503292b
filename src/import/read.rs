//! A file to [`Activity`]s, by crates made for each format: `gpx` for GPX, `fitparser` for FIT,
//! `quick-xml` with serde for TCX (a small XML schema). A file that does not parse is an error
//! naming the parser's position where it gives one (line and column of the XML, the byte of a
//! FIT file).

use std::path::Path;

use jiff::Timestamp;
use jiff::tz::Offset;

use super::{Activity, Point};

mod fit;
mod tcx;

/// The formats read, by file extension.
pub const EXTENSIONS: [&str; 3] = ["gpx", "fit", "tcx"];

/// Whether `path` names a file `import` reads (by its extension, any case).
pub fn is_activity_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// The largest file read (a day-long track at one point a second is ~20 MB of GPX).
const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// The activities in the file at `path`. The error names the position where the parser gives one.
pub fn read_file(path: &Path) -> Result<Vec<Activity>, String> {
    let size = std::fs::metadata(path).map_err(|e| format!("cannot read it: {e}"))?.len();
    if size > MAX_BYTES {
        return Err(format!("it is {size} bytes; the largest activity file read is {MAX_BYTES}"));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read it: {e}"))?;
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    match ext.as_str() {
        "gpx" => gpx(&bytes, &name),
        "fit" => fit::read(&bytes),
        "tcx" => tcx::read(&bytes),
        _ => Err(format!("not an activity file: upright imports {}", EXTENSIONS.join(", "))),
    }
}

/// The offset a time was written with, when other than UTC (`Z` or `+00:00` say nothing of
/// where the walker was).
fn own_offset(seconds: i32) -> Option<Offset> {
    (seconds != 0).then(|| Offset::from_seconds(seconds).ok()).flatten()
}

fn gpx(bytes: &[u8], name: &str) -> Result<Vec<Activity>, String> {
    let doc = gpx::read(bytes).map_err(|e| match xml_position(bytes).or_else(|| bad_point(bytes)) {
        Some((line, col, why)) => format!("line {line}, column {col}: {why}"),
        None => format!("{e} (the GPX reader gives no position)"),
    })?;
    // The gpx crate hands times over in UTC: the offset they were written with is read from the
    // first track point's time.
    let offset = first_time(bytes).and_then(|t| time_offset(&t));
    let creator = doc.creator.clone().filter(|c| !c.trim().is_empty());
    let mut out = Vec::new();
    for track in &doc.tracks {
        let segments: Vec<Vec<Point>> = track
            .segments
            .iter()
            .map(|seg| {
                seg.points
                    .iter()
                    .filter_map(|p| {
                        let t: time::OffsetDateTime = p.time?.into();
                        let at = Timestamp::from_nanosecond(t.unix_timestamp_nanos()).ok()?;
                        let pt = p.point();
                        Some(Point { at, pos: Some((pt.y(), pt.x())), distance: None })
                    })
                    .collect::<Vec<_>>()
            })
            .filter(|s| !s.is_empty())
            .collect();
        let Some(start) = segments.iter().flatten().map(|p| p.at).min() else { continue };
        let source = creator.clone().or(track.source.clone()).unwrap_or_else(|| format!("GPX {name}"));
        out.push(Activity {
            source,
            start,
            offset,
            sport: track.type_.clone(),
            segments,
            timer_secs: None,
            distance: None,
        });
    }
    Ok(out)
}

/// The offset an ISO 8601 time was written with, when other than UTC.
pub(super) fn time_offset(s: &str) -> Option<Offset> {
    match jiff::fmt::temporal::Pieces::parse(s.trim()).ok()?.offset()? {
        jiff::fmt::temporal::PiecesOffset::Numeric(n) => own_offset(n.offset().seconds()),
        _ => None,
    }
}

/// The text of the first `<time>` inside a `<trkpt>`.
fn first_time(bytes: &[u8]) -> Option<String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let (mut buf, mut in_point, mut in_time) = (Vec::new(), false, false);
    loop {
        match reader.read_event_into(&mut buf).ok()? {
            Event::Start(e) if e.local_name().as_ref() == "trkpt" => in_point = true,
            Event::Start(e) if in_point && e.local_name().as_ref() == "time" => in_time = true,
            Event::Text(t) if in_time => return Some(t.into_inner().into_owned()),
            Event::End(e) if e.local_name().as_ref() == "trkpt" => in_point = false,
            Event::Eof => return None,
            _ => {}
        }
        buf.clear();
    }
}

/// Where a well-formed GPX has a point out of range (the gpx crate says which value, not
/// where): the line and column of the first point whose latitude or longitude is off the globe.
fn bad_point(bytes: &[u8]) -> Option<(usize, usize, String)> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut buf = Vec::new();
    loop {
        let at = usize::try_from(reader.buffer_position()).unwrap_or(0);
        match reader.read_event_into(&mut buf).ok()? {
            Event::Start(e) | Event::Empty(e) if ["trkpt", "wpt", "rtept"].contains(&e.local_name().as_ref()) => {
                for (name, limit) in [("lat", 90.0), ("lon", 180.0)] {
                    let value = e.try_get_attribute(name).ok().flatten();
                    let value = value.map(|v| v.value.into_owned());
                    if let Some(v) = value.filter(|v| v.trim().parse::<f64>().map_or(true, |x| x.abs() > limit)) {
                        let (line, col) = crate::text::position(&String::from_utf8_lossy(bytes), at);
                        return Some((line, col, format!("{name}=\"{v}\" is not a {name}itude (-{limit} to {limit})")));
                    }
                }
            }
            Event::Eof => return None,
            _ => {}
        }
        buf.clear();
    }
}

/// The first place the XML is not well formed, by `quick-xml`: line, column and why. For the
/// formats whose reader stops without saying where.
pub(super) fn xml_position(bytes: &[u8]) -> Option<(usize, usize, String)> {
    let mut reader = quick_xml::Reader::from_reader(bytes);
    reader.config_mut().check_end_names = true;
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(quick_xml::events::Event::Eof) => return None,
            Ok(_) => buf.clear(),
            Err(e) => {
                let at = usize::try_from(reader.error_position()).unwrap_or(0);
                let text = String::from_utf8_lossy(&bytes[..at.min(bytes.len())]);
                let line = text.matches('\n').count() + 1;
                let col = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                return Some((line, col, e.to_string()));
            }
        }
    }
}

#[cfg(test)]
mod tests;
