//! One look at the history folder: the names in it and, for each month file, its stamp (size
//! and modification time). A one-shot command looks once and reuses it for the conflict-copy
//! scan, the month walk and the temp-file cleanup; the app looks afresh each time.

use std::ffi::OsString;
use std::path::Path;

use color_eyre::eyre::{Result, WrapErr};

use super::{MonthKey, Stamp, month};

#[derive(Debug, Clone, Default)]
pub struct Listing {
    /// Every name in the folder, as listed.
    pub names: Vec<OsString>,
    /// The month files, oldest first, each with its stamp.
    pub months: Vec<(MonthKey, Stamp)>,
}

impl Listing {
    /// Lists `dir` (a missing folder is an empty one).
    pub fn of(dir: &Path) -> Result<Listing> {
        let read = match std::fs::read_dir(dir) {
            Ok(read) => read,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Listing::default()),
            Err(e) => return Err(e).wrap_err_with(|| format!("cannot list {}", dir.display())),
        };
        let mut listing = Listing::default();
        for e in read.filter_map(|e| e.ok()) {
            let name = e.file_name();
            if let Some(key) = name.to_str().and_then(MonthKey::from_file_name) {
                // A plain file is checked relative to the open folder, without walking the
                // whole path again; a symbolic link is followed.
                let meta = match e.file_type() {
                    Ok(t) if t.is_file() => e.metadata(),
                    _ => std::fs::metadata(e.path()),
                };
                listing.months.push((key, meta.ok().and_then(|m| month::stamp_of(&m))));
            }
            listing.names.push(name);
        }
        listing.months.sort_unstable_by_key(|(k, _)| *k);
        Ok(listing)
    }

    /// Notes that month file `key` is at `stamp` now (`None`: gone).
    pub fn saw(&mut self, key: MonthKey, stamp: Stamp) {
        self.months.retain(|(k, _)| *k != key);
        if stamp.is_some() {
            let at = self.months.partition_point(|(k, _)| *k < key);
            self.months.insert(at, (key, stamp));
        }
    }
}
