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
mod harder;
mod sessions;
mod walk;
mod words;

use jiff::civil::Date;

pub use forecast::{PlanItem, WeekPlan, forecast};
pub use harder::Offer;
use sessions::{Session, sessions, sessions_last_date};

use crate::catalog::{Catalog, Dose, Exercise, walk_text};
use crate::config::Settings;
use crate::safety::Safety;
use crate::state::{Entry, EntryKind};

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
    /// A harder form ("feet") the user may take with `h` or `upright harder ID`; held until then.
    pub offer: Option<Offer>,
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
    let today = &history[past.len()..];
    let today_pain = today
        .iter()
        .filter(|e| e.kind == EntryKind::Done && e.is_for(&exercise.id))
        .filter_map(|e| e.pain)
        .max();
    let d = if flare {
        Decision {
            step: 1,
            change: Change::Flare,
            reason: Some("Flare-up mode: the gentlest step".into()),
            dose: None,
        }
    } else {
        decide(settings, history, past, exercise, date)
    };
    let Decision { mut step, mut change, mut reason, dose } = d;
    // Harder forms are offered, not switched in (issue 20).
    let mut offer = None;
    if !flare
        && change != Change::Start
        && let Some((keep, held)) = harder::hold_for_offer(history, exercise, date, step)
    {
        step = keep;
        change = Change::Hold;
        reason = Some(harder::reason(exercise, &held));
        offer = Some(held);
    }
    // Rule 11: a morning the back had not settled holds every exercise that day.
    if change == Change::Up && today.iter().any(|e| e.kind == EntryKind::NotSettled) {
        step -= 1;
        change = Change::Hold;
        reason = Some(words::same("your back had not settled this morning"));
    }
    // Safety (COACHING.md): a see-a-GP red flag pauses progression until a clinician has
    // checked it; pain down a leg pauses the exercise itself until it is cleared.
    if change == Change::Up && safety.gp_since.is_some() {
        step -= 1;
        change = Change::Hold;
        reason = Some(words::same("progress waits for a clinician's check"));
    }
    let paused = safety.paused.get(&exercise.id).copied();
    if let Some(since) = paused {
        reason = Some(format!(
            "Paused: pain down a leg ({}). Press c when a clinician clears it",
            since.strftime("%a %-d %b")
        ));
    }
    let stopped = today_pain.is_some_and(|p| p > 5);
    if let Some(pain) = today_pain.filter(|_| stopped) {
        let next = if step <= 1 {
            words::try_instead(exercise)
        } else if exercise.dose(1).walk_minutes().is_some() {
            "shorter walks".into()
        } else {
            "one step easier".into()
        };
        reason = Some(format!("Stopped for today: pain {pain}. Next time: {next}"));
    }
    let dose = dose.unwrap_or_else(|| exercise.dose(step).clone());
    let dose_text = match &dose {
        Dose::Walk { bouts } => walk_text(bouts),
        _ => exercise.dose_text(step),
    };
    Prescription {
        id: exercise.id.clone(),
        step,
        dose,
        dose_text,
        change,
        reason,
        stopped,
        paused: paused.is_some(),
        offer,
    }
}

/// What the rules decided for one exercise on one day.
struct Decision {
    step: u32,
    change: Change,
    reason: Option<String>,
    /// A dose off the ladder: walks shorter than its first step (rule 5 below 5 minutes).
    dose: Option<Dose>,
}

/// The step for `date` outside flare mode, from the sessions since the last flare (if any).
fn decide(settings: &Settings, history: &[Entry], past: &[Entry], ex: &Exercise, date: Date) -> Decision {
    let cap = settings.cap_step(ex);
    let is_walk = ex.dose(1).walk_minutes().is_some();
    // The last flare-off (on or before `date`) restarts the ladder two steps below where the
    // exercise was when the flare began.
    let off = history.iter().rposition(|e| e.kind == EntryKind::FlareOff);
    let on = off.and_then(|off| history[..off].iter().rposition(|e| e.kind == EntryKind::FlareOn));
    let (base, since) = match (off, on) {
        (Some(off), Some(on)) => {
            // Where the exercise stood: the dose of that day, minus an advance not yet earned.
            let then = prescribe_one(settings, &history[..on], ex, history[on].date);
            let before = if then.change == Change::Up { then.step - 1 } else { then.step };
            // Rule 9: never above the last session before the flare that was pain-free enough.
            let calm = sessions(&past[..on.min(past.len())], ex)
                .iter()
                .rev()
                .find(|s| s.pain_free())
                .map(|s| s.step);
            (before.saturating_sub(2).max(1).min(calm.unwrap_or(u32::MAX)), off)
        }
        _ => (settings.start_step(ex), 0),
    };
    let sessions = sessions(&past[since.min(past.len())..], ex);
    // Days in flare mode are not missed days: the flare already set the step (issue 20: they
    // must not stack), so the gap runs from the flare's end when that is later.
    let flare_end = off.filter(|_| since > 0).map(|i| history[i].date).filter(|d| *d <= date);
    let last_any = sessions_last_date(past, ex).max(flare_end);
    let gap = last_any.map(|d| missed_days(d, date));
    // Rule 9: a step back never returns to more than the last pain-free session's load.
    let calm_step = |upto: usize| sessions[..upto].iter().rev().find(|s| s.pain_free()).map(|s| s.step);
    let (mut step, mut change, mut reason) = match sessions.last() {
        None if since > 0 => {
            let step = base.min(cap);
            (step, Change::Down, Some("Back after a flare-up: two steps below where you were".to_string()))
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
            // Rule 10: hard sessions in the 7 days before today.
            let hard_week =
                sessions.iter().filter(|s| s.hard && (1..=7).contains(&days_between(s.date, date))).count();
            let down = |why: String| {
                let calm = calm_step(sessions.len() - 1).unwrap_or(base);
                let lower = base.saturating_sub(1).max(1).min(calm.max(1));
                if base <= 1 {
                    (
                        1,
                        Change::Hold,
                        // "Same as last time: pain 7; try …" reads better than "last time" twice.
                        Some(words::easier(
                            true,
                            &format!("{}; {}", why.trim_end_matches(" last time"), words::try_instead(ex)),
                        )),
                    )
                } else {
                    (lower, Change::Down, Some(words::easier(false, &why)))
                }
            };
            if last.pain > 5 && is_walk {
                // Rule 9: at most 70% of that day's walking, the ladder's total just below it.
                let day =
                    if last.minutes > 0 { last.minutes } else { ex.dose(base).walk_total().unwrap_or(0) };
                let calm = calm_step(sessions.len() - 1).unwrap_or(base);
                let fits = (1..base.min(calm + 1))
                    .rev()
                    .find(|s| ex.dose(*s).walk_total().is_some_and(|t| t * 10 <= day * 7));
                match fits {
                    _ if base <= 1 => (
                        1,
                        Change::Hold,
                        Some(words::same(&format!(
                            "pain {} last time; {}",
                            last.pain,
                            words::try_instead(ex)
                        ))),
                    ),
                    found => (
                        found.unwrap_or(1),
                        Change::Down,
                        Some(format!("Shorter walks: pain {} last time", last.pain)),
                    ),
                }
            } else if last.pain > 5 {
                down(format!("pain {} last time", last.pain))
            } else if block.len() >= 2 && block[0].hard && block[1].hard {
                down("2 hard sessions in a row".into())
            } else if last.hard {
                (base, Change::Hold, Some(words::same("the last session was hard")))
            } else if last.pain >= 4 {
                (base, Change::Hold, Some(words::same(&format!("pain {} last time", last.pain))))
            } else if last.partial() {
                (base, Change::Hold, Some(words::same(&last.partial_why())))
            } else if last.held {
                (base, Change::Hold, Some(words::same("an easier day last time")))
            } else if run >= 3
                && base < cap
                && (!changed || days_between(step_began, date) >= 7)
                && gap.unwrap_or(0) <= 3
            {
                if hard_week >= 2 {
                    (
                        base,
                        Change::Hold,
                        Some(words::same(&format!("{hard_week} hard sessions in the last 7 days"))),
                    )
                } else {
                    (base + 1, Change::Up, Some(words::up(run, longer, word)))
                }
            } else {
                (base, Change::Same, None)
            }
        }
    };
    // Rule 10: three weeks at a step with hard sessions, and no advance: say so once a day.
    if let Some(last) = sessions.last()
        && matches!(change, Change::Same | Change::Hold)
        && step < cap
    {
        let began =
            sessions.iter().rev().take_while(|s| s.step == last.step).last().map_or(last.date, |s| s.date);
        let hard = sessions.iter().filter(|s| s.hard && days_between(s.date, date) <= 21).count();
        let weeks = days_between(began, date) / 7;
        if weeks >= 3 && hard >= 2 {
            reason = Some(words::stuck(weeks, ex));
        }
    }
    // Missed days, counted from the last session of any kind (COACHING.md rule 7), lower the
    // step from where the user was; the lowest of this and the rules above wins.
    let anchor = sessions.last().map_or(step, |s| s.step.clamp(1, cap));
    if let (Some(gap), Some(last_day)) = (gap.filter(|g| *g >= 4), last_any) {
        let lower = match gap {
            4..=7 => anchor,
            8..=14 => anchor.saturating_sub(1),
            15..=28 => anchor.saturating_sub(2),
            _ => anchor / 2,
        }
        .max(1)
        .min(calm_step(sessions.len()).unwrap_or(u32::MAX).max(1));
        let repeat = gap <= 7 && (lower < step || change == Change::Same);
        if repeat || lower < step {
            let missed = words::missed(gap, last_day);
            if gap <= 7 || lower >= anchor {
                change = Change::Hold;
                reason = Some(words::same(&missed));
            } else {
                change = Change::Down;
                let steps = anchor - lower;
                let how =
                    if steps == 1 { "One step easier".to_string() } else { format!("{steps} steps easier") };
                reason = Some(format!("{how}: {missed}"));
            }
            step = lower;
        }
    }
    let mut dose = None;
    // Walks never jump more than 10% (at least 1 min) past the longest bout of the last 30 days
    // (since a flare began, the walks during it).
    if let Some(longest) = walk::longest_walk(history, past, ex, date) {
        let allowed = longest + (longest / 10).max(1);
        if ex.dose(step).walk_minutes().is_some_and(|m| m > allowed) {
            let fits = (1..=step).rev().find(|s| ex.dose(*s).walk_minutes().is_some_and(|m| m <= allowed));
            let last_step = sessions.last().map_or(step, |s| s.step);
            let why = format!("your longest in 30 days was {longest} min");
            match fits {
                Some(fits) => {
                    change = if fits < last_step { Change::Down } else { Change::Hold };
                    let how = if change == Change::Down { "Shorter walks" } else { "Not longer yet" };
                    reason = Some(format!("{how}: {why}"));
                    step = fits;
                }
                None => {
                    // Below the first step: bouts the rule allows, as many as the first step has.
                    let first = ex.dose(1);
                    dose = Some(Dose::Walk { bouts: vec![allowed; first.sessions() as usize] });
                    change = if last_step > 1 { Change::Down } else { Change::Hold };
                    reason = Some(format!("Shorter walks: {why}"));
                    step = 1;
                }
            }
        }
    }
    Decision { step: step.clamp(1, cap), change, reason, dose }
}

#[cfg(test)]
mod simulation;
#[cfg(test)]
mod tests;
