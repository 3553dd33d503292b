//! `upright import FILE|DIR...`: walks recorded by a phone or a watch. The table of what would
//! be logged comes first; then `--yes`, or a question on a terminal, logs it (`--dry-run`
//! never does). A file that does not read is named with the parser's position and the others
//! still import; the command then exits non-zero.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

use eyre::{Result, bail};
use serde_json::json;

use crate::ctx::Ctx;
use crate::import::plan::{self, Plan};
use crate::import::{table, write};

pub struct Options {
    pub yes: bool,
    pub dry_run: bool,
    pub json: bool,
    /// The rating of every walk logged.
    pub feedback: crate::state::Feedback,
    pub force: bool,
}

pub fn import(ctx: &mut Ctx, paths: &[PathBuf], o: Options) -> Result<()> {
    if o.json && !o.yes && !o.dry_run {
        bail!("--json prints one document and asks nothing: add --yes to log, or --dry-run to see");
    }
    let files = plan::files(paths)?;
    if files.is_empty() {
        bail!(
            "no GPX, FIT or TCX files in {}",
            paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
        );
    }
    let plan = plan::plan(ctx, &files, o.feedback, o.force)?;
    if !o.json {
        for line in table::lines(&plan) {
            outln!("{line}");
        }
        outln!("{}", table::count_line(&plan));
    }
    let n = plan.to_log();
    let go = n > 0 && !o.dry_run && (o.yes || ask(n)?);
    let saved = if go { Some(write::write(&mut ctx.store, &plan)) } else { None };
    let logged = saved.as_ref().map_or(0, |s| s.logged);
    if o.json {
        super::json::print("import", document(&plan, logged, o.dry_run))?;
    } else if let Some(s) = &saved {
        for why in &s.dropped {
            errln!("upright: not logged: {why}");
        }
        outln!("logged {logged} walk{}, rated {}", if logged == 1 { "" } else { "s" }, o.feedback);
    } else if o.dry_run {
        outln!("dry run: nothing logged");
    } else if n > 0 {
        outln!("nothing logged");
    }
    if let Some(s) = &saved
        && !s.errors.is_empty()
    {
        bail!("{}", s.errors.join("\n"));
    }
    if !plan.failed.is_empty() {
        let n = plan.failed.len();
        if o.json {
            bail!("{n} file{} could not be read (see \"failed\")", if n == 1 { "" } else { "s" });
        }
        bail!(
            "{n} file{} could not be read; the others were {}",
            if n == 1 { "" } else { "s" },
            if go { "imported" } else { "shown" }
        );
    }
    Ok(())
}

/// Asks on the terminal; without one, says how to log from a script.
fn ask(n: usize) -> Result<bool> {
    if !std::io::stdin().is_terminal() {
        bail!("nothing logged: add --yes to log the {n} shown (or run it in a terminal to be asked)");
    }
    print!("Log {n} walk{}? [y/N] ", if n == 1 { "" } else { "s" });
    std::io::stdout().flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes"))
}

fn document(plan: &Plan, logged: usize, dry_run: bool) -> serde_json::Value {
    let activities: Vec<_> = plan
        .proposals
        .iter()
        .map(|p| {
            json!({
                "file": p.file.display().to_string(),
                "source": p.source,
                "start": p.local.timestamp().display_with_offset(p.local.offset()).to_string(),
                "date": p.date.to_string(),
                "kind": p.summary.kind,
                "variant": p.summary.kind.variant(),
                "kind_by_speed": p.summary.by_speed,
                "minutes": p.summary.minutes,
                "distance_m": p.summary.distance_m,
                "import": p.status.word(),
                "reason": p.status.why(),
            })
        })
        .collect();
    let failed: Vec<_> = plan
        .failed
        .iter()
        .map(|f| json!({ "file": f.file.display().to_string(), "error": f.error }))
        .collect();
    json!({ "activities": activities, "failed": failed, "logged": logged, "dry_run": dry_run })
}
