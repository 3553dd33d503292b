//! A refusal by the rules and the exit code it gives.

/// The exit code of every refusal by the rules (`done`, `skip`, `rest` and `undo` refused: locked,
/// stopped for pain, paused, too many, needs `--force`); other errors exit 1 and "nothing to
/// do" exits 0 (docs/commands.md).
pub const REFUSED_EXIT: u8 = 3;

/// A refusal by the rules, with the reason the app would show.
#[derive(Debug)]
pub struct Refused(pub String);

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Refused {}
