//! Writing a month: its text (upright's canonical layout, or a hand-edited file's own text with
//! the change applied, so comments survive) and the atomic replace with its `.bak`. Refuses a
//! month it would not read back, a read-only one, and one others could write.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use eyre::{Result, bail, eyre};

use super::month::{MAX_MONTH_BYTES, Month, OutMonth, Read, VERSION, io_error, order, sort};
use crate::fsutil::WriteError;
use upright_core::log::Entry;

impl Month {
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
        // A file written with CRLF (a Windows editor) is edited as LF and keeps its CRLF.
        let crlf = old.text.contains("\r\n");
        let mut text = old.text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
        if text.trim().is_empty() {
            return None;
        }
        let gone: BTreeSet<&str> = before.difference(&kept).copied().collect();
        if !gone.is_empty() {
            text = match cut_plain(&text, &gone) {
                Some(cut) => cut,
                None => {
                    // Removals edit the document; toml_edit keeps everything else as it was.
                    let mut doc: toml_edit::DocumentMut = text.parse().ok()?;
                    let tables = doc.get_mut("entry")?.as_array_of_tables_mut()?;
                    tables
                        .retain(|t| t.get("id").and_then(|v| v.as_str()).is_some_and(|id| kept.contains(id)));
                    doc.to_string()
                }
            };
        }
        if !text.ends_with('\n') {
            text.push('\n');
        }
        let mut added: Vec<&Entry> =
            self.entries.iter().filter(|e| !before.contains(e.id.as_str())).collect();
        added.sort_by_key(|e| order(e));
        for e in added {
            text.push_str(&Month::entry_text(e));
        }
        if crlf {
            text = text.replace('\n', "\r\n");
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

    /// Saves `text` as the month at `path`, keeping its current bytes (which loaded, or the
    /// caller would not be here) as `path.bak`. The order makes the backup a file of its own
    /// whatever step fails: the new text is written to a temp file first (a full disk or a file
    /// size limit stops here, nothing touched); the old month is linked (or copied) to a second
    /// temp name; the new text is renamed over the month; only then does the old month's file,
    /// no longer the month, become the `.bak`. A symlinked month is written through to its target
    /// and stays a symlink. Refuses a month it would not read back (too large), a read-only one,
    /// and one another user owns or others may write (as ssh refuses such keys).
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
        let old = match fs::metadata(&target) {
            Ok(meta) => {
                // A month the user made read-only stays as it is (a rename would replace it anyway).
                if meta.permissions().readonly() {
                    return Err(unchanged(format!(
                        "{}: read-only; not changed (make it writable to log to this month)",
                        path.display()
                    )));
                }
                crate::fsutil::check_owner(path, &meta).map_err(SaveError::Unchanged)?;
                meta.len() > 0
            }
            Err(e) if e.kind() == ErrorKind::NotFound => false,
            Err(e) => return Err(SaveError::Unchanged(io_error(&target, e))),
        };
        let cannot = |e: std::io::Error| {
            SaveError::Unchanged(eyre!("cannot write {}; it is unchanged: {e}", path.display()))
        };
        let staged = crate::fsutil::stage(&target, text, 0o600, true).map_err(cannot)?;
        let backup =
            if old { Some(stage_backup(path, &target).map_err(SaveError::Unchanged)?) } else { None };
        let committed = staged.commit().map_err(|e| match e {
            WriteError::Unchanged(e) => cannot(e),
            WriteError::NotFlushed(e) => SaveError::NotFlushed(eyre!(
                "{} now holds the change, but its folder could not be flushed to disk ({e}); it is \
                 saved unless the power fails before the system writes the folder",
                path.display()
            )),
        });
        // Not committed: the staged backup drops here and its temp name goes; the `.bak` is
        // the one before. Committed: the old month's file is no longer the month, so it can be
        // the backup (a failure here keeps the previous `.bak`, never the month itself).
        if let (Ok(()) | Err(SaveError::NotFlushed(_)), Some(backup)) = (&committed, backup) {
            let name = backup.to_path_buf();
            if backup.persist(bak_path(path)).is_ok() {
                // A `.bak` that already was a link to the old month (left by an older version)
                // makes the rename a no-op that keeps the temp name: take that name away.
                let _ = fs::remove_file(&name);
                crate::fsutil::sync_dir_quietly(crate::fsutil::parent(path));
            }
        }
        committed
    }
}

/// Why a month was not saved, and what that did to it.
#[derive(Debug)]
pub enum SaveError {
    /// The month file is as it was.
    Unchanged(eyre::Report),
    /// The month file holds the change, but it may not be on disk yet.
    NotFlushed(eyre::Report),
}

/// The `.bak` beside a month path (built from the path's bytes: any file name works).
pub fn bak_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".bak");
    PathBuf::from(name)
}

/// The month file's current bytes under a fresh temp name beside `path.bak`, for the caller to
/// rename over the `.bak` once the month is replaced: a second hard link to the same (already
/// durable) data, so the save needs no copy; where links are not possible (another file system
/// behind a symlink) the bytes are copied.
fn stage_backup(path: &Path, target: &Path) -> Result<tempfile::TempPath> {
    let bak = bak_path(path);
    if fs::symlink_metadata(&bak).is_ok_and(|m| m.is_dir()) {
        bail!(
            "{} is a folder, not a backup file: move it away so upright can keep the month's last copy; nothing was changed",
            bak.display()
        );
    }
    let dir = crate::fsutil::parent(&bak);
    let linked = tempfile::Builder::new()
        .prefix(crate::fsutil::TEMP_PREFIX)
        .suffix(crate::fsutil::TEMP_SUFFIX)
        .make_in(dir, |temp| fs::hard_link(target, temp));
    match linked {
        Ok(temp) => Ok(temp.into_temp_path()),
        Err(_) => {
            let old = fs::read(target).map_err(|e| io_error(target, e))?;
            let mut temp = tempfile::Builder::new()
                .prefix(crate::fsutil::TEMP_PREFIX)
                .suffix(crate::fsutil::TEMP_SUFFIX)
                .tempfile_in(dir)
                .map_err(|e| eyre!("cannot write {}: {e}", bak.display()))?;
            std::io::Write::write_all(&mut temp, &old)
                .and_then(|()| temp.as_file().sync_all())
                .map_err(|e| eyre!("cannot write {}: {e}", bak.display()))?;
            Ok(temp.into_temp_path())
        }
    }
}

/// The file a month path stands for: itself, or its symlink's target.
fn resolve(path: &Path) -> Result<PathBuf> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(path).map_err(|e| io_error(path, e)),
        _ => Ok(path.to_path_buf()),
    }
}

/// `text` without the entries `gone`, when it is in upright's own layout (what the quick reader
/// reads: no comments, one `id = "…"` line per `[[entry]]` table): each table is cut from the
/// blank line before it to the next. `None` for any other text, or when an id is not found once;
/// then the general TOML editor does it. Ten times cheaper than the editor on a month of 40 KB.
fn cut_plain(text: &str, gone: &BTreeSet<&str>) -> Option<String> {
    super::fast::parse(text)?;
    const HEAD: &str = "\n[[entry]]\n";
    let mut out = String::with_capacity(text.len());
    let mut cut = 0;
    let mut rest = text;
    while let Some(at) = rest.find(HEAD) {
        out.push_str(&rest[..at]);
        let table = &rest[at..];
        let end = table[HEAD.len()..].find(HEAD).map_or(table.len(), |i| i + HEAD.len());
        let block = &table[..end];
        let id = block.lines().find_map(|l| l.strip_prefix("id = \"")?.strip_suffix('"'))?;
        if gone.contains(id) {
            cut += 1;
        } else {
            out.push_str(block);
        }
        rest = &table[end..];
    }
    out.push_str(rest);
    (cut == gone.len()).then_some(out)
}
