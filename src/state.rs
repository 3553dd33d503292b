//! The history log, the one source of truth: one TOML file per month of coaching date under
//! `history/`. Loads only the months a view needs; every change is saved at once, atomically,
//! under a lock, re-reading the month first so no writer's entries are lost. A month that does
//! not load is reported with path, line and column and never written over.

mod cache;
mod conflicts;
mod entry;
mod index;
mod month;
mod pending;

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use color_eyre::eyre::{Result, WrapErr, bail};
use jiff::ToSpan;
use jiff::civil::Date;

pub use conflicts::Merged;
pub use entry::{Entry, EntryKind, Feedback};
pub use month::{MAX_MONTH_BYTES, Month, MonthKey};

use index::{Index, Present, kind_key, safety_key};

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
    /// For a one-shot command: the month files and their stamps as first listed, reused by
    /// every later look instead of listing and checking them again (`None`: look afresh).
    disk: Option<Vec<(MonthKey, Stamp)>>,
    one_shot: bool,
}

/// Size and modification time of a month file (`None`: no such file).
pub type Stamp = Option<(u64, u128)>;

/// The month files in `dir`, oldest first, each with its stamp.
fn disk_view(dir: &Path) -> Result<Vec<(MonthKey, Stamp)>> {
    let read = match std::fs::read_dir(dir) {
        Ok(read) => read,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e).wrap_err_with(|| format!("cannot list {}", dir.display())),
    };
    let mut keys: Vec<MonthKey> = read
        .filter_map(|e| e.ok())
        .filter_map(|e| MonthKey::from_file_name(&e.file_name().to_string_lossy()))
        .collect();
    keys.sort();
    Ok(keys.into_iter().map(|k| (k, Month::stamp(&dir.join(k.file_name())))).collect())
}

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
            disk: None,
            one_shot: false,
        }
    }

    /// For a command that runs once and ends: the month files are listed and checked once,
    /// and later looks reuse that (a long-running app looks afresh each time).
    pub fn set_one_shot(&mut self) {
        self.one_shot = true;
    }

    /// Notes that month file `key` is at `stamp` now (loaded or just saved).
    fn saw(&mut self, key: MonthKey, stamp: Stamp) {
        self.loaded.insert(key, stamp);
        if let Some(disk) = &mut self.disk {
            disk.retain(|(k, _)| *k != key);
            if stamp.is_some() {
                let at = disk.partition_point(|(k, _)| *k < key);
                disk.insert(at, (key, stamp));
            }
        }
    }

    /// The month files on disk with their stamps (see `one_shot`).
    fn disk(&mut self) -> Result<Vec<(MonthKey, Stamp)>> {
        match &self.disk {
            Some(disk) => Ok(disk.clone()),
            None => {
                let disk = disk_view(&self.dir)?;
                if self.one_shot {
                    self.disk = Some(disk.clone());
                }
                Ok(disk)
            }
        }
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
        let mut wanted: BTreeSet<String> = ids.iter().map(|id| id.to_string()).collect();
        // Each group is one piece of state whose latest event decides it.
        let key = |k: EntryKind| kind_key(k.as_str());
        let mut groups: Vec<Vec<String>> = vec![
            vec![key(EntryKind::FlareOn), key(EntryKind::FlareOff)],
            vec![key(EntryKind::DisclaimerAccepted)],
            vec![
                safety_key(EntryKind::RedFlagEmergency.as_str(), ""),
                safety_key(EntryKind::RedFlagGp.as_str(), ""),
                safety_key(EntryKind::Cleared.as_str(), ""),
            ],
        ];
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
            // Entries read since the last look (indices into `entries`, which only grows here).
            let mut seen = 0..self.entries.len();
            let mut asked: HashSet<String> = wanted.iter().chain(groups.iter().flatten()).cloned().collect();
            for (key, stamp) in older {
                // Drop what the months read since the last look already answer.
                if !seen.is_empty() {
                    let mut present = Present::default();
                    self.entries[seen.clone()].iter().for_each(|e| present.add(e));
                    wanted.retain(|id| !present.has(id));
                    groups.retain(|g| !g.iter().any(|k| present.has(k)));
                    seen = self.entries.len()..self.entries.len();
                    asked = wanted.iter().chain(groups.iter().flatten()).cloned().collect();
                }
                if asked.is_empty() {
                    break;
                }
                let index = self.index.get_or_insert_with(|| Index::load(&self.dir));
                let needed = match stamp.and_then(|stamp| index.keys_at(&key.file_name(), stamp)) {
                    Some(keys) => keys.iter().any(|k| asked.contains(k)),
                    None => true,
                };
                if needed {
                    seen = self.load_month(key)?;
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

    /// Months on disk whose index entry is current (unchanged since it was recorded).
    pub fn unchanged_months(&mut self) -> Result<BTreeSet<MonthKey>> {
        let disk = self.disk()?;
        let index = self.index.get_or_insert_with(|| Index::load(&self.dir));
        Ok(disk
            .into_iter()
            .filter(|(k, stamp)| stamp.is_some_and(|stamp| index.keys_at(&k.file_name(), stamp).is_some()))
            .map(|(k, _)| k)
            .collect())
    }

    /// A closed week's streak result cached under `rules`. The caller checks that the months
    /// it covers are unchanged.
    pub fn cached_week(&mut self, rules: &str, start: Date) -> Option<bool> {
        let index = self.index.get_or_insert_with(|| Index::load(&self.dir));
        index.week(rules, start)
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
        let result = self.months_on_disk()?.into_iter().try_for_each(|key| self.load_month(key).map(drop));
        self.rebuild();
        result
    }

    /// Loads the months overlapping `[from, to]`.
    pub fn load_range(&mut self, from: Date, to: Date) -> Result<()> {
        let mut key = MonthKey::of(from);
        let mut result = Ok(());
        while key <= MonthKey::of(to) && result.is_ok() {
            result = self.load_month(key).map(drop);
            key = key.next();
        }
        self.rebuild();
        result
    }

    /// Reads a month (once), adding its entries at the end of `entries` and returning where;
    /// callers `rebuild` when they are done loading. The index learns what the month holds.
    fn load_month(&mut self, key: MonthKey) -> Result<std::ops::Range<usize>> {
        let start = self.entries.len();
        if !self.loaded.contains_key(&key) {
            let (month, stamp) = Month::read_stamped(&self.path(key))?;
            self.add(key, stamp, month.entries);
        }
        Ok(start..self.entries.len())
    }

    /// Takes in the entries of month file `key` as it is at `stamp`.
    fn add(&mut self, key: MonthKey, stamp: Option<(u64, u128)>, entries: Vec<Entry>) {
        if let Some(stamp) = stamp {
            let index = self.index.get_or_insert_with(|| Index::load(&self.dir));
            index.record(key, stamp, entries.iter());
        }
        self.from.extend(std::iter::repeat_n(key, entries.len()));
        if self.entries.is_empty() {
            self.entries = entries;
        } else {
            self.entries.extend(entries);
        }
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

    /// Adds an entry and saves its month at once. If it cannot be saved, the entry is kept in a
    /// pending file (merged at the next start) and the error says so.
    pub fn append(&mut self, entry: Entry) -> Result<()> {
        let kept = entry.clone();
        self.append_only(entry).map_err(|err| match self.keep_pending(&kept) {
            Ok(path) => err.wrap_err(format!(
                "not saved; the entry waits in {} and is saved at the next start",
                path.display()
            )),
            Err(keep) => err.wrap_err(format!("not saved, and {keep:#}")),
        })
    }

    /// Adds an entry and saves its month, without the pending fallback.
    fn append_only(&mut self, entry: Entry) -> Result<()> {
        let key = MonthKey::of(entry.date);
        let path = self.path(key);
        let lock = self.lock()?;
        self.clean_temp_files();
        // The usual save: the month is as we loaded it and exactly as we wrote it, and the new
        // entry sorts last, so its text is appended to the file's bytes; nothing is re-encoded.
        let now = Month::stamp(&path);
        let last =
            self.entries.iter().zip(&self.from).filter(|(_, k)| **k == key).map(|(e, _)| e).next_back();
        if let Some(stamp) = now
            && self.loaded.get(&key) == Some(&now)
            && last.is_some_and(|last| month::order(last) < month::order(&entry))
            && !self.entries.iter().any(|e| e.id == entry.id)
            && let Some(cached) = cache::canonical_entries(&path, stamp)
        {
            let mut text = std::fs::read(&path).map_err(|e| month::io_error(&path, e))?;
            text.extend_from_slice(Month::entry_text(&entry).as_bytes());
            Month::write_text(&path, &text)?;
            let saved = Month::stamp(&path);
            if let Some(saved) = saved {
                cache::append_month(&path, saved, &cached, &entry);
            }
            self.saw(key, saved);
            self.entries.push(entry);
            self.from.push(key);
            self.stale = true;
            if let Some(saved) = saved {
                let index = self.index.get_or_insert_with(|| Index::load(&self.dir));
                let new = self.entries.last().expect("just pushed");
                if !index.extend(key, stamp, saved, new) {
                    let month =
                        self.entries.iter().zip(&self.from).filter(|(_, k)| **k == key).map(|(e, _)| e);
                    index.record(key, saved, month);
                }
            }
            self.save_index();
            self.rebuild();
            return Ok(());
        }
        drop(lock);
        self.change(entry.date, |month| {
            if !month.entries.iter().any(|e| e.id == entry.id) {
                month.entries.push(entry);
            }
            true
        })
        .map(|_| ())
    }

    /// Removes the entry `id` from the month of `date` and saves; `false` when it is not there.
    pub fn remove(&mut self, date: Date, id: &str) -> Result<bool> {
        self.change(date, |month| {
            let before = month.entries.len();
            month.entries.retain(|e| e.id != id);
            month.entries.len() != before
        })
    }

    /// Applies `op` to the month of `date` as it is on disk now, under the lock, and saves it
    /// when `op` changed something. Re-reading under the lock is the merge: entries other
    /// writers saved since we loaded are kept.
    fn change(&mut self, date: Date, op: impl FnOnce(&mut Month) -> bool) -> Result<bool> {
        let key = MonthKey::of(date);
        let path = self.path(key);
        let _lock = self.lock()?;
        self.clean_temp_files();
        // The month as it is on disk now (from its cache while the file is as we last saw it),
        // which merges what other writers saved since we loaded it.
        let (mut month, mut stamp) = Month::read_stamped(&path)?;
        let changed = op(&mut month);
        month::sort(&mut month.entries);
        if changed {
            month.write(&path)?;
            stamp = Month::stamp(&path);
            // The next start loads the month from the cache instead of parsing what we wrote.
            if let Some(stamp) = stamp {
                cache::write_month(&path, stamp, &month, true);
            }
        }
        // Replace what we held of this file with what it holds now.
        let mut from = self.from.iter();
        self.entries.retain(|_| from.next() != Some(&key));
        self.from.retain(|k| *k != key);
        self.add(key, stamp, month.entries);
        self.save_index();
        self.rebuild();
        Ok(changed)
    }

    /// Takes the writer lock (`history/.lock`), waiting up to the lock wait.
    fn lock(&self) -> Result<File> {
        std::fs::create_dir_all(&self.dir)
            .wrap_err_with(|| format!("cannot create {}", self.dir.display()))?;
        set_mode(&self.dir, 0o700);
        let path = self.dir.join(".lock");
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .wrap_err_with(|| format!("cannot open {}", path.display()))?;
        let start = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(file),
                Err(std::fs::TryLockError::WouldBlock) if start.elapsed() < self.lock_wait => {
                    std::thread::sleep(Duration::from_millis(25));
                }
                Err(std::fs::TryLockError::WouldBlock) => {
                    bail!("another upright is writing {}; nothing was saved — try again", self.dir.display())
                }
                Err(std::fs::TryLockError::Error(e)) => {
                    return Err(e).wrap_err_with(|| format!("cannot lock {}", path.display()));
                }
            }
        }
    }

    /// Removes temp files a killed writer left behind. Only called under the lock, so no live
    /// writer's temp file is touched.
    /// (Cache temp files are cleaned too; a cache writer that loses its file just retries later.)
    fn clean_temp_files(&self) {
        for dir in [self.dir.clone(), cache::dir(&self.dir)] {
            let Ok(read) = std::fs::read_dir(&dir) else { continue };
            for entry in read.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.starts_with('.') && name.contains(crate::fsutil::TEMP_MARK) {
                    let _ = std::fs::remove_file(entry.path());
                }
            }
        }
    }
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode));
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
