//! A derived cache beside the log (`history/index.json`, safe to delete): for each month file,
//! its size and modification time and which exercises and event kinds it holds. It lets a view
//! find an exercise's latest entry, or the last flare or disclaimer event, years back without
//! parsing every month. A month whose size or time changed is parsed again and re-indexed.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use super::month::Month;

/// JSON, not TOML: it is read at every start and JSON parses several times faster.
const FILE: &str = "index.json";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    len: u64,
    mtime_ns: u128,
    /// Exercise ids, and event kinds as `kind:<name>`.
    pub keys: BTreeSet<String>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Index {
    #[serde(default)]
    format: u32,
    #[serde(default)]
    months: BTreeMap<String, Summary>,
    /// The streak rules the week results below were computed under.
    #[serde(default)]
    rules: String,
    /// Closed weeks (by first day) and whether each met the target.
    #[serde(default)]
    weeks: BTreeMap<String, bool>,
    #[serde(skip)]
    dirty: bool,
}

/// The index key for an event kind.
pub fn kind_key(kind: &str) -> String {
    format!("kind:{kind}")
}

/// The index key for a safety event of one exercise (`""` = not about an exercise).
pub fn safety_key(kind: &str, exercise: &str) -> String {
    format!("kind:{kind}/{exercise}")
}

/// What an entry contributes to its month's keys: its kind, its exercise, and for safety
/// events (whose latest state matters per exercise) the pair.
pub fn entry_keys(e: &super::Entry) -> Vec<String> {
    use super::EntryKind::*;
    let mut keys = vec![kind_key(e.kind.as_str())];
    if let Some(id) = &e.exercise {
        keys.push(id.clone());
    }
    if matches!(e.kind, LegSymptoms | Cleared | RedFlagEmergency | RedFlagGp) {
        keys.push(safety_key(e.kind.as_str(), e.exercise.as_deref().unwrap_or("")));
    }
    keys
}

/// The keys present in a set of entries, borrowed: built in one pass, asked per key.
#[derive(Default)]
pub struct Present<'a> {
    kinds: std::collections::HashSet<&'a str>,
    exercises: std::collections::HashSet<&'a str>,
    safety: std::collections::HashSet<(&'a str, &'a str)>,
}

impl<'a> Present<'a> {
    pub fn add(&mut self, e: &'a super::Entry) {
        use super::EntryKind::*;
        self.kinds.insert(e.kind.as_str());
        if let Some(id) = &e.exercise {
            self.exercises.insert(id);
        }
        if matches!(e.kind, LegSymptoms | Cleared | RedFlagEmergency | RedFlagGp) {
            self.safety.insert((e.kind.as_str(), e.exercise.as_deref().unwrap_or("")));
        }
    }

    /// Whether any added entry has `key` among its `entry_keys`.
    pub fn has(&self, key: &str) -> bool {
        match key.strip_prefix("kind:") {
            Some(rest) => match rest.split_once('/') {
                Some(pair) => self.safety.contains(&pair),
                None => self.kinds.contains(rest),
            },
            None => self.exercises.contains(key),
        }
    }
}

/// Bumped when the keys change, so an older index is rebuilt rather than trusted.
const FORMAT: u32 = 2;

fn stamp(path: &Path) -> Option<(u64, u128)> {
    let meta = fs::metadata(path).ok()?;
    let mtime = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?.as_nanos();
    Some((meta.len(), mtime))
}

impl Index {
    /// Loads the index of `dir`; a missing or unreadable index is an empty one (it is a cache).
    pub fn load(dir: &Path) -> Index {
        let loaded: Option<Index> =
            fs::read(dir.join(FILE)).ok().and_then(|t| serde_json::from_slice(&t).ok());
        loaded.filter(|i| i.format == FORMAT).unwrap_or(Index {
            format: FORMAT,
            dirty: true,
            ..Index::default()
        })
    }

    /// What the month file `name` holds, if the index is current for it.
    pub fn keys(&self, dir: &Path, name: &str) -> Option<&BTreeSet<String>> {
        let summary = self.months.get(name)?;
        (stamp(&dir.join(name)) == Some((summary.len, summary.mtime_ns))).then_some(&summary.keys)
    }

    /// Records what `month`, just read from or written to `dir/name`, holds.
    pub fn record(&mut self, dir: &Path, name: &str, month: &Month) {
        let Some((len, mtime_ns)) = stamp(&dir.join(name)) else { return };
        let keys: BTreeSet<String> = month.entries.iter().flat_map(entry_keys).collect();
        let summary = Summary { len, mtime_ns, keys };
        if self.months.get(name) != Some(&summary) {
            self.months.insert(name.to_string(), summary);
            self.dirty = true;
        }
    }

    /// A closed week's cached result under `rules`.
    pub fn week(&self, rules: &str, start: &str) -> Option<bool> {
        (self.rules == rules).then(|| self.weeks.get(start).copied()).flatten()
    }

    /// Caches a closed week's result; results under other rules are dropped.
    pub fn set_week(&mut self, rules: &str, start: &str, meets: bool) {
        if self.rules != rules {
            self.rules = rules.to_string();
            self.weeks.clear();
        }
        if self.weeks.insert(start.to_string(), meets) != Some(meets) {
            self.dirty = true;
        }
    }

    /// Writes the index when it changed. Best effort: a failure only costs speed next time.
    pub fn save(&mut self, dir: &Path) {
        if !self.dirty || !dir.is_dir() {
            return;
        }
        if let Ok(text) = serde_json::to_vec(self)
            && crate::fsutil::write_atomic(&dir.join(FILE), &text, 0o600).is_ok()
        {
            self.dirty = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{Entry, EntryKind};

    #[test]
    fn present_agrees_with_entry_keys() {
        let d = jiff::civil::date(2026, 11, 2);
        let mk = |kind: EntryKind, ex: Option<&str>| {
            let mut e = Entry::new("x".into(), d, "t".into(), kind);
            e.exercise = ex.map(String::from);
            e
        };
        let entries = [
            mk(EntryKind::Done, Some("walk")),
            mk(EntryKind::LegSymptoms, Some("curl-up")),
            mk(EntryKind::Cleared, None),
            mk(EntryKind::FlareOn, None),
        ];
        let mut present = Present::default();
        entries.iter().for_each(|e| present.add(e));
        for e in &entries {
            for key in entry_keys(e) {
                assert!(present.has(&key), "{key}");
            }
        }
        for absent in [
            "bird-dog",
            "kind:flare-off",
            "kind:cleared/curl-up",
            "kind:leg-symptoms/walk",
            "kind:red-flag-gp/",
        ] {
            assert!(!present.has(absent), "{absent}");
        }
    }
}
