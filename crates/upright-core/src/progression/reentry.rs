//! Coming back after a setback (COACHING.md turn 3, C): after pain above 5 or a flare-up, the
//! exercise restarts at about half and returns in stages — 75% of the dose before the setback
//! after 2 good sessions at the restart, 100% after 2 good sessions at 75% — to a dose done
//! without trouble in the last 12 weeks, with no one-step-a-week limit on the way. A hard
//! session or pain 4–5 holds the stage; pain above 5 restarts it. Pure.

use jiff::civil::Date;

use super::days_between;
use super::sessions::Session;
use crate::catalog::Exercise;

/// How far back a dose done without trouble still counts as the way back's target.
pub(super) const TARGET_DAYS: i64 = 84;

/// A way back under way: the dose to return to and the stages on the way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Reentry {
    /// The step before the setback (done without trouble in the last 12 weeks).
    pub target: u32,
    /// The step the exercise restarted at.
    pub restart: u32,
    /// The stage between: 75% of the target (the walk's total minutes; one step below for the
    /// rest), never below the restart.
    pub middle: u32,
    /// The first day whose sessions count toward the stages: the day after the painful
    /// session, or the day the flare-up ended.
    pub from: Date,
}

impl Reentry {
    pub(super) fn new(ex: &Exercise, target: u32, restart: u32, from: Date) -> Reentry {
        let restart = restart.min(target).max(1);
        let middle = match ex.dose(target).walk_total() {
            // 75% of the target's minutes, rounded down to a ladder step.
            Some(total) => at_most(ex, target, total * 75).unwrap_or(1),
            None => target.saturating_sub(1),
        }
        .max(restart);
        Reentry { target, restart, middle, from }
    }

    /// The stage after `step`: the middle, then the target.
    pub fn next(&self, step: u32) -> u32 {
        if step < self.middle { self.middle } else { self.target }
    }

    /// "75%" or "100%": what the stage after `step` is of the dose before the setback.
    pub fn share(&self, step: u32) -> &'static str {
        if self.next(step) < self.target { "75%" } else { "100%" }
    }
}

/// The highest step up to `top` whose day of walking is at most `hundredths` / 100 minutes.
pub(super) fn at_most(ex: &Exercise, top: u32, hundredths: u32) -> Option<u32> {
    (1..=top).rev().find(|s| ex.dose(*s).walk_total().is_some_and(|t| t * 100 <= hundredths))
}

/// The walk's restart after a flare-up: half the daily minutes before it, never below the
/// walks during it (their longest day, in minutes).
pub(super) fn walk_after_flare(ex: &Exercise, before: u32, flare_day: u32) -> u32 {
    let half = ex.dose(before).walk_total().unwrap_or(0) * 50;
    at_most(ex, before, half.max(flare_day * 100)).unwrap_or(1)
}

/// A session that went without trouble: not hard, pain in the safe zone, the whole dose.
fn untroubled(s: &Session) -> bool {
    !s.hard && s.pain <= 3 && !s.partial()
}

/// The way back the sessions (oldest first, since the last flare-up ended) are on, if any: from
/// `flare` (the way back out of a flare-up), restarted by each pain-above-5 session — to the way
/// back it interrupted, else to the highest step up to its own done without trouble in the 12
/// weeks before it. `restart` gives the step a painful session restarts at. A way back is over
/// once a session reached its target, and after 12 weeks. One pass over the sessions.
pub(super) fn current(
    ex: &Exercise,
    sessions: &[Session],
    flare: Option<Reentry>,
    restart: &dyn Fn(usize) -> u32,
    date: Date,
) -> Option<Reentry> {
    let over = |r: &Reentry, s: &Session| {
        (s.date >= r.from && s.step >= r.target) || days_between(r.from, s.date) > TARGET_DAYS
    };
    let mut back = flare;
    for (i, s) in sessions.iter().enumerate() {
        if back.is_some_and(|r| over(&r, s)) {
            back = None;
        }
        if s.pain <= 5 {
            continue;
        }
        let target = back.map(|r| r.target).or_else(|| {
            sessions[..i]
                .iter()
                .rev()
                .take_while(|b| days_between(b.date, s.date) <= TARGET_DAYS)
                .filter(|b| untroubled(b) && b.step <= s.step)
                .map(|b| b.step)
                .max()
        });
        let from = s.date.tomorrow().ok();
        back = target
            .zip(from)
            .map(|(t, from)| Reentry::new(ex, t, restart(i), from))
            .filter(|r| r.restart < r.target);
    }
    back.filter(|r| days_between(r.from, date) <= TARGET_DAYS)
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::catalog::Catalog;

    fn session(day: i8, step: u32, pain: u8, hard: bool) -> Session {
        Session {
            date: date(2026, 3, day),
            step,
            hard,
            easy: false,
            pain,
            held: false,
            minutes: 0,
            bouts: 1,
            needed: 1,
            cut: false,
            total: 0,
            not_settled: false,
            cardio_minutes: 0,
        }
    }

    #[test]
    fn stages_are_75_and_100_percent_of_the_dose_before() {
        let catalog = Catalog::builtin();
        let walk = catalog.get("walk").unwrap();
        let curl = catalog.get("curl-up").unwrap();
        // (exercise, target, restart, middle): the walk by its total minutes (step 25 is 1 × 42
        // min: 75% is 31.5, so 22+5+4 = 31 min, step 17; step 15 is 29 min: 75% is 21.75, so
        // 11+5+5 = 21 min, step 7); the holds one step below.
        let cases = [(walk, 25, 6, 17), (walk, 15, 6, 7), (walk, 15, 9, 9), (curl, 5, 4, 4), (curl, 1, 1, 1)];
        for (ex, target, restart, middle) in cases {
            let r = Reentry::new(ex, target, restart, date(2026, 3, 1));
            assert_eq!(r.middle, middle, "{} {target}", ex.id);
            assert_eq!((r.next(restart), r.next(middle)), (middle.max(r.next(restart)), target));
        }
        // Out of a flare: half the minutes before it (42 → 21: 11+5+5), never below its walks.
        assert_eq!(walk_after_flare(walk, 25, 5), 7);
        assert_eq!(walk_after_flare(walk, 25, 30), 16);
        assert_eq!(walk_after_flare(walk, 2, 0), 1);
    }

    #[test]
    fn the_way_back_runs_from_the_last_setback_to_the_dose_before_it() {
        let catalog = Catalog::builtin();
        let curl = catalog.get("curl-up").unwrap();
        let on = date(2026, 3, 28);
        // (what, sessions, target)
        let cases: Vec<(&str, Vec<Session>, Option<u32>)> = vec![
            ("no setback", vec![session(1, 5, 0, false)], None),
            (
                "pain 7 at a step done well before",
                vec![session(1, 5, 0, false), session(2, 5, 7, false)],
                Some(5),
            ),
            (
                "pain 7 on a new step: back to the one before",
                vec![session(1, 4, 0, false), session(8, 5, 7, false)],
                None,
            ),
            (
                "the target reached",
                vec![session(1, 5, 0, false), session(2, 5, 7, false), session(5, 5, 0, false)],
                None,
            ),
            (
                "pain again on the way back restarts it, same target",
                vec![session(1, 5, 0, false), session(2, 5, 7, false), session(3, 4, 7, false)],
                Some(5),
            ),
            ("hard sessions are trouble", vec![session(1, 5, 0, true), session(2, 5, 7, false)], None),
        ];
        for (what, sessions, want) in cases {
            let one_below = |i: usize| sessions[i].step - 1;
            let got = current(curl, &sessions, None, &one_below, on).map(|r| r.target);
            assert_eq!(got, want, "{what}");
        }
    }
}
