//! Nothing acknowledged is lost: `upright done` killed at random moments 200 times, writes that
//! hit a file-size limit, hand edits and a second writer.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use upright::state::Month;

const NOW: &str = "2026-11-24T07:30:00+01:00[Europe/Berlin]";

fn upright(data: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_upright"));
    cmd.env("UPRIGHT_NOW", NOW).env("UPRIGHT_DATA_DIR", data).env("UPRIGHT_CONFIG", data.join("config.toml"));
    cmd
}

fn done_entries(path: &Path) -> usize {
    let bytes = std::fs::read(path).unwrap_or_default();
    let month = Month::parse(&bytes).unwrap_or_else(|e| panic!("{} does not parse: {e}", path.display()));
    month.entries.len()
}

#[test]
fn two_hundred_kills_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let month = data.join("history/2026-11.toml");
    let bak = data.join("history/2026-11.toml.bak");
    // A deterministic spread of kill delays, 0–12 ms: before, during and after the save.
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut acknowledged = 0;
    // Each round logs the next (day, exercise) not yet acknowledged: the rules refuse a fourth
    // walk bout of three and make a second curl-up a day a no-op, so repeating `done walk`
    // would stop saving. Every exercise once a day, 1–24 November: 264 slots for 200 rounds.
    let ids = [
        "walk",
        "hamstring-stretch",
        "thoracic-extension",
        "curl-up",
        "side-bridge",
        "bird-dog",
        "glute-bridge",
        "dead-bug",
        "plank",
        "sit-to-stand",
        "farmer-carry",
    ];
    let slot = |n: usize| (format!("2026-11-{:02}", 1 + n / ids.len()), ids[n % ids.len()]);
    let start = Instant::now();
    for round in 0..200 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let delay = Duration::from_micros(seed % 12_000);
        let before = if month.exists() { done_entries(&month) } else { 0 };
        let (date, id) = slot(acknowledged);
        let mut child = upright(data)
            .args(["done", id, "--date", &date, "--force"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let _ = child.kill(); // SIGKILL
        let status = child.wait().unwrap();
        if status.success() {
            acknowledged += 1;
        }
        if month.exists() {
            let after = done_entries(&month);
            assert!(after >= before, "round {round}: entries went from {before} to {after}");
            assert!(after >= acknowledged, "round {round}: {acknowledged} acknowledged, {after} on disk");
        }
        if bak.exists() {
            done_entries(&bak);
        }
        assert!(start.elapsed() < Duration::from_secs(60), "bounded to a minute");
    }
    // The next start cleans what killed writers left and saves normally.
    let out = upright(data).args(["done", "walk"]).output().unwrap();
    assert!(out.status.success());
    let leftovers: Vec<String> = std::fs::read_dir(data.join("history"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "stray temp files: {leftovers:?}");
    assert!(done_entries(&month) > acknowledged, "every acknowledged entry and the last one");
    eprintln!("{acknowledged} of 200 commands finished before their kill");
}

#[test]
fn a_file_size_limit_keeps_the_month_and_the_entry() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    // Eight walks on eight days (a ninth bout a day would be refused by the rules).
    for day in 10..18 {
        let date = format!("2026-11-{day}");
        assert!(upright(data).args(["done", "walk", "--date", &date]).output().unwrap().status.success());
    }
    let month = data.join("history/2026-11.toml");
    let original = std::fs::read(&month).unwrap();
    assert!(original.len() > 1024, "the month is larger than the limit below");
    // `ulimit -f 1`: no file may grow past 1 KiB, so the month (and its .bak) cannot be written.
    let script = format!("ulimit -f 1; exec '{}' done walk --note limited", env!("CARGO_BIN_EXE_upright"));
    let out = upright(data).env_remove("X").arg("--version").output().unwrap();
    assert!(out.status.success());
    let out = Command::new("bash")
        .args(["-c", &script])
        .env("UPRIGHT_NOW", NOW)
        .env("UPRIGHT_DATA_DIR", data)
        .env("UPRIGHT_CONFIG", data.join("config.toml"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "reported as a failure");
    assert!(
        stderr.contains("not saved yet: the entry waits in") && stderr.contains("File too large"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&month).unwrap(), original, "the month is byte-identical");
    let pending: Vec<_> = std::fs::read_dir(data)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("history.pending-"))
        .collect();
    assert_eq!(pending.len(), 1);
    // The next start merges it.
    let out = upright(data).args(["today"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("saved 1 entry that had been waiting"));
    let text = std::fs::read_to_string(&month).unwrap();
    assert!(text.contains("note = \"limited\""), "{text}");
    assert!(!pending[0].path().exists());
}

#[test]
fn a_hand_edit_that_breaks_the_file_is_reported_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    assert!(upright(data).args(["done", "walk"]).output().unwrap().status.success());
    let month = data.join("history/2026-11.toml");
    let mut broken = std::fs::read(&month).unwrap();
    broken.extend_from_slice(b"\n[[entry]\n");
    std::fs::write(&month, &broken).unwrap();
    let out = upright(data).args(["done", "bird-dog"]).output().unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&format!("{}:", month.display())), "{stderr}");
    assert_eq!(std::fs::read(&month).unwrap(), broken, "not overwritten");
}

#[test]
fn sync_conflict_copies_merge_on_start() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    assert!(upright(data).args(["done", "walk"]).output().unwrap().status.success());
    let history = data.join("history");
    // Another device logged bird-dog into its own copy of November.
    let phone = "version = 1\n\n[[entry]]\nid = \"phone-1\"\ndate = \"2026-11-23\"\nat = \"2026-11-23T08:00:00+01:00\"\nkind = \"done\"\nexercise = \"bird-dog\"\nstep = 1\n";
    let copy = "2026-11 (Phone's conflicted copy 2026-11-24).toml";
    std::fs::write(history.join(copy), phone).unwrap();
    let out = upright(data).args(["today", "--json", "--date", "yesterday"]).output().unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("merged 1 from the sync conflict copy 2026-11 (Phone's conflicted copy"),
        "{stderr}"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["exercises"][5]["done"], true);
    assert!(history.join("merged").join(copy).exists() && !history.join(copy).exists());
    let again = upright(data).args(["status"]).output().unwrap();
    assert!(!String::from_utf8_lossy(&again.stderr).contains("merged"), "said once");
}

#[test]
fn parallel_duplicates_are_checked_under_the_lock() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    // Twenty `done curl-up` at once: the once-a-day rule is asked of the month as re-read under
    // the lock, so exactly one entry is logged and every process ends well.
    let children: Vec<_> = (0..20)
        .map(|_| {
            upright(data)
                .args(["done", "curl-up"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let text = std::fs::read_to_string(data.join("history/2026-11.toml")).unwrap();
    assert_eq!(text.matches("exercise = \"curl-up\"").count(), 1, "{text}");
}

#[test]
fn a_broken_old_month_does_not_stop_todays_logging() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    assert!(upright(data).args(["done", "walk", "--date", "2026-10-02"]).output().unwrap().status.success());
    let october = data.join("history/2026-10.toml");
    let mut broken = std::fs::read(&october).unwrap();
    broken.extend_from_slice(b"\n[[entry]\n");
    std::fs::write(&october, &broken).unwrap();
    let out = upright(data).args(["done", "curl-up"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("2026-10.toml:") && stderr.contains("today's logging goes on"), "{stderr}");
    let november = std::fs::read_to_string(data.join("history/2026-11.toml")).unwrap();
    assert!(november.contains("exercise = \"curl-up\""));
    assert_eq!(std::fs::read(&october).unwrap(), broken, "the broken month is left as it is");
    // A view that needs the broken month still says so and fails.
    let out = upright(data).args(["today"]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("2026-10.toml:"));
    // A note too long to read back is refused before anything is written.
    let long = "x".repeat(2001);
    let out = upright(data).args(["done", "bird-dog", "--note", &long]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("the limit is 2000"));
    assert!(!std::fs::read_to_string(data.join("history/2026-11.toml")).unwrap().contains("bird-dog"));
}

/// Logged twice while the month could not be saved (broken by a hand edit, so each `done` was
/// judged without it): both wait, and the merge asks the once-a-day rule again, keeping one.
/// The month stays byte-identical while it is broken.
#[test]
fn entries_logged_twice_while_waiting_are_saved_once() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    assert!(upright(data).args(["done", "walk"]).output().unwrap().status.success());
    let month = data.join("history/2026-11.toml");
    let good = std::fs::read(&month).unwrap();
    let mut broken = good.clone();
    broken.extend_from_slice(b"garbage\n");
    std::fs::write(&month, &broken).unwrap();
    for _ in 0..2 {
        let out = upright(data).args(["done", "bird-dog"]).output().unwrap();
        assert!(String::from_utf8_lossy(&out.stderr).contains("waits in"));
    }
    assert_eq!(std::fs::read(&month).unwrap(), broken, "left as it is while broken");
    std::fs::write(&month, &good).unwrap();
    let out = upright(data).args(["status"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("a waiting entry was not saved") && stderr.contains("saved 1 entry"), "{stderr}");
    let text = std::fs::read_to_string(&month).unwrap();
    assert_eq!(text.matches("exercise = \"bird-dog\"").count(), 1, "{text}");
    assert!(
        !std::fs::read_dir(data).unwrap().any(|e| e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .contains("pending"))
    );
}
