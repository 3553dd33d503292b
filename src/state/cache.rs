//! Derived copies beside the log, in `history/.cache/` (safe to delete; rebuilt when missing or
//! stale): each plain month (only known fields) and the index, in a compact binary form keyed by
//! the month file's size and modification time. Loading a month at start then costs a decode, not
//! a TOML parse. Every write is best effort and not flushed to disk: a lost cache only costs speed.

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::entry::{Entry, EntryKind, Feedback};
use super::month::Month;

/// Starts every cache file; bump the number when a cached layout changes, so an older file is
/// ignored rather than misread (the encoding does not describe itself).
const MAGIC: &[u8; 8] = b"UPRC\x00\x00\x00\x03";

/// The folder of the caches of the log in `dir`.
pub fn dir(history: &Path) -> PathBuf {
    history.join(".cache")
}

/// Decodes a cache file written by [`store`]: the magic, then the value, with nothing after it.
pub fn load<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Option<T> {
    let body = bytes.strip_prefix(MAGIC)?;
    match postcard::take_from_bytes(body) {
        Ok((value, [])) => Some(value),
        _ => None,
    }
}

/// Writes `value` to the cache file `path` (creating the folder), best effort.
pub fn store<T: Serialize>(path: &Path, value: &T) {
    let mut bytes = MAGIC.to_vec();
    let Ok(bytes) = postcard::to_extend(value, std::mem::take(&mut bytes)) else { return };
    if let Some(dir) = path.parent()
        && std::fs::create_dir_all(dir).is_ok()
    {
        let _ = crate::fsutil::write_cache(path, &bytes);
    }
}

/// An entry as cached: borrowed strings where the decoder can lend them, the date as numbers.
#[derive(Serialize, Deserialize)]
struct CachedEntry<'a> {
    id: &'a str,
    date: (i16, i8, i8),
    at: &'a str,
    kind: &'a str,
    exercise: Option<&'a str>,
    step: Option<u32>,
    dose: Option<&'a str>,
    feedback: Option<Feedback>,
    pain: Option<u8>,
    minutes: Option<u32>,
    note: Option<&'a str>,
    reason: Option<&'a str>,
}

#[derive(Serialize, Deserialize)]
struct CachedMonth<'a> {
    len: u64,
    mtime_ns: u128,
    #[serde(borrow)]
    entries: Vec<CachedEntry<'a>>,
}

fn month_path(month: &Path) -> Option<PathBuf> {
    let name = month.file_name()?.to_str()?.strip_suffix(".toml")?;
    Some(dir(month.parent()?).join(format!("{name}.bin")))
}

/// The cached copy of the month file `month`, if it is there and was made from the file as it is
/// now (`stamp`: size and modification time).
pub fn read_month(month: &Path, (len, mtime_ns): (u64, u128)) -> Option<Month> {
    let bytes = std::fs::read(month_path(month)?).ok()?;
    let cached: CachedMonth = load(&bytes)?;
    if cached.len != len || cached.mtime_ns != mtime_ns {
        return None;
    }
    let entries = cached.entries.into_iter().map(|c| {
        let (y, m, d) = c.date;
        let mut e = Entry::new(c.id.into(), Date::new(y, m, d).ok()?, c.at.into(), EntryKind::from(c.kind));
        e.exercise = c.exercise.map(String::from);
        e.step = c.step;
        e.dose = c.dose.map(String::from);
        e.feedback = c.feedback;
        e.pain = c.pain;
        e.minutes = c.minutes;
        e.note = c.note.map(String::from);
        e.reason = c.reason.map(String::from);
        Some(e)
    });
    Some(Month { entries: entries.collect::<Option<_>>()?, ..Month::default() })
}

/// Caches `data`, the contents of the month file `month` at `stamp`. Months with fields this
/// version does not know are not cached (the cache could not keep them).
pub fn write_month(month: &Path, (len, mtime_ns): (u64, u128), data: &Month) {
    if !data.extra.is_empty() || data.entries.iter().any(|e| !e.extra.is_empty()) {
        return;
    }
    let Some(path) = month_path(month) else { return };
    let entries = data
        .entries
        .iter()
        .map(|e| CachedEntry {
            id: &e.id,
            date: (e.date.year(), e.date.month(), e.date.day()),
            at: &e.at,
            kind: e.kind.as_str(),
            exercise: e.exercise.as_deref(),
            step: e.step,
            dose: e.dose.as_deref(),
            feedback: e.feedback,
            pain: e.pain,
            minutes: e.minutes,
            note: e.note.as_deref(),
            reason: e.reason.as_deref(),
        })
        .collect();
    store(&path, &CachedMonth { len, mtime_ns, entries });
}
