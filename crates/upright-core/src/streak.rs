//! Weekly streak maths (pure): which days are complete, which weeks meet the target, and the
//! current and longest streaks. Takes the history, the settings and `today` as arguments.
//!
//! Definitions (docs/using.md, "Streaks"): a day is complete when every exercise scheduled that day is
//! done, excused-skipped or done as advised (stopped, paused or held: `crate::days`), with at
//! least one done. On the active level the walk is not scheduled
//! per day; it counts toward the weekly walk target instead. A week meets the target with at least
//! `days_per_week` complete days (and, on the active level, `walk_days_per_week` walk days).
//! The current settings apply to every week, past ones included: the streak follows today's rules.

use jiff::ToSpan;
use jiff::civil::Date;

use crate::catalog::{Catalog, Level};
use crate::log::Entry;
use crate::settings::Settings;

/// One day as the streak counts it: the day facts (`crate::days`).
pub type DayStatus = crate::days::DayFacts;

#[derive(Debug, Clone, PartialEq)]
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

/// Weeks from the week holding `from` to the week holding `to`, oldest first.
/// Days are read as of `today` (`crate::days`); `history` needs those weeks' entries and the
/// safety entries before them.
pub fn weeks(
    catalog: &Catalog,
    settings: &Settings,
    history: &[Entry],
    from: Date,
    to: Date,
    today: Date,
) -> Vec<Week> {
    week_days(catalog, settings, history, from, to, today)
        .chunks(7)
        .map(|week| {
            let (complete_days, walk_days, meets_target) =
                tally(settings, week.iter().map(|d| (d.complete, d.walked)));
            Week { start: week[0].date, days: week.to_vec(), complete_days, walk_days, meets_target }
        })
        .collect()
}

/// Whether each week from the week holding `from` to the week holding `to` met the target,
/// oldest first: [`weeks`]' answers without keeping each week's days (the streak over a long
/// history needs only these).
pub fn met(
    catalog: &Catalog,
    settings: &Settings,
    history: &[Entry],
    from: Date,
    to: Date,
    today: Date,
) -> Vec<bool> {
    let (first, last) = whole_weeks(settings, from, to);
    crate::days::span_counts(catalog, settings, history, first, last, today)
        .chunks(7)
        .map(|week| tally(settings, week.iter().copied()).2)
        .collect()
}

/// The day facts of the whole weeks from the week holding `from` to the week holding `to`.
fn week_days(
    catalog: &Catalog,
    settings: &Settings,
    history: &[Entry],
    from: Date,
    to: Date,
    today: Date,
) -> Vec<DayStatus> {
    let (first, last) = whole_weeks(settings, from, to);
    crate::days::span(catalog, settings, history, first, last, today)
}

/// The first and last day of the whole weeks from the week holding `from` to the week holding `to`.
fn whole_weeks(settings: &Settings, from: Date, to: Date) -> (Date, Date) {
    let last = settings.week_start(to).checked_add(6.days()).expect("dates stay in range");
    (settings.week_start(from), last)
}

/// A week's complete days, walk days, and whether it met the target, from whether each of its
/// days was complete and walked.
fn tally(settings: &Settings, days: impl Iterator<Item = (bool, bool)>) -> (u32, u32, bool) {
    let (mut complete_days, mut walk_days) = (0, 0);
    for (complete, walked) in days {
        complete_days += u32::from(complete);
        walk_days += u32::from(walked);
    }
    let walks_ok = settings.level == Level::Beginner || walk_days >= u32::from(settings.walk_days_per_week);
    (complete_days, walk_days, complete_days >= u32::from(settings.days_per_week) && walks_ok)
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
