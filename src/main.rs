#![forbid(unsafe_code)]
//! The `upright` binary: parse the command line and hand over to the library.

use std::process::ExitCode;

use clap::Parser;
use upright::cli::{Cli, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // One plain line (with its causes) is what a user and a script can act on.
            eprintln!("upright: {err:#}");
            ExitCode::FAILURE
        }
    }
}
