//! Table tests of the weekly progress numbers.

use jiff::ToSpan;
use jiff::civil::{Date, date};

use super::*;
use crate::log::Activity;

const TODAY: Date = date(2026, 11, 25); // a Wednesday; weeks start on Monday

fn on(days_ago: i64, kind: EntryKind, exercise: Option<&str>, pain: Option<u8>) -> Entry {
    let d = TODAY.checked_sub(days_ago.days()).unwrap();
    let mut e =
        Entry::new(format!("{d}-{kind}-{days_ago}-{exercise:?}"), d, format!("{d}T08:00:00+01:00"), kind);
    e.exercise = exercise.map(String::from);
    e.pain = pain;
    e
}

fn done(days_ago: i64, id: &str, step: u32, pain: u8, minutes: Option<u32>) -> Entry {
    let mut e = on(days_ago, EntryKind::Done, Some(id), Some(pain));
    e.step = Some(step);
    e.minutes = minutes;
    e
}

fn checkin(days_ago: i64, pain: u8, acts: &[(&str, u8)]) -> Entry {
    let mut e = on(days_ago, EntryKind::Checkin, None, Some(pain));
    e.activities = acts.iter().map(|(n, s)| Activity { name: n.to_string(), score: *s }).collect();
    e
}

fn build(mut history: Vec<Entry>, weeks: u32) -> Progress {
    history.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    Progress::build(&Catalog::builtin(), &Settings::default(), &history, TODAY, weeks)
}

#[test]
fn starts_at_the_first_weeks_use_or_n_weeks_back() {
    let p = build(vec![done(9, "curl-up", 1, 0, None)], 12);
    let starts: Vec<Date> = p.weeks.iter().map(|w| w.start).collect();
    assert_eq!(starts, [date(2026, 11, 16), date(2026, 11, 23)], "since the start");
    let p = build(vec![done(60, "curl-up", 1, 0, None)], 3);
    assert_eq!(p.weeks.len(), 3);
    assert_eq!(p.weeks[0].start, date(2026, 11, 9));
    assert_eq!(
        p.weeks[0].steps[p.exercises.iter().position(|e| e.0 == "curl-up").unwrap()],
        Some(1),
        "carried in"
    );
    assert!(build(vec![], 12).weeks.len() == 12, "nothing logged: the whole span, empty");
}

#[test]
fn weekly_numbers_match_the_log() {
    let history = vec![
        // Last week (16–22 Nov): two days of sessions, a check-in, walks of 10 and 12 minutes.
        done(8, "curl-up", 2, 2, None),
        done(8, "walk", 1, 4, Some(10)),
        done(6, "curl-up", 3, 0, None),
        done(6, "walk", 1, 0, Some(12)),
        checkin(7, 6, &[("put on socks", 3), ("sit through a film", 5)]),
        // This week (23–25 Nov): one day, a check-in renaming one activity.
        done(1, "bird-dog", 4, 1, None),
        checkin(2, 5, &[("put on socks", 4), ("carry the shopping", 2)]),
    ];
    let p = build(history, 2);
    assert_eq!(p.activities, ["put on socks", "sit through a film", "carry the shopping"]);
    let [last, this] = &p.weeks[..] else { panic!("two weeks: {:?}", p.weeks) };
    assert_eq!((last.checkin_pain, this.checkin_pain), (Some(6), Some(5)));
    assert_eq!(last.session_pain, Some(2.0), "days' highest pain 4 and 0, averaged");
    assert_eq!(this.session_pain, Some(1.0));
    assert_eq!(last.psfs, [Some(3), Some(5), None]);
    assert_eq!(this.psfs, [Some(4), None, Some(2)]);
    assert_eq!((last.days_exercised, this.days_exercised), (2, 1));
    assert_eq!((last.walk_minutes, this.walk_minutes), (22, 0));
    let step = |w: &WeekRow, id: &str| w.steps[p.exercises.iter().position(|e| e.0 == id).unwrap()];
    assert_eq!(
        (step(last, "curl-up"), step(this, "curl-up")),
        (Some(3), Some(3)),
        "the last session's step, carried"
    );
    assert_eq!((step(last, "bird-dog"), step(this, "bird-dog")), (None, Some(4)));
    assert_eq!(p.pain_change(), Some((6, 5)));
    assert_eq!(p.psfs_change(0), Some((3, 4)));
    assert_eq!(Progress::psfs_mean(this), Some(3.0));
}
