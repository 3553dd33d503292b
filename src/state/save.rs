//! Saving: every change goes to its month file at once, under the writer lock, re-reading the
//! month first so other writers' entries are kept; the usual new entry is appended to the file's
//! bytes. Touches only the month file, its `.bak`, its cache and the index.

use std::fs::{File, OpenOptions};
use std::path::Path;
use std::time::{Duration, Instant};

use color_eyre::eyre::{Result, WrapErr, bail};
use jiff::civil::Date;

use super::index::Index;
use super::{Entry, Month, MonthKey, Store, cache, month};

impl Store {
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
    pub(super) fn append_only(&mut self, entry: Entry) -> Result<()> {
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
    pub(super) fn change(&mut self, date: Date, op: impl FnOnce(&mut Month) -> bool) -> Result<bool> {
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
    /// A one-shot command looks at the history folder once: a temp file left there before it
    /// started is in that look, and one a writer made since is that writer's to finish.
    fn clean_temp_files(&mut self) {
        // Temp files are hidden; the month files and caches are not looked at further.
        let temp = |name: &std::ffi::OsStr| {
            name.as_encoded_bytes().first() == Some(&b'.')
                && name.to_string_lossy().contains(crate::fsutil::TEMP_MARK)
        };
        let names =
            self.look(|listing| listing.names.iter().filter(|n| temp(n)).cloned().collect::<Vec<_>>());
        for name in names.unwrap_or_default() {
            let _ = std::fs::remove_file(self.dir.join(name));
        }
        let cache = cache::dir(&self.dir);
        for entry in std::fs::read_dir(&cache).into_iter().flatten().flatten() {
            if temp(&entry.file_name()) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode));
}
