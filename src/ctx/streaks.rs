//! The weekly streaks over the whole history, counted from the month files at every ask (no
//! cached week results: a derived cache that lied could change the numbers). The months are read
//! oldest first, one at a time, and never taken into the log: each closed week is counted by the
//! day facts (`crate::days`, through `streak::weeks`) once its months are in, and then only the
//! safety events (a leg pause reported years ago still covers a day) and the days not yet counted
//! are kept. So memory holds about one month, and the time is one read of each month.

use eyre::Result;
use jiff::ToSpan;
use jiff::civil::Date;

use super::Ctx;
use crate::log::Entry;
use crate::safety::Safety;
use crate::state::MonthKey;
use crate::streak;

impl Ctx {
    /// The current and longest weekly streaks as of `date`.
    pub fn streaks(&mut self, date: Date) -> Result<streak::Streaks> {
        let keys: Vec<MonthKey> = self.store.months_on_disk()?.into_iter().map(|(k, _)| k).collect();
        let this_week = self.settings.week_start(date);
        let met = match keys.first() {
            Some(first) => self.closed_weeks(&keys, Date::new(first.year, first.month, 1)?, this_week, date)?,
            None => Vec::new(),
        };
        self.store.load_range(this_week, date)?;
        self.load_for(date)?;
        let current =
            streak::weeks(&self.catalog, &self.settings, self.store.entries(), this_week, date, date);
        Ok(streak::streaks_from(&met, current.first(), date))
    }

    /// Whether each week from the one holding `first_day` up to `this_week` (not included) met
    /// the target, oldest first, reading the months `keys` (oldest first) one at a time.
    fn closed_weeks(
        &self,
        keys: &[MonthKey],
        first_day: Date,
        this_week: Date,
        date: Date,
    ) -> Result<Vec<bool>> {
        let mut met = Vec::new();
        let mut week = self.settings.week_start(first_day);
        // The entries still needed, in the log's order: the safety events so far and the
        // entries of days from `week` on.
        let mut window: Vec<Entry> = Vec::new();
        let mut months = keys.iter().filter(|k| Date::new(k.year, k.month, 1).is_ok_and(|d| d < this_week));
        let mut next = months.next();
        while week < this_week {
            let end = week.checked_add(6.days())?;
            // Every month up to the week's last day is in before it is counted.
            while let Some(key) = next.filter(|k| **k <= MonthKey::of(end)) {
                let entries = self.store.read_entries(*key)?;
                // An entry filed under a later month than its date (a hand edit) would belong
                // to a week already counted: count every week over the whole log instead.
                if entries.iter().any(|e| e.date < week && !Safety::reads(&e.kind)) {
                    return self.closed_weeks_all(first_day, this_week, date);
                }
                window.extend(entries);
                crate::state::sort_entries(&mut window);
                next = months.next();
            }
            let weeks = streak::weeks(&self.catalog, &self.settings, &window, week, end, date);
            met.push(weeks[0].meets_target);
            week = week.checked_add(7.days())?;
            let from = week;
            window.retain(|e| e.date >= from || Safety::reads(&e.kind));
        }
        Ok(met)
    }

    /// The same count with every month in memory at once (what a hand-edited layout needs).
    fn closed_weeks_all(&self, first_day: Date, this_week: Date, date: Date) -> Result<Vec<bool>> {
        let Some(last) = this_week.checked_sub(1.days()).ok().filter(|d| *d >= first_day) else {
            return Ok(Vec::new());
        };
        let mut all = Vec::new();
        let mut key = MonthKey::of(first_day);
        while key <= MonthKey::of(last) {
            all.extend(self.store.read_entries(key)?);
            key = key.next();
        }
        crate::state::sort_entries(&mut all);
        let weeks = streak::weeks(&self.catalog, &self.settings, &all, first_day, last, date);
        Ok(weeks.iter().map(|w| w.meets_target).collect())
    }
}
