//! The command line: clap definitions, where config and data live, and dispatch to the
//! commands in `cli/commands.rs`. Plain text by default; `--json` prints one JSON document.

mod advice;
mod calendar;
mod commands;
pub mod complete;
mod doctor;
mod edit;
mod export;
mod import;
mod json;
mod learn;
mod logging;
mod man;
mod morning;
mod nudge;
#[cfg(test)]
mod parity_tests;
mod paths;
mod plan;
mod progress;
mod refused;
mod rmdq;
mod safety;
mod setup;
mod strength;
mod timer;
mod values;
mod week;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::state::Feedback;

#[derive(Debug, Parser)]
#[command(
    name = "upright",
    version,
    about = "A terminal coach for a healthier back",
    long_about = "A terminal coach for a healthier back: a daily routine of walking, stretches and \
                  core exercises with guided timers, doses that progress gradually, a weekly streak, \
                  check-ins and desk breaks. Without a command on a terminal it starts the app; the \
                  commands below do the same from a shell or a script. `upright paths` shows where \
                  the config and the history live, `upright doctor` checks them.",
    after_help = man::EXAMPLES
)]
pub struct Cli {
    // The environment variables are read in `Paths::resolve`, not by clap: clap reports an empty
    // one as a missing `--config`/`--data-dir` value, which names the wrong culprit.
    /// Config file [env: UPRIGHT_CONFIG] [default: the platform config dir, see: upright paths]
    #[arg(long, global = true, value_name = "FILE", help_heading = "Files")]
    pub config: Option<PathBuf>,
    /// Data directory holding history/ [env: UPRIGHT_DATA_DIR] [default: the platform data dir]
    #[arg(long, global = true, value_name = "DIR", help_heading = "Files")]
    pub data_dir: Option<PathBuf>,
    /// No terminal bell in the app's guided timer
    #[arg(long)]
    pub silent: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// The command line with no arguments (the app), as clap reads it, without building clap's
    /// whole command tree (a tenth of the app's first frame).
    pub fn bare() -> Cli {
        Cli { config: None, data_dir: None, silent: false, command: None }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Today's routine with today's dose of each exercise
    #[command(
        after_help = "Examples:\n  upright today\n  upright today --date yesterday\n  upright today --json | jq '.exercises[].id'"
    )]
    Today {
        /// The day to show: YYYY-MM-DD, today or yesterday
        #[arg(long, value_name = "D", value_parser = parse_day, add = complete::day())]
        date: Option<Day>,
        /// One JSON document on stdout
        #[arg(long)]
        json: bool,
    },
    /// Log a completed exercise
    #[command(
        after_help = "Examples:\n  upright done curl-up\n  upright done walk --minutes 25 --feedback easy\n  \
                            upright done side-bridge --as wall --pain 2\n  upright done bird-dog --date yesterday"
    )]
    Done {
        /// Exercise id, e.g. curl-up (upright today lists them)
        #[arg(add = complete::exercise())]
        id: String,
        /// How it went (default: ok). A walk by the talk test: easy (could sing), ok = about
        /// right (can talk, not sing), hard = too hard (could not talk); a lift by reps left:
        /// easy 3+, ok 1-2, hard none
        #[arg(long, value_parser = values::feedback())]
        feedback: Option<Feedback>,
        /// Pain during the exercise, 0-10
        #[arg(long, value_parser = clap::value_parser!(u8).range(0..=10))]
        pain: Option<u8>,
        /// Minutes walked (walks only, 1-300)
        #[arg(long)]
        minutes: Option<u32>,
        /// Done as an alternative or no-equipment version, e.g. chair, towel, dead-bug, wall
        #[arg(long = "as", value_name = "VARIANT", add = complete::variant())]
        variant: Option<String>,
        /// Who came along (walks only), shown on the week screen
        #[arg(long, value_name = "NAME")]
        with: Option<String>,
        /// Strength lifts: reps done in each set (seconds for a carry), 1-300
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..=300))]
        reps: Option<u32>,
        /// Strength lifts: the load lifted, in your units (kg or lb)
        #[arg(long, value_parser = parse_load)]
        load: Option<f64>,
        /// A note, shown back on Today and in upright week
        #[arg(long)]
        note: Option<String>,
        /// A hold set cut short: it counts for the day, and the step holds (not for walks or lifts)
        #[arg(long)]
        partial: bool,
        /// The day it was done: YYYY-MM-DD, today or yesterday (never a future day)
        #[arg(long, value_name = "D", value_parser = parse_day, add = complete::day())]
        date: Option<Day>,
        /// Log a day before your first entry or more than a year back
        #[arg(long)]
        force: bool,
    },
    /// Log an excused skip
    #[command(
        after_help = "Examples:\n  upright skip walk --reason \"rain all day\"\n  upright skip curl-up --date yesterday"
    )]
    Skip {
        /// Exercise id, e.g. curl-up (upright today lists them)
        #[arg(add = complete::exercise())]
        id: String,
        /// Why, shown back on Today and in upright week
        #[arg(long)]
        reason: Option<String>,
        /// The day skipped: YYYY-MM-DD, today or yesterday
        #[arg(long, value_name = "D", value_parser = parse_day, add = complete::day())]
        date: Option<Day>,
        /// Log a day before your first entry or more than a year back
        #[arg(long)]
        force: bool,
    },
    /// A rest day: skip the day's remaining exercises with one reason
    Rest {
        /// Why, shown back on Today and in upright week
        #[arg(long)]
        reason: Option<String>,
        /// The rest day: YYYY-MM-DD, today or yesterday
        #[arg(long, value_name = "D", value_parser = parse_day, add = complete::day())]
        date: Option<Day>,
        /// Log a day before your first entry or more than a year back
        #[arg(long)]
        force: bool,
    },
    /// Remove that day's last entry for an exercise
    Undo {
        /// Exercise id, e.g. curl-up (upright today lists them)
        #[arg(add = complete::exercise())]
        id: String,
        /// The day to undo on: YYYY-MM-DD, today or yesterday
        #[arg(long, value_name = "D", value_parser = parse_day, add = complete::day())]
        date: Option<Day>,
    },
    /// The dose forecast if every session goes as planned
    Plan {
        /// Weeks ahead to forecast
        #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u32).range(1..=104))]
        weeks: u32,
        /// One JSON document on stdout
        #[arg(long)]
        json: bool,
    },
    /// Flare-up mode: gentlest steps until you switch it off
    Flare {
        /// on: gentlest steps; off: back at about half, then in stages
        state: OnOff,
    },
    /// The weekly streak screen as text
    Week {
        /// A day in the (last) week to show: YYYY-MM-DD, today or yesterday
        #[arg(long, value_name = "D", value_parser = parse_day, add = complete::day())]
        date: Option<Day>,
        /// Weeks to show, ending with the week of D
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=52))]
        weeks: u32,
        /// One JSON document on stdout
        #[arg(long)]
        json: bool,
    },
    /// One short line for status bars
    Status {
        /// One JSON document on stdout
        #[arg(long)]
        json: bool,
    },
    /// The whole history on stdout
    #[command(
        after_help = "Examples:\n  upright export > history.csv\n  upright export --json | jq '.entries | length'"
    )]
    Export {
        /// csv (a spreadsheet) or json
        #[arg(long, value_enum, default_value_t = Format::Csv)]
        format: Format,
        /// One JSON document on stdout (the same as --format json)
        #[arg(long, conflicts_with = "format")]
        json: bool,
    },
    /// Where config and data live
    Paths,
    /// A short lesson about back pain (weekly for the first 8 weeks; without N: this week's,
    /// and the list)
    Learn {
        /// The lesson, 1-8
        #[arg(value_parser = clap::value_parser!(u8).range(1..=8))]
        n: Option<u8>,
    },
    /// Has your back settled to its usual level this morning, after yesterday's sessions? A no
    /// holds every exercise today (the app asks this on the day's first start)
    Settled { answer: YesNo },
    /// Take the harder form offered for ID (the side bridge on your feet), as h in the app
    Harder {
        /// Exercise id, e.g. side-bridge
        #[arg(add = complete::exercise())]
        id: String,
        /// Not now: stay on the current form; it is not offered again until a flare, and
        /// `upright harder ID` takes it any time
        #[arg(long)]
        no: bool,
    },
    /// The warning signs that need a doctor
    Safety {
        /// A clinician has checked the sign reported (as `c` in the app); with an exercise id,
        /// they cleared that exercise after pain down a leg
        #[arg(long, value_name = "ID", num_args = 0..=1, default_missing_value = "", add = complete::exercise(), conflicts_with = "report")]
        clear: Option<String>,
        /// Report what you feel, as the app's keys do: `leg` (pain, tingling or numbness down one
        /// leg during --exercise ID), or a warning sign by its id (`both-legs`, `saddle`, `fever`,
        /// … : `upright safety` lists them). Without a value, on a terminal: pick from the list
        #[arg(long, value_name = "SIGN", num_args = 0..=1, default_missing_value = "")]
        report: Option<String>,
        /// With `--report leg`: the exercise it happened in
        #[arg(long, value_name = "ID", add = complete::exercise(), requires = "report")]
        exercise: Option<String>,
        /// With `--report leg`: numbness or weakness in that leg too (asked on a terminal)
        #[arg(long, value_enum, requires = "report")]
        numb: Option<YesNo>,
    },
    /// First-run setup without the app: level, movements to avoid, accept the disclaimer
    Init {
        /// Where to start: beginner (gentle) or active (already walking and exercising)
        #[arg(long, value_parser = values::level())]
        level: Option<crate::catalog::Level>,
        /// A movement a clinician told you to avoid (repeatable)
        #[arg(long, value_parser = values::avoid())]
        avoid: Vec<crate::config::Avoid>,
        /// Accept the disclaimer (logged with today's date)
        #[arg(long)]
        accept: bool,
    },
    /// Shell completion script on stdout (exercise ids, variants and days come from the binary
    /// as you type, so custom exercises complete too)
    #[command(
        after_help = "Examples:\n  upright completions bash > ~/.local/share/bash-completion/completions/upright\n  \
                            upright completions zsh > ~/.zfunc/_upright\n  \
                            upright completions fish > ~/.config/fish/completions/upright.fish"
    )]
    Completions {
        /// The shell to complete in
        shell: clap_complete::Shell,
    },
    /// A guided exercise as plain lines (for a screen reader or TERM=dumb): each phase as it
    /// starts, with the app's timings, cues and bell; then logged as upright done
    #[command(after_help = "Examples:\n  upright timer curl-up\n  upright timer side-bridge --silent")]
    Timer {
        /// Exercise id, e.g. curl-up (upright today lists them)
        #[arg(add = complete::exercise())]
        id: String,
        /// No terminal bell
        #[arg(long)]
        silent: bool,
    },
    /// The manual page (roff) on stdout: `upright man | man -l -`, or save it as upright.1
    Man,
    /// Check paths, config, history, terminal and notifications, each with what to do
    Doctor,
    /// The config file
    Config {
        #[command(subcommand)]
        action: ConfigAction,
    },
    /// The weekly check-in: last week's average pain and the Patient-Specific Functional Scale
    /// (without --pain or --activity: show the last check-ins)
    #[command(
        after_help = "Examples:\n  upright checkin --pain 3 --activity \"put on socks=6\" --activity \"sit an hour=4\"\n  \
                            upright checkin"
    )]
    Checkin {
        /// Average back pain over the last week, 0-10
        #[arg(long, value_parser = clap::value_parser!(u8).range(0..=10))]
        pain: Option<u8>,
        /// An activity and its score 0 (unable) to 10 (as before), e.g. "put on socks=4" (up to 3)
        #[arg(long, value_name = "NAME=SCORE", value_parser = crate::checkin::parse_activity)]
        activity: Vec<crate::log::Activity>,
        /// The Roland-Morris Disability Questionnaire (optional, every 4 weeks): 24 yes/no
        /// statements, asked one by one on a terminal; for scripts the answers: the numbers
        /// answered yes ("2,3,13", or "none") or 24 y/n letters
        #[arg(long, value_name = "ANSWERS", num_args = 0..=1, default_missing_value = "",
              conflicts_with_all = ["pain", "activity"])]
        rmdq: Option<String>,
        /// The day of the check-in: YYYY-MM-DD, today or yesterday
        #[arg(long, value_name = "D", value_parser = parse_day, add = complete::day())]
        date: Option<Day>,
        /// One JSON document on stdout
        #[arg(long)]
        json: bool,
    },
    /// Pain, function, adherence and doses over time
    Progress {
        /// Weeks to show, ending with this one
        #[arg(long, default_value_t = crate::progress::DEFAULT_WEEKS, value_parser = clap::value_parser!(u32).range(1..=104))]
        weeks: u32,
        /// One JSON document on stdout
        #[arg(long)]
        json: bool,
    },
    /// A desk-break companion for the work day: leave it running in a tab or a tmux pane
    Breaks {
        /// No terminal bell when a break is due or ends
        #[arg(long)]
        silent: bool,
    },
    /// One short line for a shell's start-up file while today's routine is not done (else nothing)
    Nudge,
    /// Log walks recorded by a phone or a watch: GPX, FIT or TCX files, or folders of them
    Import {
        /// Activity files, or folders holding them
        #[arg(required = true, value_name = "FILE|DIR")]
        paths: Vec<PathBuf>,
        /// Log what the table shows without asking (for scripts)
        #[arg(long)]
        yes: bool,
        /// Show what would be logged; log nothing
        #[arg(long, conflicts_with = "yes")]
        dry_run: bool,
        /// One JSON document on stdout (with --yes or --dry-run)
        #[arg(long)]
        json: bool,
        /// How the walks went (default: ok), for every walk logged
        #[arg(long, value_parser = values::feedback())]
        feedback: Option<Feedback>,
        /// Log days before your first entry or more than a year back
        #[arg(long)]
        force: bool,
    },
    /// The coming days' routine as an iCalendar file, each day one event with an alarm
    Calendar {
        /// Weeks ahead
        #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u32).range(1..=52))]
        weeks: u32,
        /// Write it here (default: stdout)
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// A self-contained HTML report for a physiotherapist
    Report {
        /// Weeks to cover, ending with this one
        #[arg(long, default_value_t = crate::progress::DEFAULT_WEEKS, value_parser = clap::value_parser!(u32).range(1..=104))]
        weeks: u32,
        /// Write it here (default: stdout)
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    /// Open the config in $VISUAL or $EDITOR (else vi); a file that does not validate is
    /// opened again (as crontab -e), and the old one is kept until it does
    Edit,
}

pub use commands::run;
pub use paths::{From, Paths};
pub use refused::{REFUSED_EXIT, Refused};
pub use values::{Day, Format, OnOff, YesNo};
use values::{parse_day, parse_load};
