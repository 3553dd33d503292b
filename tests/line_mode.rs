//! The plain-text line mode of the guided timer and `upright breaks`: each phase change as a
//! line, with the app's timings, cues and bell, on a fast test clock (`UPRIGHT_TEST_SPEED`; the
//! assertions are on what is said, never on how long it took).

use assert_cmd::Command;

/// Tuesday 24 November 2026, 07:30 in Berlin.
const NOW: &str = "2026-11-24T07:30:00+01:00[Europe/Berlin]";
/// The same Tuesday at 09:30, within the default work hours.
const AT_WORK: &str = "2026-11-24T09:30:00+01:00[Europe/Berlin]";

fn upright(dir: &std::path::Path, now: &str) -> Command {
    let mut cmd = Command::cargo_bin("upright").unwrap();
    cmd.env("UPRIGHT_NOW", now)
        .env("UPRIGHT_TEST_SPEED", "2000")
        .env("UPRIGHT_CONFIG", dir.join("config.toml"))
        .env("UPRIGHT_DATA_DIR", dir.join("data"));
    cmd
}

fn stdout(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

#[test]
fn the_timer_says_each_phase_rings_and_logs_the_rating() {
    let dir = tempfile::tempdir().unwrap();
    let out = upright(dir.path(), NOW).args(["timer", "curl-up"]).write_stdin("hard\n").assert().success();
    let out = stdout(&out);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("Curl-up: 3-2-1 × 8 s holds (about"), "{out}");
    assert!(lines[1].starts_with("  Lie on your back"), "the cues are said: {out}");
    assert!(out.contains("\nGet ready 5 s"), "{out}");
    assert!(out.contains("\x07Hold 8 s (Set 2 of 3 · rep 1 of 2)"), "{out}");
    assert!(out.contains("\x07Rest 30 s (between sets)"), "{out}");
    assert!(out.contains("Finished Curl-up.\nHow did it go? easy, ok or hard [ok]: "), "{out}");
    let export = upright(dir.path(), NOW).args(["export", "--format", "json"]).assert().success();
    let export = stdout(&export);
    assert!(export.contains("\"curl-up\"") && export.contains("\"hard\""), "{export}");
}

#[test]
fn the_timer_is_silent_when_asked_and_refuses_an_unknown_id() {
    let dir = tempfile::tempdir().unwrap();
    let out =
        upright(dir.path(), NOW).args(["timer", "curl-up", "--silent"]).write_stdin("\n").assert().success();
    assert!(!stdout(&out).contains('\x07'));
    upright(dir.path(), NOW).args(["timer", "yoga"]).assert().failure();
}

#[test]
fn breaks_speak_in_lines_without_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    // b takes a break now; the end of stdin quits after it.
    let out = upright(dir.path(), AT_WORK).arg("breaks").write_stdin("b\n").assert().success();
    let out = stdout(&out);
    assert!(out.starts_with("Next desk break at 10:15."), "{out}");
    assert!(out.contains("\n1 of ") && out.contains("Stand up."), "{out}");
    assert!(out.contains("Break done. Next at"), "{out}");
    assert!(!out.contains("\x1b]9;"), "no escape sequence into a pipe: {out:?}");
    let export = upright(dir.path(), AT_WORK).args(["export", "--format", "json"]).assert().success();
    assert!(stdout(&export).contains("\"break\""), "the break is logged");
}

#[test]
fn term_dumb_gets_text_not_the_full_screen_app() {
    let dir = tempfile::tempdir().unwrap();
    let out = upright(dir.path(), NOW).env("TERM", "dumb").assert().success();
    let out = stdout(&out);
    assert!(out.contains("Curl-up") && !out.contains("\x1b["), "{out}");
}
