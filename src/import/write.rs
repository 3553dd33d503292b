//! Saves what a plan allowed: one save per month (a year of daily walks is twelve saves, not
//! 365), each entry asked again under the writer lock, of the month as re-read: the same
//! activity logged meanwhile (another import) or the day's walk bouts filled (`rules::recheck`).

use std::collections::BTreeMap;

use super::plan::{Plan, WALK, same_activity};
use crate::log::Entry;
use crate::state::{MonthKey, SaveError, Store};

/// What the save came to.
#[derive(Debug, Default)]
pub struct Saved {
    pub logged: usize,
    /// Entries the second asking kept out, with why.
    pub dropped: Vec<String>,
    /// Months that could not be saved: nothing of them was logged.
    pub errors: Vec<String>,
}

pub fn write(store: &mut Store, plan: &Plan) -> Saved {
    let mut months: BTreeMap<MonthKey, Vec<(Entry, u32, String)>> = BTreeMap::new();
    for p in plan.proposals.iter().filter(|p| p.status.logs()) {
        if let Some((e, needed)) = &p.entry {
            months.entry(MonthKey::of(e.date)).or_default().push((e.clone(), *needed, p.source.clone()));
        }
    }
    let mut saved = Saved::default();
    for (key, entries) in months {
        let mut added = 0;
        let mut dropped = Vec::new();
        let result = store.change(key, |month| {
            for (e, needed, source) in entries {
                let start = e.instant();
                if start.is_some_and(|t| month.entries.iter().any(|m| same_activity(m, &source, t))) {
                    dropped.push(format!("the {} walk of {} was logged meanwhile", source, e.at));
                    continue;
                }
                if let Some(why) = crate::rules::recheck(&month.entries, e.date, WALK, needed, true) {
                    dropped.push(why);
                    continue;
                }
                if month.merge(e) == crate::state::save::Merge::Added {
                    added += 1;
                }
            }
            added > 0
        });
        match result {
            Ok(_) => {
                saved.logged += added;
                saved.dropped.extend(dropped);
            }
            Err(SaveError::NotFlushed(e)) => {
                saved.logged += added;
                saved.errors.push(format!("{} (logged; no need to import it again)", e));
            }
            Err(SaveError::Unchanged(e)) => {
                saved.errors.push(format!("{}: {e:#} (nothing of it was logged)", key.file_name()));
            }
        }
    }
    saved
}
