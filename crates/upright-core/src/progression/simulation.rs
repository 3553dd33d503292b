//! Personas run day by day for 26 weeks through the real rules, logging every routine exercise
//! at the prescribed dose, with exact step trajectories and invariants over all of them (the
//! clinical review of issue 19 included: walk volume, load-sized step-backs, hard sessions, and
//! random histories checked against the walk oracle).

use std::collections::BTreeMap;

use jiff::ToSpan;
use jiff::civil::{Date, date};

use super::*;
use crate::catalog::Group;
use crate::log::Feedback;

const START: Date = date(2026, 1, 5);
const DAYS: i64 = 182;

/// What a persona does on day `d` for exercise `id`: None = nothing logged that day.
type Persona<'a> = &'a dyn Fn(i64, &str) -> Option<(Feedback, u8)>;

struct Run {
    /// Step of each exercise on each day, as prescribed.
    steps: BTreeMap<String, Vec<u32>>,
    /// The walk's prescribed day total in minutes, each day.
    walk_total: Vec<u32>,
    /// Each exercise's reason, each day.
    reasons: BTreeMap<String, Vec<Option<String>>>,
}

fn simulate(persona: Persona, flare: Option<(i64, i64)>) -> Run {
    simulate_with(&Settings::default(), persona, flare)
}

fn simulate_with(settings: &Settings, persona: Persona, flare: Option<(i64, i64)>) -> Run {
    let catalog = Catalog::builtin();
    let settings = settings.clone();
    let mut log: Vec<Entry> = Vec::new();
    let mut steps: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut walk_total = Vec::new();
    let mut reasons: BTreeMap<String, Vec<Option<String>>> = BTreeMap::new();
    // The walk oracle's memory: the last walked day's total, its pain, and the day.
    let mut last_walk: Option<(i64, u32, u8)> = None;
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
        // The persona takes a harder form the day it is offered (h in the app, issue 20).
        let offered = prescribe(&catalog, &settings, &log, day);
        super::forecast::accept_offers(&offered, &mut log, day);
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
            if let Some(total) = rx.dose.walk_total() {
                walk_total.push(total);
                // The oracle (issue 19): daily walking never rises after pain above 5, a
                // flare-up or 8+ missed days; it falls after pain, unless nothing is lower.
                if let Some((when, before, pain)) = last_walk {
                    let in_flare = flare.is_some_and(|(on, off)| d >= on && d < off);
                    if let Some((on, _)) = flare.filter(|(_, off)| d == *off) {
                        let before_flare = walk_total[on as usize - 1];
                        assert!(total <= before_flare, "out of the flare: {before_flare} -> {total} min");
                    }
                    if pain > 5 || d - when > 8 || in_flare {
                        assert!(total <= before, "walk {before} -> {total} min on day {d} (pain {pain})");
                    }
                    if pain > 5 && rx.step > 1 {
                        assert!(total * 10 <= before * 7, "pain {pain}: {before} -> {total} min on day {d}");
                    }
                }
            }
            reasons.entry(rx.id.clone()).or_default().push(rx.reason.clone());
            let history = steps.entry(rx.id.clone()).or_default();
            let leaving_flare = flare.is_some_and(|(_, off)| d == off);
            // Coming back after a setback (turn 3, C) climbs in stages to a step held in the
            // last 12 weeks, without the one-step-a-week limit; past it, rule 1 again.
            let held = history.iter().rev().take(84).copied().max().unwrap_or(0);
            if let Some(prev) = history.last()
                && rx.step > *prev
                && rx.step > held
                && !leaving_flare
            {
                assert_eq!(rx.step, prev + 1, "{} jumped two steps on day {d}", rx.id);
                if let Some(up) = last_up.insert(rx.id.clone(), d) {
                    assert!(d - up >= 7, "{} advanced twice within 7 days (days {up} and {d})", rx.id);
                }
            }
            history.push(rx.step);
            let Some((feedback, pain)) = persona(d, &rx.id) else { continue };
            if let Some(total) = rx.dose.walk_total() {
                last_walk = Some((d, total, pain));
            }
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
    Run { steps, walk_total, reasons }
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
    let run = simulate(&easy, None);
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
    let run = simulate(&|_, _| Some((Feedback::Hard, 0)), None);
    for (id, steps) in &run.steps {
        assert!(steps.iter().all(|s| *s == 1), "{id}: {:?}", changes(steps));
    }
}

#[test]
fn c_a_pain_7_day_steps_back_the_next_session() {
    let run = simulate(
        &|d, id| Some(if d == 24 && id == "curl-up" { (Feedback::Ok, 7) } else { (Feedback::Easy, 0) }),
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
    let run = simulate(&|d, _| (!(35..=44).contains(&d)).then_some((Feedback::Easy, 0)), None);
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
fn e_a_flare_runs_at_step_one_then_comes_back_in_stages() {
    let run = simulate(&easy, Some((49, 54)));
    let curl = &run.steps["curl-up"];
    assert!(curl[49..54].iter().all(|s| *s == 1), "step 1 during the flare");
    assert_eq!(curl[48], 6);
    // Turn 3, C: one below the pre-flare step 6, back at 6 after 2 good sessions.
    assert_eq!(changes(&curl[54..]), [(0, 5), (2, 6)]);
    let walk = &run.steps["walk"];
    // The walk restarts at half the day's minutes before the flare (22 → 11: 3 × 5 min is
    // 15, so step 1), then 75% (16 min: 6+5+5) and 100% after 2 good days each.
    assert_eq!((walk[48], walk[50], walk[54], walk[56], walk[58]), (8, 1, 1, 2, 8));
    assert_eq!((run.walk_total[48], run.walk_total[54]), (22, 15));
}

fn rng(seed: u64, d: i64, id: &str) -> u64 {
    // splitmix64 over the seed, the day and the id: the same history every run.
    let mut x =
        seed ^ (d as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ id.bytes().map(u64::from).sum::<u64>() << 32;
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

#[test]
fn f_random_histories_hold_the_walk_oracle() {
    // The invariants in `simulate_with` are the oracle: walk minutes never rise after pain above
    // 5, a flare or 8+ missed days, fall to 70% after pain, and the bout never grows past 10%.
    for seed in 0..12u64 {
        let persona = move |d: i64, id: &str| {
            let r = rng(seed, d, id);
            // Whole weeks off now and then, so gaps of 8-30 days happen.
            if rng(seed, d / 7, "gap").is_multiple_of(9) {
                return None;
            }
            match r % 20 {
                0 => None,
                1 => Some((Feedback::Ok, 6 + (r / 20 % 4) as u8)),
                2 | 3 => Some((Feedback::Hard, (r / 20 % 6) as u8)),
                4 => Some((Feedback::Ok, 4)),
                _ => Some((Feedback::Easy, 0)),
            }
        };
        let flare = (seed % 3 == 0).then_some((60 + seed as i64, 66 + seed as i64));
        let settings = Settings {
            level: if seed % 2 == 0 {
                crate::catalog::Level::Active
            } else {
                crate::catalog::Level::Beginner
            },
            ..Settings::default()
        };
        simulate_with(&settings, &persona, flare);
    }
}

#[test]
fn g_pain_on_a_walk_cuts_the_next_days_walking_to_70_percent() {
    let run = simulate(
        &|d, id| Some(if d == 100 && id == "walk" { (Feedback::Ok, 7) } else { (Feedback::Easy, 0) }),
        None,
    );
    let (before, after) = (run.walk_total[100], run.walk_total[101]);
    assert_eq!((before, after), (29, 20), "19 + 5 + 5 min, then 10 + 5 + 5 min (69%)");
    assert_eq!(run.reasons["walk"][101].as_deref(), Some("Shorter walks: pain 7 last time"));
}

#[test]
fn h_hard_on_every_new_step_advances_slower_than_weekly() {
    // Hard on the 1st and 3rd session at each new step: two hard sessions in 7 days hold.
    let run = simulate(
        &|d, _| Some(if d % 7 == 0 || d % 7 == 2 { (Feedback::Hard, 0) } else { (Feedback::Ok, 0) }),
        None,
    );
    let curl = changes(&run.steps["curl-up"]);
    assert!(curl.len() <= 3, "hard twice a week holds the curl-up: {curl:?}");
    let said =
        run.reasons["curl-up"].iter().flatten().any(|r| r.contains("hard sessions in the last 7 days"));
    assert!(said, "the hold says why");
}

#[test]
fn i_hard_every_third_session_gets_advice_after_three_weeks() {
    let run = simulate(&|d, _| Some(if d % 3 == 2 { (Feedback::Hard, 0) } else { (Feedback::Ok, 0) }), None);
    assert!(run.steps["curl-up"][..84].iter().all(|s| *s == 1), "12 weeks at step 1");
    let day = run.reasons["curl-up"]
        .iter()
        .position(|r| r.as_deref().is_some_and(|r| r.contains("weeks with hard sessions")))
        .expect("advice is given");
    assert!((21..=28).contains(&day), "after 3 weeks, on day {day}");
    assert_eq!(
        run.reasons["curl-up"][day].as_deref(),
        Some("Stuck 3 weeks with hard sessions: try dead bug instead, or ask a physio")
    );
}

#[test]
fn j_an_active_walker_comes_out_of_a_flare_at_half_the_walking_before() {
    let active = Settings { level: crate::catalog::Level::Active, ..Settings::default() };
    let run = simulate_with(&active, &easy, Some((150, 155)));
    let walk = &run.steps["walk"];
    assert_eq!(walk[149], 29, "1 × 60 min before the flare");
    assert_eq!(run.walk_total[155], 30, "20 + 5 + 5 min: half the 60, not 1 × 50 min");
    assert_eq!((walk[157], walk[159]), (25, 29), "75% (45: 1 × 42 min), then 100% after 2 good days each");
}

/// The day (from `from`) the walk is back at `step` or above, if within the run.
fn back_at(run: &Run, from: usize, step: u32) -> Option<usize> {
    run.steps["walk"][from..].iter().position(|s| *s >= step)
}

#[test]
fn k_an_active_walker_at_42_min_is_back_within_4_weeks_of_a_5_day_flare() {
    // Four walks a week (Mon, Tue, Thu, Sat), the rest daily, all easy; the walk reaches
    // 1 × 42 min (step 25) and a 5-day flare follows.
    let active = Settings { level: crate::catalog::Level::Active, ..Settings::default() };
    let four =
        |d: i64, id: &str| (id != "walk" || [0, 1, 3, 5].contains(&(d % 7))).then_some((Feedback::Easy, 0));
    let plain = simulate_with(&active, &four, None);
    let at42 = plain.steps["walk"].iter().position(|s| *s == 25).expect("reaches 42 min") as i64;
    let (on, off) = (at42 + 1, at42 + 6);
    let run = simulate_with(&active, &four, Some((on, off)));
    let back = back_at(&run, off as usize, 25).map(|d| d as f64 / 7.0);
    println!("active walker: 42 min on day {at42}, flare {on}..{off}, back at 42 min after {back:?} weeks");
    // Turn 3, C: back within 4 weeks (before: not within the 26 weeks run, about 23 weeks).
    assert!(back.is_some_and(|w| w <= 4.0), "{back:?}");
    // Restart at half the 42 min a day: 11 + 5 + 5 = 21 min.
    assert_eq!(run.walk_total[off as usize], 21);
}

#[test]
fn l_a_beginner_at_29_min_is_back_within_3_weeks_of_one_pain_7_walk() {
    let pained = |d: i64, id: &str| {
        Some(if d == 100 && id == "walk" { (Feedback::Ok, 7) } else { (Feedback::Easy, 0) })
    };
    let run = simulate(&pained, None);
    let step = run.steps["walk"][100];
    let back = back_at(&run, 101, step).map(|d| (d + 1) as f64 / 7.0);
    println!("beginner: {} min (step {step}) on day 100, back after {back:?} weeks", run.walk_total[100]);
    // Turn 3, C: back within 3 weeks (before: 9 weeks in this run, about 14 in the review's).
    assert!(back.is_some_and(|w| w <= 3.0), "{back:?}");
    assert_eq!(run.walk_total[101], 20, "restart at 70% of the 29 min");
    assert_eq!(
        run.reasons["walk"][103].as_deref(),
        Some("Back to 75% of your dose before the setback: 2 good sessions")
    );
}

#[test]
fn m_walks_that_feel_like_effort_are_about_right_not_too_hard() {
    // Turn 3, F: a beginner for whom 2 walks in 7 feel like effort. Rated "too hard" (the old
    // "hard") they hold the walk; rated "about right (can talk, not sing)" (ok) it climbs weekly.
    let effort = |f: Feedback| {
        move |d: i64, id: &str| {
            Some(if id == "walk" && [2, 5].contains(&(d % 7)) { (f, 0) } else { (Feedback::Easy, 0) })
        }
    };
    let too_hard = simulate(&effort(Feedback::Hard), None);
    let about_right = simulate(&effort(Feedback::Ok), None);
    let week16 = |run: &Run| run.steps["walk"][16 * 7 - 1];
    println!("walk step in week 16: too hard {}, about right {}", week16(&too_hard), week16(&about_right));
    assert_eq!(week16(&too_hard), 1, "2 too-hard walks a week hold it (rule 10)");
    assert!(week16(&about_right) >= 16, "about right advances like ok: step {}", week16(&about_right));
}
