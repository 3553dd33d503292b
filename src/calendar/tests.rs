//! The calendar read back by a second, independent parser (the `ical` crate).

use ical::parser::ical::component::IcalCalendar;
use jiff::Timestamp;
use jiff::civil::date;
use jiff::tz::TimeZone;

use super::{events, ics, uid};
use crate::catalog::Catalog;
use crate::config::Settings;

fn parse(text: &str) -> IcalCalendar {
    let mut cals = ical::IcalParser::new(text.as_bytes());
    let cal = cals.next().expect("one calendar").expect("it parses");
    assert!(cals.next().is_none());
    cal
}

fn prop<'a>(props: &'a [ical::property::Property], name: &str) -> Option<&'a str> {
    props.iter().find(|p| p.name == name).and_then(|p| p.value.as_deref())
}

fn write(settings: &Settings, weeks: u32) -> String {
    let catalog = Catalog::builtin();
    let berlin = TimeZone::get("Europe/Berlin").unwrap();
    // From Mon 23 Mar 2026: Berlin moves its clocks on Sun 29 Mar.
    let today = date(2026, 3, 23);
    let evs = events(&catalog, settings, &[], today, weeks, &berlin);
    let now: Timestamp = "2026-03-23T06:30:00Z".parse().unwrap();
    ics(&evs, settings.calendar.alarm_minutes, now)
}

#[test]
fn each_day_is_one_event_at_the_set_time_with_an_alarm_and_the_plans_doses() {
    let text = write(&Settings::default(), 2);
    let cal = parse(&text);
    assert_eq!(cal.events.len(), 14);
    let first = &cal.events[0];
    assert_eq!(prop(&first.properties, "UID"), Some("routine-20260323@upright"));
    assert_eq!(prop(&first.properties, "SUMMARY"), Some("Back routine"));
    // 07:30 in Berlin: 06:30 UTC in winter time, 05:30 UTC once the clocks moved.
    assert_eq!(prop(&first.properties, "DTSTART"), Some("20260323T063000Z"));
    assert_eq!(prop(&cal.events[7].properties, "DTSTART"), Some("20260330T053000Z"));
    let description = prop(&first.properties, "DESCRIPTION").unwrap();
    assert!(description.contains("Walk: 3 × 5 min"), "{description}");
    assert!(description.contains("Curl-up: "), "{description}");
    assert!(description.contains("It is not medical advice"), "the disclaimer: {description}");
    let alarm = &first.alarms[0];
    assert_eq!(prop(&alarm.properties, "ACTION"), Some("DISPLAY"));
    assert_eq!(prop(&alarm.properties, "TRIGGER"), Some("-PT600S"));
    // Every day has its own UID, the same whenever it is written.
    let uids: std::collections::BTreeSet<_> =
        cal.events.iter().filter_map(|e| prop(&e.properties, "UID")).collect();
    assert_eq!(uids.len(), 14);
    assert_eq!(text, write(&Settings::default(), 2), "the same day written twice is the same text");
}

#[test]
fn the_time_and_the_alarm_come_from_the_config_and_strength_days_are_marked() {
    let mut catalog = Catalog::builtin();
    let mut settings = crate::config::parse(
        "strength = true\n[calendar]\nat = \"18:15\"\nalarm_minutes = 25\n",
        &mut catalog,
    )
    .unwrap();
    settings.strength.enabled = true;
    // Two weeks: strength days start in the second week of a new log (issue 25, E).
    let cal = parse(&write(&settings, 2));
    assert_eq!(prop(&cal.events[0].properties, "DTSTART"), Some("20260323T171500Z"));
    assert_eq!(prop(&cal.events[0].alarms[0].properties, "TRIGGER"), Some("-PT1500S"));
    let strength: Vec<_> = cal
        .events
        .iter()
        .filter(|e| prop(&e.properties, "SUMMARY") == Some("Back routine + strength day"))
        .collect();
    assert!(!strength.is_empty() && strength.len() < 7, "{}", strength.len());
    for e in strength {
        assert!(prop(&e.properties, "DESCRIPTION").unwrap().contains("Strength day:"));
        assert_eq!(prop(&e.properties, "CATEGORIES"), Some("Health,Strength"));
    }
}

#[test]
fn bad_calendar_keys_name_the_key_and_line() {
    let mut catalog = Catalog::builtin();
    let e = crate::config::parse("[calendar]\nat = \"7.30\"\n", &mut catalog).unwrap_err();
    assert!(e.starts_with("1:1: calendar.at = \"7.30\" is not a time"), "{e}");
    let e = crate::config::parse("\n[calendar]\nalarm_minutes = 2000\n", &mut catalog).unwrap_err();
    assert!(e.contains("calendar.alarm_minutes = 2000"), "{e}");
    let e = crate::config::parse("[import]\nfolder = \"walks\"\n", &mut catalog).unwrap_err();
    assert!(e.contains("import.folder = \"walks\" is not a full path"), "{e}");
    assert_eq!(uid(date(2026, 3, 23)), "routine-20260323@upright");
}
