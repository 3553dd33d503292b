//! The front ends' way to the rules: loads what `rules::judge` needs for a day (its view, the
//! lock as of today, the first entry's date for a backfill) and asks it, so the CLI and the app
//! put the same question the same way.

use eyre::Result;
use jiff::civil::Date;

use super::Ctx;
use crate::log::EntryKind;
use crate::rules::{self, Facts, Request, Verdict};
use crate::safety::Safety;
use crate::state::MonthKey;
use crate::today::Day;

impl Ctx {
    /// The rules' answer to `req`, with the view of its day they judged. A month that does not
    /// load is judged without (the caller warned of it, and the save that follows re-reads the
    /// month it changes and keeps the entry waiting if that one is broken).
    pub fn ask(&mut self, req: &Request) -> Result<(Verdict, Day)> {
        // Today's months first: a lift backfilled is placed among the strength days up to today.
        let facts = self.facts(req.date);
        let _ = self.load_for(req.date);
        let day = Day::build(&self.catalog, &self.settings, self.store.entries(), req.date);
        Ok((rules::judge(&day, &facts, req), day))
    }

    /// What is true besides the day: today, the lock as of today, the first entry's date (read
    /// only for a past day, the one case that needs it).
    pub fn facts(&mut self, date: Date) -> Facts {
        let _ = self.load_for(self.today);
        let locked = Safety::from_entries(self.store.entries()).locked_since.is_some();
        let first_entry = if date < self.today { self.first_entry().ok().flatten() } else { None };
        Facts { today: self.today, locked, first_entry }
    }

    /// Whether `id` is a walk, by the catalog.
    pub fn is_walk(&self, id: &str) -> bool {
        self.catalog.get(id).is_some_and(|e| e.dose(1).walk_minutes().is_some())
    }

    /// The date of the log's first logged exercise (done or skipped; a disclaimer accepted today
    /// does not make yesterday's walk a stray), reading the months on disk oldest first.
    fn first_entry(&mut self) -> Result<Option<Date>> {
        let mut months: Vec<_> = self.store.months_on_disk()?.into_iter().map(|(k, _)| k).collect();
        months.sort();
        for key in months {
            let start = Date::new(key.year, key.month, 1)?;
            // A broken month is skipped: its entries cannot say it was first.
            if self.store.load_range(start, start.last_of_month()).is_err() {
                continue;
            }
            let logged = |e: &&crate::log::Entry| matches!(e.kind, EntryKind::Done | EntryKind::Skipped);
            let in_month = |e: &&crate::log::Entry| MonthKey::of(e.date) == key;
            if let Some(e) = self.store.entries().iter().filter(in_month).find(logged) {
                return Ok(Some(e.date));
            }
        }
        Ok(None)
    }
}
