//! `upright calendar` through the real binary: the file it writes opens in a second,
//! independent parser (the `ical` crate), holds one event a day with an alarm, and is the same
//! text when written again (stable UIDs, so a calendar updates rather than duplicates).

mod common;

use common::upright;

fn events(text: &str) -> Vec<ical::parser::ical::component::IcalEvent> {
    let mut cals = ical::IcalParser::new(text.as_bytes());
    let cal = cals.next().expect("a calendar").expect("it parses");
    cal.events
}

fn prop(e: &ical::parser::ical::component::IcalEvent, name: &str) -> String {
    e.properties.iter().find(|p| p.name == name).and_then(|p| p.value.clone()).unwrap_or_default()
}

#[test]
fn the_calendar_file_opens_and_stays_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    upright(d, &["init", "--accept"]);
    let mut config = std::fs::read_to_string(d.join("config.toml")).unwrap();
    config.push_str("\n[calendar]\nat = \"18:00\"\nalarm_minutes = 15\n");
    std::fs::write(d.join("config.toml"), config).unwrap();
    let file = d.join("upright.ics");
    let said = upright(d, &["calendar", "--weeks", "2", "--out", file.to_str().unwrap()]);
    assert!(said.starts_with("wrote 14 days to "), "{said}");
    let text = std::fs::read_to_string(&file).unwrap();
    let all = events(&text);
    assert_eq!(all.len(), 14);
    // Tue 24 Nov 2026 18:00 in Berlin is 17:00 UTC.
    assert_eq!(prop(&all[0], "DTSTART"), "20261124T170000Z");
    assert_eq!(prop(&all[0], "UID"), "routine-20261124@upright");
    assert_eq!(prop(&all[13], "UID"), "routine-20261207@upright");
    assert!(prop(&all[0], "DESCRIPTION").contains("Walk: 3 × 5 min"));
    assert!(prop(&all[0], "DESCRIPTION").contains("not medical advice"));
    let alarm = &all[0].alarms[0];
    let trigger = alarm.properties.iter().find(|p| p.name == "TRIGGER").unwrap();
    assert_eq!(trigger.value.as_deref(), Some("-PT900S"));
    // On stdout, the same calendar; written again, the same text.
    assert_eq!(upright(d, &["calendar", "--weeks", "2"]), text);
    upright(d, &["calendar", "--weeks", "2", "--out", file.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
}
