//! `upright breaks` in plain lines (TERM=dumb, a pipe, a screen reader): the same companion
//! (`Companion`, its clock and its bell) saying each change as a line. Lines typed on stdin
//! answer it: `b` (or just Enter while a break is due) takes the break, `z` snoozes, `s` skips,
//! `q` quits. When stdin ends, it quits after the break in progress.

use std::sync::mpsc;

use eyre::Result;
use jiff::Zoned;

use super::run::{Clock, advance, steps_on, taken_on};
use super::{Companion, Effect, Msg, Phase, when};
use crate::ctx::Ctx;

/// A typed line as the companion's message; `None` for a line that means nothing here.
fn msg_for(line: &str, phase: &Phase) -> Option<Msg> {
    match line.trim().to_lowercase().as_str() {
        "b" | "break" => Some(Msg::Take),
        "" if *phase == Phase::Due => Some(Msg::Take),
        "z" | "snooze" => Some(Msg::Snooze),
        "s" | "skip" => Some(Msg::Skip),
        "q" | "quit" => Some(Msg::Quit),
        _ => None,
    }
}

/// What the companion says when its phase changes (`None`: nothing new).
fn say(c: &Companion, now: &Zoned) -> String {
    match &c.phase {
        Phase::Waiting if c.locked() => {
            "No desk breaks while the routine is locked: upright safety says why.".to_string()
        }
        Phase::Waiting => {
            let said = c.said.clone().unwrap_or_default();
            let next = format!(
                "Next desk break at {}. Type b and Enter to take one now, q to quit.",
                when(&c.due, now)
            );
            if said.is_empty() { next } else { format!("{said} {next}") }
        }
        Phase::Due => "Time for a desk break: Enter (or b) takes it, z snoozes 10 min, s skips.".to_string(),
        Phase::Break { step, .. } => {
            let movement = &c.steps[*step];
            format!("{} of {}: {} ({} s)", step + 1, c.steps.len(), movement.text, movement.secs)
        }
    }
}

pub(super) fn breaks(mut ctx: Ctx, clock: &Clock, bell: bool) -> Result<()> {
    let now = clock.wall();
    let taken = taken_on(&mut ctx, &now);
    let steps = steps_on(&mut ctx, &now);
    let mut c = Companion::new(ctx.settings.breaks, &now, taken, steps);
    let (tx, rx) = mpsc::channel::<Option<String>>();
    std::thread::spawn(move || {
        for line in std::io::stdin().lines() {
            let Ok(line) = line else { break };
            if tx.send(Some(line)).is_err() {
                return;
            }
        }
        let _ = tx.send(None);
    });
    let mut last_said = String::new();
    let mut closed = false;
    loop {
        let now = clock.wall();
        if let Some(Err(e)) = advance(&mut ctx, &mut c, bell, &now) {
            outln!("{e}");
        }
        let said = say(&c, &now);
        if said != last_said {
            outln!("{said}");
            last_said = said;
        }
        if closed && !matches!(c.phase, Phase::Break { .. }) {
            return Ok(());
        }
        // Only a new phase is said: sleep to the next step's end, not the next second.
        let wake = match &c.phase {
            Phase::Break { step_ends, .. } => Some(clock.until(step_ends)),
            _ => c.next_wake(&now).map(|at| clock.until(&at)),
        };
        let line = match wake {
            Some(wait) => match rx.recv_timeout(wait) {
                Ok(line) => line,
                Err(mpsc::RecvTimeoutError::Timeout) => continue,
                Err(mpsc::RecvTimeoutError::Disconnected) => None,
            },
            None => rx.recv().unwrap_or(None),
        };
        match line {
            None => closed = true,
            Some(line) => {
                if let Some(msg) = msg_for(&line, &c.phase)
                    && c.update(msg, &clock.wall()) == Some(Effect::Quit)
                {
                    return Ok(());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_lines_answer_the_companion() {
        assert_eq!(msg_for("b\n", &Phase::Waiting), Some(Msg::Take));
        assert_eq!(msg_for("", &Phase::Due), Some(Msg::Take));
        assert_eq!(msg_for("", &Phase::Waiting), None);
        assert_eq!(msg_for(" Z ", &Phase::Due), Some(Msg::Snooze));
        assert_eq!(msg_for("q", &Phase::Due), Some(Msg::Quit));
    }
}
