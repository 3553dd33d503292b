//! What the week screen and `upright week` show, computed once per move (not per frame): the
//! week's grid, the streaks, a 12-week heatmap, walk minutes per day and each exercise's step
//! history. Pure: built from the entries of those weeks.

use jiff::ToSpan;
use jiff::civil::Date;

use crate::catalog::Catalog;
use crate::config::Settings;
use crate::state::{Entry, EntryKind};
use crate::streak::{self, DayStatus, Streaks};

/// Weeks of history in the heatmap and the step sparklines.
pub const HISTORY_WEEKS: i64 = 12;

#[derive(Debug, Clone)]
pub struct WeekData {
    pub start: Date,
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
    /// Per routine exercise: the step of each day over the span (the last known step carried).
    pub steps: Vec<Vec<u64>>,
    /// Per routine exercise: the top of its ladder, the sparkline's full height.
    pub tops: Vec<u64>,
}

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
        let span = streak::days(catalog, settings, history, from, end);
        let heat =
            span.iter().map(|d| (d.date, d.cells.iter().filter(|c| c.is_done()).count() as u32)).collect();
        let steps = routine
            .iter()
            .map(|ex| {
                let mut last = 0u64;
                let mut out = Vec::new();
                let mut date = from;
                let begin = history.partition_point(|e| e.date < from);
                let mut i = begin;
                while date <= end {
                    while i < history.len() && history[i].date <= date {
                        let e = &history[i];
                        if e.date == date && e.kind == EntryKind::Done && e.is_for(&ex.id) {
                            last = u64::from(e.step.unwrap_or(1));
                        }
                        i += 1;
                    }
                    out.push(last);
                    date = date.tomorrow().unwrap_or(date);
                }
                out
            })
            .collect();
        let week = &streak::weeks(catalog, settings, history, start, start)[0];
        WeekData {
            start,
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
                crate::catalog::Level::Beginner => format!("walked {} of 7 days", week.walk_days),
            },
            streaks,
            first_use: history
                .iter()
                .find(|e| matches!(e.kind, EntryKind::Done | EntryKind::Skipped))
                .map(|e| e.date),
            heat,
            steps,
            tops: routine.iter().map(|e| u64::from(e.top())).collect(),
        }
    }

    /// The mark of exercise `row` on weekday `day` (0–6).
    pub fn mark(&self, row: usize, day: usize) -> &'static str {
        let d = &self.days[day];
        let cell = d.cells[row];
        if cell.is_done() {
            "✓"
        } else if cell.skipped {
            "–"
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

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    #[test]
    fn grid_marks_heat_and_steps() {
        let catalog = Catalog::builtin();
        let settings = Settings::default();
        let mk = |d: Date, id: &str, kind: EntryKind, step: u32| {
            let mut e = Entry::new(format!("{d}{id}{kind}"), d, format!("{d}T08:00:00Z"), kind);
            e.exercise = Some(id.into());
            e.step = Some(step);
            e
        };
        let monday = date(2026, 11, 23);
        let history = vec![
            mk(date(2026, 11, 2), "curl-up", EntryKind::Done, 1),
            mk(date(2026, 11, 23), "curl-up", EntryKind::Done, 2),
            mk(date(2026, 11, 23), "bird-dog", EntryKind::Skipped, 1),
        ];
        let w =
            WeekData::build(&catalog, &settings, &history, monday, date(2026, 11, 24), Streaks::default());
        let curl = w.ids.iter().position(|i| i == "curl-up").unwrap();
        let bird = w.ids.iter().position(|i| i == "bird-dog").unwrap();
        assert_eq!(
            (w.mark(curl, 0), w.mark(bird, 0), w.mark(0, 0), w.mark(0, 1), w.mark(0, 2)),
            ("✓", "–", "✗", "○", "·")
        );
        let fresh = WeekData::build(
            &catalog,
            &settings,
            &history[1..],
            monday.yesterday().unwrap(),
            date(2026, 11, 24),
            Streaks::default(),
        );
        assert_eq!(fresh.mark(curl, 0), " ", "before the first use nothing was missed");
        assert_eq!(w.heat.len(), 84);
        assert_eq!(w.heat.last().unwrap().0, date(2026, 11, 29));
        assert_eq!(w.heat[77], (monday, 1));
        let steps = &w.steps[curl];
        // The span starts on 7 Sep; 2 Nov is its day 56.
        assert_eq!(
            (steps[55], steps[56], steps[76], steps[77], steps[83]),
            (0, 1, 1, 2, 2),
            "carried forward"
        );
    }
}
