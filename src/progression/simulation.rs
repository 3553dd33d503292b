//! Five personas run day by day for 26 weeks through the real rules, logging every routine
//! exercise at the prescribed dose, with exact step trajectories and invariants over all of them.

use std::collections::BTreeMap;

use jiff::ToSpan;
use jiff::civil::{Date, date};

use super::*;
use crate::catalog::Group;

const START: Date = date(2026, 1, 5);
const DAYS: i64 = 182;

/// What a persona does on day `d` for exercise `id`: None = nothing logged that day.
type Persona = fn(i64, &str) -> Option<(Feedback, u8)>;

struct Run {
    /// Step of each exercise on each day, as prescribed.
    steps: BTreeMap<String, Vec<u32>>,
}

fn simulate(persona: Persona, flare: Option<(i64, i64)>) -> Run {
    let catalog = Catalog::builtin();
    let settings = Settings::default();
    let mut log: Vec<Entry> = Vec::new();
    let mut steps: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut last_up: BTreeMap<String, i64> = BTreeMap::new();
    for d in 0..DAYS {
        let day = START.checked_add(d.days()).unwrap();
        if let Some((on, off)) = flare {
            let kind = if d == on {
                Some(EntryKind::FlareOn)
            } else if d == off {
                Some(EntryKind::FlareOff)
            } else {
                None
            };
            if let Some(kind) = kind {
                log.push(Entry::new(format!("{d}-flare"), day, format!("{day}T06:00:00Z"), kind));
            }
        }
        for rx in prescribe(&catalog, &settings, &log, day) {
            let ex = catalog.get(&rx.id).unwrap();
            // Invariants, every day, every persona.
            assert!(
                rx.step >= 1 && rx.step <= settings.cap_step(ex),
                "{} step {} on day {d}",
                rx.id,
                rx.step
            );
            if ex.group == Group::Core {
                assert!(rx.dose.hold_secs() <= 10, "core hold over 10 s");
            }
            if let Some(m) = rx.dose.walk_minutes() {
                let from = day.checked_sub(30.days()).unwrap();
                let longest = log
                    .iter()
                    .filter(|e| e.is_for("walk") && e.date >= from && e.kind == EntryKind::Done)
                    .filter_map(|e| e.minutes)
                    .max();
                if let Some(l) = longest {
                    assert!(m <= l + (l / 10).max(1), "walk bout {m} min after a longest of {l} on day {d}");
                }
            }
            let history = steps.entry(rx.id.clone()).or_default();
            let leaving_flare = flare.is_some_and(|(_, off)| d == off);
            if let Some(prev) = history.last()
                && rx.step > *prev
                && !leaving_flare
            {
                assert_eq!(rx.step, prev + 1, "{} jumped two steps on day {d}", rx.id);
                if let Some(up) = last_up.insert(rx.id.clone(), d) {
                    assert!(d - up >= 7, "{} advanced twice within 7 days (days {up} and {d})", rx.id);
                }
            }
            history.push(rx.step);
            let Some((feedback, pain)) = persona(d, &rx.id) else { continue };
            for b in 0..rx.dose.sessions() {
                let mut e = Entry::new(
                    format!("{d}-{}-{b}", rx.id),
                    day,
                    format!("{day}T08:{b:02}:00Z"),
                    EntryKind::Done,
                );
                e.exercise = Some(rx.id.clone());
                e.step = Some(rx.step);
                e.feedback = Some(feedback);
                e.pain = Some(pain);
                e.minutes = rx.dose.walk_bout(b);
                log.push(e);
            }
        }
    }
    Run { steps }
}

/// Day numbers at which `steps` changes, with the new step: [(day, step), ...].
fn changes(steps: &[u32]) -> Vec<(i64, u32)> {
    let mut out = vec![(0, steps[0])];
    for (d, w) in steps.windows(2).enumerate() {
        if w[1] != w[0] {
            out.push((d as i64 + 1, w[1]));
        }
    }
    out
}

fn easy(_: i64, _: &str) -> Option<(Feedback, u8)> {
    Some((Feedback::Easy, 0))
}

#[test]
fn a_always_easy_climbs_one_step_a_week_to_the_caps() {
    let run = simulate(easy, None);
    // Up after the first 3 sessions (day 3), then one step every 7 days.
    let weekly = |to: u32| {
        let mut out = vec![(0, 1)];
        out.extend((2..=to).map(|s| (3 + (s as i64 - 2) * 7, s)));
        out
    };
    assert_eq!(changes(&run.steps["curl-up"]), weekly(6), "curl-up reaches its cap on day 31, in week 5");
    assert_eq!(changes(&run.steps["side-bridge"]), weekly(7));
    assert_eq!(changes(&run.steps["hamstring-stretch"]), weekly(2));
    assert_eq!(changes(&run.steps["thoracic-extension"]), weekly(6));
    // The walk reaches 30 minutes (step 21) on day 136, in week 20, and stays.
    assert_eq!(changes(&run.steps["walk"]), weekly(21));
}

#[test]
fn b_always_hard_never_advances() {
    let run = simulate(|_, _| Some((Feedback::Hard, 0)), None);
    for (id, steps) in &run.steps {
        assert!(steps.iter().all(|s| *s == 1), "{id}: {:?}", changes(steps));
    }
}

#[test]
fn c_a_pain_7_day_steps_back_the_next_session() {
    let run = simulate(
        |d, id| Some(if d == 24 && id == "curl-up" { (Feedback::Ok, 7) } else { (Feedback::Easy, 0) }),
        None,
    );
    // Up to step 5 on day 24, where pain 7 ends it; step 4 the next day, then weekly again.
    assert_eq!(
        changes(&run.steps["curl-up"]),
        [(0, 1), (3, 2), (10, 3), (17, 4), (24, 5), (25, 4), (32, 5), (39, 6)]
    );
    // Other exercises are untouched.
    assert_eq!(changes(&run.steps["bird-dog"]).len(), 6);
}

#[test]
fn d_a_ten_day_gap_costs_one_step() {
    // Nothing logged on days 35..=44 (week 6), then easy again.
    let run = simulate(|d, _| (!(35..=44).contains(&d)).then_some((Feedback::Easy, 0)), None);
    // Curl-up reached its cap (6) on day 31; the last session before the gap was day 34. The
    // dose shown drops to 5 on day 43 (8 days off), where the user resumes on day 45, and
    // climbs back 7 days later.
    assert_eq!(
        changes(&run.steps["curl-up"]),
        [(0, 1), (3, 2), (10, 3), (17, 4), (24, 5), (31, 6), (43, 5), (52, 6)]
    );
    // The walk was shown step 7 on day 38 (3 days off: carry on) but last walked at 6: it
    // repeats 6 on day 39, drops to 5 on day 43, and reaches 30 minutes 21 days late.
    let walk = changes(&run.steps["walk"]);
    assert_eq!(
        walk[..10],
        [(0, 1), (3, 2), (10, 3), (17, 4), (24, 5), (31, 6), (38, 7), (39, 6), (43, 5), (52, 6)]
    );
    assert_eq!(walk.last(), Some(&(157, 21)));
}

#[test]
fn e_a_flare_runs_at_step_one_then_resumes_two_below() {
    let run = simulate(easy, Some((49, 54)));
    let curl = &run.steps["curl-up"];
    assert!(curl[49..54].iter().all(|s| *s == 1), "step 1 during the flare");
    assert_eq!(curl[48], 6);
    assert_eq!(curl[54], 4, "two below the pre-flare step 6");
    assert_eq!(changes(&curl[54..]), [(0, 4), (7, 5), (14, 6)]);
    let walk = &run.steps["walk"];
    assert_eq!((walk[48], walk[50], walk[54], walk[61]), (8, 1, 6, 7));
}
