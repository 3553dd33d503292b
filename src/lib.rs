#![forbid(unsafe_code)]
//! upright: a terminal coach for a healthier back. This crate is the app: the command line, the
//! full-screen app and its screens, the desk-break companion's loop, the report, import and the
//! calendar. It wires the pure coaching domain (`upright-core`) to the log store
//! (`upright-store`); their modules are re-exported here under the names the app has always used
//! (`crate::progression`, `crate::state`, ...), so the binary, the integration tests and the
//! benchmarks share one build.

/// `println!` that returns the write error instead of panicking, so `upright week | head` ends
/// quietly when the reader goes away (see `main`). The line goes through [`text::clean`]: a
/// printed name, note or path never reaches the terminal with its control characters.
#[macro_export]
macro_rules! outln {
    () => {{
        use std::io::Write as _;
        writeln!(std::io::stdout())?
    }};
    ($($t:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout(), "{}", $crate::text::clean(&format!($($t)*)))?
    }};
}

/// `eprintln!` through [`text::clean`], for messages and errors. A failed write to stderr is
/// ignored: there is nowhere left to report it.
#[macro_export]
macro_rules! errln {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), "{}", $crate::text::clean(&format!($($t)*)));
    }};
}

pub mod app;
pub mod breaks;
pub mod calendar;
pub mod cli;
pub mod config;
pub mod ctx;
pub mod import;
pub mod notify;
pub mod report;
pub mod term;
pub mod ui;

pub use upright_core::{
    catalog, checkin, days, holds, lessons, log, morning, progress, progression, rules, safety, session,
    streak, strength, text, today, week,
};
pub use upright_store::{fsutil, state};
