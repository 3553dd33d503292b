//! `upright timer ID`: the guided exercise as plain lines, for a screen reader, `TERM=dumb` or
//! a pipe. The pure `session::Timer` keeps the time, exactly as in the app; this front end only
//! says each phase as it starts (with the same timings and cues), rings the same bell at the
//! end of a hold, rest or walk, says the minutes left on a long phase, waits for Enter on a set
//! at one's own pace, and at the end asks how it went and logs it as `upright done` does.

use std::io::{BufRead, Write};
use std::time::Instant;

use eyre::{Result, bail};

use super::Day;
use super::logging;
use crate::ctx::Ctx;
use crate::session::{Kind, Phase, Timer};
use crate::state::Feedback;

/// The clock the timer runs on: the real one (sped up by `UPRIGHT_TEST_SPEED` in tests), or a
/// test's fake that jumps straight to the moment asked for.
pub trait Clock {
    fn now(&mut self) -> Instant;
    fn sleep_until(&mut self, t: Instant);
}

/// The monotonic clock, `speed` times faster than real time.
struct RealClock {
    start: Instant,
    speed: u32,
}

impl Clock for RealClock {
    fn now(&mut self) -> Instant {
        self.start + self.start.elapsed() * self.speed
    }
    fn sleep_until(&mut self, t: Instant) {
        let left = t.saturating_duration_since(self.now());
        std::thread::sleep(left / self.speed);
    }
}

/// One phase as said: what to do, for how long, and where in the exercise.
pub fn say(phase: &Phase) -> String {
    let what = match phase.kind {
        Kind::Untimed => format!("{}, at your own pace: press Enter when done", phase.label),
        _ => format!("{} {}", phase.label, duration(phase.secs)),
    };
    if phase.position.is_empty() { what } else { format!("{what} ({})", phase.position) }
}

fn duration(secs: u32) -> String {
    match (secs / 60, secs % 60) {
        (0, s) => format!("{s} s"),
        (m, 0) => format!("{m} min"),
        (m, s) => format!("{m} min {s} s"),
    }
}

/// Runs `phases` on `clock`, saying each phase on `out`, waiting on `input` for the untimed
/// ones. Returns false when the input ended before the last phase (nothing to log).
pub fn run_lines(
    phases: Vec<Phase>,
    clock: &mut dyn Clock,
    out: &mut dyn Write,
    input: &mut dyn BufRead,
    bell: bool,
) -> std::io::Result<bool> {
    let mut timer = Timer::start(phases, clock.now());
    if let Some(first) = timer.phase() {
        writeln!(out, "{}", say(first))?;
        out.flush()?;
    }
    let mut minute_said = u64::MAX;
    while let Some(phase) = timer.phase().cloned() {
        let before = timer.index;
        if phase.kind == Kind::Untimed {
            let mut line = String::new();
            if input.read_line(&mut line)? == 0 {
                return Ok(false);
            }
            timer.skip(clock.now());
        } else {
            let Some(wake) = timer.next_wake(clock.now()) else { break };
            clock.sleep_until(wake);
            let now = clock.now();
            timer.tick(now);
            // A long phase (a walk bout) says each whole minute left.
            let left = timer.shown_secs(now);
            if timer.index == before
                && phase.secs >= 120
                && left.is_multiple_of(60)
                && left / 60 != minute_said
            {
                minute_said = left / 60;
                if left > 0 && left < u64::from(phase.secs) {
                    writeln!(out, "{} min left", left / 60)?;
                    out.flush()?;
                }
            }
        }
        // Every phase passed is said, even when a slow wake passed several at once: the bell
        // for each that rings, then the next.
        for i in before..timer.index {
            if bell && timer.phases[i].rings() {
                out.write_all(b"\x07")?;
            }
            if let Some(next) = timer.phases.get(i + 1) {
                writeln!(out, "{}", say(next))?;
                minute_said = u64::MAX;
            }
            out.flush()?;
        }
    }
    Ok(true)
}

/// How it went, from a line: easy, ok (also empty) or hard; anything else asks again.
fn feedback(line: &str) -> Option<Feedback> {
    match line.trim().to_lowercase().as_str() {
        "" | "ok" | "o" => Some(Feedback::Ok),
        "easy" | "e" => Some(Feedback::Easy),
        "hard" | "h" => Some(Feedback::Hard),
        _ => None,
    }
}

pub fn timer(ctx: &mut Ctx, id: &str, bell: bool) -> Result<()> {
    let day = ctx.day(ctx.today)?;
    let Some(item) = day.get(id) else {
        ctx.exercise(id)?;
        bail!("{id} is not in today's routine (upright today lists it)");
    };
    if item.lift.is_some() {
        bail!("a lift is logged with its reps and load: upright done {id} --reps N --load L");
    }
    if item.rx.hold().is_some() || item.rx.stopped {
        let why = item.rx.reason_in_cli(&item.exercise).unwrap_or_else(|| "it is on hold today".into());
        bail!("{} is not for today: {why}", item.exercise.name);
    }
    let phases = crate::session::phases_for_bout(&item.exercise, &item.rx.dose, item.done);
    let total = crate::session::total_secs(&phases);
    outln!("{}: {} (about {})", item.exercise.name, item.rx.dose_text, duration(total.div_ceil(60) * 60));
    for cue in &item.cues {
        outln!("  {cue}");
    }
    let speed = std::env::var("UPRIGHT_TEST_SPEED").ok().and_then(|s| s.parse().ok()).unwrap_or(1u32).max(1);
    let mut clock = RealClock { start: Instant::now(), speed };
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut out = std::io::stdout();
    if !run_lines(phases, &mut clock, &mut out, &mut input, bell)? {
        bail!("stopped before the end: nothing logged");
    }
    outln!("Finished {}.", item.exercise.name);
    let name = item.exercise.name.clone();
    let feedback = loop {
        print!("How did it go? easy, ok or hard [ok]: ");
        out.flush()?;
        let mut line = String::new();
        if input.read_line(&mut line)? == 0 {
            break Feedback::Ok;
        }
        match feedback(&line) {
            Some(f) => break f,
            None => outln!("Type easy, ok or hard (or just Enter for ok)."),
        }
    };
    drop(input);
    let log = super::values::Done { feedback: Some(feedback), ..super::values::Done::default() };
    logging::done(ctx, id, Day::Today, log).map_err(|e| e.wrap_err(format!("{name} was not logged")))?;
    Ok(())
}

/// Stands in for the real clock in tests: jumps straight to the moment asked for.
#[cfg(test)]
pub struct FakeClock(pub Instant);

#[cfg(test)]
impl Clock for FakeClock {
    fn now(&mut self) -> Instant {
        self.0
    }
    fn sleep_until(&mut self, t: Instant) {
        self.0 = self.0.max(t);
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::catalog::Catalog;

    fn lines_of(id: &str, step: u32, input: &str, bell: bool) -> (String, bool) {
        let catalog = Catalog::builtin();
        let ex = catalog.get(id).unwrap();
        let phases = crate::session::phases(ex, ex.dose(step));
        let start = Instant::now();
        let mut clock = FakeClock(start);
        let mut out = Vec::new();
        let done = run_lines(phases.clone(), &mut clock, &mut out, &mut input.as_bytes(), bell).unwrap();
        // The fake clock ran exactly the timed phases' length: the same timings as the app.
        if done && phases.iter().all(|p| p.secs > 0) {
            let total = u64::from(crate::session::total_secs(&phases));
            assert_eq!(clock.0 - start, Duration::from_secs(total));
        }
        (String::from_utf8(out).unwrap(), done)
    }

    #[test]
    fn each_phase_is_a_line_with_its_time_and_place() {
        let (out, done) = lines_of("curl-up", 1, "", false);
        assert!(done);
        let lines: Vec<&str> = out.lines().collect();
        let phases = crate::session::phases(
            Catalog::builtin().get("curl-up").unwrap(),
            Catalog::builtin().get("curl-up").unwrap().dose(1),
        );
        assert_eq!(lines.len(), phases.len(), "{out}");
        assert!(lines[0].starts_with("Get ready 5 s"), "{out}");
        assert!(lines.iter().any(|l| l.starts_with("Hold 8 s (")), "{out}");
        assert!(lines.iter().any(|l| l.starts_with("Rest 30 s")), "{out}");
        assert!(!out.contains('\x07'));
    }

    #[test]
    fn the_bell_rings_at_the_end_of_each_hold_and_rest() {
        let catalog = Catalog::builtin();
        let ex = catalog.get("curl-up").unwrap();
        let rings = crate::session::phases(ex, ex.dose(1)).iter().filter(|p| p.rings()).count();
        let (out, _) = lines_of("curl-up", 1, "", true);
        assert_eq!(out.matches('\x07').count(), rings);
    }

    #[test]
    fn a_walk_says_the_minutes_left() {
        let (out, _) = lines_of("walk", 1, "", false);
        assert!(out.contains("Walk 5 min") || out.contains("Walk 10 min"), "{out}");
        assert!(out.contains("4 min left"), "{out}");
    }

    #[test]
    fn an_untimed_set_waits_for_enter_and_ends_without_input() {
        let catalog = Catalog::builtin();
        let untimed = catalog.exercises().iter().find_map(|e| {
            (1..=e.top())
                .find(|s| crate::session::phases(e, e.dose(*s)).iter().any(|p| p.kind == Kind::Untimed))
                .map(|s| (e.id.clone(), s))
        });
        let Some((id, step)) = untimed else { return };
        let (out, done) = lines_of(&id, step, "", false);
        assert!(!done && out.contains("press Enter when done"), "{out}");
        let (_, done) = lines_of(&id, step, "\n\n\n\n\n\n\n\n\n\n", false);
        assert!(done);
    }

    /// A clock that wakes far too late: every phase passed is still said, each bell rung.
    struct Late(Instant);

    impl Clock for Late {
        fn now(&mut self) -> Instant {
            self.0
        }
        fn sleep_until(&mut self, t: Instant) {
            self.0 = self.0.max(t) + Duration::from_secs(100);
        }
    }

    #[test]
    fn a_late_wake_still_says_every_phase() {
        let catalog = Catalog::builtin();
        let ex = catalog.get("curl-up").unwrap();
        let phases = crate::session::phases(ex, ex.dose(1));
        let mut out = Vec::new();
        run_lines(phases.clone(), &mut Late(Instant::now()), &mut out, &mut "".as_bytes(), true).unwrap();
        let out = String::from_utf8(out).unwrap();
        let said: Vec<String> = phases.iter().map(say).collect();
        assert_eq!(out.replace('\x07', "").lines().collect::<Vec<_>>(), said);
        assert_eq!(out.matches('\x07').count(), phases.iter().filter(|p| p.rings()).count());
    }

    #[test]
    fn feedback_words() {
        assert_eq!(feedback("\n"), Some(Feedback::Ok));
        assert_eq!(feedback("Easy\n"), Some(Feedback::Easy));
        assert_eq!(feedback("h"), Some(Feedback::Hard));
        assert_eq!(feedback("great"), None);
    }
}
