//! Issue 27 on the real binary in a temp data dir: a backup that is never the month itself,
//! a report that cannot clobber the log, and what is trusted from the data folder.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::{Command, Output};

const NOW: &str = "2026-11-24T07:30:00+01:00[Europe/Berlin]";

fn upright(data: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_upright"));
    cmd.env("UPRIGHT_NOW", NOW).env("UPRIGHT_DATA_DIR", data).env("UPRIGHT_CONFIG", data.join("config.toml"));
    cmd
}

fn run(data: &Path, args: &[&str]) -> Output {
    upright(data).args(args).output().unwrap()
}

fn ok(data: &Path, args: &[&str]) -> String {
    let out = run(data, args);
    assert!(out.status.success(), "upright {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// `upright args` under `ulimit -f 0` (no file may get a byte), as a full disk would leave it.
fn run_without_space(data: &Path, args: &str) -> Output {
    let script = format!("ulimit -f 0; exec '{}' {args}", env!("CARGO_BIN_EXE_upright"));
    Command::new("sh")
        .args(["-c", &script])
        .env("UPRIGHT_NOW", NOW)
        .env("UPRIGHT_DATA_DIR", data)
        .env("UPRIGHT_CONFIG", data.join("config.toml"))
        .output()
        .unwrap()
}

#[test]
fn after_a_failed_save_the_backup_is_not_the_month_itself() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    ok(data, &["done", "walk", "--date", "2026-11-10"]);
    ok(data, &["done", "walk", "--date", "2026-11-11"]);
    let month = data.join("history/2026-11.toml");
    let bak = data.join("history/2026-11.toml.bak");
    let before = std::fs::read(&month).unwrap();
    let out = run_without_space(data, "done walk --date 2026-11-12");
    assert!(!out.status.success(), "a failed save is reported");
    let (m, b) = (std::fs::metadata(&month).unwrap(), std::fs::metadata(&bak).unwrap());
    assert_eq!(m.nlink(), 1, "the month has one name");
    assert_ne!((m.dev(), m.ino()), (b.dev(), b.ino()), "the backup is a file of its own");
    assert_eq!(std::fs::read(&month).unwrap(), before, "the month is as it was");
    // An in-place change to the month (`>>`, an editor keeping links) leaves the backup alone.
    let kept = std::fs::read(&bak).unwrap();
    std::fs::write(&month, [before.as_slice(), b"# appended\n"].concat()).unwrap();
    assert_eq!(std::fs::read(&bak).unwrap(), kept);
    // A save that works keeps the month's last loaded bytes as the backup, again its own file.
    ok(data, &["done", "walk", "--date", "2026-11-13"]);
    let (m, b) = (std::fs::metadata(&month).unwrap(), std::fs::metadata(&bak).unwrap());
    assert_ne!(m.ino(), b.ino());
    assert!(String::from_utf8(std::fs::read(&bak).unwrap()).unwrap().ends_with("# appended\n"));
    let leftovers = std::fs::read_dir(data.join("history"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".upright-"))
        .count();
    assert_eq!(leftovers, 0);
}

#[test]
fn a_report_is_never_written_into_the_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    ok(data, &["done", "walk", "--date", "2026-11-20"]);
    let month = data.join("history/2026-11.toml");
    let before = std::fs::read(&month).unwrap();
    for inside in [month.clone(), data.join("history/../history/2026-11.toml"), data.join("report.html")] {
        let out = run(data, &["report", "--out", inside.to_str().unwrap()]);
        assert!(!out.status.success(), "{} refused", inside.display());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("inside upright's data folder"), "{err}");
    }
    assert_eq!(std::fs::read(&month).unwrap(), before, "the month is untouched");
    assert!(!data.join("report.html").exists());
    // Through a link to the data folder, too.
    let outside = tempfile::tempdir().unwrap();
    let link = outside.path().join("data");
    std::os::unix::fs::symlink(data, &link).unwrap();
    let out = run(data, &["report", "--out", link.join("history/2026-11.toml").to_str().unwrap()]);
    assert!(!out.status.success());
    assert_eq!(std::fs::read(&month).unwrap(), before);
}

#[test]
fn a_report_replaces_a_planted_link_and_is_private() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    ok(data, &["done", "walk", "--date", "2026-11-20"]);
    let outside = tempfile::tempdir().unwrap();
    let victim = outside.path().join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    let out = outside.path().join("report.html");
    std::os::unix::fs::symlink(&victim, &out).unwrap();
    ok(data, &["report", "--out", out.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me", "the link is not followed");
    let meta = std::fs::symlink_metadata(&out).unwrap();
    assert!(meta.is_file(), "the report replaced the link");
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    assert!(std::fs::read_to_string(&out).unwrap().starts_with("<!DOCTYPE html>"));
}

#[test]
fn a_config_others_can_write_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let config = data.join("config.toml");
    std::fs::write(&config, "level = \"active\"\n").unwrap();
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o644)).unwrap();
    ok(data, &["today"]);
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o666)).unwrap();
    let out = run(data, &["today"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("config.toml may be written by other users (mode 666)"), "{err}");
    assert!(err.contains("chmod go-w"), "{err}");
    // A FIFO where the config is neither hangs nor is read.
    std::fs::remove_file(&config).unwrap();
    assert!(Command::new("mkfifo").arg(&config).status().unwrap().success());
    let out = run(data, &["today"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a regular file"));
}

#[test]
fn a_month_others_can_write_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    ok(data, &["done", "walk", "--date", "2026-11-20"]);
    let month = data.join("history/2026-11.toml");
    std::fs::set_permissions(&month, std::fs::Permissions::from_mode(0o666)).unwrap();
    let out = run(data, &["today"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("2026-11.toml may be written by other users"), "{err}");
}

#[test]
fn fifos_as_pending_files_or_conflict_copies_do_not_hang_a_start() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    ok(data, &["done", "walk", "--date", "2026-11-20"]);
    let mkfifo = |p: &Path| assert!(Command::new("mkfifo").arg(p).status().unwrap().success());
    mkfifo(&data.join("history.pending-x.toml"));
    mkfifo(&data.join("history/2026-11.sync-conflict-20261124-101500-PHONE.toml"));
    std::os::unix::fs::symlink("/dev/zero", data.join("history/2026-11 (Ana's conflicted copy).toml"))
        .unwrap();
    let mut child = upright(data)
        .args(["today"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        assert!(start.elapsed() < std::time::Duration::from_secs(20), "a start hung on a FIFO");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert_eq!(err.matches("not a regular file").count(), 3, "{err}");
    // Reported once: each was moved aside.
    let again = run(data, &["today"]);
    assert!(!String::from_utf8_lossy(&again.stderr).contains("not a regular file"));
}

#[test]
fn one_entry_differs() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    ok(data, &["done", "walk", "--date", "2026-11-20", "--minutes", "10"]);
    let month = data.join("history/2026-11.toml");
    let text = std::fs::read_to_string(&month).unwrap();
    let copy = data.join("history/2026-11.sync-conflict-20261124-101500-PHONE.toml");
    std::fs::write(&copy, text.replace("minutes = 10", "minutes = 12")).unwrap();
    let err = String::from_utf8(run(data, &["today"]).stderr).unwrap();
    assert!(err.contains("1 entry differs between the month and that copy"), "{err}");
}

#[test]
fn flare_on_then_off_in_one_second_leaves_it_off() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    for round in 0..30 {
        ok(data, &["flare", "on"]);
        ok(data, &["flare", "off"]);
        let out = ok(data, &["flare", "off"]);
        assert!(out.contains("already off"), "round {round}: {out}");
    }
}

#[test]
fn undo_takes_what_was_logged_last_and_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    ok(data, &["done", "walk", "--minutes", "10"]);
    // The clock is set back half an hour (or another device's clock was ahead).
    let earlier = "2026-11-24T07:00:00+01:00[Europe/Berlin]";
    let out =
        upright(data).env("UPRIGHT_NOW", earlier).args(["done", "walk", "--minutes", "20"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = ok(data, &["undo", "walk"]);
    assert!(out.contains("Walk's done entry (20 min, logged at 07:00:00)"), "{out}");
    let text = std::fs::read_to_string(data.join("history/2026-11.toml")).unwrap();
    let month = upright::state::Month::parse(text.as_bytes()).unwrap();
    let walks: Vec<_> = month.entries.iter().filter(|e| e.kind == upright::state::EntryKind::Done).collect();
    assert_eq!(walks.len(), 1);
    assert_eq!(walks[0].minutes, Some(10), "the first walk stays");
}

#[test]
fn undo_on_a_broken_month_gives_its_error() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    ok(data, &["done", "walk"]);
    let month = data.join("history/2026-11.toml");
    let mut text = std::fs::read_to_string(&month).unwrap();
    text.push_str("\n[[entry]\n");
    std::fs::write(&month, &text).unwrap();
    let out = run(data, &["undo", "walk"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("2026-11.toml:") && !err.contains("nothing to undo"), "{err}");
    assert_eq!(std::fs::read_to_string(&month).unwrap(), text);
}

#[test]
fn small_things_of_the_command_line() {
    use clap::Parser;
    // `breaks --silent`, as docs/commands.md documents.
    let cli = upright::cli::Cli::try_parse_from(["upright", "breaks", "--silent"]).unwrap();
    assert!(matches!(cli.command, Some(upright::cli::Command::Breaks { silent: true })));
    // A date with a time is not a date.
    let dir = tempfile::tempdir().unwrap();
    for bad in ["2026-11-01T00:00", "2026-11-01 ", "20261101", "2026-1-01"] {
        let out = run(dir.path(), &["done", "walk", "--date", bad]);
        assert!(!out.status.success(), "{bad}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("is not a date"), "{bad}");
    }
    assert!(!dir.path().join("history").exists(), "nothing logged");
}

#[test]
fn a_start_does_not_wait_for_another_writers_lock() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    ok(data, &["done", "walk"]);
    let holder = std::fs::File::open(data.join("history")).unwrap();
    holder.lock().unwrap();
    // Logged while the lock is held: it waits in a pending file.
    let out = run(data, &["done", "bird-dog"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("waits in"));
    // Every later start saw a pending file and waited the whole lock wait (3 s) for it; now
    // the merge is left to the next start, and a read-only command goes on at once.
    let start = std::time::Instant::now();
    ok(data, &["status"]);
    assert!(start.elapsed() < upright::state::LOCK_WAIT, "{:?}", start.elapsed());
    drop(holder);
    let out = run(data, &["status"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("saved 1 entry that had been waiting"));
}
