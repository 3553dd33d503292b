//! A derived cache beside the log (`history/.cache/index.bin`, safe to delete): for each month file,
//! its size and modification time and which exercises and event kinds it holds. It lets a view
//! find an exercise's latest entry, or the last flare or disclaimer event, years back without
//! parsing every month. A month whose size or time changed is parsed again and re-indexed.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{Entry, MonthKey};
use jiff::ToSpan;

const FILE: &str = "index.bin";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    len: u64,
    mtime_ns: u128,
    /// Exercise ids, and event kinds as `kind:<name>`: a place in the index's table of keys.
    keys: u32,
}

/// A month's keys, sorted, one per line: one string to decode instead of a set of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Keys(String);

impl Keys {
    fn of<'a>(entries: impl Iterator<Item = &'a Entry>) -> Keys {
        Keys::from_set(entries.flat_map(entry_keys).collect())
    }

    fn from_set(keys: BTreeSet<String>) -> Keys {
        Keys(keys.into_iter().collect::<Vec<_>>().join("\n"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.split('\n')
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Index {
    #[serde(default)]
    format: u32,
    #[serde(default)]
    months: BTreeMap<MonthKey, Summary>,
    /// The distinct key lines of the months, each once: most months hold the same ones.
    #[serde(default)]
    keys: Vec<Keys>,
    /// The streak rules the week results below were computed under.
    #[serde(default)]
    rules: String,
    /// Closed weeks (by first day: year, month, day) and whether each met the target.
    #[serde(default)]
    weeks: Weeks,
    #[serde(skip)]
    dirty: bool,
}

/// Closed weeks by first day, sorted, each with its result: a plain list decodes faster than a map.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Weeks(Vec<((i16, i8, i8), bool)>);

impl Weeks {
    /// Sets the result of the week starting `start`, returning the one it had.
    fn insert(&mut self, start: (i16, i8, i8), meets: bool) -> Option<bool> {
        match self.0.binary_search_by_key(&start, |(s, _)| *s) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, meets)),
            Err(i) => {
                self.0.insert(i, (start, meets));
                None
            }
        }
    }
}

/// The index key for an event kind.
pub fn kind_key(kind: &str) -> String {
    format!("kind:{kind}")
}

/// The index key for a safety event of one exercise (`""` = not about an exercise).
pub fn safety_key(kind: &str, exercise: &str) -> String {
    format!("kind:{kind}/{exercise}")
}

/// What an entry contributes to its month's keys: its kind, its exercise, and for safety
/// events (whose latest state matters per exercise) the pair.
pub fn entry_keys(e: &Entry) -> Vec<String> {
    use super::EntryKind::*;
    let mut keys = vec![kind_key(e.kind.as_str())];
    if let Some(id) = &e.exercise {
        keys.push(id.clone());
    }
    if matches!(e.kind, LegSymptoms | Cleared | RedFlagEmergency | RedFlagGp) {
        keys.push(safety_key(e.kind.as_str(), e.exercise.as_deref().unwrap_or("")));
    }
    keys
}

/// Bumped when the keys change, so an older index is rebuilt rather than trusted.
const FORMAT: u32 = 4;

fn day(date: Date) -> (i16, i8, i8) {
    (date.year(), date.month(), date.day())
}

impl Index {
    /// Loads the index of `dir`; a missing or unreadable index is an empty one (it is a cache).
    pub fn load(dir: &Path) -> Index {
        let bytes = fs::read(super::cache::dir(dir).join(FILE)).unwrap_or_default();
        let loaded: Option<Index> = super::cache::load(&bytes);
        loaded
            .filter(|i| i.format == FORMAT && i.months.values().all(|s| (s.keys as usize) < i.keys.len()))
            .unwrap_or(Index { format: FORMAT, dirty: true, ..Index::default() })
    }

    /// What month file `key` holds, if the index is current for it as it is at `stamp`.
    pub fn keys_at(&self, key: MonthKey, stamp: (u64, u128)) -> Option<&Keys> {
        let summary = self.months.get(&key)?;
        (stamp == (summary.len, summary.mtime_ns)).then(|| self.keys.get(summary.keys as usize)).flatten()
    }

    /// The place of `keys` in the table, adding them if new.
    fn intern(&mut self, keys: Keys) -> u32 {
        let at = self.keys.iter().position(|k| *k == keys).unwrap_or_else(|| {
            self.keys.push(keys);
            self.keys.len() - 1
        });
        at as u32
    }

    /// After `entry` was added to month file `key`, which the index knew at `before`: what
    /// it holds now, at `after`, without going through all its entries again. `false` when the
    /// index did not know the month as it was (then `record` it).
    pub fn extend(&mut self, key: MonthKey, before: (u64, u128), after: (u64, u128), entry: &Entry) -> bool {
        let Some(known) = self.keys_at(key, before) else { return false };
        let mut keys: BTreeSet<String> = known.iter().map(String::from).collect();
        keys.extend(entry_keys(entry));
        let keys = self.intern(Keys::from_set(keys));
        self.drop_weeks(key);
        self.months.insert(key, Summary { len: after.0, mtime_ns: after.1, keys });
        self.dirty = true;
        true
    }

    /// Forgets the cached results of the weeks that overlap month `key` (it changed).
    fn drop_weeks(&mut self, key: MonthKey) {
        if let Ok(first) = Date::new(key.year, key.month, 1) {
            let from = day(first.checked_sub(6.days()).unwrap_or(first));
            let to = day(first.last_of_month());
            self.weeks.0.retain(|(start, _)| !(from..=to).contains(start));
        }
    }

    /// Records what month file `key`, read or written at `stamp`, holds (unless already known).
    /// A month that is new or changed makes the cached results of the weeks it overlaps stale.
    pub fn record<'a>(
        &mut self,
        key: MonthKey,
        (len, mtime_ns): (u64, u128),
        entries: impl Iterator<Item = &'a Entry>,
    ) {
        if self.months.get(&key).is_some_and(|s| (s.len, s.mtime_ns) == (len, mtime_ns)) {
            return;
        }
        self.drop_weeks(key);
        let keys = self.intern(Keys::of(entries));
        self.months.insert(key, Summary { len, mtime_ns, keys });
        self.dirty = true;
    }

    /// All closed weeks' cached results under `rules`, oldest first.
    pub fn weeks(&self, rules: &str) -> Vec<(Date, bool)> {
        if self.rules != rules {
            return Vec::new();
        }
        let weeks = self.weeks.0.iter();
        weeks.filter_map(|&((y, m, d), meets)| Some((Date::new(y, m, d).ok()?, meets))).collect()
    }

    /// Caches a closed week's result; results under other rules are dropped.
    pub fn set_week(&mut self, rules: &str, start: Date, meets: bool) {
        if self.rules != rules {
            self.rules = rules.to_string();
            self.weeks.0.clear();
        }
        if self.weeks.insert(day(start), meets) != Some(meets) {
            self.dirty = true;
        }
    }

    /// Writes the index when it changed. Best effort: a failure only costs speed next time.
    pub fn save(&mut self, dir: &Path) {
        if !self.dirty || !dir.is_dir() {
            return;
        }
        // Key lines no month refers to any more are dropped.
        let mut used: Vec<u32> = self.months.values().map(|s| s.keys).collect();
        used.sort_unstable();
        used.dedup();
        if used.len() < self.keys.len() {
            let keys = used.iter().filter_map(|&i| self.keys.get(i as usize).cloned()).collect();
            for summary in self.months.values_mut() {
                summary.keys = used.binary_search(&summary.keys).unwrap_or(0) as u32;
            }
            self.keys = keys;
        }
        super::cache::store(&super::cache::dir(dir).join(FILE), self);
        self.dirty = false;
    }
}
