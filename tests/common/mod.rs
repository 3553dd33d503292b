//! Shared helpers for the end-to-end tests: a pseudo-terminal running the real binary, read
//! through a vt100 parser so tests assert on what a user would see.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// The pinned clock of the end-to-end tests: Tuesday 24 November 2026, 07:30 in Berlin.
pub const NOW: &str = "2026-11-24T07:30:00+01:00[Europe/Berlin]";

/// Runs `upright args` (not in a terminal) on `data` with its config beside it; it must succeed.
pub fn upright(data: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_upright"))
        .env("UPRIGHT_NOW", NOW)
        .env("UPRIGHT_DATA_DIR", data)
        .env("UPRIGHT_CONFIG", data.join("config.toml"))
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "upright {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

pub struct Pty {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
}

impl Pty {
    /// Starts `upright args` in a `cols`×`rows` terminal with a temp data dir and pinned env.
    pub fn spawn(args: &[&str], envs: &[(&str, &str)], data: &Path, cols: u16, rows: u16) -> Pty {
        Pty::spawn_program(Path::new(env!("CARGO_BIN_EXE_upright")), args, envs, data, cols, rows)
    }

    /// As `spawn`, for another program (a benchmark's bare ratatui app).
    pub fn spawn_program(
        program: &Path,
        args: &[&str],
        envs: &[(&str, &str)],
        data: &Path,
        cols: u16,
        rows: u16,
    ) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.env_clear();
        cmd.env("TERM", "xterm-256color");
        cmd.env("PATH", std::env::var("PATH").unwrap_or_default());
        cmd.env("UPRIGHT_DATA_DIR", data);
        cmd.env("UPRIGHT_CONFIG", data.join("config.toml"));
        for (k, v) in envs {
            cmd.env(k, v);
        }
        cmd.args(args);
        let child = pair.slave.spawn_command(cmd).expect("spawn upright");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (p, r) = (parser.clone(), raw.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Pty { child, master: pair.master, writer, parser, raw }
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Whether every cell of `row` in `cols` is drawn in reverse video.
    pub fn inverse(&self, row: u16, cols: std::ops::Range<u16>) -> bool {
        let parser = self.parser.lock().unwrap();
        cols.into_iter().all(|c| parser.screen().cell(row, c).is_some_and(|cell| cell.inverse()))
    }

    /// Everything the program wrote, escape sequences included.
    pub fn raw(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    /// Waits until the screen shows `text`; panics with the screen after `secs`.
    pub fn wait_for(&self, text: &str, secs: u64) -> String {
        let end = Instant::now() + Duration::from_secs(secs);
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            if Instant::now() > end {
                panic!("timed out waiting for {text:?}; the screen shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Resizes the terminal. The screen takes the new size first, under its lock, so no frame the
    /// app draws for the new size can be read at the old one (it would wrap and look cut).
    pub fn resize(&self, cols: u16, rows: u16) {
        let mut parser = self.parser.lock().unwrap();
        parser.screen_mut().set_size(rows, cols);
        self.master.resize(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).unwrap();
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("running child has a pid")
    }

    /// Waits for the program to exit; returns whether it exited successfully.
    pub fn wait_exit(&mut self, secs: u64) -> bool {
        let end = Instant::now() + Duration::from_secs(secs);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader thread drain the last bytes.
                std::thread::sleep(Duration::from_millis(100));
                return status.success();
            }
            if Instant::now() > end {
                let _ = self.child.kill();
                panic!("upright did not exit; the screen shows:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The terminal was handed back: alternate screen left and cursor shown, after entering.
    pub fn assert_restored(&self) {
        let raw = self.raw();
        let text = String::from_utf8_lossy(&raw);
        let entered = text.find("\x1b[?1049h").expect("entered the alternate screen");
        let left = text.rfind("\x1b[?1049l").expect("left the alternate screen");
        let shown = text.rfind("\x1b[?25h").expect("showed the cursor");
        assert!(left > entered && shown > entered, "terminal restored after entering");
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}
