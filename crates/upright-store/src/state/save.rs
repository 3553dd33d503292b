//! Saving: every change goes to its month file at once, under the writer lock, applied to the
//! month as re-read under that lock (never to what the store held), so other writers' entries and
//! hand edits are kept. Touches the month file, its `.bak`, the lock file, and leftovers of
//! killed writers.

use std::fs::File;
use std::os::unix::fs::DirBuilderExt;
use std::path::Path;
use std::time::{Duration, Instant};

use eyre::{Result, eyre};
use jiff::civil::Date;

use super::month::{self, Month, MonthKey};
use super::write::SaveError;
use super::{Entry, EntryKind, Seen, Store};

/// What adding one entry to a month came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Merge {
    Added,
    /// The month already holds the entry, as it is.
    Present,
    /// The month holds another version of the entry (same id, other fields); the month's is kept.
    Differs,
    /// The entry was undone (a `removed` entry names it); it stays out.
    Undone,
}

impl Month {
    /// Adds `entry` unless the month holds its id or an undo of it; a `removed` entry also takes
    /// out the entry it names. The one rule for every way entries arrive: a save, a pending
    /// entry, a sync conflict copy.
    pub fn merge(&mut self, entry: Entry) -> Merge {
        if let Some(old) = self.entries.iter().find(|e| e.id == entry.id) {
            return if *old == entry { Merge::Present } else { Merge::Differs };
        }
        if self.entries.iter().any(|e| e.kind == EntryKind::Removed && e.removes.as_ref() == Some(&entry.id))
        {
            return Merge::Undone;
        }
        if entry.kind == EntryKind::Removed {
            self.entries.retain(|e| Some(&e.id) != entry.removes.as_ref());
        }
        self.entries.push(entry);
        Merge::Added
    }
}

/// The undo of entry `id` of `date`: a `removed` entry naming it. Its id is derived from the
/// undone one, so two machines undoing the same entry write the same record.
pub fn removal(date: Date, id: &str, at: String) -> Entry {
    let mut e = Entry::new(format!("removed-{id}"), date, at, EntryKind::Removed);
    e.removes = Some(id.to_string());
    e
}

impl Store {
    /// Adds an entry and saves its month at once. If it cannot be saved, the entry is kept in a
    /// pending file (merged, by its id, at the next save or start) and the error says so.
    pub fn append(&mut self, entry: Entry) -> Result<()> {
        self.append_if(entry, |_| None).map(|_| ())
    }

    /// As `append`, when `rule`, asked with the month's entries as re-read under the lock, has
    /// nothing against it; otherwise nothing is written and the rule's note is returned.
    pub fn append_if(
        &mut self,
        entry: Entry,
        rule: impl FnOnce(&[Entry]) -> Option<String>,
    ) -> Result<Option<String>> {
        entry.check().map_err(|e| eyre!(e))?;
        let key = MonthKey::of(entry.date);
        let kept = entry.clone();
        let mut note = None;
        let result = self.change(key, |month| {
            if let Some(why) = rule(&month.entries) {
                note = Some(why);
                return false;
            }
            month.merge(entry) == Merge::Added
        });
        match result {
            Ok(_) => Ok(note),
            Err(SaveError::NotFlushed(e)) => Err(e.wrap_err("logged; no need to log it again")),
            Err(SaveError::Unchanged(e)) => Err(match self.keep_pending(&kept) {
                Ok(path) => e.wrap_err(format!(
                    "not saved yet: the entry waits in {} and will be saved at the next start; no need to log it again",
                    path.display()
                )),
                Err(keep) => e.wrap_err(format!("not saved, and {keep:#}")),
            }),
        }
    }

    /// Undoes entry `id` (of `date`): takes it out of the month file that holds it, wherever a
    /// hand edit filed it, and records the undo so a sync merge does not bring it back. `false`
    /// when no month holds it (any more).
    pub fn remove(&mut self, date: Date, id: &str) -> Result<bool> {
        let filed = self.entries.iter().zip(&self.from).find(|(e, _)| e.id == id).map(|(_, k)| *k);
        let key = filed.unwrap_or(MonthKey::of(date));
        let at = super::stamp(&crate::clock::now()?);
        let removal = removal(date, id, at);
        self.change(key, |month| {
            month.entries.iter().any(|e| e.id == id) && month.merge(removal) == Merge::Added
        })
        .map_err(|e| match e {
            SaveError::Unchanged(e) => e.wrap_err("nothing was undone"),
            SaveError::NotFlushed(e) => e.wrap_err("undone"),
        })
    }

    /// Applies `op` to month `key` as it is on disk now, under the lock, and saves it when `op`
    /// says it changed something. Re-reading under the lock is the merge: entries other writers
    /// saved since we loaded are kept. Entries waiting in pending files for this month join it.
    pub fn change(&mut self, key: MonthKey, op: impl FnOnce(&mut Month) -> bool) -> Result<bool, SaveError> {
        let path = self.path(key);
        let _lock = self.lock().map_err(SaveError::Unchanged)?;
        self.clean_leftovers();
        super::summary::remove_stale(&self.dir);
        let checked = month::now_ns();
        let read = Month::read_file(&path).map_err(SaveError::Unchanged)?;
        let mut month = read.as_ref().map(|r| r.month.clone()).unwrap_or_default();
        let waiting = self.pending_for(key);
        let mut changed = false;
        let mut saved = 0;
        for e in waiting.iter().flat_map(|w| &w.entries).filter(|e| MonthKey::of(e.date) == key) {
            // Logged while the month could not be saved, so judged without it: asked again now.
            let new = !month.entries.iter().any(|m| m.id == e.id);
            if let Some(why) =
                self.merge_rule.as_ref().filter(|_| new).and_then(|rule| rule(&month.entries, e))
            {
                self.dropped.push(why);
                continue;
            }
            if month.merge(e.clone()) == Merge::Added {
                changed = true;
                saved += 1;
            }
        }
        changed |= op(&mut month);
        let mut result = Ok(changed);
        if changed {
            let text = month.saved_text(read.as_ref());
            match Month::write_text(&path, text.as_bytes()) {
                Ok(()) => {}
                Err(e @ SaveError::NotFlushed(_)) => result = Err(e),
                Err(e) => return Err(e),
            }
        }
        // The waiting entries are in the month now.
        self.pending_saved += saved;
        self.settle_pending(key, waiting);
        month::sort(&mut month.entries);
        let stamp = Month::stamp(&path);
        self.take(key, Seen { stamp, checked_ns: checked }, month.entries);
        // The latest entry of something may have moved (an undo): the next view walks again.
        self.recent_for = None;
        self.listing = None;
        result
    }

    /// Whether no other writer holds the lock right now (a folder that cannot be locked counts
    /// as free: the save that follows reports why).
    pub(super) fn lock_free(&self) -> bool {
        !matches!(try_lock(&self.dir), Ok(None))
    }

    /// Takes the writer lock (on the `history/` folder), waiting up to the lock wait.
    fn lock(&self) -> Result<File> {
        let start = Instant::now();
        loop {
            if let Some(file) = try_lock(&self.dir)? {
                return Ok(file);
            }
            if start.elapsed() >= self.lock_wait {
                return Err(eyre!(
                    "another upright has been writing {} for {} s",
                    self.dir.display(),
                    self.lock_wait.as_secs_f32()
                ));
            }
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    /// Removes what killed writers left: our temp files (only ever created under the lock, so
    /// none found under it is live) and the caches of older versions.
    fn clean_leftovers(&self) {
        let Ok(read) = std::fs::read_dir(&self.dir) else { return };
        for e in read.flatten() {
            let name = e.file_name();
            if crate::fsutil::is_temp(&name) || legacy_temp(&name) {
                let _ = std::fs::remove_file(e.path());
            } else if name == ".cache" {
                let _ = std::fs::remove_dir_all(e.path());
            }
        }
    }
}

/// Temp files of upright before 0.2 (`.2026-11.toml.tmp-1234`), written under the lock too.
fn legacy_temp(name: &std::ffi::OsStr) -> bool {
    let name = name.as_encoded_bytes();
    let Some(at) = name.windows(5).position(|w| w == b".tmp-") else { return false };
    name.first() == Some(&b'.') && name.len() > at + 5 && name[at + 5..].iter().all(u8::is_ascii_digit)
}

/// One try at the writer lock of history folder `dir` (creating the folder, private, if needed):
/// `None` while another writer holds it. The lock is taken on the folder itself, so no file can
/// be removed or replaced under it to let two writers in at once.
pub(super) fn try_lock(dir: &Path) -> Result<Option<File>> {
    if !dir.exists() {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(|e| eyre!("cannot create {}: {e}", dir.display()))?;
    }
    let meta = std::fs::metadata(dir).map_err(|e| eyre!("{}: {e}", dir.display()))?;
    crate::fsutil::check_owner(dir, &meta)?;
    let folder = File::open(dir).map_err(|e| eyre!("cannot open {}: {e}", dir.display()))?;
    match folder.try_lock() {
        Ok(()) => Ok(Some(folder)),
        Err(std::fs::TryLockError::WouldBlock) => Ok(None),
        Err(std::fs::TryLockError::Error(e)) => Err(eyre!("cannot lock {}: {e}", dir.display())),
    }
}
