//! `upright config edit`: the config opened in `$VISUAL`/`$EDITOR` on a copy; the copy replaces
//! the file only once it validates, and one that does not is opened again with the error
//! shown (as `crontab -e`). Giving up (an empty answer, or the editor failing) keeps the file.

use std::io::{BufRead, Write};
use std::path::Path;

use eyre::{Result, WrapErr, bail, eyre};

/// The editor command: `$VISUAL`, else `$EDITOR`, else `vi`. Split on whitespace so
/// `EDITOR="code --wait"` works.
fn editor() -> Vec<String> {
    let var = |name| std::env::var(name).ok().filter(|v: &String| !v.trim().is_empty());
    let cmd = var("VISUAL").or_else(|| var("EDITOR")).unwrap_or_else(|| "vi".into());
    cmd.split_whitespace().map(str::to_string).collect()
}

pub fn edit(config: &Path) -> Result<()> {
    let dir = config.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).wrap_err_with(|| format!("cannot create {}", dir.display()))?;
    let original = match std::fs::read_to_string(config) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(e).wrap_err_with(|| format!("cannot read config {}", config.display())),
    };
    let start = original.clone().unwrap_or_else(|| include_str!("../../config.example.toml").to_string());
    // The copy sits beside the file (same filesystem: the rename below is atomic), named .toml
    // so the editor highlights it.
    let copy = tempfile::Builder::new().prefix(".upright-edit-").suffix(".toml").tempfile_in(dir)?;
    std::fs::write(copy.path(), &start)?;
    let stdin = std::io::stdin();
    loop {
        let cmd = editor();
        let status = std::process::Command::new(&cmd[0])
            .args(&cmd[1..])
            .arg(copy.path())
            .status()
            .wrap_err_with(|| format!("cannot start the editor {:?} (set VISUAL or EDITOR)", cmd[0]))?;
        if !status.success() {
            bail!("the editor {:?} failed ({status}); {} is unchanged", cmd[0], config.display());
        }
        let text = std::fs::read_to_string(copy.path())?;
        if original.as_deref() == Some(text.as_str()) || (original.is_none() && text == start) {
            outln!("{}: no change", config.display());
            return Ok(());
        }
        match crate::config::parse(&text, &mut crate::catalog::Catalog::builtin()) {
            Ok(_) => {
                crate::fsutil::write_atomic(config, text.as_bytes(), 0o600)
                    .map_err(|e| eyre!("cannot save {}: {e}", config.display()))?;
                outln!("{}: saved", config.display());
                return Ok(());
            }
            Err(e) => {
                errln!("upright: config {}:{e}", config.display());
                eprint!("Edit again? [Y/n] ");
                let _ = std::io::stderr().flush();
                let mut answer = String::new();
                if stdin.lock().read_line(&mut answer)? == 0 || answer.trim().eq_ignore_ascii_case("n") {
                    bail!("not saved: {} is unchanged", config.display());
                }
            }
        }
    }
}
