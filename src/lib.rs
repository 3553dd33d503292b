#![forbid(unsafe_code)]
//! upright: a terminal coach for a healthier back. The library holds every module so the
//! binary, the integration tests and the benchmarks share one build.

/// `println!` that returns the write error instead of panicking, so `upright week | head` ends
/// quietly when the reader goes away (see `main`).
#[macro_export]
macro_rules! outln {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout(), $($t)*)?
    }};
}

pub mod app;
pub mod catalog;
pub mod cli;
pub mod config;
pub mod ctx;
pub mod fsutil;
pub mod log;
pub mod progression;
pub mod rules;
pub mod safety;
pub mod session;
pub mod state;
pub mod streak;
pub mod text;
pub mod today;
pub mod ui;
pub mod week;
