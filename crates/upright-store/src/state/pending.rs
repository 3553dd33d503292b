//! Entries that could not be saved (disk full, file too large, a month broken by a hand edit,
//! another writer holding the lock) wait beside the log in `history.pending-<id>.toml`, in the
//! month format, with their own id. The next save of their month (or the next start) merges them
//! by id, so a waiting entry is saved once however often it is merged. Nothing acknowledged is lost.
//!
//! A pending file is trusted as little as a month: the data folder and the file must be the
//! user's own (no other user may write them), the file a regular one of sane size, and it may
//! hold only entries a failed save writes (never the record of an undo). A file that breaks a
//! rule is left out of every merge, moved aside as `….broken` once and reported; the others are
//! merged all the same, each month of a file on its own.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use eyre::{Result, eyre};

use super::month::{Month, MonthKey};
use super::{Entry, EntryKind, Store};

const PREFIX: &str = "history.pending-";
/// A pending file holds one entry (a few hundred bytes); a hand-merged one a few more.
const MAX_PENDING_BYTES: u64 = 1024 * 1024;
/// What a file that was not merged is renamed to, beside itself (out of every later scan).
pub(super) const ASIDE: &str = ".broken";

/// What the merge of waiting entries at a start came to.
#[derive(Debug, Default)]
pub struct Pending {
    /// Entries saved into their months now (not those already there, nor those a rule left out).
    pub saved: usize,
    /// Files not merged, each with why (and where it went), and months that could not be saved.
    pub problems: Vec<String>,
}

/// One pending file that passed every rule: its path and entries.
pub(super) struct Waiting {
    pub path: PathBuf,
    pub entries: Vec<Entry>,
}

fn pending_path(data_dir: &Path, entry: &Entry) -> PathBuf {
    let safe: String = entry.id.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
    data_dir.join(format!("{PREFIX}{safe}.toml"))
}

/// Whether a failed save can have written an entry of this kind: any that is logged (an undo is
/// a change of its month, never kept waiting; an unknown kind is no entry of this version).
fn can_wait(kind: &EntryKind) -> bool {
    !matches!(kind, EntryKind::Removed | EntryKind::Other(_))
}

impl Store {
    /// The data folder the history lives in.
    pub fn data_dir(&self) -> &Path {
        self.history_dir().parent().unwrap_or(Path::new("."))
    }

    /// Keeps an entry that could not be saved; returns where.
    pub(super) fn keep_pending(&self, entry: &Entry) -> Result<PathBuf> {
        let path = pending_path(self.data_dir(), entry);
        std::fs::create_dir_all(self.data_dir()).ok();
        if let Some(why) = std::fs::metadata(self.data_dir()).ok().and_then(|m| crate::fsutil::not_own(&m)) {
            return Err(eyre!("cannot keep the entry: {} {why}", self.data_dir().display()));
        }
        let month = Month { entries: vec![entry.clone()], ..Month::default() };
        crate::fsutil::write_atomic(&path, month.to_toml().as_bytes(), 0o600)
            .map_err(|e| eyre!("cannot keep the entry in {}: {e}", path.display()))?;
        Ok(path)
    }

    /// The pending files that pass every rule, and those that do not, each with why and whether
    /// it may be moved aside (not in a folder others may write: there it is not ours to move).
    fn scan_pending(&self) -> (Vec<Waiting>, Vec<(PathBuf, String, bool)>) {
        let dir = self.data_dir();
        let Ok(read) = std::fs::read_dir(dir) else { return (Vec::new(), Vec::new()) };
        let mut files: Vec<PathBuf> = read
            .flatten()
            .filter(|e| {
                let name = e.file_name();
                let name = name.to_string_lossy();
                name.starts_with(PREFIX) && name.ends_with(".toml")
            })
            .map(|e| e.path())
            .collect();
        if files.is_empty() {
            return (Vec::new(), Vec::new());
        }
        files.sort();
        if let Some(why) = std::fs::metadata(dir).ok().and_then(|m| crate::fsutil::not_own(&m)) {
            let why = format!(
                "{} {why}, so another user could have planted them: none is merged (run `chmod go-w` on the folder)",
                dir.display()
            );
            return (Vec::new(), files.into_iter().map(|f| (f, why.clone(), false)).collect());
        }
        let (mut good, mut bad) = (Vec::new(), Vec::new());
        for path in files {
            match read_pending(&path) {
                Ok(entries) => good.push(Waiting { path, entries }),
                Err(why) => bad.push((path, why, true)),
            }
        }
        (good, bad)
    }

    /// The waiting entries of month `key`, with the files they are in.
    pub(super) fn pending_for(&self, key: MonthKey) -> Vec<Waiting> {
        let (good, _) = self.scan_pending();
        good.into_iter().filter(|w| w.entries.iter().any(|e| MonthKey::of(e.date) == key)).collect()
    }

    /// After month `key` was saved with the entries of `waiting`: a file whose entries are all
    /// in now goes; one that also holds entries of other months keeps only those.
    pub(super) fn settle_pending(&self, key: MonthKey, waiting: Vec<Waiting>) {
        for w in waiting {
            let rest: Vec<Entry> = w.entries.into_iter().filter(|e| MonthKey::of(e.date) != key).collect();
            if rest.is_empty() {
                let _ = std::fs::remove_file(&w.path);
            } else {
                let month = Month { entries: rest, ..Month::default() };
                // If this fails the file keeps them all; a later merge finds this month's present.
                let _ = crate::fsutil::write_atomic(&w.path, month.to_toml().as_bytes(), 0o600);
            }
        }
    }

    /// Saves every waiting entry into its month: every file that passes the rules, month by
    /// month, whatever another file or month does. Files that do not pass are moved aside once
    /// and reported; a month that cannot be saved yet (still broken) keeps its entries waiting.
    pub fn merge_pending(&mut self) -> Pending {
        let (good, bad) = self.scan_pending();
        let mut problems = Vec::new();
        for (path, why, movable) in bad {
            let mut aside = path.clone().into_os_string();
            aside.push(ASIDE);
            let moved = movable && std::fs::rename(&path, &aside).is_ok();
            problems.push(if moved {
                format!("{why}; not merged, moved to {}", Path::new(&aside).display())
            } else {
                format!("{why}; not merged")
            });
        }
        let months: BTreeSet<MonthKey> =
            good.iter().flat_map(|w| w.entries.iter().map(|e| MonthKey::of(e.date))).collect();
        self.pending_saved = 0;
        // Another upright writing now: the entries wait for the next start or save of their
        // month, rather than every command (a status bar's, too) waiting for the lock.
        if months.is_empty() || !self.lock_free() {
            return Pending { saved: 0, problems };
        }
        for key in months {
            // The save merges the month's waiting entries by id, then settles their files.
            if let Err(e) = self.change(key, |_| false) {
                let (super::write::SaveError::Unchanged(e) | super::write::SaveError::NotFlushed(e)) = e;
                problems.push(format!("entries waiting for {} are not saved yet: {e:#}", key.file_name()));
            }
        }
        Pending { saved: std::mem::take(&mut self.pending_saved), problems }
    }
}

/// The entries of pending file `path`, or why it is not merged (the path leads the message).
fn read_pending(path: &Path) -> Result<Vec<Entry>, String> {
    let shown = path.display();
    let link = std::fs::symlink_metadata(path).map_err(|e| format!("{shown}: {e}"))?;
    if !link.is_file() {
        return Err(format!("{shown}: not a regular file (upright writes pending entries as plain files)"));
    }
    let (bytes, meta) = match crate::fsutil::read_regular(path, MAX_PENDING_BYTES) {
        Ok(Some(read)) => read,
        Ok(None) => return Err(format!("{shown}: gone while read")),
        Err(e) => return Err(format!("{shown}: {e}")),
    };
    if let Some(why) = crate::fsutil::not_own(&meta) {
        return Err(format!("{shown} {why}"));
    }
    let month = Month::parse(&bytes).map_err(|e| format!("{shown}:{e}"))?;
    if let Some(e) = month.entries.iter().find(|e| !can_wait(&e.kind)) {
        return Err(format!("{shown}: holds a `{}` entry ({}), which no failed save writes", e.kind, e.id));
    }
    Ok(month.entries)
}
