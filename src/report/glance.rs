//! The report's first page (COACHING.md turn 3, H; issue 29): what a physiotherapist reads in
//! two minutes — each measure baseline → now with its meaningful-change verdict, adherence as a
//! share of the prescribed sessions and walk minutes, tolerance counts, each exercise from start
//! to best to now (loads in words) with its step-backs and why, the restrictions in force and
//! the recurrences. Pure: built from the progress (its day facts and verdict), the log and the
//! settings; never a second count of the log where the day facts have the number.

use jiff::civil::Date;

use super::course::Course;
use crate::catalog::{Catalog, Level};
use crate::checkin::{Verdict, judge};
use crate::config::Settings;
use crate::days::Advised;
use crate::log::{Entry, EntryKind, Feedback};
use crate::progress::Progress;

/// The verdict in the report's words.
pub fn words(v: Verdict) -> &'static str {
    match v {
        Verdict::Better => "important improvement",
        Verdict::NoChange => "no important change",
        Verdict::Worse => "important worsening",
    }
}

/// One outcome measure: baseline → now and its verdict by the thresholds of `checkin::judge`.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub what: &'static str,
    /// Its own baseline and latest dates, when not the check-ins' (the RMDQ).
    pub when: Option<(Date, Date)>,
    pub baseline: f64,
    pub now: f64,
    pub verdict: Verdict,
}

/// One week's dose: sessions prescribed and done (done as advised counts), walk minutes.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekDose {
    pub start: Date,
    pub prescribed: u32,
    pub done: u32,
    pub walk_minutes: u32,
    pub walk_target: u32,
    /// The week has not ended yet: shown, never counted in the share.
    pub in_progress: bool,
}

/// Tolerance over the span.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tolerance {
    /// Sessions stopped for pain above 5.
    pub stopped: u32,
    /// Hard ratings per exercise (name, count), the exercises with any.
    pub hard: Vec<(String, u32)>,
    /// Mornings the back had not settled.
    pub not_settled: u32,
    /// Sessions cut short.
    pub cut_short: u32,
    /// Sessions done as another form (name of the form, count).
    pub alternatives: Vec<(String, u32)>,
    /// Exercises paused for pain down a leg, per day.
    pub paused: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Glance {
    pub outcomes: Vec<Outcome>,
    /// Baseline and latest check-in dates of the verdict.
    pub window: Option<(Date, Date)>,
    pub weeks: Vec<WeekDose>,
    pub tolerance: Tolerance,
    pub courses: Vec<Course>,
    pub restrictions: Vec<String>,
}

impl Glance {
    /// Done over prescribed sessions in the weeks that have ended, as a whole percent.
    pub fn sessions_pct(&self) -> Option<u32> {
        let ended = self.weeks.iter().filter(|w| !w.in_progress);
        let (done, rx) = ended.fold((0, 0), |(d, r), w| (d + w.done.min(w.prescribed), r + w.prescribed));
        (rx > 0).then(|| (f64::from(done) * 100.0 / f64::from(rx)).round() as u32)
    }

    /// Walk minutes over the weekly targets in the weeks that have ended, as a whole percent.
    pub fn walk_pct(&self) -> Option<u32> {
        let ended = self.weeks.iter().filter(|w| !w.in_progress);
        let (done, rx) =
            ended.fold((0, 0), |(d, r), w| (d + w.walk_minutes.min(w.walk_target), r + w.walk_target));
        (rx > 0).then(|| (f64::from(done) * 100.0 / f64::from(rx)).round() as u32)
    }

    pub fn build(catalog: &Catalog, settings: &Settings, history: &[Entry], p: &Progress) -> Glance {
        let today = p.today;
        let from = p.weeks.first().map_or(today, |w| w.start);
        let mut outcomes = Vec::new();
        if let Some(m) = &p.verdict {
            outcomes.push(Outcome {
                what: "Back pain (0–10)",
                when: None,
                baseline: m.pain.0,
                now: m.pain.1,
                verdict: judge(m.pain, None),
            });
            if let Some(psfs) = m.psfs {
                // The PSFS alone: pain held still so only the activities' change speaks.
                outcomes.push(Outcome {
                    what: "Activities, PSFS mean (0–10)",
                    when: None,
                    baseline: psfs.0,
                    now: psfs.1,
                    verdict: judge((0.0, 0.0), Some(psfs)),
                });
            }
        }
        if let Some(((d0, b), (d1, n), verdict)) = p.rmdq {
            outcomes.push(Outcome {
                what: "Disability, RMDQ (0–24)",
                when: Some((d0, d1)),
                baseline: f64::from(b),
                now: f64::from(n),
                verdict,
            });
        }
        let routine = settings.routine(catalog);
        let walk = routine.iter().position(|e| e.id == "walk");
        let daily = routine.len() as u32 - u32::from(settings.level == Level::Active && walk.is_some());
        let walk_days = match settings.level {
            Level::Beginner => u32::from(settings.days_per_week),
            Level::Active => u32::from(settings.walk_days_per_week),
        };
        let weeks = p
            .weeks
            .iter()
            .map(|w| {
                let end = w.start.checked_add(jiff::ToSpan::days(6)).unwrap_or(w.start);
                let done = p
                    .days
                    .iter()
                    .filter(|d| d.date >= w.start && d.date <= end)
                    .map(|d| {
                        d.exercises
                            .iter()
                            .enumerate()
                            .filter(|(i, f)| {
                                !(settings.level == Level::Active && Some(*i) == walk)
                                    && (f.is_done() || f.advised.is_some())
                            })
                            .count() as u32
                    })
                    .sum();
                let walk_target = walk
                    .and_then(|i| {
                        let step = w.steps.get(i).copied().flatten()?;
                        routine[i].dose(step).walk_total()
                    })
                    .map_or(0, |m| m * walk_days);
                WeekDose {
                    start: w.start,
                    prescribed: daily * u32::from(settings.days_per_week),
                    done,
                    walk_minutes: w.walk_minutes,
                    walk_target,
                    in_progress: end > today || (end == today && !p.days.last().is_some_and(|d| d.complete)),
                }
            })
            .collect();
        let mut t = Tolerance::default();
        let name = |id: &str| catalog.get(id).map_or(id.to_string(), |e| e.name.clone());
        for d in &p.days {
            for f in &d.exercises {
                match f.advised {
                    Some(Advised::Stopped(_)) => t.stopped += 1,
                    Some(Advised::Paused) => t.paused += 1,
                    _ => {}
                }
                if f.worst == Some(Feedback::Hard) {
                    bump(&mut t.hard, name(&f.id));
                }
                if f.partial {
                    t.cut_short += 1;
                }
                if let (Some(v), true) = (&f.variant, f.done > 0) {
                    let form = catalog
                        .get(&f.id)
                        .and_then(|e| e.variant(v))
                        .map_or(v.clone(), |x| format!("{}: {}", name(&f.id), x.name));
                    bump(&mut t.alternatives, form);
                }
            }
        }
        // Lifts are not routine exercises, so not in the day facts: their sessions per day (the
        // day's worst rating and highest pain) from the same module.
        let after = today.tomorrow().unwrap_or(today);
        for id in crate::strength::LIFTS {
            for (date, worst, pain) in crate::days::sessions_before(history, id, after, history.len()) {
                if date < from {
                    break;
                }
                if worst == Some(Feedback::Hard) {
                    bump(&mut t.hard, name(id));
                }
                if pain.is_some_and(|p| p > 5) {
                    t.stopped += 1;
                }
            }
            let mut days: Vec<(Date, String)> = history
                .iter()
                .filter(|e| e.kind == EntryKind::Done && e.is_for(id) && e.date >= from && e.date <= today)
                .filter_map(|e| Some((e.date, e.variant.clone()?)))
                .collect();
            days.dedup();
            for (_, v) in days {
                let form = catalog.get(id).and_then(|e| e.variant(&v)).map_or(v.clone(), |x| x.name.clone());
                bump(&mut t.alternatives, format!("{}: {form}", name(id)));
            }
        }
        let mut mornings: Vec<Date> = history
            .iter()
            .filter(|e| e.kind == EntryKind::NotSettled && e.date >= from && e.date <= today)
            .map(|e| e.date)
            .collect();
        mornings.dedup();
        t.not_settled = mornings.len() as u32;
        Glance {
            outcomes,
            window: p.verdict.map(|m| (m.from, m.to)),
            weeks,
            tolerance: t,
            courses: super::course::courses(catalog, settings, history, from, today),
            restrictions: restrictions(catalog, settings),
        }
    }
}

fn bump(list: &mut Vec<(String, u32)>, key: String) {
    match list.iter_mut().find(|(k, _)| *k == key) {
        Some((_, n)) => *n += 1,
        None => list.push((key, 1)),
    }
}

/// The level, the avoid settings and every cap a clinician set in the config.
pub fn restrictions(catalog: &Catalog, settings: &Settings) -> Vec<String> {
    let mut out = vec![format!(
        "Level: {}",
        match settings.level {
            Level::Beginner => "beginner",
            Level::Active => "active",
        }
    )];
    if settings.avoid_extension {
        out.push("Avoids extension (back-bending exercises left out)".into());
    }
    if settings.avoid_flexion {
        out.push("Avoids flexion (curl-up replaced by the dead bug)".into());
    }
    for (id, o) in &settings.overrides {
        let Some(ex) = catalog.get(id) else { continue };
        if o.enabled == Some(false) {
            out.push(format!("{}: switched off", ex.name));
        }
        if let Some(cap) = o.cap_step {
            let cap = cap.clamp(1, ex.top());
            out.push(format!("{}: capped at {} (step {cap})", ex.name, ex.dose_text(cap)));
        }
    }
    let units = settings.strength.units;
    for (id, lift) in &settings.strength.lifts {
        if let (Some(cap), Some(ex)) = (lift.cap, catalog.get(id)) {
            out.push(format!("{}: maintenance load {} {units}", ex.name, super::fmt_num(cap)));
        }
    }
    out
}
