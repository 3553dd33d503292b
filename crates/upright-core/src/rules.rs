//! What may be logged, decided once for every front end (the CLI's `done`/`skip`/`rest`/`undo`,
//! the app's keys, the week screen's backfill): `judge` takes the day's view and a request and
//! answers allowed, allowed with a note, nothing to do, allowed once confirmed, or refused with
//! the reason. The count-based rules are asked again under the writer lock (`recheck`), of the
//! month as re-read. Pure: the day, today and the first entry's date come in as arguments.

use jiff::ToSpan;
use jiff::civil::Date;

use crate::holds::Hold;
use crate::log::{Entry, EntryKind};
use crate::today::Day;

/// The longest walk (in minutes) one bout may log: past it, a typo (600 for 60) is likelier.
pub const MAX_MINUTES: u32 = 300;

/// How far back a backfill goes without being confirmed.
const BACKFILL_DAYS: i64 = 365;

/// What the user asks to log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// A completed exercise (a walk: one bout), with the minutes when given.
    Done {
        minutes: Option<u32>,
    },
    Skip,
    /// Skip every remaining exercise of the day with one reason.
    Rest,
    /// Remove the day's last entry of the exercise; `logged` says whether there is one.
    Undo {
        logged: bool,
    },
}

#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    pub action: Action,
    /// The exercise (empty for a rest day).
    pub id: &'a str,
    /// Whether the exercise is a walk (from the catalog: an exercise outside the routine has no
    /// item in the day to say so).
    pub walk: bool,
    /// The day it is for; `day` must be the view of that day.
    pub date: Date,
    /// Confirmed already (`--force` on the CLI, `y` in the app).
    pub confirmed: bool,
}

/// What is true besides the day being asked about.
#[derive(Debug, Clone, Copy)]
pub struct Facts {
    /// The coaching day now.
    pub today: Date,
    /// An emergency sign reported and not cleared, as of today (a backfill is locked too).
    pub locked: bool,
    /// The date of the first entry in the log, if any.
    pub first_entry: Option<Date>,
}

/// The answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Allowed,
    /// Allowed; tell the user this.
    Note(String),
    /// Nothing to log, and that is fine (a script may repeat itself): say why, exit 0.
    Nothing(String),
    /// Allowed once confirmed; the question to ask.
    Confirm(String),
    /// Not allowed: the reason, and how to move on.
    Refused(String),
}

/// The lock's message, the same in the app and the CLI.
pub const LOCKED: &str = "The routine is locked: you reported an emergency sign. Get care now; once a clinician has \
     checked you, clear it (c on the ! screen, or run upright safety --clear).";

/// "Tue 24 Nov": the day as replies name it.
pub fn short(date: Date) -> String {
    date.strftime("%a %-d %b").to_string()
}

pub fn judge(day: &Day, facts: &Facts, req: &Request) -> Verdict {
    let (id, date) = (req.id, req.date);
    if date > facts.today {
        return Verdict::Refused(format!(
            "{date} has not come yet (today is {}); nothing logged",
            facts.today
        ));
    }
    let item = day.get(id);
    let name = item.map_or(id, |i| i.exercise.name.as_str());
    let verdict = match req.action {
        Action::Undo { logged: false } => {
            return Verdict::Refused(format!("nothing to undo for {name} on {}", short(date)));
        }
        Action::Undo { logged: true } => return Verdict::Allowed,
        _ if facts.locked => return Verdict::Refused(LOCKED.into()),
        Action::Done { minutes } => done(day, facts.today, req, name, minutes),
        Action::Skip => skip(day, req, name),
        Action::Rest if rest_ids(day).is_empty() => {
            Verdict::Nothing(format!("nothing left to skip on {}: every exercise is settled", short(date)))
        }
        Action::Rest => Verdict::Allowed,
    };
    // Only what would be logged is worth confirming.
    match verdict {
        Verdict::Allowed | Verdict::Note(_)
            if !req.confirmed
                && let Some(why) = far_back(facts, date) =>
        {
            let what = if matches!(req.action, Action::Rest) { "a rest day" } else { name };
            Verdict::Confirm(format!("{} is {why}: log {what} for it anyway?", date.strftime("%a %-d %b %Y")))
        }
        v => v,
    }
}

/// Why `date` is far enough back to ask first (a typo in a date would otherwise quietly
/// create a month years ago).
fn far_back(facts: &Facts, date: Date) -> Option<String> {
    let year_ago = facts.today.checked_sub(BACKFILL_DAYS.days()).unwrap_or(facts.today);
    if date < year_ago {
        return Some("more than a year back".into());
    }
    let first = facts.first_entry.filter(|first| date < *first)?;
    Some(format!("before your first entry ({})", first.strftime("%a %-d %b %Y")))
}

fn done(day: &Day, today: Date, req: &Request, name: &str, minutes: Option<u32>) -> Verdict {
    match minutes {
        Some(_) if !req.walk => {
            return Verdict::Refused(format!(
                "--minutes is for walks; {name} is not a walk (nothing logged)"
            ));
        }
        Some(m) if !(1..=MAX_MINUTES).contains(&m) => {
            return Verdict::Refused(format!(
                "{m} minutes is not a walk bout upright can log: give 1–{MAX_MINUTES} (nothing logged)"
            ));
        }
        _ => {}
    }
    // The strength lifts are not in the daily routine: their own schedule counts them.
    let lift = crate::strength::LIFTS.contains(&req.id);
    let lift_note = || off_schedule(day, today, req.date, name).map_or(Verdict::Allowed, Verdict::Note);
    if let Some(why) = day.hold_of(req.id).and_then(|h| held(h, name, req.id)) {
        return Verdict::Refused(why);
    }
    if lift && day.get(req.id).is_none() {
        return lift_note();
    }
    let Some(item) = day.get(req.id) else {
        return Verdict::Note(format!(
            "{name} is not in your routine; logged anyway — add it under `extras` in the config to make it part of it"
        ));
    };
    if item.rx.stopped {
        return Verdict::Refused(stopped(name));
    }
    if let Some(v) = too_many(item.done, item.needed, req.walk, name, req.id, req.date) {
        return v;
    }
    // Other cardio fills the walk by minutes (issue 26): once they reach the day's, it is done.
    if req.walk && item.is_done() {
        return Verdict::Refused(format!(
            "the walk for {} is done: {} of {} min logged, other cardio included; nothing new logged",
            short(req.date),
            item.facts.minutes,
            item.facts.target_minutes.unwrap_or(0)
        ));
    }
    if item.skipped {
        return Verdict::Note(format!("{name} was skipped for {}; this replaces the skip", short(req.date)));
    }
    if lift {
        return lift_note();
    }
    Verdict::Allowed
}

/// Why a lift on `date` is outside the strength schedule, and what logging it does to it: the
/// day is not a strength day, or it is next to one (strength days are never on consecutive
/// days, issue 16). Logged anyway, since it was done: the day counts as a strength day and
/// the next one may move. `None` when the day is a strength day, or already counts as one.
fn off_schedule(day: &Day, today: Date, date: Date, name: &str) -> Option<String> {
    let Some(schedule) = &day.strength else {
        return Some(format!(
            "{name} is a strength-day lift and strength days are off; logged anyway — set strength = true in the config to make them part of your routine"
        ));
    };
    let (before, after) = schedule.beside(date);
    if schedule.has_session(date) || (schedule.is_due(date) && before.is_none() && after.is_none()) {
        return None;
    }
    let day_of = |d: Date| format!("{}'s", short(d));
    let why = match (before, after) {
        (None, None) => format!("{} is not a strength day", short(date)),
        (Some(b), None) => format!("{} follows {} strength day", short(date), day_of(b)),
        (None, Some(a)) => format!("{} is the day before {} strength day", short(date), day_of(a)),
        (Some(b), Some(a)) => {
            format!("{} falls between the strength days of {} and {}", short(date), short(b), short(a))
        }
    };
    let apart = if before.is_some() || after.is_some() {
        ", and strength days are never back to back (the muscles recover in between)"
    } else {
        ""
    };
    let when = |d: Date| if d == today { "today".to_string() } else { short(d) };
    let (next, then) = (schedule.next_from(today), schedule.with(date).next_from(today));
    let moves = if next == then {
        format!("; the next is still {}", when(next))
    } else {
        format!(": the next moves from {} to {}", when(next), when(then))
    };
    Some(format!("{why}{apart}; logged anyway, it counts as a strength day{moves}"))
}

fn skip(day: &Day, req: &Request, name: &str) -> Verdict {
    let Some(item) = day.get(req.id) else {
        return Verdict::Refused(format!("{name} is not in your routine; nothing to skip"));
    };
    if item.is_done() {
        return Verdict::Refused(already_done(name, req.id, req.date));
    }
    if item.rx.stopped {
        return Verdict::Refused(stopped(name));
    }
    if let Some(why) = item.rx.hold().and_then(|h| held(h, name, req.id)) {
        return Verdict::Refused(why);
    }
    if item.skipped {
        return Verdict::Nothing(format!("{name} is already skipped for {}", short(req.date)));
    }
    Verdict::Allowed
}

/// The ids a rest day skips: every exercise not yet settled.
pub fn rest_ids(day: &Day) -> Vec<String> {
    day.items.iter().filter(|i| !i.is_settled()).map(|i| i.exercise.id.clone()).collect()
}

/// Why a hold that pauses an exercise refuses logging it (the lock is answered before any day).
fn held(hold: Hold, name: &str, id: &str) -> Option<String> {
    match hold {
        Hold::LegPause { own: true, .. } => Some(paused(name, id)),
        Hold::LegPause { own: false, .. } => Some(format!(
            "{name} is paused along with the leg symptoms you reported (it loads the nerve or the lower back); it comes back when a clinician has cleared them (`upright safety` lists what is paused)"
        )),
        Hold::FlarePause { .. } => Some(format!(
            "{name} is paused during a flare-up: loaded lifts and carries rest until it is over (`upright flare off`)"
        )),
        _ => None,
    }
}

fn paused(name: &str, id: &str) -> String {
    format!(
        "{name} is paused after pain down a leg; once a clinician has cleared it, press c on it in the app or run `upright safety --clear {id}`"
    )
}

fn stopped(name: &str) -> String {
    format!("{name} is done for today: pain above 5 ended it; next time it will be one step easier")
}

fn already_done(name: &str, id: &str, date: Date) -> String {
    format!("{name} is already done for {}; u (or `upright undo {id}`) undoes it", short(date))
}

/// The count rule, shared by `judge` and `recheck`: walk bouts up to the day's prescription
/// (more is refused with the count); any other exercise once (again is a no-op with a note).
fn too_many(done: u32, needed: u32, walk: bool, name: &str, id: &str, date: Date) -> Option<Verdict> {
    if done < needed.max(1) {
        return None;
    }
    Some(if walk {
        Verdict::Refused(format!(
            "all {needed} walk bouts for {} are logged ({done} of {needed}); nothing new logged",
            short(date)
        ))
    } else {
        Verdict::Nothing(already_done(name, id, date))
    })
}

/// The count rule again, under the writer lock, of `month` as re-read (another upright may have
/// logged a moment ago): why the done entry of `id` on `date` would be one too many. `needed` is
/// the day's bouts (1 for anything but a walk).
pub fn recheck(month: &[Entry], date: Date, id: &str, needed: u32, walk: bool) -> Option<String> {
    let done = month.iter().filter(|e| e.date == date && e.is_for(id) && e.kind == EntryKind::Done).count();
    match too_many(done as u32, needed, walk, id, id, date)? {
        Verdict::Refused(why) | Verdict::Nothing(why) => Some(why),
        _ => None,
    }
}

/// The count rule of a waiting entry (one a failed save kept in a pending file) as it is merged
/// into `month`: it was judged when the month could not be read, so a second "done" of the same
/// day, logged while it waited, is one too many now. The day's bouts come from the step the
/// entry records. The store asks it through [`crate::log::MergeRule`].
pub fn recheck_waiting(catalog: &crate::catalog::Catalog, month: &[Entry], e: &Entry) -> Option<String> {
    let id = e.exercise.as_deref().filter(|_| e.kind == EntryKind::Done)?;
    let ex = catalog.get(id)?;
    let walk = ex.dose(1).walk_minutes().is_some();
    let needed = if walk { ex.dose(e.step.unwrap_or(1)).sessions() } else { 1 };
    recheck(month, e.date, id, needed, walk).map(|why| format!("a waiting entry was not saved: {why}"))
}

/// What the rating prompt (and `done --partial`) says of a hold set cut short (issue 20): a
/// partial session counts for the day and holds the step.
pub const CUT_SHORT: &str = "Cut short: it counts for today; the step grows after full sessions.";

/// What a reply says was logged: "Walk bout 2 of 3 (6 min) for Tue 24 Nov", "Curl-up (4-3-2 ×
/// 8 s holds) for Tue 24 Nov". `done_before` is the day's count before this entry.
pub fn logged_line(name: &str, dose: &str, walk: Option<(u32, u32)>, done_before: u32, date: Date) -> String {
    match walk {
        Some((minutes, needed)) if needed > 1 => {
            format!("{name} bout {} of {needed} ({minutes} min) for {}", done_before + 1, short(date))
        }
        Some((minutes, _)) => format!("{name} ({minutes} min) for {}", short(date)),
        None => format!("{name} ({dose}) for {}", short(date)),
    }
}

#[cfg(test)]
mod day_tests;
#[cfg(test)]
mod tests;
