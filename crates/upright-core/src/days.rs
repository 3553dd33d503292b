//! One set of day facts (issue 26): what the log says about each routine exercise on each day —
//! done, bouts, minutes, the session's worst rating and highest pain, stopped, paused or held as
//! advised, the version done, the load — and whether the day is complete and why. Today, the
//! week screen, `week`, `status`, `nudge`, `progress`, `report` and `export` read these instead
//! of counting for themselves, so their numbers agree. Pure: built from the entries and `today`.
//!
//! Rules (docs/using.md, "Streaks"):
//! - A walk's bouts are one session: its rating is the worst of the day, its pain the highest.
//! - Walk minutes are the minutes logged; a bout logged without them counts the minutes of that
//!   bout of the dose it was logged at (bout 2 of "6 + 5 + 5 min" is 5).
//! - Other cardio (`done walk --as bike`) fills the day's walk by minutes: the walk is done when
//!   its bouts are all done, or when walks and other cardio together reach the day's minutes.
//! - Safety never costs the day (COACHING.md "Turn 3 review" B): an exercise stopped for pain
//!   above 5, paused for pain down a leg, or held on a day the back had not settled counts as
//!   done as advised. "Held" is an exercise neither done nor skipped on such a day, once the day
//!   is over (while it is today it can still be done at its held dose). A complete day still
//!   needs one exercise done, so the streak is never gained by reporting pain alone.

use jiff::civil::Date;

use crate::catalog::{Catalog, Exercise, Level};
use crate::log::{Entry, EntryKind, Feedback};
use crate::safety::Safety;
use crate::settings::Settings;

/// Why an exercise not done still counts for the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Advised {
    /// Pain above 5 ended it that day (the highest pain).
    Stopped(u8),
    /// Paused after pain down a leg.
    Paused,
    /// The back had not settled that morning and the day is over.
    Held,
}

impl Advised {
    /// In words, for the week grid's notes and the report.
    pub fn text(&self) -> String {
        match self {
            Advised::Stopped(pain) => format!("stopped as advised (pain {pain})"),
            Advised::Paused => "paused as advised (pain down a leg)".into(),
            Advised::Held => "held as advised (back not settled)".into(),
        }
    }
}

/// One exercise on one day.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Facts {
    pub id: String,
    /// Done entries (a walk's bouts count one each, other cardio included).
    pub done: u32,
    /// Bouts the day's dose has (1 for anything but a walk).
    pub needed: u32,
    /// Minutes toward the walk: walks and other cardio.
    pub minutes: u32,
    /// Of those, the minutes of other cardio.
    pub cardio_minutes: u32,
    /// The day's walking minutes, all bouts of the dose logged (a walk only).
    pub target_minutes: Option<u32>,
    /// The session: the worst rating and the highest pain of the day's done entries.
    pub worst: Option<Feedback>,
    pub pain: Option<u8>,
    /// The last done or skipped entry is a skip.
    pub skipped: bool,
    pub advised: Option<Advised>,
    /// The version of the last done entry (`--as`).
    pub variant: Option<String>,
    /// Every done entry was another version (for a walk: other cardio).
    pub all_variant: bool,
    /// The heaviest load lifted.
    pub load: Option<f64>,
    /// A session cut short.
    pub partial: bool,
    /// The last note of a done entry, or the skip's reason.
    pub note: Option<String>,
    /// The id of the last done or skipped entry (what undo removes).
    pub last_logged: Option<String>,
}

impl Facts {
    /// All its bouts done, or for a walk with other cardio, the day's minutes reached.
    pub fn is_done(&self) -> bool {
        self.done >= self.needed.max(1)
            || (self.cardio_minutes > 0 && self.target_minutes.is_some_and(|t| self.minutes >= t))
    }

    /// Counts for the day: done, excused-skipped or done as advised.
    pub fn counts(&self) -> bool {
        self.is_done() || self.skipped || self.advised.is_some()
    }
}

/// Why a day is or is not complete.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// Every scheduled exercise done, skipped or done as advised, one of them done.
    Complete,
    /// Nothing done (a rest day, or nothing logged).
    NothingDone,
    /// These scheduled exercises (ids) are not done.
    Missing(Vec<String>),
}

/// One day.
#[derive(Debug, Clone, PartialEq)]
pub struct DayFacts {
    pub date: Date,
    /// One per routine exercise, in routine order.
    pub exercises: Vec<Facts>,
    pub complete: bool,
    pub why: Why,
    /// The walk was done that day (all its bouts, or its minutes).
    pub walked: bool,
    /// Minutes toward the walk (walks and other cardio).
    pub walk_minutes: u32,
    /// The highest pain of any session that day (strength lifts and extras included).
    pub pain: Option<u8>,
    /// Anything was done that day (strength lifts and extras included).
    pub exercised: bool,
}

impl DayFacts {
    /// Routine exercises done that day.
    pub fn done_count(&self) -> u32 {
        self.exercises.iter().filter(|f| f.is_done()).count() as u32
    }

    pub fn get(&self, id: &str) -> Option<&Facts> {
        self.exercises.iter().find(|f| f.id == id)
    }
}

/// The facts of each day in `[from, to]` as of `today`. `history` is the log in date order; a
/// leg pause is read from the entries up to each day (`Safety::from_entries`), so it needs the
/// safety entries before `from` too.
pub fn span(
    catalog: &Catalog,
    settings: &Settings,
    history: &[Entry],
    from: Date,
    to: Date,
    today: Date,
) -> Vec<DayFacts> {
    let mut out = Vec::new();
    walk(catalog, settings, history, (from, to), today, Detail::Full, |day| out.push(day));
    out
}

/// Whether each day in `[from, to]` is complete and walked, as [`span`]'s facts say: the same
/// facts, built without the texts (ids, notes, versions) no count reads — what the streak over a
/// whole history asks of 11,000 days at 30 years.
pub fn span_counts(
    catalog: &Catalog,
    settings: &Settings,
    history: &[Entry],
    from: Date,
    to: Date,
    today: Date,
) -> Vec<(bool, bool)> {
    let mut out = Vec::new();
    walk(catalog, settings, history, (from, to), today, Detail::Counts, |day| {
        out.push((day.complete, day.walked))
    });
    out
}

/// What a day's facts carry: everything, or only what counting days needs (their texts left
/// empty; such facts never leave this module).
#[derive(Clone, Copy, PartialEq)]
enum Detail {
    Full,
    Counts,
}

/// Hands the facts of each day in `[from, to]` to `each`, oldest first.
fn walk(
    catalog: &Catalog,
    settings: &Settings,
    history: &[Entry],
    (from, to): (Date, Date),
    today: Date,
    detail: Detail,
    mut each: impl FnMut(DayFacts),
) {
    let routine = settings.routine(catalog);
    let mut date = from;
    let mut safety: Option<Safety> = None;
    while date <= to {
        let lo = history.partition_point(|e| e.date < date);
        let hi = history.partition_point(|e| e.date <= date);
        // The safety state is replayed from the start only when the day could change it: a day
        // of sessions, skips and breaks leaves it as it was (a long span stays linear).
        let plain = |e: &Entry| matches!(e.kind, EntryKind::Done | EntryKind::Skipped | EntryKind::Break);
        if safety.is_none() || !history[lo..hi].iter().all(plain) {
            safety = Some(Safety::from_entries(&history[..hi]));
        }
        let safety = safety.as_ref().expect("set above");
        each(day_with(settings, &routine, &history[lo..hi], safety, (date, today), detail));
        let Ok(next) = date.tomorrow() else { break };
        date = next;
    }
}

/// The facts of one day: `entries` are that day's, `safety` as of that day.
pub fn day(
    settings: &Settings,
    routine: &[&Exercise],
    entries: &[Entry],
    safety: &Safety,
    date: Date,
    today: Date,
) -> DayFacts {
    day_with(settings, routine, entries, safety, (date, today), Detail::Full)
}

fn day_with(
    settings: &Settings,
    routine: &[&Exercise],
    entries: &[Entry],
    safety: &Safety,
    (date, today): (Date, Date),
    detail: Detail,
) -> DayFacts {
    let exercises: Vec<Facts> =
        routine.iter().map(|ex| of_with(ex, entries, safety, (date, today), detail)).collect();
    let walk_at = routine.iter().position(|e| e.id == "walk");
    let walked = walk_at.is_some_and(|i| exercises[i].is_done());
    let walk_minutes = walk_at.map_or(0, |i| exercises[i].minutes);
    // On the active level the walk counts toward the weekly walk target, not the day.
    let daily = |i: usize| !(settings.level == Level::Active && Some(i) == walk_at);
    let scheduled = || exercises.iter().enumerate().filter(|(i, _)| daily(*i)).map(|(_, f)| f);
    let why = if !exercises.iter().any(|f| f.done > 0) {
        Why::NothingDone
    } else if scheduled().next().is_none() || scheduled().any(|f| !f.counts()) {
        Why::Missing(match detail {
            Detail::Full => scheduled().filter(|f| !f.counts()).map(|f| f.id.clone()).collect(),
            Detail::Counts => Vec::new(),
        })
    } else {
        Why::Complete
    };
    let done = || entries.iter().filter(|e| e.date == date && e.kind == EntryKind::Done);
    let pain = done().map(|e| e.pain.unwrap_or(0)).max();
    let exercised = done().next().is_some();
    DayFacts { date, complete: why == Why::Complete, why, exercises, walked, walk_minutes, pain, exercised }
}

/// The facts of `ex` on `date` from that day's `entries`.
pub fn of(ex: &Exercise, entries: &[Entry], safety: &Safety, date: Date, today: Date) -> Facts {
    of_with(ex, entries, safety, (date, today), Detail::Full)
}

fn of_with(
    ex: &Exercise,
    entries: &[Entry],
    safety: &Safety,
    (date, today): (Date, Date),
    detail: Detail,
) -> Facts {
    let text = |s: &String| if detail == Detail::Full { s.clone() } else { String::new() };
    // Two passes over the day's entries, nothing collected: this runs for every routine
    // exercise of every day counted (a 30-year streak is 66,000 calls).
    let mine = |e: &&Entry| e.date == date && e.is_for(&ex.id);
    let (mut done, mut step, mut variants, mut partial) = (0u32, None, 0u32, false);
    let (mut last, mut last_done, mut noted): (Option<&Entry>, Option<&Entry>, Option<&Entry>) =
        (None, None, None);
    for e in entries.iter().filter(mine) {
        match e.kind {
            EntryKind::Done => {
                done += 1;
                step = step.max(e.step);
                variants += u32::from(e.variant.is_some());
                partial |= e.partial;
                (last, last_done) = (Some(e), Some(e));
                if e.note.is_some() {
                    noted = Some(e);
                }
            }
            EntryKind::Skipped => {
                last = Some(e);
                if e.reason.is_some() {
                    noted = Some(e);
                }
            }
            _ => {}
        }
    }
    // A walk needs the bouts of the step it was logged at (the highest, when it moved).
    let dose = ex.dose(step.unwrap_or(1));
    let is_walk = dose.walk_total().is_some();
    let mut f = Facts {
        id: text(&ex.id),
        done,
        needed: dose.sessions(),
        target_minutes: dose.walk_total(),
        skipped: last.is_some_and(|e| e.kind == EntryKind::Skipped),
        last_logged: last.map(|e| text(&e.id)),
        all_variant: done > 0 && variants == done,
        variant: last_done.and_then(|e| e.variant.as_ref().map(text)),
        partial,
        ..Facts::default()
    };
    let done = entries.iter().filter(mine).filter(|e| e.kind == EntryKind::Done);
    for (i, e) in done.enumerate() {
        if is_walk {
            let bout = ex.dose(e.step.unwrap_or(1)).walk_bout(i as u32).unwrap_or(0);
            let minutes = e.minutes.unwrap_or(bout);
            f.minutes += minutes;
            if e.variant.is_some() {
                f.cardio_minutes += minutes;
            }
        }
        f.worst = if i == 0 { e.feedback } else { worse(f.worst, e.feedback) };
        f.pain = f.pain.max(e.pain);
        if let Some(load) = e.load {
            f.load = Some(f.load.map_or(load, |l: f64| l.max(load)));
        }
    }
    // The last note of a done entry or reason of a skip.
    f.note = noted
        .and_then(|e| if e.kind == EntryKind::Done { e.note.as_ref() } else { e.reason.as_ref() })
        .filter(|n| detail == Detail::Full && !n.trim().is_empty())
        .cloned();
    let not_settled = entries.iter().any(|e| e.date == date && e.kind == EntryKind::NotSettled);
    f.advised = if let Some(pain) = f.pain.filter(|p| *p > 5) {
        Some(Advised::Stopped(pain))
    } else if f.is_done() || f.skipped {
        None
    } else if safety.leg_pause(ex).is_some() {
        Some(Advised::Paused)
    } else if not_settled && date < today {
        Some(Advised::Held)
    } else {
        None
    };
    f
}

/// The worse of two ratings (no rating reads as "ok").
pub fn worse(a: Option<Feedback>, b: Option<Feedback>) -> Option<Feedback> {
    let rank = |f: Option<Feedback>| match f {
        Some(Feedback::Hard) => 3,
        None | Some(Feedback::Ok) => 2,
        Some(Feedback::Easy) => 1,
    };
    if rank(b) > rank(a) { b } else { a }
}

/// The sessions of `id` on days before `date`, newest first, at most `n`: one per day (its
/// worst rating and highest pain).
pub fn sessions_before(
    history: &[Entry],
    id: &str,
    date: Date,
    n: usize,
) -> Vec<(Date, Option<Feedback>, Option<u8>)> {
    let before = history.partition_point(|e| e.date < date);
    let mut out: Vec<(Date, Option<Feedback>, Option<u8>)> = Vec::with_capacity(n);
    for e in history[..before].iter().rev().filter(|e| e.kind == EntryKind::Done && e.is_for(id)) {
        let full = out.len() == n;
        match out.last_mut() {
            Some(s) if s.0 == e.date => {
                s.1 = worse(s.1, e.feedback);
                s.2 = s.2.max(e.pain);
            }
            _ if full => break,
            _ => out.push((e.date, e.feedback, e.pain)),
        }
    }
    out
}

#[cfg(test)]
mod tests;
