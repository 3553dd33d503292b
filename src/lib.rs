#![forbid(unsafe_code)]
//! upright: a terminal coach for a healthier back. The library holds every module so the
//! binary, the integration tests and the benchmarks share one build.

pub mod app;
pub mod catalog;
pub mod cli;
pub mod config;
pub mod ctx;
pub mod fsutil;
pub mod progression;
pub mod safety;
pub mod session;
pub mod state;
pub mod streak;
pub mod today;
pub mod ui;
