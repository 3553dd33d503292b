//! A guided exercise as a list of timed phases (get ready, holds with side and set/rep position,
//! rests, paced reps, walk bouts) and the running timer over them. Timers are deadlines: what
//! remains is computed from `now`, never counted down by ticks. Pure: `now` is an argument.
//!
//! Rests (COACHING.md gives 30 s between sets; the rest is ours): 5 s between holds of a set,
//! 5 s to switch sides, 10 s to move the roller, 30 s between sets. A paced rep with a pause at
//! the top takes 2 s up, the pause, 2 s down.

use std::time::{Duration, Instant};

use crate::catalog::{Dose, Exercise};

pub const READY_SECS: u32 = 5;
const REST_IN_SET: u32 = 5;
const REST_SIDES: u32 = 5;
const REST_SETS: u32 = 30;
const MOVE_SECS: u32 = 10;
/// Seconds up, and seconds down, of a paced rep.
const PACE_SECS: u32 = 2;
/// Seconds added by `+`.
pub const EXTRA_SECS: u32 = 15;
/// A hold or paced rep skipped with more than this left was cut short (issue 20: the session
/// is partial); less is a press just before the bell.
const CUT_SECS: u64 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Ready,
    Hold,
    Rest,
    /// One paced repetition (up, pause at the top, down).
    Rep,
    /// A set of repetitions at the user's own pace: ends when they press a key.
    Untimed,
    Walk,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phase {
    pub kind: Kind,
    /// Length in seconds; 0 for an untimed phase.
    pub secs: u32,
    /// What to do, in a few words ("Hold", "Rest", "Walk", "8 reps").
    pub label: String,
    /// Where in the exercise ("Set 2 of 3 · rep 3 of 4 · Right side"), may be empty.
    pub position: String,
}

impl Phase {
    fn new(kind: Kind, secs: u32, label: impl Into<String>, position: impl Into<String>) -> Phase {
        Phase { kind, secs, label: label.into(), position: position.into() }
    }

    /// Holds and rests end with a bell.
    pub fn rings(&self) -> bool {
        matches!(self.kind, Kind::Hold | Kind::Rest | Kind::Walk)
    }
}

/// The sides of `ex` in the order done: its own names for them when it has them (the bird-dog
/// says which arm and leg), else left then right.
fn sides(ex: &Exercise) -> Vec<String> {
    match (ex.per_side, ex.sides.as_slice()) {
        (false, _) => vec![String::new()],
        (true, [first, second]) => vec![first.clone(), second.clone()],
        (true, _) => vec!["Left side".into(), "Right side".into()],
    }
}

fn join(parts: &[String]) -> String {
    parts.iter().filter(|p| !p.is_empty()).cloned().collect::<Vec<_>>().join(" · ")
}

/// The phases of one session of `ex` at `dose`, starting with a get-ready phase.
pub fn phases(ex: &Exercise, dose: &Dose) -> Vec<Phase> {
    phases_for_bout(ex, dose, 0)
}

/// The phases of a session when `bout` (0-based) walk bouts of the day are already done: a walk
/// times that bout (the main bout first, then the shorter top-ups); other kinds ignore it.
pub fn phases_for_bout(ex: &Exercise, dose: &Dose, bout: u32) -> Vec<Phase> {
    let mut out = vec![Phase::new(Kind::Ready, READY_SECS, "Get ready", ex.name.clone())];
    let set_word = ex.set_label.clone().map(|l| crate::text::capitalize(&l)).unwrap_or_else(|| "Set".into());
    let push_rest = |out: &mut Vec<Phase>, secs: u32, why: &str| {
        out.push(Phase::new(Kind::Rest, secs, "Rest", why));
    };
    match dose {
        Dose::Holds { reps, secs, .. } => {
            let sets = reps.len();
            for (s, &n) in reps.iter().enumerate() {
                let set = if sets > 1 { format!("{set_word} {} of {sets}", s + 1) } else { String::new() };
                for (i, side) in sides(ex).iter().enumerate() {
                    for r in 0..n {
                        let rep = if n > 1 { format!("rep {} of {n}", r + 1) } else { String::new() };
                        out.push(Phase::new(
                            Kind::Hold,
                            *secs,
                            "Hold",
                            join(&[set.clone(), rep, side.to_string()]),
                        ));
                        if r + 1 < n {
                            push_rest(&mut out, REST_IN_SET, "between holds");
                        }
                    }
                    if ex.per_side && i == 0 {
                        push_rest(&mut out, REST_SIDES, "switch sides");
                    }
                }
                if s + 1 < sets {
                    push_rest(&mut out, REST_SETS, "between sets");
                }
            }
        }
        Dose::Reps { sets, reps, pause_secs, .. } => {
            for s in 0..*sets {
                // "Set 1 of 1" (or "Position 1 of 1") says nothing.
                let set = if *sets > 1 { format!("{set_word} {} of {sets}", s + 1) } else { String::new() };
                for (i, side) in sides(ex).iter().enumerate() {
                    if *pause_secs > 0 {
                        for r in 0..*reps {
                            let pos =
                                join(&[set.clone(), format!("rep {} of {reps}", r + 1), side.to_string()]);
                            out.push(Phase::new(
                                Kind::Rep,
                                pause_secs + 2 * PACE_SECS,
                                "Up · hold · down",
                                pos,
                            ));
                        }
                    } else {
                        out.push(Phase::new(
                            Kind::Untimed,
                            0,
                            format!("{reps} reps"),
                            join(&[set.clone(), side.to_string()]),
                        ));
                    }
                    if ex.per_side && i == 0 {
                        push_rest(&mut out, REST_SIDES, "switch sides");
                    }
                }
                if s + 1 < *sets {
                    let (secs, why) = match &ex.set_label {
                        Some(label) => (MOVE_SECS, format!("next {label}")),
                        // Lifts rest longer between their heavier sets (60–120 s).
                        None if crate::strength::LIFTS.contains(&ex.id.as_str()) => {
                            (crate::strength::REST_SECS, "between sets".to_string())
                        }
                        None => (REST_SETS, "between sets".to_string()),
                    };
                    push_rest(&mut out, secs, &why);
                }
            }
        }
        Dose::Walk { bouts } => {
            let n = bouts.len();
            let i = (bout as usize).min(n - 1);
            let pos = if n > 1 { format!("bout {} of {n} today", i + 1) } else { String::new() };
            out.push(Phase::new(Kind::Walk, bouts[i] * 60, "Walk", pos));
        }
        Dose::Carry { sets, secs } => {
            for s in 0..*sets {
                // A suitcase carry is carried in one hand, then the other.
                for (i, side) in sides(ex).iter().enumerate() {
                    let pos = join(&[format!("Carry {} of {sets}", s + 1), side.to_string()]);
                    out.push(Phase::new(Kind::Hold, *secs, "Carry", pos));
                    if ex.per_side && i == 0 {
                        push_rest(&mut out, REST_SIDES, "switch hands");
                    }
                }
                if s + 1 < *sets {
                    // The suitcase carry is a lift: the same long rests (60–120 s) as the others.
                    let lift = crate::strength::LIFTS.contains(&ex.id.as_str());
                    push_rest(
                        &mut out,
                        if lift { crate::strength::REST_SECS } else { REST_SETS },
                        "between carries",
                    );
                }
            }
        }
    }
    out
}

/// Total planned seconds of `phases` (untimed ones count 0).
pub fn total_secs(phases: &[Phase]) -> u32 {
    phases.iter().map(|p| p.secs).sum()
}

/// What happened when the clock was checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A phase ended by running out (a bell, if it rings).
    Ended(Kind),
    Finished,
}

/// A running session: the phases, where we are, and the current phase's deadline.
#[derive(Debug, Clone)]
pub struct Timer {
    pub phases: Vec<Phase>,
    pub index: usize,
    /// When the current timed phase ends; `None` when paused, untimed or finished.
    deadline: Option<Instant>,
    /// Time left in the current phase while paused.
    paused_left: Option<Duration>,
    finished: bool,
    /// A hold or paced rep was skipped with time left.
    cut: bool,
    /// Time `+` added to the current phase: a hold left within it was held in full.
    extra: Duration,
    /// A walk skipped with time left: the time walked (issue 26: the minutes logged).
    walked: Option<Duration>,
}

impl Timer {
    pub fn start(phases: Vec<Phase>, now: Instant) -> Timer {
        let mut t = Timer {
            phases,
            index: 0,
            deadline: None,
            paused_left: None,
            finished: false,
            cut: false,
            extra: Duration::ZERO,
            walked: None,
        };
        t.enter(now);
        t
    }

    fn enter(&mut self, now: Instant) {
        self.paused_left = None;
        self.extra = Duration::ZERO;
        self.deadline = match self.phases.get(self.index) {
            Some(p) if p.secs > 0 => Some(now + Duration::from_secs(u64::from(p.secs))),
            Some(_) => None,
            None => {
                self.finished = true;
                None
            }
        };
    }

    pub fn phase(&self) -> Option<&Phase> {
        self.phases.get(self.index).filter(|_| !self.finished)
    }

    pub fn next_phase(&self) -> Option<&Phase> {
        self.phases.get(self.index + 1)
    }

    pub fn is_finished(&self) -> bool {
        self.finished
    }

    pub fn is_paused(&self) -> bool {
        self.paused_left.is_some()
    }

    /// What to do now, in a few words: the phase's label, or for a paced rep the part of it
    /// under way (up for 2 s, hold for the pause, down for 2 s), as it happens.
    pub fn label(&self, now: Instant) -> String {
        let Some(phase) = self.phase() else { return String::new() };
        if phase.kind != Kind::Rep {
            return phase.label.clone();
        }
        let total = Duration::from_secs(u64::from(phase.secs)) + self.extra;
        let into = total.saturating_sub(self.remaining(now)).as_secs_f64();
        let hold = f64::from(phase.secs.saturating_sub(2 * PACE_SECS));
        let up = f64::from(PACE_SECS);
        if into < up {
            "Up".into()
        } else if into < up + hold {
            "Hold".into()
        } else {
            "Down".into()
        }
    }

    /// Still in the get-ready phase that opens the session: nothing is done yet.
    pub fn getting_ready(&self) -> bool {
        self.index == 0 && self.phase().is_some_and(|p| p.kind == Kind::Ready)
    }

    /// Time left in the current phase.
    pub fn remaining(&self, now: Instant) -> Duration {
        match (self.paused_left, self.deadline) {
            (Some(left), _) => left,
            (None, Some(deadline)) => deadline.saturating_duration_since(now),
            _ => Duration::ZERO,
        }
    }

    /// Whole seconds shown: time left rounded up, so "0" shows only when the phase is over.
    pub fn shown_secs(&self, now: Instant) -> u64 {
        let left = self.remaining(now);
        left.as_secs() + u64::from(left.subsec_nanos() > 0)
    }

    /// Whole seconds left in the whole session: the current phase as shown, plus every phase
    /// after it (untimed sets count 0).
    pub fn total_left_secs(&self, now: Instant) -> u64 {
        let after = self.phases.get(self.index + 1..).map_or(0, total_secs);
        self.shown_secs(now) + u64::from(after)
    }

    /// Moves past every phase whose deadline has passed, reporting each end.
    pub fn tick(&mut self, now: Instant) -> Vec<Event> {
        let mut events = Vec::new();
        while let (Some(deadline), None) = (self.deadline, self.paused_left) {
            if now < deadline {
                break;
            }
            events.push(Event::Ended(self.phases[self.index].kind));
            self.index += 1;
            // The next phase starts when this one ended, not when we noticed.
            self.enter(deadline);
            if self.finished {
                events.push(Event::Finished);
            }
        }
        events
    }

    /// When the shown second next changes (the loop sleeps until then); `None` when nothing moves.
    pub fn next_wake(&self, now: Instant) -> Option<Instant> {
        let deadline = self.deadline.filter(|_| self.paused_left.is_none())?;
        let left = deadline.saturating_duration_since(now);
        let whole = Duration::from_secs(left.as_secs());
        Some(if left == whole { now + Duration::from_secs(1).min(left) } else { deadline - whole })
    }

    pub fn toggle_pause(&mut self, now: Instant) {
        match self.paused_left.take() {
            Some(left) => self.deadline = Some(now + left),
            None if self.deadline.is_some() => self.paused_left = Some(self.remaining(now)),
            None => {}
        }
    }

    /// Adds 15 s to the current hold or rest.
    pub fn add_time(&mut self, now: Instant) {
        if !matches!(self.phase().map(|p| p.kind), Some(Kind::Hold | Kind::Rest | Kind::Walk | Kind::Ready)) {
            return;
        }
        let extra = Duration::from_secs(u64::from(EXTRA_SECS));
        self.extra += extra;
        if let Some(left) = &mut self.paused_left {
            *left += extra;
        } else if let Some(d) = &mut self.deadline {
            *d = (*d).max(now) + extra;
        }
    }

    /// The current phase is a hold or paced rep with more than `CUT_SECS` of its prescribed
    /// time to go (time added with `+` is extra: leaving it is no cut, issue 26).
    fn cutting(&self, now: Instant) -> bool {
        let held = matches!(self.phase().map(|p| p.kind), Some(Kind::Hold | Kind::Rep));
        held && self.remaining(now) > self.extra + Duration::from_secs(CUT_SECS)
    }

    /// In a walk with more than `CUT_SECS` to go: the time walked so far.
    fn walk_left(&self, now: Instant) -> Option<Duration> {
        let phase = self.phase().filter(|p| p.kind == Kind::Walk)?;
        let left = self.remaining(now);
        let planned = Duration::from_secs(u64::from(phase.secs)) + self.extra;
        (left > Duration::from_secs(CUT_SECS)).then(|| planned.saturating_sub(left))
    }

    /// A walk bout cut short, were the session counted at `now`: the time actually walked, when
    /// the walk was skipped or is left with time to go.
    pub fn walk_cut(&self, now: Instant) -> Option<Duration> {
        self.walked.or_else(|| self.walk_left(now))
    }

    /// Whether the hold set was cut short, were the session counted at `now`: a hold or paced
    /// rep was skipped with time left, or one is under way (with time left) or still to come.
    /// Skipped rests and the get-ready phase do not count; a finished run answers its skips.
    pub fn cut_short(&self, now: Instant) -> bool {
        let later = self.phases.get(self.index + 1..).unwrap_or_default();
        self.cut
            || self.cutting(now)
            || (!self.finished && later.iter().any(|p| matches!(p.kind, Kind::Hold | Kind::Rep)))
    }

    /// Skips to the next phase now; returns `Finished` when that was the last.
    pub fn skip(&mut self, now: Instant) -> Vec<Event> {
        if self.finished {
            return Vec::new();
        }
        self.cut |= self.cutting(now);
        self.walked = self.walked.or(self.walk_left(now));
        self.index += 1;
        self.enter(now);
        if self.finished { vec![Event::Finished] } else { Vec::new() }
    }
}

#[cfg(test)]
mod tests;
