//! One month file of the log: locating it, reading it strictly (every failure names the path and,
//! where it has one, the line and column), and saving a change to it atomically with its `.bak`,
//! editing its text so a hand-edited file keeps its comments.

use std::collections::BTreeMap;
use std::fs;
use std::io::ErrorKind;
use std::path::Path;

use eyre::{Result, bail, eyre};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use upright_core::log::{Entry, KnownEntry};
use upright_core::text::position;

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
    entry: Vec<KnownEntry>,
}

use super::order::{dedupe, dedupe_from};
pub use super::order::{order, sort};

#[derive(Serialize)]
pub(super) struct OutMonth<'a> {
    pub version: i64,
    #[serde(flatten)]
    pub extra: &'a BTreeMap<String, toml::Value>,
    /// An empty month is `version = 1` alone (not `entry = []`, which no appended entry
    /// could follow).
    #[serde(skip_serializing_if = "<[Entry]>::is_empty")]
    pub entry: &'a [Entry],
}

/// What identifies one state of a month file without reading it: size, modification and change
/// time, and inode (git's stat data). A hand edit that keeps the size and resets the modification
/// time (`touch -r`) still moves the change time, and a replaced file has a new inode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub len: u64,
    pub mtime_ns: i128,
    pub ctime_ns: i128,
    pub ino: u64,
}

impl Stamp {
    pub fn of(meta: &fs::Metadata) -> Stamp {
        use std::os::unix::fs::MetadataExt;
        let ns = |s: i64, n: i64| i128::from(s) * 1_000_000_000 + i128::from(n);
        Stamp {
            len: meta.len(),
            mtime_ns: ns(meta.mtime(), meta.mtime_nsec()),
            ctime_ns: ns(meta.ctime(), meta.ctime_nsec()),
            ino: meta.ino(),
        }
    }

    /// Whether facts recorded at `checked_ns` (taken just before the file was looked at) can be
    /// trusted while the file keeps this stamp: not when the file changed within the same
    /// timestamp tick (git's "racy" rule; 2 s covers the coarsest file systems), since a second
    /// change in that tick could keep every field of the stamp.
    pub fn settled_at(&self, checked_ns: i128) -> bool {
        self.mtime_ns.max(self.ctime_ns) + 2_000_000_000 <= checked_ns
    }
}

thread_local! {
    /// One read buffer for the walks over many month files (the streak's, the raw look at old
    /// months): a fresh buffer per file cost an allocation and a free of each file's size, and
    /// each such allocation made the allocator sort through the small frees of the month before.
    static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Runs `f` with the thread's read buffer; a buffer grown past 1 MiB by a large file is let go.
pub(super) fn with_buffer<T>(f: impl FnOnce(&mut Vec<u8>) -> T) -> T {
    BUFFER.with_borrow_mut(|bytes| {
        let out = f(bytes);
        if bytes.capacity() > 1 << 20 {
            *bytes = Vec::new();
        }
        out
    })
}

/// The wall clock in nanoseconds since 1970, the unit of [`Stamp`] times.
pub fn now_ns() -> i128 {
    let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
    let now = since.map_or(0, |d| d.as_nanos() as i128);
    #[cfg(any(test, feature = "testing"))]
    let now = now + CLOCK_AHEAD_NS.with(|c| c.get());
    now
}

#[cfg(any(test, feature = "testing"))]
thread_local! {
    /// Moves this thread's store clock ahead (a test's months then count as settled at once,
    /// without waiting out the 2 s racy window).
    pub static CLOCK_AHEAD_NS: std::cell::Cell<i128> = const { std::cell::Cell::new(0) };
}

/// A month file as read: its entries, its text (a save edits the text, keeping comments) and
/// its stamp as it was read.
#[derive(Debug, Clone)]
pub struct Read {
    pub month: Month,
    pub text: String,
    pub stamp: Stamp,
}

impl Month {
    /// Reads the month at `path`. A missing file is an empty month; so is a 0-byte or blank
    /// file (what an editor or a sync tool leaves when it truncates). Anything else that does
    /// not load is an error naming the path.
    pub fn read(path: &Path) -> Result<Month> {
        Ok(Month::read_file(path)?.map(|r| r.month).unwrap_or_default())
    }

    /// The stamp of the month file at `path`, when there is one.
    pub fn stamp(path: &Path) -> Option<Stamp> {
        fs::metadata(path).ok().map(|m| Stamp::of(&m))
    }

    /// Reads and parses the month file at `path` (`None`: there is no file). A dangling link, a
    /// folder, anything but a regular file (a FIFO would hang the read) or a file past the size
    /// limit is an error naming the path.
    pub fn read_file(path: &Path) -> Result<Option<Read>> {
        let mut bytes = Vec::new();
        let Some((month, stamp)) = Month::read_file_into(path, &mut bytes)? else { return Ok(None) };
        // It parsed, so it is UTF-8.
        let text = String::from_utf8(bytes).unwrap_or_default();
        Ok(Some(Read { month, text, stamp }))
    }

    /// The month at `path` and its stamp, read with [`with_buffer`]'s buffer (for the walks that
    /// do not keep the text).
    pub fn read_entries_of(path: &Path) -> Result<Option<(Month, Stamp)>> {
        with_buffer(|bytes| Month::read_file_into(path, bytes))
    }

    /// [`Month::read_file`] reading into `bytes`, which then hold the file's text.
    fn read_file_into(path: &Path, bytes: &mut Vec<u8>) -> Result<Option<(Month, Stamp)>> {
        let Some(meta) = Month::read_checked(path, bytes)? else { return Ok(None) };
        let month = Month::parse(bytes).map_err(|e| eyre!("{}:{e}", path.display()))?;
        Ok(Some((month, Stamp::of(&meta))))
    }

    /// The entries of the month file at `path` as [`Month::read_file`] reads them, appended to
    /// `into` (for the walk over the whole history: one vector for every month, not one each,
    /// whose allocation and free made the allocator sort through each month's small frees), and
    /// what `look` makes of the file's bytes (`None`: no file). Nothing is appended when the
    /// file does not load.
    pub fn append_entries<T>(
        path: &Path,
        into: &mut Vec<Entry>,
        look: impl FnOnce(&[u8]) -> T,
    ) -> Result<Option<T>> {
        with_buffer(|bytes| {
            if Month::read_checked(path, bytes)?.is_none() {
                return Ok(None);
            }
            let seen = look(bytes);
            Month::parse_append(bytes, into).map_err(|e| eyre!("{}:{e}", path.display()))?;
            Ok(Some(seen))
        })
    }

    /// Reads the month file at `path` into `bytes`, refusing what is not a regular file of the
    /// user's own within the size limit (`None`: there is no file).
    fn read_checked(path: &Path, bytes: &mut Vec<u8>) -> Result<Option<fs::Metadata>> {
        let meta = match crate::fsutil::read_regular_into(path, MAX_MONTH_BYTES, bytes) {
            Ok(Some(meta)) => meta,
            Ok(None) => {
                if fs::symlink_metadata(path).is_ok() {
                    bail!("{}: a symbolic link to a file that does not exist", path.display());
                }
                return Ok(None);
            }
            Err(e) if e.kind() == ErrorKind::InvalidInput => {
                if fs::metadata(path).is_ok_and(|m| m.is_dir()) {
                    bail!("{}: is a directory, not a month file", path.display());
                }
                bail!("{}: not a regular file (a FIFO, socket or device); not read", path.display());
            }
            Err(e) if e.kind() == ErrorKind::InvalidData => bail!(
                "{}: {} bytes is too large for a month file (limit {} MiB); not read",
                path.display(),
                fs::metadata(path).map_or(MAX_MONTH_BYTES + 1, |m| m.len()),
                MAX_MONTH_BYTES / 1024 / 1024
            ),
            Err(e) => return Err(io_error(path, e)),
        };
        // Entries another user could plant (a red flag cleared, a lock set) are not read.
        if let Some(why) = crate::fsutil::not_own(&meta) {
            bail!(
                "{} {why}; upright reads only files you alone can change: run `chmod go-w` on it (or `chown` it to you)",
                path.display()
            );
        }
        Ok(Some(meta))
    }

    /// Parses month bytes. Errors read `LINE:COL: message` or ` message` for the caller to prefix.
    pub fn parse(bytes: &[u8]) -> Result<Month, String> {
        let text = Month::text(bytes)?;
        if text.trim().is_empty() {
            return Ok(Month::default());
        }
        // Upright's own layout is read line by line; anything else by the general parser.
        let mut entries = Vec::new();
        if super::fast::parse_into(text, &mut entries) {
            dedupe_from(&mut entries, 0);
            return Ok(Month { entries, extra: BTreeMap::new() });
        }
        Month::parse_toml(text)
    }

    /// [`Month::parse`]'s entries appended to `into` (nothing appended on an error).
    pub fn parse_append(bytes: &[u8], into: &mut Vec<Entry>) -> Result<(), String> {
        let text = Month::text(bytes)?;
        let start = into.len();
        if super::fast::parse_into(text, into) {
            dedupe_from(into, start);
        } else if !text.trim().is_empty() {
            into.extend(Month::parse_toml(text)?.entries);
        }
        Ok(())
    }

    /// Month bytes as text (a byte-order mark left out), or where they are not UTF-8.
    fn text(bytes: &[u8]) -> Result<&str, String> {
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                let good = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
                let (line, col) = position(good, good.len());
                return Err(format!("{line}:{col}: invalid UTF-8 (the file must be UTF-8 text)"));
            }
        };
        Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
    }

    /// Parses month text with the general TOML parser only (what `parse` falls back to).
    pub fn parse_toml(text: &str) -> Result<Month, String> {
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
}

pub(super) fn io_error(path: &Path, e: std::io::Error) -> eyre::Report {
    match e.kind() {
        ErrorKind::PermissionDenied => eyre!("{}: permission denied", path.display()),
        ErrorKind::IsADirectory => eyre!("{}: is a directory, not a month file", path.display()),
        _ => eyre!("{}: {e}", path.display()),
    }
}
