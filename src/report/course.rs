//! One line per exercise for the report's first page (issue 29, item 3): the dose or load at
//! its first session in the span, the best, and the latest, in words ("10 reps at 16 kg", not
//! "step 3 of 5"), named as the form actually done; and each step back with the reason the
//! rules gave that day (replayed on the log as it was). Pure.

use jiff::civil::Date;

use crate::catalog::Catalog;
use crate::config::Settings;
use crate::log::{Entry, EntryKind};

/// A session's dose in words: the logged dose text, and a lift's load and reps.
fn dose(catalog: &Catalog, settings: &Settings, e: &Entry) -> String {
    let units = settings.strength.units;
    let ex = e.exercise.as_deref().and_then(|id| catalog.get(id));
    if crate::strength::LIFTS.contains(&e.exercise.as_deref().unwrap_or("")) {
        let reps = e.reps.map(|r| format!("{r} reps")).unwrap_or_else(|| "a set".into());
        return match e.load {
            Some(load) => format!("{reps} at {} {units}", super::fmt_num(load)),
            None => {
                let form = e.variant.as_deref().and_then(|v| ex.and_then(|x| x.variant(v)));
                match form {
                    Some(v) if v.name.contains("no weight") => format!("{reps}, {}", v.name.to_lowercase()),
                    Some(v) => format!("{reps}, {}, no weight", v.name.to_lowercase()),
                    None => format!("{reps}, no weight"),
                }
            }
        };
    }
    e.dose.clone().unwrap_or_else(|| match (ex, e.step) {
        (Some(x), Some(step)) => x.dose_text(step),
        _ => "done".into(),
    })
}

/// How a session ranks: a lift by its load then reps, anything else by its step.
fn rank(e: &Entry) -> (u64, u32) {
    match e.load {
        Some(load) => ((load * 100.0).round() as u64, e.reps.unwrap_or(0)),
        None if e.variant.is_some()
            && crate::strength::LIFTS.contains(&e.exercise.as_deref().unwrap_or("")) =>
        {
            (0, e.reps.unwrap_or(0))
        }
        None => (0, e.step.unwrap_or(0)),
    }
}

/// The exercises done in `[from, today]`, routine order first, then in order of first session.
pub fn courses(
    catalog: &Catalog,
    settings: &Settings,
    history: &[Entry],
    from: Date,
    today: Date,
) -> Vec<Course> {
    let mut ids: Vec<String> = settings.routine(catalog).iter().map(|e| e.id.clone()).collect();
    let done = |e: &&Entry| e.kind == EntryKind::Done && e.date >= from && e.date <= today;
    for e in history.iter().filter(done) {
        if let Some(id) = &e.exercise
            && !ids.contains(id)
        {
            ids.push(id.clone());
        }
    }
    let mut out = Vec::new();
    for id in ids {
        let sessions: Vec<&Entry> = history.iter().filter(done).filter(|e| e.is_for(&id)).collect();
        let (Some(first), Some(last)) = (sessions.first(), sessions.last()) else { continue };
        let best = sessions.iter().max_by_key(|e| rank(e)).expect("not empty");
        let ex = catalog.get(&id);
        let base = ex.map_or(id.clone(), |x| x.name.clone());
        // Named as done: a lift's bodyweight start by the start's name.
        let name = match (last.load, &last.variant, ex) {
            (None, Some(v), Some(x)) if crate::strength::LIFTS.contains(&id.as_str()) => x
                .variant(v)
                .map_or(base.clone(), |v| format!("{} (start of the {})", v.name, base.to_lowercase())),
            _ => base,
        };
        let mut step_backs = Vec::new();
        for w in sessions.windows(2) {
            let (a, b) = (w[0], w[1]);
            if a.date == b.date || rank(b) >= rank(a) {
                continue;
            }
            // The reason the rules gave that day, replayed on the log as it was.
            let upto = &history[..history.partition_point(|e| e.date < b.date)];
            let why = ex
                .and_then(|x| {
                    if crate::strength::LIFTS.contains(&id.as_str()) {
                        let holds = crate::holds::Holds::on(settings, upto, b.date);
                        Some(crate::strength::dose(&holds, x, settings, upto, b.date).reason.clone())
                    } else {
                        crate::progression::prescribe_one(settings, history, x, b.date).reason.clone()
                    }
                })
                .filter(|r| !r.trim().is_empty())
                .unwrap_or_else(|| "–".into());
            step_backs.push((
                b.date,
                format!("{} → {}", dose(catalog, settings, a), dose(catalog, settings, b)),
                why,
            ));
        }
        out.push(Course {
            name,
            start: dose(catalog, settings, first),
            best: dose(catalog, settings, best),
            now: dose(catalog, settings, last),
            step_backs,
        });
    }
    out
}

/// One exercise from its first session in the span to its best and its latest.
#[derive(Debug, Clone, PartialEq)]
pub struct Course {
    /// The form done last (the bodyweight start's name when no load was used).
    pub name: String,
    pub start: String,
    pub best: String,
    pub now: String,
    /// Step-backs: date, "from → to" and why.
    pub step_backs: Vec<(Date, String, String)>,
}
