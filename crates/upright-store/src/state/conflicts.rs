//! Sync without a cloud: Syncthing and Dropbox leave conflict copies beside a month
//! (`2026-11.sync-conflict-<date>-<time>-<device>.toml`, `2026-11 (<who>'s conflicted copy
//! <date>).toml`). They are merged into their month by entry id under the lock, so no entry from
//! either device is lost, and moved to `history/merged/`.

use std::path::Path;

use eyre::{Result, WrapErr, eyre};

use super::Store;
use super::month::{Month, MonthKey};
use super::save::Merge;
use super::write::SaveError;

/// The month a conflict copy belongs to, from its file name.
pub fn conflict_month(name: &str) -> Option<MonthKey> {
    // A month file's own name ("2026-11.toml") is the common case: out before any search.
    let rest = name.strip_suffix(".toml").filter(|rest| rest.len() > "2026-11".len())?;
    let month = if let Some((month, _)) = rest.split_once(".sync-conflict-") {
        month
    } else if let Some((month, tail)) = rest.split_once(" (") {
        tail.contains("conflicted copy").then_some(month)?
    } else {
        return None;
    };
    MonthKey::from_file_name(&format!("{month}.toml"))
}

/// One merged copy: its file name, how many entries it added, and the ids it holds in another
/// version than the month (the month's version is kept; the copy stays in `merged/` to compare).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub file: String,
    pub added: usize,
    pub differing: Vec<String>,
}

impl Store {
    /// Merges every conflict copy in the history folder into its month, by the same rule as any
    /// save (by id, honouring undos), and moves it to `merged/`. A copy that does not load (or is
    /// no regular file of the user's own) is renamed `….broken` beside itself, so it is reported
    /// once; the others are merged all the same, and the errors come back beside them.
    pub fn merge_conflicts(&mut self) -> (Vec<Merged>, Vec<eyre::Report>) {
        let Ok(read) = std::fs::read_dir(self.history_dir()) else { return (Vec::new(), Vec::new()) };
        let mut copies: Vec<(String, MonthKey)> = read
            .flatten()
            .filter_map(|e| e.file_name().to_str().map(String::from))
            .filter_map(|name| conflict_month(&name).map(|k| (name, k)))
            .collect();
        copies.sort();
        let (mut merged, mut errors) = (Vec::new(), Vec::new());
        // Another upright writing now: the copies wait for the next start (no command waits).
        if copies.is_empty() || !self.lock_free() {
            return (merged, errors);
        }
        for (name, key) in copies {
            let copy = match read_copy(&self.history_dir().join(&name)) {
                Ok(copy) => copy,
                Err(e) => {
                    // Reported once: moved aside beside itself, out of every later start's way.
                    let aside = format!("{name}{}", super::pending::ASIDE);
                    let moved =
                        std::fs::rename(self.history_dir().join(&name), self.history_dir().join(&aside));
                    errors.push(match moved {
                        Ok(()) => eyre!("{e:#}; moved to history/{aside}"),
                        Err(_) => e,
                    });
                    continue;
                }
            };
            match self.merge_copy(&name, key, copy) {
                Ok(m) => merged.push(m),
                Err(e) => errors.push(e),
            }
        }
        (merged, errors)
    }

    fn merge_copy(&mut self, name: &str, key: MonthKey, copy: Month) -> Result<Merged> {
        let (mut added, mut differing) = (0, Vec::new());
        self.change(key, |month| {
            for e in copy.entries {
                let id = e.id.clone();
                match month.merge(e) {
                    Merge::Added => added += 1,
                    Merge::Differs => differing.push(id),
                    Merge::Present | Merge::Undone => {}
                }
            }
            added > 0
        })
        .map_err(|e| match e {
            SaveError::Unchanged(e) | SaveError::NotFlushed(e) => e,
        })?;
        move_to_merged(self.history_dir(), name)?;
        Ok(Merged { file: name.to_string(), added, differing })
    }
}

/// A conflict copy as read: a regular file of the user's own, of a month's size at most, that
/// parses (a FIFO would hang every start, a link to `/dev/zero` fill the memory).
fn read_copy(path: &Path) -> Result<Month> {
    let shown = path.display();
    let link = std::fs::symlink_metadata(path).wrap_err_with(|| format!("cannot read {shown}"))?;
    if !link.is_file() {
        return Err(eyre!("{shown}: not a regular file (a sync tool writes conflict copies as plain files)"));
    }
    let (bytes, meta) = crate::fsutil::read_regular(path, super::MAX_MONTH_BYTES)
        .wrap_err_with(|| format!("cannot read {shown}"))?
        .ok_or_else(|| eyre!("{shown}: gone while read"))?;
    if let Some(why) = crate::fsutil::not_own(&meta) {
        return Err(eyre!("{shown} {why}"));
    }
    Month::parse(&bytes).map_err(|e| eyre!("{shown}:{e}"))
}

fn move_to_merged(dir: &Path, name: &str) -> Result<()> {
    let merged = dir.join("merged");
    std::fs::create_dir_all(&merged).wrap_err_with(|| format!("cannot create {}", merged.display()))?;
    std::fs::rename(dir.join(name), merged.join(name))
        .wrap_err_with(|| format!("cannot move {name} to merged/"))
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::state::{Entry, EntryKind};

    #[test]
    fn conflict_names() {
        let nov = Some(MonthKey { year: 2026, month: 11 });
        for (name, want) in [
            ("2026-11.sync-conflict-20261124-101500-ABCDEFG.toml", nov),
            ("2026-11 (Ana's conflicted copy 2026-11-24).toml", nov),
            ("2026-11 (conflicted copy 2026-11-24 1).toml", nov),
            ("2026-11.toml", None),
            ("2026-11.toml.bak", None),
            ("2026-11 (copy).toml", None),
            ("notes.sync-conflict-1.toml", None),
        ] {
            assert_eq!(conflict_month(name), want, "{name}");
        }
    }

    #[test]
    fn copies_merge_by_id_and_move_aside() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path());
        let mk = |id: &str, exercise: &str| {
            let d = date(2026, 11, 20);
            let mut e = Entry::new(id.into(), d, format!("{d}T08:00:00Z"), EntryKind::Done);
            e.exercise = Some(exercise.into());
            e
        };
        store.append(mk("shared", "walk")).unwrap();
        store.append(mk("laptop", "curl-up")).unwrap();
        let phone =
            Month { entries: vec![mk("shared", "walk"), mk("phone", "bird-dog")], ..Month::default() };
        let syncthing = "2026-11.sync-conflict-20261124-101500-PHONE.toml";
        std::fs::write(store.history_dir().join(syncthing), phone.to_toml()).unwrap();
        let (merged, errors) = store.merge_conflicts();
        assert!(errors.is_empty());
        assert_eq!(merged, [Merged { file: syncthing.into(), added: 1, differing: vec![] }]);
        let ids: Vec<&str> = store.entries().iter().map(|e| e.id.as_str()).collect();
        // In the order this machine came to hold them: its own, then the copy's new one.
        assert_eq!(ids, ["shared", "laptop", "phone"]);
        assert!(store.history_dir().join("merged").join(syncthing).exists());
        assert!(store.merge_conflicts().0.is_empty(), "said once");
        // A broken copy stays and is reported with its path.
        let broken = "2026-11 (Ana's conflicted copy 2026-11-24).toml";
        std::fs::write(store.history_dir().join(broken), "version = 1\n[[entry]\n").unwrap();
        let err = format!("{:#}", store.merge_conflicts().1[0]);
        assert!(err.contains("conflicted copy") && err.contains(":2:"), "{err}");
        // Moved aside once: the next start says nothing of it.
        assert!(err.contains(&format!("moved to history/{broken}.broken")), "{err}");
        assert!(store.history_dir().join(format!("{broken}.broken")).exists());
        assert!(store.merge_conflicts().1.is_empty(), "reported once");
    }
}
