//! The plan forecast: where the ladders lead if every session from today on is done and rated
//! ok with no pain — on the active level, walks only on `walk_days_per_week` days a week.
//! Runs the real rules day by day over a copy of the log.

use jiff::ToSpan;
use jiff::civil::Date;

use super::prescribe_one;
use crate::catalog::{Catalog, Dose, Level};
use crate::log::{Entry, EntryKind, Feedback};
use crate::settings::Settings;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanItem {
    pub id: String,
    pub step: u32,
    pub dose_text: String,
}

/// The doses in force at the start of one week (for the current week: today).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekPlan {
    pub week_start: Date,
    pub exercises: Vec<PlanItem>,
}

/// Whether the active-level walk happens on day `i` (0–6) of the week, spreading `n` walks.
fn walk_day(i: i64, n: i64) -> bool {
    (i * n) / 7 != ((i + 1) * n) / 7
}

pub fn forecast(
    catalog: &Catalog,
    settings: &Settings,
    history: &[Entry],
    today: Date,
    weeks: u32,
) -> Vec<WeekPlan> {
    // Only what the rules look at: today's past, today's events (a flare switched on, a sign
    // reported, a morning not settled: the holds), plus what we simulate.
    let session = |e: &Entry| matches!(e.kind, EntryKind::Done | EntryKind::Skipped);
    let log: Vec<&Entry> =
        history.iter().filter(|e| e.date < today || (e.date == today && !session(e))).collect();
    // One log per exercise: its own sessions and harder-form answers, and every other entry (the
    // holds' events, a leg pause covering more than its exercise). The rules of one exercise never
    // read another's sessions, so each day costs what its own history costs, not what all of
    // them do (issue 27.12: 40 custom exercises made `plan --weeks 52` take seconds).
    let routine = settings.routine(catalog);
    let own = |e: &Entry| {
        matches!(
            e.kind,
            EntryKind::Done | EntryKind::Skipped | EntryKind::HarderAccepted | EntryKind::HarderDeclined
        )
    };
    let mut logs: Vec<Vec<Entry>> = routine
        .iter()
        .map(|ex| log.iter().filter(|e| !own(e) || e.is_for(&ex.id)).map(|e| (*e).clone()).collect())
        .collect();
    let mut plan = Vec::new();
    let first_week = settings.week_start(today);
    let mut n = 0u64;
    for week in 0..i64::from(weeks) {
        let week_start = first_week.checked_add((week * 7).days()).expect("dates stay in range");
        for i in 0..7 {
            let day = week_start.checked_add(i.days()).expect("dates stay in range");
            if day < today {
                continue;
            }
            let mut doses = Vec::with_capacity(routine.len());
            for (ex, log) in routine.iter().zip(logs.iter_mut()) {
                // The plan assumes a harder form offered is taken that day (issue 20); one the
                // user said "not now" to stays as they chose.
                let mut rx = prescribe_one(settings, log, ex, day);
                if accept_offers(std::slice::from_ref(&rx), log, day) {
                    rx = prescribe_one(settings, log, ex, day);
                }
                doses.push(rx);
            }
            if day == today || i == 0 {
                let exercises = doses
                    .iter()
                    .map(|rx| PlanItem { id: rx.id.clone(), step: rx.step, dose_text: rx.dose_text.clone() })
                    .collect();
                plan.push(WeekPlan { week_start, exercises });
            }
            for (rx, log) in doses.into_iter().zip(logs.iter_mut()) {
                let walk_today =
                    settings.level == Level::Beginner || walk_day(i, i64::from(settings.walk_days_per_week));
                let bouts: Vec<Option<u32>> = match &rx.dose {
                    Dose::Walk { bouts } if walk_today => bouts.iter().map(|m| Some(*m)).collect(),
                    Dose::Walk { .. } => continue,
                    _ => vec![None],
                };
                for minutes in bouts {
                    n += 1;
                    let mut e =
                        Entry::new(format!("plan-{n}"), day, format!("{day}T08:00:00Z"), EntryKind::Done);
                    e.exercise = Some(rx.id.clone());
                    e.step = Some(rx.step);
                    e.feedback = Some(Feedback::Ok);
                    e.pain = Some(0);
                    e.minutes = minutes;
                    log.push(e);
                }
            }
        }
    }
    plan
}

/// Logs the acceptance of each harder form `doses` offer on `day` (not one declined), as a user
/// pressing `h` would; whether there was any.
pub(super) fn accept_offers(
    doses: &[crate::holds::Gated<super::Prescription>],
    log: &mut Vec<Entry>,
    day: Date,
) -> bool {
    let mut any = false;
    for rx in doses.iter().filter(|rx| rx.offer.as_ref().is_some_and(|o| !o.declined)) {
        let mut e = Entry::new(
            format!("{day}-harder-{}", rx.id),
            day,
            format!("{day}T07:00:00Z"),
            EntryKind::HarderAccepted,
        );
        e.exercise = Some(rx.id.clone());
        log.push(e);
        any = true;
    }
    any
}

#[cfg(test)]
mod tests {
    use super::walk_day;

    #[test]
    fn walks_spread_over_the_week() {
        for n in 1..=7 {
            let days: Vec<i64> = (0..7).filter(|i| walk_day(*i, n)).collect();
            assert_eq!(days.len() as i64, n, "{n} walks: {days:?}");
        }
        assert_eq!((0..7).filter(|i| walk_day(*i, 4)).collect::<Vec<_>>(), [1, 3, 5, 6]);
    }
}
