//! The holds gate (COACHING.md "Turn 3 review" A): the one way to a dose. A hold is a state of
//! the person — the emergency lock, a see-a-GP sign, flare-up mode, a back not settled this
//! morning, pain down a leg, the avoid settings — so it is decided here once and every kind of
//! prescription passes it: the routine's ladders (walk, stretch, roller, core, extras, custom,
//! other cardio and variants, which take the walk's or the exercise's dose, and the harder form),
//! the strength lifts and carries, and the desk-break movements.
//!
//! Why a new kind cannot skip it: the screens and commands hold doses as [`Gated`] values, and
//! only this module can make one. A raw dose (the ladders' and the lifts' own rules) has to come
//! through one of the functions below to be shown, forecast or logged. Pure: the log, the
//! settings and the date come in as arguments.

use std::collections::BTreeMap;
use std::ops::Deref;

use jiff::civil::Date;

use crate::catalog::{Exercise, Kind};
use crate::log::{Entry, EntryKind};
use crate::rx::{Change, Prescription};
use crate::settings::Settings;

mod breaks;
mod lift;
#[cfg(test)]
pub(crate) mod tests;

pub use breaks::{BreakStep, break_steps};

/// A dose that passed the holds. Read it through `Deref`; only this module makes one.
#[derive(Debug, Clone, PartialEq)]
pub struct Gated<T> {
    value: T,
    hold: Option<Hold>,
}

impl<T> Deref for Gated<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T> Gated<T> {
    fn new(value: T, hold: Option<Hold>) -> Gated<T> {
        Gated { value, hold }
    }

    /// The hold that shaped this dose, if any.
    pub fn hold(&self) -> Option<Hold> {
        self.hold
    }

    /// The same dose in another shape (a lift's prescription as the routine row that shows it),
    /// the hold with it.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Gated<U> {
        Gated { value: f(self.value), hold: self.hold }
    }

    /// The dose itself, to keep or change as a record of what was done (never to show as a dose).
    pub fn into_inner(self) -> T {
        self.value
    }
}

/// The hold that decided a dose, most binding first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hold {
    /// An emergency sign was reported: nothing is prescribed until a clinician has checked it.
    Locked { since: Date },
    /// Pain down a leg paused this exercise (`own`: it caused the pause; otherwise it is a nerve
    /// tension position or a loaded hinge, squat or carry, paused with it). `week`: a week or
    /// more unresolved.
    LegPause { since: Date, own: bool, week: bool },
    /// A loaded lift or a carry during a flare-up.
    FlarePause { since: Date },
    /// Flare-up mode: the gentlest step, no advancing.
    Flare { since: Date },
    /// A see-a-GP sign: no advancing until a clinician has checked it.
    Gp { since: Date },
    /// The back had not settled this morning: every exercise holds today.
    NotSettled,
}

impl Hold {
    /// The short name scripts see (`today --json`'s `hold`).
    pub fn id(&self) -> &'static str {
        match self {
            Hold::Locked { .. } => "locked",
            Hold::LegPause { .. } => "leg-pause",
            Hold::FlarePause { .. } => "flare-pause",
            Hold::Flare { .. } => "flare",
            Hold::Gp { .. } => "gp",
            Hold::NotSettled => "not-settled",
        }
    }

    /// Nothing of this exercise is to be done today.
    pub fn pauses(&self) -> bool {
        matches!(self, Hold::Locked { .. } | Hold::LegPause { .. } | Hold::FlarePause { .. })
    }
}

/// The app's words for clearing a leg pause (the CLI names its command, `reason_in_cli`).
pub const PAUSED_KEY: &str = "Press c when a clinician clears it";

/// What the lock says in place of every dose.
pub const LOCKED_REASON: &str = "Locked: an emergency sign was reported. Get care first";

/// What switching flare-up mode on says, in the app and the CLI (Turn 3 review G: stay gently
/// active, never "rest is fine", NICE NG59).
pub const FLARE_ON: &str = "Flare-up mode on: keep gently active — short walks as comfortable, the gentlest steps; loaded lifts and carries rest until it is over.";

/// What a greeting or an answer says while the routine is locked (Turn 3 review G), in place
/// of "carry on as planned".
pub const LOCKED_SAID: &str = "The routine is locked after the emergency sign you reported: get care first. Nothing is prescribed until a clinician has checked you.";

/// What the lock shows where a dose would be: nothing is prescribed.
pub const LOCKED_DOSE: &str = "none while locked";

/// The holds in force on one day, read from the log once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Holds {
    pub locked: Option<Date>,
    pub gp: Option<Date>,
    pub flare: Option<Date>,
    pub not_settled: bool,
    /// Leg-symptom pauses: the exercise that caused each, since when.
    pub legs: BTreeMap<String, Date>,
    pub avoid_extension: bool,
    pub avoid_flexion: bool,
    /// The day they were read for (a leg pause counts its week to it).
    pub date: Option<Date>,
}

impl Holds {
    /// The holds on `date`, from the entries up to it (later ones are ignored).
    pub fn on(settings: &Settings, history: &[Entry], date: Date) -> Holds {
        let upto = &history[..history.partition_point(|e| e.date <= date)];
        Holds::with_safety(settings, upto, date, &crate::safety::Safety::from_entries(upto))
    }

    /// As [`Holds::on`], with the safety state of `upto` (the entries up to `date`) already read.
    pub fn with_safety(
        settings: &Settings,
        upto: &[Entry],
        date: Date,
        safety: &crate::safety::Safety,
    ) -> Holds {
        Holds {
            locked: safety.locked_since,
            gp: safety.gp_since,
            flare: crate::safety::flare_since(upto, date),
            not_settled: upto
                .iter()
                .rev()
                .take_while(|e| e.date == date)
                .any(|e| e.kind == EntryKind::NotSettled),
            legs: safety.paused.clone(),
            avoid_extension: settings.avoid_extension,
            avoid_flexion: settings.avoid_flexion,
            date: Some(date),
        }
    }

    /// The holds in force, in one line for the plan and the CLI, most binding first; `None`
    /// with none (a not-settled morning is today's only and says so on Today).
    pub fn line(&self) -> Option<String> {
        let day = |d: &Date| d.strftime("%a %-d %b").to_string();
        if let Some(since) = &self.locked {
            return Some(format!(
                "Locked since {}: nothing is prescribed until a clinician has checked you.",
                day(since)
            ));
        }
        let mut parts = Vec::new();
        if let Some(since) = &self.flare {
            parts.push(format!(
                "flare-up mode since {}: the gentlest steps, no advancing; loaded lifts and carries rest",
                day(since)
            ));
        }
        if let Some(since) = &self.gp {
            parts.push(format!(
                "a sign for a GP since {}: no dose rises until a clinician has checked it",
                day(since)
            ));
        }
        if !self.legs.is_empty() {
            let ids: Vec<&str> = self.legs.keys().map(String::as_str).collect();
            parts.push(format!(
                "pain down a leg ({}): paused with the hamstring stretch and the loaded hinge, squat and carry",
                ids.join(", ")
            ));
        }
        (!parts.is_empty()).then(|| format!("Held: {}.", crate::text::capitalize(&parts.join("; "))))
    }

    /// No hold in force: every dose is its rules' own (avoid settings shape only the breaks).
    pub fn is_clear(&self) -> bool {
        self.locked.is_none()
            && self.gp.is_none()
            && self.flare.is_none()
            && !self.not_settled
            && self.legs.is_empty()
    }

    /// The leg pause that covers `ex` and whether it is its own (`safety::leg_pause_in`).
    pub fn leg_pause(&self, ex: &Exercise) -> Option<(Date, bool)> {
        crate::safety::leg_pause_in(&self.legs, ex)
    }

    /// The hold that decides `ex`'s dose today; `loaded`: a lift with a load (or a carry), which
    /// a flare-up pauses rather than eases.
    pub fn hold_for(&self, ex: &Exercise, loaded: bool) -> Option<Hold> {
        if let Some(since) = self.locked {
            return Some(Hold::Locked { since });
        }
        if let Some((since, own)) = self.leg_pause(ex) {
            let week = self.date.is_some_and(|d| since.until(d).is_ok_and(|s| s.get_days() >= 7));
            return Some(Hold::LegPause { since, own, week });
        }
        if let Some(since) = self.flare {
            let carry = ex.kind == Kind::Carry;
            return Some(if loaded || carry { Hold::FlarePause { since } } else { Hold::Flare { since } });
        }
        if let Some(since) = self.gp {
            return Some(Hold::Gp { since });
        }
        self.not_settled.then_some(Hold::NotSettled)
    }

    /// A routine exercise's dose (walk, stretch, roller, core, extras, custom; other cardio and
    /// variants take it): the ladder's raw prescription after the holds. `last_step`: the step of
    /// the last session before the day, which a hold keeps.
    pub fn routine(&self, ex: &Exercise, raw: Prescription, last_step: Option<u32>) -> Gated<Prescription> {
        let hold = self.hold_for(ex, false);
        let mut rx = raw;
        if hold.is_some() {
            // Under any hold nothing advances, the harder form included: no rise over the last
            // session's step (a first session has nothing to rise from).
            rx.offer = None;
            let top = last_step.unwrap_or(rx.step);
            if rx.step > top {
                set_step(&mut rx, ex, top);
                rx.change = Change::Hold;
            }
        }
        // A pause shows the dose it would have: in a flare-up, the gentlest.
        if self.flare.is_some() && hold.is_some_and(|h| h.pauses()) && rx.step > 1 {
            set_step(&mut rx, ex, 1);
        }
        match hold {
            None => {}
            // The banner says why; each row says only that nothing is prescribed.
            Some(Hold::Locked { .. }) => {
                rx.dose_text = LOCKED_DOSE.to_string();
                rx.reason = None;
            }
            Some(Hold::LegPause { since, own, week }) => {
                rx.paused = true;
                rx.reason = Some(leg_reason(since, own, week));
            }
            Some(Hold::Flare { .. } | Hold::FlarePause { .. }) => {
                // The walk may already be shorter than step 1 (rule 5): "or shorter as comfortable".
                if rx.step > 1 {
                    set_step(&mut rx, ex, 1);
                }
                rx.change = Change::Flare;
                if !rx.stopped {
                    rx.reason = Some("Flare-up mode: the gentlest step".into());
                }
            }
            // A step back keeps its own reason; otherwise the hold is what the person needs to know.
            Some(hold @ (Hold::Gp { .. } | Hold::NotSettled)) if rx.change != Change::Down && !rx.stopped => {
                rx.reason = Some(crate::rx::same_because(held_why(hold)));
            }
            Some(Hold::Gp { .. } | Hold::NotSettled) => {}
        }
        Gated::new(rx, hold)
    }
}

/// Why a hold keeps the dose, in the words of a "Same as last time: …" reason.
fn held_why(hold: Hold) -> &'static str {
    match hold {
        Hold::NotSettled => "your back had not settled this morning",
        _ => "progress waits for a clinician's check",
    }
}

/// The leg pause's line: since when, what clears it, and after a week, who to see.
fn leg_reason(since: Date, own: bool, week: bool) -> String {
    let when = since.strftime("%a %-d %b");
    let see = if week { ". Not settled in a week: see a physiotherapist or GP" } else { "" };
    if own {
        format!("Paused: pain down a leg ({when}). {PAUSED_KEY}{see}")
    } else {
        // Cleared with the exercise that caused it, not on its own.
        format!("Paused with the leg symptoms of {when}: back once a clinician has cleared them{see}")
    }
}

/// Puts `rx` at ladder `step`, its dose and text with it.
fn set_step(rx: &mut Prescription, ex: &Exercise, step: u32) {
    let (dose, text) = crate::rx::dose_at(ex, step);
    rx.step = step;
    rx.dose = dose;
    rx.dose_text = text;
}
