//! Self-help on the command line: `upright doctor` (paths and where they came from, the
//! config's validity, broken months, waiting entries, with what to do), `upright config edit`
//! re-opening on a validation error (a fake EDITOR script), the man page, and help examples.

use std::path::Path;

use assert_cmd::Command;

/// A pinned clock: Tuesday 24 November 2026, 07:30 in Berlin.
const NOW: &str = "2026-11-24T07:30:00+01:00[Europe/Berlin]";

fn upright(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("upright").unwrap();
    cmd.env_remove("UPRIGHT_DATA_DIR")
        .env_remove("VISUAL")
        .env("UPRIGHT_NOW", NOW)
        .env("UPRIGHT_CONFIG", dir.join("config.toml"))
        .arg("--data-dir")
        .arg(dir.join("data"));
    cmd
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn doctor_says_where_each_path_came_from_and_that_all_is_well() {
    let dir = tempfile::tempdir().unwrap();
    upright(dir.path()).args(["done", "curl-up"]).assert().success();
    let out = upright(dir.path()).arg("doctor").assert().success();
    let out = text(&out.get_output().stdout);
    let config = dir.path().join("config.toml");
    assert!(
        out.contains(&format!("config: {} (from the environment variable UPRIGHT_CONFIG)", config.display())),
        "{out}"
    );
    assert!(out.contains("(from the flag --data-dir)"), "{out}");
    assert!(out.contains("config: no file yet"), "{out}");
    assert!(out.contains("history: 1 month file, all load"), "{out}");
    assert!(out.contains("pending: no entry waiting"), "{out}");
    assert!(out.contains("notifications:"), "{out}");
    assert!(!out.contains("todo "), "{out}");
}

#[test]
fn doctor_names_each_problem_with_what_to_do_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("config.toml"), "level = \"expert\"\n").unwrap();
    let history = dir.path().join("data/history");
    std::fs::create_dir_all(&history).unwrap();
    std::fs::write(history.join("2026-11.toml"), "version = 1\n[[entry]\n").unwrap();
    std::fs::write(history.join("2026-10.sync-conflict-20261101-101010-ABCDEFG.toml"), "").unwrap();
    std::fs::write(dir.path().join("data/history.pending-x1.toml"), "").unwrap();
    let before = std::fs::read(history.join("2026-11.toml")).unwrap();
    let out = upright(dir.path()).arg("doctor").assert().failure();
    let (out, err) = (text(&out.get_output().stdout), text(&out.get_output().stderr));
    let todo: Vec<&str> = out.lines().filter(|l| l.starts_with("todo")).collect();
    assert!(
        todo.iter()
            .any(|l| l.contains("1:9: level: unknown variant `expert`") && l.contains("upright config edit")),
        "{out}"
    );
    assert!(todo.iter().any(|l| l.contains("2026-11.toml:2:") && l.contains("never written over")), "{out}");
    assert!(todo.iter().any(|l| l.contains("1 sync conflict copy waiting")), "{out}");
    assert!(todo.iter().any(|l| l.contains("pending: 1 entry file waiting")), "{out}");
    assert!(err.contains("4 findings above to do"), "{err}");
    // Doctor reads only.
    assert_eq!(std::fs::read(history.join("2026-11.toml")).unwrap(), before);
    assert!(dir.path().join("data/history.pending-x1.toml").exists());
}

/// A fake editor: each run takes the next file of answers (`answer1`, `answer2`, ...) as the
/// edited text, and counts its runs.
fn fake_editor(dir: &Path, answers: &[&str]) -> std::path::PathBuf {
    for (i, a) in answers.iter().enumerate() {
        std::fs::write(dir.join(format!("answer{}", i + 1)), a).unwrap();
    }
    let script = dir.join("editor.sh");
    let body = format!(
        "#!/bin/sh\nn=$(( $(cat {runs} 2>/dev/null || echo 0) + 1 ))\necho $n > {runs}\ncp {dir}/answer$n \"$1\"\n",
        runs = dir.join("runs").display(),
        dir = dir.display()
    );
    std::fs::write(&script, body).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    script
}

#[test]
#[cfg(unix)]
fn config_edit_reopens_on_an_error_and_saves_only_a_valid_file() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "# mine\nlevel = \"beginner\"\n").unwrap();
    let editor = fake_editor(dir.path(), &["sound = \"yes\"\n", "# mine\nlevel = \"active\"\n"]);
    let out = upright(dir.path())
        .env("EDITOR", &editor)
        .args(["config", "edit"])
        .write_stdin("\n")
        .assert()
        .success();
    let err = text(&out.get_output().stderr);
    assert!(err.contains("1:9: sound: invalid type") && err.contains("Edit again?"), "{err}");
    assert_eq!(std::fs::read_to_string(dir.path().join("runs")).unwrap().trim(), "2");
    assert_eq!(std::fs::read_to_string(&config).unwrap(), "# mine\nlevel = \"active\"\n");
    // No temporary copy is left beside it.
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".upright-edit"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
#[cfg(unix)]
fn config_edit_declined_keeps_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "level = \"active\"\n").unwrap();
    let editor = fake_editor(dir.path(), &["avoid = [\"twisting\"]\n"]);
    let out = upright(dir.path())
        .env("EDITOR", &editor)
        .args(["config", "edit"])
        .write_stdin("n\n")
        .assert()
        .failure();
    let err = text(&out.get_output().stderr);
    assert!(err.contains("1:10: avoid: unknown variant `twisting`") && err.contains("unchanged"), "{err}");
    assert_eq!(std::fs::read_to_string(&config).unwrap(), "level = \"active\"\n");
}

#[test]
fn the_man_page_renders_with_every_command() {
    let out = Command::cargo_bin("upright").unwrap().arg("man").assert().success();
    let page = text(&out.get_output().stdout);
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH \"COMMANDS IN DETAIL\"",
        ".SS \"upright done",
        ".SS \"upright doctor",
    ] {
        assert!(page.contains(section), "no {section}");
    }
    // Rendered by the system's formatter where there is one: no warnings.
    let Ok(mut groff) = std::process::Command::new("groff")
        .args(["-man", "-Tutf8", "-ww", "-z"])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
    else {
        println!("skipped the groff check: groff is not installed");
        return;
    };
    use std::io::Write;
    groff.stdin.take().unwrap().write_all(page.as_bytes()).unwrap();
    let done = groff.wait_with_output().unwrap();
    assert!(done.status.success() && done.stderr.is_empty(), "{}", text(&done.stderr));
}

#[test]
fn main_commands_show_examples_and_help_wraps_to_the_terminal() {
    for command in [&[][..], &["today"], &["done"], &["skip"], &["checkin"], &["export"], &["completions"]] {
        let out = Command::cargo_bin("upright")
            .unwrap()
            .args(command)
            .arg("--help")
            .env("COLUMNS", "60")
            .assert()
            .success();
        let help = text(&out.get_output().stdout);
        assert!(help.contains("Examples:\n  upright"), "{command:?}: {help}");
        let widest = help.lines().map(upright::text::width).max().unwrap();
        assert!(widest <= 60, "{command:?}: a line of {widest} columns in\n{help}");
    }
}
