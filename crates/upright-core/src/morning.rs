//! The next-morning check (COACHING.md rule 11, after Silbernagel's pain-monitoring model):
//! whether to ask today if the back settled after yesterday's sessions. Pure: takes the loaded
//! entries and the coaching day; the app asks and logs `settled` / `not-settled`.

use jiff::civil::Date;

use crate::log::{Entry, EntryKind};

/// The question, as the app asks it.
pub const QUESTION: &str = "You exercised yesterday. Has your back settled to its usual level this morning?";

/// Ask today: the last session was yesterday (a done entry) and today has no answer yet. A
/// day without sessions yesterday has nothing to settle from, so nothing is asked.
pub fn due(entries: &[Entry], today: Date) -> bool {
    let Ok(yesterday) = today.yesterday() else { return false };
    let answered =
        |e: &Entry| e.date == today && matches!(e.kind, EntryKind::Settled | EntryKind::NotSettled);
    if entries.iter().any(answered) {
        return false;
    }
    // The last session before today: a session logged today already (the CLI) means the
    // morning has passed.
    let last = entries.iter().filter(|e| e.kind == EntryKind::Done && e.date <= today).map(|e| e.date).max();
    last == Some(yesterday)
}

/// What the app says after the answer.
pub fn said(settled: bool, locked: bool) -> &'static str {
    if locked {
        crate::holds::LOCKED_SAID
    } else if settled {
        "Good: your back settled. Carry on as planned."
    } else {
        "Noted: your back had not settled, so every exercise holds at today's dose."
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::log::Entry;

    fn at(date: &str, kind: EntryKind) -> Entry {
        let mut e = Entry::new(format!("{date}-{kind:?}"), date.parse().unwrap(), "08:00".into(), kind);
        e.exercise = Some("walk".into());
        e
    }

    #[test]
    fn asked_only_the_morning_after_a_session_and_once() {
        let today: Date = "2026-03-10".parse().unwrap();
        let cases: &[(&str, Vec<Entry>, bool)] = &[
            ("no history", vec![], false),
            ("a session yesterday", vec![at("2026-03-09", EntryKind::Done)], true),
            ("last session two days ago", vec![at("2026-03-08", EntryKind::Done)], false),
            ("only a skip yesterday", vec![at("2026-03-09", EntryKind::Skipped)], false),
            (
                "already answered yes",
                vec![at("2026-03-09", EntryKind::Done), at("2026-03-10", EntryKind::Settled)],
                false,
            ),
            (
                "already answered no",
                vec![at("2026-03-09", EntryKind::Done), at("2026-03-10", EntryKind::NotSettled)],
                false,
            ),
            (
                "a session already logged today",
                vec![at("2026-03-09", EntryKind::Done), at("2026-03-10", EntryKind::Done)],
                false,
            ),
        ];
        for (what, entries, want) in cases {
            assert_eq!(due(entries, today), *want, "{what}");
        }
    }
}
