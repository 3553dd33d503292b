#![forbid(unsafe_code)]
//! upright's log store: the month files (the truth; nothing derived is kept beside them), pending
//! files and conflict copies, atomic writes and the permission checks. It knows the core's record types
//! (`upright_core::log`) and nothing of the coaching rules: a rule the store must ask (may this
//! pending entry be merged) comes in as a value ([`state::MergeRule`]).

pub mod clock;
pub mod fsutil;
pub mod state;
