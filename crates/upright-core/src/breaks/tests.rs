//! Table tests of the break schedule and the companion's moves.

use jiff::Zoned;

use super::*;

fn at(s: &str) -> Zoned {
    format!("{s}+01:00[Europe/Berlin]").parse().unwrap()
}

#[test]
fn next_due_within_work_hours_and_across_evenings_and_weekends() {
    let s = Schedule::default();
    // (since, due): 2026-11-24 is a Tuesday, 2026-11-27 a Friday.
    let table = [
        ("2026-11-24T10:00:00", "2026-11-24T10:45:00"),
        ("2026-11-24T07:30:00", "2026-11-24T09:45:00"), // before work: 45 min after it opens
        ("2026-11-24T09:00:00", "2026-11-24T09:45:00"),
        ("2026-11-24T16:45:00", "2026-11-24T17:30:00"), // exactly at closing still rings
        ("2026-11-24T16:46:00", "2026-11-25T09:45:00"), // past closing: next morning
        ("2026-11-24T22:00:00", "2026-11-25T09:45:00"),
        ("2026-11-27T17:00:00", "2026-11-30T09:45:00"), // Friday evening: Monday
        ("2026-11-28T11:00:00", "2026-11-30T09:45:00"), // Saturday
    ];
    for (since, due) in table {
        assert_eq!(s.next_due(&at(since)), at(due), "since {since}");
    }
    let short = Schedule { every_minutes: 20, ..Schedule::default() };
    assert_eq!(short.next_due(&at("2026-11-24T17:05:00")), at("2026-11-24T17:25:00"));
}

#[test]
fn work_hours_parse() {
    use jiff::civil::time;
    let table = [
        ("09:00-17:30", Some((time(9, 0, 0, 0), time(17, 30, 0, 0)))),
        ("08:15 - 16:00", Some((time(8, 15, 0, 0), time(16, 0, 0, 0)))),
        ("17:30-09:00", None),
        ("9:00-17:30", None),
        ("09:00", None),
        ("25:00-26:00", None),
    ];
    for (text, want) in table {
        assert_eq!(Schedule::parse_hours(text), want, "{text}");
    }
}

#[test]
fn a_due_break_rings_once_and_waits_for_an_answer() {
    let mut c = Companion::new(Schedule::default(), &at("2026-11-24T10:00:00"), 0, plain());
    // Waiting, the screen changes once a minute (the clock, the minutes left), then at the bell.
    assert_eq!(c.next_wake(&at("2026-11-24T10:00:00")), Some(at("2026-11-24T10:01:00")));
    assert_eq!(c.next_wake(&at("2026-11-24T10:30:20.5")), Some(at("2026-11-24T10:31:00")));
    assert_eq!(c.next_wake(&at("2026-11-24T10:44:30")), Some(at("2026-11-24T10:45:00")));
    assert_eq!(c.tick(&at("2026-11-24T10:44:59")), None);
    assert_eq!(c.tick(&at("2026-11-24T10:45:00")), Some(Effect::Ring));
    assert_eq!(c.phase, Phase::Due);
    // No second bell, and no wake-up until a key is pressed.
    assert_eq!(c.tick(&at("2026-11-24T10:50:00")), None);
    assert_eq!(c.next_wake(&at("2026-11-24T10:50:00")), None);
}

#[test]
fn snooze_and_skip() {
    let mut c = Companion::new(Schedule::default(), &at("2026-11-24T10:00:00"), 0, plain());
    c.tick(&at("2026-11-24T10:45:00"));
    c.update(Msg::Snooze, &at("2026-11-24T10:46:00"));
    assert_eq!((c.phase.clone(), c.due.clone()), (Phase::Waiting, at("2026-11-24T10:56:00")));
    assert_eq!(c.said.as_deref(), Some("Snoozed until 10:56."));
    assert_eq!(c.tick(&at("2026-11-24T10:56:00")), Some(Effect::Ring));
    assert_eq!(c.said, None, "what was said before is old news once the break is due");
    assert_eq!(c.update(Msg::Skip, &at("2026-11-24T10:57:00")), None);
    assert_eq!(c.due, at("2026-11-24T11:42:00"));
    // Snooze and skip mean nothing while nothing is due.
    c.update(Msg::Snooze, &at("2026-11-24T11:00:00"));
    c.update(Msg::Skip, &at("2026-11-24T11:00:00"));
    assert_eq!(c.due, at("2026-11-24T11:42:00"));
}

#[test]
fn a_taken_break_runs_its_steps_then_logs_once() {
    let mut c = Companion::new(Schedule::default(), &at("2026-11-24T10:00:00"), 0, plain());
    c.tick(&at("2026-11-24T10:45:00"));
    c.update(Msg::Take, &at("2026-11-24T10:45:10"));
    assert_eq!(c.phase, Phase::Break { step: 0, step_ends: at("2026-11-24T10:45:25") });
    assert_eq!(c.tick(&at("2026-11-24T10:45:25")), None);
    assert_eq!(c.phase, Phase::Break { step: 1, step_ends: at("2026-11-24T10:46:05") });
    assert_eq!(c.tick(&at("2026-11-24T10:46:05")), None);
    assert_eq!(c.tick(&at("2026-11-24T10:46:54")), None);
    assert_eq!(c.tick(&at("2026-11-24T10:46:55")), Some(Effect::Log(at("2026-11-24T10:46:55"))));
    assert_eq!(c.phase, Phase::Waiting);
    assert_eq!(c.due, at("2026-11-24T11:31:55"));
    assert_eq!(c.tick(&at("2026-11-24T10:47:00")), None);
}

#[test]
fn a_guided_break_wakes_once_per_shown_second() {
    let mut c = Companion::new(Schedule::default(), &at("2026-11-24T10:00:00"), 0, plain());
    c.update(Msg::Take, &at("2026-11-24T10:00:00"));
    let wake = c.next_wake(&at("2026-11-24T10:00:00.250")).unwrap();
    assert_eq!(wake, at("2026-11-24T10:00:01"));
}

#[test]
fn the_guided_break_lasts_one_to_two_minutes() {
    let total = Companion::new(Schedule::default(), &at("2026-11-24T10:00:00"), 0, plain()).total_secs();
    assert!((60..=120).contains(&total), "{total} s");
}

#[test]
fn a_long_sleep_passes_every_step_in_one_tick() {
    let mut c = Companion::new(Schedule::default(), &at("2026-11-24T10:00:00"), 0, plain());
    c.update(Msg::Take, &at("2026-11-24T10:00:00"));
    assert_eq!(c.tick(&at("2026-11-24T10:20:00")), Some(Effect::Log(at("2026-11-24T10:20:00"))));
    assert_eq!(c.phase, Phase::Waiting);
}

#[test]
fn the_config_keys() {
    let parse = |text: &str| crate::settings::parse(text, &mut crate::catalog::Catalog::builtin());
    let s = parse("work_hours = \"08:00-16:00\"\nbreak_every = 30\n").unwrap().breaks;
    assert_eq!(
        s,
        Schedule {
            start: jiff::civil::time(8, 0, 0, 0),
            end: jiff::civil::time(16, 0, 0, 0),
            every_minutes: 30
        }
    );
    assert_eq!(parse("").unwrap().breaks, Schedule::default());
    let table = [
        (
            "work_hours = \"17:00-09:00\"",
            "1:14: work_hours = \"17:00-09:00\" is not a span like \"09:00-17:30\"",
        ),
        ("break_every = 2", "1:15: break_every = 2 is not a number of minutes from 5 to 240"),
    ];
    for (text, want) in table {
        assert_eq!(parse(text).unwrap_err(), want);
    }
}

/// The break's movements with no hold.
fn plain() -> crate::holds::Gated<Vec<crate::holds::BreakStep>> {
    crate::holds::break_steps(&crate::holds::Holds::default())
}

#[test]
fn locked_no_break_rings_or_starts() {
    let locked = crate::holds::Holds { locked: Some(jiff::civil::date(2026, 11, 20)), ..Default::default() };
    let mut c = Companion::new(
        Schedule::default(),
        &at("2026-11-24T10:00:00"),
        0,
        crate::holds::break_steps(&locked),
    );
    assert_eq!(c.tick(&at("2026-11-24T10:45:00")), None, "no bell while locked");
    assert_eq!(c.phase, Phase::Waiting);
    c.update(Msg::Take, &at("2026-11-24T10:46:00"));
    assert_eq!(c.phase, Phase::Waiting, "b starts nothing while locked");
}
