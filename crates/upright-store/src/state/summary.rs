//! `history/.summary`: facts derived from the month files, never written back to one. Per
//! month, its stamp and the latest date of each exercise and event kind it holds, so the walk back
//! to an exercise's last entry or a flare years ago skips months that hold nothing wanted; and a
//! section owned by the streak code (its rules, the month stamps it used, closed weeks' results).
//!
//! A fact about a month is used only while the month's stamp (size, mtime, ctime, inode) is the
//! one recorded and the month had not changed within 2 s of being looked at (git's racy rule).
//! The file starts with a line holding a CRC-32 and the length of the rest: any mismatch, or
//! anything that does not decode, is an empty summary. The worst a bad summary can do is cost a
//! parse: saves always re-read the month itself.

use std::collections::BTreeMap;
use std::path::Path;

use jiff::ToSpan;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::month::{MonthKey, Stamp};
use upright_core::log::{Entry, EntryKind};

const FILE: &str = ".summary";
/// Where format 3 kept it (as JSON); removed by the next save.
const OLD_FILE: &str = ".summary.json";
/// Thirty years of months and weeks take well under a megabyte.
const MAX_BYTES: u64 = 16 * 1024 * 1024;
/// Bumped when the layout or the meaning of a key changes.
const FORMAT: u32 = 4;

/// One piece of state whose latest event decides it: an exercise's latest entry, the flare
/// state, the disclaimer, the red flags, an exercise's leg-symptom pause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Want {
    Exercise(String),
    Kinds(Vec<EntryKind>),
    /// Safety events about one exercise (`""`: not about an exercise).
    Safety(Vec<EntryKind>, String),
}

impl Want {
    /// What a view of one day needs for the exercises `ids`.
    pub fn all(ids: &[&str]) -> Vec<Want> {
        use EntryKind::*;
        let mut wants: Vec<Want> = ids.iter().map(|id| Want::Exercise(id.to_string())).collect();
        wants.push(Want::Kinds(vec![FlareOn, FlareOff]));
        wants.push(Want::Kinds(vec![DisclaimerAccepted]));
        wants.push(Want::Safety(vec![RedFlagEmergency, RedFlagGp, Cleared], String::new()));
        for id in ids {
            wants.push(Want::Safety(vec![LegSymptoms, Cleared], id.to_string()));
        }
        wants
    }

    pub fn matches(&self, e: &Entry) -> bool {
        match self {
            Want::Exercise(id) => e.is_for(id),
            Want::Kinds(kinds) => kinds.contains(&e.kind),
            Want::Safety(kinds, id) => kinds.contains(&e.kind) && e.exercise.as_deref().unwrap_or("") == id,
        }
    }

    /// Keeps the wants none of `entries` meets. Kinds no entry has are checked first, so a want
    /// for an event that never happened (most safety events) costs no scan of the entries.
    pub fn keep_unmet<'e>(wants: &mut Vec<Want>, entries: impl Iterator<Item = &'e Entry> + Clone) {
        let mut kinds: Vec<&EntryKind> = Vec::new();
        for e in entries.clone() {
            if !kinds.contains(&&e.kind) {
                kinds.push(&e.kind);
            }
        }
        wants.retain(|w| {
            let possible = match w {
                Want::Exercise(_) => true,
                Want::Kinds(ks) | Want::Safety(ks, _) => ks.iter().any(|k| kinds.contains(&k)),
            };
            !(possible && entries.clone().any(|e| w.matches(e)))
        });
    }

    /// Strings an entry this want matches has in its month's text: the exercise id or the
    /// kind's name (see [`super::month::may_hold`]).
    pub fn needles(&self) -> Vec<String> {
        match self {
            Want::Exercise(id) => vec![id.clone()],
            Want::Kinds(kinds) | Want::Safety(kinds, _) => kinds.iter().map(|k| k.to_string()).collect(),
        }
    }

    /// The summary keys that stand for this want (see [`keys`]).
    pub fn keys(&self) -> Vec<String> {
        match self {
            Want::Exercise(id) => vec![id.clone()],
            Want::Kinds(kinds) => kinds.iter().map(|k| format!("kind:{k}")).collect(),
            Want::Safety(kinds, id) => kinds.iter().map(|k| format!("kind:{k}/{id}")).collect(),
        }
    }
}

/// What an entry contributes to its month's keys: its kind, its exercise, and for safety events
/// (whose latest state matters per exercise) the pair.
fn keys(e: &Entry) -> impl Iterator<Item = String> + '_ {
    use EntryKind::*;
    let safety = matches!(e.kind, LegSymptoms | Cleared | RedFlagEmergency | RedFlagGp);
    let pair = safety.then(|| format!("kind:{}/{}", e.kind, e.exercise.as_deref().unwrap_or("")));
    [Some(format!("kind:{}", e.kind)), e.exercise.clone(), pair].into_iter().flatten()
}

/// A date as year, month and day numbers: a summary of ten years holds thousands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
struct Day(i16, i8, i8);

impl Day {
    fn of(d: Date) -> Day {
        Day(d.year(), d.month(), d.day())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct MonthFacts {
    stamp: Stamp,
    /// When the month was looked at (ns since 1970, taken before the look).
    checked_ns: i128,
    entries: usize,
    /// Each key the month holds (its place in the summary's key table), with the latest date
    /// it holds it for.
    latest: Vec<(u32, Day)>,
}

impl MonthFacts {
    fn current(&self, stamp: &Stamp) -> bool {
        self.stamp == *stamp && stamp.settled_at(self.checked_ns)
    }
}

/// The streak code's section: closed weeks' results under one set of rules, valid while each
/// month they were computed from is as it was then.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Weeks {
    rules: String,
    /// By month: the month file's stamp as used (`None`: no file) and when it was read.
    #[serde(with = "as_pairs")]
    used: BTreeMap<MonthKey, (Option<Stamp>, i128)>,
    /// Closed weeks by first day, and whether each met the target.
    results: Vec<(Day, bool)>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Summary {
    format: u32,
    /// Every key any month holds, once: most months hold the same dozen.
    keys: Vec<String>,
    #[serde(with = "as_pairs")]
    months: BTreeMap<MonthKey, MonthFacts>,
    weeks: Weeks,
    #[serde(skip)]
    dirty: bool,
}

/// A map as a list of pairs (the encoding needs no string keys then).
mod as_pairs {
    use std::collections::BTreeMap;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<K: Serialize, V: Serialize, S: Serializer>(
        m: &BTreeMap<K, V>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.collect_seq(m.iter())
    }

    pub fn deserialize<'de, K, V, D>(d: D) -> Result<BTreeMap<K, V>, D::Error>
    where
        K: Deserialize<'de> + Ord,
        V: Deserialize<'de>,
        D: Deserializer<'de>,
    {
        Ok(Vec::<(K, V)>::deserialize(d)?.into_iter().collect())
    }
}

impl Summary {
    /// The summary of the history folder `dir`; a missing, damaged or older one is empty.
    pub fn load(dir: &Path) -> Summary {
        // Only a regular file of the user's own, of a sane size, is read at all.
        let bytes = crate::fsutil::read_regular(&dir.join(FILE), MAX_BYTES)
            .ok()
            .flatten()
            .filter(|(_, meta)| crate::fsutil::not_own(meta).is_none())
            .map(|(bytes, _)| bytes)
            .unwrap_or_default();
        decode(&bytes)
            .filter(|s: &Summary| s.format == FORMAT)
            .unwrap_or(Summary { format: FORMAT, ..Summary::default() })
    }

    /// The place of `key` in the key table, adding it if new.
    fn intern(&mut self, key: String) -> u32 {
        let at = self.keys.iter().position(|k| *k == key).unwrap_or_else(|| {
            self.keys.push(key);
            self.keys.len() - 1
        });
        at as u32
    }

    pub fn dirty(&self) -> bool {
        self.dirty
    }

    /// Whether month `key`, on disk at `stamp`, holds any of `keys` (see [`Want::keys`]); `None`
    /// when the summary does not know the month as it is now (then it must be read).
    pub fn holds(&self, key: MonthKey, stamp: &Stamp, keys: &[String]) -> Option<bool> {
        let facts = self.months.get(&key).filter(|f| f.current(stamp))?;
        Some(facts.latest.iter().any(|(k, _)| self.keys.get(*k as usize).is_some_and(|k| keys.contains(k))))
    }

    /// Records what month `key` holds, read at `stamp` after `checked_ns`.
    pub fn record(&mut self, key: MonthKey, stamp: &Stamp, checked_ns: i128, entries: &[Entry]) {
        let known = self.months.get(&key);
        if known.is_some_and(|f| f.stamp == *stamp && (f.current(stamp) || !stamp.settled_at(checked_ns))) {
            return;
        }
        let mut latest: BTreeMap<String, Day> = BTreeMap::new();
        for e in entries {
            for k in keys(e) {
                let at = latest.entry(k).or_insert(Day::of(e.date));
                *at = (*at).max(Day::of(e.date));
            }
        }
        let latest = latest.into_iter().map(|(k, day)| (self.intern(k), day)).collect();
        let facts = MonthFacts { stamp: *stamp, checked_ns, entries: entries.len(), latest };
        self.months.insert(key, facts);
        self.dirty = true;
    }

    /// A closed week's cached result under `rules`, if every month it spans is, per `disk`
    /// (`None`: no file), as it was when the result was computed.
    pub fn week(&self, rules: &str, start: Date, disk: impl Fn(MonthKey) -> Option<Stamp>) -> Option<bool> {
        if self.weeks.rules != rules {
            return None;
        }
        let i = self.weeks.results.binary_search_by_key(&Day::of(start), |(d, _)| *d).ok()?;
        let end = start.checked_add(6.days()).ok()?;
        let valid = [MonthKey::of(start), MonthKey::of(end)].into_iter().all(|m| {
            let now = disk(m);
            self.weeks
                .used
                .get(&m)
                .is_some_and(|(used, checked)| *used == now && used.is_none_or(|s| s.settled_at(*checked)))
        });
        valid.then_some(self.weeks.results[i].1)
    }

    /// Caches a closed week's result, computed from the months it spans as `used` says
    /// (stamp as read, and when). A month used at another stamp than before drops the results
    /// of every week it overlaps.
    pub fn set_week(
        &mut self,
        rules: &str,
        start: Date,
        meets: bool,
        used: &[(MonthKey, Option<Stamp>, i128)],
    ) {
        if self.weeks.rules != rules {
            self.weeks = Weeks { rules: rules.to_string(), ..Weeks::default() };
        }
        for (m, stamp, checked) in used {
            let was = self.weeks.used.insert(*m, (*stamp, *checked));
            if was.is_none_or(|(s, _)| s != *stamp)
                && let Ok(first) = Date::new(m.year, m.month, 1)
            {
                let from = first.checked_sub(6.days()).unwrap_or(first);
                let span = Day::of(from)..=Day::of(first.last_of_month());
                self.weeks.results.retain(|(d, _)| !span.contains(d));
            }
        }
        match self.weeks.results.binary_search_by_key(&Day::of(start), |(d, _)| *d) {
            Ok(i) => self.weeks.results[i].1 = meets,
            Err(i) => self.weeks.results.insert(i, (Day::of(start), meets)),
        }
        self.dirty = true;
    }

    /// Writes the summary, best effort and without fsync (a lost summary only costs speed).
    /// Called under the writer lock, so the lock holder's temp-file cleanup never meets a live
    /// summary temp file.
    pub fn save(&mut self, dir: &Path) {
        if !dir.is_dir() {
            return;
        }
        let Ok(body) = postcard::to_allocvec(self) else { return };
        let mut bytes = header(&body).into_bytes();
        bytes.extend_from_slice(&body);
        if crate::fsutil::write_atomic_with(&dir.join(FILE), &bytes, 0o600, false).is_ok() {
            self.dirty = false;
            let _ = std::fs::remove_file(dir.join(OLD_FILE));
        }
    }
}

fn header(body: &[u8]) -> String {
    format!("upright-summary {FORMAT} {:08x} {}\n", crc32fast::hash(body), body.len())
}

/// The summary in `bytes`, if its header's checksum and length match the rest.
fn decode(bytes: &[u8]) -> Option<Summary> {
    let newline = bytes.iter().position(|b| *b == b'\n')?;
    let (head, body) = (&bytes[..=newline], &bytes[newline + 1..]);
    if head != header(body).as_bytes() {
        return None;
    }
    postcard::from_bytes(body).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_damage_to_the_file_is_a_miss() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Summary { format: FORMAT, ..Summary::default() };
        let stamp = Stamp { len: 10, mtime_ns: 1, ctime_ns: 1, ino: 7 };
        let e = Entry::new("a".into(), jiff::civil::date(2025, 1, 5), "t".into(), EntryKind::FlareOn);
        s.record(MonthKey { year: 2025, month: 1 }, &stamp, 10_000_000_000, &[e]);
        s.save(dir.path());
        let good = std::fs::read(dir.path().join(FILE)).unwrap();
        assert!(decode(&good).is_some());
        // Every single-byte change and every cut is caught.
        for i in 0..good.len() {
            let mut bad = good.clone();
            bad[i] ^= 0x01;
            assert!(decode(&bad).is_none(), "flip at {i}");
            assert!(decode(&good[..i]).is_none(), "cut at {i}");
        }
    }

    #[test]
    fn a_json_summary_of_format_3_is_a_miss_and_the_next_save_removes_it() {
        let dir = tempfile::tempdir().unwrap();
        let body = br#"{"format":3,"keys":[],"months":[],"weeks":{"rules":"","used":[],"results":[]}}"#;
        let mut old =
            format!("upright-summary 3 {:08x} {}\n", crc32fast::hash(body), body.len()).into_bytes();
        old.extend_from_slice(body);
        std::fs::write(dir.path().join(OLD_FILE), &old).unwrap();
        std::fs::write(dir.path().join(FILE), &old).unwrap();
        let mut s = Summary::load(dir.path());
        assert!(s.months.is_empty() && s.format == FORMAT);
        let stamp = Stamp { len: 10, mtime_ns: 1, ctime_ns: 1, ino: 7 };
        s.record(MonthKey { year: 2025, month: 1 }, &stamp, 10_000_000_000, &[]);
        s.save(dir.path());
        assert!(!dir.path().join(OLD_FILE).exists());
        assert_eq!(Summary::load(dir.path()).months.len(), 1);
    }
}
