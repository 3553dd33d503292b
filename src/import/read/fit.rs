//! FIT (Garmin and most watches) by `fitparser`: one activity per session message, its track
//! from the record messages in the session's time, its offset from the activity message's
//! local timestamp.

use fitparser::profile::MesgNum;
use fitparser::{FitDataRecord, Value};
use jiff::Timestamp;

use super::super::{Activity, Point};

/// The FIT epoch, 1989-12-31T00:00:00 UTC, in Unix seconds.
const FIT_EPOCH: i64 = 631_065_600;

fn field<'a>(r: &'a FitDataRecord, name: &str) -> Option<&'a Value> {
    r.fields().iter().find(|f| f.name() == name).map(|f| f.value()).filter(|v| **v != Value::Invalid)
}

fn number(r: &FitDataRecord, name: &str) -> Option<f64> {
    field(r, name).and_then(|v| TryInto::<f64>::try_into(v.clone()).ok()).filter(|v| v.is_finite())
}

fn text(r: &FitDataRecord, name: &str) -> Option<String> {
    match field(r, name)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        _ => None,
    }
}

fn instant(r: &FitDataRecord, name: &str) -> Option<Timestamp> {
    match field(r, name)? {
        Value::Timestamp(t) => Timestamp::from_second(t.timestamp()).ok(),
        _ => None,
    }
}

/// The wall-clock seconds since the FIT epoch a local timestamp field held: fitparser reads
/// it as if the epoch were on this machine's clock, which is taken back out.
fn local_seconds(r: &FitDataRecord, name: &str) -> Option<i64> {
    let Value::Timestamp(t) = field(r, name)? else { return None };
    let epoch = jiff::civil::date(1989, 12, 31).at(0, 0, 0, 0);
    let machine = jiff::tz::TimeZone::system().to_timestamp(epoch).ok()?.as_second();
    Some(t.timestamp() - machine)
}

/// Semicircles (FIT's unit of latitude and longitude) to degrees.
fn degrees(semicircles: f64) -> f64 {
    semicircles * (180.0 / 2_147_483_648.0)
}

pub fn read(bytes: &[u8]) -> Result<Vec<Activity>, String> {
    let records = fitparser::from_bytes(bytes).map_err(|e| match &*e {
        fitparser::ErrorKind::ParseError(at, _) => format!("byte {at}: {e}"),
        fitparser::ErrorKind::MissingDefinitionMessage(_, at) => format!("byte {at}: {e}"),
        _ => format!("{e} (the FIT reader gives no position)"),
    })?;
    let of = |kind: MesgNum| records.iter().filter(move |r| r.kind() == kind);
    let source = of(MesgNum::FileId)
        .next()
        .map(|r| {
            let maker = text(r, "manufacturer");
            let product =
                text(r, "garmin_product").or_else(|| text(r, "product_name")).or_else(|| text(r, "product"));
            [maker, product].into_iter().flatten().collect::<Vec<_>>().join(" ")
        })
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "FIT".into());
    // The activity message's local timestamp minus its timestamp is the watch's offset.
    let offset = of(MesgNum::Activity).find_map(|r| {
        let utc = instant(r, "timestamp")?.as_second() - FIT_EPOCH;
        let diff = local_seconds(r, "local_timestamp")? - utc;
        let quarter = ((diff as f64 / 900.0).round() as i32) * 900;
        (quarter.abs() <= 18 * 3600).then(|| super::own_offset(quarter)).flatten()
    });
    let points: Vec<Point> = of(MesgNum::Record)
        .filter_map(|r| {
            let at = instant(r, "timestamp")?;
            let pos = number(r, "position_lat").zip(number(r, "position_long"));
            let pos = pos.map(|(la, lo)| (degrees(la), degrees(lo)));
            Some(Point { at, pos, distance: number(r, "distance") })
        })
        .collect();
    let mut out = Vec::new();
    for s in of(MesgNum::Session) {
        let Some(start) = instant(s, "start_time") else { continue };
        let elapsed = number(s, "total_elapsed_time").unwrap_or(0.0);
        let end = instant(s, "timestamp")
            .unwrap_or(start)
            .max(start + jiff::SignedDuration::from_secs_f64(elapsed));
        let track: Vec<Point> = points.iter().copied().filter(|p| p.at >= start && p.at <= end).collect();
        out.push(Activity {
            source: source.clone(),
            start,
            offset,
            sport: text(s, "sport"),
            segments: vec![track],
            timer_secs: number(s, "total_timer_time"),
            distance: number(s, "total_distance"),
        });
    }
    if out.is_empty()
        && let Some(start) = points.iter().map(|p| p.at).min()
    {
        out.push(Activity {
            source,
            start,
            offset,
            sport: None,
            segments: vec![points],
            timer_secs: None,
            distance: None,
        });
    }
    Ok(out)
}
