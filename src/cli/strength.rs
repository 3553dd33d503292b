//! The strength parts of `done`, `today` and `plan`: a lift's entry gets its load and reps,
//! Today lists the lifts on a strength day (else when the next one is), and the plan forecasts
//! loads. The rules are in `crate::strength`; this only reads the context and prints.

use eyre::{Result, bail};
use jiff::civil::Date;
use serde_json::{Value, json};

use super::values::Done;
use crate::catalog::Exercise;
use crate::ctx::Ctx;
use crate::log::Entry;
use crate::strength::{self, LIFTS, Prescription, RepRange, StrengthDay};

/// `--reps` and `--load` belong to the lifts only.
pub fn check_done_flags(id: &str, log: &Done) -> Result<()> {
    if (log.reps.is_some() || log.load.is_some()) && !LIFTS.contains(&id) {
        bail!(
            "--reps and --load are for the strength lifts ({}), not {id} (nothing logged)",
            LIFTS.join(", ")
        );
    }
    Ok(())
}

/// Fills a lift's entry with what was lifted (given, else as prescribed) and returns what the
/// reply says of it: the name of the form done (the bodyweight start's while no load is set)
/// and its dose; `None` for anything but a lift. The app saves the same (`App::lift_done`).
pub fn fill_lift(
    ctx: &Ctx,
    exercise: &Exercise,
    date: Date,
    log: &Done,
    entry: &mut Entry,
) -> Option<(String, String)> {
    if !LIFTS.contains(&exercise.id.as_str()) {
        return None;
    }
    let s = &ctx.settings.strength;
    let holds = crate::holds::Holds::on(&ctx.settings, ctx.store.entries(), date);
    let rx = strength::dose(&holds, exercise, &ctx.settings, ctx.store.entries(), date).into_inner();
    let chosen = log.variant.as_deref().and_then(|v| exercise.variant(v));
    entry.load = strength::load_done(exercise, log.variant.as_deref(), log.load, rx.load);
    entry.reps = Some(log.reps.unwrap_or(rx.reps));
    entry.step = Some(RepRange::of(exercise).step(rx.reps));
    entry.dose = Some(rx.text(exercise, s.units));
    let done = Prescription { load: entry.load, reps: entry.reps.unwrap_or(rx.reps), ..rx };
    Some(strength::done_text(exercise, chosen, &done, s.units))
}

fn day<'c>(ctx: &'c Ctx, date: Date) -> Option<StrengthDay<'c>> {
    StrengthDay::build(&ctx.catalog, &ctx.settings, ctx.store.entries(), date)
}

/// `today --json`'s `strength` member: `null` when strength days are off.
pub fn today_json(ctx: &Ctx, date: Date) -> Value {
    let Some(day) = day(ctx, date) else { return Value::Null };
    let units = ctx.settings.strength.units;
    let lifts: Vec<Value> = day
        .lifts
        .iter()
        .map(|l| {
            json!({
                "id": l.exercise.id,
                "name": l.name(),
                "dose": l.rx.text(l.exercise, units),
                "sets": l.rx.sets,
                "reps": l.rx.reps,
                "load": l.rx.load,
                "reason": l.rx.reason,
                "hold": l.rx.hold().map(|h| h.id()),
                "paused": l.rx.hold().is_some_and(|h| h.pauses()),
                "done": l.done.is_some(),
                "done_load": l.done.and_then(|d| d.0),
                "done_reps": l.done.and_then(|d| d.1),
            })
        })
        .collect();
    json!({
        "strength_day": day.today,
        "next_strength_day": day.next.to_string(),
        "per_week": ctx.settings.strength.per_week(ctx.settings.level),
        "units": units.to_string(),
        "rest_secs": strength::REST_SECS,
        "lifts": if day.today { lifts } else { Vec::new() },
    })
}

/// Today's plain line for strength off a strength day (on one, the lifts are in the list).
pub fn today_lines(ctx: &Ctx, date: Date) -> Result<()> {
    if let Some(day) = day(ctx, date).filter(|d| !d.today) {
        outln!("next strength day: {}", day.next.strftime("%A %-d %B"));
    }
    Ok(())
}

/// `plan`'s strength part: each forecast strength day's loads.
pub fn plan_json(ctx: &Ctx, weeks: u32) -> Value {
    let units = ctx.settings.strength.units;
    let days: Vec<Value> =
        strength::forecast(&ctx.catalog, &ctx.settings, ctx.store.entries(), ctx.today, weeks)
            .iter()
            .map(|f| {
                let lifts: Vec<Value> = f
            .lifts
            .iter()
            .map(|(id, rx)| {
                json!({
                    "id": id, "load": rx.load, "sets": rx.sets, "reps": rx.reps, "units": units.to_string(),
                    "hold": rx.hold().map(|h| h.id()), "paused": rx.hold().is_some_and(|h| h.pauses()),
                })
            })
            .collect();
                json!({ "date": f.date.to_string(), "lifts": lifts })
            })
            .collect();
    Value::Array(days)
}

pub fn plan_lines(ctx: &Ctx, weeks: u32) -> Result<()> {
    let plan = strength::forecast(&ctx.catalog, &ctx.settings, ctx.store.entries(), ctx.today, weeks);
    if plan.is_empty() {
        return Ok(());
    }
    let units = ctx.settings.strength.units;
    outln!("\nstrength days");
    for f in &plan {
        let loads: Vec<String> = f
            .lifts
            .iter()
            .filter_map(|(id, rx)| {
                let lift = ctx.catalog.get(id)?;
                let paused = rx.hold().is_some_and(|h| h.pauses());
                let dose = if paused { "paused".to_string() } else { rx.text(lift, units) };
                Some(format!("{} {dose}", short_name(lift, rx)))
            })
            .collect();
        // Within 80 columns: the lifts wrap under the first, whole.
        let mut line = format!("  {:<10}  ", f.date.strftime("%a %-d %b").to_string());
        let indent = crate::text::width(&line);
        for (i, load) in loads.iter().enumerate() {
            let piece = if i + 1 < loads.len() { format!("{load} ·") } else { load.clone() };
            let cols = crate::text::width;
            if cols(&line) > indent && cols(&line) + cols(&piece) > 80 {
                outln!("{}", line.trim_end());
                line = " ".repeat(indent);
            }
            line.push_str(&piece);
            line.push(' ');
        }
        outln!("{}", line.trim_end());
    }
    Ok(())
}

/// "squat" for the goblet squat; the bodyweight start by its name up to what it takes
/// ("sit-to-stand", "hip-hinge drill", "farmer carry").
fn short_name(lift: &Exercise, rx: &Prescription) -> String {
    if let Some(start) = rx.form(lift) {
        let name = start.name.split(',').next().unwrap_or_default();
        let name = name.split(" with ").next().unwrap_or_default();
        return name.to_lowercase();
    }
    match lift.id.as_str() {
        "goblet-squat" => "squat",
        "romanian-deadlift" => "hinge",
        "one-arm-row" => "row",
        "suitcase-carry" => "carry",
        other => other,
    }
    .to_string()
}
