//! `upright nudge`: one short line for a shell's start-up file, or nothing. It loads exactly
//! what `upright today` loads (the recent months), so it costs no more than that in every new
//! shell. Quiet once the day is settled, on a rest day, and before the day starts; while locked it
//! says the lock (Turn 3 review A: every command shows it), never a nudge to exercise.

use eyre::Result;

use crate::ctx::Ctx;
use crate::today::Day;

pub fn nudge(ctx: &mut Ctx) -> Result<()> {
    // Before `day_starts_at` the coaching day is still yesterday: a 01:00 shell is not the
    // moment to be asked for yesterday's routine.
    if ctx.today != ctx.now.date() {
        return Ok(());
    }
    let day = ctx.day(ctx.today)?;
    if let Some(line) = line(&day) {
        outln!("{line}");
    }
    Ok(())
}

/// The line for `day`, or `None` when there is nothing left to ask for.
pub(super) fn line(day: &Day) -> Option<String> {
    if day.safety.locked_since.is_some() {
        return Some(
            "upright: locked after an emergency sign — get care first; then upright safety --clear".into(),
        );
    }
    // Skipped (a rest day), stopped by pain and paused count as settled: nothing to nudge about.
    let to_go = day.items.iter().filter(|i| !i.is_settled()).count();
    (to_go > 0)
        .then(|| format!("upright: {} of {} done today — run upright", day.done_count(), day.items.len()))
}
