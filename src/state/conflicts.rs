//! Sync without a cloud: Syncthing and Dropbox leave conflict copies beside a month
//! (`2026-11.sync-conflict-<date>-<time>-<device>.toml`, `2026-11 (<who>'s conflicted copy
//! <date>).toml`). They are merged into their month by entry id under the lock, so no entry from
//! either device is lost, and moved to `history/merged/`.

use std::path::Path;

use color_eyre::eyre::{Result, WrapErr, eyre};

use super::Store;
use super::month::{Month, MonthKey};

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

/// One merged copy: its file name and how many entries it added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub file: String,
    pub added: usize,
}

impl Store {
    /// Merges every conflict copy in the history folder into its month and moves it to
    /// `merged/`. A copy that does not parse is left where it is and reported.
    pub fn merge_conflicts(&mut self) -> Result<Vec<Merged>> {
        // A folder that cannot be listed is reported by the load that follows.
        let Ok(mut copies) = self.look(|listing| {
            let names = listing.names.iter().filter_map(|name| name.to_str());
            names.filter_map(|name| conflict_month(name).map(|k| (name.to_string(), k))).collect::<Vec<_>>()
        }) else {
            return Ok(Vec::new());
        };
        copies.sort();
        let mut merged = Vec::new();
        for (name, key) in copies {
            let path = self.history_dir().join(&name);
            let bytes = std::fs::read(&path).wrap_err_with(|| format!("cannot read {}", path.display()))?;
            let copy = Month::parse(&bytes).map_err(|e| eyre!("{}:{e}", path.display()))?;
            let date = jiff::civil::Date::new(key.year, key.month, 1)?;
            let mut added = 0;
            self.change(date, |month| {
                for e in copy.entries {
                    if !month.entries.iter().any(|m| m.id == e.id) {
                        month.entries.push(e);
                        added += 1;
                    }
                }
                added > 0
            })?;
            move_to_merged(self.history_dir(), &name)?;
            merged.push(Merged { file: name, added });
        }
        Ok(merged)
    }
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
        let merged = store.merge_conflicts().unwrap();
        assert_eq!(merged, [Merged { file: syncthing.into(), added: 1 }]);
        let ids: Vec<&str> = store.entries().iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["laptop", "phone", "shared"]);
        assert!(store.history_dir().join("merged").join(syncthing).exists());
        assert!(store.merge_conflicts().unwrap().is_empty(), "said once");
        // A broken copy stays and is reported with its path.
        let broken = "2026-11 (Ana's conflicted copy 2026-11-24).toml";
        std::fs::write(store.history_dir().join(broken), "version = 1\n[[entry]\n").unwrap();
        let err = store.merge_conflicts().unwrap_err().to_string();
        assert!(err.contains("conflicted copy") && err.contains(":2:"), "{err}");
        assert!(store.history_dir().join(broken).exists());
    }
}
