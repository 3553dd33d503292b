//! The loaded world a command or the app works in: catalog, settings, the log, and the clock
//! read once. Knows which months each view needs and loads them through the store.

use color_eyre::eyre::{Result, eyre};
use jiff::civil::Date;
use jiff::{ToSpan, Zoned};

use crate::catalog::{Catalog, Exercise};
use crate::cli::Paths;
use crate::config::{self, Settings};
use crate::state::{self, Entry, EntryKind, Store};
use crate::{streak, today};

/// The clock, read once per command. `UPRIGHT_NOW` (a zoned time such as
/// `2026-11-24T07:30:00+01:00[Europe/Berlin]`) pins it for tests and reproducible reports.
pub fn now() -> Result<Zoned> {
    match std::env::var("UPRIGHT_NOW") {
        Ok(s) if !s.is_empty() => s.parse().map_err(|e| eyre!("UPRIGHT_NOW={s:?} is not a zoned time: {e}")),
        _ => Ok(Zoned::now()),
    }
}

/// Everything a command needs, loaded once.
pub struct Ctx {
    pub catalog: Catalog,
    pub settings: Settings,
    pub store: Store,
    pub now: Zoned,
    /// The coaching day at `now`.
    pub today: Date,
}

impl Ctx {
    pub fn load(paths: &Paths) -> Result<Ctx> {
        let mut catalog = Catalog::builtin();
        let settings = config::load(&paths.config, &mut catalog)?;
        let now = now()?;
        let today = settings.coaching_date(&now);
        Ok(Ctx { catalog, settings, store: Store::open(&paths.data), now, today })
    }

    pub fn exercise(&self, id: &str) -> Result<&Exercise> {
        self.catalog
            .get(id)
            .ok_or_else(|| eyre!("unknown exercise {id:?}; valid ids: {}", self.catalog.id_list()))
    }

    /// Loads what a view of `date` needs: the recent months plus each exercise's latest entry.
    pub fn load_for(&mut self, date: Date) -> Result<()> {
        let ids: Vec<String> = self.catalog.exercises().iter().map(|e| e.id.clone()).collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        self.store.load_recent(date, &ids)
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
    /// The current and longest weekly streaks as of `date`. Loads weeks back, doubling the span,
    /// until the current streak ends inside it or the log does.
    pub fn streaks(&mut self, date: Date) -> Result<streak::Streaks> {
        let oldest = self.store.months_on_disk()?.first().copied();
        let this_week = self.settings.week_start(date);
        let mut weeks: i64 = 12;
        loop {
            let from = this_week.checked_sub((weeks * 7).days()).unwrap_or(this_week);
            self.store.load_range(from, date)?;
            let span = streak::weeks(&self.catalog, &self.settings, self.store.entries(), from, date);
            let s = streak::streaks(&span, date);
            let reached_start = oldest.is_none_or(|k| k > crate::state::MonthKey::of(from));
            if (s.current as usize) < span.len().saturating_sub(1) || reached_start {
                return Ok(s);
            }
            weeks *= 2;
        }
    }
}
