//! The history log, the one source of truth: monthly TOML files under `history/`.
//! (Being written.)

mod entry;

pub use entry::{Entry, EntryKind, Feedback};
