//! The loaded world a command or the app works in: catalog, settings, the log, and the clock
//! read once. Knows which months each view needs and loads them through the store.

use eyre::{Result, eyre};
use jiff::civil::Date;
use std::path::Path;

use jiff::{ToSpan, Zoned};

use crate::catalog::{Catalog, Exercise};
use crate::config::{self, Settings};
use crate::state::{self, Entry, EntryKind, MonthKey, Store};
use crate::today;

mod ask;
mod streaks;
#[cfg(test)]
mod summary_diff_tests;

/// The clock, read once per command. `UPRIGHT_NOW` (a zoned time such as
/// `2026-11-24T07:30:00+01:00[Europe/Berlin]`) pins it for tests and reproducible reports.
pub use upright_store::clock::now;

/// Everything a command needs, loaded once.
pub struct Ctx {
    pub catalog: Catalog,
    pub settings: Settings,
    pub store: Store,
    pub now: Zoned,
    /// The coaching day at `now`.
    pub today: Date,
    /// Where the config lives (first-run choices are written there).
    pub config_path: std::path::PathBuf,
}

impl Ctx {
    /// Loads the config at `config` and opens the log under `data`. Entries that waited in
    /// pending files and sync conflict copies are merged first (saying so on stderr).
    pub fn load(config: &Path, data: &Path) -> Result<Ctx> {
        let mut catalog = Catalog::builtin();
        let settings = config::load(config, &mut catalog)?;
        let now = now()?;
        let today = settings.coaching_date(&now);
        let rules = catalog.clone();
        let mut store = Store::open(data).with_merge_rule(std::sync::Arc::new(move |month, e| {
            crate::rules::recheck_waiting(&rules, month, e)
        }));
        // Entries a failed save left waiting go in first, each asked the count rule again (it
        // was judged without its month); if their month is still broken the command reports it
        // below, and they keep waiting.
        let pending = store.merge_pending();
        for why in store.take_dropped() {
            crate::errln!("upright: {why}");
        }
        for problem in &pending.problems {
            crate::errln!("upright: {problem}");
        }
        if pending.saved > 0 {
            let n = pending.saved;
            crate::errln!(
                "upright: saved {n} entr{} that had been waiting",
                if n == 1 { "y" } else { "ies" }
            );
        }
        // Sync conflict copies are merged once and moved aside; a broken one is reported and
        // does not keep the others out.
        let (merged, errors) = store.merge_conflicts();
        for m in merged {
            crate::errln!(
                "upright: merged {} from the sync conflict copy {} (moved to history/merged/)",
                m.added,
                m.file
            );
            if !m.differing.is_empty() {
                crate::errln!(
                    "upright: {} between the month and that copy ({}); the month's version is kept, compare with history/merged/{}",
                    if m.differing.len() == 1 {
                        "1 entry differs".to_string()
                    } else {
                        format!("{} entries differ", m.differing.len())
                    },
                    m.differing.join(", "),
                    m.file
                );
            }
        }
        for e in errors {
            crate::errln!("upright: a sync conflict copy could not be merged: {e:#}");
        }
        Ok(Ctx { catalog, settings, store, now, today, config_path: config.to_path_buf() })
    }

    pub fn exercise(&self, id: &str) -> Result<&Exercise> {
        self.catalog
            .get(id)
            .ok_or_else(|| eyre!("unknown exercise {id:?}; valid ids: {}", self.catalog.id_list()))
    }

    /// Loads what a view of `date` needs: the recent months plus each exercise's latest entry.
    pub fn load_for(&mut self, date: Date) -> Result<()> {
        let ids = self.exercise_ids();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        self.store.load_recent(date, &ids)
    }

    /// Every exercise a view may ask the last entry of.
    pub fn exercise_ids(&self) -> Vec<String> {
        self.catalog.exercises().iter().map(|e| e.id.clone()).collect()
    }

    /// Loads for a change to `date`: a month that does not load is reported as a warning and
    /// the rest goes on, since the save re-reads only the month it changes (and keeps the entry
    /// waiting if that one is broken). A view that needed the month may be incomplete.
    pub fn load_for_save(&mut self, date: Date) {
        if self.load_for(date).is_err() {
            // The month the change goes to is re-read by the save, which says what it finds.
            for (key, error) in self.store.broken().filter(|(key, _)| *key != MonthKey::of(date)) {
                crate::errln!(
                    "upright: warning: {error}\n  (the doses shown may not account for {}; today's logging goes on)",
                    key.file_name()
                );
            }
        }
    }

    pub fn day(&mut self, date: Date) -> Result<today::Day> {
        self.load_for(date)?;
        Ok(today::Day::build(&self.catalog, &self.settings, self.store.entries(), date))
    }

    /// Loads the recent past of the coaching day (enough for today's view and safety state).
    pub fn load_recent(&mut self) -> Result<()> {
        self.load_for(self.today)
    }

    /// A new entry of `kind` stamped now, for `date`.
    pub fn event(&self, date: Date, kind: EntryKind) -> Entry {
        Entry::new(state::new_id(&self.now), date, state::stamp(&self.now), kind)
    }

    pub fn entry(&self, date: Date, kind: EntryKind, exercise: &str) -> Entry {
        let mut entry = self.event(date, kind);
        entry.exercise = Some(exercise.to_string());
        entry
    }
}

impl Ctx {
    /// Re-reads the config (after the first run wrote it).
    pub fn reload_config(&mut self) -> Result<()> {
        let mut catalog = Catalog::builtin();
        self.settings = config::load(&self.config_path, &mut catalog)?;
        self.catalog = catalog;
        self.today = self.settings.coaching_date(&self.now);
        Ok(())
    }

    /// The week screen's data for the week starting `start` (loads its 12 weeks, no more).
    pub fn week(&mut self, start: Date) -> Result<crate::week::WeekData> {
        let streaks = self.streaks(self.today)?;
        let end = start.checked_add(6.days())?;
        self.store.load_range(crate::week::WeekData::span_start(start), end)?;
        let mut week = crate::week::WeekData::build(
            &self.catalog,
            &self.settings,
            self.store.entries(),
            start,
            self.today,
            streaks,
        );
        week.maintenance = self.maintenance()?;
        Ok(week)
    }

    /// In maintenance (`checkin::maintenance`): the first session (in the oldest month on disk)
    /// was 26 weeks or more ago, or every routine exercise is at its cap today.
    pub fn maintenance(&mut self) -> Result<bool> {
        let oldest = self.store.months_on_disk()?.first().map(|(k, _)| *k);
        let start = oldest.and_then(|k| jiff::civil::Date::new(k.year, k.month, 1).ok());
        // The first session: in the oldest month (loaded, one file), else that month's end.
        let mut first = None;
        if let Some(start) = start {
            let end = start.last_of_month();
            if self.store.load_range(start, end).is_ok() {
                first = self
                    .store
                    .entries()
                    .iter()
                    .find(|e| e.date >= start && e.date <= end && e.kind == crate::log::EntryKind::Done)
                    .map(|e| e.date);
            }
            first = first.or(Some(end));
        }
        let caps = {
            let routine = self.settings.routine(&self.catalog);
            !routine.is_empty()
                && routine.iter().all(|ex| {
                    crate::progression::prescribe_one(&self.settings, self.store.entries(), ex, self.today)
                        .step
                        >= self.settings.cap_step(ex)
                })
        };
        Ok(crate::checkin::maintenance::in_maintenance(first, caps, self.today))
    }
}
