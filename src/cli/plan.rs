//! `upright plan` (the dose forecast) and `upright flare on|off`.

use eyre::Result;
use serde_json::json;

use super::OnOff;
use crate::ctx::Ctx;
use crate::progression;
use crate::state::EntryKind;

pub fn plan(ctx: &mut Ctx, weeks: u32, json: bool) -> Result<()> {
    ctx.load_recent()?;
    let plan = progression::forecast(&ctx.catalog, &ctx.settings, ctx.store.entries(), ctx.today, weeks);
    // The holds in force last through the forecast: only a clinician or the user ends them.
    let held = crate::holds::Holds::on(&ctx.settings, ctx.store.entries(), ctx.today).line();
    if json {
        let weeks: Vec<_> = plan
            .iter()
            .map(|w| {
                let exercises: Vec<_> = w
                    .exercises
                    .iter()
                    .map(|e| json!({ "id": e.id, "dose": e.dose_text, "step": e.step }))
                    .collect();
                json!({ "week_start": w.week_start.to_string(), "exercises": exercises })
            })
            .collect();
        let strength = super::strength::plan_json(ctx, weeks.len() as u32);
        return super::json::print(
            "plan",
            json!({ "weeks": weeks, "strength_days": strength, "hold": held }),
        );
    }
    if let Some(held) = &held {
        outln!("{held}");
    }
    outln!("If every session goes as planned (rated ok, no pain):");
    let routine = ctx.settings.routine(&ctx.catalog);
    let width = routine.iter().map(|e| crate::text::width(&e.name)).max().unwrap_or(0);
    let mut last: Vec<Option<u32>> = vec![None; routine.len()];
    for week in &plan {
        outln!("\nweek of {}", week.week_start.strftime("%a %-d %b %Y"));
        for (i, ex) in routine.iter().enumerate() {
            let Some(item) = week.exercises.iter().find(|p| p.id == ex.id) else { continue };
            let up = if last[i].is_some_and(|s| item.step > s) { "  ↑" } else { "" };
            outln!("  {}  {}{up}", crate::text::pad_to(&ex.name, width), item.dose_text);
            last[i] = Some(item.step);
        }
    }
    super::strength::plan_lines(ctx, weeks)?;
    Ok(())
}

pub fn flare(ctx: &mut Ctx, state: OnOff) -> Result<()> {
    ctx.load_recent()?;
    let since = progression::flare_since(ctx.store.entries(), ctx.today);
    match (state, since) {
        (OnOff::On, Some(date)) => {
            outln!("flare-up mode is already on (since {date})");
            if progression::flare_prompt(ctx.store.entries(), ctx.today) {
                outln!("That is two weeks or more: please see a GP or physiotherapist.");
            }
        }
        (OnOff::Off, None) => outln!("flare-up mode is already off"),
        (OnOff::On, None) => {
            let entry = ctx.event(ctx.today, EntryKind::FlareOn);
            ctx.store.append(entry)?;
            outln!("{}", crate::holds::FLARE_ON);
            outln!("If it is not settling within a few days, see a GP or physiotherapist.");
        }
        (OnOff::Off, Some(date)) => {
            let entry = ctx.event(ctx.today, EntryKind::FlareOff);
            ctx.store.append(entry)?;
            outln!(
                "flare-up mode off (it was on since {date}): each exercise restarts at about half and comes back in stages."
            );
        }
    }
    Ok(())
}
