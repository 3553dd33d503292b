//! The weekly check-in (issue 17): the last week's average back pain (0–10) and the
//! Patient-Specific Functional Scale — up to three activities the user named, each rated 0
//! (unable) to 10 (as before the problem). When it is due, the names to ask about, and what the
//! check-ins say for the "see a GP or physiotherapist" suggestion. Pure: entries and
//! dates in, answers out. Whether the person is better is `verdict` (COACHING.md turn 3, D).

use jiff::civil::Date;

use crate::log::{Activity, Entry, EntryKind, MAX_ACTIVITIES, MAX_ACTIVITY_CHARS};

/// One check-in as read from the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkin {
    pub date: Date,
    pub pain: Option<u8>,
    pub activities: Vec<Activity>,
}

/// The check-ins in `history`, in log order.
pub fn checkins(history: &[Entry]) -> Vec<Checkin> {
    history
        .iter()
        .filter(|e| e.kind == EntryKind::Checkin)
        .map(|e| Checkin { date: e.date, pain: e.pain, activities: e.activities.clone() })
        .collect()
}

/// Whether the app should ask on this start: nothing answered or skipped since `week_start`
/// (so it is the first start on or after `week_starts_on`), and the user exercised before this
/// week — in the very first week there is no "last week" to look back on.
pub fn due(history: &[Entry], week_start: Date, today: Date) -> bool {
    let answered = history.iter().any(|e| {
        matches!(e.kind, EntryKind::Checkin | EntryKind::CheckinSkipped)
            && e.date >= week_start
            && e.date <= today
    });
    let used_before = history.iter().any(|e| e.kind == EntryKind::Done && e.date < week_start);
    !answered && used_before
}

/// The activities to ask about: those of the latest check-in that named any (named once,
/// changeable at any check-in).
pub fn activity_names(history: &[Entry]) -> Vec<String> {
    history
        .iter()
        .rev()
        .find(|e| e.kind == EntryKind::Checkin && !e.activities.is_empty())
        .map(|e| e.activities.iter().map(|a| a.name.clone()).collect())
        .unwrap_or_default()
}

/// `NAME=SCORE` from the command line (the last `=` splits, so a name may contain one).
pub fn parse_activity(s: &str) -> Result<Activity, String> {
    let (name, score) =
        s.rsplit_once('=').ok_or_else(|| format!("{s:?} is not NAME=SCORE, e.g. \"put on socks=4\""))?;
    let name = name.trim();
    // A limit on characters stored, not on columns shown.
    if name.is_empty() || name.chars().count() > MAX_ACTIVITY_CHARS {
        return Err(format!("an activity's name needs 1 to {MAX_ACTIVITY_CHARS} characters: {s:?}"));
    }
    let score: u8 = score
        .trim()
        .parse()
        .ok()
        .filter(|n| *n <= 10)
        .ok_or_else(|| format!("{s:?}: the score is 0 (unable) to 10 (as before the problem)"))?;
    Ok(Activity { name: name.to_string(), score })
}

/// Checks a set of activities: at most three, each name once.
pub fn check_activities(activities: &[Activity]) -> Result<(), String> {
    if activities.len() > MAX_ACTIVITIES {
        return Err(format!("at most {MAX_ACTIVITIES} activities (the PSFS asks for up to three)"));
    }
    for (i, a) in activities.iter().enumerate() {
        if activities[..i].iter().any(|b| b.name == a.name) {
            return Err(format!("{:?} is named twice", a.name));
        }
    }
    Ok(())
}

pub mod maintenance;
pub mod rmdq;
mod verdict;
pub use verdict::{Measure, Verdict, advice, judge, verdict};

#[cfg(test)]
mod tests;
