//! `upright calendar`: the coming days' routine as iCalendar (RFC 5545), written with the
//! `icalendar` crate. Each day is one event at the configured time holding the doses of
//! `upright plan` (strength days marked, with their lifts), an alarm the configured minutes
//! before, and the disclaimer. A day's UID is its date, so importing the file again (or a
//! calendar subscribed to it) updates the day rather than adding a second one. Pure: today,
//! now and the zone come in.

use icalendar::{Alarm, Calendar, Component, Event, EventLike, Trigger};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp, ToSpan};

use crate::catalog::Catalog;
use crate::config::Settings;
use crate::log::Entry;

/// How long an event is: the daily routine at its fullest takes about this long.
const EVENT_MINUTES: i64 = 30;

pub use upright_core::settings::CalendarSettings;

/// One day's event, before it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct DayEvent {
    pub date: Date,
    pub start: Timestamp,
    pub strength: bool,
    pub summary: String,
    pub description: String,
}

/// The UID of `date`'s event: the same in every file upright writes.
pub fn uid(date: Date) -> String {
    format!("routine-{}@upright", date.strftime("%Y%m%d"))
}

/// The events of the `weeks` weeks from `today`, with the doses the plan forecasts.
pub fn events(
    catalog: &Catalog,
    settings: &Settings,
    entries: &[Entry],
    today: Date,
    weeks: u32,
    tz: &TimeZone,
) -> Vec<DayEvent> {
    let plan = crate::progression::forecast(catalog, settings, entries, today, weeks);
    let strength = crate::strength::forecast(catalog, settings, entries, today, weeks);
    let units = settings.strength.units;
    let routine = settings.routine(catalog);
    let days = i64::from(weeks) * 7;
    let mut out = Vec::new();
    for i in 0..days {
        let Ok(date) = today.checked_add(i.days()) else { break };
        let Some(week) = plan.iter().rev().find(|w| w.week_start <= date).or(plan.first()) else { continue };
        let mut lines: Vec<String> = routine
            .iter()
            .filter_map(|ex| {
                week.exercises.iter().find(|p| p.id == ex.id).map(|p| format!("{}: {}", ex.name, p.dose_text))
            })
            .collect();
        let lifts = strength.iter().find(|f| f.date == date);
        if let Some(f) = lifts {
            lines.push(String::new());
            lines.push("Strength day:".into());
            for (id, rx) in &f.lifts {
                if let Some(lift) = catalog.get(id) {
                    lines.push(format!("{}: {}", lift.name, rx.text(lift, units)));
                }
            }
        }
        lines.push(String::new());
        lines.extend(crate::safety::DISCLAIMER.iter().map(|p| p.to_string()));
        let Ok(start) = date.to_datetime(settings.calendar.at).to_zoned(tz.clone()) else { continue };
        out.push(DayEvent {
            date,
            start: start.timestamp(),
            strength: lifts.is_some(),
            summary: if lifts.is_some() {
                "Back routine + strength day".into()
            } else {
                "Back routine".into()
            },
            description: lines.join("\n"),
        });
    }
    out
}

/// UTC in iCalendar's basic format, `20261124T063000Z`.
fn utc(t: Timestamp) -> String {
    t.strftime("%Y%m%dT%H%M%SZ").to_string()
}

/// The calendar text: one VEVENT per day, each with a display VALARM. `now` is its DTSTAMP.
pub fn ics(events: &[DayEvent], alarm_minutes: u32, now: Timestamp) -> String {
    let mut cal = Calendar::new();
    cal.name("upright").description("Your daily back routine from upright");
    cal.append_property(("REFRESH-INTERVAL;VALUE=DURATION", "P1D"));
    cal.append_property(("X-PUBLISHED-TTL", "P1D"));
    for e in events {
        let end = e.start + SignedDuration::from_mins(EVENT_MINUTES);
        let words = match alarm_minutes {
            0 => format!("{}: now", e.summary),
            n => format!("{}: in {n} minutes", e.summary),
        };
        let mut alarm = Alarm::display(&words, trigger(alarm_minutes));
        // The crate gives an alarm without them a random UID and the clock's DTSTAMP: a stable
        // UID (RFC 9074) and the file's stamp make the same day written twice the same text.
        alarm.add_property("UID", format!("alarm-{}", uid(e.date))).add_property("DTSTAMP", utc(now));
        let mut event = Event::new();
        event
            .uid(&uid(e.date))
            .summary(&e.summary)
            .description(&e.description)
            .add_property("DTSTAMP", utc(now))
            .add_property("DTSTART", utc(e.start))
            .add_property("DTEND", utc(end))
            .add_property("CATEGORIES", if e.strength { "Health,Strength" } else { "Health" })
            .alarm(alarm);
        cal.push(event.done());
    }
    cal.done().to_string()
}

/// The alarm's trigger: `minutes` before the start (`-PT10M`).
fn trigger(minutes: u32) -> Trigger {
    Trigger::before_start(chrono::Duration::minutes(i64::from(minutes)))
}

#[cfg(test)]
mod tests;
