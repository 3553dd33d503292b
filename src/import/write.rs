//! Saves what a plan allowed: one save per month (a year of daily walks is twelve saves, not
//! 365), each entry asked again under the writer lock, of the month as re-read: the same
//! activity logged meanwhile (another import) or the day's walk bouts filled (`rules::recheck`).

use std::collections::BTreeMap;

use super::plan::{Plan, WALK, same_activity};
use crate::log::Entry;
use crate::state::{MonthKey, SaveError, Store};

/// What the save came to.
#[derive(Debug, Default)]
pub struct Saved {
    pub logged: usize,
    /// Entries the second asking kept out, with why.
    pub dropped: Vec<String>,
    /// Months that could not be saved: nothing of them was logged.
    pub errors: Vec<String>,
}

pub fn write(store: &mut Store, plan: &Plan) -> Saved {
    let mut months: BTreeMap<MonthKey, Vec<(Entry, u32, String)>> = BTreeMap::new();
    for p in plan.proposals.iter().filter(|p| p.status.logs()) {
        if let Some((e, needed)) = &p.entry {
            months.entry(MonthKey::of(e.date)).or_default().push((e.clone(), *needed, p.source.clone()));
        }
    }
    let mut saved = Saved::default();
    for (key, entries) in months {
        let mut added = 0;
        let mut dropped = Vec::new();
        let result = store.change(key, |month| {
            for (e, needed, source) in entries {
                let start = e.instant();
                if start.is_some_and(|t| month.entries.iter().any(|m| same_activity(m, &source, t))) {
                    dropped.push(format!("the {} walk of {} was logged meanwhile", source, e.at));
                    continue;
                }
                if let Some(why) = crate::rules::recheck(&month.entries, e.date, WALK, needed, true) {
                    dropped.push(why);
                    continue;
                }
                if month.merge(e) == crate::state::Merge::Added {
                    added += 1;
                }
            }
            added > 0
        });
        match result {
            Ok(_) => {
                saved.logged += added;
                saved.dropped.extend(dropped);
            }
            Err(SaveError::NotFlushed(e)) => {
                saved.logged += added;
                saved.errors.push(format!("{} (logged; no need to import it again)", e));
            }
            Err(SaveError::Unchanged(e)) => {
                saved.errors.push(format!("{}: {e:#} (nothing of it was logged)", key.file_name()));
            }
        }
    }
    saved
}

/// The folder inside the import folder that files done with are moved to.
pub const DONE_FOLDER: &str = "imported";

/// How many activity files wait in `folder` (not in its subfolders).
pub fn waiting(folder: &std::path::Path) -> usize {
    std::fs::read_dir(folder)
        .map(|read| {
            read.flatten().filter(|e| e.path().is_file() && super::read::is_activity_file(&e.path())).count()
        })
        .unwrap_or(0)
}

/// The app's import: saves what the plan allowed, then moves each file whose activities are
/// all logged now (or were already, or had nothing to log) into `imported/` beside it. A file
/// with a refusal, or one that did not read, stays where it is for the next look.
pub fn write_and_file(ctx: &mut crate::ctx::Ctx, plan: &Plan) -> eyre::Result<()> {
    let saved = write(&mut ctx.store, plan);
    let mut problems: Vec<String> = saved.errors.into_iter().chain(saved.dropped).collect();
    if problems.is_empty() {
        for file in plan.proposals.iter().map(|p| &p.file).collect::<std::collections::BTreeSet<_>>() {
            let done = plan
                .proposals
                .iter()
                .filter(|p| &p.file == file)
                .all(|p| !matches!(p.status, super::plan::Status::Refused(_)));
            let (Some(dir), Some(name), true) = (file.parent(), file.file_name(), done) else { continue };
            let target = dir.join(DONE_FOLDER);
            let moved = std::fs::create_dir_all(&target).and_then(|()| {
                let to = target.join(name);
                if to.exists() {
                    return Err(std::io::Error::new(
                        std::io::ErrorKind::AlreadyExists,
                        format!("{} is there already", to.display()),
                    ));
                }
                std::fs::rename(file, to)
            });
            if let Err(e) = moved {
                problems.push(format!("logged, but {} was not moved to {DONE_FOLDER}/: {e}", file.display()));
            }
        }
    }
    match problems.is_empty() {
        true => Ok(()),
        false => Err(eyre::eyre!(problems.join("; "))),
    }
}
