//! `done`, `skip`, `rest`, `undo` and `safety --clear`: each asks the rules (`rules::judge`,
//! through `Ctx::ask`) before it writes, and the count rule again under the writer lock, so the
//! CLI refuses what the app refuses, with the same words. A refusal exits with
//! [`super::REFUSED_EXIT`]; "nothing to do" is a note on stderr with exit 0, so scripts may
//! repeat themselves.

use eyre::{Result, bail};

use super::values::Done;
use super::{Day, Refused};
use crate::ctx::Ctx;
use crate::rules::{self, Action, Request, Verdict};
use crate::state::{EntryKind, Feedback};

/// Acts on the verdict: `Ok(true)` to go on and log, `Ok(false)` when there is nothing to do.
fn proceed(verdict: Verdict) -> Result<bool> {
    match verdict {
        Verdict::Allowed => Ok(true),
        Verdict::Note(note) => {
            errln!("upright: {note}");
            Ok(true)
        }
        Verdict::Nothing(note) => {
            errln!("upright: {note}");
            Ok(false)
        }
        Verdict::Confirm(question) => {
            Err(Refused(format!("{question} Add --force to log it (nothing logged)")).into())
        }
        Verdict::Refused(why) => Err(Refused(why).into()),
    }
}

pub fn done(ctx: &mut Ctx, id: &str, date: Day, log: Done) -> Result<()> {
    let date = date.resolve(ctx.today)?;
    let exercise = ctx.exercise(id)?.clone();
    if let Some(why) = super::advice::avoided(&ctx.settings, id) {
        return Err(Refused(why).into());
    }
    if let Some(v) = log.variant.as_deref().filter(|v| exercise.variant(v).is_none()) {
        let known: Vec<&str> = exercise.variants.iter().map(|v| v.id.as_str()).collect();
        match known.is_empty() {
            true => bail!("{id} has no other versions; --as {v} is not one of them"),
            false => bail!("--as {v} is not a version of {id}; it has: {}", known.join(", ")),
        }
    }
    super::strength::check_done_flags(id, &log)?;
    ctx.load_for_save(date);
    let walk = ctx.is_walk(id);
    if log.with.is_some() && !walk {
        bail!("--with is for walks: who came along (nothing logged)");
    }
    if log.partial && (walk || crate::strength::LIFTS.contains(&id)) {
        let own = if walk {
            "a walk logs the minutes walked (--minutes)"
        } else {
            "a lift logs the reps done (--reps)"
        };
        bail!("--partial is for a hold set cut short; {own} (nothing logged)");
    }
    let action = Action::Done { minutes: log.minutes };
    let req = Request { action, id, walk, date, confirmed: log.force };
    let (verdict, day) = ctx.ask(&req)?;
    if !proceed(verdict)? {
        return Ok(());
    }
    let rx = match day.get(id) {
        Some(item) => item.rx.clone(),
        None => crate::progression::prescribe_one(&ctx.settings, ctx.store.entries(), &exercise, date),
    };
    let (done_before, needed) = day.get(id).map_or((0, 1), |i| (i.done, i.needed));
    let mut entry = ctx.entry(date, EntryKind::Done, id);
    entry.step = Some(rx.step);
    entry.dose = Some(rx.dose_text.clone());
    entry.feedback = Some(log.feedback.unwrap_or(Feedback::Ok));
    entry.pain = Some(log.pain.unwrap_or(0));
    // A walk stores the minutes its reply announces (as given, else this bout's), so every
    // view counts the same minutes (issue 26).
    let minutes = log.minutes.or(rx.dose.walk_bout(done_before)).filter(|_| walk);
    entry.minutes = minutes.or(log.minutes);
    entry.note = log.note.clone();
    entry.variant = log.variant.clone();
    entry.with = log.with.as_deref().map(|w| w.trim().to_string()).filter(|w| !w.is_empty());
    entry.partial = log.partial;
    let lifted = super::strength::fill_lift(ctx, &exercise, date, &log, &mut entry);
    let pain = entry.pain.unwrap_or(0);
    let company = entry.with.clone();
    // Asked again under the lock, of the month as it is now: another upright may have logged it.
    if let Some(why) = ctx.store.append_if(entry, |month| rules::recheck(month, date, id, needed, walk))? {
        if walk {
            return Err(Refused(why).into());
        }
        errln!("upright: {why}");
        return Ok(());
    }
    // Say what was logged: the minutes walked, and the version done. Other cardio fills the
    // day's walk by minutes: it is no bout of the walk's count.
    let bouts = if log.variant.is_some() { 1 } else { needed };
    let walked = minutes.map(|m| (m, bouts));
    let version = log
        .variant
        .as_deref()
        .and_then(|v| exercise.variant(v))
        .map(|v| format!(", {}", v.name.to_lowercase()))
        .into_iter()
        .chain(company.map(|w| format!(", with {w}")))
        .chain(log.partial.then(|| ", cut short".to_string()))
        // A walk's rating given is said back in the talk test's words (COACHING.md turn 3, F).
        .chain(log.feedback.filter(|_| walk).map(|f| format!(", {}", crate::progression::walk_rating(f))))
        .reduce(|a, b| a + &b);
    // A lift says the form done (the bodyweight start's name while no load is set).
    let (name, dose) = lifted.unwrap_or_else(|| (exercise.name.clone(), rx.dose_text.clone()));
    outln!(
        "logged {}{}",
        rules::logged_line(&name, &dose, walked, done_before, date),
        version.unwrap_or_default()
    );
    if log.partial && pain <= 5 {
        outln!("{}", crate::rules::CUT_SHORT);
    }
    if pain > 5 {
        outln!("pain {pain} is too much: {id} is done for today, and next time it will be one step easier");
    }
    Ok(())
}

pub fn skip(ctx: &mut Ctx, id: &str, date: Day, reason: Option<String>, force: bool) -> Result<()> {
    let date = date.resolve(ctx.today)?;
    let name = ctx.exercise(id)?.name.clone();
    ctx.load_for_save(date);
    let req = Request { action: Action::Skip, id, walk: ctx.is_walk(id), date, confirmed: force };
    if !proceed(ctx.ask(&req)?.0)? {
        return Ok(());
    }
    let mut entry = ctx.entry(date, EntryKind::Skipped, id);
    entry.reason = reason;
    ctx.store.append(entry)?;
    // Every reply names the exercise as `done` does (issue 26): "skipped Curl-up for …".
    outln!("skipped {name} for {}", rules::short(date));
    Ok(())
}

/// A rest day: every exercise not yet settled is skipped with one reason.
pub fn rest(ctx: &mut Ctx, date: Day, reason: Option<String>, force: bool) -> Result<()> {
    let date = date.resolve(ctx.today)?;
    ctx.load_for_save(date);
    let req = Request { action: Action::Rest, id: "", walk: false, date, confirmed: force };
    let (verdict, day) = ctx.ask(&req)?;
    if !proceed(verdict)? {
        return Ok(());
    }
    let reason = reason.filter(|r| !r.trim().is_empty()).unwrap_or_else(|| "rest day".into());
    let ids = rules::rest_ids(&day);
    for id in &ids {
        let mut entry = ctx.entry(date, EntryKind::Skipped, id);
        entry.reason = Some(reason.clone());
        ctx.store.append(entry)?;
    }
    let names: Vec<String> =
        ids.iter().map(|id| ctx.exercise(id).map_or(id.clone(), |e| e.name.clone())).collect();
    outln!("a rest day for {}: skipped {} ({reason})", rules::short(date), names.join(", "));
    Ok(())
}

pub fn undo(ctx: &mut Ctx, id: &str, date: Day) -> Result<()> {
    let date = date.resolve(ctx.today)?;
    let name = ctx.exercise(id)?.name.clone();
    ctx.load_for_save(date);
    // Undo must see the day's month: a month that does not load gives its error (path, line,
    // column), not "nothing to undo".
    let key = crate::state::MonthKey::of(date);
    if let Some((_, error)) = ctx.store.broken().find(|(k, _)| *k == key) {
        bail!("{error}; nothing was undone");
    }
    let last = ctx.store.last_logged(date, id).cloned();
    let req =
        Request { action: Action::Undo { logged: last.is_some() }, id, walk: false, date, confirmed: true };
    proceed(ctx.ask(&req)?.0)?;
    let Some(entry) = last else { return Ok(()) };
    ctx.store.remove(date, &entry.id)?;
    let what = if entry.kind == EntryKind::Skipped { "skip" } else { "done entry" };
    outln!("removed {name}'s {what} ({}) for {}", removed_words(&entry), rules::short(date));
    Ok(())
}

/// What an undo took out, in words: kind, exercise, what was logged with it, and when it was
/// logged (e.g. "12 min, logged at 07:31:00"), for "removed Walk's done entry (…)".
fn removed_words(e: &crate::state::Entry) -> String {
    let mut parts = Vec::new();
    if let Some(variant) = &e.variant {
        parts.push(format!("as {variant}"));
    }
    if let Some(minutes) = e.minutes {
        parts.push(format!("{minutes} min"));
    }
    if let Some(reps) = e.reps {
        parts.push(format!("{reps} reps"));
    }
    if let Some(load) = e.load {
        parts.push(format!("load {load}"));
    }
    if let Some(reason) = &e.reason {
        parts.push(format!("\"{reason}\""));
    }
    // `at` as written: its own local time, whatever the clock says now.
    match e.at.parse::<jiff::civil::DateTime>() {
        Ok(at) => parts.push(format!("logged at {}", at.strftime("%H:%M:%S"))),
        Err(_) => parts.push(format!("logged at {}", e.at)),
    }
    parts.join(", ")
}

/// `upright safety --clear [ID]`: a clinician checked the sign reported (the lock or the GP
/// hold), or cleared exercise ID after pain down a leg — what `c` does in the app.
pub fn clear(ctx: &mut Ctx, id: Option<&str>) -> Result<()> {
    ctx.load_recent()?;
    let safety = crate::safety::Safety::from_entries(ctx.store.entries());
    match id {
        Some(id) => {
            match safety.leg_pause(ctx.exercise(id)?) {
                Some((_, true)) => {}
                // Paused along with another's leg symptoms: that one is what a clinician clears.
                Some((_, false)) => {
                    let causes: Vec<&str> = safety.paused.keys().map(String::as_str).collect();
                    errln!(
                        "upright: {id} is paused along with the leg symptoms reported in {}; clear that: upright safety --clear {}",
                        causes.join(", "),
                        causes[0]
                    );
                    return Ok(());
                }
                None => {
                    errln!("upright: {id} is not paused; nothing to clear");
                    return Ok(());
                }
            }
            ctx.store.append(ctx.entry(ctx.today, EntryKind::Cleared, id))?;
            outln!("{id} is back in your routine. Go gently.");
        }
        None if safety.locked_since.is_some() || safety.gp_since.is_some() => {
            ctx.store.append(ctx.event(ctx.today, EntryKind::Cleared))?;
            outln!("noted: a clinician has checked the sign you reported; the routine is open again");
        }
        None => errln!("upright: no sign reported is waiting for a clinician; nothing to clear"),
    }
    Ok(())
}
