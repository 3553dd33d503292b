//! The real binary refusing input it cannot use, with a reason that names the culprit: dates
//! before 1970 or past 9999, and an `UPRIGHT_DATA_DIR`/`UPRIGHT_CONFIG` that is set but empty.
//! Nothing is written by a refused command.

use assert_cmd::Command;
use predicates::prelude::*;

const NOW: &str = "2026-11-24T07:30:00+01:00[Europe/Berlin]";

fn upright(dir: &tempfile::TempDir) -> Command {
    let mut cmd = Command::cargo_bin("upright").unwrap();
    cmd.env("UPRIGHT_NOW", NOW)
        .env("UPRIGHT_CONFIG", dir.path().join("config.toml"))
        .env("UPRIGHT_DATA_DIR", dir.path().join("data"));
    cmd
}

#[test]
fn dates_before_1970_and_after_9999_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    for date in ["0000-01-01", "1969-12-31", "-000001-01-01", "-009999-12-31"] {
        for command in [&["done", "curl-up"][..], &["skip", "walk"], &["today"], &["week"], &["undo", "walk"]]
        {
            upright(&dir).args(command).arg(format!("--date={date}")).assert().failure().stderr(
                predicate::str::contains(format!(
                    "dates before 1970 are not accepted: {date} looks like a typo"
                )),
            );
        }
    }
    // jiff's dates end with 9999: a later year is not a date at all.
    for date in ["10000-01-01", "+010000-01-01"] {
        upright(&dir)
            .args(["done", "curl-up", &format!("--date={date}")])
            .assert()
            .failure()
            .stderr(predicate::str::contains("is not a date"));
    }
    assert!(!dir.path().join("data").exists(), "nothing written");
    // The first day taken.
    // The earliest date is taken, once confirmed: it is more than a year back (issue 14, rule 8).
    upright(&dir).args(["done", "curl-up", "--date", "1970-01-01"]).assert().failure();
    upright(&dir).args(["done", "curl-up", "--date", "1970-01-01", "--force"]).assert().success();
    assert!(dir.path().join("data/history/1970-01.toml").exists());
}

#[test]
fn an_empty_environment_variable_is_named() {
    let dir = tempfile::tempdir().unwrap();
    for (var, flag) in [("UPRIGHT_DATA_DIR", "--data-dir"), ("UPRIGHT_CONFIG", "--config")] {
        for args in [&["done", "walk"][..], &["paths"], &["status", "--json"]] {
            upright(&dir)
                .env(var, "")
                .args(args)
                .assert()
                .failure()
                .stdout("")
                .stderr(predicate::str::contains(format!("upright: {var} is set but empty: unset it")))
                .stderr(predicate::str::contains(flag).not());
        }
    }
    assert!(!dir.path().join("data").exists(), "nothing written");
    // The flag wins over the environment, as before: an empty variable beside it is unused.
    upright(&dir)
        .env("UPRIGHT_DATA_DIR", "")
        .arg("--data-dir")
        .arg(dir.path().join("data"))
        .args(["status"])
        .assert()
        .success()
        .stdout("upright 0/6 · 0-week streak\n");
}
