//! How the rules read the log: one exercise's Done entries of a coaching day merged into one
//! session (walk bouts together), with what holds it (an easier variant, a morning the back had
//! not settled, a partial session). Pure.

use jiff::civil::Date;

use crate::catalog::Exercise;
use crate::log::{Entry, EntryKind, Feedback};

/// One day's Done entries of one exercise, merged.
#[derive(Debug, Clone, Copy)]
pub(super) struct Session {
    pub date: Date,
    pub step: u32,
    pub hard: bool,
    /// Every entry of the day was rated easy.
    pub easy: bool,
    pub pain: u8,
    /// An easier variant, or a morning the back had not settled (rule 11): the session counts
    /// for the day and holds the ladder, like pain 4–5.
    pub held: bool,
    /// Walk minutes of the day, all bouts together (0 for other kinds).
    pub minutes: u32,
    /// Done entries that day (walk bouts), and the sessions the step's dose has (issue 20: one
    /// bout of three is a partial session and holds).
    pub bouts: u32,
    pub needed: u32,
    /// The dose's walk minutes, all bouts (0 for other kinds).
    pub total: u32,
    /// An entry of the day was a hold set cut short (issue 20): partial too.
    pub cut: bool,
    /// The morning of that day the back had not settled (what `held` says, issue 26).
    pub not_settled: bool,
    /// Walk minutes done as other cardio: they fill the day's walk by minutes (issue 26).
    pub cardio_minutes: u32,
}

impl Session {
    pub fn good(&self) -> bool {
        !self.hard && self.pain <= 3 && !self.held && !self.partial()
    }

    /// Less than the day's dose (fewer bouts, or a hold set cut short): it counts for the day
    /// but not toward the run of 3.
    pub fn partial(&self) -> bool {
        (self.bouts < self.needed && !self.filled()) || self.cut
    }

    /// Other cardio brought the walk's minutes to the dose (`crate::days`: the walk is done).
    fn filled(&self) -> bool {
        self.cardio_minutes > 0 && self.minutes >= self.total
    }

    /// What a partial session was short of, as the hold's reason says it.
    pub fn partial_why(&self) -> String {
        match self.cut {
            true => "the last session was cut short".into(),
            false => format!("{} of {} walks last time", self.bouts, self.needed),
        }
    }

    /// No more than the safe zone of pain (0–3): the load a step back may return to (rule 9).
    pub fn pain_free(&self) -> bool {
        self.pain <= 3
    }
}

/// The exercise's sessions in `entries`, oldest first.
pub(super) fn sessions(entries: &[Entry], ex: &Exercise) -> Vec<Session> {
    let not_settled: Vec<Date> =
        entries.iter().filter(|e| e.kind == EntryKind::NotSettled).map(|e| e.date).collect();
    let mut out: Vec<Session> = Vec::new();
    let mut bout = 0;
    for e in entries.iter().filter(|e| e.kind == EntryKind::Done && e.is_for(&ex.id)) {
        let hard = e.feedback == Some(Feedback::Hard);
        let easy = e.feedback == Some(Feedback::Easy);
        let pain = e.pain.unwrap_or(0);
        let step = e.step.unwrap_or(1);
        let easier = e.variant.as_deref().and_then(|v| ex.variant(v)).is_some_and(|v| v.easier);
        let held = easier || not_settled.contains(&e.date);
        let same_day = out.last().is_some_and(|s| s.date == e.date);
        bout = if same_day { bout + 1 } else { 0 };
        let minutes = e.minutes.or_else(|| ex.dose(step).walk_bout(bout)).unwrap_or(0);
        let cardio = if e.variant.is_some() { minutes } else { 0 };
        let total = ex.dose(step).walk_total().unwrap_or(0);
        match out.last_mut() {
            Some(s) if same_day => {
                s.hard |= hard;
                s.easy &= easy;
                s.pain = s.pain.max(pain);
                s.held |= held;
                s.minutes += minutes;
                s.step = step;
                s.bouts += 1;
                s.needed = ex.dose(step).sessions();
                s.total = total;
                s.cut |= e.partial;
                s.cardio_minutes += cardio;
            }
            _ => out.push(Session {
                date: e.date,
                step,
                hard,
                easy,
                pain,
                held,
                minutes,
                bouts: 1,
                needed: ex.dose(step).sessions(),
                total,
                cut: e.partial,
                not_settled: not_settled.contains(&e.date),
                cardio_minutes: cardio,
            }),
        }
    }
    out
}

pub(super) fn sessions_last_date(past: &[Entry], ex: &Exercise) -> Option<Date> {
    past.iter().rev().find(|e| e.kind == EntryKind::Done && e.is_for(&ex.id)).map(|e| e.date)
}
