//! Which days are strength days. A target of N a week spreads the sessions at least
//! `spacing_days` apart (never on consecutive days); a missed day stays due on the next allowed
//! day and never adds up: at most one strength day is due at a time and at most N count in a
//! week. Pure: done dates and `today` in.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

/// Days between strength sessions: 3 for two a week (Mon, Thu, Mon …), 2 for three a week.
pub fn spacing_days(per_week: u8) -> i32 {
    if per_week <= 2 { 3 } else { 2 }
}

/// Whether `today` is a strength day: no session yet today, the last one at least
/// `spacing_days` ago, and fewer than `per_week` in the week starting `week_start`.
/// `sessions` are the dates strength was done (any order, duplicates allowed).
pub fn is_strength_day(sessions: &[Date], today: Date, week_start: Date, per_week: u8) -> bool {
    let last = sessions.iter().filter(|d| **d < today).max();
    let spaced = last.is_none_or(|d| (today - *d).get_days() >= spacing_days(per_week));
    let mut this_week: Vec<&Date> = sessions.iter().filter(|d| **d >= week_start && **d < today).collect();
    this_week.dedup();
    !sessions.contains(&today) && spaced && this_week.len() < usize::from(per_week)
}

/// The first strength day on or after `from` (after today when today's session is done),
/// assuming nothing more is done meanwhile. `week_start_of` gives the week of a date.
pub fn next_strength_day(
    sessions: &[Date],
    from: Date,
    per_week: u8,
    week_start_of: impl Fn(Date) -> Date,
) -> Date {
    let mut d = from;
    // Within 8 days a week turns over and the spacing has passed, so this always ends.
    for _ in 0..8 {
        let done_today = sessions.contains(&d);
        if !done_today && is_strength_day(sessions, d, week_start_of(d), per_week) {
            return d;
        }
        d = d.checked_add(1.day()).unwrap_or(d);
    }
    d
}

/// The strength schedule as the rules ask it of any day: the days a lift was done (before and
/// after that day), the weekly target and the day weeks start on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    /// Sorted, one a day.
    sessions: Vec<Date>,
    per_week: u8,
    week_starts_on: Weekday,
}

impl Schedule {
    pub fn new(mut sessions: Vec<Date>, per_week: u8, week_starts_on: Weekday) -> Schedule {
        sessions.sort();
        sessions.dedup();
        Schedule { sessions, per_week, week_starts_on }
    }

    fn week_start(&self, date: Date) -> Date {
        let back = date.weekday().since(self.week_starts_on);
        date.checked_sub(i64::from(back).days()).unwrap_or(date)
    }

    /// A lift was done on `date`.
    pub fn has_session(&self, date: Date) -> bool {
        self.sessions.binary_search(&date).is_ok()
    }

    /// Whether `date` was due as a strength day, by the sessions before it.
    pub fn is_due(&self, date: Date) -> bool {
        is_strength_day(&self.sessions, date, self.week_start(date), self.per_week)
    }

    /// The first strength day on or after `from`, if nothing more is done meanwhile.
    pub fn next_from(&self, from: Date) -> Date {
        next_strength_day(&self.sessions, from, self.per_week, |d| self.week_start(d))
    }

    /// The day before and the day after `date`, those of them with a lift done.
    pub fn beside(&self, date: Date) -> (Option<Date>, Option<Date>) {
        let with = |d: Result<Date, _>| d.ok().filter(|d| self.has_session(*d));
        (with(date.yesterday()), with(date.tomorrow()))
    }

    /// The schedule with a lift done on `date` too.
    pub fn with(&self, date: Date) -> Schedule {
        let mut sessions = self.sessions.clone();
        sessions.push(date);
        Schedule::new(sessions, self.per_week, self.week_starts_on)
    }
}

/// A week's strength days, as the week screen and `upright week` show them: which of its seven
/// days had a lift done, and the weekly target they count toward.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StrengthWeek {
    pub days: [bool; 7],
    pub target: u8,
}

impl StrengthWeek {
    /// The week starting `start`, from the dates strength was done (any order, duplicates
    /// allowed) and the weekly target.
    pub fn of(sessions: &[Date], start: Date, target: u8) -> StrengthWeek {
        let days = std::array::from_fn(|d| {
            start.checked_add((d as i64).days()).is_ok_and(|date| sessions.contains(&date))
        });
        StrengthWeek { days, target }
    }

    /// Strength days done that week (more than the target when more were done).
    pub fn done(&self) -> usize {
        self.days.iter().filter(|d| **d).count()
    }

    /// "1 of 2 strength days".
    pub fn text(&self) -> String {
        format!("{} of {} strength days", self.done(), self.target)
    }
}

/// Rule 7 counted in sessions: how many strength days the schedule offered between the last
/// session and `today`, exclusive — the gap in days times the weekly rate, less the one due.
pub fn missed_sessions(last: Date, today: Date, per_week: u8) -> u32 {
    let days = (today - last).get_days().max(0) as u32;
    (days * u32::from(per_week) / 7).saturating_sub(1)
}
