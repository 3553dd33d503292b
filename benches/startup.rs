//! Process-level figures for the README: `upright today --json`, `status` and `done` with an
//! empty log vs a generated 10-year log, against `upright --version` in the same run.
//! `cargo bench --bench startup` prints the table; under `cargo test` it runs one quick round.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::{NOW, generate};
use jiff::civil::Date;

fn time(data: &Path, args: &[&str], runs: usize) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
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
            assert!(
                out.status.success() || args[0] == "done",
                "{args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            took
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn main() {
    // `UPRIGHT_GENERATE=DIR cargo bench --bench startup` only writes a 10-year log into DIR.
    if let Ok(dir) = std::env::var("UPRIGHT_GENERATE") {
        generate(Path::new(&dir), 10, Date::constant(2026, 11, 23));
        return;
    }
    let full = std::env::args().any(|a| a == "--bench");
    let (runs, years) = if full { (41, 10) } else { (1, 1) };
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty");
    let long = dir.path().join("long");
    std::fs::create_dir_all(&empty).unwrap();
    std::fs::write(empty.join("no-config.toml"), "").unwrap();
    std::fs::create_dir_all(&long).unwrap();
    std::fs::write(long.join("no-config.toml"), "").unwrap();
    let last = Date::constant(2026, 11, 23);
    let start = Instant::now();
    generate(&long, years, last);
    let size: u64 =
        std::fs::read_dir(long.join("history")).unwrap().map(|e| e.unwrap().metadata().unwrap().len()).sum();
    println!("generated {years} years of history ({:.1} MB) in {:?}", size as f64 / 1e6, start.elapsed());

    let base = time(&empty, &["--version"], runs);
    println!("{:<28} {:>10} {:>10} {:>8}", "median of runs", "empty", format!("{years}y"), "vs --version");
    println!("{:<28} {:>10.2?}", "upright --version", base);
    for args in [&["today", "--json"][..], &["status"], &["status", "--json"]] {
        let e = time(&empty, args, runs);
        let l = time(&long, args, runs);
        println!(
            "{:<28} {:>10.2?} {:>10.2?} {:>7.2}×",
            args.join(" "),
            e,
            l,
            l.as_secs_f64() / base.as_secs_f64()
        );
    }
    // A save: each run logs one more walk bout (walks may repeat), so the month grows slightly.
    let e = time(&empty, &["done", "walk"], runs);
    let l = time(&long, &["done", "walk"], runs);
    println!(
        "{:<28} {:>10.2?} {:>10.2?} {:>7.2}× empty",
        "done walk",
        e,
        l,
        l.as_secs_f64() / e.as_secs_f64()
    );
}
