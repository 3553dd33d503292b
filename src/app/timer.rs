//! Keys and clocks while a guided exercise runs: pause, add time, next phase, leave (count it or
//! not), and a walk that spanned a laptop sleep. A finished timer opens the rating prompt, which
//! saves a hold set cut short as a partial session.

use std::time::{Duration, Instant};

use jiff::Zoned;

use super::{App, Effect, Mode, Msg, Run, Step};
use crate::session::{Event, Kind};

impl App {
    /// Keys while the timer runs.
    pub(super) fn timer(&mut self, mut run: Run, msg: Msg, now: Instant) -> Step {
        let mode = match msg {
            Msg::Pause => {
                run.timer.toggle_pause(now);
                Mode::Timer(run)
            }
            Msg::AddTime => {
                run.timer.add_time(now);
                Mode::Timer(run)
            }
            Msg::NextPhase | Msg::Confirm => {
                if run.timer.skip(now).contains(&Event::Finished) {
                    self.rate_run(&run, now)
                } else {
                    Mode::Timer(run)
                }
            }
            Msg::Back => {
                if !run.timer.is_paused() {
                    run.timer.toggle_pause(now);
                }
                Mode::Leave(run)
            }
            Msg::Help => {
                self.help = true;
                Mode::Timer(run)
            }
            _ => Mode::Timer(run),
        };
        (mode, None)
    }

    /// Esc during a timer: count it (y), drop it (n), or keep going.
    pub(super) fn leave(&mut self, mut run: Run, msg: Msg, now: Instant) -> Step {
        let mode = match msg {
            // Nothing is done yet while getting ready: there is nothing to count (issue 26).
            Msg::Char('y') if run.timer.getting_ready() => Mode::Leave(run),
            Msg::Char('y') => self.rate_run(&run, now),
            Msg::Char('n') => {
                self.message = Some("Left without logging it.".into());
                Mode::Today
            }
            Msg::Back | Msg::Confirm => {
                run.timer.toggle_pause(now);
                Mode::Timer(run)
            }
            _ => Mode::Leave(run),
        };
        (mode, None)
    }

    /// The rating prompt after a guided run; a hold set cut short is saved as a partial session
    /// (a lift records the reps done instead).
    fn rate_run(&self, run: &Run, now: Instant) -> Mode {
        let mut mode = self.ask_feedback(&run.id);
        if let Mode::Feedback(p) = &mut mode {
            p.partial = self.cut_short(run, now);
            // A walk left early logs the minutes walked (to the nearest; `a` changes them), not
            // the bout planned (issue 26): they feed the 10% rule's longest walk.
            if let Some(walked) = run.timer.walk_cut(now) {
                p.walk_cut = p.minutes;
                p.minutes = Some(((walked.as_secs() + 30) / 60) as u32);
            }
        }
        mode
    }

    /// Whether `run`, counted at `now`, is a hold set cut short (never a lift: it records the
    /// reps done instead). The leave question says so before it is counted.
    pub fn cut_short(&self, run: &Run, now: Instant) -> bool {
        self.item(&run.id).is_some_and(|i| i.lift.is_none()) && run.timer.cut_short(now)
    }

    /// After a laptop sleep during a walk: count the full walk (c) or go on with the time shown.
    pub(super) fn slept(
        &mut self,
        mut run: Run,
        walked_min: u32,
        msg: Msg,
        now: Instant,
        wall: &Zoned,
    ) -> Step {
        let mode = match msg {
            Msg::Char('c') => {
                let bout = self.item(&run.id).and_then(|i| i.rx.dose.walk_bout(i.done)).unwrap_or(walked_min);
                let mut mode = self.ask_feedback(&run.id);
                if let Mode::Feedback(p) = &mut mode {
                    p.minutes = Some(walked_min.min(bout));
                }
                mode
            }
            Msg::Char('t') | Msg::Back => {
                // Keep the time shown: restart the wall clock so the sleep is not asked again.
                run.started_wall = wall.timestamp();
                run.started_mono = now;
                Mode::Timer(run)
            }
            _ => Mode::Slept { run, walked_min },
        };
        (mode, None)
    }

    /// The clock moved on: ring and flash when a hold, rest or walk ended; ask what to count
    /// after a sleep; ask for the rating when the last phase ended.
    pub(super) fn tick_timer(&mut self, mut run: Run, now: Instant, wall: &Zoned) -> Step {
        let events = run.timer.tick(now);
        let slept = run.timer.phase().is_some_and(|p| p.kind == Kind::Walk)
            && suspended(&run, now, wall) > Duration::from_secs(60);
        let mut bell = None;
        for event in &events {
            if let Event::Ended(kind) = event
                && matches!(kind, Kind::Hold | Kind::Rest | Kind::Walk)
            {
                bell = self.sound.then_some(Effect::Bell);
                // The flash lasts until the next shown second, so it costs no extra wakeup.
                self.flash_until = Some(run.timer.next_wake(now).unwrap_or(now + Duration::from_secs(1)));
            }
        }
        let mode = if slept {
            let walked_min = ((wall.timestamp() - run.started_wall).get_seconds() / 60).max(1) as u32;
            Mode::Slept { run, walked_min }
        } else if events.contains(&Event::Finished) {
            self.rate_run(&run, now)
        } else {
            Mode::Timer(run)
        };
        (mode, bell)
    }
}

impl super::Prompt {
    /// The rating prompt's line for a hold set cut short: it counts, and the step holds.
    pub fn cut_note(&self) -> Option<&'static str> {
        (self.partial && self.stage == super::Stage::Rating).then_some(crate::rules::CUT_SHORT)
    }
}

/// How much longer the wall clock ran than the monotonic one since the run began: the time
/// the computer slept.
fn suspended(run: &Run, now: Instant, wall: &Zoned) -> Duration {
    let wall_secs = (wall.timestamp() - run.started_wall).get_seconds().max(0) as u64;
    Duration::from_secs(wall_secs).saturating_sub(now.saturating_duration_since(run.started_mono))
}
