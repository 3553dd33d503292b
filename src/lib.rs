#![forbid(unsafe_code)]
//! upright: a terminal coach for a healthier back. The library holds every module so the
//! binary, the integration tests and the benchmarks share one build.

pub mod catalog;
pub mod config;
pub mod progression;
pub mod state;
pub mod today;
