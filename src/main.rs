#![forbid(unsafe_code)]
//! The `upright` binary: parse the command line and hand over to the library.

use std::process::ExitCode;

use clap::Parser;
use upright::cli::{Cli, run};

fn main() -> ExitCode {
    // Errors are printed below as one plain line; a panic goes through Rust's own hook (the
    // app's hook restores the terminal first). No error handler resolves a backtrace it would
    // never print: an error exit costs what a normal run does.
    // A shell asking for completions (COMPLETE=<shell>) is answered here, before anything else.
    upright::cli::complete::complete_if_asked();
    let cli = if std::env::args_os().len() == 1 { Cli::bare() } else { Cli::parse() };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`upright export | head`) is the reader's choice, not an error.
        Err(err)
            if err.chain().any(|e| {
                e.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            ExitCode::SUCCESS
        }
        Err(err) => {
            let code = match err.downcast_ref::<upright::cli::Refused>() {
                Some(_) => ExitCode::from(upright::cli::REFUSED_EXIT),
                None => ExitCode::FAILURE,
            };
            // One plain line (with its causes) is what a user and a script can act on; a cause may
            // quote the config (a custom name), so it is printed through `errln!`.
            upright::errln!("upright: {err:#}");
            code
        }
    }
}
