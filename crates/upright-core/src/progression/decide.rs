//! The step an exercise is at on a day outside flare mode: the run of good sessions, hard
//! sessions and pain, missed days, the flare restart, caps and the walk's own rules (see the
//! parent module for how the rules read the log). Pure.

use jiff::civil::Date;

use super::reentry::{self, Reentry};
use super::sessions::{Session, sessions, sessions_last_date};
use super::{Change, RUN_DAYS, days_between, missed_days, prescribe_one, walk, words};
use crate::catalog::{Dose, Exercise};
use crate::log::{Entry, EntryKind};
use crate::rx::same_because;
use crate::settings::Settings;

/// What the rules decided for one exercise on one day.
pub(super) struct Decision {
    pub step: u32,
    pub change: Change,
    pub reason: Option<String>,
    /// A dose off the ladder: walks shorter than its first step (rule 5 below 5 minutes).
    pub dose: Option<Dose>,
}

/// The step for `date` outside flare mode, from the sessions since the last flare (if any).
pub(super) fn decide(
    settings: &Settings,
    history: &[Entry],
    past: &[Entry],
    ex: &Exercise,
    date: Date,
) -> Decision {
    let cap = settings.cap_step(ex);
    let is_walk = ex.dose(1).walk_minutes().is_some();
    // The last flare-off (on or before `date`) restarts the ladder at about half of where the
    // exercise was when the flare began (turn 3, C), then back in stages.
    let off = history.iter().rposition(|e| e.kind == EntryKind::FlareOff);
    let on = off.and_then(|off| history[..off].iter().rposition(|e| e.kind == EntryKind::FlareOn));
    let (base, since, flare_back) = match (off, on) {
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
            let target = before.max(1).min(calm.unwrap_or(u32::MAX)).min(cap);
            // Turn 3, C: the walk restarts at half the daily minutes before the flare (never
            // below the walks during it), the rest one step below; then back in stages.
            let during = sessions(&past[on.min(past.len())..off.min(past.len())], ex);
            let restart = match is_walk {
                true => {
                    reentry::walk_after_flare(ex, target, during.iter().map(|s| s.minutes).max().unwrap_or(0))
                }
                false => target.saturating_sub(1).max(1),
            };
            let back = Reentry::new(ex, target, restart, history[off].date);
            (back.restart, off, Some(back))
        }
        _ => (settings.start_step(ex), 0, None),
    };
    let sessions = sessions(&past[since.min(past.len())..], ex);
    // Days in flare mode are not missed days: the flare already set the step (issue 20: they
    // must not stack), so the gap runs from the flare's end when that is later.
    let flare_end = off.filter(|_| since > 0).map(|i| history[i].date).filter(|d| *d <= date);
    let last_any = sessions_last_date(past, ex).max(flare_end);
    let gap = last_any.map(|d| missed_days(d, date));
    // Rule 9: a step back never returns to more than the last pain-free session's load.
    let calm_step = |upto: usize| sessions[..upto].iter().rev().find(|s| s.pain_free()).map(|s| s.step);
    // Where a painful session restarts (rule 4, and rule 9 for the walk): the same as below.
    let restart = |i: usize| {
        let s = sessions[i];
        let calm = calm_step(i).unwrap_or(s.step);
        if is_walk {
            let day = if s.minutes > 0 { s.minutes } else { ex.dose(s.step).walk_total().unwrap_or(0) };
            (1..s.step.min(calm + 1))
                .rev()
                .find(|t| ex.dose(*t).walk_total().is_some_and(|t| t * 10 <= day * 7))
        } else {
            Some(s.step.saturating_sub(1).min(calm))
        }
        .unwrap_or(1)
        .max(1)
    };
    let back = reentry::current(ex, &sessions, flare_back, &restart, date);
    let (mut step, mut change, mut reason) = match sessions.last() {
        None if since > 0 => {
            let step = base.min(cap);
            let how = if is_walk { "half your walking before it" } else { "one step below where you were" };
            (step, Change::Down, Some(format!("Back after a flare-up: {how}, then back in stages")))
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
                        Some(same_because(&format!(
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
                (base, Change::Hold, Some(same_because("the last session was hard")))
            } else if last.pain >= 4 {
                (base, Change::Hold, Some(same_because(&format!("pain {} last time", last.pain))))
            } else if last.partial() {
                (base, Change::Hold, Some(same_because(&last.partial_why())))
            } else if last.held {
                // Say what held it (issue 26): the morning check, or the version done instead.
                let instead = past
                    .iter()
                    .rev()
                    .filter(|e| e.date == last.date && e.kind == EntryKind::Done && e.is_for(&ex.id))
                    .find_map(|e| e.variant.as_deref().and_then(|v| ex.variant(v)))
                    .map(|v| {
                        let name = v.name.to_lowercase();
                        let name = name.strip_suffix(" instead").unwrap_or(&name);
                        format!("{name} instead last time")
                    });
                let why = match instead {
                    _ if last.not_settled => "your back had not settled last time".to_string(),
                    Some(instead) => instead,
                    None => "an easier day last time".to_string(),
                };
                (base, Change::Hold, Some(same_because(&why)))
            } else if let Some(back) = back.filter(|b| last.pain <= 5 && b.from <= last.date) {
                // Turn 3, C: 2 good sessions at a stage take the next, with no one-step-a-week
                // limit; the run counts from the setback.
                let good = block.iter().take(run).filter(|s| s.date >= back.from).count();
                let share = back.share(base);
                if good >= 2 {
                    let next = back.next(base).min(cap);
                    (
                        next,
                        Change::Up,
                        Some(format!("Back to {share} of your dose before the setback: 2 good sessions")),
                    )
                } else {
                    let more = if good == 1 { "1 more good session" } else { "2 good sessions" };
                    (
                        base,
                        Change::Same,
                        Some(format!("On the way back: {more}, then {share} of your dose before")),
                    )
                }
            } else if run >= 3
                && base < cap
                && (!changed || days_between(step_began, date) >= 7)
                && gap.unwrap_or(0) <= 3
            {
                if hard_week >= 2 {
                    (
                        base,
                        Change::Hold,
                        Some(same_because(&format!("{hard_week} hard sessions in the last 7 days"))),
                    )
                } else {
                    (base + 1, Change::Up, Some(words::up(run, longer, word)))
                }
            } else if run >= 3 && base < cap && gap.unwrap_or(0) <= 3 {
                // Ready but for the 7-day limit: say when the next step can come.
                let next = step_began.checked_add(jiff::Span::new().days(7)).unwrap_or(date);
                let when = next.strftime("%a %-d %b");
                (
                    base,
                    Change::Same,
                    Some(same_because(&format!("one step a week at most; the next from {when}"))),
                )
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
                reason = Some(same_because(&missed));
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
    // (walks before a flare-up included: turn 3, C).
    if let Some(longest) = walk::longest_walk(past, ex, date) {
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
