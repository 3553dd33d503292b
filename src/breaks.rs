//! Desk breaks: the companion's terminal loop (`run`) and its plain-text form (`lines`). The
//! companion itself, when a break is due and what it moves on, is the core's pure
//! [`upright_core::breaks`], re-exported here.

pub use upright_core::breaks::*;

mod lines;
pub mod run;

use eyre::Result;

use crate::ctx::Ctx;

/// `upright breaks`: the companion full screen, or in lines without a full terminal (TERM=dumb,
/// a pipe, a screen reader's plain console), with the same timings, cues and bell.
pub fn breaks(ctx: Ctx, bell: bool) -> Result<()> {
    let clock = run::Clock::new(ctx.now.clone());
    if !crate::term::is_full() {
        return lines::breaks(ctx, &clock, bell);
    }
    run::screen(ctx, &clock, bell)
}
