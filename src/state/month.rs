//! One month file of the log: locating it, reading it strictly (every failure names the path and,
//! where it has one, the line and column), and saving a change to it atomically with its `.bak`,
//! editing its text so a hand-edited file keeps its comments.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use color_eyre::eyre::{Result, bail, eyre};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::fsutil::WriteError;
use crate::log::{Entry, KnownEntry};
use crate::text::position;

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

/// Keeps the first entry of each id (a month holds an id once), in log order.
fn dedupe(mut entries: Vec<Entry>) -> Vec<Entry> {
    let keep: Vec<bool> = {
        let mut seen = std::collections::HashSet::with_capacity(entries.len());
        entries.iter().map(|e| seen.insert(e.id.as_str())).collect()
    };
    if keep.contains(&false) {
        let mut keep = keep.into_iter();
        entries.retain(|_| keep.next().unwrap_or(true));
    }
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
    /// An empty month is `version = 1` alone (not `entry = []`, which no appended entry
    /// could follow).
    #[serde(skip_serializing_if = "<[Entry]>::is_empty")]
    entry: &'a [Entry],
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

/// The wall clock in nanoseconds since 1970, the unit of [`Stamp`] times.
pub fn now_ns() -> i128 {
    let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
    since.map_or(0, |d| d.as_nanos() as i128)
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
    /// folder or a file past the size limit is an error naming the path.
    pub fn read_file(path: &Path) -> Result<Option<Read>> {
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
        let bytes = fs::read(path).map_err(|e| io_error(path, e))?;
        let month = Month::parse(&bytes).map_err(|e| eyre!("{}:{e}", path.display()))?;
        // It parsed, so it is UTF-8.
        let text = String::from_utf8(bytes).unwrap_or_default();
        Ok(Some(Read { month, text, stamp: Stamp::of(&meta) }))
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
        // Upright's own layout is read line by line; anything else by the general parser.
        if let Some(entries) = super::fast::parse(text) {
            return Ok(Month { entries: dedupe(entries), extra: BTreeMap::new() });
        }
        Month::parse_toml(text)
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

    /// The text of one entry as `to_toml` writes it, with the blank line before it.
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

    /// The text to save for `self`, the month `old` (as read, `None`: no file) changed by adding
    /// and removing entries: the old text with the removed entries' tables taken out and the new
    /// entries appended, so a hand-edited file keeps its comments and layout. Where the old text
    /// cannot be edited that way, the whole month is written afresh. Either way the result reads
    /// back as exactly `self`.
    pub fn saved_text(&self, old: Option<&Read>) -> String {
        let edited = old.and_then(|old| self.edit(old));
        let fits = |text: &String| Month::parse(text.as_bytes()).is_ok_and(|m| m.same_as(self));
        edited.filter(fits).unwrap_or_else(|| self.to_toml())
    }

    fn edit(&self, old: &Read) -> Option<String> {
        let kept: BTreeSet<&str> = self.entries.iter().map(|e| e.id.as_str()).collect();
        let before: BTreeSet<&str> = old.month.entries.iter().map(|e| e.id.as_str()).collect();
        let bom = old.text.starts_with('\u{feff}');
        let mut text = old.text.trim_start_matches('\u{feff}').to_string();
        if text.trim().is_empty() {
            return None;
        }
        if before.iter().any(|id| !kept.contains(id)) {
            // Removals edit the document; toml_edit keeps everything else as it was.
            let mut doc: toml_edit::DocumentMut = text.parse().ok()?;
            let tables = doc.get_mut("entry")?.as_array_of_tables_mut()?;
            tables.retain(|t| t.get("id").and_then(|v| v.as_str()).is_some_and(|id| kept.contains(id)));
            text = doc.to_string();
        }
        if !text.ends_with('\n') {
            text.push('\n');
        }
        let mut added: Vec<&Entry> =
            self.entries.iter().filter(|e| !before.contains(e.id.as_str())).collect();
        added.sort_by(|a, b| order(a).cmp(&order(b)));
        for e in added {
            text.push_str(&Month::entry_text(e));
        }
        Some(if bom { format!("\u{feff}{text}") } else { text })
    }

    /// Same entries (in log order) and the same unknown top-level keys.
    fn same_as(&self, other: &Month) -> bool {
        let mut mine = self.entries.clone();
        sort(&mut mine);
        let mut theirs = other.entries.clone();
        sort(&mut theirs);
        mine == theirs && self.extra == other.extra
    }

    /// Saves `text` as the month at `path`: first its current bytes (which loaded, or the caller
    /// would not be here) become `path.bak`, then the new text replaces it, both atomically. A
    /// symlinked month is written through to its target and stays a symlink. Refuses a month
    /// it would not read back (too large), a read-only one, and one another user owns or others
    /// may write (as ssh refuses such keys).
    pub fn write_text(path: &Path, text: &[u8]) -> Result<(), SaveError> {
        let unchanged = |msg: String| SaveError::Unchanged(eyre!(msg));
        if text.len() as u64 > MAX_MONTH_BYTES {
            return Err(unchanged(format!(
                "{}: the month would grow past {} MiB, more than upright reads back; not changed",
                path.display(),
                MAX_MONTH_BYTES / 1024 / 1024
            )));
        }
        let target = resolve(path).map_err(SaveError::Unchanged)?;
        match fs::metadata(&target) {
            Ok(meta) => {
                // A month the user made read-only stays as it is (a rename would replace it anyway).
                if meta.permissions().readonly() {
                    return Err(unchanged(format!(
                        "{}: read-only; not changed (make it writable to log to this month)",
                        path.display()
                    )));
                }
                super::save::check_owner(path, &meta).map_err(SaveError::Unchanged)?;
                if meta.len() > 0 {
                    keep_backup(path, &target).map_err(SaveError::Unchanged)?;
                }
            }
            Err(e) if e.kind() == ErrorKind::NotFound => {}
            Err(e) => return Err(SaveError::Unchanged(io_error(&target, e))),
        }
        crate::fsutil::write_atomic(&target, text, 0o600).map_err(|e| match e {
            WriteError::Unchanged(e) => {
                SaveError::Unchanged(eyre!("cannot write {}; it is unchanged: {e}", path.display()))
            }
            WriteError::NotFlushed(e) => SaveError::NotFlushed(eyre!(
                "{} now holds the change, but its folder could not be flushed to disk ({e}); it is \
                 saved unless the power fails before the system writes the folder",
                path.display()
            )),
        })
    }
}

/// Why a month was not saved, and what that did to it.
#[derive(Debug)]
pub enum SaveError {
    /// The month file is as it was.
    Unchanged(color_eyre::Report),
    /// The month file holds the change, but it may not be on disk yet.
    NotFlushed(color_eyre::Report),
}

/// The `.bak` beside a month path (built from the path's bytes: any file name works).
pub fn bak_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".bak");
    PathBuf::from(name)
}

/// Makes the current month file the `.bak`: a second hard link to the same (already durable)
/// data under a fresh random name, swapped in atomically, so the save needs no copy; where links
/// are not possible (another file system behind a symlink) the bytes are copied atomically.
fn keep_backup(path: &Path, target: &Path) -> Result<()> {
    let bak = bak_path(path);
    if fs::symlink_metadata(&bak).is_ok_and(|m| m.is_dir()) {
        bail!(
            "{} is a folder, not a backup file: move it away so upright can keep the month's last copy; nothing was changed",
            bak.display()
        );
    }
    // A writer killed between this step and its rename leaves the `.bak` already a link to the
    // month: then there is nothing to do (and a rename of one link onto another of the same file
    // would do nothing, leaving the temp name behind).
    use std::os::unix::fs::MetadataExt;
    let id = |m: fs::Metadata| (m.dev(), m.ino());
    if fs::metadata(&bak).ok().map(id) == fs::metadata(target).ok().map(id) {
        return Ok(());
    }
    let dir = bak.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let linked = tempfile::Builder::new()
        .prefix(crate::fsutil::TEMP_PREFIX)
        .suffix(crate::fsutil::TEMP_SUFFIX)
        .make_in(dir, |temp| fs::hard_link(target, temp))
        .and_then(|temp| temp.persist(&bak).map(|_| ()).map_err(|e| e.error));
    if linked.is_err() {
        let old = fs::read(target).map_err(|e| io_error(target, e))?;
        crate::fsutil::write_atomic(&bak, &old, 0o600)
            .map_err(|e| eyre!("cannot write {}: {e}", bak.display()))?;
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
