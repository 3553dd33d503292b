//! The weekly streaks over the whole history, counted from the month files at every ask (no
//! cached week results: a derived cache that lied could change the numbers). The months are read
//! oldest first, one at a time, and never taken into the log: each closed week is counted by the
//! day facts (`crate::days`, through `streak::weeks`) once its months are in, and then only the
//! safety events (a leg pause reported years ago still covers a day) and the days not yet counted
//! are kept. So memory holds about one month, and the time is one read of each month. (Reading
//! on a second thread saved little on a loaded machine and cost the app a second malloc arena.)

use std::collections::BTreeSet;

use eyre::Result;
use jiff::ToSpan;
use jiff::civil::Date;

use super::Ctx;
use crate::log::Entry;
use crate::safety::Safety;
use crate::state::{MonthKey, WalkBack};
use crate::streak;

impl Ctx {
    /// The current and longest weekly streaks as of `date`.
    pub fn streaks(&mut self, date: Date) -> Result<streak::Streaks> {
        let keys: Vec<MonthKey> = self.store.months_on_disk()?.into_iter().map(|(k, _)| k).collect();
        let this_week = self.settings.week_start(date);
        // What `date`'s view needs from the older months (the red flags, the flare state, each
        // exercise's last entry) is asked of the bytes the walk reads anyway: each month is
        // read once, not once for the streak and again for the view.
        let ids = self.exercise_ids();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let back = self.store.walk_back_for(date, &ids);
        let (met, may_hold) = match keys.first() {
            Some(first) => self.closed_weeks(
                &keys,
                Date::new(first.year, first.month, 1)?,
                (this_week, date),
                back.as_ref(),
            )?,
            None => (Vec::new(), None),
        };
        // With the walk back finished (here, or by an earlier view of `date`), the recent
        // months, which hold the current week, are in the log.
        if let Some(back) = back {
            self.store.finish_walk_back(back, may_hold.as_ref())?;
        }
        let current =
            streak::weeks(&self.catalog, &self.settings, self.store.entries(), this_week, date, date);
        Ok(streak::streaks_from(&met, current.first(), date))
    }

    /// Whether each week from the one holding `first_day` up to `this_week` (not included) met
    /// the target, oldest first, reading the months `keys` (oldest first) one at a time; and,
    /// for `back`, which months before its recent ones may hold what it wants (`None` when the
    /// walk did not read them all).
    fn closed_weeks(
        &self,
        keys: &[MonthKey],
        first_day: Date,
        (this_week, date): (Date, Date),
        back: Option<&WalkBack>,
    ) -> Result<(Vec<bool>, Option<BTreeSet<MonthKey>>)> {
        let wanted = keys.iter().filter(|k| Date::new(k.year, k.month, 1).is_ok_and(|d| d < this_week));
        let mut met = Vec::new();
        let mut may_hold = BTreeSet::new();
        let mut read_all = true;
        let mut week = self.settings.week_start(first_day);
        // The entries still needed, in the log's order: the safety events so far and the
        // entries of days from `week` on.
        let mut window: Vec<Entry> = Vec::new();
        let last_closed = this_week.checked_sub(1.days())?;
        for key in wanted {
            // Read straight into the window (one vector for the whole walk).
            let held = window.len();
            let look = |bytes: &[u8]| back.is_some_and(|b| *key < b.first_recent() && b.may_hold(bytes));
            if self.store.append_entries(*key, &mut window, look)? == Some(true) {
                may_hold.insert(*key);
            }
            // An entry filed under a later month than its date (a hand edit) would belong to a
            // week already counted: count every week over the whole log instead.
            if window[held..].iter().any(|e| e.date < week && !Safety::reads(&e.kind)) {
                return Ok((self.closed_weeks_all(first_day, this_week, date)?, None));
            }
            crate::state::sort_entries(&mut window);
            // The weeks that end in this month (or before the current week) are all in now:
            // counted in one go.
            let month_end = Date::new(key.year, key.month, 1)?.last_of_month().min(last_closed);
            let Some(to) = self.settings.week_start(month_end).checked_add(6.days()).ok() else {
                // Not every month was read: the walk back asks the rest itself.
                read_all = false;
                break;
            };
            let to = if to <= month_end {
                to
            } else {
                self.settings.week_start(month_end).checked_sub(1.days())?
            };
            if to >= week {
                met.extend(streak::met(&self.catalog, &self.settings, &window, week, to, date));
                week = to.checked_add(1.days())?;
                let from = week;
                window.retain(|e| e.date >= from || Safety::reads(&e.kind));
            }
        }
        // Weeks after the last month file (no entries), up to the current week.
        if week < this_week {
            met.extend(streak::met(&self.catalog, &self.settings, &window, week, last_closed, date));
        }
        Ok((met, (read_all && back.is_some()).then_some(may_hold)))
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
        Ok(streak::weeks(&self.catalog, &self.settings, &all, first_day, last, date)
            .iter()
            .map(|w| w.meets_target)
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::catalog::Catalog;
    use crate::config::Settings;
    use crate::log::EntryKind;
    use crate::state::{Month, Store};

    const TODAY: Date = jiff::civil::date(2026, 11, 24);
    const IDS: [&str; 4] = ["walk", "curl-up", "bird-dog", "side-bridge"];

    fn ctx(data: &std::path::Path) -> Ctx {
        Ctx {
            catalog: Catalog::builtin(),
            settings: Settings::default(),
            store: Store::open(data),
            now: "2026-11-24T07:30:00+01:00[Europe/Berlin]".parse().unwrap(),
            today: TODAY,
            config_path: data.join("config.toml"),
        }
    }

    /// Month files of entries `(days back, kind, exercise, pain)`: a kind past the end of
    /// `kinds` is a session done; a red flag for an emergency is about no exercise.
    fn write_history(raw: &[(i64, u8, usize, u8)], kinds: &[EntryKind]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let history = dir.path().join("history");
        std::fs::create_dir_all(&history).unwrap();
        let mut months: std::collections::BTreeMap<MonthKey, Vec<Entry>> = Default::default();
        for (n, &(back, kind, ex, pain)) in raw.iter().enumerate() {
            let d = TODAY.checked_sub(back.days()).unwrap();
            let kind = kinds.get(usize::from(kind)).cloned().unwrap_or(EntryKind::Done);
            let about_one = kind != EntryKind::RedFlagEmergency;
            let mut e = Entry::new(format!("e{n}"), d, format!("{d}T08:00:00+01:00"), kind);
            e.exercise = about_one.then(|| IDS[ex].into());
            e.pain = Some(pain);
            months.entry(MonthKey::of(d)).or_default().push(e);
        }
        for (key, mut entries) in months {
            crate::state::sort_entries(&mut entries);
            let text = Month { entries, ..Month::default() }.to_toml();
            std::fs::write(history.join(key.file_name()), text).unwrap();
        }
        dir
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

        /// Counting week by week with one month in memory gives what counting over the whole
        /// log at once does, leg pauses and clearances years back included.
        #[test]
        fn one_month_at_a_time_counts_what_the_whole_log_does(
            raw in proptest::collection::vec((0i64..400, 0u8..8, 0usize..4, 0u8..8), 1..200),
        ) {
            use EntryKind::*;
            let dir = write_history(&raw, &[LegSymptoms, Cleared, Skipped, NotSettled]);
            let c = ctx(dir.path());
            let keys: Vec<MonthKey> = c.store.read_dir_keys();
            let first = Date::new(keys[0].year, keys[0].month, 1).unwrap();
            let this_week = c.settings.week_start(TODAY);
            let (streamed, _) = c.closed_weeks(&keys, first, (this_week, TODAY), None).unwrap();
            let whole = c.closed_weeks_all(first, this_week, TODAY).unwrap();
            prop_assert_eq!(streamed, whole);
        }

        /// The streak's walk answers what today's view needs from the older months: the view
        /// after the streak (no month read twice) is the view a start without the streak
        /// builds, red flags, flares, clearances, leg pauses and the disclaimer years back
        /// included, and the log holds the same entries.
        #[test]
        fn the_walks_answers_make_the_view_a_plain_load_makes(
            raw in proptest::collection::vec((0i64..900, 0u8..12, 0usize..4, 0u8..8), 1..160),
        ) {
            use EntryKind::*;
            let kinds = [LegSymptoms, Cleared, RedFlagEmergency, RedFlagGp, FlareOn, FlareOff, DisclaimerAccepted, Skipped];
            let dir = write_history(&raw, &kinds);
            let mut walked = ctx(dir.path());
            let streak = walked.streaks(TODAY).unwrap();
            let walked_day = walked.day(TODAY).unwrap();
            let mut plain = ctx(dir.path());
            let plain_day = plain.day(TODAY).unwrap();
            prop_assert_eq!(plain.streaks(TODAY).unwrap(), streak);
            prop_assert_eq!(format!("{walked_day:?}"), format!("{plain_day:?}"));
            let ids = |c: &Ctx| c.store.entries().iter().map(|e| e.id.clone()).collect::<Vec<_>>();
            prop_assert_eq!(ids(&walked), ids(&plain));
        }
    }
}
