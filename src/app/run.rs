//! The event loop. Terminal input and signals arrive on one channel from two blocking threads;
//! the loop draws, then sleeps until the next input or the next moment the screen changes (the
//! next shown second of a timer), so an idle app makes no wakeups. Every signal whose default
//! would end the process (SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM) leaves
//! through the normal path instead, so `ratatui::run` restores the terminal.

use std::io::Write;
use std::sync::mpsc;
use std::time::Instant;

use color_eyre::eyre::Result;
use crossterm::event::Event;
use ratatui::DefaultTerminal;
use signal_hook::consts::{SIGALRM, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2};
use signal_hook::iterator::Signals;

use super::{App, msg_for};
use crate::ctx;

enum Input {
    Term(Event),
    Signal,
}

pub fn run(app: &mut App, terminal: &mut DefaultTerminal) -> Result<()> {
    let (tx, rx) = mpsc::channel();
    let keys = tx.clone();
    std::thread::spawn(move || {
        while let Ok(event) = crossterm::event::read() {
            if keys.send(Input::Term(event)).is_err() {
                break;
            }
        }
    });
    // Handling SIGQUIT also means no core dump with the terminal left raw; every entry is saved
    // when it is rated, so there is nothing a dump would keep.
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM])?;
    std::thread::spawn(move || {
        for _ in signals.forever() {
            if tx.send(Input::Signal).is_err() {
                break;
            }
        }
    });
    loop {
        let now = Instant::now();
        let wall = ctx::now()?;
        app.tick(now, &wall);
        if app.quit {
            return Ok(());
        }
        let panic_now = app.panic_on_draw && std::mem::replace(&mut app.drawn, true);
        terminal.draw(|frame| {
            // A test-only trigger (UPRIGHT_TEST_PANIC=draw): a panic in the middle of the second
            // frame must still restore the terminal.
            if panic_now {
                panic!("test panic during draw (UPRIGHT_TEST_PANIC)");
            }
            crate::ui::render(frame, app, now)
        })?;
        if app.take_bell() {
            let mut out = std::io::stdout();
            out.write_all(b"\x07")?;
            out.flush()?;
        }
        let input = match app.next_wake(now, &wall) {
            Some(at) => match rx.recv_timeout(at.saturating_duration_since(Instant::now())) {
                Ok(input) => input,
                Err(mpsc::RecvTimeoutError::Timeout) => continue,
                Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
            },
            None => match rx.recv() {
                Ok(input) => input,
                Err(_) => return Ok(()),
            },
        };
        match input {
            Input::Signal => return Ok(()),
            Input::Term(Event::Key(key)) => {
                if let Some(msg) = msg_for(&app.mode, key) {
                    app.update(msg, Instant::now(), &ctx::now()?)?;
                }
            }
            // A resize (or anything else) only needs a redraw, which the loop does.
            Input::Term(_) => {}
        }
    }
}
