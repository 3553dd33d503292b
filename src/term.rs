//! The terminal: taking it and giving it back (raw mode, the alternate screen and the cursor,
//! also on a panic), its input and the signals that would end the process on one channel, and
//! Ctrl-Z. The full-screen app and the desk-break companion both run their loops on it.

use std::sync::mpsc;

use crossterm::event::Event;
use eyre::Result;
use ratatui::DefaultTerminal;
use signal_hook::consts::{SIGALRM, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2};
use signal_hook::iterator::Signals;

pub mod suspend;

/// `TERM=dumb`: a terminal that can show lines only.
pub fn is_dumb() -> bool {
    std::env::var("TERM").is_ok_and(|t| t == "dumb")
}

/// A full terminal to draw a screen on: stdin and stdout are terminals and `TERM` is not dumb.
/// Without one (a pipe, a script, a screen reader's plain console) the front ends speak in lines.
pub fn is_full() -> bool {
    use std::io::IsTerminal;
    !is_dumb() && std::io::stdout().is_terminal() && std::io::stdin().is_terminal()
}

/// What wakes a terminal loop: a terminal event, or a signal that would end the process.
pub enum Input {
    Term(Event),
    Signal,
}

/// Terminal input and signals on one channel, from two blocking threads. Every signal whose
/// default would end the process arrives as `Input::Signal`, so the loop leaves through the
/// normal path and `ratatui::run` restores the terminal. Handling SIGQUIT also means no core dump
/// with the terminal left raw; every entry is saved when it is rated, so a dump would keep nothing.
/// The next input, waiting at most `wait` (`None`: until one comes). `Ok(None)`: the wait ran
/// out (the loop redraws); `Err(())`: the input thread is gone (the loop ends).
pub(crate) fn next_input(
    rx: &mpsc::Receiver<Input>,
    wait: Option<std::time::Duration>,
) -> Result<Option<Input>, ()> {
    match wait {
        Some(wait) => match rx.recv_timeout(wait) {
            Ok(input) => Ok(Some(input)),
            Err(mpsc::RecvTimeoutError::Timeout) => Ok(None),
            Err(mpsc::RecvTimeoutError::Disconnected) => Err(()),
        },
        None => rx.recv().map(Some).map_err(drop),
    }
}

pub fn inputs() -> Result<mpsc::Receiver<Input>> {
    let (tx, rx) = mpsc::channel();
    let keys = tx.clone();
    std::thread::spawn(move || {
        while let Ok(event) = crossterm::event::read() {
            if keys.send(Input::Term(event)).is_err() {
                break;
            }
        }
    });
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM])?;
    std::thread::spawn(move || {
        for _ in signals.forever() {
            if tx.send(Input::Signal).is_err() {
                break;
            }
        }
    });
    Ok(rx)
}

/// Runs `f` on the terminal `ratatui::run` sets up and restores (raw mode and the screen, also
/// on a panic); the cursor is ours to show again, on the way out and on a panic.
pub fn in_terminal<R>(f: impl FnOnce(&mut DefaultTerminal) -> R) -> R {
    let show_cursor = || {
        let _ = crossterm::execute!(std::io::stdout(), crossterm::cursor::Show);
    };
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        show_cursor();
        previous(info);
    }));
    let result = ratatui::run(f);
    show_cursor();
    result
}
