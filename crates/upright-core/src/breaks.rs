//! Desk breaks (issue 16 part 2): when the next break is due within the work hours, and the
//! companion's state — waiting, a break due, a guided break running — as a value that `update`
//! and `tick` move on. Pure: the wall time comes in as `now`; the terminal loop is the app's
//! `breaks/run.rs`, the drawing its `ui/breaks.rs`.

use jiff::civil::{Date, Time, Weekday};
use jiff::{ToSpan, Zoned};

use crate::holds::{BreakStep, Gated};
pub use crate::settings::breaks::Schedule;

/// A snooze puts the break off by this much.
pub const SNOOZE_MINUTES: i64 = 10;

pub fn is_workday(date: Date) -> bool {
    !matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday)
}

impl Schedule {
    /// The next break after `since` (the companion's start, or the last break taken or
    /// skipped): `every_minutes` later if that is still within the work hours of a weekday,
    /// else `every_minutes` after the next work day opens. Time outside work hours does not
    /// count as sitting.
    pub fn next_due(&self, since: &Zoned) -> Zoned {
        let tz = since.time_zone();
        let mut date = since.date();
        for _ in 0..8 {
            if is_workday(date) {
                let at = |t: Time| date.to_datetime(t).to_zoned(tz.clone()).ok();
                if let (Some(open), Some(close)) = (at(self.start), at(self.end)) {
                    let base = if &open < since { since.clone() } else { open };
                    if let Ok(due) = base.checked_add(i64::from(self.every_minutes).minutes())
                        && due <= close
                    {
                        return due;
                    }
                }
            }
            match date.tomorrow() {
                Ok(next) => date = next,
                Err(_) => break,
            }
        }
        since.clone()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    /// Nothing to do until `due`.
    Waiting,
    /// The break is due: the bell rang, `b`/`z`/`s` answer it.
    Due,
    /// A guided break: movement `step` of the companion's `steps` ends at `step_ends`.
    Break { step: usize, step_ends: Zoned },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Take,
    Snooze,
    Skip,
    Quit,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Ring the bell and send the desktop notification.
    Ring,
    /// Log a break that ended at this time.
    Log(Zoned),
    Quit,
}

#[derive(Debug, Clone)]
pub struct Companion {
    pub schedule: Schedule,
    pub phase: Phase,
    pub due: Zoned,
    /// Breaks logged today (shown; counted again from the log after each save).
    pub taken_today: usize,
    /// The last thing that happened, in words ("Snoozed until 10:55").
    pub said: Option<String>,
    /// The guided break's movements, through the holds (`holds::break_steps`): none while the
    /// routine is locked, no lean back with avoid extension.
    pub steps: Gated<Vec<BreakStep>>,
}

impl Companion {
    pub fn new(
        schedule: Schedule,
        now: &Zoned,
        taken_today: usize,
        steps: Gated<Vec<BreakStep>>,
    ) -> Companion {
        Companion {
            schedule,
            phase: Phase::Waiting,
            due: schedule.next_due(now),
            taken_today,
            said: None,
            steps,
        }
    }

    /// Locked after an emergency sign: no break is offered, the screen shows the lock.
    pub fn locked(&self) -> bool {
        self.steps.is_empty()
    }

    /// The whole guided break, in seconds.
    pub fn total_secs(&self) -> u32 {
        self.steps.iter().map(|s| s.secs).sum()
    }

    /// Moves on with the clock: a due break rings once; a guided step that ran out gives way to
    /// the next, and the last one ending logs the break.
    pub fn tick(&mut self, now: &Zoned) -> Option<Effect> {
        // Steps that ran out while the loop slept (a suspended laptop) are passed in one go.
        loop {
            let before = self.phase.clone();
            let effect = self.step(now);
            if effect.is_some() || self.phase == before {
                return effect;
            }
        }
    }

    fn step(&mut self, now: &Zoned) -> Option<Effect> {
        match &self.phase {
            // Locked, nothing rings: the next due time is only kept for when it is lifted.
            Phase::Waiting if *now >= self.due && self.locked() => {
                self.due = self.schedule.next_due(now);
                None
            }
            Phase::Waiting if *now >= self.due => {
                self.phase = Phase::Due;
                // "Break done. Next at 10:48." is old news once that time has come.
                self.said = None;
                Some(Effect::Ring)
            }
            Phase::Break { step, step_ends } if now >= step_ends => {
                let next = step + 1;
                if let Some(movement) = self.steps.get(next) {
                    let ends =
                        step_ends.checked_add(i64::from(movement.secs).seconds()).unwrap_or(now.clone());
                    self.phase = Phase::Break { step: next, step_ends: ends };
                    None
                } else {
                    self.phase = Phase::Waiting;
                    self.due = self.schedule.next_due(now);
                    self.said = Some(format!("Break done. Next at {}.", when(&self.due, now)));
                    Some(Effect::Log(now.clone()))
                }
            }
            _ => None,
        }
    }

    pub fn update(&mut self, msg: Msg, now: &Zoned) -> Option<Effect> {
        match (msg, &self.phase) {
            (Msg::Quit, _) => return Some(Effect::Quit),
            // A break may be taken early, too: the timer is there whenever the back asks.
            (Msg::Take, Phase::Waiting | Phase::Due) if !self.locked() => {
                let ends = now.checked_add(i64::from(self.steps[0].secs).seconds()).unwrap_or(now.clone());
                self.phase = Phase::Break { step: 0, step_ends: ends };
                self.said = None;
            }
            (Msg::Snooze, Phase::Due) => {
                self.due = now.checked_add(SNOOZE_MINUTES.minutes()).unwrap_or(now.clone());
                self.phase = Phase::Waiting;
                self.said = Some(format!("Snoozed until {}.", when(&self.due, now)));
            }
            (Msg::Skip, Phase::Due | Phase::Break { .. }) => {
                self.due = self.schedule.next_due(now);
                self.phase = Phase::Waiting;
                self.said = Some(format!("Skipped (not logged). Next at {}.", when(&self.due, now)));
            }
            _ => {}
        }
        None
    }

    /// When the screen next changes on its own: the next minute while waiting (the clock and
    /// the minutes to the break), the next shown second of a guided step, never while a break
    /// waits for an answer.
    pub fn next_wake(&self, now: &Zoned) -> Option<Zoned> {
        match &self.phase {
            // The clock and the minutes left change once a minute: wake then, not more often
            // (issue 26: a companion idling with no time shown looked stopped).
            Phase::Waiting => {
                let minute = now
                    .round(jiff::ZonedRound::new().smallest(jiff::Unit::Minute).mode(jiff::RoundMode::Floor))
                    .ok()?;
                let next = minute.checked_add(1.minute()).ok()?;
                Some(if next < self.due { next } else { self.due.clone() })
            }
            Phase::Due => None,
            Phase::Break { step_ends, .. } => {
                let left = step_ends.duration_since(now).as_secs_f64().max(0.0);
                // The shown seconds are rounded up: the next change is at the fractional part.
                let frac = left - left.floor();
                let wait = if frac > 0.0 { frac } else { 1.0f64.min(left.max(0.001)) };
                now.checked_add(jiff::SignedDuration::from_secs_f64(wait)).ok()
            }
        }
    }
}

/// Desk breaks logged for coaching day `date` (in `entries`, which must hold that day's month).
pub fn count_on(entries: &[crate::log::Entry], date: Date) -> usize {
    entries.iter().filter(|e| e.kind == crate::log::EntryKind::Break && e.date == date).count()
}

/// `10:45`, or `Wed 09:45` when it is not today.
pub fn when(at: &Zoned, now: &Zoned) -> String {
    if at.date() == now.date() {
        at.strftime("%H:%M").to_string()
    } else {
        at.strftime("%a %H:%M").to_string()
    }
}

#[cfg(test)]
mod tests;
