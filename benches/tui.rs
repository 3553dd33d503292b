//! The app in a pseudo-terminal: time to the first frame with an empty and a 10-year log,
//! wakeups per second idle and with a timer running (context switches of every thread, from
//! /proc), and resident memory. `cargo bench --bench tui`; under `cargo test` one quick round.

mod common;
#[path = "../tests/common/mod.rs"]
mod pty;

use std::path::Path;
use std::time::{Duration, Instant};

use common::{NOW, generate};
use jiff::civil::Date;
use pty::Pty;

fn spawn(data: &Path) -> Pty {
    Pty::spawn(&[], &[("UPRIGHT_NOW", NOW)], data, 100, 30)
}

/// Spawn to the first drawn frame (the routine list on screen).
fn first_frame(data: &Path) -> Duration {
    let start = Instant::now();
    let mut pty = spawn(data);
    pty.wait_for("Bird-dog", 20);
    let took = start.elapsed();
    pty.send("q");
    pty.wait_exit(5);
    took
}

/// Context switches of all the process's threads, (voluntary, involuntary): a voluntary one is
/// a thread that slept and was woken (a wakeup); an involuntary one is a thread the scheduler
/// preempted, which says more about the machine's load than about the app.
fn switches(pid: u32) -> (u64, u64) {
    let mut total = (0, 0);
    for task in std::fs::read_dir(format!("/proc/{pid}/task")).unwrap().flatten() {
        let status = std::fs::read_to_string(task.path().join("status")).unwrap_or_default();
        let count = |key: &str| {
            let line = status.lines().find(|l| l.starts_with(key));
            line.and_then(|l| l.split_whitespace().last()?.parse::<u64>().ok()).unwrap_or(0)
        };
        total.0 += count("voluntary_ctxt_switches");
        total.1 += count("nonvoluntary_ctxt_switches");
    }
    total
}

fn status_kib(pid: u32, key: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find(|l| l.starts_with(key))
        .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        .unwrap_or(0)
}

/// Wakeups per second over `secs`, and preemptions per second.
fn rate(pid: u32, secs: u64) -> (f64, f64) {
    let before = switches(pid);
    std::thread::sleep(Duration::from_secs(secs));
    let after = switches(pid);
    ((after.0 - before.0) as f64 / secs as f64, (after.1 - before.1) as f64 / secs as f64)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let (runs, secs, years) = if full { (15, 10, 10) } else { (1, 1, 1) };
    let dir = tempfile::tempdir().unwrap();
    let (empty, long) = (dir.path().join("empty"), dir.path().join("long"));
    std::fs::create_dir_all(&empty).unwrap();
    generate(&long, years, Date::constant(2026, 11, 23));
    // Past the first run in both.
    for data in [&empty, &long] {
        pty::upright(data, &["init", "--accept"]);
    }
    // This week's check-in answered, so every start opens on the Today screen measured here.
    pty::upright(&long, &["checkin", "--pain", "2"]);
    // And the morning question after yesterday's sessions (rule 11).
    pty::upright(&long, &["settled", "yes"]);
    // The first start builds the month index; measure warm starts, as every morning is.
    first_frame(&long);
    let e = median((0..runs).map(|_| first_frame(&empty)).collect());
    let l = median((0..runs).map(|_| first_frame(&long)).collect());
    println!(
        "first frame (median of {runs}): empty {e:.2?}, {years}-year log {l:.2?} ({:.2}×)",
        l.as_secs_f64() / e.as_secs_f64()
    );

    let mut pty = spawn(&long);
    pty.wait_for("Bird-dog", 20);
    std::thread::sleep(Duration::from_millis(300));
    let pid = pty.pid();
    let idle = rate(pid, secs);
    pty.send("\r");
    pty.wait_for("GET READY", 5);
    // Let the key press and its redraw settle, then count.
    std::thread::sleep(Duration::from_millis(1500));
    let timing = rate(pid, secs);
    let (rss, hwm) = (status_kib(pid, "VmRSS:"), status_kib(pid, "VmHWM:"));
    println!(
        "wakeups/s over {secs} s: idle {:.2}, timer running {:.2} (preemptions/s: {:.2}, {:.2})",
        idle.0, timing.0, idle.1, timing.1
    );
    println!(
        "memory with the {years}-year log: resident {:.1} MiB (peak {:.1} MiB)",
        rss as f64 / 1024.0,
        hwm as f64 / 1024.0
    );
    pty.send("\x03");
    pty.wait_exit(5);
}
