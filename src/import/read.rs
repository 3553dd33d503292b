//! A file to [`Activity`]s, by well-kept crates: `fitparser` for FIT, `quick-xml` with serde
//! for the two XML formats, GPX and TCX (small schemas; only the fields read are declared). A
//! file that does not parse is an error naming the parser's position where it gives one (line
//! and column of the XML, the byte of a FIT file).

use std::path::Path;

use jiff::tz::Offset;

use super::Activity;

mod fit;
mod gpx;
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
        "gpx" => gpx::read(&bytes, &name),
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

/// The offset an ISO 8601 time was written with, when other than UTC.
pub(super) fn time_offset(s: &str) -> Option<Offset> {
    match jiff::fmt::temporal::Pieces::parse(s.trim()).ok()?.offset()? {
        jiff::fmt::temporal::PiecesOffset::Numeric(n) => own_offset(n.offset().seconds()),
        _ => None,
    }
}

/// Where a well-formed GPX has a point out of range: the line and column of the first point whose latitude or longitude is off the globe.
pub(super) fn bad_point(bytes: &[u8]) -> Option<(usize, usize, String)> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut buf = Vec::new();
    loop {
        let at = usize::try_from(reader.buffer_position()).unwrap_or(0);
        match reader.read_event_into(&mut buf).ok()? {
            Event::Start(e) | Event::Empty(e)
                if ["trkpt", "wpt", "rtept"].contains(&e.local_name().as_ref()) =>
            {
                for (name, limit) in [("lat", 90.0), ("lon", 180.0)] {
                    let value = e.try_get_attribute(name).ok().flatten();
                    let value = value.map(|v| v.value.into_owned());
                    if let Some(v) =
                        value.filter(|v| v.trim().parse::<f64>().map_or(true, |x| x.abs() > limit))
                    {
                        let (line, col) = crate::text::position(&String::from_utf8_lossy(bytes), at);
                        return Some((
                            line,
                            col,
                            format!("{name}=\"{v}\" is not a {name}itude (-{limit} to {limit})"),
                        ));
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
                // An editor's column: characters, not display columns.
                let col = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                return Some((line, col, e.to_string()));
            }
        }
    }
}

#[cfg(test)]
mod tests;
