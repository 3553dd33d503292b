//! Recurrences, WalkBack's outcome (COACHING.md turn 3, H): each flare-up is an
//! activity-limiting episode from its "flare-up on" to its "flare-up off". Days since the last
//! one ended and the days between one episode's end and the next one's start. Pure: the log
//! and `today` in.

use jiff::civil::Date;

use crate::log::{Entry, EntryKind};

/// One flare-up: its first day and the day it was ended (`None`: still on).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Episode {
    pub start: Date,
    pub end: Option<Date>,
}

/// The episodes up to a day, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Recurrences {
    pub episodes: Vec<Episode>,
    /// Days from the last episode's end to `today` (`None`: none yet, or one is on).
    pub days_since: Option<i64>,
    /// Days from each episode's end to the next one's start.
    pub between: Vec<i64>,
    /// The last episode is still on.
    pub ongoing: bool,
}

fn days(a: Date, b: Date) -> i64 {
    a.until(b).map(|s| i64::from(s.get_days())).unwrap_or(0)
}

/// The episodes of `history` (in date order) on or before `today`.
pub fn recurrences(history: &[Entry], today: Date) -> Recurrences {
    let mut episodes: Vec<Episode> = Vec::new();
    let mut on: Option<Date> = None;
    for e in history.iter().filter(|e| e.date <= today) {
        match e.kind {
            EntryKind::FlareOn if on.is_none() => on = Some(e.date),
            EntryKind::FlareOff => {
                if let Some(start) = on.take() {
                    episodes.push(Episode { start, end: Some(e.date) });
                }
            }
            _ => {}
        }
    }
    let ongoing = on.is_some();
    episodes.extend(on.map(|start| Episode { start, end: None }));
    let between = episodes.windows(2).filter_map(|w| w[0].end.map(|end| days(end, w[1].start))).collect();
    let days_since = if ongoing { None } else { episodes.last().and_then(|e| e.end).map(|d| days(d, today)) };
    Recurrences { episodes, days_since, between, ongoing }
}

impl Recurrences {
    /// One line for the Progress screen, `progress` and the report.
    pub fn summary(&self) -> String {
        let n = self.episodes.len();
        let count = format!("{n} flare-up{}", if n == 1 { "" } else { "s" });
        if n == 0 {
            return "No flare-ups logged".into();
        }
        let mut s = if self.ongoing {
            format!("{count}; one on now since {}", fmt(self.episodes[n - 1].start))
        } else {
            let d = self.days_since.unwrap_or(0);
            format!("{count}; {d} day{} since the last ended", if d == 1 { "" } else { "s" })
        };
        if !self.between.is_empty() {
            let list: Vec<String> = self.between.iter().map(i64::to_string).collect();
            s.push_str(&format!("; days between: {}", list.join(", ")));
        }
        s
    }
}

fn fmt(d: Date) -> String {
    d.strftime("%-d %b").to_string()
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    fn e(d: Date, kind: EntryKind) -> Entry {
        Entry::new(format!("{d}-{kind}"), d, format!("{d}T08:00:00+01:00"), kind)
    }

    #[test]
    fn episodes_days_since_and_between() {
        let (a, b, c, d) = (date(2026, 3, 1), date(2026, 3, 6), date(2026, 5, 1), date(2026, 5, 4));
        let today = date(2026, 5, 14);
        type Case = (&'static str, Vec<Entry>, usize, Option<i64>, Vec<i64>, bool);
        let cases: Vec<Case> = vec![
            ("none", vec![], 0, None, vec![], false),
            (
                "one ended",
                vec![e(a, EntryKind::FlareOn), e(b, EntryKind::FlareOff)],
                1,
                Some(69),
                vec![],
                false,
            ),
            (
                "two ended",
                vec![
                    e(a, EntryKind::FlareOn),
                    e(b, EntryKind::FlareOff),
                    e(c, EntryKind::FlareOn),
                    e(d, EntryKind::FlareOff),
                ],
                2,
                Some(10),
                vec![56],
                false,
            ),
            (
                "one on now",
                vec![e(a, EntryKind::FlareOn), e(b, EntryKind::FlareOff), e(c, EntryKind::FlareOn)],
                2,
                None,
                vec![56],
                true,
            ),
            ("an off without an on is no episode", vec![e(b, EntryKind::FlareOff)], 0, None, vec![], false),
        ];
        for (what, h, n, since, between, ongoing) in cases {
            let r = recurrences(&h, today);
            assert_eq!(
                (r.episodes.len(), r.days_since, r.between, r.ongoing),
                (n, since, between, ongoing),
                "{what}"
            );
        }
        let two = recurrences(
            &[
                e(a, EntryKind::FlareOn),
                e(b, EntryKind::FlareOff),
                e(c, EntryKind::FlareOn),
                e(d, EntryKind::FlareOff),
            ],
            today,
        );
        assert_eq!(two.summary(), "2 flare-ups; 10 days since the last ended; days between: 56");
    }
}
