//! The report for a physiotherapist (issue 17): what `upright report` puts in its HTML file —
//! who it is for, the period, the routine with doses, every dose change with its reason, the
//! weekly progress numbers, safety events (red flags, leg symptoms, flare-ups) and the user's
//! notes. Pure: built from the loaded entries, the settings and `today`; `html` renders it.

mod course;
mod fmt;
mod glance;
mod glance_html;
mod html;
mod svg;

pub use course::Course;
pub use glance::{Glance, Outcome, Tolerance, WeekDose, words};

pub use fmt::fmt_num;

use jiff::civil::Date;

pub use html::render as html;

use crate::catalog::Catalog;
use crate::config::Settings;
use crate::log::{Entry, EntryKind};
use crate::progress::Progress;

/// A change of step of one exercise, with the dose before and after and why.
#[derive(Debug, Clone, PartialEq)]
pub struct DoseChange {
    pub date: Date,
    pub exercise: String,
    pub from: String,
    pub to: String,
    pub reason: Option<String>,
}

/// A dated line of the safety record ("Emergency sign reported").
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub date: Date,
    pub what: String,
}

/// A routine row: name, today's dose, and (step, the user's cap) for anything but a lift.
pub type RoutineRow = (String, String, Option<(u32, u32)>);

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub name: Option<String>,
    pub from: Date,
    pub to: Date,
    pub progress: Progress,
    /// Today's routine: name, dose, and the step of the user's cap (`None` for a lift, whose
    /// load and reps say where it is).
    pub routine: Vec<RoutineRow>,
    pub changes: Vec<DoseChange>,
    /// Red flags reported and cleared.
    pub red_flags: Vec<Event>,
    /// Leg-symptom pauses and their clearing.
    pub leg: Vec<Event>,
    /// Flare-up periods: start and end (`None`: still on).
    pub flares: Vec<(Date, Option<Date>)>,
    /// Notes and skip reasons: date, exercise name, text.
    pub notes: Vec<(Date, String, String)>,
    /// The check-ins' verdict by clinically important change (COACHING.md turn 3, D).
    pub verdict: Option<crate::checkin::Measure>,
    /// The first page: outcomes, adherence, tolerance, courses, restrictions.
    pub glance: Glance,
    /// Every check-in up to `to`, however old: each is about the week before it was made.
    pub checkins: Vec<crate::checkin::Checkin>,
}

impl Report {
    /// The check-in about the week starting `start`: the last one made in the week after it
    /// (the check-in asks about the last week).
    pub fn about(&self, start: Date) -> Option<&crate::checkin::Checkin> {
        let (lo, hi) =
            (start.checked_add(jiff::ToSpan::days(7)).ok()?, start.checked_add(jiff::ToSpan::days(13)).ok()?);
        self.checkins.iter().rev().find(|c| c.date >= lo && c.date <= hi)
    }

    /// The baseline: the first check-in, when the week it is about is before the report's
    /// first week (so no row of the span shows it).
    pub fn baseline(&self) -> Option<&crate::checkin::Checkin> {
        let first = self.checkins.first()?;
        let about = first.date.checked_sub(jiff::ToSpan::days(7)).ok()?;
        (about < self.from).then_some(first)
    }
}

impl Report {
    /// The report of the last `weeks` weeks up to `today`. `history` needs those weeks and
    /// each exercise's last entry before them (for the dose a change started from).
    pub fn build(
        catalog: &Catalog,
        settings: &Settings,
        history: &[Entry],
        today: Date,
        weeks: u32,
    ) -> Report {
        let progress = Progress::build(catalog, settings, history, today, weeks);
        let glance = Glance::build(catalog, settings, history, &progress);
        let from = progress.weeks.first().map_or(today, |w| w.start);
        let name = |id: &str| catalog.get(id).map_or(id.to_string(), |e| e.name.clone());
        let day = crate::today::Day::build(catalog, settings, history, today);
        let routine = day
            .items
            .iter()
            .map(|i| {
                let lift = crate::strength::LIFTS.contains(&i.exercise.id.as_str());
                let cap = settings.cap_step(&i.exercise).max(i.rx.step);
                (i.exercise.name.clone(), i.dose_line(), (!lift).then_some((i.rx.step, cap)))
            })
            .collect();
        let in_span = |e: &&Entry| e.date >= from && e.date <= today;
        let mut changes = Vec::new();
        for exercise in settings.routine(catalog) {
            let mut last: Option<&Entry> = None;
            for e in history
                .iter()
                .filter(|e| e.kind == EntryKind::Done && e.is_for(&exercise.id) && e.date <= today)
            {
                if let (Some(prev), Some(step)) = (last, e.step)
                    && prev.step.is_some_and(|p| p != step)
                    && e.date >= from
                {
                    // The reason the app gave that day: the rules replayed on the log as it was.
                    let rx = crate::progression::prescribe_one(settings, history, exercise, e.date);
                    let dose =
                        |x: &Entry| x.dose.clone().unwrap_or_else(|| format!("step {}", x.step.unwrap_or(0)));
                    changes.push(DoseChange {
                        date: e.date,
                        exercise: exercise.name.clone(),
                        from: dose(prev),
                        to: dose(e),
                        reason: rx.reason.clone(),
                    });
                }
                last = Some(e);
            }
        }
        changes.sort_by_key(|c| c.date);
        let mut red_flags = Vec::new();
        let mut leg = Vec::new();
        let mut notes: Vec<(Date, String, String)> = Vec::new();
        let mut merged: Vec<String> = Vec::new();
        for e in history.iter().filter(in_span) {
            let what = match (&e.kind, &e.exercise) {
                (EntryKind::RedFlagEmergency, _) => "Emergency sign reported; routine locked".to_string(),
                (EntryKind::RedFlagGp, _) => "See-a-GP sign reported; doses paused".to_string(),
                (EntryKind::Cleared, None) => "A clinician checked the sign reported; cleared".to_string(),
                (EntryKind::LegSymptoms, Some(id)) => {
                    leg.push(Event { date: e.date, what: format!("{}: pain down a leg; paused", name(id)) });
                    continue;
                }
                (EntryKind::Cleared, Some(id)) => {
                    leg.push(Event {
                        date: e.date,
                        what: format!("{}: cleared by a clinician; resumed", name(id)),
                    });
                    continue;
                }
                _ => {
                    let text = e.note.as_ref().or(e.reason.as_ref().filter(|_| e.kind == EntryKind::Skipped));
                    if let Some(text) = text.filter(|t| !t.trim().is_empty()) {
                        let about = e.exercise.as_deref().map(name).unwrap_or_default();
                        let about =
                            if e.kind == EntryKind::Skipped { format!("{about} (skipped)") } else { about };
                        // One row for the same words the same day (a rest day skips them all).
                        match notes.last_mut() {
                            Some(last) if last.0 == e.date && &last.2 == text => {
                                if !merged.contains(&about) {
                                    merged.push(about);
                                }
                            }
                            _ => {
                                merge(&mut notes, &mut merged);
                                merged.push(about);
                                notes.push((e.date, String::new(), text.clone()));
                            }
                        }
                    }
                    continue;
                }
            };
            red_flags.push(Event { date: e.date, what });
        }
        merge(&mut notes, &mut merged);
        Report {
            name: settings.name.clone(),
            from,
            to: today,
            routine,
            changes,
            red_flags,
            leg,
            flares: flares(history, from, today),
            notes,
            verdict: progress.verdict,
            checkins: crate::checkin::checkins(history).into_iter().filter(|c| c.date <= today).collect(),
            glance,
            progress,
        }
    }
}

/// Names the last note row by the exercises it was written for: one by its name, more by count.
fn merge(notes: &mut [(Date, String, String)], merged: &mut Vec<String>) {
    if let Some(last) = notes.last_mut()
        && !merged.is_empty()
    {
        last.1 = if merged.len() == 1 {
            merged[0].clone()
        } else {
            let skipped = merged.iter().all(|m| m.ends_with("(skipped)"));
            format!("{} exercises{}", merged.len(), if skipped { " (skipped)" } else { "" })
        };
    }
    merged.clear();
}

/// Flare-up periods overlapping `[from, to]`, from the on/off entries of the whole history.
fn flares(history: &[Entry], from: Date, to: Date) -> Vec<(Date, Option<Date>)> {
    let mut out: Vec<(Date, Option<Date>)> = Vec::new();
    let mut on: Option<Date> = None;
    for e in history.iter().filter(|e| e.date <= to) {
        match e.kind {
            EntryKind::FlareOn if on.is_none() => on = Some(e.date),
            EntryKind::FlareOff => {
                if let Some(start) = on.take()
                    && e.date >= from
                {
                    out.push((start, Some(e.date)));
                }
            }
            _ => {}
        }
    }
    out.extend(on.map(|start| (start, None)));
    out
}

#[cfg(test)]
mod glance_tests;
#[cfg(test)]
mod tests;
