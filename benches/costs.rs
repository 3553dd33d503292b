//! Issue 27's figures, at 1, 10 and 30 years of history: what grows with the work.
//! - `status` and `today --json`, time and peak memory (no derived file is kept: every run reads
//!   what it needs from the month files, as a first run does);
//! - `plan --weeks 52` with many `[[custom]]` exercises;
//! - an error exit against a normal one (time and peak memory);
//! - the app's first frame and resident memory against a bare ratatui app drawing one screen
//!   (this benchmark binary itself, run as that app), in the same run.
//!
//! `cargo bench --bench costs` prints the tables; under `cargo test` it runs one quick round at
//! one year. Peak memory is GNU time's `%M` where `/usr/bin/time` exists.

mod common;
#[path = "../tests/common/mod.rs"]
mod pty;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::{NOW, generate};
use jiff::civil::Date;

const BARE: &str = "UPRIGHT_BENCH_BARE_APP";

/// A bare ratatui app: one screen drawn, then it waits for `q`. What any TUI costs to start.
fn bare_app() {
    use ratatui::crossterm::event::{self, Event, KeyCode};
    use ratatui::widgets::{Block, Paragraph};
    let mut terminal = ratatui::init();
    let text = "Walk\nChair hamstring stretch\nCurl-up\nSide bridge\nBird-dog";
    let _ = terminal
        .draw(|f| f.render_widget(Paragraph::new(text).block(Block::bordered().title("bare")), f.area()));
    loop {
        if let Ok(Event::Key(k)) = event::read()
            && k.code == KeyCode::Char('q')
        {
            break;
        }
    }
    ratatui::restore();
}

fn upright(data: &Path, config: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_upright"));
    cmd.env("UPRIGHT_NOW", NOW).env("UPRIGHT_DATA_DIR", data).env("UPRIGHT_CONFIG", config).args(args);
    cmd
}

/// Median wall time of `runs` runs of `upright args`, with `before` done before each (untimed).
fn time(data: &Path, config: &Path, args: &[&str], runs: usize, before: &dyn Fn()) -> Duration {
    let mut t: Vec<Duration> = (0..runs)
        .map(|_| {
            before();
            let start = Instant::now();
            let out = upright(data, config, args).output().unwrap();
            let took = start.elapsed();
            assert!(
                out.status.success() || args[0] == "done",
                "{args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            took
        })
        .collect();
    t.sort();
    t[runs / 2]
}

/// Peak resident memory of one run of `upright args`, in MiB (`None` without GNU time).
fn peak_mib(data: &Path, config: &Path, args: &[&str], before: &dyn Fn()) -> Option<f64> {
    before();
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(env!("CARGO_BIN_EXE_upright"))
        .args(args)
        .env("UPRIGHT_NOW", NOW)
        .env("UPRIGHT_DATA_DIR", data)
        .env("UPRIGHT_CONFIG", config)
        .output()
        .ok()?;
    let err = String::from_utf8_lossy(&out.stderr);
    let kib: f64 = err.lines().last()?.trim().parse().ok()?;
    Some(kib / 1024.0)
}

fn mib(m: Option<f64>) -> String {
    m.map_or("—".into(), |m| format!("{m:.1} MiB"))
}

/// A config with `n` custom exercises (each joins the routine).
fn customs(path: &Path, n: usize) {
    let mut text = String::new();
    for i in 0..n {
        text.push_str(&format!(
            "[[custom]]\nid = \"custom-{i}\"\nname = \"Custom {i}\"\nkind = \"reps\"\nsteps = [\"1 x 8\", \"2 x 8\", \"3 x 8\", \"3 x 10\"]\ncues = [\"Slowly.\"]\n\n"
        ));
    }
    std::fs::write(path, text).unwrap();
}

fn first_frame(program: &Path, args: &[&str], envs: &[(&str, &str)], data: &Path) -> (Duration, u64) {
    let start = Instant::now();
    let mut pty = pty::Pty::spawn_program(program, args, envs, data, 80, 24);
    // The test terminal answers nothing; a real one (xterm, VTE, kitty, tmux...) answers the
    // background colour query (OSC 11) and device attributes (DA1), which the app's `theme =
    // "auto"` asks before its first frame. Answered here as a dark xterm would, at once.
    let mut answered = false;
    while !pty.screen().contains("Bird-dog") {
        assert!(start.elapsed() < Duration::from_secs(20), "no first frame:\n{}", pty.screen());
        if !answered && pty.raw().windows(3).any(|w| w == b"\x1b[c") {
            pty.send("\x1b]11;rgb:0000/0000/0000\x1b\\\x1b[?62;22c");
            answered = true;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
    let took = start.elapsed();
    // Resident memory once the first screen is up and the start's work is done.
    std::thread::sleep(Duration::from_millis(300));
    let status = std::fs::read_to_string(format!("/proc/{}/status", pty.pid())).unwrap_or_default();
    let rss = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        .unwrap_or(0);
    pty.send("q");
    pty.wait_exit(5);
    (took, rss)
}

fn median<T: Ord + Copy>(mut v: Vec<T>) -> T {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    if std::env::var_os(BARE).is_some() {
        bare_app();
        return;
    }
    let full = std::env::args().any(|a| a == "--bench");
    let (runs, all_years): (usize, &[i64]) = if full { (21, &[1, 10, 30]) } else { (1, &[1]) };
    let dir = tempfile::tempdir().unwrap();
    let last = Date::constant(2026, 11, 23);
    let me = std::env::current_exe().unwrap();
    for &years in all_years {
        let data = dir.path().join(format!("y{years}"));
        generate(&data, years, last);
        let config = data.join("config.toml");
        std::fs::write(&config, "").unwrap();
        for args in [&["init", "--accept"][..], &["checkin", "--pain", "2"], &["settled", "yes"]] {
            upright(&data, &config, args).output().unwrap();
        }
        let keep = || {};
        // Warm: the page cache filled.
        upright(&data, &config, &["status"]).output().unwrap();
        let version = time(&data, &config, &["--version"], runs, &keep);
        println!("\n{years} year(s) of history");
        println!(
            "  --version                    {version:>10.2?}  {}",
            mib(peak_mib(&data, &config, &["--version"], &keep))
        );
        for args in [&["status"][..], &["today", "--json"], &["nudge"]] {
            let took = time(&data, &config, args, runs, &keep);
            let peak = peak_mib(&data, &config, args, &keep);
            println!(
                "  {:<28} {took:>10.2?} ({:.2}× --version), {}",
                args.join(" "),
                took.as_secs_f64() / version.as_secs_f64(),
                mib(peak)
            );
        }
        // An error exit: an unknown exercise.
        let error = time(&data, &config, &["done", "no-such-exercise"], runs, &keep);
        println!(
            "  error exit (done no-such-exercise) {error:>10.2?} ({:.2}× --version), {}",
            error.as_secs_f64() / version.as_secs_f64(),
            mib(peak_mib(&data, &config, &["done", "no-such-exercise"], &keep))
        );
        // The plan forecast with many custom exercises.
        let plan_config = data.join("customs.toml");
        let counts: &[usize] = if full { &[0, 10, 20, 40] } else { &[0, 5] };
        for &n in counts {
            customs(&plan_config, n);
            let t = time(&data, &plan_config, &["plan", "--weeks", "52"], runs.min(3), &keep);
            println!("  plan --weeks 52, {n:>3} custom exercises {t:>10.2?}");
        }
        // The app's first frame against a bare ratatui app, in turn.
        let envs = [("UPRIGHT_NOW", NOW)];
        let bare_env = [(BARE, "1")];
        let app: Vec<(Duration, u64)> = (0..runs)
            .map(|_| first_frame(Path::new(env!("CARGO_BIN_EXE_upright")), &[], &envs, &data))
            .collect();
        let bare: Vec<(Duration, u64)> = (0..runs).map(|_| first_frame(&me, &[], &bare_env, &data)).collect();
        let (a, b) = (median(app.iter().map(|x| x.0).collect()), median(bare.iter().map(|x| x.0).collect()));
        let (ar, br) =
            (median(app.iter().map(|x| x.1).collect()), median(bare.iter().map(|x| x.1).collect()));
        println!(
            "  first frame: app {a:>8.2?}, bare ratatui app {b:>8.2?} ({:.2}×); resident: app {:.1} MiB, bare {:.1} MiB ({:.2}×)",
            a.as_secs_f64() / b.as_secs_f64(),
            ar as f64 / 1024.0,
            br as f64 / 1024.0,
            ar as f64 / br.max(1) as f64
        );
    }
}
