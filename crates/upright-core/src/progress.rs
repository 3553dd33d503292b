//! Progress over time (issue 17): per week, the check-in pain and the average session pain,
//! each PSFS activity's score, days exercised and complete, walk minutes, and each routine
//! exercise's step. Shared by the Progress screen, `upright progress` and the report.
//! Pure: built from the loaded entries, the settings and `today`.

use jiff::ToSpan;
use jiff::civil::Date;

use crate::catalog::Catalog;
use crate::log::{Entry, EntryKind};
use crate::settings::Settings;

mod episodes;
mod sample;
pub use episodes::{Episode, Recurrences, recurrences};
pub use sample::sample_history;

/// Weeks shown by default (the "last 12 weeks, or since the start").
pub const DEFAULT_WEEKS: u32 = 12;

/// One week of progress.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekRow {
    pub start: Date,
    /// The week's last check-in pain (0–10), if the user checked in.
    pub checkin_pain: Option<u8>,
    /// The average over days with sessions of the day's highest session pain.
    pub session_pain: Option<f64>,
    /// Per [`Progress::activities`]: that week's last score.
    pub psfs: Vec<Option<u8>>,
    /// Days with at least one exercise done.
    pub days_exercised: u32,
    /// Complete days, as the streak counts them.
    pub complete_days: u32,
    pub walk_minutes: u32,
    /// Exercises done as advised (stopped for pain, paused for a leg, held on a morning the back
    /// had not settled: `crate::days`), one per exercise and day.
    pub as_advised: u32,
    /// Per [`Progress::exercises`]: the step at the week's last session (the earlier step
    /// carried over a week without one; `None` before the first).
    pub steps: Vec<Option<u32>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub today: Date,
    /// PSFS activity names in the order they were first named.
    pub activities: Vec<String>,
    /// Routine exercises: (id, name, top step of the ladder).
    pub exercises: Vec<(String, String, u32)>,
    /// Oldest first; the last is the current week (up to `today`).
    pub weeks: Vec<WeekRow>,
    /// Complete days a week needs.
    pub days_target: u32,
    /// The day facts of the span (`crate::days`), read by the report's adherence and tolerance.
    pub days: Vec<crate::days::DayFacts>,
    /// Flare-ups as activity-limiting episodes, from the whole history given.
    pub recurrences: Recurrences,
    /// The check-ins' verdict by clinically important change (COACHING.md turn 3, D).
    pub verdict: Option<crate::checkin::Measure>,
    /// The RMDQ's first and latest (date, score) with its verdict (`checkin::rmdq`).
    pub rmdq: Option<crate::checkin::rmdq::Change>,
}

impl Progress {
    /// The first day `build` reads for `weeks` weeks up to `today` (load from here).
    pub fn span_start(settings: &Settings, today: Date, weeks: u32) -> Date {
        let this_week = settings.week_start(today);
        this_week.checked_sub((i64::from(weeks.max(1)) - 1).weeks()).unwrap_or(this_week)
    }

    /// The last `weeks` weeks up to `today`, starting no earlier than the week of the first
    /// entry. `history` needs the entries of that span (earlier ones carry the steps in).
    pub fn build(
        catalog: &Catalog,
        settings: &Settings,
        history: &[Entry],
        today: Date,
        weeks: u32,
    ) -> Progress {
        let mut from = Progress::span_start(settings, today, weeks);
        if let Some(first) =
            history.iter().find(|e| e.kind == EntryKind::Done || e.kind == EntryKind::Checkin)
        {
            from = from.max(settings.week_start(first.date));
        }
        let routine = settings.routine(catalog);
        let exercises: Vec<(String, String, u32)> =
            routine.iter().map(|e| (e.id.clone(), e.name.clone(), e.top())).collect();
        let mut activities: Vec<String> = Vec::new();
        for e in history.iter().filter(|e| e.kind == EntryKind::Checkin && e.date >= from && e.date <= today)
        {
            for a in &e.activities {
                if !activities.contains(&a.name) {
                    activities.push(a.name.clone());
                }
            }
        }
        let days = crate::days::span(catalog, settings, history, from, today, today);
        let mut rows = Vec::new();
        let mut start = from;
        let mut steps: Vec<Option<u32>> =
            exercises.iter().map(|(id, ..)| last_step(history, id, from)).collect();
        while start <= today {
            let end = start.checked_add(6.days()).unwrap_or(start).min(today);
            let week: Vec<&Entry> = history.iter().filter(|e| e.date >= start && e.date <= end).collect();
            let checkins: Vec<&&Entry> = week.iter().filter(|e| e.kind == EntryKind::Checkin).collect();
            let checkin_pain = checkins.iter().rev().find_map(|e| e.pain);
            let psfs = activities
                .iter()
                .map(|name| {
                    checkins
                        .iter()
                        .rev()
                        .find_map(|e| e.activities.iter().find(|a| &a.name == name).map(|a| a.score))
                })
                .collect();
            let done: Vec<&&Entry> = week.iter().filter(|e| e.kind == EntryKind::Done).collect();
            let in_week = || days.iter().filter(|d| d.date >= start && d.date <= end);
            // The day's highest session pain, from the day facts.
            let day_pain: Vec<u8> = in_week().filter_map(|d| d.pain).collect();
            let session_pain = (!day_pain.is_empty())
                .then(|| day_pain.iter().map(|p| f64::from(*p)).sum::<f64>() / day_pain.len() as f64);
            for (i, (id, ..)) in exercises.iter().enumerate() {
                if let Some(step) = done.iter().rev().find(|e| e.is_for(id)).and_then(|e| e.step) {
                    steps[i] = Some(step);
                }
            }
            rows.push(WeekRow {
                start,
                checkin_pain,
                session_pain,
                psfs,
                days_exercised: in_week().filter(|d| d.exercised).count() as u32,
                complete_days: in_week().filter(|d| d.complete).count() as u32,
                walk_minutes: in_week().map(|d| d.walk_minutes).sum(),
                as_advised: in_week()
                    .map(|d| d.exercises.iter().filter(|f| f.advised.is_some()).count() as u32)
                    .sum(),
                steps: steps.clone(),
            });
            start = start.checked_add(7.days()).unwrap_or(today.tomorrow().unwrap_or(today));
        }
        Progress {
            today,
            activities,
            exercises,
            weeks: rows,
            days_target: u32::from(settings.days_per_week),
            days,
            recurrences: recurrences(history, today),
            verdict: crate::checkin::verdict(history, today),
            rmdq: crate::checkin::rmdq::change(history, today),
        }
    }

    /// The PSFS average of a week (over the activities scored), the summary line's number.
    pub fn psfs_mean(row: &WeekRow) -> Option<f64> {
        let scores: Vec<f64> = row.psfs.iter().flatten().map(|s| f64::from(*s)).collect();
        (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64)
    }

    /// The first and the latest check-in pain in the span, for a one-line summary.
    pub fn pain_change(&self) -> Option<(u8, u8)> {
        let mut pains = self.weeks.iter().filter_map(|w| w.checkin_pain);
        let first = pains.next()?;
        Some((first, pains.next_back().unwrap_or(first)))
    }

    /// Each activity's first and latest score in the span.
    pub fn psfs_change(&self, i: usize) -> Option<(u8, u8)> {
        let mut scores = self.weeks.iter().filter_map(|w| w.psfs.get(i).copied().flatten());
        let first = scores.next()?;
        Some((first, scores.next_back().unwrap_or(first)))
    }
}

/// The step of the last session of `id` before `from`.
fn last_step(history: &[Entry], id: &str, from: Date) -> Option<u32> {
    history
        .iter()
        .rev()
        .filter(|e| e.date < from && e.kind == EntryKind::Done && e.is_for(id))
        .find_map(|e| e.step)
}

#[cfg(test)]
mod tests;
