//! What the week screen and `upright week` show, computed once per move (not per frame): the
//! week's grid with what was said about each cell, the target in words, the streaks, a 12-week
//! heatmap, walk minutes per day and each exercise's step at the end of each of those weeks
//! (the step Today would prescribe, so the two never disagree). Pure: built from the entries
//! of those weeks and `today`.

use jiff::ToSpan;
use jiff::civil::Date;

use crate::catalog::Catalog;
use crate::log::{Entry, EntryKind};
use crate::settings::Settings;
use crate::streak::{self, DayStatus, Streaks};
use crate::strength::StrengthWeek;

/// Weeks of history in the heatmap and the step sparklines.
pub const HISTORY_WEEKS: i64 = 12;

#[derive(Debug, Clone)]
pub struct WeekData {
    pub start: Date,
    /// In maintenance (`checkin::maintenance`): the weekly walking target is shown.
    pub maintenance: bool,
    pub today: Date,
    /// Routine ids and names, the grid's rows.
    pub ids: Vec<String>,
    pub names: Vec<String>,
    /// The 7 days of the week.
    pub days: Vec<DayStatus>,
    pub complete_days: u32,
    pub walk_days: u32,
    pub meets_target: bool,
    /// The walk target in words ("3 of 4 walks").
    pub walk_goal: String,
    /// Complete days a week needs (`days_per_week`).
    pub needed_days: u32,
    pub streaks: Streaks,
    /// The first day anything was logged (days before it are not "missed").
    pub first_use: Option<Date>,
    /// Done exercises per day over the heatmap span, oldest first (whole weeks).
    pub heat: Vec<(Date, u32)>,
    /// Per routine exercise: its step at the end of each week of the span (today for this
    /// week), oldest first; weeks after today are left out.
    pub steps: Vec<Vec<u64>>,
    /// The highest top of any ladder in the routine: every step chart's full height, so one
    /// step looks the same in every row.
    pub scale: u64,
    /// Per routine exercise and weekday: what was logged, in words ("ok, pain 2 · note: …").
    pub notes: Vec<Vec<Option<String>>>,
    /// Desk breaks logged per weekday (`upright breaks`); shown, counted for nothing else.
    pub breaks: Vec<usize>,
    /// Per routine exercise and weekday: the walk was done as other cardio (`done walk --as
    /// bike`), marked with its own symbol.
    pub cardio: Vec<Vec<bool>>,
    /// Per weekday: who came along on that day's walks (`done walk --with`), in the order logged.
    pub company: Vec<Vec<String>>,
    /// The week's strength days toward the weekly target; `None` when strength days are off.
    pub strength: Option<StrengthWeek>,
}

/// The week's mark for a walk done as bike, elliptical, swim or other cardio.
pub const CARDIO_MARK: &str = "≈";

/// What each mark of the grid means, for a legend.
pub const MARKS: [(&str, &str); 9] = [
    ("✓", "done"),
    (CARDIO_MARK, "other cardio"),
    (PART_MARK, "some bouts"),
    (ADVISED_MARK, "stopped as advised"),
    ("–", "skipped"),
    ("✗", "missed"),
    ("○", "today"),
    ("·", "to come"),
    ("●", "complete day"),
];

/// An exercise stopped for pain above 5, paused for pain down a leg, or held on a day the back
/// had not settled: done as advised, it counts for the day (COACHING.md "Turn 3 review" B).
pub const ADVISED_MARK: &str = "⊘";

/// A day with some of the walk's bouts, not all.
pub const PART_MARK: &str = "◐";

impl WeekData {
    /// The first day of the heatmap span for the week starting `start`.
    pub fn span_start(start: Date) -> Date {
        start.checked_sub(((HISTORY_WEEKS - 1) * 7).days()).unwrap_or(start)
    }

    pub fn build(
        catalog: &Catalog,
        settings: &Settings,
        history: &[Entry],
        start: Date,
        today: Date,
        streaks: Streaks,
    ) -> WeekData {
        let routine = settings.routine(catalog);
        let end = start.checked_add(6.days()).unwrap_or(start);
        let from = WeekData::span_start(start);
        let span = crate::days::span(catalog, settings, history, from, end, today);
        let heat = span.iter().map(|d| (d.date, d.done_count())).collect();
        let weeks_shown = (0..HISTORY_WEEKS)
            .map(|k| from.checked_add((7 * k).days()).unwrap_or(from))
            .take_while(|monday| *monday <= today);
        let ends: Vec<Date> =
            weeks_shown.map(|monday| monday.checked_add(6.days()).unwrap_or(monday).min(today)).collect();
        let steps = routine
            .iter()
            .map(|ex| {
                ends.iter()
                    .map(|end| u64::from(crate::progression::prescribe_one(settings, history, ex, *end).step))
                    .collect()
            })
            .collect();
        let week = &streak::weeks(catalog, settings, history, start, start, today)[0];
        let notes = (0..routine.len())
            .map(|row| week.days.iter().map(|d| said(&d.exercises[row], history, d.date)).collect())
            .collect();
        WeekData {
            start,
            maintenance: false,
            today,
            ids: routine.iter().map(|e| e.id.clone()).collect(),
            names: routine.iter().map(|e| e.name.clone()).collect(),
            days: week.days.clone(),
            complete_days: week.complete_days,
            walk_days: week.walk_days,
            meets_target: week.meets_target,
            needed_days: u32::from(settings.days_per_week),
            walk_goal: match settings.level {
                crate::catalog::Level::Active => {
                    format!("{} of {} walks", week.walk_days, settings.walk_days_per_week)
                }
                crate::catalog::Level::Beginner => format!("walk done on {} of 7 days", week.walk_days),
            },
            streaks,
            first_use: history
                .iter()
                .find(|e| matches!(e.kind, EntryKind::Done | EntryKind::Skipped))
                .map(|e| e.date),
            heat,
            steps,
            scale: routine.iter().map(|e| u64::from(e.top())).max().unwrap_or(1),
            notes,
            cardio: routine
                .iter()
                .enumerate()
                .map(|(row, ex)| {
                    let walk = ex.dose(1).walk_minutes().is_some();
                    week.days.iter().map(|d| walk && d.exercises[row].all_variant).collect()
                })
                .collect(),
            breaks: (0..7)
                .map(|d| start.checked_add(d.days()).map_or(0, |date| crate::breaks::count_on(history, date)))
                .collect(),
            company: (0..7)
                .map(|d| {
                    start.checked_add(d.days()).map_or_else(|_| Vec::new(), |date| company(history, date))
                })
                .collect(),
            strength: settings.strength.enabled.then(|| {
                let target = settings.strength.per_week(settings.level);
                StrengthWeek::of(&crate::strength::session_dates(history), start, target)
            }),
        }
    }

    /// Who came along on the week's walks, in words ("walked with Sam on Mon and Thu; Ana on
    /// Wed"); `None` when nobody did.
    pub fn company_text(&self) -> Option<String> {
        // Each name with its days, in the order first met.
        let mut names: Vec<(&str, Vec<String>)> = Vec::new();
        for (day, who) in self.days.iter().zip(&self.company) {
            for name in who {
                let when = day.date.strftime("%a").to_string();
                match names.iter_mut().find(|(n, _)| n == name) {
                    Some((_, days)) => days.push(when),
                    None => names.push((name, vec![when])),
                }
            }
        }
        let said: Vec<String> =
            names.iter().map(|(name, days)| format!("{name} on {}", and_list(days))).collect();
        (!said.is_empty()).then(|| format!("walked with {}", said.join("; ")))
    }

    /// The week's target in words: met or missed for a past week, how far it is for this one.
    pub fn target_text(&self) -> String {
        let (done, needed) = (self.complete_days, self.needed_days);
        let days = |n: u32| if n == 1 { "day" } else { "days" };
        let end = self.start.checked_add(6.days()).unwrap_or(self.start);
        if self.start > self.today {
            format!("{needed} complete {} needed", days(needed))
        } else if end < self.today && self.first_use.is_none_or(|first| end < first) {
            // Weeks before the first session were not missed (issue 26).
            "before your first session".to_string()
        } else if self.meets_target && end < self.today {
            format!("target met: {done} complete {} ({needed} needed)", days(done))
        } else if self.meets_target {
            format!("target met: {done} complete {} so far ({needed} needed)", days(done))
        } else if end < self.today {
            format!("target missed: {done} of {needed} complete {}", days(needed))
        } else {
            format!("{done} of {needed} complete {} so far", days(needed))
        }
    }

    /// In maintenance, the week's walk minutes against the weekly target (issue 29, item 10).
    pub fn walk_text(&self) -> Option<String> {
        self.maintenance
            .then(|| crate::checkin::maintenance::walk_text(self.days.iter().map(|d| d.walk_minutes).sum()))
    }

    /// The mark of exercise `row` on weekday `day` (0–6).
    pub fn mark(&self, row: usize, day: usize) -> &'static str {
        let d = &self.days[day];
        let cell = &d.exercises[row];
        if cell.advised.is_some() {
            ADVISED_MARK
        } else if cell.is_done() && self.cardio.get(row).is_some_and(|r| r[day]) {
            CARDIO_MARK
        } else if cell.is_done() {
            "✓"
        } else if cell.skipped {
            "–"
        } else if cell.done > 0 && d.date <= self.today {
            // Some of the day's walk bouts: not missed, not the whole walk.
            PART_MARK
        } else if d.date > self.today {
            "·"
        } else if d.date == self.today {
            "○"
        } else if self.first_use.is_none_or(|first| d.date < first) {
            " "
        } else {
            "✗"
        }
    }
}

/// "Mon", "Mon and Thu", "Mon, Wed and Thu".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Who came along on the walks done on `date`, each name once.
fn company(history: &[Entry], date: Date) -> Vec<String> {
    let lo = history.partition_point(|e| e.date < date);
    let hi = history.partition_point(|e| e.date <= date);
    let mut names: Vec<String> = Vec::new();
    for name in history[lo..hi].iter().filter(|e| e.kind == EntryKind::Done).filter_map(|e| e.with.as_ref()) {
        if !names.contains(name) {
            names.push(name.clone());
        }
    }
    names
}

/// What was logged for an exercise on a day, in words: the day's session (its worst rating and
/// highest pain, as Today shows it) and its note, what was done as advised, or the skip and its
/// reason.
fn said(facts: &crate::days::Facts, history: &[Entry], date: Date) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(advised) = facts.advised {
        parts.push(advised.text());
    }
    if facts.skipped {
        parts.push("skipped".to_string());
        parts.extend(facts.note.as_ref().map(|r| format!("reason: {r}")));
    } else if facts.done > 0 {
        // A stop already names its pain.
        let stopped = matches!(facts.advised, Some(crate::days::Advised::Stopped(_)));
        match facts.worst {
            Some(rating) => parts.push(rating.to_string()),
            None if facts.advised.is_none() => parts.push("done".to_string()),
            None => {}
        }
        if !stopped {
            parts.push(format!("pain {}", facts.pain.unwrap_or(0)));
        }
        parts.extend(facts.variant.as_ref().map(|v| format!("as {v}")));
        let lo = history.partition_point(|e| e.date < date);
        let hi = history.partition_point(|e| e.date <= date);
        let with = history[lo..hi].iter().rev().find(|e| e.is_for(&facts.id) && e.kind == EntryKind::Done);
        parts.extend(with.and_then(|e| e.with.as_ref()).map(|w| format!("with {w}")));
        parts.extend(facts.note.as_ref().map(|n| format!("note: {n}")));
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

#[cfg(test)]
mod tests;
