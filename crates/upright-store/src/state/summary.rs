//! What a view wants from the months before its recent ones: the latest entry of each exercise,
//! the flare state, the disclaimer, the red flags and each exercise's leg pause. Which old months
//! hold them is asked of the months' own bytes (`Store::load_recent`, `month::Finder`), never of a
//! derived file: upright once kept `history/.summary` with per-month facts and closed weeks'
//! results, and a summary that lied (with a valid checksum) could hide a red flag or change a
//! streak. An old `.summary` is no longer read, and the next save removes it.

use upright_core::log::{Entry, EntryKind};

/// One piece of state whose latest event decides it: an exercise's latest entry, the flare
/// state, the disclaimer, the red flags, an exercise's leg-symptom pause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Want {
    Exercise(String),
    Kinds(Vec<EntryKind>),
    /// Safety events about one exercise (`""`: not about an exercise).
    Safety(Vec<EntryKind>, String),
}

impl Want {
    /// What a view of one day needs for the exercises `ids`.
    pub fn all(ids: &[&str]) -> Vec<Want> {
        use EntryKind::*;
        let mut wants: Vec<Want> = ids.iter().map(|id| Want::Exercise(id.to_string())).collect();
        wants.push(Want::Kinds(vec![FlareOn, FlareOff]));
        wants.push(Want::Kinds(vec![DisclaimerAccepted]));
        wants.push(Want::Safety(vec![RedFlagEmergency, RedFlagGp, Cleared], String::new()));
        for id in ids {
            wants.push(Want::Safety(vec![LegSymptoms, Cleared], id.to_string()));
        }
        wants
    }

    pub fn matches(&self, e: &Entry) -> bool {
        match self {
            Want::Exercise(id) => e.is_for(id),
            Want::Kinds(kinds) => kinds.contains(&e.kind),
            Want::Safety(kinds, id) => kinds.contains(&e.kind) && e.exercise.as_deref().unwrap_or("") == id,
        }
    }

    /// Keeps the wants none of `entries` meets. Kinds no entry has are checked first, so a want
    /// for an event that never happened (most safety events) costs no scan of the entries.
    pub fn keep_unmet<'e>(wants: &mut Vec<Want>, entries: impl Iterator<Item = &'e Entry> + Clone) {
        let mut kinds: Vec<&EntryKind> = Vec::new();
        for e in entries.clone() {
            if !kinds.contains(&&e.kind) {
                kinds.push(&e.kind);
            }
        }
        wants.retain(|w| {
            let possible = match w {
                Want::Exercise(_) => true,
                Want::Kinds(ks) | Want::Safety(ks, _) => ks.iter().any(|k| kinds.contains(&k)),
            };
            !(possible && entries.clone().any(|e| w.matches(e)))
        });
    }

    /// Strings an entry this want matches has in its month's text: the exercise id or the
    /// kind's name (see [`super::month::Finder`]).
    pub fn needles(&self) -> Vec<String> {
        match self {
            Want::Exercise(id) => vec![id.clone()],
            Want::Kinds(kinds) | Want::Safety(kinds, _) => kinds.iter().map(|k| k.to_string()).collect(),
        }
    }
}

/// The files an older upright kept its summary in, removed by the next save.
pub const STALE: [&str; 2] = [".summary", ".summary.json"];

/// Removes the summary an older upright left in `dir` (best effort; it is never read).
pub fn remove_stale(dir: &std::path::Path) {
    for name in STALE {
        let _ = std::fs::remove_file(dir.join(name));
    }
}
