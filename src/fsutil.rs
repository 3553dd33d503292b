//! Crash-safe file replacement shared by the log and the config writer: a temp file created
//! exclusively (random name, `O_EXCL`, so never through a planted link) beside the target, written,
//! fsynced, renamed over the target, then the directory fsynced. A crash at any point leaves the
//! old file or the new one, never a mix; a killed writer's temp file is removed by the next save.

use std::fs::{self, File};
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

/// Our temp files start with this and end with [`TEMP_SUFFIX`]: the next writer under the lock
/// recognises a killed writer's leftovers by it.
pub const TEMP_PREFIX: &str = ".upright-";
pub const TEMP_SUFFIX: &str = ".tmp";

/// What a failed replacement did to the target.
#[derive(Debug)]
pub enum WriteError {
    /// Nothing happened to the target: it holds what it held before.
    Unchanged(std::io::Error),
    /// The new bytes replaced the target, but the folder could not be flushed to disk: the
    /// change is there now and survives anything short of a power cut before the system
    /// writes the folder by itself.
    NotFlushed(std::io::Error),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Unchanged(e) => write!(f, "{e}"),
            WriteError::NotFlushed(e) => {
                write!(f, "written, but the folder could not be flushed to disk: {e}")
            }
        }
    }
}

impl std::error::Error for WriteError {}

/// Whether a file name is one of our temp files.
pub fn is_temp(name: &std::ffi::OsStr) -> bool {
    let name = name.as_encoded_bytes();
    name.starts_with(TEMP_PREFIX.as_bytes()) && name.ends_with(TEMP_SUFFIX.as_bytes())
}

/// Atomically replaces `path` with `bytes`, mode `mode` (e.g. 0o600), durably: the data and the
/// directory entry are on disk before it returns `Ok`.
pub fn write_atomic(path: &Path, bytes: &[u8], mode: u32) -> Result<(), WriteError> {
    write_atomic_with(path, bytes, mode, true)
}

/// As `write_atomic`; `durable: false` skips both fsyncs (for a derived file that is rebuilt
/// when lost: readers still see the old bytes or the new ones).
pub fn write_atomic_with(path: &Path, bytes: &[u8], mode: u32, durable: bool) -> Result<(), WriteError> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let unchanged = WriteError::Unchanged;
    let mut temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .permissions(fs::Permissions::from_mode(mode))
        .tempfile_in(dir)
        .map_err(unchanged)?;
    temp.write_all(bytes).map_err(unchanged)?;
    // The umask may have narrowed the mode; set it as asked.
    temp.as_file().set_permissions(fs::Permissions::from_mode(mode)).map_err(unchanged)?;
    if durable {
        temp.as_file().sync_all().map_err(unchanged)?;
    }
    // `persist` renames; on failure the temp file is removed when `temp` drops.
    temp.persist(path).map_err(|e| unchanged(e.error))?;
    if durable {
        sync_dir(dir).map_err(WriteError::NotFlushed)?;
    }
    Ok(())
}

fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(test)]
    if tests::FAIL_DIR_SYNC.with(|f| f.get()) {
        return Err(std::io::Error::other("injected failure"));
    }
    File::open(dir)?.sync_all()
}

#[cfg(test)]
pub(crate) mod tests {
    use std::cell::Cell;

    thread_local! {
        /// Makes the directory fsync after a rename fail, on this thread (a fault test).
        pub static FAIL_DIR_SYNC: Cell<bool> = const { Cell::new(false) };
    }

    #[test]
    fn temp_files_are_exclusive_and_never_follow_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "keep me").unwrap();
        // A link planted under every name the old scheme would have used changes nothing now:
        // the temp name is random and created with O_EXCL.
        for pid in [std::process::id(), 1, 2] {
            let planted = dir.path().join(format!(".2026-11.toml.tmp-{pid}"));
            std::os::unix::fs::symlink(&victim, planted).unwrap();
        }
        let month = dir.path().join("2026-11.toml");
        super::write_atomic(&month, b"version = 1\n", 0o600).unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
        assert_eq!(std::fs::read_to_string(&month).unwrap(), "version = 1\n");
        let leftovers = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .filter(|e| super::is_temp(&e.file_name()))
            .count();
        assert_eq!(leftovers, 0);
    }
}
