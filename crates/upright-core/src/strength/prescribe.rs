//! The next load and reps of a lift (COACHING.md turn 3, C and E): double progression by effort
//! (easy ≈ 3+ reps left: add reps, or load at the top; ok ≈ 1–2 left: add reps after two ok
//! sessions in a row at that dose; hard: hold; two hard in a row: 10% less), load steps of at
//! most max(10%, the user's increment), reps to 15 under 20 kg before load is added, a
//! maintenance cap per lift, a config load honoured from the next session, and the way back
//! after pain above 5 (10% lighter) or a flare-up (80%), to the load before after 2 good
//! sessions. Pure.

use jiff::civil::Date;

use super::{Prescription, RepRange, StrengthSettings, fmt_load, missed_sessions};
use crate::catalog::{Dose, Exercise};
use crate::log::{Entry, EntryKind, Feedback};

/// A way back lasts at most this long (the 12 weeks of turn 3, C).
const BACK_DAYS: i64 = 84;

/// `load` rounded down to a whole number of `inc`.
fn floor_to(load: f64, inc: f64) -> f64 {
    ((load / inc) + 1e-9).floor() * inc
}

/// One load step up from `load`: 10% of it or the increment, whichever is larger (rounded down
/// to the increment), never past `cap`.
pub fn step_up(load: f64, inc: f64, cap: f64) -> f64 {
    (load + floor_to(load * 0.1, inc).max(inc)).min(cap.max(load))
}

/// `share` of `load`, rounded down to the increment, and at least one increment less.
pub fn lighter(load: f64, share: f64, inc: f64) -> f64 {
    floor_to(load * share, inc).min(load - inc).max(0.0)
}

fn good(e: &Entry, range: &RepRange) -> bool {
    e.feedback != Some(Feedback::Hard)
        && e.pain.unwrap_or(0) <= 3
        && e.reps.unwrap_or(0) >= range.reps_at(e.step.unwrap_or(1))
}

/// The way back in force on `today`: the load before the setback, the restart's reason, and
/// when it began. The setback is the latest pain-above-5 session or flare-up end; it is over
/// once a session after it reached that load, or after 12 weeks.
fn way_back(done: &[&Entry], history: &[Entry], inc: f64, today: Date) -> Option<(f64, String, Date)> {
    let pained = done.iter().rposition(|e| e.pain.unwrap_or(0) > 5);
    let off =
        history.iter().filter(|e| e.kind == EntryKind::FlareOff && e.date <= today).map(|e| e.date).max();
    let flare = off.and_then(|off| {
        let on =
            history.iter().filter(|e| e.kind == EntryKind::FlareOn && e.date <= off).map(|e| e.date).max()?;
        let before = done.iter().rev().find(|e| e.date < on && e.load.is_some())?.load?;
        Some((before, off))
    });
    let from_pain = pained.and_then(|i| Some((done[i].load?, done[i].date, done[i].pain.unwrap_or(0))));
    let (pre, since, why) = match (from_pain, flare) {
        (Some((l, d, pain)), Some((_, off))) if d >= off => (l, d, format!("pain {pain}")),
        (_, Some((l, off))) => (l, off, "a flare-up".to_string()),
        (Some((l, d, pain)), None) => (l, d, format!("pain {pain}")),
        (None, None) => return None,
    };
    let reached = done.iter().any(|e| e.date > since && e.load.is_some_and(|l| l >= pre - inc / 2.0));
    let recent = since.until(today).is_ok_and(|s| i64::from(s.get_days()) <= BACK_DAYS);
    (!reached && recent).then_some((pre, why, since))
}

/// The next session of `exercise` on `today`, from the user's config and the done entries of
/// that exercise (any order; other entries are ignored but flare-ups). `per_week` sizes rule
/// 7's gap in sessions.
pub fn prescribe(
    exercise: &Exercise,
    settings: &StrengthSettings,
    per_week: u8,
    history: &[Entry],
    today: Date,
) -> Prescription {
    let range = RepRange::of(exercise);
    // A carry counts seconds where the other lifts count reps.
    let carry = matches!(exercise.dose(1), Dose::Carry { .. });
    let (reps_word, reps_unit) = if carry { ("seconds", " s") } else { ("reps", " reps") };
    let inc = settings.increment(&exercise.id);
    let cap = settings.cap(&exercise.id);
    let units = settings.units;
    let rx = |load: Option<f64>, reps: u32, why: String| Prescription {
        load,
        sets: range.sets,
        reps,
        reason: why,
    };
    let mut done: Vec<&Entry> = history
        .iter()
        .filter(|e| e.kind == EntryKind::Done && e.is_for(&exercise.id) && e.date < today)
        .collect();
    done.sort_by(|a, b| (a.date, &a.at).cmp(&(b.date, &b.at)));
    let config = settings.lift(&exercise.id).load;
    let Some(last) = done.last() else {
        let why = match config {
            Some(l) => format!("first session: your starting load, {} {units}", fmt_load(l)),
            // The start is not always bodyweight: a band, a broom, a bag in each hand (issue
            // 26.13); the row already names it.
            None => "first session: no load set, so the easier start".to_string(),
        };
        return rx(config, range.low, why);
    };
    // A load set in config applies from the next session whatever the history (turn 3, E):
    // when nothing was lifted with a load yet, or it is above every load logged (raised).
    if let Some(l) = config.filter(|l| done.iter().all(|e| e.load.is_none_or(|x| x < *l))) {
        return rx(Some(l), range.low, format!("your load from the config, {} {units}", fmt_load(l)));
    }
    // Back after a flare-up: 80% of the load before it, reps at the bottom (turn 3, A and C).
    let back = way_back(&done, history, inc, today);
    if let Some((pre, why, since)) = &back
        && why == "a flare-up"
        && last.date < *since
    {
        let l = lighter(*pre, 0.8, inc);
        return rx(
            Some(l),
            range.low,
            format!("back after a flare-up: 80% of your load before it, {} {units}", fmt_load(l)),
        );
    }
    // The bodyweight start done in a loaded lift's place counts for the day and holds: the
    // load and reps come from the last loaded session, not from the start's missing load.
    let easier = |e: &Entry| e.variant.as_deref().and_then(|v| exercise.variant(v)).is_some_and(|v| v.easier);
    let held_by =
        if easier(last) { done.iter().rev().find(|e| !easier(e) && e.load.is_some()).copied() } else { None };
    let base = held_by.unwrap_or(last);
    let load = base.load;
    let top = range.top(load, units);
    let target = range.reps_at(base.step.unwrap_or(1));
    let done_reps = last.reps.unwrap_or(target);
    let pain = last.pain.unwrap_or(0);
    let hard = last.feedback == Some(Feedback::Hard);
    let prev = done.len().checked_sub(2).map(|i| done[i]);
    let before_hard = prev.is_some_and(|p| p.feedback == Some(Feedback::Hard) && p.load == last.load);
    // Ok adds reps after two ok (or better) sessions in a row at that dose.
    let two_ok = last.feedback != Some(Feedback::Ok)
        || prev.is_some_and(|p| p.load == last.load && p.step == last.step && good(p, &range));
    let less = |l: Option<f64>| l.map(|l| lighter(l, 0.9, inc));
    let (mut p, reason) = if pain > 5 {
        (rx(less(load), range.low, String::new()), format!("pain {pain} last time: 10% lighter"))
    } else if hard && before_hard {
        (rx(less(load), range.low, String::new()), "two hard sessions in a row: 10% lighter".to_string())
    } else if hard || pain >= 4 {
        let why = if hard { "hard last time".to_string() } else { format!("pain {pain} last time") };
        (rx(load, target, String::new()), format!("{why}: same again"))
    } else if held_by.is_some() {
        // What was due that day, held: the load and the reps the start stood in for.
        let due = prescribe(exercise, settings, per_week, history, last.date);
        (rx(due.load, due.reps, String::new()), "the easier start last time: same load again".to_string())
    } else if done_reps < target {
        (rx(load, target, String::new()), format!("{done_reps} of {target}{reps_unit} last time: same again"))
    } else if let Some((pre, why, since)) = back.as_ref().filter(|_| load.is_some()) {
        // On the way back: 2 good sessions at the lighter load since the setback return to the
        // load before it, with no waiting for the top of the range (turn 3, C).
        let since_good = done.iter().rev().take_while(|e| e.date > *since && good(e, &range)).count();
        if since_good >= 2 {
            (
                rx(Some(*pre), range.low, String::new()),
                format!("back to your load before {why}: 2 good sessions"),
            )
        } else {
            (
                rx(load, target, String::new()),
                format!("on the way back after {why}: 2 good sessions, then your load before"),
            )
        }
    } else if !two_ok {
        (
            rx(load, target, String::new()),
            format!("ok last time: same again; {reps_word} rise after two ok in a row"),
        )
    } else if target.max(done_reps) >= top {
        match load {
            Some(l) if l >= cap => (
                rx(Some(l), top, String::new()),
                format!(
                    "at your maintenance load, {} {units} (a clinician can raise the cap in config)",
                    fmt_load(l)
                ),
            ),
            Some(l) => {
                let next = step_up(l, inc, cap);
                (
                    rx(Some(next), range.low, String::new()),
                    format!(
                        "top of the range: load up {} {units}, {reps_word} back to {}",
                        fmt_load(next - l),
                        range.low
                    ),
                )
            }
            None => (
                rx(None, range.high, String::new()),
                format!("top of the range without weight: set [strength.{}] load to go on", exercise.id),
            ),
        }
    } else {
        let next = (target.max(done_reps) + range.by).min(top);
        (rx(load, next, String::new()), format!("up to {next}{reps_unit}"))
    };
    // Rule 7 in sessions: the strength days the schedule offered since the last session.
    let missed = missed_sessions(last.date, today, per_week);
    // A gap never makes the session heavier than the rating alone would: it applies only when
    // it asks for less (a lighter load, or the same load with fewer reps).
    let (gap_load, gap_reps, what) = match missed {
        0..=3 => (p.load, p.reps, None),
        4..=7 => (load, target, Some("same as last time")),
        8..=14 => (less(load), range.low, Some("10% lighter")),
        15..=28 => (less(less(load)), range.low, Some("20% lighter")),
        _ => (load.map(|l| floor_to(l / 2.0, inc)), range.low, Some("half the load")),
    };
    let lighter_gap = match (gap_load, p.load) {
        (Some(g), Some(l)) => g < l || (g == l && gap_reps < p.reps),
        _ => gap_reps < p.reps,
    };
    p.reason = reason;
    if let Some(what) = what.filter(|_| lighter_gap) {
        p.load = gap_load;
        p.reps = gap_reps;
        p.reason = format!("{what}: {missed} strength sessions missed");
    }
    p
}
