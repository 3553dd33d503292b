//! A 16-week persona run through the strength rules: the trajectory printed in docs/coaching.md
//! ("Strength days"). Run it with `cargo test --lib strength_persona -- --nocapture`.

use crate::catalog::Level;
use jiff::ToSpan;
use jiff::civil::{Date, date};

use super::*;
use crate::catalog::Catalog;
use crate::log::{Entry, EntryKind, Feedback};

/// Beginner, two strength days a week, goblet squat from 8 kg in 2 kg steps, rated by reps in
/// reserve. Her strength (the load she can lift 12 times) starts at 10 kg and grows 2% a
/// session she trains. Two weeks away in weeks 7–8; in week 11 a session hurts (pain 6).
#[test]
fn strength_persona_sixteen_weeks() {
    let catalog = Catalog::builtin();
    let squat = catalog.get("goblet-squat").unwrap();
    let mut s = StrengthSettings { enabled: true, ..StrengthSettings::default() };
    s.lifts.insert("goblet-squat".into(), LiftConfig { load: Some(8.0), increment: Some(2.0), cap: None });
    let per_week = s.per_week(Level::Beginner);
    let range = RepRange::of(squat);
    let start = date(2026, 1, 5); // a Monday
    let week_start = |d: Date| d.checked_sub((d.weekday().to_monday_zero_offset() as i64).days()).unwrap();
    let mut strength = 10.0_f64;
    let mut history: Vec<Entry> = Vec::new();
    let mut days: Vec<Date> = Vec::new();
    let mut rows = vec!["week  date         load  reps  done  rating   because".to_string()];
    let mut pained = false;
    for i in 0..16 * 7 {
        let today = start.checked_add(i.days()).unwrap();
        let week = i / 7 + 1;
        if !is_strength_day(&days, today, week_start(today), per_week) || (7..=8).contains(&week) {
            continue;
        }
        let p = prescribe(squat, &s, per_week, &history, today);
        let load = p.load.unwrap();
        // Each kg under her strength is two more reps than 12 possible; over it, fewer.
        let can = (12.0 + (strength - load) * 2.0).floor().max(0.0) as u32;
        let done = can.min(p.reps);
        // Rated by reps in reserve (turn 3, E): 3 or more left easy, 1-2 ok, none hard.
        let (feedback, pain) = if week == 11 && !pained {
            pained = true;
            (Feedback::Hard, 6)
        } else if done < p.reps || can == p.reps {
            (Feedback::Hard, 2)
        } else if can >= p.reps + 3 {
            (Feedback::Easy, 0)
        } else {
            (Feedback::Ok, 1)
        };
        let mut e = Entry::new(format!("s{i}"), today, format!("{today}T18:00:00+01:00"), EntryKind::Done);
        e.exercise = Some(squat.id.clone());
        e.step = Some(range.step(p.reps));
        e.load = p.load;
        e.reps = Some(done);
        e.feedback = Some(feedback);
        e.pain = Some(pain);
        if let Some(prev) = history.last() {
            let before = prev.load.unwrap();
            assert!(
                load <= before + (before * 0.1).max(2.0),
                "max(10%, increment) a session: {before} → {load}"
            );
        }
        assert!(days.last().is_none_or(|d: &Date| (today - *d).get_days() >= 2), "no consecutive days");
        history.push(e);
        days.push(today);
        strength *= 1.02;
        rows.push(format!(
            "{week:>4}  {today}  {:>5}  {:>4}  {done:>4}  {:<7}  {}",
            format!("{} kg", fmt_load(load)),
            p.reps,
            format!("{feedback}{}", if pain > 0 { format!(" p{pain}") } else { String::new() }),
            p.reason
        ));
    }
    println!("{}", rows.join("\n"));
    let loads: Vec<f64> = history.iter().filter_map(|e| e.load).collect();
    assert_eq!(history.len(), 28, "two a week for 14 weeks");
    assert!(loads.last().unwrap() >= &12.0, "she got stronger: {loads:?}");
    let pain_at = history.iter().position(|e| e.pain == Some(6)).unwrap();
    assert!(loads[pain_at + 1] < loads[pain_at], "pain 6 steps the load back");
}

/// Turn 3, E: an active user on all four lifts for 26 weeks (three a week), whose strength (the
/// load she can lift 12 times) starts a quarter above her starting load and grows 3% a session.
/// Loads never rise more than max(10%, the increment) a session and never pass their caps
/// (before: the row went 6 → 36 kg and the one-hand carry 10 → 40 kg).
#[test]
fn strength_persona_caps_over_twenty_six_weeks() {
    let catalog = Catalog::builtin();
    let mut s = StrengthSettings { enabled: true, ..StrengthSettings::default() };
    let starts =
        [("goblet-squat", 10.0), ("romanian-deadlift", 16.0), ("one-arm-row", 6.0), ("suitcase-carry", 10.0)];
    for (id, load) in starts {
        s.lifts.insert(id.into(), LiftConfig { load: Some(load), ..LiftConfig::default() });
    }
    let start = date(2026, 1, 5);
    let mut history: Vec<Entry> = Vec::new();
    let mut rows = Vec::new();
    for (id, first) in starts {
        let lift = catalog.get(id).unwrap();
        let range = RepRange::of(lift);
        let mut strength = first * 1.25;
        let mut before: Option<f64> = None;
        for i in 0..78 {
            let today = start.checked_add((i / 3 * 7 + [0, 2, 4][i as usize % 3]).days()).unwrap();
            let p = prescribe(lift, &s, 3, &history, today);
            let load = p.load.unwrap();
            if let Some(b) = before {
                assert!(load <= b + (b * 0.1).max(1.0) + 1e-9, "{id}: {b} → {load} on {today}");
            }
            assert!(load <= s.cap(id), "{id}: {load} past the cap {}", s.cap(id));
            // A carry's strength is seconds: 40 s at the load she can hold 40 s.
            let can = if range.wide == range.high {
                (40.0 + (strength - load) * 4.0).floor().max(0.0) as u32
            } else {
                (12.0 + (strength - load) * 2.0).floor().max(0.0) as u32
            };
            let done = can.min(p.reps);
            let feedback = match can.saturating_sub(p.reps) {
                _ if done < p.reps => Feedback::Hard,
                0 => Feedback::Hard,
                1 | 2 => Feedback::Ok,
                _ => Feedback::Easy,
            };
            let mut e =
                Entry::new(format!("{id}{i}"), today, format!("{today}T18:00:00+01:00"), EntryKind::Done);
            e.exercise = Some(id.into());
            e.step = Some(range.step(p.reps));
            e.load = p.load;
            e.reps = Some(done);
            e.feedback = Some(feedback);
            e.pain = Some(0);
            history.push(e);
            before = Some(load);
            strength *= 1.03;
        }
        rows.push(format!("{id}: {first} → {} kg", fmt_load(before.unwrap())));
    }
    println!("{}", rows.join("\n"));
}
