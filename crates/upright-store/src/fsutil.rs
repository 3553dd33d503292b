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
    stage(path, bytes, mode, durable).map_err(WriteError::Unchanged)?.commit()
}

/// New bytes for a file, written (and with `durable`, fsynced) to an exclusive temp file beside
/// it, not yet in its place: [`Staged::commit`] renames them over the target. Dropped without a
/// commit, the temp file is removed and the target was never touched.
pub struct Staged {
    temp: tempfile::NamedTempFile,
    path: std::path::PathBuf,
    durable: bool,
}

/// Stages `bytes` for `path` with mode `mode` (see [`Staged`]).
pub fn stage(path: &Path, bytes: &[u8], mode: u32, durable: bool) -> std::io::Result<Staged> {
    let mut temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .permissions(fs::Permissions::from_mode(mode))
        .tempfile_in(parent(path))?;
    temp.write_all(bytes)?;
    // The umask may have narrowed the mode; set it as asked.
    temp.as_file().set_permissions(fs::Permissions::from_mode(mode))?;
    if durable {
        temp.as_file().sync_all()?;
    }
    Ok(Staged { temp, path: path.to_path_buf(), durable })
}

impl Staged {
    /// Renames the staged bytes over the target; with `durable`, the folder is flushed after.
    pub fn commit(self) -> Result<(), WriteError> {
        let dir = parent(&self.path).to_path_buf();
        // `persist` renames; on failure the temp file is removed when it drops.
        self.temp.persist(&self.path).map_err(|e| WriteError::Unchanged(e.error))?;
        if self.durable {
            sync_dir(&dir).map_err(WriteError::NotFlushed)?;
        }
        Ok(())
    }
}

/// The folder a path is in (`.` for a bare name).
pub fn parent(path: &Path) -> &Path {
    path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

/// Flushes folder `dir` (best effort where the caller has nothing to undo).
pub fn sync_dir_quietly(dir: &Path) {
    let _ = sync_dir(dir);
}

/// The bytes of the regular file at `path` (a link is followed) with its metadata, or `None`
/// when there is no file. Anything else is refused before a byte is read: a FIFO (opened without
/// blocking, so it cannot hang a start), a device such as `/dev/zero`, a folder; and a file past
/// `cap` bytes, checked by its size and again while reading, so one that grows is cut off at the
/// cap too.
pub fn read_regular(path: &Path, cap: u64) -> std::io::Result<Option<(Vec<u8>, fs::Metadata)>> {
    let mut bytes = Vec::new();
    Ok(read_regular_into(path, cap, &mut bytes)?.map(|meta| (bytes, meta)))
}

/// [`read_regular`] into `bytes` (what they held is replaced), so a walk over many files reuses
/// one buffer instead of allocating and freeing one per file.
pub fn read_regular_into(
    path: &Path,
    cap: u64,
    bytes: &mut Vec<u8>,
) -> std::io::Result<Option<fs::Metadata>> {
    let read = read_into(path, cap, bytes);
    if !matches!(read, Ok(Some(_))) {
        bytes.clear();
    }
    read
}

fn read_into(path: &Path, cap: u64, bytes: &mut Vec<u8>) -> std::io::Result<Option<fs::Metadata>> {
    use std::io::{Error, ErrorKind, Read};
    use std::os::unix::fs::OpenOptionsExt;
    let nonblock = rustix::fs::OFlags::NONBLOCK.bits() as i32;
    let file = match fs::OpenOptions::new().read(true).custom_flags(nonblock).open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let meta = file.metadata()?;
    if !meta.is_file() {
        let what = if meta.is_dir() { "a folder" } else { "not a regular file" };
        return Err(Error::new(ErrorKind::InvalidInput, format!("{what}; not read")));
    }
    let too_large = |n: u64| {
        Error::new(
            ErrorKind::InvalidData,
            format!("{n} bytes or more is too large (limit {cap} bytes); not read"),
        )
    };
    if meta.len() > cap {
        return Err(too_large(meta.len()));
    }
    // The size is known: read that much in one call (a bare `read_to_end` reads in growing
    // chunks, four calls for a month file), then one more read finds the end, or the rest of a
    // file that grew since (still cut off at the cap).
    let len = meta.len() as usize;
    // Resized, not cleared: only bytes past what the buffer already held are zeroed (zeroing
    // every file's size again cost a twentieth of a walk over the history).
    bytes.resize(len, 0);
    let mut filled = 0;
    while filled < len {
        match (&file).read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    bytes.truncate(filled);
    file.take(cap + 1 - filled as u64).read_to_end(bytes)?;
    if bytes.len() as u64 > cap {
        bytes.clear();
        return Err(too_large(cap + 1));
    }
    Ok(Some(meta))
}

/// The effective user id, asked once: a start checks every month file, and the process's user
/// does not change.
fn my_uid() -> u32 {
    static ME: std::sync::OnceLock<u32> = std::sync::OnceLock::new();
    *ME.get_or_init(|| rustix::process::geteuid().as_raw())
}

/// What makes a file or folder untrustworthy as upright's own, if anything: another user owns
/// it, or others may write it (so another user could plant entries, links or settings in it; ssh
/// refuses such key files for the same reason). `None`: it is the user's own.
pub fn not_own(meta: &fs::Metadata) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let me = my_uid();
    if meta.uid() != me {
        return Some(format!("belongs to another user (uid {})", meta.uid()));
    }
    if meta.mode() & 0o022 != 0 {
        return Some(format!("may be written by other users (mode {:o})", meta.mode() & 0o777));
    }
    None
}

/// Whether `path` (which may not exist yet) is `dir` or lies inside it, links resolved: where
/// neither exists, the paths as written are compared.
pub fn is_inside(path: &Path, dir: &Path) -> bool {
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let resolved = |p: &Path| {
        // The deepest part that exists, resolved, with the rest as written.
        let p = absolute(p);
        let mut base = p.as_path();
        let mut rest = Vec::new();
        loop {
            if let Ok(real) = fs::canonicalize(base) {
                return rest.iter().rev().fold(real, |acc: std::path::PathBuf, part| acc.join(part));
            }
            match (base.parent(), base.file_name()) {
                (Some(up), Some(name)) => {
                    rest.push(name.to_owned());
                    base = up;
                }
                _ => return p.clone(),
            }
        }
    };
    resolved(path).starts_with(resolved(dir))
}

fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(test)]
    if tests::FAIL_DIR_SYNC.with(|f| f.get()) {
        return Err(std::io::Error::other("injected failure"));
    }
    File::open(dir)?.sync_all()
}

/// Refuses a history folder or month file that another user owns or that others may write: they
/// could plant entries or links in it (ssh refuses such key files for the same reason).
pub fn check_owner(path: &Path, meta: &std::fs::Metadata) -> Result<(), eyre::Report> {
    use std::os::unix::fs::MetadataExt as _;
    let me = my_uid();
    if meta.uid() != me {
        return Err(eyre::eyre!(
            "{} belongs to another user (uid {}); upright writes only to its own files: nothing was changed",
            path.display(),
            meta.uid()
        ));
    }
    if meta.mode() & 0o022 != 0 {
        return Err(eyre::eyre!(
            "{} may be written by other users (mode {:o}); upright refuses to write there: run `chmod go-w` on it",
            path.display(),
            meta.mode() & 0o777
        ));
    }
    Ok(())
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
