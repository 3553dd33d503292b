#![forbid(unsafe_code)]
//! The `upright` binary: parse the command line and hand over to the library.

use std::process::ExitCode;

use clap::Parser;
use upright::cli::{Cli, run};

fn main() -> ExitCode {
    // Readable panic reports; errors are printed below as one plain line.
    let _ = color_eyre::install();
    // A shell asking for completions (COMPLETE=<shell>) is answered here, before anything else.
    upright::cli::complete::complete_if_asked();
    let cli = Cli::parse();
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
            // One plain line (with its causes) is what a user and a script can act on; a cause may
            // quote the config (a custom name), so it is printed through `errln!`.
            upright::errln!("upright: {err:#}");
            ExitCode::FAILURE
        }
    }
}
