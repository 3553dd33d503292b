//! One coaching day as the screens and commands see it: each routine exercise with its
//! prescription, its cues and what has been logged for it that day, and the safety banner the
//! Today screen leads with. Pure: built once per change from loaded entries, so a frame only
//! reads it.

use jiff::ToSpan;
use jiff::civil::Date;

use crate::catalog::{Catalog, Exercise};
use crate::holds::Gated;
use crate::log::{Entry, EntryKind};
use crate::progression::{self, Prescription};
use crate::settings::Settings;

#[derive(Debug, Clone)]
pub struct Item {
    pub exercise: Exercise,
    pub rx: Gated<Prescription>,
    /// Done entries logged for it that day (walk bouts count one each).
    pub done: u32,
    /// Sessions needed to count as done: the bouts for a walk, otherwise 1.
    pub needed: u32,
    pub skipped: bool,
    /// The id of that day's last done or skipped entry: what undo removes.
    pub last_logged: Option<String>,
    /// That entry, for undo to say what it removes.
    pub last_entry: Option<Entry>,
    /// The cues to show while it runs (the flexion-free cue second, after the set-up line, when
    /// flexion is avoided).
    pub cues: Vec<String>,
    /// What the user wrote that day: the last note of a done entry, or the skip reason.
    pub note: Option<String>,
    /// The last sessions before that day, newest first: why a dose changed, in the user's words.
    pub recent: Vec<Session>,
    /// A strength lift's prescription (its load), on a strength day.
    pub lift: Option<Gated<crate::strength::Prescription>>,
    /// The day facts it was read from (`crate::days`), with today's dose's bouts and minutes.
    pub facts: crate::days::Facts,
}

/// One earlier session as the Today screen shows it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub date: Date,
    pub feedback: Option<crate::log::Feedback>,
    pub pain: Option<u8>,
}

/// Earlier sessions shown per exercise.
const RECENT: usize = 3;

impl Item {
    /// All bouts done, or a walk's minutes reached with other cardio (`crate::days`).
    pub fn is_done(&self) -> bool {
        self.facts.is_done()
    }

    /// The dose with walk bouts counted ("3 × 7 min walk, 1 of 3 done").
    pub fn dose_line(&self) -> String {
        if matches!(self.rx.hold(), Some(crate::holds::Hold::Locked { .. })) {
            return self.rx.dose_text.clone();
        }
        let walk = if self.rx.dose.walk_minutes().is_some() { " walk" } else { "" };
        let mut line = format!("{}{walk}", self.rx.dose_text);
        // Stopped by pain, the bouts left are not to come: "1 of 3 done" would say they were.
        if self.needed > 1 && self.done > 0 && !self.is_done() && !self.rx.stopped {
            line.push_str(&format!(", {} of {} done", self.done, self.needed));
        }
        line
    }

    /// Finished for the day: done, excused, or stopped by pain.
    pub fn is_settled(&self) -> bool {
        self.is_done() || self.skipped || self.rx.stopped || self.rx.paused
    }
}

#[derive(Debug, Clone)]
pub struct Day {
    pub date: Date,
    pub items: Vec<Item>,
    /// What the log says about red flags, leg symptoms and the disclaimer.
    pub safety: crate::safety::Safety,
    /// The suggestion to see a GP or physiotherapist is due (and not dismissed).
    pub needs_check: bool,
    /// The check-ins' measure behind it, when they decided it.
    pub check: Option<crate::checkin::Measure>,
    /// What the Today screen leads with instead of the greeting, safety first.
    pub banner: Option<Banner>,
    /// With strength days on and today not one: the next strength day.
    pub next_strength: Option<Date>,
    /// With strength days on: the days lifts were done, for the rules to place a lift logged
    /// off the schedule.
    pub strength: Option<crate::strength::Schedule>,
    /// The holds on a lift that is not on the list today (not a strength day): what the rules
    /// answer when it is logged anyway.
    pub lift_holds: Vec<(String, crate::holds::Hold)>,
    /// The holds in force, in one line (the plan leads with it): `holds::Holds::line`.
    pub held: Option<String>,
}

/// Where the day stands (`Day::standing`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    Locked,
    /// Pain above 5 ended this exercise today.
    Stopped(String),
    /// Nothing done and everything skipped: a rest day.
    Rest,
    /// Every exercise done, skipped or stopped.
    Complete,
    /// Nothing logged yet; this many to go.
    Fresh(usize),
    Going {
        done: usize,
        to_go: usize,
    },
}

/// The one line of safety state the Today screen shows above the list, most urgent first.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Banner {
    /// An emergency sign was reported: the routine is locked.
    Locked,
    /// A see-a-GP sign was reported: doses do not rise.
    GpPaused,
    /// Flare-up mode since a day; `see_gp` after two weeks of it.
    Flare { since: Date, see_gp: bool },
    /// See a GP or physiotherapist: the weekly check-ins' measure when they decided it (worse,
    /// or no clear change after 4+ weeks), else two weeks of session pain not easing.
    Check(Option<crate::checkin::Measure>),
    /// The back had not settled this morning (rule 11): every exercise holds today.
    NotSettled,
}

impl Day {
    pub fn build(catalog: &Catalog, settings: &Settings, history: &[Entry], date: Date) -> Day {
        let upto = history.partition_point(|e| e.date <= date);
        let safety = crate::safety::Safety::from_entries(&history[..upto]);
        // The holds are read once, for the routine, the lifts and the lifts off their day.
        let holds = crate::holds::Holds::with_safety(settings, &history[..upto], date, &safety);
        let prescriptions = progression::prescribe_held(catalog, settings, history, date, &holds);
        let mut items: Vec<Item> = prescriptions
            .into_iter()
            .filter_map(|rx| {
                let exercise = catalog.get(&rx.id)?.clone();
                Some(item(exercise, rx, settings, history, date, &safety))
            })
            .collect();
        // On a strength day the lifts follow the routine; on other days Today names the next.
        let (lifts, next_strength) = crate::strength::today_lifts(catalog, settings, history, date, &holds);
        items.extend(lifts.into_iter().map(|(exercise, rx, lift)| Item {
            lift: Some(lift),
            ..item(exercise, rx, settings, history, date, &safety)
        }));
        let strength = crate::strength::schedule(settings, history);
        let (needs_check, trend) = needs_check(history, date);
        let banner = if safety.locked_since.is_some() {
            Some(Banner::Locked)
        } else if safety.gp_since.is_some() {
            Some(Banner::GpPaused)
        } else if let Some(since) = holds.flare {
            Some(Banner::Flare { since, see_gp: progression::flare_prompt(history, date) })
        } else if holds.not_settled {
            Some(Banner::NotSettled)
        } else {
            needs_check.then_some(Banner::Check(trend))
        };
        // Only a day with a hold has any: no lift is prescribed for it otherwise (the common day).
        let lift_holds = crate::strength::LIFTS
            .iter()
            .filter(|_| !holds.is_clear())
            .filter(|id| !items.iter().any(|i| i.exercise.id == **id))
            .filter_map(|id| catalog.get(id))
            .filter_map(|ex| {
                let rx = crate::strength::dose(&holds, ex, settings, history, date);
                Some((ex.id.clone(), rx.hold()?))
            })
            .collect();
        let held = holds.line();
        Day {
            date,
            items,
            safety,
            needs_check,
            check: trend,
            banner,
            next_strength,
            strength,
            lift_holds,
            held,
        }
    }

    pub fn done_count(&self) -> usize {
        self.items.iter().filter(|i| i.is_done()).count()
    }

    /// Where the day stands, for the line the Today screen greets with: safety first, then a
    /// pain stop, then the counts (skips and stops count as settled, not as to go).
    pub fn standing(&self) -> Standing {
        if self.safety.locked_since.is_some() {
            return Standing::Locked;
        }
        if let Some(item) = self.items.iter().find(|i| i.rx.stopped) {
            return Standing::Stopped(item.exercise.name.clone());
        }
        let done = self.done_count();
        let to_go = self.items.iter().filter(|i| !i.is_settled()).count();
        match (done, to_go) {
            (0, 0) if self.items.iter().any(|i| i.skipped) => Standing::Rest,
            (_, 0) if !self.items.is_empty() => Standing::Complete,
            (0, _) => Standing::Fresh(to_go),
            (done, to_go) => Standing::Going { done, to_go },
        }
    }

    pub fn get(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.exercise.id == id)
    }

    /// The hold on exercise `id` today, on the list or (a lift off its day) not.
    pub fn hold_of(&self, id: &str) -> Option<crate::holds::Hold> {
        match self.get(id) {
            Some(item) => item.rx.hold(),
            None => self.lift_holds.iter().find(|(l, _)| l == id).map(|(_, h)| *h),
        }
    }
}

/// The suggestion to see a GP or physiotherapist (COACHING.md turn 3, D), with the measure the
/// weekly check-ins gave when they decided it: "worse" at once (dismissed, quiet for a week);
/// "no clear change" after 4+ weeks with pain 3 or more, at most once a fortnight, and not while
/// pain is a point lower (improving, if not yet by a change that matters); never while better. Without two check-ins to compare, the session pain decides as before.
fn needs_check(history: &[Entry], date: Date) -> (bool, Option<crate::checkin::Measure>) {
    use crate::checkin::Verdict;
    let dismissed = |days: i64| {
        let since = date.checked_sub(days.days()).unwrap_or(date);
        history.iter().any(|e| e.kind == EntryKind::CheckDismissed && e.date > since && e.date <= date)
    };
    if let Some(m) = crate::checkin::verdict(history, date) {
        let due = match m.verdict {
            Verdict::Worse => !dismissed(7),
            Verdict::NoChange => m.weeks() >= 4 && m.pain.1 >= 3.0 && !m.improving() && !dismissed(14),
            Verdict::Better => false,
        };
        return (due, due.then_some(m));
    }
    if dismissed(7) {
        return (false, None);
    }
    let first = history.iter().find(|e| e.kind == EntryKind::Done).map(|e| e.date);
    (crate::safety::needs_check(history, first, date), None)
}

fn item(
    exercise: Exercise,
    rx: Gated<Prescription>,
    settings: &Settings,
    history: &[Entry],
    date: Date,
    safety: &crate::safety::Safety,
) -> Item {
    // What the log says about the day comes from the day facts; the day's own dose (which may
    // be off the ladder) says how many bouts and minutes it needs.
    let lo = history.partition_point(|e| e.date < date);
    let hi = history.partition_point(|e| e.date <= date);
    let mut facts = crate::days::of(&exercise, &history[lo..hi], safety, date, date);
    facts.needed = rx.dose.sessions();
    facts.target_minutes = rx.dose.walk_total();
    let mut cues = exercise.cues.clone();
    // "Move the roller higher" only makes sense when there is a next position.
    if let Some(cue) = exercise.next_set_cue.as_ref().filter(|_| rx.dose.sets() > 1) {
        cues.push(cue.clone());
    }
    // Avoiding flexion, the hinge cue comes right after the set-up line; it does not replace it
    // (issue 20: the user still needs to know how to sit).
    if settings.avoid_flexion
        && let Some(cue) = &exercise.flexion_cue
    {
        cues.insert(cues.len().min(1), cue.clone());
    }
    // One line a day: a day's walk bouts are one session, its worst rating and highest pain.
    let recent = crate::days::sessions_before(history, &exercise.id, date, RECENT)
        .into_iter()
        .map(|(date, feedback, pain)| Session { date, feedback, pain })
        .collect();
    Item {
        exercise,
        rx,
        done: facts.done,
        needed: facts.needed,
        // A done entry after a skip replaces it (the rules allow it with a note); undoing the
        // done brings the skip back.
        skipped: facts.skipped,
        last_logged: facts.last_logged.clone(),
        last_entry: history[lo..hi].iter().rev().find(|e| Some(&e.id) == facts.last_logged.as_ref()).cloned(),
        cues,
        note: facts.note.clone(),
        recent,
        lift: None,
        facts,
    }
}

#[cfg(test)]
mod tests;
