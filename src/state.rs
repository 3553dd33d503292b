//! The history log, the one source of truth: one TOML file per month of coaching date under
//! `history/`. Loads only the months a view needs; every change is saved at once, atomically,
//! under a lock, re-reading the month first so no writer's entries are lost. A month that does
//! not load is reported with path, line and column and never written over.

mod cache;
mod conflicts;
mod entry;
mod index;
mod listing;
mod month;
mod pending;
mod save;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Duration;

use color_eyre::eyre::Result;
use jiff::ToSpan;
use jiff::civil::Date;

pub use conflicts::Merged;
pub use entry::{Entry, EntryKind, Feedback};
pub use month::{MAX_MONTH_BYTES, Month, MonthKey};

use index::{Index, kind_key, safety_key};
use listing::Listing;

/// How long a writer waits for another upright to finish writing.
pub const LOCK_WAIT: Duration = Duration::from_secs(3);
/// Days of history a view of `today` loads for sure (progression looks back 30, missed days 28).
const RECENT_DAYS: i64 = 62;

pub struct Store {
    dir: PathBuf,
    /// The months read so far, with the size and time of each file when it was loaded or last
    /// saved (`None`: no file).
    loaded: BTreeMap<MonthKey, Option<(u64, u128)>>,
    /// All loaded entries, sorted by (date, at, id) once `rebuild` ran; each entry is held once.
    entries: Vec<Entry>,
    /// The month file each entry of `entries` came from (a hand edit may file an entry under
    /// another month than its date's), so a save replaces exactly that file's entries.
    from: Vec<MonthKey>,
    lock_wait: Duration,
    /// Loaded on first need.
    index: Option<Index>,
    /// `entries` may be out of order (months were added since the last sort).
    stale: bool,
    /// The day `load_recent` last completed for (it is then a no-op for that day).
    recent_for: Option<Date>,
    /// For a one-shot command: the history folder as first listed, reused by every later look
    /// instead of listing and checking it again (`None`: look afresh).
    listing: Option<Listing>,
    one_shot: bool,
}

/// Size and modification time of a month file (`None`: no such file).
pub type Stamp = Option<(u64, u128)>;

impl Store {
    /// The log under `data_dir` (its `history/` folder). Creates nothing on disk.
    pub fn open(data_dir: &Path) -> Store {
        Store {
            dir: data_dir.join("history"),
            loaded: BTreeMap::new(),
            entries: Vec::new(),
            from: Vec::new(),
            lock_wait: LOCK_WAIT,
            index: None,
            stale: false,
            recent_for: None,
            listing: None,
            one_shot: false,
        }
    }

    /// For a command that runs once and ends: the history folder is listed and its month files
    /// checked once, and later looks reuse that (a long-running app looks afresh each time).
    pub fn one_shot(mut self) -> Store {
        self.one_shot = true;
        self
    }

    /// Notes that month file `key` is at `stamp` now (loaded or just saved).
    fn saw(&mut self, key: MonthKey, stamp: Stamp) {
        self.loaded.insert(key, stamp);
        if let Some(listing) = &mut self.listing {
            listing.saw(key, stamp);
        }
    }

    /// What `f` takes from a look at the history folder (see `one_shot`).
    fn look<R>(&mut self, f: impl FnOnce(&Listing) -> R) -> Result<R> {
        if let Some(listing) = &self.listing {
            return Ok(f(listing));
        }
        let listing = Listing::of(&self.dir)?;
        let r = f(&listing);
        if self.one_shot {
            self.listing = Some(listing);
        }
        Ok(r)
    }

    /// The month files on disk with their stamps.
    fn disk(&mut self) -> Result<Vec<(MonthKey, Stamp)>> {
        self.look(|listing| listing.months.clone())
    }

    /// A shorter lock wait, for tests.
    pub fn with_lock_wait(mut self, wait: Duration) -> Store {
        self.lock_wait = wait;
        self
    }

    pub fn history_dir(&self) -> &Path {
        &self.dir
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The last done or skipped entry of exercise `id` on `date`: what "undo" removes.
    pub fn last_logged(&self, date: Date, id: &str) -> Option<&Entry> {
        self.entries.iter().rev().find(|e| {
            e.date == date && e.is_for(id) && matches!(e.kind, EntryKind::Done | EntryKind::Skipped)
        })
    }

    /// How many month files have been read (for tests and benchmarks).
    pub fn months_loaded(&self) -> usize {
        self.loaded.len()
    }

    /// Month files present on disk, oldest first.
    pub fn months_on_disk(&mut self) -> Result<Vec<MonthKey>> {
        Ok(self.disk()?.into_iter().map(|(k, _)| k).collect())
    }

    /// Loads what a view of `today` needs: the last [`RECENT_DAYS`] days (and the month after, for
    /// entries dated ahead), then, newest first, the older months holding the latest entry of each
    /// of `ids` and the latest flare, disclaimer and safety events. The index tells which older
    /// months hold what, so months with nothing wanted are not parsed.
    pub fn load_recent(&mut self, today: Date, ids: &[&str]) -> Result<()> {
        if self.recent_for == Some(today) {
            return Ok(());
        }
        let from = today.checked_sub(RECENT_DAYS.days()).unwrap_or(today);
        let to = today.last_of_month().tomorrow().unwrap_or(today);
        // Each group is one piece of state whose latest event decides it: an exercise's latest
        // entry, the flare state, the disclaimer, and the safety events.
        let key = |k: EntryKind| kind_key(k.as_str());
        let mut groups: Vec<Vec<String>> = ids.iter().map(|id| vec![id.to_string()]).collect();
        groups.extend([
            vec![key(EntryKind::FlareOn), key(EntryKind::FlareOff)],
            vec![key(EntryKind::DisclaimerAccepted)],
            vec![
                safety_key(EntryKind::RedFlagEmergency.as_str(), ""),
                safety_key(EntryKind::RedFlagGp.as_str(), ""),
                safety_key(EntryKind::Cleared.as_str(), ""),
            ],
        ]);
        for id in ids {
            groups.push(vec![
                safety_key(EntryKind::LegSymptoms.as_str(), id),
                safety_key(EntryKind::Cleared.as_str(), id),
            ]);
        }
        let first = MonthKey::of(from);
        self.load_range(from, to)?;
        let disk = self.disk()?;
        let older: Vec<(MonthKey, Stamp)> = disk.into_iter().filter(|(k, _)| *k < first).rev().collect();
        let result = (|| {
            // Months read since the last look: what they hold answers groups.
            let mut fresh: Vec<MonthKey> =
                self.loaded.iter().filter(|(_, stamp)| stamp.is_some()).map(|(k, _)| *k).collect();
            let mut asked: BTreeSet<String> = groups.iter().flatten().cloned().collect();
            // Most months hold the same keys as the one after them: the last answer, by keys.
            let mut last: Option<(String, bool)> = None;
            for (key, stamp) in older {
                if !fresh.is_empty() {
                    let present = self.keys_of(&std::mem::take(&mut fresh));
                    groups.retain(|g| !g.iter().any(|k| present.contains(k)));
                    asked = groups.iter().flatten().cloned().collect();
                    last = None;
                }
                if asked.is_empty() {
                    break;
                }
                let index = self.index.get_or_insert_with(|| Index::load(&self.dir));
                let needed = match stamp.and_then(|stamp| index.keys_at(key, stamp)) {
                    Some(keys) => match &last {
                        Some((same, needed)) if same == keys.as_str() => *needed,
                        _ => {
                            let needed = keys.iter().any(|k| asked.contains(k));
                            last = Some((keys.as_str().to_string(), needed));
                            needed
                        }
                    },
                    None => true,
                };
                if needed {
                    self.load_month(key)?;
                    fresh.push(key);
                }
            }
            Ok(())
        })();
        self.save_index();
        self.rebuild();
        if result.is_ok() {
            self.recent_for = Some(today);
        }
        result
    }

    /// The index keys of loaded months: from the index, which learnt each month as it was
    /// loaded or saved, or else from the month's entries.
    fn keys_of(&mut self, months: &[MonthKey]) -> BTreeSet<String> {
        let index = self.index.get_or_insert_with(|| Index::load(&self.dir));
        let mut keys = BTreeSet::new();
        for &month in months {
            match self.loaded.get(&month).copied().flatten().and_then(|stamp| index.keys_at(month, stamp)) {
                Some(known) => keys.extend(known.iter().map(String::from)),
                None => self
                    .entries
                    .iter()
                    .zip(&self.from)
                    .filter(|(_, from)| **from == month)
                    .for_each(|(e, _)| keys.extend(index::entry_keys(e))),
            }
        }
        keys
    }

    /// Months on disk whose index entry is current (unchanged since it was recorded).
    pub fn unchanged_months(&mut self) -> Result<BTreeSet<MonthKey>> {
        let disk = self.disk()?;
        let index = self.index.get_or_insert_with(|| Index::load(&self.dir));
        Ok(disk
            .into_iter()
            .filter(|(k, stamp)| stamp.is_some_and(|stamp| index.keys_at(*k, stamp).is_some()))
            .map(|(k, _)| k)
            .collect())
    }

    /// Every closed week's result cached under `rules`, by first day, oldest first. The caller
    /// checks that the months each covers are unchanged.
    pub fn cached_weeks(&mut self, rules: &str) -> Vec<(Date, bool)> {
        let index = self.index.get_or_insert_with(|| Index::load(&self.dir));
        index.weeks(rules)
    }

    /// Caches a closed week's result. The months it was computed from were recorded in the index
    /// as they were loaded, so the result is used only while they stay unchanged.
    pub fn cache_week(&mut self, rules: &str, start: Date, meets: bool) {
        let index = self.index.get_or_insert_with(|| Index::load(&self.dir));
        index.set_week(rules, start, meets);
    }

    /// Writes the index if it changed (best effort: it is a cache).
    pub fn save_index(&mut self) {
        if let Some(index) = &mut self.index {
            index.save(&self.dir);
        }
    }

    /// Loads every month (for export).
    pub fn load_all(&mut self) -> Result<()> {
        let result = self.months_on_disk()?.into_iter().try_for_each(|key| self.load_month(key));
        self.rebuild();
        result
    }

    /// Loads the months overlapping `[from, to]`.
    pub fn load_range(&mut self, from: Date, to: Date) -> Result<()> {
        let mut key = MonthKey::of(from);
        let mut result = Ok(());
        while key <= MonthKey::of(to) && result.is_ok() {
            result = self.load_month(key);
            key = key.next();
        }
        self.rebuild();
        result
    }

    /// Reads a month (once), adding its entries at the end of `entries`; callers `rebuild` when
    /// they are done loading. The index learns what the month holds.
    fn load_month(&mut self, key: MonthKey) -> Result<()> {
        if !self.loaded.contains_key(&key) {
            // Decoded straight onto the end of `entries`: no copy of the month on the way.
            let start = self.entries.len();
            let stamp = Month::read_into(&self.path(key), &mut self.entries)?;
            self.took(key, stamp, start);
        }
        Ok(())
    }

    /// Takes in the entries of month file `key` as it is at `stamp`.
    fn add(&mut self, key: MonthKey, stamp: Stamp, entries: Vec<Entry>) {
        let start = self.entries.len();
        if self.entries.is_empty() {
            self.entries = entries;
        } else {
            self.entries.extend(entries);
        }
        self.took(key, stamp, start);
    }

    /// Books `entries[start..]`, just added, as month file `key` at `stamp`.
    fn took(&mut self, key: MonthKey, stamp: Stamp, start: usize) {
        if let Some(stamp) = stamp {
            let index = self.index.get_or_insert_with(|| Index::load(&self.dir));
            index.record(key, stamp, self.entries[start..].iter());
        }
        self.from.resize(self.entries.len(), key);
        self.saw(key, stamp);
        self.stale = true;
    }

    /// Sorts `entries` (with `from`) after months were added. Months are sorted within and
    /// mostly read in order, so this usually only checks.
    fn rebuild(&mut self) {
        if !std::mem::take(&mut self.stale) || month::is_sorted(&self.entries) {
            return;
        }
        let mut pairs: Vec<(Entry, MonthKey)> =
            std::mem::take(&mut self.entries).into_iter().zip(std::mem::take(&mut self.from)).collect();
        pairs.sort_by(|a, b| month::order(&a.0).cmp(&month::order(&b.0)));
        (self.entries, self.from) = pairs.into_iter().unzip();
    }

    pub fn path(&self, key: MonthKey) -> PathBuf {
        self.dir.join(key.file_name())
    }
}

/// A unique entry id from the time and the process, e.g. `20261124T071502-3f9a2c1b`.
pub fn new_id(now: &jiff::Zoned) -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let mix = (now.timestamp().subsec_nanosecond() as u32)
        ^ std::process::id().rotate_left(16)
        ^ n.wrapping_mul(0x9e37_79b9);
    format!("{}-{mix:08x}", now.strftime("%Y%m%dT%H%M%S"))
}

/// Wall-clock time for `Entry::at`: RFC 3339 with the local offset.
pub fn stamp(now: &jiff::Zoned) -> String {
    now.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

#[cfg(test)]
mod tests;
