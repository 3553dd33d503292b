//! `upright export`: the whole log on stdout, as CSV (one row per entry) or JSON.

use std::io::Write;

use color_eyre::eyre::Result;

use super::Format;
use crate::ctx::Ctx;
use crate::state::Entry;

const COLUMNS: [&str; 12] =
    ["id", "date", "at", "kind", "exercise", "step", "dose", "feedback", "pain", "minutes", "note", "reason"];

pub fn export(ctx: &mut Ctx, format: Format) -> Result<()> {
    ctx.store.load_all()?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match format {
        Format::Json => {
            serde_json::to_writer(&mut out, &serde_json::json!({ "entries": ctx.store.entries() }))?;
            writeln!(out)?;
        }
        Format::Csv => {
            writeln!(out, "{}", COLUMNS.join(","))?;
            for entry in ctx.store.entries() {
                writeln!(out, "{}", csv_row(entry))?;
            }
        }
    }
    out.flush()?;
    Ok(())
}

fn csv_row(e: &Entry) -> String {
    let opt = |v: Option<String>| v.unwrap_or_default();
    let fields = [
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
    ];
    fields.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(",")
}

/// RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_string() }
}

#[cfg(test)]
mod tests {
    use super::csv_field;

    #[test]
    fn csv_quoting() {
        for (raw, want) in [
            ("plain", "plain"),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("", ""),
        ] {
            assert_eq!(csv_field(raw), want);
        }
    }
}
