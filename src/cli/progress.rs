//! `upright checkin`, `upright progress` and `upright report` (issue 17): log or show the weekly
//! check-in, print the weekly progress numbers as text or JSON, and write the HTML report.

use std::path::Path;

use eyre::{Result, WrapErr, bail};
use jiff::ToSpan;
use serde_json::json;

use super::Day;
use crate::checkin::{self, Checkin};
use crate::ctx::Ctx;
use crate::log::{Activity, EntryKind};
use crate::progress::Progress;
use crate::report::{self, Report};

/// Check-ins listed by `upright checkin` without values.
const SHOWN_CHECKINS: usize = 12;

fn checkin_json(c: &Checkin) -> serde_json::Value {
    let activities: Vec<_> =
        c.activities.iter().map(|a| json!({ "name": a.name, "score": a.score })).collect();
    json!({ "date": c.date.to_string(), "pain": c.pain, "activities": activities })
}

fn checkin_line(c: &Checkin) -> String {
    let mut parts = vec![c.pain.map_or("pain –".to_string(), |p| format!("pain {p}"))];
    parts.extend(c.activities.iter().map(|a| format!("{} {}", a.name, a.score)));
    format!("{}  {}", c.date.strftime("%a %-d %b %Y"), parts.join(" · "))
}

pub fn checkin(
    ctx: &mut Ctx,
    pain: Option<u8>,
    activities: Vec<Activity>,
    date: Day,
    json: bool,
) -> Result<()> {
    if pain.is_none() && activities.is_empty() {
        // A year back is plenty for "the last ones", and keeps this one read of a few months.
        let from = ctx.today.checked_sub(52.weeks())?;
        ctx.store.load_range(from, ctx.today)?;
        let all = checkin::checkins(ctx.store.entries());
        let shown = &all[all.len().saturating_sub(SHOWN_CHECKINS)..];
        if json {
            let list: Vec<_> = shown.iter().map(checkin_json).collect();
            return super::json::print("checkins", json!({ "checkins": list }));
        }
        if shown.is_empty() {
            outln!("No check-ins yet. Check in once a week, e.g.:");
            outln!(
                "  upright checkin --pain 5 --activity \"put on socks=4\" --activity \"sit through a film=6\""
            );
        }
        for c in shown {
            outln!("{}", checkin_line(c));
        }
        return Ok(());
    }
    let date = date.resolve(ctx.today)?;
    if let Err(e) = checkin::check_activities(&activities) {
        bail!("{e} (nothing was logged)");
    }
    ctx.load_for_save(date);
    let mut entry = ctx.event(date, EntryKind::Checkin);
    entry.pain = pain;
    entry.activities = activities;
    let logged = Checkin { date, pain: entry.pain, activities: entry.activities.clone() };
    ctx.store.append(entry)?;
    if json {
        return super::json::print("checkin", checkin_json(&logged));
    }
    outln!("checked in for {}", checkin_line(&logged));
    if crate::checkin::rmdq::due(ctx.store.entries(), date) {
        outln!("{}: upright checkin --rmdq", crate::checkin::rmdq::OFFER);
    }
    Ok(())
}

/// Loads the weeks `weeks` back from today and each exercise's last entry before them.
fn load(ctx: &mut Ctx, weeks: u32) -> Result<()> {
    ctx.load_for(ctx.today)?;
    let from = Progress::span_start(&ctx.settings, ctx.today, weeks);
    ctx.store.load_range(from, ctx.today)
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// The verdict with its measure (`progress --json`).
fn verdict_json(m: &crate::checkin::Measure) -> serde_json::Value {
    use crate::checkin::{Verdict, judge};
    let word = |v: Verdict| crate::report::words(v);
    json!({
        "verdict": word(m.verdict),
        "baseline_date": m.from.to_string(),
        "latest_date": m.to.to_string(),
        "pain": { "baseline": round1(m.pain.0), "now": round1(m.pain.1), "verdict": word(judge(m.pain, None)) },
        "psfs_mean": m.psfs.map(|p| json!({
            "baseline": round1(p.0), "now": round1(p.1), "verdict": word(judge((0.0, 0.0), Some(p)))
        })),
    })
}

/// Flare-ups as episodes (`progress --json`).
fn recurrences_json(r: &crate::progress::Recurrences) -> serde_json::Value {
    let episodes: Vec<_> = r
        .episodes
        .iter()
        .map(|e| json!({ "start": e.start.to_string(), "end": e.end.map(|d| d.to_string()) }))
        .collect();
    json!({
        "episodes": episodes,
        "ongoing": r.ongoing,
        "days_since_last": r.days_since,
        "days_between": r.between,
    })
}

pub fn progress(ctx: &mut Ctx, weeks: u32, json: bool) -> Result<()> {
    load(ctx, weeks)?;
    // Every flare-up and the baseline check-in, however long ago (issue 29).
    ctx.store.load_all()?;
    let p = Progress::build(&ctx.catalog, &ctx.settings, ctx.store.entries(), ctx.today, weeks);
    if json {
        let rows: Vec<_> = p
            .weeks
            .iter()
            .map(|w| {
                // Lists of objects, as everywhere (schema 2); the maps by name and by id are
                // schema 1's, kept for one version (docs/json.md, "Deprecated").
                let psfs: Vec<_> = p
                    .activities
                    .iter()
                    .zip(&w.psfs)
                    .map(|(name, s)| json!({ "name": name, "score": s }))
                    .collect();
                let exercises: Vec<_> = p
                    .exercises
                    .iter()
                    .zip(&w.steps)
                    .map(|((id, ..), s)| json!({ "id": id, "step": s }))
                    .collect();
                let by_name: serde_json::Map<_, _> =
                    p.activities.iter().zip(&w.psfs).map(|(name, s)| (name.clone(), json!(s))).collect();
                let steps: serde_json::Map<_, _> =
                    p.exercises.iter().zip(&w.steps).map(|((id, ..), s)| (id.clone(), json!(s))).collect();
                json!({
                    "week_start": w.start.to_string(),
                    "checkin_pain": w.checkin_pain,
                    "session_pain": w.session_pain.map(round1),
                    "psfs": psfs,
                    "exercises": exercises,
                    "activities": by_name,
                    "days_exercised": w.days_exercised,
                    "complete_days": w.complete_days,
                    "walk_minutes": w.walk_minutes,
                    "as_advised": w.as_advised,
                    "steps": steps,
                })
            })
            .collect();
        let exercises: Vec<_> = p
            .exercises
            .iter()
            .map(|(id, name, top)| json!({ "id": id, "name": name, "top_step": top }))
            .collect();
        return super::json::print(
            "progress",
            json!({
                "date": p.today.to_string(),
                "activities": p.activities,
                "exercises": exercises,
                "days_target": p.days_target,
                "weeks": rows,
                "verdict": p.verdict.map(|m| verdict_json(&m)),
                "recurrences": recurrences_json(&p.recurrences),
                "rmdq": p.rmdq.map(|((d0, b), (d1, n), v)| json!({
                    "baseline": { "date": d0.to_string(), "rmdq": b },
                    "now": { "date": d1.to_string(), "rmdq": n },
                    "verdict": crate::report::words(v),
                })),
            }),
        );
    }
    let first = p.weeks.first().map_or(p.today, |w| w.start);
    outln!(
        "Progress, {} week{} from {} to {}",
        p.weeks.len(),
        if p.weeks.len() == 1 { "" } else { "s" },
        first.strftime("%a %-d %b %Y"),
        p.today.strftime("%a %-d %b %Y")
    );
    let mut head = String::from("week of   pain  session  days  complete  walk");
    for i in 0..p.activities.len() {
        head.push_str(&format!("   A{}", i + 1));
    }
    outln!("{head}");
    let cell = |v: Option<f64>| v.map_or("–".to_string(), |v| crate::report::fmt_num(round1(v)));
    for w in &p.weeks {
        let mut line = format!(
            "{:<8} {:>5} {:>8} {:>5} {:>9} {:>5}",
            w.start.strftime("%-d %b").to_string(),
            cell(w.checkin_pain.map(f64::from)),
            cell(w.session_pain),
            w.days_exercised,
            format!("{}/{}", w.complete_days, p.days_target),
            w.walk_minutes
        );
        for s in &w.psfs {
            line.push_str(&format!(" {:>4}", cell(s.map(f64::from))));
        }
        outln!("{line}");
    }
    outln!("pain: weekly check-in, 0-10 · session: average highest pain during sessions");
    for (i, name) in p.activities.iter().enumerate() {
        outln!("A{}: {name} (0 unable, 10 as before)", i + 1);
    }
    if let Some(m) = &p.verdict {
        outln!("Check-ins: {} ({})", crate::report::words(m.verdict), m.describe());
    }
    outln!("Recurrences: {}", p.recurrences.summary());
    outln!("Steps (first → now):");
    let width = p.exercises.iter().map(|e| crate::text::width(&e.1)).max().unwrap_or(0);
    for (i, (_, name, top)) in p.exercises.iter().enumerate() {
        let steps: Vec<u32> = p.weeks.iter().filter_map(|w| w.steps[i]).collect();
        let name = crate::text::pad_to(name, width);
        match (steps.first(), steps.last()) {
            (Some(a), Some(b)) => outln!("  {name}  {a} → {b} of {top}"),
            _ => outln!("  {name}  not done yet"),
        }
    }
    Ok(())
}

pub fn report(ctx: &mut Ctx, weeks: u32, out: Option<&Path>) -> Result<()> {
    load(ctx, weeks)?;
    // The baseline check-in and every flare-up, however long ago (issue 29).
    ctx.store.load_all()?;
    let r = Report::build(&ctx.catalog, &ctx.settings, ctx.store.entries(), ctx.today, weeks);
    let html = report::html(&r);
    match out {
        Some(path) => {
            // The report holds pain scores and red flags: private like the months, written whole
            // or not at all, and never over a file of the log (a completed path slip) or through
            // a link planted at the path (the rename replaces the link itself).
            if crate::fsutil::is_inside(path, ctx.store.data_dir()) {
                bail!(
                    "{} is inside upright's data folder {}; write the report somewhere else (nothing was written)",
                    path.display(),
                    ctx.store.data_dir().display()
                );
            }
            crate::fsutil::write_atomic(path, html.as_bytes(), 0o600)
                .wrap_err_with(|| format!("cannot write the report to {}", path.display()))?;
            outln!("report for {} to {} written to {}", r.from, r.to, path.display());
        }
        None => {
            use std::io::Write;
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(html.as_bytes())?;
            stdout.flush()?;
        }
    }
    Ok(())
}
