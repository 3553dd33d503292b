//! The real binary in a pseudo-terminal with a temp data dir: a guided exercise to the end,
//! a tick-off, quitting, and every way out restoring the terminal.

mod common;

use std::process::Command;

use common::{NOW, Pty, upright};

/// The ids `upright today` shows as done.
fn done_today(data: &std::path::Path) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(&upright(data, &["today", "--json"])).unwrap();
    v["exercises"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["done"] == true)
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect()
}

/// The app after the first run (the disclaimer accepted with `upright init --accept`).
fn spawn(data: &std::path::Path, cols: u16, rows: u16) -> Pty {
    upright(data, &["init", "--accept"]);
    spawn_fresh(data, cols, rows)
}

fn spawn_fresh(data: &std::path::Path, cols: u16, rows: u16) -> Pty {
    Pty::spawn(&[], &[("UPRIGHT_NOW", NOW), ("UPRIGHT_TEST_SPEED", "30")], data, cols, rows)
}

#[test]
fn a_morning_session_end_to_end() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = spawn(dir.path(), 100, 30);
    pty.wait_for("Good to see you", 10);
    // The hamstring stretch with the guided timer: every hold and rest runs out on its own.
    pty.send("j");
    pty.send("\r");
    pty.wait_for("GET READY", 5);
    pty.wait_for("HOLD · Set 1 of 2 · Left side", 5);
    pty.wait_for("Right side", 5);
    pty.wait_for("How did Chair hamstring stretch go?", 20);
    assert!(pty.raw().contains(&0x07), "a bell rang at the end of a hold");
    pty.send("1");
    pty.wait_for("Pain during it", 5);
    pty.send("\r");
    pty.wait_for("Saved: Chair hamstring stretch", 5);
    // Tick off the three walk bouts with x. Rating moves the cursor on to the next exercise
    // not done (the roller), so each bout starts by going back up to the walk; only the last
    // bout says the walk is saved.
    for bout in 1..=3 {
        pty.send("kk");
        pty.send("x");
        pty.wait_for("How did Walk go?", 5);
        pty.send("2\r");
        let said = format!("Saved: Walk bout {bout} of 3 (");
        pty.wait_for(&said, 5);
    }
    pty.wait_for("2/6 done", 5);
    pty.send("q");
    assert!(pty.wait_exit(5));
    pty.assert_restored();
    assert_eq!(done_today(dir.path()), ["walk", "hamstring-stretch"]);
    let month = std::fs::read_to_string(dir.path().join("history/2026-11.toml")).unwrap();
    assert_eq!(month.matches("kind = \"done\"").count(), 4);
    assert!(month.contains("feedback = \"easy\"") && month.contains("minutes = 5"), "{month}");
}

#[test]
fn every_way_out_restores_the_terminal() {
    for (how, signal) in [
        ("SIGTERM", Some("TERM")),
        ("SIGHUP", Some("HUP")),
        ("SIGINT", Some("INT")),
        ("SIGQUIT", Some("QUIT")),
        ("SIGUSR1", Some("USR1")),
        ("SIGUSR2", Some("USR2")),
        ("SIGALRM", Some("ALRM")),
        ("Ctrl-C", None),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut pty = spawn(dir.path(), 80, 24);
        pty.wait_for("upright", 10);
        pty.send("\r");
        pty.wait_for("GET READY", 5);
        match signal {
            Some(sig) => {
                let ok = Command::new("kill").args(["-s", sig, &pty.pid().to_string()]).status().unwrap();
                assert!(ok.success());
            }
            None => pty.send("\x03"),
        }
        assert!(pty.wait_exit(5), "{how}: clean exit");
        pty.assert_restored();
    }
}

#[test]
fn tiny_and_resized_terminals() {
    let dir = tempfile::tempdir().unwrap();
    // Real-time timers: on a loaded machine a 30× walk could end while the resizes are under way.
    upright(dir.path(), &["init", "--accept"]);
    let mut pty = Pty::spawn(&[], &[("UPRIGHT_NOW", NOW)], dir.path(), 30, 8);
    pty.wait_for("terminal too small — need", 10);
    // Keys do not act on the screen that cannot be seen: x would have opened the rating.
    pty.send("x");
    std::thread::sleep(std::time::Duration::from_millis(300));
    pty.resize(40, 12);
    let screen = pty.wait_for("Tue 24 Nov", 5);
    assert!(!screen.contains("How did"), "{screen}");
    pty.send("\r");
    pty.wait_for("GET READY", 5);
    // It ends on a size the app has not drawn at yet, so its next frame is drawn whole (an
    // emulator keeps what a shrink cut off, where a redraw at an unchanged size draws only changes).
    for (w, h) in [(1, 1), (100, 30), (2, 2), (44, 13)] {
        pty.resize(w, h);
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    pty.wait_for("Space pause", 5);
    pty.send("\x1b");
    pty.wait_for("Leave the timer", 5);
    pty.wait_for("keep going", 5);
    pty.send("n");
    pty.wait_for("Left without logging it", 5);
    pty.send("q");
    assert!(pty.wait_exit(5));
}

#[test]
fn a_fresh_first_run() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = spawn_fresh(dir.path(), 100, 30);
    pty.wait_for("not medical advice", 10);
    pty.send("a");
    pty.wait_for("Where would you like to start?", 5);
    pty.send("2");
    pty.wait_for("avoid bending forwards", 5);
    pty.send("f");
    pty.wait_for("f [x]", 5);
    pty.send("\r");
    // Issue 26.13: strength days are a question of their own.
    pty.wait_for("strength days with weights", 5);
    pty.send("\r");
    // Issue 20.2: the warning signs once, then Today.
    pty.wait_for("Emergency care now", 5);
    pty.send("q");
    let screen = pty.wait_for("Welcome. Your choices are in", 5);
    // Active level, avoiding flexion: dead bug instead of curl-up, at the active start steps.
    assert!(screen.contains("Dead bug") && !screen.contains("Curl-up"), "{screen}");
    assert!(screen.contains("30 + 5 min walk") && screen.contains("2 × 10 per side"), "{screen}");
    pty.send("q");
    assert!(pty.wait_exit(5));
    let config = std::fs::read_to_string(dir.path().join("config.toml")).unwrap();
    assert!(
        config.contains("\nlevel = \"active\"\n") && config.contains("\navoid = [\"flexion\"]\n"),
        "{config}"
    );
    assert!(config.contains("# Starting level"), "written with its comments");
    let month = std::fs::read_to_string(dir.path().join("history/2026-11.toml")).unwrap();
    assert!(month.contains("kind = \"disclaimer-accepted\""), "{month}");
    // The second start goes straight to Today.
    let mut pty = spawn_fresh(dir.path(), 100, 30);
    pty.wait_for("Dead bug", 10);
    pty.send("q");
    assert!(pty.wait_exit(5));
}

#[test]
fn an_emergency_red_flag_locks_the_routine_across_restarts() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = spawn(dir.path(), 100, 30);
    pty.wait_for("Good to see you", 10);
    pty.send("\r");
    pty.wait_for("GET READY", 5);
    pty.send("!");
    pty.wait_for("Emergency care now, if back pain comes with", 5);
    // A stray key locks nothing: `e` asks first.
    pty.send("e");
    pty.wait_for("Report an emergency sign?", 5);
    pty.send("n");
    pty.wait_for("Emergency care now, if back pain comes with", 5);
    pty.send("ey");
    pty.wait_for("Get emergency care now", 5);
    pty.send("\x1b");
    pty.wait_for("Locked: you reported an emergency sign", 5);
    pty.send("q");
    assert!(pty.wait_exit(5));
    // Still locked after a restart: the timer will not start.
    let mut pty = spawn_fresh(dir.path(), 100, 30);
    pty.wait_for("Locked: you reported an emergency sign", 10);
    pty.send("\r");
    pty.wait_for("The routine is locked", 5);
    pty.send("!");
    pty.wait_for("a clinician checked it", 5);
    pty.send("c");
    pty.wait_for("Has a clinician checked the sign you reported?", 5);
    pty.send("y");
    pty.wait_for("The routine is open again", 5);
    pty.send("\x1b");
    pty.wait_for("Good to see you", 5);
    pty.send("q");
    assert!(pty.wait_exit(5));
    assert!(upright(dir.path(), &["safety"]).contains("Get emergency care now"));
}

#[test]
fn pain_down_a_leg_pauses_the_exercise_until_cleared() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = spawn(dir.path(), 100, 30);
    pty.wait_for("Good to see you", 10);
    pty.send("jjj");
    pty.send("x");
    pty.wait_for("pain spread down my leg", 5);
    pty.send("l");
    // Issue 20.2: one leg pauses the exercise; both legs would be an emergency.
    pty.wait_for("down one leg, or both?", 5);
    pty.send("1");
    pty.wait_for("Any numbness, or weakness, in that leg?", 5);
    pty.send("n");
    pty.wait_for("on hold until a clinician has checked", 5);
    pty.send("x");
    pty.wait_for("once a clinician has cleared it, press c on it", 5);
    pty.send("q");
    assert!(pty.wait_exit(5));
    let mut pty = spawn_fresh(dir.path(), 100, 30);
    pty.wait_for("‖ Curl-up", 10);
    pty.send("jjjc");
    pty.wait_for("Has a clinician cleared Curl-up?", 5);
    pty.send("y");
    pty.wait_for("Curl-up is back in your routine", 5);
    pty.send("q");
    assert!(pty.wait_exit(5));
}

#[test]
fn a_panic_while_drawing_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    upright(dir.path(), &["init", "--accept"]);
    let mut pty =
        Pty::spawn(&[], &[("UPRIGHT_NOW", NOW), ("UPRIGHT_TEST_PANIC", "draw")], dir.path(), 80, 24);
    pty.wait_for("Good to see you", 10);
    pty.send("j");
    assert!(!pty.wait_exit(5), "a panic is a failure exit");
    pty.assert_restored();
    let raw = String::from_utf8_lossy(&pty.raw()).into_owned();
    assert!(raw.contains("test panic during draw"), "the panic is reported after the restore");
}

#[test]
fn no_color_keeps_the_selection_visible_in_a_real_terminal() {
    // With NO_COLOR set, crossterm writes no colours; the selected row must still be reversed.
    let dir = tempfile::tempdir().unwrap();
    upright(dir.path(), &["init", "--accept"]);
    let mut pty = Pty::spawn(&[], &[("UPRIGHT_NOW", NOW), ("NO_COLOR", "1")], dir.path(), 100, 30);
    pty.wait_for("Good to see you", 10);
    pty.send("j");
    let screen = pty.wait_for("▶ ○ Chair hamstring stretch", 5);
    let row = screen.lines().position(|l| l.starts_with("▶")).unwrap() as u16;
    assert!(pty.inverse(row, 0..30), "the selected row is reverse video:\n{screen}");
    assert!(!pty.inverse(row + 1, 0..30), "and only that row");
    pty.send("q");
    assert!(pty.wait_exit(5));
    assert!(!String::from_utf8_lossy(&pty.raw()).contains("\x1b[38;5"), "no colours at all");
}

#[test]
fn the_app_and_the_cli_together_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = spawn(dir.path(), 100, 30);
    pty.wait_for("Good to see you", 10);
    // Another shell logs bird-dog while the app is open.
    upright(dir.path(), &["done", "bird-dog"]);
    // The app then logs curl-up: its save re-reads the month, keeping the other entry.
    pty.send("jjj");
    pty.send("x");
    pty.wait_for("How did Curl-up go?", 5);
    pty.send("1\r");
    pty.wait_for("Saved: Curl-up", 5);
    pty.send("q");
    assert!(pty.wait_exit(5));
    assert_eq!(done_today(dir.path()), ["curl-up", "bird-dog"]);
}

/// Issue 13: a month file broken by hand while the app is open; `u` shows the error naming the
/// file and the app stays (it used to end with rc 1), then quits cleanly.
#[test]
fn undo_on_a_month_broken_while_open_shows_the_error_and_stays() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = spawn(dir.path(), 100, 30);
    pty.wait_for("Good to see you", 10);
    pty.send("x");
    pty.wait_for("How did Walk go?", 5);
    pty.send("2\r");
    pty.wait_for("1 of 3 done", 5);
    std::fs::write(dir.path().join("history/2026-11.toml"), "[[entry]]\nid = \"broken\nkind =\n").unwrap();
    pty.send("u");
    let screen = pty.wait_for("2026-11.toml:", 5);
    // Still answering keys: the cursor moves on from wherever the rating left it.
    let rows = [
        "Walk",
        "Chair hamstring stretch",
        "Foam-roller upper-back extension",
        "Curl-up",
        "Side bridge",
        "Bird-dog",
    ];
    let at = rows.iter().position(|r| screen.contains(&format!("▶ ○ {r} "))).expect("a selected row");
    pty.send("j");
    pty.wait_for(&format!("▶ ○ {} ", rows[(at + 1) % rows.len()]), 5);
    pty.send("q");
    assert!(pty.wait_exit(5), "quits with rc 0");
    pty.assert_restored();
}

/// Issue 13: what the CLI logs while the app is open shows up at the next key, and ticking it
/// off again in the app logs nothing twice.
#[test]
fn the_app_sees_what_the_cli_logged_at_the_next_key() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = spawn(dir.path(), 100, 30);
    pty.wait_for("Good to see you", 10);
    pty.wait_for("0/6 done", 5);
    upright(dir.path(), &["done", "curl-up"]);
    // Any key (here a move) makes the app look at the month again.
    pty.send("jjj");
    pty.wait_for("1/6 done", 5);
    pty.send("x");
    pty.send("q");
    assert!(pty.wait_exit(5));
    let month = std::fs::read_to_string(dir.path().join("history/2026-11.toml")).unwrap();
    assert_eq!(month.matches("exercise = \"curl-up\"").count(), 1, "{month}");
}

/// With `theme = "auto"` the app asks the terminal for its background while it reads the log
/// (the answer is a round trip): a terminal that answers light gets the light colours, one that
/// answers dark the dark ones, in the first frame.
#[test]
fn the_background_asked_while_the_log_is_read_picks_the_colours() {
    // (answers to OSC 10 and 11; the title's colour in the light theme is xterm-256 colour 24)
    for (foreground, background, light) in
        [("0000/0000/0000", "ffff/ffff/ffff", true), ("ffff/ffff/ffff", "0000/0000/0000", false)]
    {
        let dir = tempfile::tempdir().unwrap();
        upright(dir.path(), &["init", "--accept"]);
        let mut pty = Pty::spawn(&[], &[("UPRIGHT_NOW", NOW)], dir.path(), 80, 24);
        let start = std::time::Instant::now();
        while !pty.raw().windows(3).any(|w| w == b"\x1b[c") {
            assert!(start.elapsed() < std::time::Duration::from_secs(10), "no colour query");
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        pty.send(&format!("\x1b]10;rgb:{foreground}\x1b\\\x1b]11;rgb:{background}\x1b\\\x1b[?62;22c"));
        pty.wait_for("Bird-dog", 10);
        let raw = String::from_utf8_lossy(&pty.raw()).into_owned();
        assert_eq!(raw.contains("\x1b[38;5;24;49m upright"), light, "background {background}: {raw:?}");
        pty.send("q");
        assert!(pty.wait_exit(5));
    }
}
