//! Crash-safe file replacement shared by the log and the config writer: write a temp file in
//! the same directory, fsync it, set its mode, rename it over the target, fsync the directory.
//! A crash at any point leaves the old file or the new one, never a mix.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Marks our temp files so a later run can clean up after a killed process.
pub const TEMP_MARK: &str = ".tmp-";

/// The temp file used while replacing `path`: hidden, beside it, named after it and this process.
pub fn temp_path(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!(".{name}{TEMP_MARK}{}", std::process::id()))
}

/// Atomically replaces `path` with `bytes`, mode `mode` (e.g. 0o600), durably: the data and the
/// directory entry are on disk before it returns.
pub fn write_atomic(path: &Path, bytes: &[u8], mode: u32) -> std::io::Result<()> {
    replace(path, bytes, mode, true)
}

/// Atomically replaces a cache file: readers see the old bytes or the new ones, but nothing is
/// flushed to disk (a cache lost in a power cut is rebuilt; its fsyncs would cost every save).
pub fn write_cache(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    replace(path, bytes, 0o600, false)
}

fn replace(path: &Path, bytes: &[u8], mode: u32, durable: bool) -> std::io::Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let temp = temp_path(path);
    let result = (|| {
        let mut file = OpenOptions::new().write(true).create(true).truncate(true).mode(mode).open(&temp)?;
        file.write_all(bytes)?;
        file.set_permissions(fs::Permissions::from_mode(mode))?;
        if durable {
            file.sync_all()?;
        }
        drop(file);
        if !durable {
            // ext4 flushes a file renamed over another at once (auto_da_alloc), which would
            // cost a cache write nearly an fsync; a cache may be missing for a moment instead.
            let _ = fs::remove_file(path);
        }
        fs::rename(&temp, path)?;
        if durable {
            File::open(dir)?.sync_all()?;
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}
