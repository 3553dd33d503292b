//! `upright export`: the whole log on stdout, as CSV (one row per entry) or JSON. Notes and
//! reasons are the user's own text, and a hand-edited month can put anything in any field: CSV
//! cells go through `text::csv_cell` (no control characters, no formulas), JSON stays exact.

use std::io::Write;

use eyre::Result;
use serde_json::{Value, json};

use super::Format;
use crate::ctx::Ctx;
use crate::state::Entry;
use crate::text;

// New columns come last (`activities`, issue 17; `partial`, issue 20; the version done, load,
// reps and company, issue 16) so scripts that index the earlier columns keep working.
const COLUMNS: [&str; 18] = [
    "id",
    "date",
    "at",
    "kind",
    "exercise",
    "step",
    "dose",
    "feedback",
    "pain",
    "minutes",
    "note",
    "reason",
    "activities",
    "partial",
    "variant",
    "load",
    "reps",
    "with",
];

pub fn export(ctx: &mut Ctx, format: Format) -> Result<()> {
    ctx.store.load_all()?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match format {
        Format::Json => {
            let entries: Vec<Value> = ctx.store.entries().iter().map(entry_json).collect();
            let doc = super::json::document("export", json!({ "entries": entries }));
            text::write_json(&mut out, &doc)?;
            writeln!(out)?;
        }
        Format::Csv => {
            // The csv crate quotes (RFC 4180) and ends rows with "\n", as before.
            let mut csv = csv::Writer::from_writer(&mut out);
            csv.write_record(COLUMNS).map_err(io_error)?;
            for entry in ctx.store.entries() {
                let cells = row(entry).map(|cell| text::csv_cell(&cell).into_owned());
                csv.write_record(cells).map_err(io_error)?;
            }
            csv.flush()?;
        }
    }
    out.flush()?;
    Ok(())
}

/// The io::Error inside a csv::Error, so `main` still sees a closed pipe as one (csv::Error
/// has no `source`, and its `Into<io::Error>` turns every error into `Other`).
fn io_error(e: csv::Error) -> std::io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        kind => std::io::Error::other(format!("CSV: {kind:?}")),
    }
}

fn row(e: &Entry) -> [String; 18] {
    let opt = |v: Option<String>| v.unwrap_or_default();
    [
        e.id.clone(),
        e.date.to_string(),
        e.at.clone(),
        e.kind.to_string(),
        opt(e.exercise.clone()),
        opt(e.step.map(|s| s.to_string())),
        opt(e.dose.clone()),
        opt(e.feedback.map(|f| f.to_string())),
        opt(e.pain.map(|p| p.to_string())),
        opt(e.minutes.map(|m| m.to_string())),
        opt(e.note.clone()),
        opt(e.reason.clone()),
        // A check-in's PSFS scores in one cell: "put on socks=4; sit through a film=6".
        e.activities.iter().map(|a| format!("{}={}", a.name, a.score)).collect::<Vec<_>>().join("; "),
        // A session cut short (issue 20): "true", else empty.
        if e.partial { "true".into() } else { String::new() },
        opt(e.variant.clone()),
        opt(e.load.map(crate::strength::fmt_load)),
        opt(e.reps.map(|r| r.to_string())),
        opt(e.with.clone()),
    ]
}

/// An entry as `export --json` gives it: the log's own field names (`id` is the entry's,
/// `exercise` the exercise's), every field present (`null` or `[]` when the entry has none), and
/// the fields this version does not know (from a newer upright) under `extra`, as written.
fn entry_json(e: &Entry) -> Value {
    use crate::import::plan::{DISTANCE_KEY, SOURCE_KEY};
    let known = |key: &str| e.extra.get(key).map_or(Value::Null, toml_json);
    let extra: serde_json::Map<String, Value> = e
        .extra
        .iter()
        .filter(|(k, _)| *k != SOURCE_KEY && *k != DISTANCE_KEY)
        .map(|(k, v)| (k.clone(), toml_json(v)))
        .collect();
    json!({
        "id": e.id,
        "date": e.date.to_string(),
        "at": e.at,
        "kind": e.kind.as_str(),
        "exercise": e.exercise,
        "step": e.step,
        "dose": e.dose,
        "feedback": e.feedback.map(|f| f.to_string()),
        "pain": e.pain,
        "minutes": e.minutes,
        "load": e.load,
        "reps": e.reps,
        "note": e.note,
        "reason": e.reason,
        "variant": e.variant,
        "removes": e.removes,
        "activities": e.activities.iter().map(|a| json!({ "name": a.name, "score": a.score })).collect::<Vec<_>>(),
        "with": e.with,
        "partial": e.partial,
        "answers": e.answers,
        // An imported walk's source and distance (kept in the month file as fields an older
        // upright does not know).
        SOURCE_KEY: known(SOURCE_KEY),
        DISTANCE_KEY: known(DISTANCE_KEY),
        "extra": extra,
    })
}

/// A TOML value as JSON; a date or time as its TOML text.
fn toml_json(v: &toml::Value) -> Value {
    match v {
        toml::Value::String(s) => json!(s),
        toml::Value::Integer(i) => json!(i),
        toml::Value::Float(f) => json!(f),
        toml::Value::Boolean(b) => json!(b),
        toml::Value::Datetime(d) => json!(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.iter().map(toml_json).collect()),
        toml::Value::Table(t) => Value::Object(t.iter().map(|(k, v)| (k.clone(), toml_json(v))).collect()),
    }
}
