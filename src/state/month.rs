//! One month file of the log: locating it, reading it strictly (every failure names the path and,
//! where it has one, the line and column) and writing it atomically with its `.bak`.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use color_eyre::eyre::{Result, WrapErr, bail, eyre};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::Stamp;
use super::cache;
use super::entry::Entry;
use crate::config::position;

/// The log format this version reads and writes.
pub const VERSION: i64 = 1;
/// A month of daily use is ~30 KB; anything above this is not a month file, and is refused
/// before it is read into memory.
pub const MAX_MONTH_BYTES: u64 = 16 * 1024 * 1024;

/// A calendar month, the unit of storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct MonthKey {
    pub year: i16,
    pub month: i8,
}

impl MonthKey {
    pub fn of(date: Date) -> MonthKey {
        MonthKey { year: date.year(), month: date.month() }
    }

    pub fn next(self) -> MonthKey {
        if self.month == 12 {
            MonthKey { year: self.year + 1, month: 1 }
        } else {
            MonthKey { year: self.year, month: self.month + 1 }
        }
    }

    pub fn file_name(self) -> String {
        format!("{:04}-{:02}.toml", self.year, self.month)
    }

    /// `2026-11.toml` → the key; anything else (backups, conflict copies, temp files) → None.
    pub fn from_file_name(name: &str) -> Option<MonthKey> {
        let stem = name.strip_suffix(".toml")?;
        let (y, m) = stem.split_once('-')?;
        if y.len() != 4 || m.len() != 2 {
            return None;
        }
        let key = MonthKey { year: y.parse().ok()?, month: m.parse().ok()? };
        (1..=12).contains(&key.month).then_some(key)
    }
}

/// The contents of one month file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Month {
    pub entries: Vec<Entry>,
    /// Top-level keys this version does not know; written back unchanged.
    pub extra: BTreeMap<String, toml::Value>,
}

#[derive(Deserialize)]
struct VersionOnly {
    version: Option<toml::Spanned<toml::Value>>,
}

#[derive(Deserialize)]
struct RawMonth {
    version: Option<toml::Spanned<toml::Value>>,
    #[serde(default)]
    entry: Vec<Entry>,
    #[serde(flatten)]
    extra: BTreeMap<String, toml::Value>,
}

/// A month with only the fields this version knows (the fast path of `parse`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FastMonth {
    version: i64,
    #[serde(default)]
    entry: Vec<super::entry::KnownEntry>,
}

/// Keeps the first entry of each id (a month holds an id once), in log order.
fn dedupe(entries: Vec<Entry>) -> Vec<Entry> {
    let mut seen = BTreeSet::new();
    let mut entries: Vec<Entry> = entries.into_iter().filter(|e| seen.insert(e.id.clone())).collect();
    sort(&mut entries);
    entries
}

/// The log's order: by coaching date, then time logged, then id.
pub fn order(e: &Entry) -> (Date, &str, &str) {
    (e.date, &e.at, &e.id)
}

pub fn is_sorted(entries: &[Entry]) -> bool {
    entries.is_sorted_by(|a, b| order(a) <= order(b))
}

/// Sorts entries into the log's order; cheap when they already are.
pub fn sort(entries: &mut [Entry]) {
    if !is_sorted(entries) {
        entries.sort_by(|a, b| order(a).cmp(&order(b)));
    }
}

#[derive(Serialize)]
struct OutMonth<'a> {
    version: i64,
    #[serde(flatten)]
    extra: &'a BTreeMap<String, toml::Value>,
    entry: &'a [Entry],
}

/// A file's size and modification time, from its metadata.
pub fn stamp_of(meta: &fs::Metadata) -> Option<(u64, u128)> {
    let mtime = meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?.as_nanos();
    Some((meta.len(), mtime))
}

impl Month {
    /// Reads the month at `path`. A missing file is an empty month; so is a 0-byte or blank
    /// file (what an editor or a sync tool leaves when it truncates). Anything else that does
    /// not load is an error naming the path.
    pub fn read(path: &Path) -> Result<Month> {
        Month::read_stamped(path).map(|(month, _)| month)
    }

    /// Size and modification time of a month file, when it exists: what the caches key on.
    pub fn stamp(path: &Path) -> Option<(u64, u128)> {
        stamp_of(&fs::metadata(path).ok()?)
    }

    /// Like `read`, also returning the file's stamp as it was read.
    pub fn read_stamped(path: &Path) -> Result<(Month, Stamp)> {
        let Some(stamp) = Month::checked_stamp(path)? else { return Ok((Month::default(), None)) };
        let mut entries = Vec::new();
        if stamp.is_some_and(|stamp| cache::read_month_into(path, stamp, &mut entries)) {
            return Ok((Month { entries, ..Month::default() }, stamp));
        }
        Ok((Month::parse_file(path, stamp)?, stamp))
    }

    /// Reads the month file `path` onto the end of `out` (its entries only), returning its stamp
    /// as it was read.
    pub fn read_into(path: &Path, out: &mut Vec<Entry>) -> Result<Stamp> {
        let Some(stamp) = Month::checked_stamp(path)? else { return Ok(None) };
        if !stamp.is_some_and(|stamp| cache::read_month_into(path, stamp, out)) {
            out.extend(Month::parse_file(path, stamp)?.entries);
        }
        Ok(stamp)
    }

    /// The stamp of the month file `path` if it may be read (`None`: there is no file); a
    /// dangling link, a folder or a file past the size limit is an error.
    fn checked_stamp(path: &Path) -> Result<Option<Stamp>> {
        let meta = match fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == ErrorKind::NotFound => {
                if fs::symlink_metadata(path).is_ok() {
                    bail!("{}: a symbolic link to a file that does not exist", path.display());
                }
                return Ok(None);
            }
            Err(e) => return Err(io_error(path, e)),
        };
        if meta.is_dir() {
            bail!("{}: is a directory, not a month file", path.display());
        }
        if meta.len() > MAX_MONTH_BYTES {
            bail!(
                "{}: {} bytes is too large for a month file (limit {} MiB); not read",
                path.display(),
                meta.len(),
                MAX_MONTH_BYTES / 1024 / 1024
            );
        }
        Ok(Some(stamp_of(&meta)))
    }

    /// Parses the month file `path`, at `stamp`, and caches what it holds.
    fn parse_file(path: &Path, stamp: Stamp) -> Result<Month> {
        let bytes = fs::read(path).map_err(|e| io_error(path, e))?;
        let month = Month::parse(&bytes).map_err(|e| eyre!("{}:{e}", path.display()))?;
        if let Some(stamp) = stamp {
            cache::write_month(path, stamp, &month, false);
        }
        Ok(month)
    }

    /// Parses month bytes. Errors read `LINE:COL: message` or ` message` for the caller to prefix.
    pub fn parse(bytes: &[u8]) -> Result<Month, String> {
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                let good = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
                let (line, col) = position(good, good.len());
                return Err(format!("{line}:{col}: invalid UTF-8 (the file must be UTF-8 text)"));
            }
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.trim().is_empty() {
            return Ok(Month::default());
        }
        let syntax = |e: toml::de::Error| {
            let (line, col) = e.span().map(|s| position(text, s.start)).unwrap_or((1, 1));
            format!("{line}:{col}: {}", e.message().trim_end())
        };
        // One pass in the usual case; the version is checked before any entry error is shown,
        // since a newer format may not parse as this one.
        // The usual file has only known fields: parse it without serde's flatten buffering
        // (several times faster); anything else takes the general path that keeps unknown fields.
        if let Ok(fast) = toml::from_str::<FastMonth>(text)
            && fast.version == VERSION
        {
            return Ok(Month {
                entries: dedupe(fast.entry.into_iter().map(Entry::from).collect()),
                extra: BTreeMap::new(),
            });
        }
        let parsed: Result<RawMonth, _> = toml::from_str(text);
        let head: VersionOnly = match &parsed {
            Ok(raw) => VersionOnly { version: raw.version.clone() },
            Err(_) => toml::from_str(text).map_err(syntax)?,
        };
        let Some(version) = head.version else {
            return Err(" no `version` key: a month file starts with `version = 1`".into());
        };
        let (line, col) = position(text, version.span().start);
        match version.get_ref().as_integer() {
            Some(VERSION) => {}
            Some(v) if v > VERSION => {
                return Err(format!(
                    "{line}:{col}: written by a newer upright (version {v}); this one reads version {VERSION} — update upright"
                ));
            }
            _ => return Err(format!("{line}:{col}: `version` must be {VERSION}")),
        }
        let raw = parsed.map_err(syntax)?;
        Ok(Month { entries: dedupe(raw.entry), extra: raw.extra })
    }

    /// The text `to_toml` adds for one more entry that sorts after all the others.
    pub fn entry_text(entry: &Entry) -> String {
        let extra = BTreeMap::new();
        let text = toml::to_string(&OutMonth {
            version: VERSION,
            extra: &extra,
            entry: std::slice::from_ref(entry),
        })
        .expect("an entry always serializes");
        text.strip_prefix(&format!("version = {VERSION}\n")).map(String::from).unwrap_or(text)
    }

    pub fn to_toml(&self) -> String {
        let mut entries = self.entries.clone();
        sort(&mut entries);
        toml::to_string(&OutMonth { version: VERSION, extra: &self.extra, entry: &entries })
            .expect("a month always serializes")
    }

    /// Saves the month at `path`: first its current bytes (which loaded, or the caller would not
    /// be here) become `path.bak`, then the new text replaces it, both atomically. A symlinked
    /// month is written through to its target and stays a symlink.
    pub fn write(&self, path: &Path) -> Result<()> {
        Month::write_text(path, self.to_toml().as_bytes())
    }

    /// Saves `text` as the month at `path`, as `write` does.
    pub fn write_text(path: &Path, text: &[u8]) -> Result<()> {
        let target = resolve(path)?;
        // A month the user made read-only stays as it is (a rename would replace it anyway).
        if fs::metadata(&target).is_ok_and(|m| m.permissions().readonly()) {
            bail!("{}: read-only; not changed (make it writable to log to this month)", path.display());
        }
        let bak = PathBuf::from(format!("{}.bak", path.display()));
        match fs::metadata(&target) {
            Ok(meta) if meta.len() > 0 => keep_backup(&target, &bak)?,
            Ok(_) => {}
            Err(e) if e.kind() == ErrorKind::NotFound => {}
            Err(e) => return Err(io_error(&target, e)),
        }
        crate::fsutil::write_atomic(&target, text, 0o600)
            .wrap_err_with(|| format!("cannot write {}; it is unchanged", path.display()))
    }
}

/// Makes the current month file the `.bak`: a second hard link to the same (already durable)
/// data, swapped in atomically, so the save below needs no copy; where links are not possible
/// (another file system behind a symlink) the bytes are copied atomically instead.
fn keep_backup(target: &Path, bak: &Path) -> Result<()> {
    let temp = crate::fsutil::temp_path(bak);
    let _ = fs::remove_file(&temp);
    let linked = fs::hard_link(target, &temp).and_then(|()| fs::rename(&temp, bak));
    if linked.is_err() {
        let _ = fs::remove_file(&temp);
        let old = fs::read(target).map_err(|e| io_error(target, e))?;
        crate::fsutil::write_atomic(bak, &old, 0o600)
            .wrap_err_with(|| format!("cannot write {}", bak.display()))?;
    }
    Ok(())
}

/// The file a month path stands for: itself, or its symlink's target.
fn resolve(path: &Path) -> Result<PathBuf> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(path).map_err(|e| io_error(path, e)),
        _ => Ok(path.to_path_buf()),
    }
}

pub(super) fn io_error(path: &Path, e: std::io::Error) -> color_eyre::Report {
    match e.kind() {
        ErrorKind::PermissionDenied => eyre!("{}: permission denied", path.display()),
        ErrorKind::IsADirectory => eyre!("{}: is a directory, not a month file", path.display()),
        _ => eyre!("{}: {e}", path.display()),
    }
}
