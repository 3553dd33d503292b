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
const MAGIC: &[u8; 8] = b"UPRC\x00\x00\x00\x05";

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
    if let Some(bytes) = encoded(value) {
        put(path, &bytes);
    }
}

/// The magic, then `value`.
fn encoded<T: Serialize>(value: &T) -> Option<Vec<u8>> {
    postcard::to_extend(value, MAGIC.to_vec()).ok()
}

/// Replaces the cache file `path` with `bytes` (creating the folder), best effort.
fn put(path: &Path, bytes: &[u8]) {
    if let Some(dir) = path.parent()
        && std::fs::create_dir_all(dir).is_ok()
    {
        let _ = crate::fsutil::write_cache(path, bytes);
    }
}

/// An entry as cached: its strings one after another in `text` (one UTF-8 check per entry, not
/// one per string), with where each ends; the date as numbers.
#[derive(Serialize, Deserialize)]
struct CachedEntry<'a> {
    date: (i16, i8, i8),
    step: Option<u32>,
    feedback: Option<Feedback>,
    pain: Option<u8>,
    minutes: Option<u32>,
    /// Which of the optional strings (exercise, dose, note, reason) are there, one bit each.
    present: u8,
    /// The ends in `text` of id, at, kind, exercise, dose, note and reason.
    ends: [u32; 7],
    text: &'a str,
}

/// What a month's cache says of the file it was made from. The entries follow it one after
/// another to the end of the file, so one more entry is appended without re-encoding the rest.
#[derive(Serialize, Deserialize)]
struct Header {
    len: u64,
    mtime_ns: u128,
    /// The file is exactly what this version writes for these entries (it wrote it), so an
    /// entry that sorts last can be saved by appending its text.
    canonical: bool,
}

fn month_path(month: &Path) -> Option<PathBuf> {
    let name = month.file_name()?.to_str()?.strip_suffix(".toml")?;
    Some(dir(month.parent()?).join(format!("{name}.bin")))
}

/// The cache of `month` if it was made from the file as it is now (`stamp`: size and
/// modification time): its header and the encoded entries.
fn read_current(month: &Path, (len, mtime_ns): (u64, u128)) -> Option<(Header, Vec<u8>)> {
    let mut bytes = std::fs::read(month_path(month)?).ok()?;
    let body = bytes.strip_prefix(MAGIC)?;
    let (header, rest): (Header, &[u8]) = postcard::take_from_bytes(body).ok()?;
    if header.len != len || header.mtime_ns != mtime_ns {
        return None;
    }
    let start = bytes.len() - rest.len();
    bytes.drain(..start);
    Some((header, bytes))
}

/// Appends the entries of the cached copy of the month file `month` to `out`, if the cache is
/// there and was made from the file as it is now (`stamp`); `false` (and `out` as it was) if not.
pub fn read_month_into(month: &Path, stamp: (u64, u128), out: &mut Vec<Entry>) -> bool {
    let start = out.len();
    let read = read_entries(month, stamp, out);
    if read.is_none() {
        out.truncate(start);
    }
    read.is_some()
}

fn read_entries(month: &Path, stamp: (u64, u128), entries: &mut Vec<Entry>) -> Option<()> {
    let (_, bytes) = read_current(month, stamp)?;
    let mut rest = bytes.as_slice();
    entries.reserve(bytes.len() / 48);
    while !rest.is_empty() {
        let (c, more): (CachedEntry, &[u8]) = postcard::take_from_bytes(rest).ok()?;
        rest = more;
        let mut start = 0;
        let mut parts = [""; 7];
        for (part, &end) in parts.iter_mut().zip(&c.ends) {
            *part = c.text.get(start..end as usize)?;
            start = end as usize;
        }
        let [id, at, kind, exercise, dose, note, reason] = parts;
        let optional = |bit: u8, s: &str| (c.present & (1 << bit) != 0).then(|| s.to_string());
        let (y, m, d) = c.date;
        let mut e = Entry::new(id.into(), Date::new(y, m, d).ok()?, at.into(), EntryKind::from(kind));
        e.exercise = optional(0, exercise);
        e.step = c.step;
        e.dose = optional(1, dose);
        e.feedback = c.feedback;
        e.pain = c.pain;
        e.minutes = c.minutes;
        e.note = optional(2, note);
        e.reason = optional(3, reason);
        entries.push(e);
    }
    Some(())
}

/// The encoded entries of the cache of `month`, when the file as it is now (`stamp`) is exactly
/// what this version wrote: the month is then saved by appending, its cache likewise.
pub fn canonical_entries(month: &Path, stamp: (u64, u128)) -> Option<Vec<u8>> {
    read_current(month, stamp).filter(|(header, _)| header.canonical).map(|(_, bytes)| bytes)
}

fn encode(e: &Entry, out: Vec<u8>) -> Option<Vec<u8>> {
    let optional = [&e.exercise, &e.dose, &e.note, &e.reason];
    let parts = [&e.id, &e.at, e.kind.as_str()]
        .into_iter()
        .chain(optional.iter().map(|s| s.as_deref().unwrap_or("")));
    let mut text = String::new();
    let mut ends = [0u32; 7];
    for (end, part) in ends.iter_mut().zip(parts) {
        text.push_str(part);
        *end = u32::try_from(text.len()).ok()?;
    }
    let present = optional.iter().enumerate().fold(0, |bits, (i, s)| bits | (u8::from(s.is_some()) << i));
    let cached = CachedEntry {
        date: (e.date.year(), e.date.month(), e.date.day()),
        step: e.step,
        feedback: e.feedback,
        pain: e.pain,
        minutes: e.minutes,
        present,
        ends,
        text: &text,
    };
    postcard::to_extend(&cached, out).ok()
}

fn write(month: &Path, (len, mtime_ns): (u64, u128), canonical: bool, entries: &[u8], more: &[Entry]) {
    let Some(path) = month_path(month) else { return };
    let Some(mut bytes) = encoded(&Header { len, mtime_ns, canonical }) else { return };
    bytes.extend_from_slice(entries);
    for e in more {
        let Some(more) = encode(e, bytes) else { return };
        bytes = more;
    }
    put(&path, &bytes);
}

/// Caches `data`, the contents of the month file `month` at `stamp`; `canonical` when this
/// version just wrote the file from `data`. Months with fields this version does not know are
/// not cached (the cache could not keep them).
pub fn write_month(month: &Path, stamp: (u64, u128), data: &Month, canonical: bool) {
    if !data.extra.is_empty() || data.entries.iter().any(|e| !e.extra.is_empty()) {
        return;
    }
    write(month, stamp, canonical, &[], &data.entries);
}

/// After `entry` was appended to the month file `month` (now at `stamp`), whose cache held
/// the encoded `entries`: the cache with it.
pub fn append_month(month: &Path, stamp: (u64, u128), entries: &[u8], entry: &Entry) {
    if entry.extra.is_empty() {
        write(month, stamp, true, entries, std::slice::from_ref(entry));
    }
}
