//! Shared by the benchmarks: a generated long history, written as real month files.
#![allow(dead_code)]

use std::path::Path;

use jiff::ToSpan;
use jiff::civil::Date;
use upright::catalog::DEFAULT_ROUTINE;
use upright::log::Activity;
use upright::state::{Entry, EntryKind, Feedback};

/// The pinned clock of every benchmark run.
pub const NOW: &str = "2026-11-24T07:30:00+01:00[Europe/Berlin]";

/// Writes `years` of daily history (every routine exercise, three walk bouts, and each Monday
/// the weekly check-in with two PSFS activities, as the app asks for it) as month files.
pub fn generate(data: &Path, years: i64, last: Date) {
    let dir = data.join("history");
    std::fs::create_dir_all(&dir).unwrap();
    let first = last.checked_sub((years * 365).days()).unwrap();
    let mut month: Vec<Entry> = Vec::new();
    let mut day = first;
    let mut n = 0u64;
    while day <= last {
        for id in DEFAULT_ROUTINE {
            for _ in 0..if id == "walk" { 3 } else { 1 } {
                n += 1;
                let at = format!("{day}T07:{:02}:00+01:00", n % 60);
                let mut e = Entry::new(format!("gen-{n}"), day, at, EntryKind::Done);
                e.exercise = Some(id.into());
                e.step = Some(1);
                e.feedback = Some(Feedback::Ok);
                e.pain = Some(0);
                month.push(e);
            }
        }
        if day.weekday() == jiff::civil::Weekday::Monday {
            n += 1;
            let mut e =
                Entry::new(format!("gen-{n}"), day, format!("{day}T07:59:00+01:00"), EntryKind::Checkin);
            e.pain = Some(2);
            e.activities = vec![
                Activity { name: "Walking to the shop".into(), score: 7 },
                Activity { name: "Gardening".into(), score: 5 },
            ];
            month.push(e);
        }
        let next = day.tomorrow().unwrap();
        if next.month() != day.month() || next > last {
            #[derive(serde::Serialize)]
            struct File<'a> {
                version: u32,
                entry: &'a [Entry],
            }
            let text = toml::to_string(&File { version: 1, entry: &month }).unwrap();
            std::fs::write(dir.join(format!("{}.toml", day.strftime("%Y-%m"))), text).unwrap();
            month.clear();
        }
        day = next;
    }
}
