//! `upright import` of a year of daily walks: 365 GPX files (a 30-minute walk each, a point
//! every 5 s, as phone apps record), read, judged day by day and saved, into an empty log.
//! Target: under a second. `cargo bench --bench import`; under `cargo test` one quick round.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::NOW;
use jiff::ToSpan;
use upright::catalog::Catalog;
use upright::config::Settings;
use upright::ctx::Ctx;
use upright::import::{plan, write};
use upright::state::{Feedback, Store};

/// One GPX file per day for the `days` days before today: a walk at 08:00 UTC.
fn files(dir: &Path, days: i64) -> Vec<std::path::PathBuf> {
    let today: jiff::Zoned = NOW.parse().unwrap();
    (1..=days)
        .map(|back| {
            let day = today.date().checked_sub(back.days()).unwrap();
            let t0: jiff::Timestamp = format!("{day}T08:00:00Z").parse().unwrap();
            let mut doc = String::from(
                "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" creator=\"OpenTracks\" xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><type>walking</type><trkseg>\n",
            );
            for i in 0..=360 {
                let at = t0 + jiff::SignedDuration::from_secs(i * 5);
                let lat = 52.5 + (i as f64 * 6.5) / 111_195.0;
                doc.push_str(&format!("<trkpt lat=\"{lat:.7}\" lon=\"13.4\"><ele>34</ele><time>{at}</time></trkpt>\n"));
            }
            doc.push_str("</trkseg></trk></gpx>\n");
            let path = dir.join(format!("walk-{day}.gpx"));
            std::fs::write(&path, doc).unwrap();
            path
        })
        .collect()
}

fn ctx(data: &Path) -> Ctx {
    let now: jiff::Zoned = NOW.parse().unwrap();
    let settings = Settings::default();
    let today = settings.coaching_date(&now);
    Ctx {
        catalog: Catalog::builtin(),
        settings,
        store: Store::open(data),
        now,
        today,
        config_path: data.join("none.toml"),
    }
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let (runs, days) = if full { (5, 365) } else { (1, 30) };
    let exports = tempfile::tempdir().unwrap();
    let paths = files(exports.path(), days);
    let t = Instant::now();
    for p in &paths {
        upright::import::read::read_file(p).unwrap();
    }
    let read_only = t.elapsed();
    let mut total = Vec::new();
    let (mut reading, mut saving) = (Duration::ZERO, Duration::ZERO);
    for _ in 0..runs {
        let data = tempfile::tempdir().unwrap();
        let mut ctx = ctx(data.path());
        let t = Instant::now();
        let plan = plan::plan(&mut ctx, &paths, Feedback::Ok, true).unwrap();
        let planned = t.elapsed();
        let saved = write::write(&mut ctx.store, &plan);
        let all = t.elapsed();
        assert_eq!(saved.logged, days as usize, "{:?}", saved.errors);
        total.push(all);
        reading += planned;
        saving += all - planned;
    }
    total.sort();
    let n = runs as u32;
    println!(
        "import of {days} daily walk files into an empty log: median {:.0} ms (read and judge {:.0} ms, save {:.0} ms; {runs} runs)",
        total[total.len() / 2].as_secs_f64() * 1000.0,
        (reading / n).as_secs_f64() * 1000.0,
        (saving / n).as_secs_f64() * 1000.0,
    );
    println!("  of which reading the files alone: {:.0} ms", read_only.as_secs_f64() * 1000.0);
}
