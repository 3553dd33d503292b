//! A generated 12-week history for the report's tests, its screenshot script and the Progress
//! screen's snapshots: daily sessions at the doses the rules prescribe (so dose changes carry
//! real reasons), pain easing with a flare-up in week 5, weekly check-ins, a see-a-GP sign and a
//! leg-symptom pause, both cleared, and a few notes. Deterministic; pure.

use jiff::ToSpan;
use jiff::civil::Date;

use crate::catalog::Catalog;
use crate::log::{Activity, Entry, EntryKind, Feedback};
use crate::settings::Settings;

/// Activities of the sample check-ins, with their first and last scores.
const ACTIVITIES: [(&str, u8, u8); 3] =
    [("sit through a film", 3, 8), ("put on socks", 4, 9), ("carry the shopping", 2, 6)];

/// `weeks` weeks of history ending the day before `today`.
pub fn sample_history(catalog: &Catalog, settings: &Settings, today: Date, weeks: i64) -> Vec<Entry> {
    let days = weeks * 7;
    let start = today.checked_sub(days.days()).expect("a sample starts after year 0");
    let mut log: Vec<Entry> = Vec::new();
    let mut n = 0;
    let mut add = |log: &mut Vec<Entry>, date: Date, kind: EntryKind, f: &dyn Fn(&mut Entry)| {
        n += 1;
        let mut e =
            Entry::new(format!("sample-{n:05}"), date, format!("{date}T08:{:02}:00+01:00", n % 60), kind);
        f(&mut e);
        log.push(e);
    };
    let routine: Vec<_> = settings.routine(catalog).into_iter().cloned().collect();
    add(&mut log, start, EntryKind::DisclaimerAccepted, &|_| {});
    for d in 0..days {
        let date = start.checked_add(d.days()).expect("in range");
        let week = d / 7;
        // Pain eases from 5 to 1 over the weeks, with a flare-up (days 29–34) in week 5.
        let flare = (29..35).contains(&d);
        let pain = if flare { 6 } else { (5 - (d * 4 / days)).max(1) as u8 };
        if d == 29 {
            add(&mut log, date, EntryKind::FlareOn, &|_| {});
        }
        if d == 35 {
            add(&mut log, date, EntryKind::FlareOff, &|_| {});
        }
        if d % 7 == 0 && d > 0 {
            let t = week as f64 / (weeks - 1) as f64;
            let checkin_pain = if flare || d == 35 { 7 } else { (6.0 - 3.0 * t).round() as u8 };
            add(&mut log, date, EntryKind::Checkin, &|e| {
                e.pain = Some(checkin_pain);
                e.activities = ACTIVITIES
                    .iter()
                    .map(|(name, a, b)| Activity {
                        name: name.to_string(),
                        score: (f64::from(*a) + (f64::from(*b) - f64::from(*a)) * t).round() as u8,
                    })
                    .collect();
            });
        }
        if d == 50 {
            add(&mut log, date, EntryKind::RedFlagGp, &|_| {});
        }
        if d == 53 {
            add(&mut log, date, EntryKind::Cleared, &|_| {});
        }
        // One day off most weeks, two in the flare week.
        if d % 7 == 5 || (flare && d % 2 == 0) {
            continue;
        }
        for exercise in &routine {
            let id = exercise.id.as_str();
            if (60..64).contains(&d) && id == "bird-dog" {
                continue;
            }
            let mut rx = crate::progression::prescribe_one(settings, &log, exercise, date);
            // The sample user takes a harder form the day it is offered (h in the app).
            if rx.offer.is_some() {
                add(&mut log, date, EntryKind::HarderAccepted, &|e| e.exercise = Some(id.to_string()));
                rx = crate::progression::prescribe_one(settings, &log, exercise, date);
            }
            for bout in 0..rx.dose.sessions() {
                add(&mut log, date, EntryKind::Done, &|e| {
                    e.exercise = Some(id.to_string());
                    e.step = Some(rx.step);
                    e.dose = Some(rx.dose_text.clone());
                    e.feedback = Some(if pain >= 4 { Feedback::Ok } else { Feedback::Easy });
                    e.pain = Some(if id == "walk" { pain.saturating_sub(1) } else { pain.min(3) });
                    e.minutes = rx.dose.walk_bout(bout);
                    if d % 11 == 3 && id == "walk" {
                        e.note = Some(format!(
                            "Walked to the park; back felt {}",
                            if pain > 3 { "stiff" } else { "fine" }
                        ));
                    }
                });
            }
            if d == 60 && id == "side-bridge" {
                add(&mut log, date, EntryKind::LegSymptoms, &|e| e.exercise = Some("bird-dog".into()));
            }
        }
        if d == 64 {
            add(&mut log, date, EntryKind::Cleared, &|e| e.exercise = Some("bird-dog".into()));
        }
    }
    log
}
