//! Entries that could not be saved (disk full, file too large, a month broken by a hand edit,
//! another writer holding the lock) wait beside the log in `history.pending-<id>.toml`, in the
//! month format, with their own id. The next save of their month (or the next start) merges them
//! by id, so a waiting entry is saved once however often it is merged. Nothing acknowledged is lost.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use color_eyre::eyre::{Result, eyre};

use super::month::{Month, MonthKey};
use super::{Entry, Store};

const PREFIX: &str = "history.pending-";

fn pending_path(data_dir: &Path, entry: &Entry) -> PathBuf {
    let safe: String = entry.id.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
    data_dir.join(format!("{PREFIX}{safe}.toml"))
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
        let month = Month { entries: vec![entry.clone()], ..Month::default() };
        crate::fsutil::write_atomic(&path, month.to_toml().as_bytes(), 0o600)
            .map_err(|e| eyre!("cannot keep the entry in {}: {e}", path.display()))?;
        Ok(path)
    }

    /// The pending files, each with the entries it holds; a file that does not load is skipped
    /// here and reported by [`Store::merge_pending`].
    fn pending(&self) -> Vec<(PathBuf, Result<Vec<Entry>>)> {
        let Ok(read) = std::fs::read_dir(self.data_dir()) else { return Vec::new() };
        let mut files: Vec<PathBuf> = read
            .flatten()
            .filter(|e| {
                let name = e.file_name();
                let name = name.to_string_lossy();
                name.starts_with(PREFIX) && name.ends_with(".toml")
            })
            .map(|e| e.path())
            .collect();
        files.sort();
        files
            .into_iter()
            .map(|path| {
                let month = std::fs::read(&path)
                    .map_err(|e| eyre!("cannot read {}: {e}", path.display()))
                    .and_then(|bytes| Month::parse(&bytes).map_err(|e| eyre!("{}:{e}", path.display())));
                (path, month.map(|m| m.entries))
            })
            .collect()
    }

    /// The waiting entries of month `key`, each with its file (every entry of a file is of one
    /// month: a file holds one entry).
    pub(super) fn pending_for(&self, key: MonthKey) -> Vec<(PathBuf, Entry)> {
        let mut out = Vec::new();
        for (path, entries) in self.pending() {
            let Ok(entries) = entries else { continue };
            if !entries.is_empty() && entries.iter().all(|e| MonthKey::of(e.date) == key) {
                out.extend(entries.into_iter().map(|e| (path.clone(), e)));
            }
        }
        out
    }

    /// Saves every waiting entry into its month; returns how many entries were waiting. A file
    /// that cannot be merged yet (its month is still broken) stays for the next time.
    pub fn merge_pending(&mut self) -> Result<usize> {
        let pending = self.pending();
        let mut months = BTreeSet::new();
        let mut waiting = 0;
        for (_, entries) in &pending {
            let entries = entries.as_ref().map_err(|e| eyre!("{e:#}"))?;
            waiting += entries.len();
            months.extend(entries.iter().map(|e| MonthKey::of(e.date)));
        }
        for key in months {
            // The save merges the month's waiting entries by id, then removes their files.
            self.change(key, |_| false).map_err(|e| match e {
                super::write::SaveError::Unchanged(e) | super::write::SaveError::NotFlushed(e) => e,
            })?;
        }
        Ok(waiting)
    }
}
