//! The user's config file: read it (a missing file means the defaults), refuse one another user
//! could change, and hand its text to the core's [`upright_core::settings`] for validation.
//! Errors name the file, the line and the key. `write` changes keys in place.

use std::path::Path;

use eyre::{Result, WrapErr, bail, eyre};

pub use upright_core::settings::*;

use crate::catalog::Catalog;

pub mod write;

/// A config is a few KB; anything past this is not one.
const MAX_CONFIG_BYTES: u64 = 4 * 1024 * 1024;

/// Loads the config at `path`; a missing file gives the defaults (`upright init` or the first
/// run writes one). Custom exercises from the file are added to `catalog`.
pub fn load(path: &Path, catalog: &mut Catalog) -> Result<Settings> {
    let text = match crate::fsutil::read_regular(path, MAX_CONFIG_BYTES) {
        Ok(Some((bytes, meta))) => {
            // The config sets levels, steps and loads: one another user could write is refused
            // (as ssh refuses such keys), not used with a warning that scrolls by unread in the
            // app or a status bar.
            if let Some(why) = crate::fsutil::not_own(&meta) {
                bail!(
                    "config {} {why}; upright uses only a config you alone can change: run `chmod go-w` on it (or `chown` it to you)",
                    path.display()
                );
            }
            String::from_utf8(bytes).map_err(|e| {
                eyre!("config {}: invalid UTF-8 (the file must be UTF-8 text): {e}", path.display())
            })?
        }
        Ok(None) => return Ok(Settings::default()),
        Err(e) => return Err(e).wrap_err_with(|| format!("cannot read config {}", path.display())),
    };
    let mut settings = parse(&text, catalog).map_err(|e| eyre!("config {}:{e}", path.display()))?;
    settings.import_folder = settings.import_folder.map(|f| home_folder(&f)).transpose()?;
    Ok(settings)
}

/// `~/rest` read with the home folder in it (the core keeps the folder as written).
fn home_folder(folder: &Path) -> Result<std::path::PathBuf> {
    match folder.strip_prefix("~") {
        Ok(rest) => {
            let home = directories::BaseDirs::new().ok_or_else(|| {
                eyre!("import.folder = {:?}: no home folder to read ~ as", folder.display().to_string())
            })?;
            Ok(home.home_dir().join(rest))
        }
        Err(_) => Ok(folder.to_path_buf()),
    }
}
