//! The record types of the log, shared by the domain and the store: one line of the log says what
//! happened, to which exercise, on which coaching day. Unknown fields written by a newer upright
//! are kept in `extra` and written back unchanged. Pure: no file system, no clock.

use std::collections::BTreeMap;
use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Unique across the whole log; merges match on it.
    pub id: String,
    /// The coaching date the entry counts for (a 01:30 session belongs to the day before).
    pub date: Date,
    /// Wall-clock time it was logged, RFC 3339 with the local offset.
    pub at: String,
    pub kind: EntryKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exercise: Option<String>,
    /// Ladder step and dose text at the time, so the log reads on its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dose: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<Feedback>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pain: Option<u8>,
    /// Walk minutes actually walked, when logged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
    /// A strength set's load in the user's units (kg or lb), when lifted with weight.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub load: Option<f64>,
    /// A strength session's repetitions actually done in each set (seconds for a carry).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reps: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Why a skip or safety event happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The alternative or no-equipment version done instead ("chair", "dead-bug"): a catalog
    /// variant id of the exercise; it counts for the day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
    /// For a `removed` entry: the id of the entry an undo took out, so a sync merge that brings
    /// the other machine's copy of it back honours the undo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub removes: Option<String>,
    /// For a `checkin` entry: the Patient-Specific Functional Scale, each named activity rated
    /// 0 (unable) to 10 (as before the problem). The week's average pain is in `pain`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<Activity>,
    /// For a walk: who came along (`done walk --with NAME`); shown on the week screen only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub with: Option<String>,
    /// A hold set cut short (a hold skipped or left early): the session counts for the day and
    /// holds the step (issue 20). Written only when true.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub partial: bool,
    /// For an `rmdq` entry: the Roland–Morris Disability Questionnaire's 24 answers in order,
    /// `y` or `n` each (`crate::checkin::rmdq`). An older upright keeps it as an unknown field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answers: Option<String>,
    /// Fields this version does not know; preserved on save.
    #[serde(flatten)]
    pub extra: BTreeMap<String, toml::Value>,
}

/// An entry with exactly the known fields, for fast loading of the usual file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KnownEntry {
    id: String,
    date: Date,
    at: String,
    kind: EntryKind,
    exercise: Option<String>,
    step: Option<u32>,
    dose: Option<String>,
    feedback: Option<Feedback>,
    pain: Option<u8>,
    minutes: Option<u32>,
    load: Option<f64>,
    reps: Option<u32>,
    note: Option<String>,
    reason: Option<String>,
    variant: Option<String>,
    removes: Option<String>,
    #[serde(default)]
    activities: Vec<Activity>,
    with: Option<String>,
    #[serde(default)]
    partial: bool,
    answers: Option<String>,
}

impl From<KnownEntry> for Entry {
    fn from(k: KnownEntry) -> Entry {
        Entry {
            id: k.id,
            date: k.date,
            at: k.at,
            kind: k.kind,
            exercise: k.exercise,
            step: k.step,
            dose: k.dose,
            feedback: k.feedback,
            pain: k.pain,
            minutes: k.minutes,
            load: k.load,
            reps: k.reps,
            note: k.note,
            reason: k.reason,
            variant: k.variant,
            removes: k.removes,
            activities: k.activities,
            with: k.with,
            partial: k.partial,
            answers: k.answers,
            extra: BTreeMap::new(),
        }
    }
}

/// One activity of the Patient-Specific Functional Scale and its score at a check-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    pub name: String,
    pub score: u8,
}

/// The PSFS asks for up to three activities; a name is a short phrase.
pub const MAX_ACTIVITIES: usize = 3;
pub const MAX_ACTIVITY_CHARS: usize = 60;

/// The longest note or reason an entry may carry, in characters.
pub const MAX_TEXT_CHARS: usize = 2000;

impl Entry {
    /// A bare entry of `kind`; callers fill in the optional fields they need.
    pub fn new(id: String, date: Date, at: String, kind: EntryKind) -> Entry {
        Entry {
            id,
            date,
            at,
            kind,
            exercise: None,
            step: None,
            dose: None,
            feedback: None,
            pain: None,
            minutes: None,
            load: None,
            reps: None,
            note: None,
            reason: None,
            variant: None,
            removes: None,
            activities: Vec::new(),
            with: None,
            partial: false,
            answers: None,
            extra: BTreeMap::new(),
        }
    }

    /// The instant it was logged, when `at` reads as RFC 3339 (entries upright wrote always do).
    pub fn instant(&self) -> Option<jiff::Timestamp> {
        self.at.parse().ok()
    }

    /// Whether the entry may be written: upright never writes a month it would refuse to read,
    /// so free text is bounded (a month of daily use is ~40 KB; the read limit is 16 MiB).
    pub fn check(&self) -> Result<(), String> {
        // The limits count characters (what is stored), not the columns they take on screen.
        for (field, text) in [("note", &self.note), ("reason", &self.reason), ("with", &self.with)] {
            let n = text.as_deref().map_or(0, |t| t.chars().count());
            if n > MAX_TEXT_CHARS {
                return Err(format!(
                    "the {field} is {n} characters long; the limit is {MAX_TEXT_CHARS}: shorten it (nothing was logged)"
                ));
            }
        }
        if self.activities.len() > MAX_ACTIVITIES {
            return Err(format!("at most {MAX_ACTIVITIES} activities per check-in (nothing was logged)"));
        }
        for a in &self.activities {
            let n = a.name.chars().count();
            if a.name.trim().is_empty() || n > MAX_ACTIVITY_CHARS || a.score > 10 {
                return Err(format!(
                    "an activity needs a name of 1 to {MAX_ACTIVITY_CHARS} characters and a score from 0 to 10 (nothing was logged)"
                ));
            }
        }
        Ok(())
    }

    pub fn is_for(&self, exercise: &str) -> bool {
        self.exercise.as_deref() == Some(exercise)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Feedback {
    Easy,
    /// A walk's "about right (can talk, not sing)".
    Ok,
    /// A walk's "too hard (could not talk)".
    Hard,
}

impl fmt::Display for Feedback {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Feedback::Easy => "easy",
            Feedback::Ok => "ok",
            Feedback::Hard => "hard",
        })
    }
}

/// What an entry records. Kinds from a newer version load as `Other` and survive a save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum EntryKind {
    Done,
    Skipped,
    FlareOn,
    FlareOff,
    DisclaimerAccepted,
    /// An emergency red flag: the routine is locked until `Cleared`.
    RedFlagEmergency,
    /// A see-a-GP-soon red flag: progression pauses until `Cleared`.
    RedFlagGp,
    /// Pain spreading down a leg during an exercise: that exercise pauses until `Cleared`.
    LegSymptoms,
    /// A clinician checked the matter; ends the matching lock or pause.
    Cleared,
    /// The two-week "see a GP or physiotherapist" suggestion was dismissed for a week.
    CheckDismissed,
    /// An undo: the entry named in `removes` was taken out (kept so sync merges honour it).
    Removed,
    /// The next-morning check (COACHING.md rule 11): the back had settled to its usual level.
    Settled,
    /// The next-morning check: it had not; every exercise holds that day.
    NotSettled,
    /// The weekly check-in: the last week's average pain and the PSFS scores.
    Checkin,
    /// The weekly check-in was skipped; it is asked again next week.
    CheckinSkipped,
    /// A desk break taken in `upright breaks` (`at` is when it ended). It counts for nothing
    /// else: not the day, the walk or the streak.
    Break,

    /// The week's lesson card was dismissed; the lesson number is in `step`.
    LessonRead,
    /// The user took the harder form offered for `exercise` (side bridge on the feet).
    HarderAccepted,
    /// The user said "not now" to it: the offer is not made again until a flare; `h` (or
    /// `upright harder ID`) still takes it.
    HarderDeclined,
    /// The Roland–Morris Disability Questionnaire (every 4 weeks, optional): answers in `answers`.
    Rmdq,
    Other(String),
}

const KIND_NAMES: [(EntryKind, &str); 20] = [
    (EntryKind::Done, "done"),
    (EntryKind::Skipped, "skipped"),
    (EntryKind::FlareOn, "flare-on"),
    (EntryKind::FlareOff, "flare-off"),
    (EntryKind::DisclaimerAccepted, "disclaimer-accepted"),
    (EntryKind::RedFlagEmergency, "red-flag-emergency"),
    (EntryKind::RedFlagGp, "red-flag-gp"),
    (EntryKind::LegSymptoms, "leg-symptoms"),
    (EntryKind::Cleared, "cleared"),
    (EntryKind::CheckDismissed, "check-dismissed"),
    (EntryKind::Removed, "removed"),
    (EntryKind::Settled, "settled"),
    (EntryKind::NotSettled, "not-settled"),
    (EntryKind::Checkin, "checkin"),
    (EntryKind::CheckinSkipped, "checkin-skipped"),
    (EntryKind::Break, "break"),
    (EntryKind::LessonRead, "lesson-read"),
    (EntryKind::HarderAccepted, "harder-accepted"),
    (EntryKind::HarderDeclined, "harder-declined"),
    (EntryKind::Rmdq, "rmdq"),
];

impl EntryKind {
    pub fn as_str(&self) -> &str {
        match self {
            EntryKind::Other(s) => s,
            known => KIND_NAMES.iter().find(|(k, _)| k == known).map(|(_, n)| *n).unwrap_or(""),
        }
    }
}

impl From<&str> for EntryKind {
    fn from(s: &str) -> EntryKind {
        // The usual kind first: this runs for every entry loaded.
        if s == "done" {
            return EntryKind::Done;
        }
        KIND_NAMES.iter().find(|(_, n)| *n == s).map(|(k, _)| k.clone()).unwrap_or(EntryKind::Other(s.into()))
    }
}

impl From<String> for EntryKind {
    fn from(s: String) -> EntryKind {
        KIND_NAMES.iter().find(|(_, n)| *n == s).map(|(k, _)| k.clone()).unwrap_or(EntryKind::Other(s))
    }
}

impl From<EntryKind> for String {
    fn from(k: EntryKind) -> String {
        k.as_str().to_string()
    }
}

impl fmt::Display for EntryKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
