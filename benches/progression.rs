//! Today's prescriptions from 10 years of daily history (every routine exercise every day,
//! three walk bouts): the worst case for the rules, which scan an exercise's entries.
//! `cargo bench --bench progression`; under `cargo test` it runs one quick round.

use std::time::Instant;

use jiff::ToSpan;
use jiff::civil::Date;
use upright::catalog::{Catalog, DEFAULT_ROUTINE};
use upright::config::Settings;
use upright::progression::{forecast, prescribe};
use upright::state::{Entry, EntryKind, Feedback};

fn history(years: i64, last: Date) -> Vec<Entry> {
    let mut out = Vec::new();
    let mut day = last.checked_sub((years * 365).days()).unwrap();
    while day <= last {
        for id in DEFAULT_ROUTINE {
            for b in 0..if id == "walk" { 3 } else { 1 } {
                let mut e =
                    Entry::new(format!("{day}-{id}-{b}"), day, format!("{day}T07:0{b}:00Z"), EntryKind::Done);
                e.exercise = Some(id.into());
                e.step = Some(3);
                e.feedback = Some(Feedback::Ok);
                e.pain = Some(0);
                out.push(e);
            }
        }
        day = day.tomorrow().unwrap();
    }
    out
}

fn median_micros(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let runs = if full { 201 } else { 3 };
    let catalog = Catalog::builtin();
    let settings = Settings::default();
    let today = Date::constant(2026, 11, 24);
    let n = settings.routine(&catalog).len() as f64;
    let ten_years = history(10, today.yesterday().unwrap());
    let since = today.checked_sub(62.days()).unwrap();
    let recent: Vec<Entry> = ten_years.iter().filter(|e| e.date >= since).cloned().collect();
    for (label, h) in [("empty", &Vec::new()), ("62 days", &recent), ("10 years", &ten_years)] {
        let t = median_micros(runs, || {
            std::hint::black_box(prescribe(&catalog, &settings, h, today));
        });
        println!(
            "prescribe, {label:>8} ({:>6} entries): {t:>8.1} µs total, {:>6.1} µs per exercise",
            h.len(),
            t / n
        );
    }
    for weeks in [8, 52] {
        let t = median_micros(if full { 21 } else { 1 }, || {
            std::hint::black_box(forecast(&catalog, &settings, &recent, today, weeks));
        });
        println!("forecast, {weeks:>2} weeks from 62 days of history: {:>8.2} ms", t / 1000.0);
    }
}
