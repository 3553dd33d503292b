use jiff::civil::{Weekday, date};

use super::*;
use crate::catalog::DEFAULT_ROUTINE;
use crate::log::EntryKind;

fn entry(d: Date, id: &str, kind: EntryKind) -> Entry {
    let mut e = Entry::new(format!("{d}-{id}"), d, format!("{d}T08:00:00+00:00"), kind);
    e.exercise = Some(id.into());
    e.step = Some(1);
    e
}

/// Every routine exercise done (three walk bouts at step 1).
fn full_day(d: Date) -> Vec<Entry> {
    let mut out = Vec::new();
    for id in DEFAULT_ROUTINE {
        for _ in 0..if id == "walk" { 3 } else { 1 } {
            out.push(entry(d, id, EntryKind::Done));
        }
    }
    out
}

fn history(days: &[Date], extra: Vec<Entry>) -> Vec<Entry> {
    let mut h: Vec<Entry> = days.iter().flat_map(|d| full_day(*d)).chain(extra).collect();
    h.sort_by(|a, b| (a.date, &a.at).cmp(&(b.date, &b.at)));
    h
}

/// `n` consecutive days from `start`.
fn run(start: Date, n: i64) -> Vec<Date> {
    (0..n).map(|i| start.checked_add(i.days()).unwrap()).collect()
}

fn streak_at(settings: &Settings, h: &[Entry], today: Date, weeks_back: i64) -> Streaks {
    let from = today.checked_sub((weeks_back * 7).days()).unwrap();
    streaks(&weeks(&Catalog::builtin(), settings, h, from, today, today), today)
}

#[test]
fn day_completeness() {
    let c = Catalog::builtin();
    let s = Settings::default();
    let d = date(2026, 11, 24);
    let skip_all: Vec<Entry> = DEFAULT_ROUTINE.iter().map(|id| entry(d, id, EntryKind::Skipped)).collect();
    let mut one_skip = full_day(d);
    one_skip.retain(|e| !e.is_for("bird-dog"));
    one_skip.push(entry(d, "bird-dog", EntryKind::Skipped));
    let mut two_bouts = full_day(d);
    two_bouts.remove(0);
    let cases: [(&str, Vec<Entry>, bool); 5] = [
        ("nothing logged", vec![], false),
        ("everything done", full_day(d), true),
        ("one excused skip", one_skip, true),
        ("only skips", skip_all, false),
        ("walk 2 of 3 bouts", two_bouts, false),
    ];
    for (name, h, want) in cases {
        assert_eq!(crate::days::span(&c, &s, &h, d, d, d)[0].complete, want, "{name}");
    }
}

#[test]
fn active_level_walks_count_per_week_not_per_day() {
    let c = Catalog::builtin();
    let s = Settings { level: Level::Active, ..Settings::default() };
    let monday = date(2026, 11, 16);
    // Five days of everything but the walk; walks (one 30-min bout at step 21) on 4 days.
    let mut h = Vec::new();
    for (i, d) in run(monday, 5).into_iter().enumerate() {
        for id in &DEFAULT_ROUTINE[1..] {
            h.push(entry(d, id, EntryKind::Done));
        }
        if i < 4 {
            let mut w = entry(d, "walk", EntryKind::Done);
            w.step = Some(24); // 1 × 39 min: one bout makes the day's walk
            h.push(w);
        }
    }
    let w = &weeks(&c, &s, &h, monday, monday, monday)[0];
    assert_eq!((w.complete_days, w.walk_days, w.meets_target), (5, 4, true));
    assert_eq!(w.days[0].walk_minutes, 39);
    h.retain(|e| !(e.is_for("walk") && e.date == monday));
    let w = &weeks(&c, &s, &h, monday, monday, monday)[0];
    assert_eq!((w.complete_days, w.walk_days, w.meets_target), (5, 3, false));
}

#[test]
fn streak_table() {
    let s = Settings::default();
    let tue = date(2026, 11, 24); // a Tuesday; the week began Monday the 23rd
    let mon = date(2026, 11, 23);
    let weeks_before = |n: i64| mon.checked_sub((7 * n).days()).unwrap();
    let five_days = |start: Date| run(start, 5);
    type Case = (&'static str, Vec<Date>, Date, (u32, u32));
    let cases: Vec<Case> = vec![
        ("empty log", vec![], tue, (0, 0)),
        ("first week, 2 days so far: unfinished, not broken", run(mon, 2), tue, (0, 0)),
        ("last week met, this week unfinished", five_days(weeks_before(1)), tue, (1, 1)),
        (
            "three weeks met",
            [weeks_before(3), weeks_before(2), weeks_before(1)].into_iter().flat_map(five_days).collect(),
            tue,
            (3, 3),
        ),
        (
            "a gap week breaks it; longest stays",
            [weeks_before(4), weeks_before(3), weeks_before(1)].into_iter().flat_map(five_days).collect(),
            tue,
            (1, 2),
        ),
        (
            "current week already met counts",
            [five_days(weeks_before(1)), run(date(2026, 11, 23), 5)].concat(),
            date(2026, 11, 27),
            (2, 2),
        ),
        ("four days is not enough", run(weeks_before(1), 4), tue, (0, 0)),
        (
            "across the year boundary",
            [run(date(2025, 12, 22), 5), run(date(2025, 12, 29), 5), run(date(2026, 1, 5), 5)].concat(),
            date(2026, 1, 13),
            (3, 3),
        ),
        (
            "DST week (Europe, 25 Oct 2026) is a plain civil week",
            [run(date(2026, 10, 19), 7), run(date(2026, 10, 26), 5)].concat(),
            date(2026, 11, 3),
            (2, 2),
        ),
    ];
    for (name, days, today, (current, longest)) in cases {
        let h = history(&days, vec![]);
        assert_eq!(streak_at(&s, &h, today, 8), Streaks { current, longest }, "{name}");
    }
}

#[test]
fn a_backfilled_day_completes_a_past_week() {
    let s = Settings::default();
    let today = date(2026, 11, 24);
    let days = run(date(2026, 11, 16), 4);
    assert_eq!(streak_at(&s, &history(&days, vec![]), today, 4).current, 0);
    let backfilled = [days, vec![date(2026, 11, 22)]].concat();
    assert_eq!(streak_at(&s, &history(&backfilled, vec![]), today, 4).current, 1);
}

#[test]
fn settings_shape_the_week() {
    let today = date(2026, 11, 24);
    let h = history(&run(date(2026, 11, 16), 4), vec![]);
    // Lowering days_per_week applies to past weeks too: four days now make a week.
    let four = Settings { days_per_week: 4, ..Settings::default() };
    assert_eq!(streak_at(&four, &h, today, 4).current, 1);
    // Weeks starting on Sunday regroup the same days.
    let sunday = Settings { week_starts_on: Weekday::Sunday, ..Settings::default() };
    let w = weeks(&Catalog::builtin(), &sunday, &h, today, today, today);
    assert_eq!(w[0].start, date(2026, 11, 22));
}
