//! The rating prompt's state (`Prompt`, its `Stage`s), and the walk's "done as" stage (issue
//! 16.3): the walk slot done as bike, elliptical, swim or other cardio, for so many minutes —
//! the entry `upright done walk --as ID --minutes N` writes. The rules take the minutes
//! (`App::judge`); the keys of the other stages are in `actions.rs`.

use super::{App, Mode, Msg, Step};
use crate::rules::{Action, MAX_MINUTES, Verdict};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Rating,
    /// A walk (`a` in the rating): done as another activity, and the minutes.
    DoneAs,
    /// A strength lift: the reps actually done in each set.
    Reps,
    Pain,
    /// After `l`: one leg or both (both is an emergency sign).
    Legs,
    /// One leg: with numbness or weakness in it (yes is the see-a-GP-today path)?
    LegNumb,
}

/// One way to fill the walk slot, as the walk prompt offers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Way {
    /// The key that picks it.
    pub key: char,
    /// The catalog variant id (`--as` takes the same); `None` for a walk.
    pub variant: Option<String>,
}

impl Way {
    /// What the prompt calls it: the CLI's word for it.
    pub fn word(&self) -> &str {
        self.variant.as_deref().unwrap_or("walk")
    }
}

#[derive(Debug, Clone)]
pub struct Prompt {
    pub id: String,
    /// The coaching day it is logged for (today, or a past day from the week screen).
    pub date: jiff::civil::Date,
    /// The step and dose of that day, recorded in the entry.
    pub step: u32,
    pub dose: String,
    /// Where to return after the prompt.
    pub back: Box<Mode>,
    pub stage: Stage,
    pub rating: Option<crate::state::Feedback>,
    /// Digits typed so far for the pain rating (empty = 0).
    pub pain: String,
    /// Walk minutes to log: the bout's planned minutes until the user gives others.
    pub minutes: Option<u32>,
    /// Done entries of it that day before this one, and the sessions the day needs (walk bouts),
    /// for the line that says what was logged.
    pub done_before: u32,
    pub needed: u32,
    /// A past day (from the week screen): the prompt names it.
    pub backfill: bool,
    /// A strength lift's planned load and reps (seconds for a carry, then `true`); `reps` holds
    /// the digits typed (empty = as planned).
    pub lift: Option<(Option<f64>, u32, bool)>,
    pub reps: String,
    /// The version done, saved in the entry: `v`'s choice for today's session, or the activity
    /// chosen in the walk's "done as" stage.
    pub variant: Option<String>,
    /// A walk's ways to fill the slot (a walk first); empty for anything else.
    pub ways: Vec<Way>,
    /// Minutes typed in the "done as" stage (empty = `minutes` as they are).
    pub typed_minutes: String,
    /// A hold set cut short in the timer (issue 20): saved as a partial session.
    pub partial: bool,
    /// A walk bout left early in the timer: its planned minutes (`minutes` holds those walked).
    pub walk_cut: Option<u32>,
}

impl Prompt {
    /// The way chosen so far (a walk unless `v` or the "done as" stage said otherwise).
    pub fn way(&self) -> Option<&Way> {
        self.ways.iter().find(|w| w.variant == self.variant)
    }

    /// The minutes the "done as" stage shows: as typed, else as they are.
    pub fn minutes_shown(&self) -> String {
        match (self.typed_minutes.as_str(), self.minutes) {
            ("", Some(m)) => m.to_string(),
            (typed, _) => typed.to_string(),
        }
    }
}

impl App {
    /// The ways the walk slot `id` can be filled: a walk (`w`), then each of the catalog's
    /// variants of it, keyed by the first letter of its id no earlier way took (the stage has
    /// its own keys: the rating's `e` and `o` are free there). Empty for anything but a walk.
    pub(super) fn ways(&self, id: &str) -> Vec<Way> {
        let Some(ex) = self.ctx.catalog.get(id).filter(|_| self.ctx.is_walk(id)) else { return Vec::new() };
        let mut ways = vec![Way { key: 'w', variant: None }];
        for v in &ex.variants {
            let free = |c: &char| c.is_ascii_lowercase() && !ways.iter().any(|w| w.key == *c);
            if let Some(key) = v.id.chars().find(free) {
                ways.push(Way { key, variant: Some(v.id.clone()) });
            }
        }
        ways
    }

    /// Keys in the walk's "done as" stage: a way's letter picks it, digits type the minutes;
    /// Enter (or Esc) goes back to the rating once the rules take the minutes.
    pub(super) fn done_as(&mut self, mut p: Prompt, msg: Msg) -> Step {
        match msg {
            Msg::Char(c) if c.is_ascii_digit() => {
                let typed = format!("{}{c}", p.typed_minutes);
                // Past the rules' limit a digit is a slip; it is not taken.
                if typed.parse::<u32>().is_ok_and(|n| n <= MAX_MINUTES) {
                    p.typed_minutes = typed.trim_start_matches('0').to_string();
                }
            }
            Msg::Backspace => {
                p.typed_minutes.pop();
            }
            Msg::Char(c) => {
                if let Some(way) = p.ways.iter().find(|w| w.key == c) {
                    p.variant = way.variant.clone();
                }
            }
            Msg::Confirm | Msg::Back => {
                if let Ok(m) = p.typed_minutes.parse::<u32>() {
                    // The minutes `done --minutes` would take; a far backfill was confirmed
                    // before the prompt opened.
                    match self.judge(Action::Done { minutes: Some(m) }, &p.id, p.date) {
                        Verdict::Confirm(_) => {}
                        verdict if !self.allowed(&verdict) => return (Mode::Feedback(p), None),
                        _ => {}
                    }
                    p.minutes = Some(m);
                    // Minutes typed up to the plan are no longer a bout cut short.
                    p.walk_cut = p.walk_cut.filter(|planned| m < *planned);
                }
                p.typed_minutes.clear();
                p.stage = Stage::Rating;
            }
            _ => {}
        }
        (Mode::Feedback(p), None)
    }
}
