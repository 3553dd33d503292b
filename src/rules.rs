//! What may be logged, decided once for every front end (the CLI, the app, the week screen's
//! backfill): each rule takes the entries as they stand (for a save: the month as re-read under
//! the writer lock) and says why not, or nothing. Pure: no clock, no files.

use jiff::civil::Date;

use crate::log::{Entry, EntryKind};

/// Why another done entry of exercise `id` on `date` would be one too many, given `entries`: an
/// exercise other than the walk is done once a day (walk bouts are counted by the day's view).
pub fn already_done(entries: &[Entry], date: Date, id: &str, is_walk: bool) -> Option<String> {
    let done = entries.iter().any(|e| e.date == date && e.is_for(id) && e.kind == EntryKind::Done);
    (done && !is_walk).then(|| {
        format!("{id} is already done for {date}; nothing new logged (`upright undo {id}` removes it)")
    })
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    #[test]
    fn one_done_a_day_except_walk_bouts() {
        let d = date(2026, 11, 24);
        let mut done = Entry::new("x".into(), d, "t".into(), EntryKind::Done);
        done.exercise = Some("curl-up".into());
        let mut skipped = done.clone();
        skipped.kind = EntryKind::Skipped;
        let mut yesterday = done.clone();
        yesterday.date = date(2026, 11, 23);
        for (name, entries, id, walk, refused) in [
            ("nothing yet", vec![], "curl-up", false, false),
            ("done today", vec![done.clone()], "curl-up", false, true),
            ("another exercise", vec![done.clone()], "bird-dog", false, false),
            ("only skipped", vec![skipped], "curl-up", false, false),
            ("done yesterday", vec![yesterday], "curl-up", false, false),
            (
                "a walk bout",
                vec![{
                    let mut w = done.clone();
                    w.exercise = Some("walk".into());
                    w
                }],
                "walk",
                true,
                false,
            ),
        ] {
            assert_eq!(already_done(&entries, d, id, walk).is_some(), refused, "{name}");
        }
    }
}
