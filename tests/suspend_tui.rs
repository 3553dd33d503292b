//! Ctrl-Z in the app, as a user meets it: an interactive bash with job control in a real
//! pseudo-terminal runs `upright`; Ctrl-Z hands the terminal back to the shell (alternate screen
//! left, cursor shown) with the job stopped, and `fg` brings the app back, redrawn whole, with
//! its keys working.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// Tuesday 24 November 2026, 07:30 in Berlin.
const NOW: &str = "2026-11-24T07:30:00+01:00[Europe/Berlin]";

struct Shell {
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Shell {
    fn send(&mut self, text: &str) {
        self.writer.write_all(text.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, text: &str) -> String {
        let end = Instant::now() + Duration::from_secs(10);
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(Instant::now() < end, "timed out waiting for {text:?}; the screen shows:\n{screen}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn raw_since(&self, at: usize) -> String {
        String::from_utf8_lossy(&self.raw.lock().unwrap()[at..]).into_owned()
    }

    fn raw_len(&self) -> usize {
        self.raw.lock().unwrap().len()
    }
}

impl Drop for Shell {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

fn bash(dir: &std::path::Path) -> Option<Shell> {
    let bash = ["/bin/bash", "/usr/bin/bash"].into_iter().find(|p| std::path::Path::new(p).exists());
    let Some(bash) = bash else {
        println!("skipped: bash is not installed");
        return None;
    };
    let pair =
        native_pty_system().openpty(PtySize { rows: 24, cols: 80, pixel_width: 0, pixel_height: 0 }).unwrap();
    let mut cmd = CommandBuilder::new(bash);
    cmd.args(["--norc", "--noprofile", "-i"]);
    cmd.env_clear();
    cmd.env("TERM", "xterm-256color");
    cmd.env("PATH", std::env::var("PATH").unwrap_or_default());
    cmd.env("PS1", "$ ");
    cmd.env("UPRIGHT_NOW", NOW);
    cmd.env("UPRIGHT_CONFIG", dir.join("config.toml"));
    cmd.env("UPRIGHT_DATA_DIR", dir.join("data"));
    let child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let writer = pair.master.take_writer().unwrap();
    let parser = Arc::new(Mutex::new(vt100::Parser::new(24, 80, 0)));
    let raw = Arc::new(Mutex::new(Vec::new()));
    let (p, r) = (parser.clone(), raw.clone());
    std::thread::spawn(move || {
        let _master = pair.master;
        let mut buf = [0u8; 4096];
        while let Ok(n @ 1..) = reader.read(&mut buf) {
            p.lock().unwrap().process(&buf[..n]);
            r.lock().unwrap().extend_from_slice(&buf[..n]);
        }
    });
    Some(Shell { writer, parser, raw, child })
}

#[test]
#[cfg(unix)]
fn ctrl_z_suspends_to_the_shell_and_fg_redraws() {
    let dir = tempfile::tempdir().unwrap();
    let init = std::process::Command::new(env!("CARGO_BIN_EXE_upright"))
        .env("UPRIGHT_NOW", NOW)
        .env("UPRIGHT_CONFIG", dir.path().join("config.toml"))
        .env("UPRIGHT_DATA_DIR", dir.path().join("data"))
        .args(["init", "--accept"])
        .output()
        .unwrap();
    assert!(init.status.success());
    let Some(mut sh) = bash(dir.path()) else { return };
    sh.wait_for("$ ");
    sh.send(&format!("{}\r", env!("CARGO_BIN_EXE_upright")));
    sh.wait_for("Good to see you");
    let before = sh.raw_len();
    sh.send("\x1a");
    sh.wait_for("Stopped");
    let handed_back = sh.raw_since(before);
    assert!(handed_back.contains("\x1b[?1049l"), "left the alternate screen: {handed_back:?}");
    assert!(handed_back.contains("\x1b[?25h"), "showed the cursor: {handed_back:?}");
    assert!(!sh.screen().contains("Good to see you"), "the shell's screen shows while stopped");
    // The shell works while the app is stopped.
    sh.send("echo still-here\r");
    sh.wait_for("still-here\n");
    let resumed = sh.raw_len();
    sh.send("fg\r");
    sh.wait_for("Good to see you");
    let again = sh.raw_since(resumed);
    assert!(again.contains("\x1b[?1049h"), "took the alternate screen again: {again:?}");
    assert!(!again.contains("could not be read"), "{again:?}");
    // Keys work as before, and q quits back to the shell.
    sh.send("w");
    sh.wait_for("Week of");
    sh.send("q");
    sh.send("q");
    let screen = sh.wait_for("$ ");
    assert!(!screen.contains("Good to see you"), "{screen}");
}
