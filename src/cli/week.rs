//! `upright week`: the week screen as plain text (a grid per week, the streak) or JSON.

use eyre::Result;
use jiff::ToSpan;
use serde_json::json;

use super::Day;
use crate::ctx::Ctx;
use crate::text::{center, pad_to};

pub fn week(ctx: &mut Ctx, date: Day, weeks: u32, json: bool) -> Result<()> {
    let date = date.resolve(ctx.today)?;
    let last = ctx.settings.week_start(date);
    let mut shown = Vec::new();
    for back in (0..i64::from(weeks)).rev() {
        shown.push(ctx.week(last.checked_sub((back * 7).days())?)?);
    }
    let streaks = shown.last().map(|w| w.streaks).unwrap_or_default();
    if json {
        let days: Vec<_> = shown
            .iter()
            .flat_map(|w| w.days.iter().enumerate().map(move |(i, d)| (w, i, d)))
            .map(|(w, i, d)| {
                let breaks = crate::breaks::count_on(ctx.store.entries(), d.date);
                // Each routine exercise as the grid shows it, from the day facts.
                let exercises: Vec<_> = d
                    .exercises
                    .iter()
                    .enumerate()
                    .map(|(row, f)| {
                        json!({
                            "id": f.id,
                            "mark": w.mark(row, i),
                            "done": f.is_done(),
                            "sessions_done": f.done,
                            "minutes": f.minutes,
                            "worst_rating": f.worst.map(|r| r.to_string()),
                            "highest_pain": f.pain,
                            "as_advised": f.advised.map(|a| a.text()),
                        })
                    })
                    .collect();
                json!({ "date": d.date.to_string(), "complete": d.complete, "walk_minutes": d.walk_minutes, "breaks": breaks, "exercises": exercises })
            })
            .collect();
        let weeks: Vec<_> = shown
            .iter()
            .map(|w| {
                json!({
                    "week_start": w.start.to_string(),
                    "complete_days": w.complete_days,
                    "meets_target": w.meets_target,
                    // `null` when strength days are off (one null policy: every key, always).
                    "strength_days": w.strength.map(|s| s.done()),
                    "strength_target": w.strength.map(|s| s.target),
                })
            })
            .collect();
        let doc = json!({
            "date": date.to_string(),
            "current_streak_weeks": streaks.current,
            "longest_streak_weeks": streaks.longest,
            "days": days,
            "weeks": weeks,
        });
        return super::json::print("week", doc);
    }
    // Columns, not characters: a wide name keeps the day columns in place.
    let width = shown.first().map_or(0, |w| w.names.iter().map(|n| crate::text::width(n)).max().unwrap_or(0));
    for w in &shown {
        let head: Vec<String> = w.days.iter().map(|d| d.date.strftime("%a").to_string()).collect();
        outln!("Week of {}", w.start.strftime("%a %-d %b %Y"));
        outln!("  {}  {}", " ".repeat(width), head.join("  "));
        for (row, name) in w.names.iter().enumerate() {
            let marks: Vec<String> = (0..7).map(|d| center(w.mark(row, d), 3)).collect();
            outln!("  {}  {}", pad_to(name, width), marks.join("  "));
        }
        let complete: Vec<String> =
            w.days.iter().map(|d| center(if d.complete { "●" } else { " " }, 3)).collect();
        outln!("  {}  {}", pad_to("complete day", width), complete.join("  "));
        let minutes: Vec<String> = w.days.iter().map(|d| center(&d.walk_minutes.to_string(), 3)).collect();
        outln!("  {}  {}", pad_to("walk minutes", width), minutes.join("  "));
        let breaks: Vec<String> = w
            .days
            .iter()
            .map(|d| crate::breaks::count_on(ctx.store.entries(), d.date))
            .map(|n| center(&if n == 0 { String::new() } else { n.to_string() }, 3))
            .collect();
        if breaks.iter().any(|b| !b.trim().is_empty()) {
            outln!("  {}  {}", pad_to("desk breaks", width), breaks.join("  "));
        }
        // The screen's own words: past weeks "met"/"missed", this week "3 of 5 so far".
        outln!("  {}", w.target_text());
        if let Some(walk) = w.walk_text() {
            outln!("  {walk}");
        }
        // What the user wrote that week, so the grid's marks come with their why.
        for (row, name) in w.names.iter().enumerate() {
            for (day, said) in w.notes.get(row).into_iter().flatten().enumerate() {
                if let Some(said) = said.as_deref().filter(|s| s.contains("note: ") || s.contains("reason: "))
                {
                    outln!("  {} {name}: {said}", w.days[day].date.strftime("%a %-d"));
                }
            }
        }
        if let Some(strength) = w.strength {
            outln!("  {}", strength.text());
        }
        if let Some(company) = w.company_text() {
            outln!("  {company}");
        }
        outln!();
    }
    outln!("{}-week streak · longest {}", streaks.current, streaks.longest);
    // The legend in lines of at most 80 columns, never splitting a mark from its words.
    let legend = crate::week::MARKS.iter().map(|(mark, what)| format!("{mark} {what}"));
    let mut line = String::new();
    for item in legend {
        if !line.is_empty() && crate::text::width(&line) + 2 + crate::text::width(&item) > 80 {
            outln!("{line}");
            line.clear();
        }
        if !line.is_empty() {
            line.push_str("  ");
        }
        line.push_str(&item);
    }
    outln!("{line}");
    Ok(())
}
