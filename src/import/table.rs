//! The table an import shows before it writes anything, the same in the CLI and the app: one
//! line per activity (day, start on its own clock, kind, moving minutes, distance, what
//! becomes of it, the file), the rules' reason under a refused one, and the files that did not
//! read with the parser's position.

use super::plan::{Plan, kind_text, short_path};

pub const HEADER: &str = "Date        Start  Kind              Min     km  Import           File";

/// Every file of the plan, read or not: what `short_path` shortens each path against.
fn files(plan: &Plan) -> Vec<std::path::PathBuf> {
    plan.proposals.iter().map(|p| p.file.clone()).chain(plan.failed.iter().map(|f| f.file.clone())).collect()
}

/// The lines of the table (the header first), at most 80 columns before the file name.
pub fn lines(plan: &Plan) -> Vec<String> {
    let all = files(plan);
    let mut out = vec![HEADER.to_string()];
    for p in &plan.proposals {
        let km = p.summary.distance_m.map_or("-".to_string(), |m| format!("{:.2}", f64::from(m) / 1000.0));
        out.push(format!(
            "{:<10}  {:<5}  {:<16}  {:>3}  {:>5}  {:<15}  {}",
            p.date.to_string(),
            p.local.strftime("%H:%M").to_string(),
            kind_text(&p.summary),
            p.summary.minutes,
            km,
            p.status.word(),
            short_path(&p.file, &all),
        ));
        if let Some(why) = p.status.why() {
            out.push(format!("  {} {why}", if p.status.logs() { "note:" } else { "why:" }));
        }
    }
    for f in &plan.failed {
        out.push(format!("{}: not read: {}", short_path(&f.file, &all), f.error));
    }
    out
}

/// The table's width before the file name: narrower screens get [`stacked`].
pub const WIDTH: usize = 66;

/// The same as [`lines`], for a narrow screen: each activity on two lines and its reason.
pub fn stacked(plan: &Plan) -> Vec<String> {
    let all = files(plan);
    let mut out = Vec::new();
    for p in &plan.proposals {
        // A number and its unit stay together (no-break spaces) when the line wraps.
        let km = p
            .summary
            .distance_m
            .map(|m| format!(" · {:.2}\u{a0}km", f64::from(m) / 1000.0))
            .unwrap_or_default();
        out.push(format!(
            "{} {} · {} · {}\u{a0}min{km}",
            p.date,
            p.local.strftime("%H:%M"),
            kind_text(&p.summary),
            p.summary.minutes
        ));
        out.push(format!("  {}: {}", p.status.word(), short_path(&p.file, &all)));
        if let Some(why) = p.status.why() {
            out.push(format!("  {} {why}", if p.status.logs() { "note:" } else { "why:" }));
        }
    }
    for f in &plan.failed {
        out.push(format!("{}: not read: {}", short_path(&f.file, &all), f.error));
    }
    out
}

/// One line of what the import would do: "3 to log, 1 already logged, 1 refused".
pub fn count_line(plan: &Plan) -> String {
    let count = |word: &str| plan.proposals.iter().filter(|p| p.status.word() == word).count();
    let mut parts = vec![format!("{} to log", plan.to_log())];
    for word in ["already logged", "nothing to log", "refused"] {
        let n = count(word);
        if n > 0 {
            parts.push(format!("{n} {word}"));
        }
    }
    if !plan.failed.is_empty() {
        let n = plan.failed.len();
        parts.push(format!("{n} file{} not read", if n == 1 { "" } else { "s" }));
    }
    parts.join(", ")
}
