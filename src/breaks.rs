//! Desk breaks: the companion's terminal loop (`run`) and its plain-text form (`lines`). The
//! companion itself, when a break is due and what it moves on, is the core's pure
//! [`upright_core::breaks`], re-exported here.

pub use upright_core::breaks::*;

mod lines;
pub mod run;
