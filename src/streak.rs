//! Weekly streak maths (pure): which days are complete, which weeks meet the target, and the
//! current and longest streaks. Takes the history, the settings and `today` as arguments.
//!
//! Definitions (README, "Streaks"): a day is complete when every exercise scheduled that day is
//! done or excused-skipped, with at least one done. On the active level the walk is not scheduled
//! per day; it counts toward the weekly walk target instead. A week meets the target with at least
//! `days_per_week` complete days (and, on the active level, `walk_days_per_week` walk days).
//! The current settings apply to every week, past ones included: the streak follows today's rules.

use std::collections::BTreeMap;

use jiff::ToSpan;
use jiff::civil::Date;

use crate::catalog::{Catalog, Level};
use crate::config::Settings;
use crate::state::{Entry, EntryKind};

/// What happened to one exercise on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cell {
    pub done: u32,
    pub needed: u32,
    pub skipped: bool,
}

impl Cell {
    pub fn is_done(&self) -> bool {
        self.done >= self.needed.max(1)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayStatus {
    pub date: Date,
    /// One cell per routine exercise, in routine order.
    pub cells: Vec<Cell>,
    pub complete: bool,
    /// A walk was completed that day (all its bouts).
    pub walked: bool,
    /// Walk minutes logged (or prescribed, when a bout was ticked off without minutes).
    pub walk_minutes: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Week {
    pub start: Date,
    pub days: Vec<DayStatus>,
    pub complete_days: u32,
    pub walk_days: u32,
    pub meets_target: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Streaks {
    pub current: u32,
    pub longest: u32,
}

/// The status of each day in `[from, to]`. `history` needs the entries of those days only.
pub fn days(
    catalog: &Catalog,
    settings: &Settings,
    history: &[Entry],
    from: Date,
    to: Date,
) -> Vec<DayStatus> {
    let routine = settings.routine(catalog);
    let mut by_day: BTreeMap<Date, Vec<&Entry>> = BTreeMap::new();
    let start = history.partition_point(|e| e.date < from);
    for e in history[start..].iter().take_while(|e| e.date <= to) {
        by_day.entry(e.date).or_default().push(e);
    }
    let mut out = Vec::new();
    let mut date = from;
    while date <= to {
        let entries = by_day.get(&date).map(Vec::as_slice).unwrap_or(&[]);
        let cells: Vec<Cell> = routine
            .iter()
            .map(|ex| {
                let of_it = entries.iter().filter(|e| e.is_for(&ex.id));
                let done: Vec<&&Entry> = of_it.clone().filter(|e| e.kind == EntryKind::Done).collect();
                // A walk needs the bouts of the step it was logged at.
                let needed = done.iter().map(|e| ex.dose(e.step.unwrap_or(1)).sessions()).max().unwrap_or(1);
                Cell {
                    done: done.len() as u32,
                    needed,
                    skipped: of_it.clone().any(|e| e.kind == EntryKind::Skipped),
                }
            })
            .collect();
        let walk_at = routine.iter().position(|e| e.id == "walk");
        let walked = walk_at.is_some_and(|i| cells[i].is_done());
        let walk_minutes = entries
            .iter()
            .filter(|e| e.is_for("walk") && e.kind == EntryKind::Done)
            .map(|e| {
                e.minutes.unwrap_or_else(|| {
                    catalog.get("walk").and_then(|w| w.dose(e.step.unwrap_or(1)).walk_minutes()).unwrap_or(0)
                })
            })
            .sum();
        let daily = |i: usize| !(settings.level == Level::Active && Some(i) == walk_at);
        let scheduled: Vec<&Cell> =
            cells.iter().enumerate().filter(|(i, _)| daily(*i)).map(|(_, c)| c).collect();
        let complete = !scheduled.is_empty()
            && scheduled.iter().all(|c| c.is_done() || c.skipped)
            && cells.iter().any(|c| c.done > 0);
        out.push(DayStatus { date, cells, complete, walked, walk_minutes });
        date = date.tomorrow().expect("dates stay in range");
    }
    out
}

/// Weeks from the week holding `from` to the week holding `to`, oldest first.
pub fn weeks(catalog: &Catalog, settings: &Settings, history: &[Entry], from: Date, to: Date) -> Vec<Week> {
    let first = settings.week_start(from);
    let last = settings.week_start(to).checked_add(6.days()).expect("dates stay in range");
    let days = days(catalog, settings, history, first, last);
    days.chunks(7)
        .map(|week| {
            let complete_days = week.iter().filter(|d| d.complete).count() as u32;
            let walk_days = week.iter().filter(|d| d.walked).count() as u32;
            let walks_ok =
                settings.level == Level::Beginner || walk_days >= u32::from(settings.walk_days_per_week);
            Week {
                start: week[0].date,
                days: week.to_vec(),
                complete_days,
                walk_days,
                meets_target: complete_days >= u32::from(settings.days_per_week) && walks_ok,
            }
        })
        .collect()
}

/// Current and longest streaks over `weeks` (oldest first, consecutive, the last one holding
/// `today`). The current week counts once it meets the target and never breaks the streak while
/// it is unfinished.
pub fn streaks(weeks: &[Week], today: Date) -> Streaks {
    let Some((current, closed)) = weeks.split_last() else { return Streaks::default() };
    let met: Vec<bool> = closed.iter().map(|w| w.meets_target).collect();
    streaks_from(&met, Some(current), today)
}

/// Streaks from the results of closed weeks (oldest first) and the week holding `today`.
pub fn streaks_from(closed: &[bool], current: Option<&Week>, today: Date) -> Streaks {
    let unfinished = current.is_some_and(|w| w.days.last().is_some_and(|d| d.date >= today));
    let current_met = current.is_some_and(|w| w.meets_target);
    let all = closed.iter().copied().chain(current.map(|_| current_met));
    let mut longest = 0;
    let mut run = 0;
    for met in all {
        run = if met { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let trailing = closed.iter().rev().take_while(|m| **m).count() as u32;
    let current = match (current_met, unfinished || current.is_none()) {
        (true, _) => trailing + 1,
        (false, true) => trailing,
        (false, false) => 0,
    };
    Streaks { current, longest: longest.max(current) }
}

#[cfg(test)]
mod tests;
