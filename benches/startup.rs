//! Process-level figures for docs/speed.md: `upright today --json`, `status` and `done` with an
//! empty log vs a generated 10-year log, against `upright --version` in the same run.
//! `cargo bench --bench startup` prints the table; under `cargo test` it runs one quick round.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::{NOW, generate};
use jiff::civil::Date;

/// One run of `upright ARGS` against `data`: its wall time.
fn once(data: &Path, args: &[&str]) -> Duration {
    let start = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_upright"))
        .env("UPRIGHT_NOW", NOW)
        .env("UPRIGHT_CONFIG", data.join("no-config.toml"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .output()
        .unwrap();
    let took = start.elapsed();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    took
}

/// The median time of each of `cases`, run in turn round after round, so that the machine
/// speeding up or slowing down over the run touches every case alike.
fn medians(cases: &[(&Path, &[&str])], runs: usize) -> Vec<Duration> {
    let mut times = vec![Vec::with_capacity(runs); cases.len()];
    for _ in 0..runs {
        for (case, (data, args)) in cases.iter().enumerate() {
            times[case].push(once(data, args));
        }
    }
    times
        .into_iter()
        .map(|mut t| {
            t.sort();
            t[runs / 2]
        })
        .collect()
}

fn main() {
    // `UPRIGHT_GENERATE=DIR cargo bench --bench startup` only writes a 10-year log into DIR.
    if let Ok(dir) = std::env::var("UPRIGHT_GENERATE") {
        generate(Path::new(&dir), 10, Date::constant(2026, 11, 23));
        return;
    }
    let full = std::env::args().any(|a| a == "--bench");
    let (runs, years) = if full { (61, 10) } else { (1, 1) };
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty");
    let long = dir.path().join("long");
    std::fs::create_dir_all(&empty).unwrap();
    std::fs::write(empty.join("no-config.toml"), "").unwrap();
    std::fs::create_dir_all(&long).unwrap();
    std::fs::write(long.join("no-config.toml"), "").unwrap();
    // One year beside ten: what the years themselves cost, apart from having recent months.
    let year = dir.path().join("year");
    std::fs::create_dir_all(&year).unwrap();
    std::fs::write(year.join("no-config.toml"), "").unwrap();
    let last = Date::constant(2026, 11, 23);
    generate(&year, 1, last);
    let start = Instant::now();
    generate(&long, years, last);
    let size: u64 =
        std::fs::read_dir(long.join("history")).unwrap().map(|e| e.unwrap().metadata().unwrap().len()).sum();
    println!("generated {years} years of history ({:.1} MB) in {:?}", size as f64 / 1e6, start.elapsed());

    let views: [&[&str]; 4] = [&["today", "--json"], &["status"], &["status", "--json"], &["nudge"]];
    let mut cases: Vec<(&Path, &[&str])> = vec![(&empty, &["--version"])];
    for args in views {
        cases.extend([(empty.as_path(), args), (year.as_path(), args), (long.as_path(), args)]);
    }
    let t = medians(&cases, runs);
    let base = t[0];
    println!(
        "{:<24} {:>10} {:>10} {:>10} {:>13}",
        "median of runs",
        "empty",
        "1y",
        format!("{years}y"),
        "vs --version"
    );
    println!("{:<24} {:>10.2?}", "upright --version", base);
    for (i, args) in views.iter().enumerate() {
        let (e, y, l) = (t[1 + 3 * i], t[2 + 3 * i], t[3 + 3 * i]);
        let ratio = l.as_secs_f64() / base.as_secs_f64();
        println!("{:<24} {:>10.2?} {:>10.2?} {:>10.2?} {:>12.2}×", args.join(" "), e, y, l, ratio);
    }
    // A save and its undo, in turn, so every run is a real save (a fourth walk bout of three
    // would be refused) and the month stays the same size.
    let t = medians(
        &[
            (&empty, &["done", "walk"]),
            (&empty, &["undo", "walk"]),
            (&long, &["done", "walk"]),
            (&long, &["undo", "walk"]),
        ],
        runs,
    );
    for (i, what) in ["done walk", "undo walk"].iter().enumerate() {
        let (e, l) = (t[i], t[2 + i]);
        println!("{:<28} {:>10.2?} {:>10.2?} {:>7.2}× empty", what, e, l, l.as_secs_f64() / e.as_secs_f64());
    }
}
