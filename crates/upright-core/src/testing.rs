//! Helpers that build histories for tests: days counted from a fixed Monday, entries, settings
//! with strength days on, and a day logged as prescribed. Used by the core's own tests and, through
//! the `testing` feature, by the app's.

use jiff::ToSpan;
use jiff::civil::{Date, date};

use crate::catalog::Catalog;
use crate::holds::Holds;
use crate::log::{Entry, EntryKind, Feedback};
use crate::settings::Settings;
use crate::strength::{LIFTS, LiftConfig};

/// Day 0 of the test histories, a Monday.
pub const D0: Date = date(2026, 11, 2);

pub fn day(n: i64) -> Date {
    D0.checked_add(n.days()).unwrap()
}

pub fn entry(n: i64, kind: EntryKind, id: Option<&str>, seq: usize) -> Entry {
    let d = day(n);
    let mut e = Entry::new(format!("{n}-{seq}-{kind}"), d, format!("{d}T{:02}:00:00Z", 6 + seq % 12), kind);
    e.exercise = id.map(String::from);
    e
}

/// A session done easy with `pain` at `step` (a lift with its load and reps).
pub fn done(n: i64, id: &str, step: u32, lift: (Option<f64>, Option<u32>), pain: u8, seq: usize) -> Entry {
    let mut e = entry(n, EntryKind::Done, Some(id), seq);
    e.step = Some(step);
    (e.load, e.reps) = lift;
    e.feedback = Some(Feedback::Easy);
    e.pain = Some(pain);
    e
}

pub fn settings(avoid_extension: bool) -> Settings {
    let mut s = Settings { avoid_extension, ..Settings::default() };
    s.strength.enabled = true;
    for id in LIFTS {
        s.strength.lifts.insert(
            id.into(),
            LiftConfig { load: Some(10.0), increment: Some(2.0), ..LiftConfig::default() },
        );
    }
    s
}

/// Two weeks of easy, pain-free sessions of every routine exercise and every lift at the dose
/// prescribed that day: a history in which every dose is ready to rise.
pub fn good_fortnight(catalog: &Catalog, settings: &Settings) -> Vec<Entry> {
    let mut log = Vec::new();
    for n in 0..14 {
        log_day(catalog, settings, &mut log, n, 0);
    }
    log
}

/// Logs day `n` as prescribed: every exercise easy with `pain`, every lift at its dose.
pub fn log_day(catalog: &Catalog, settings: &Settings, log: &mut Vec<Entry>, n: i64, pain: u8) {
    log_day_with(catalog, settings, log, n, pain, true);
}

/// As [`log_day`], the lifts only when `lifts`.
pub fn log_day_with(
    catalog: &Catalog,
    settings: &Settings,
    log: &mut Vec<Entry>,
    n: i64,
    pain: u8,
    lifts: bool,
) {
    let holds = Holds::on(settings, log, day(n));
    let mut seq = 100;
    for rx in crate::progression::prescribe(catalog, settings, log, day(n)) {
        if rx.hold().is_some_and(|h| h.pauses()) {
            continue;
        }
        for _ in 0..rx.dose.sessions() {
            seq += 1;
            log.push(done(n, &rx.id, rx.step, (None, None), pain, seq));
        }
    }
    for ex in LIFTS.iter().filter_map(|id| catalog.get(id)).filter(|_| lifts) {
        let rx = crate::strength::dose(&holds, ex, settings, log, day(n));
        if rx.hold().is_some_and(|h| h.pauses()) {
            continue;
        }
        seq += 1;
        let step = crate::strength::RepRange::of(ex).step(rx.reps);
        log.push(done(n, &ex.id, step, (rx.load, Some(rx.reps)), pain, seq));
    }
    log.sort_by(|a, b| (a.date, &a.at).cmp(&(b.date, &b.at)));
}
