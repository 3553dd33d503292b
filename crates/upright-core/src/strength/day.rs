//! A day's strength view, shared by `today`, `plan` and the app: whether it is a strength day,
//! when the next one is, and each lift's prescription and what was done. Pure: entries, settings
//! and the date in.

use jiff::ToSpan;
use jiff::civil::Date;

use super::{LIFTS, Prescription, RepRange, Schedule, is_strength_day, next_strength_day, prescribe};
use crate::catalog::{Catalog, Exercise};
use crate::holds::{Gated, Holds};
use crate::log::{Entry, EntryKind, Feedback};
use crate::settings::Settings;

#[derive(Debug, Clone)]
pub struct Lift<'c> {
    pub exercise: &'c Exercise,
    pub rx: Gated<Prescription>,
    /// Today's session, when logged: (load, reps done).
    pub done: Option<(Option<f64>, Option<u32>)>,
}

impl Lift<'_> {
    /// The name shown: the bodyweight start's without a load ("Sit-to-stand, no weight").
    pub fn name(&self) -> &str {
        self.rx.form(self.exercise).map_or(&self.exercise.name, |v| &v.name)
    }
}

#[derive(Debug, Clone)]
pub struct StrengthDay<'c> {
    pub date: Date,
    /// Today is a strength day (due by the schedule, or a lift was already done today).
    pub today: bool,
    /// The next strength day after this one (or this one, when it is due and not started).
    pub next: Date,
    pub lifts: Vec<Lift<'c>>,
}

/// The dates with at least one lift done.
pub fn session_dates(entries: &[Entry]) -> Vec<Date> {
    let mut dates: Vec<Date> = entries
        .iter()
        .filter(|e| e.kind == EntryKind::Done && e.exercise.as_deref().is_some_and(|id| LIFTS.contains(&id)))
        .map(|e| e.date)
        .collect();
    dates.sort();
    dates.dedup();
    dates
}

/// The strength schedule of `entries` (every day a lift was done, before and after any day
/// asked about); `None` when strength days are off.
pub fn schedule(settings: &Settings, entries: &[Entry]) -> Option<Schedule> {
    let s = &settings.strength;
    s.enabled
        .then(|| Schedule::new(session_dates(entries), s.per_week(settings.level), settings.week_starts_on))
}

impl<'c> StrengthDay<'c> {
    /// `None` when strength days are off.
    pub fn build(
        catalog: &'c Catalog,
        settings: &Settings,
        entries: &[Entry],
        date: Date,
    ) -> Option<StrengthDay<'c>> {
        let holds = Holds::on(settings, entries, date);
        StrengthDay::build_held(catalog, settings, entries, date, &holds)
    }

    /// As [`StrengthDay::build`], with the day's holds already read.
    pub fn build_held(
        catalog: &'c Catalog,
        settings: &Settings,
        entries: &[Entry],
        date: Date,
        holds: &Holds,
    ) -> Option<StrengthDay<'c>> {
        let s = &settings.strength;
        if !s.enabled {
            return None;
        }
        let per_week = s.per_week(settings.level);
        let dates: Vec<Date> = session_dates(entries).into_iter().filter(|d| *d <= date).collect();
        let week_start = |d: Date| settings.week_start(d);
        let started = dates.contains(&date);
        let earliest = first_strength_day(entries, date);
        let due = date >= earliest && is_strength_day(&dates, date, week_start(date), per_week);
        let next = if due {
            date
        } else {
            let from = date.checked_add(1.day()).unwrap_or(date).max(earliest);
            next_strength_day(&dates, from, per_week, week_start)
        };
        let lifts = LIFTS
            .iter()
            .filter_map(|id| catalog.get(id))
            .filter(|e| settings.overrides.get(&e.id).and_then(|o| o.enabled) != Some(false))
            .map(|exercise| {
                let done = entries
                    .iter()
                    .rev()
                    .find(|e| e.kind == EntryKind::Done && e.date == date && e.is_for(&exercise.id))
                    .map(|e| (e.load, e.reps));
                Lift { exercise, rx: dose(holds, exercise, settings, entries, date), done }
            })
            .collect();
        Some(StrengthDay { date, today: started || due, next, lifts })
    }
}

/// A lift's dose on `date`: its own rules (`prescribe`), then the holds. The one way to a lift's
/// dose for Today, `done`, the plan and the app.
pub fn dose(
    holds: &Holds,
    exercise: &Exercise,
    settings: &Settings,
    entries: &[Entry],
    date: Date,
) -> Gated<Prescription> {
    let s = &settings.strength;
    let raw = prescribe(exercise, s, s.per_week(settings.level), entries, date);
    holds.lift(exercise, raw, entries, date)
}

/// A lift as a Today row: as shown, its routine-style dose (for the timer) and its strength one.
pub type TodayLift = (Exercise, Gated<crate::progression::Prescription>, Gated<Prescription>);

/// Strength days start in week 2 at the earliest (COACHING.md turn 3, E): a week after the log
/// begins (usually the disclaimer accepted; `today` on a fresh log).
pub fn first_strength_day(entries: &[Entry], today: Date) -> Date {
    let first = entries.iter().map(|e| e.date).min().unwrap_or(today).min(today);
    first.checked_add(7.days()).unwrap_or(first)
}

/// One forecast session: the date and each lift's prescription.
#[derive(Debug, Clone)]
pub struct Forecast {
    pub date: Date,
    pub lifts: Vec<(String, Gated<Prescription>)>,
}

/// The strength days of the next `weeks` weeks from `today`, if every session goes as planned
/// (all reps, rated ok, no pain).
pub fn forecast(
    catalog: &Catalog,
    settings: &Settings,
    entries: &[Entry],
    today: Date,
    weeks: u32,
) -> Vec<Forecast> {
    let s = &settings.strength;
    if !s.enabled {
        return Vec::new();
    }
    let mut entries: Vec<Entry> = entries.to_vec();
    let mut dates = session_dates(&entries);
    // The same weeks as the routine's plan: from the start of this week.
    let end = settings.week_start(today).checked_add((i64::from(weeks) * 7).days()).unwrap_or(today);
    let mut out = Vec::new();
    let mut d = today.max(first_strength_day(&entries, today));
    while d < end {
        if dates.contains(&d)
            || !is_strength_day(&dates, d, settings.week_start(d), s.per_week(settings.level))
        {
            d = d.checked_add(1.day()).unwrap_or(end);
            continue;
        }
        let mut lifts = Vec::new();
        // The holds in force now last through the forecast (only a clinician or the user ends
        // them); a lift they pause is not done, so it does not move on either.
        let holds = Holds::on(settings, &entries, d);
        for exercise in LIFTS.iter().filter_map(|id| catalog.get(id)) {
            let rx = dose(&holds, exercise, settings, &entries, d);
            if rx.hold().is_some_and(|h| h.pauses()) {
                lifts.push((exercise.id.clone(), rx));
                continue;
            }
            let mut e =
                Entry::new(format!("plan-{d}-{}", exercise.id), d, format!("{d}T12:00:00Z"), EntryKind::Done);
            e.exercise = Some(exercise.id.clone());
            e.step = Some(RepRange::of(exercise).step(rx.reps));
            e.load = rx.load;
            e.reps = Some(rx.reps);
            e.feedback = Some(Feedback::Ok);
            e.pain = Some(0);
            entries.push(e);
            lifts.push((exercise.id.clone(), rx));
        }
        dates.push(d);
        out.push(Forecast { date: d, lifts });
        d = d.checked_add(1.day()).unwrap_or(end);
    }
    out
}

/// The lifts as Today items on a strength day: each as it is shown (the bodyweight start in the
/// lift's place while no load is set; the id stays the lift's), with a routine-style
/// prescription (the timer guides its sets, 90 s rest between them) and the strength one (its
/// load). The date is the next strength day when `date` is not one; `None` when strength days
/// are off.
pub fn today_lifts(
    catalog: &Catalog,
    settings: &Settings,
    history: &[Entry],
    date: Date,
    holds: &Holds,
) -> (Vec<TodayLift>, Option<Date>) {
    let Some(day) = StrengthDay::build_held(catalog, settings, history, date, holds) else {
        return (Vec::new(), None);
    };
    if !day.today {
        return (Vec::new(), Some(day.next));
    }
    let units = settings.strength.units;
    let lifts = day
        .lifts
        .into_iter()
        .map(|l| {
            let ex = l.exercise;
            let step = RepRange::of(ex).step(l.rx.reps);
            let dose = match ex.dose(step) {
                crate::catalog::Dose::Carry { .. } => {
                    crate::catalog::Dose::Carry { sets: l.rx.sets, secs: l.rx.reps }
                }
                _ => crate::catalog::Dose::Reps {
                    variant: None,
                    sets: l.rx.sets,
                    reps: l.rx.reps,
                    pause_secs: 0,
                },
            };
            // Pain above 5 today ends the lift for the day, as rule 4 does for the routine.
            let stopped = history.iter().any(|e| {
                e.date == date
                    && e.kind == EntryKind::Done
                    && e.is_for(&ex.id)
                    && e.pain.is_some_and(|p| p > 5)
            });
            let paused = l.rx.hold().is_some_and(|h| h.pauses());
            let locked = matches!(l.rx.hold(), Some(crate::holds::Hold::Locked { .. }));
            let done = l.done;
            let routine_rx = l.rx.clone().map(|rx| crate::progression::Prescription {
                id: ex.id.clone(),
                step,
                dose,
                dose_text: if locked { crate::holds::LOCKED_DOSE.to_string() } else { rx.text(ex, units) },
                change: crate::progression::Change::Same,
                // Done today, the first session's "no load set" (or any reason) is old news.
                reason: done.is_none().then_some(rx.reason),
                stopped,
                paused,
                offer: None,
            });
            (l.rx.shown(ex), routine_rx, l.rx)
        })
        .collect();
    (lifts, None)
}
