//! Every broken, odd or hand-made file we could think of, through the real binary: the message
//! (snapshotted, paths shown as <DATA>), the exit code, and the file byte-identical afterwards.
//! Fixtures: tests/fixtures/history (month files) and tests/fixtures/config.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

const NOW: &str = "2026-11-24T07:30:00+01:00[Europe/Berlin]";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn run(data: &Path, config: &Path, args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_upright"))
        .env("UPRIGHT_NOW", NOW)
        .env("UPRIGHT_DATA_DIR", data)
        .env("UPRIGHT_CONFIG", config)
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr)
        .replace(&data.display().to_string(), "<DATA>")
        .lines()
        .filter(|l| !l.contains("init --accept"))
        .collect::<Vec<_>>()
        .join("\n");
    (out.status.success(), hide_pending_id(&stderr))
}

/// Pending files are named after a fresh entry id; snapshots show `<ID>`.
fn hide_pending_id(s: &str) -> String {
    const MARK: &str = "history.pending-";
    match s.find(MARK) {
        Some(at) => {
            let rest = &s[at + MARK.len()..];
            let end = rest.find(".toml").unwrap_or(0);
            format!("{}{MARK}<ID>{}", &s[..at], hide_pending_id(&rest[end..]))
        }
        None => s.to_string(),
    }
}

/// Snapshot of (read, write) outcomes, and the bytes of `path` before and after.
fn check(report: &mut String, name: &str, data: &Path, config: &Path, path: &Path) {
    let before = std::fs::read(path).ok();
    let (read_ok, read_err) = run(data, config, &["today"]);
    let (write_ok, write_err) = run(data, config, &["done", "curl-up", "--date", "2026-11-03"]);
    let after = std::fs::read(path).ok();
    writeln!(report, "## {name}\nread:  {}{}", if read_ok { "ok" } else { "error" }, indent(&read_err))
        .unwrap();
    writeln!(report, "write: {}{}\n", if write_ok { "ok" } else { "error" }, indent(&write_err)).unwrap();
    if !write_ok {
        assert_eq!(before, after, "{name}: the file must be byte-identical after a refused write");
    }
}

fn indent(s: &str) -> String {
    if s.is_empty() { String::new() } else { format!("\n    {}", s.replace('\n', "\n    ")) }
}

#[test]
fn broken_and_odd_month_files() {
    let mut report = String::new();
    let mut names: Vec<PathBuf> =
        std::fs::read_dir(fixtures().join("history")).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    for fixture in names {
        let dir = tempfile::tempdir().unwrap();
        let month = dir.path().join("history/2026-11.toml");
        std::fs::create_dir_all(month.parent().unwrap()).unwrap();
        std::fs::copy(&fixture, &month).unwrap();
        let name = fixture.file_name().unwrap().to_string_lossy().into_owned();
        check(&mut report, &name, dir.path(), &dir.path().join("none.toml"), &month);
        if name == "future-fields.toml" {
            let text = std::fs::read_to_string(&month).unwrap();
            assert!(
                text.contains("synced_from = \"phone\"")
                    && text.contains("mood = \"bright\"")
                    && text.contains("source = \"watch\""),
                "unknown fields survive a save:\n{text}"
            );
        }
    }

    // Cases that are not plain files.
    type Make = fn(&Path);
    let cases: [(&str, Make); 6] = [
        ("200 MB file (over the 16 MiB limit)", |m| {
            std::fs::File::create(m).unwrap().set_len(200 * 1024 * 1024).unwrap()
        }),
        ("a directory", |m| std::fs::create_dir(m).unwrap()),
        ("a dangling symlink", |m| std::os::unix::fs::symlink(m.with_file_name("gone.toml"), m).unwrap()),
        ("a symlink to a real file", |m| {
            let real = m.with_file_name("real-november.toml");
            std::fs::write(&real, "version = 1\n").unwrap();
            std::os::unix::fs::symlink(&real, m).unwrap();
        }),
        ("a read-only file", |m| {
            std::fs::write(m, "version = 1\n").unwrap();
            let mut p = std::fs::metadata(m).unwrap().permissions();
            p.set_readonly(true);
            std::fs::set_permissions(m, p).unwrap();
        }),
        ("version 1 with no entries", |m| std::fs::write(m, "version = 1\n").unwrap()),
    ];
    for (name, make) in cases {
        let dir = tempfile::tempdir().unwrap();
        let month = dir.path().join("history/2026-11.toml");
        std::fs::create_dir_all(month.parent().unwrap()).unwrap();
        make(&month);
        check(&mut report, name, dir.path(), &dir.path().join("none.toml"), &month);
        if name == "a symlink to a real file" {
            assert!(std::fs::symlink_metadata(&month).unwrap().file_type().is_symlink(), "still a symlink");
            assert!(
                std::fs::read_to_string(month.with_file_name("real-november.toml"))
                    .unwrap()
                    .contains("curl-up")
            );
        }
    }
    insta::assert_snapshot!("month_files", report);
}

#[test]
fn broken_configs() {
    let mut report = String::new();
    let mut names: Vec<PathBuf> =
        std::fs::read_dir(fixtures().join("config")).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    for fixture in names {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config.toml");
        std::fs::copy(&fixture, &config).unwrap();
        let name = fixture.file_name().unwrap().to_string_lossy().into_owned();
        check(&mut report, &name, dir.path(), &config, &config);
        assert!(!dir.path().join("history").exists(), "{name}: nothing written with a broken config");
    }
    insta::assert_snapshot!("configs", report);
}
