//! The command line as a user meets it: options only where they apply, completions that know
//! the exercise ids, ids in `today`, `init --accept` writing the documented config, a bad
//! custom dose pointed at, and the week's notes and skip reasons in `upright week`.

use assert_cmd::Command;

/// A pinned clock: Tuesday 24 November 2026, 07:30 in Berlin.
const NOW: &str = "2026-11-24T07:30:00+01:00[Europe/Berlin]";

fn upright(dir: &std::path::Path, args: &[&str]) -> Command {
    let mut cmd = Command::cargo_bin("upright").unwrap();
    cmd.env_remove("UPRIGHT_CONFIG")
        .env_remove("UPRIGHT_DATA_DIR")
        .env("UPRIGHT_NOW", NOW)
        .arg("--config")
        .arg(dir.join("config.toml"))
        .arg("--data-dir")
        .arg(dir.join("data"))
        .args(args);
    cmd
}

fn ok(dir: &std::path::Path, args: &[&str]) -> String {
    String::from_utf8(upright(dir, args).assert().success().get_output().stdout.clone()).unwrap()
}

fn help(args: &[&str]) -> String {
    let out = Command::cargo_bin("upright").unwrap().args(args).arg("--help").assert().success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

#[test]
fn silent_is_an_option_of_the_app_only() {
    assert!(help(&[]).contains("--silent"));
    for command in ["today", "done", "week", "completions", "init"] {
        let text = help(&[command]);
        assert!(!text.contains("--silent"), "{command}: {text}");
    }
    let dir = tempfile::tempdir().unwrap();
    upright(dir.path(), &["today", "--silent"]).assert().failure();
    // Config and data dir still apply to every command, under their own heading.
    let done = help(&["done"]);
    assert!(done.contains("Files:\n      --config <FILE>") && done.contains("--data-dir <DIR>"), "{done}");
}

#[test]
fn completions_offer_exercise_and_variant_ids() {
    // The scripts ask the binary (tests/shell_completion.rs drives them in the real shells).
    for shell in ["bash", "zsh", "fish"] {
        let out = Command::cargo_bin("upright").unwrap().args(["completions", shell]).assert().success();
        let script = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        assert!(script.contains("COMPLETE=") && script.contains("upright"), "{shell}: {script}");
    }
    let out = Command::cargo_bin("upright")
        .unwrap()
        .env("COMPLETE", "fish")
        .args(["--", "upright", "done", "side-bridge", "--as", ""])
        .assert()
        .success();
    let ids = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(ids.starts_with("wall\t"), "{ids}");
    // Offered, not enforced: an id the built-in catalog lacks gets upright's own message.
    let dir = tempfile::tempdir().unwrap();
    let out = upright(dir.path(), &["done", "yoga"]).assert().failure();
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(!err.contains("possible values") && err.contains("yoga"), "{err}");
}

#[test]
fn today_shows_the_id_that_done_takes() {
    let dir = tempfile::tempdir().unwrap();
    let out = ok(dir.path(), &["today"]);
    for line in ["  [ ] Chair hamstring stretch", "      id hamstring-stretch", "      id thoracic-extension"]
    {
        assert!(out.lines().any(|l| l.starts_with(line)), "missing {line:?} in\n{out}");
    }
    assert!(out.contains("log one with: upright done ID"), "{out}");
    assert!(out.lines().all(|l| upright::text::width(l) <= 80), "{out}");
}

#[test]
fn init_accept_alone_writes_the_documented_config() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    // A bare init only shows the disclaimer.
    ok(dir.path(), &["init"]);
    assert!(!config.exists());
    let out = ok(dir.path(), &["init", "--accept"]);
    assert!(
        out.contains("wrote the documented config") && out.contains("disclaimer above accepted"),
        "{out}"
    );
    let text = std::fs::read_to_string(&config).unwrap();
    assert_eq!(text, include_str!("../config.example.toml"));
    // An existing file is left as it is.
    std::fs::write(&config, "sound = false\n").unwrap();
    ok(dir.path(), &["init", "--accept"]);
    assert_eq!(std::fs::read_to_string(&config).unwrap(), "sound = false\n");
}

#[test]
fn a_bad_custom_dose_names_its_own_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let text = "level = \"beginner\"\n\n[[custom]]\nid = \"wall-angel\"\nname = \"Wall angel\"\nkind = \"reps\"\nsteps = [\n  \"1 x 8\",\n  \"8 wall angels\",\n]\n";
    std::fs::write(dir.path().join("config.toml"), text).unwrap();
    let out = upright(dir.path(), &["today"]).assert().failure();
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("config.toml:9:3: ") && err.contains("step 2"), "{err}");
}

#[test]
fn week_prints_the_notes_and_skip_reasons() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["init", "--accept"]);
    ok(dir.path(), &["done", "curl-up", "--date", "2026-11-23", "--note", "easy on the neck"]);
    ok(dir.path(), &["skip", "walk", "--reason", "rain all day"]);
    ok(dir.path(), &["done", "bird-dog"]);
    let out = ok(dir.path(), &["week"]);
    assert!(out.contains("  Mon 23 Curl-up: ok · pain 0 · note: easy on the neck\n"), "{out}");
    assert!(out.contains("  Tue 24 Walk: skipped · reason: rain all day\n"), "{out}");
    assert!(!out.contains("Bird-dog: ok"), "a session without words adds no line:\n{out}");
    assert!(out.contains("  0 of 5 complete days so far\n"), "{out}");
}
