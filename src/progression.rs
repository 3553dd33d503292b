//! Dosing rules (shared/COACHING.md "Progression" and "Flare-up mode"): given the settings, the
//! log and a date, each exercise's dose that day and one human line saying why it changed.
//! Pure: no IO, no clock; `date` is an argument.
//!
//! How the rules read the log, where COACHING.md leaves room:
//! - A *session* is the Done entries of one exercise on one coaching day (walk bouts together):
//!   its rating is the day's worst, its pain the day's highest. No feedback counts as ok, no pain
//!   as 0. Skips are not sessions: missed days count from the last session actually done.
//! - Each entry records the step it was done at; the last session's step is where the user is.
//!   That keeps the log the truth even if the catalog or config changes later.
//! - The 7-day limit counts from the first session at the current step, when that step was
//!   reached by a change (not for an exercise's very first sessions): a new user's first
//!   advance comes after 3 good sessions, and every later one at least 7 days after the last.
//! - When several rules lower the step (pain, hard sessions, missed days) the lowest wins; a
//!   4–7 day gap only holds. Caps (level or config) always apply, then the walk cap.
//! - `start_step` from the config is where an exercise starts before its first session.
//! - After a flare, sessions logged during it are ignored for the run of 3; missed days still
//!   count from the last session of any kind.

mod forecast;

use jiff::civil::Date;

pub use forecast::{PlanItem, WeekPlan, forecast};

use crate::catalog::{Catalog, Dose, Exercise};
use crate::config::Settings;
use crate::safety::Safety;
use crate::state::{Entry, EntryKind, Feedback};

/// Days back over which a run of good sessions is counted (views always load more than this).
const RUN_DAYS: i64 = 56;

/// How today's step relates to the last session's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// No session yet: the start step for the level (or the config override).
    Start,
    Same,
    Up,
    Down,
    /// Advancing was due or possible but something held it (hard session, pain 4–5, walk cap,
    /// a few days off).
    Hold,
    /// Flare-up mode sets the step.
    Flare,
}

/// Today's dose of one exercise.
#[derive(Debug, Clone, PartialEq)]
pub struct Prescription {
    pub id: String,
    pub step: u32,
    pub dose: Dose,
    pub dose_text: String,
    pub change: Change,
    /// One human line when the step changed or was held ("curl-up up to 4-3-2 × 8 s holds:
    /// 3 easy sessions in a row"); `None` when nothing needs saying.
    pub reason: Option<String>,
    /// Pain above 5 today ended this exercise for the day.
    pub stopped: bool,
    /// Pain down a leg paused this exercise until a clinician clears it.
    pub paused: bool,
}

/// Each routine exercise's dose on `date`, in routine order. Entries dated after `date` are
/// ignored (a backfill sees the log as it was); entries of `date` itself do not change the dose,
/// except that pain above 5 stops the exercise for the day.
pub fn prescribe(catalog: &Catalog, settings: &Settings, history: &[Entry], date: Date) -> Vec<Prescription> {
    let upto = &history[..history.partition_point(|e| e.date <= date)];
    // What is the same for every exercise that day is read from the log once.
    let safety = Safety::from_entries(upto);
    let flare = flare_since(upto, date).is_some();
    settings
        .routine(catalog)
        .into_iter()
        .map(|e| prescribe_with(settings, upto, e, date, &safety, flare))
        .collect()
}

/// One day's Done entries of one exercise, merged.
#[derive(Debug, Clone, Copy)]
struct Session {
    date: Date,
    step: u32,
    hard: bool,
    /// Every entry of the day was rated easy.
    easy: bool,
    pain: u8,
}

impl Session {
    fn good(&self) -> bool {
        !self.hard && self.pain <= 3
    }
}

fn days_between(a: Date, b: Date) -> i64 {
    a.until(b).map(|s| i64::from(s.get_days())).unwrap_or(0)
}

/// Calendar days strictly between two dates: the days missed between sessions.
fn missed_days(last: Date, next: Date) -> i64 {
    days_between(last, next) - 1
}

/// Flare-up mode as of `date`: the day it went on, when it is on.
pub fn flare_since(history: &[Entry], date: Date) -> Option<Date> {
    let upto = history.partition_point(|e| e.date <= date);
    history[..upto]
        .iter()
        .rev()
        .find(|e| matches!(e.kind, EntryKind::FlareOn | EntryKind::FlareOff))
        .filter(|e| e.kind == EntryKind::FlareOn)
        .map(|e| e.date)
}

/// After 14 days in flare-up mode the app suggests seeing a GP or physiotherapist.
pub fn flare_prompt(history: &[Entry], date: Date) -> bool {
    flare_since(history, date).is_some_and(|since| days_between(since, date) >= 14)
}

/// One exercise's dose on `date` (also for exercises outside the routine).
pub fn prescribe_one(
    settings: &Settings,
    history: &[Entry],
    exercise: &Exercise,
    date: Date,
) -> Prescription {
    let history = &history[..history.partition_point(|e| e.date <= date)];
    let safety = Safety::from_entries(history);
    prescribe_with(settings, history, exercise, date, &safety, flare_since(history, date).is_some())
}

/// One exercise's dose, given the log up to `date` and that day's safety and flare state.
fn prescribe_with(
    settings: &Settings,
    history: &[Entry],
    exercise: &Exercise,
    date: Date,
    safety: &Safety,
    flare: bool,
) -> Prescription {
    let past = &history[..history.partition_point(|e| e.date < date)];
    let today_pain = history[past.len()..]
        .iter()
        .filter(|e| e.kind == EntryKind::Done && e.is_for(&exercise.id))
        .filter_map(|e| e.pain)
        .max();
    let (mut step, mut change, mut reason) = if flare {
        (1, Change::Flare, Some(format!("flare-up mode: {} at its gentlest", exercise.id)))
    } else {
        decide(settings, history, past, exercise, date)
    };
    // Safety (COACHING.md): a see-a-GP red flag pauses progression until a clinician has
    // checked it; pain down a leg pauses the exercise itself until it is cleared.
    if change == Change::Up && safety.gp_since.is_some() {
        step -= 1;
        change = Change::Hold;
        reason =
            Some("holding: progression is paused until a clinician has checked the sign you reported".into());
    }
    let paused = safety.paused.get(&exercise.id).copied();
    if let Some(since) = paused {
        reason = Some(format!(
            "paused since {}: pain spread down a leg — press c once a clinician has cleared it",
            since.strftime("%a %-d %b")
        ));
    }
    let stopped = today_pain.is_some_and(|p| p > 5);
    if let Some(pain) = today_pain.filter(|_| stopped) {
        reason = Some(format!("stopped for today: pain {pain}; next time it will be one step easier"));
    }
    Prescription {
        id: exercise.id.clone(),
        step,
        dose: exercise.dose(step).clone(),
        dose_text: exercise.dose_text(step),
        change,
        reason,
        stopped,
        paused: paused.is_some(),
    }
}

/// The step for `date` outside flare mode, from the sessions since the last flare (if any).
fn decide(
    settings: &Settings,
    history: &[Entry],
    past: &[Entry],
    ex: &Exercise,
    date: Date,
) -> (u32, Change, Option<String>) {
    let cap = settings.cap_step(ex);
    let dose = |step: u32| ex.dose_text(step);
    // The last flare-off (on or before `date`) restarts the ladder two steps below where the
    // exercise was when the flare began.
    let off = history.iter().rposition(|e| e.kind == EntryKind::FlareOff);
    let on = off.and_then(|off| history[..off].iter().rposition(|e| e.kind == EntryKind::FlareOn));
    let (base, since) = match (off, on) {
        (Some(off), Some(on)) => {
            // Where the exercise stood: the dose of that day, minus an advance not yet earned.
            let then = prescribe_one(settings, &history[..on], ex, history[on].date);
            let before = if then.change == Change::Up { then.step - 1 } else { then.step };
            (before.saturating_sub(2).max(1), off)
        }
        _ => (settings.start_step(ex), 0),
    };
    let sessions = sessions(&past[since.min(past.len())..], ex);
    let last_any = sessions_last_date(past, ex);
    let gap = last_any.map(|d| missed_days(d, date));
    let (mut step, mut change, mut reason) = match sessions.last() {
        None if since > 0 => {
            let step = base.min(cap);
            (
                step,
                Change::Down,
                Some(format!(
                    "back after a flare-up: {} {}, two steps below where you were",
                    ex.id,
                    dose(step)
                )),
            )
        }
        None => (base.min(cap), Change::Start, None),
        Some(last) => {
            let block: Vec<&Session> = sessions.iter().rev().take_while(|s| s.step == last.step).collect();
            // The run of good sessions, newest first, broken by a bad one or a gap of 4+ days.
            // It is counted over the last RUN_DAYS only, which every view has loaded, so the
            // count a reason shows does not depend on how much older history happens to be read.
            let mut run = 0;
            let mut longer = false;
            for (i, s) in block.iter().enumerate() {
                let next = if i == 0 { date } else { block[i - 1].date };
                if !s.good() || (i > 0 && missed_days(s.date, next) >= 4) {
                    break;
                }
                if days_between(s.date, date) > RUN_DAYS {
                    longer = true;
                    break;
                }
                run += 1;
            }
            let step_began = block.last().map_or(last.date, |s| s.date);
            // The 7-day limit runs from the last change of step; the very first sessions of an
            // exercise have had none.
            let changed = sessions.len() > block.len() || since > 0;
            let base = last.step.clamp(1, cap);
            let word = if block.iter().take(run).all(|s| s.easy) { "easy" } else { "good" };
            if last.pain > 5 {
                (
                    base.saturating_sub(1).max(1),
                    Change::Down,
                    Some(format!(
                        "{} back to {}: pain {} last time",
                        ex.id,
                        dose(base.saturating_sub(1).max(1)),
                        last.pain
                    )),
                )
            } else if block.len() >= 2 && block[0].hard && block[1].hard {
                (
                    base.saturating_sub(1).max(1),
                    Change::Down,
                    Some(format!(
                        "{} back to {}: two hard sessions in a row",
                        ex.id,
                        dose(base.saturating_sub(1).max(1))
                    )),
                )
            } else if last.hard {
                (base, Change::Hold, Some(format!("holding at {}: last session was hard", dose(base))))
            } else if last.pain >= 4 {
                (base, Change::Hold, Some(format!("holding at {}: pain {} last time", dose(base), last.pain)))
            } else if run >= 3
                && base < cap
                && (!changed || days_between(step_began, date) >= 7)
                && gap.unwrap_or(0) <= 3
            {
                (
                    base + 1,
                    Change::Up,
                    Some(format!(
                        "{} up to {}: {run}{} {word} sessions in a row",
                        ex.id,
                        dose(base + 1),
                        if longer { "+" } else { "" }
                    )),
                )
            } else {
                (base, Change::Same, None)
            }
        }
    };
    // Missed days, counted from the last session of any kind (COACHING.md rule 7), lower the
    // step from where the user was; the lowest of this and the rules above wins.
    let anchor = sessions.last().map_or(step, |s| s.step.clamp(1, cap));
    if let Some(gap) = gap.filter(|g| *g >= 4) {
        let what = if ex.id == "walk" { "walk" } else { "session" };
        let lower = match gap {
            4..=7 => anchor,
            8..=14 => anchor.saturating_sub(1),
            15..=28 => anchor.saturating_sub(2),
            _ => anchor / 2,
        }
        .max(1);
        let repeat = gap <= 7 && (lower < step || change == Change::Same);
        if repeat || lower < step {
            let line = if gap <= 7 {
                change = Change::Hold;
                format!("repeating {}: {gap} days since your last {what}", dose(lower))
            } else {
                change = Change::Down;
                format!("{} back to {}: {gap} days since your last {what}", ex.id, dose(lower))
            };
            reason = Some(line);
            step = lower;
        }
    }
    // Walks never jump more than 10% (at least 1 min) past the longest bout of the last 30 days.
    if let Some(longest) = longest_walk(past, ex, date) {
        let allowed = longest + (longest / 10).max(1);
        if ex.dose(step).walk_minutes().is_some_and(|m| m > allowed) {
            let fits = (1..=step)
                .rev()
                .find(|s| ex.dose(*s).walk_minutes().is_some_and(|m| m <= allowed))
                .unwrap_or(1);
            let last_step = sessions.last().map_or(step, |s| s.step);
            change = if fits < last_step { Change::Down } else { Change::Hold };
            let verb = if change == Change::Down { "walk back to" } else { "holding at" };
            reason = Some(format!("{verb} {}: your longest walk in 30 days was {longest} min", dose(fits)));
            step = fits;
        }
    }
    (step.clamp(1, cap), change, reason)
}

/// The exercise's sessions in `entries`, oldest first.
fn sessions(entries: &[Entry], ex: &Exercise) -> Vec<Session> {
    let mut out: Vec<Session> = Vec::new();
    for e in entries.iter().filter(|e| e.kind == EntryKind::Done && e.is_for(&ex.id)) {
        let hard = e.feedback == Some(Feedback::Hard);
        let easy = e.feedback == Some(Feedback::Easy);
        let pain = e.pain.unwrap_or(0);
        let step = e.step.unwrap_or(1);
        match out.last_mut() {
            Some(s) if s.date == e.date => {
                s.hard |= hard;
                s.easy &= easy;
                s.pain = s.pain.max(pain);
                s.step = step;
            }
            _ => out.push(Session { date: e.date, step, hard, easy, pain }),
        }
    }
    out
}

fn sessions_last_date(past: &[Entry], ex: &Exercise) -> Option<Date> {
    past.iter().rev().find(|e| e.kind == EntryKind::Done && e.is_for(&ex.id)).map(|e| e.date)
}

/// The longest walk bout logged in the 30 days before `date`: its minutes, or the prescribed
/// bout of its step when ticked off without minutes.
fn longest_walk(past: &[Entry], ex: &Exercise, date: Date) -> Option<u32> {
    ex.dose(1).walk_minutes()?;
    let from = date.checked_sub(jiff::Span::new().days(30)).unwrap_or(date);
    past[past.partition_point(|e| e.date < from)..]
        .iter()
        .filter(|e| e.kind == EntryKind::Done && e.is_for(&ex.id))
        .filter_map(|e| e.minutes.or_else(|| ex.dose(e.step.unwrap_or(1)).walk_minutes()))
        .max()
}

#[cfg(test)]
mod simulation;
#[cfg(test)]
mod tests;
