#![forbid(unsafe_code)]
//! upright's coaching domain, pure: the catalog of exercises, the records a day's work leaves
//! (`log`), the settings as validated values, progression and the holds gate every dose passes,
//! safety, streaks, strength days, desk breaks, sessions, the day's facts and views, check-ins and
//! lessons. No file system, no terminal, no clock: `today` and `now` come in as arguments, and the
//! store (`upright-store`) and the app (`upright`) sit above it.

pub mod breaks;
pub mod catalog;
pub mod checkin;
pub mod days;
pub mod holds;
pub mod lessons;
pub mod log;
pub mod morning;
pub mod progress;
pub mod progression;
pub mod rules;
pub mod rx;
pub mod safety;
pub mod session;
pub mod settings;
pub mod streak;
pub mod strength;
#[cfg(any(test, feature = "testing"))]
pub mod testing;
pub mod text;
pub mod today;
pub mod week;
