//! Entries that could not be saved (disk full, file too large, a month broken by a hand edit,
//! another writer holding the lock) wait beside the log in `history.pending-<id>.toml`, in the
//! month format, and are merged into their months at the next start. Nothing acknowledged is lost.

use std::path::{Path, PathBuf};

use color_eyre::eyre::{Result, WrapErr};

use super::month::Month;
use super::{Entry, Store};

const PREFIX: &str = "history.pending-";

fn pending_path(data_dir: &Path, entry: &Entry) -> PathBuf {
    let safe: String = entry.id.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
    data_dir.join(format!("{PREFIX}{safe}.toml"))
}

impl Store {
    fn data_dir(&self) -> &Path {
        self.history_dir().parent().unwrap_or(Path::new("."))
    }

    /// Keeps an entry that could not be saved; returns where.
    pub(super) fn keep_pending(&self, entry: &Entry) -> Result<PathBuf> {
        let path = pending_path(self.data_dir(), entry);
        std::fs::create_dir_all(self.data_dir()).ok();
        let month = Month { entries: vec![entry.clone()], ..Month::default() };
        crate::fsutil::write_atomic(&path, month.to_toml().as_bytes(), 0o600)
            .wrap_err_with(|| format!("cannot keep the entry in {}", path.display()))?;
        Ok(path)
    }

    /// Merges waiting entries into their months; returns how many were merged. A file that
    /// cannot be merged yet (its month is still broken) stays for the next start.
    pub fn merge_pending(&mut self) -> Result<usize> {
        let Ok(read) = std::fs::read_dir(self.data_dir()) else { return Ok(0) };
        let mut files: Vec<PathBuf> = read
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(PREFIX) && n.ends_with(".toml"))
            })
            .collect();
        files.sort();
        let mut merged = 0;
        for path in files {
            let bytes = std::fs::read(&path).wrap_err_with(|| format!("cannot read {}", path.display()))?;
            let month =
                Month::parse(&bytes).map_err(|e| color_eyre::eyre::eyre!("{}:{e}", path.display()))?;
            for entry in month.entries {
                // `append` keeps an id once: merging twice is harmless.
                self.append_only(entry)?;
                merged += 1;
            }
            std::fs::remove_file(&path).wrap_err_with(|| format!("cannot remove {}", path.display()))?;
        }
        Ok(merged)
    }
}
