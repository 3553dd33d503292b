//! What a view wants from the months before its recent ones: the latest entry of each exercise,
//! the flare state, the disclaimer, the red flags and each exercise's leg pause. Which old months
//! hold them is asked of the months' own bytes (`Store::load_recent`, [`Finder`]), never of a
//! derived file: upright once kept `history/.summary` with per-month facts and closed weeks'
//! results, and a summary that lied (with a valid checksum) could hide a red flag or change a
//! streak. An old `.summary` is no longer read, and the next save removes it.

use std::path::Path;

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
    /// kind's name (see [`Finder`]).
    pub fn needles(&self) -> Vec<String> {
        match self {
            Want::Exercise(id) => vec![id.clone()],
            Want::Kinds(kinds) | Want::Safety(kinds, _) => kinds.iter().map(|k| k.to_string()).collect(),
        }
    }
}

/// Asks a month file's raw text whether it may hold an entry that any of a set of wants
/// matches: an entry's exercise and kind are strings in the text, so a text holding none of the
/// wanted strings, and no backslash (an escape could spell one), holds no such entry. The
/// backslash is looked for on its own (a one-byte needle among the words would make the
/// many-word search try a match at nearly every byte), the words in one pass.
pub struct Finder(Option<aho_corasick::AhoCorasick>);

impl Finder {
    pub fn new(wants: &[Want]) -> Finder {
        let mut needles: Vec<String> = wants.iter().flat_map(Want::needles).collect();
        needles.sort();
        needles.dedup();
        // Leftmost matching lets the search run on the vectorised many-word prefilter (Teddy);
        // for "is there any match" it answers what the standard kind does.
        let ac = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostFirst)
            .build(&needles);
        Finder(ac.ok())
    }

    /// `true` when in doubt: a file that does not read is left to the parse, which reports it.
    pub fn may_hold(&self, path: &Path) -> bool {
        super::month::with_buffer(|bytes| {
            match crate::fsutil::read_regular_into(path, super::MAX_MONTH_BYTES, bytes) {
                Ok(Some(_)) => self.may_hold_bytes(bytes),
                _ => true,
            }
        })
    }

    /// [`Finder::may_hold`] of a month's bytes read already.
    pub fn may_hold_bytes(&self, bytes: &[u8]) -> bool {
        let Some(ac) = &self.0 else { return true };
        memchr::memchr(b'\\', bytes).is_some() || ac.is_match(bytes)
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
