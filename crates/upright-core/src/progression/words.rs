//! The one-line reasons the rules give, in short plain words (issue 15): the line sits under the
//! exercise's row, which already shows the name and the dose, so a reason says only what changed
//! and why. Missed days are said as the rules count them: the days in between, with the last day.

use jiff::civil::Date;

use crate::catalog::Exercise;
use crate::log::Feedback;

pub fn up(run: usize, more: bool, word: &str) -> String {
    format!("Up one step: {run}{} {word} sessions in a row", if more { "+" } else { "" })
}

/// One step easier, or "Same as last time" at the lowest step, where there is nothing easier.
pub fn easier(lowest: bool, why: &str) -> String {
    if lowest { crate::rx::same_because(why) } else { format!("One step easier: {why}") }
}

/// Days missed since `last` (not counting it or today), the way rule 7 counts them.
pub fn missed(days: i64, last: Date) -> String {
    let s = if days == 1 { "" } else { "s" };
    format!("{days} day{s} missed since {}", last.strftime("%a %-d %b"))
}

/// Rule 12: nothing easier on the ladder, so the alternative (or a clinician). Short enough to
/// follow another clause inside an 80-column line.
pub fn try_instead(ex: &Exercise) -> String {
    match ex.alternative() {
        Some(alt) => format!("try {}", alt.name.to_lowercase()),
        None => "ask a physio what to do instead".into(),
    }
}

/// Rule 10: weeks at one step with hard sessions and no advance.
pub fn stuck(weeks: i64, ex: &Exercise) -> String {
    let easier = match ex.alternative() {
        Some(alt) => format!("try {}, or ", alt.name.to_lowercase()),
        None => String::new(),
    };
    format!("Stuck {weeks} weeks with hard sessions: {easier}ask a physio")
}

/// The walk's rating in the talk test's words (COACHING.md turn 3, F). The log keeps easy, ok
/// and hard; "about right" is the target and advances like ok, and only "too hard" counts as
/// a hard session (rule 10).
pub fn walk_rating(f: Feedback) -> &'static str {
    match f {
        Feedback::Easy => "easy (could sing)",
        Feedback::Ok => "about right (can talk, not sing)",
        Feedback::Hard => "too hard (could not talk)",
    }
}

/// A lift's rating as reps in reserve (COACHING.md turn 3, E).
pub fn lift_rating(f: Feedback) -> &'static str {
    match f {
        Feedback::Easy => "easy (3+ reps left)",
        Feedback::Ok => "ok (1-2 reps left)",
        Feedback::Hard => "hard (none left)",
    }
}
