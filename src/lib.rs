#![forbid(unsafe_code)]
//! upright: a terminal coach for a healthier back. The library holds every module so the
//! binary, the integration tests and the benchmarks share one build.

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
pub mod catalog;
pub mod checkin;
pub mod cli;
pub mod config;
pub mod ctx;
pub mod days;
pub mod fsutil;
pub mod holds;
pub mod import;
pub mod lessons;
pub mod log;
pub mod morning;
pub mod progress;
pub mod progression;
pub mod report;
pub mod rules;
pub mod safety;
pub mod session;
pub mod state;
pub mod streak;
pub mod strength;
pub mod text;
pub mod today;
pub mod ui;
pub mod week;
