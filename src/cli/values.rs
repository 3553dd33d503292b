//! The values of the command line's flags that need more than clap's parsers: `--date` (a day
//! resolved against the coaching day when the command runs) and `--load`; and clap's view of the
//! core's choices (`--feedback`, `--level`, `--avoid`): the core names no clap.

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use eyre::{Result, bail};
use jiff::civil::Date;

use crate::catalog::Level;
use crate::config::Avoid;
use crate::log::Feedback;

/// One choice on the command line: its name, its aliases, its help, and the value it stands for.
type Choice<T> = (&'static str, &'static [&'static str], &'static str, T);

/// A parser that takes one of `choices` (by name or alias) and gives its value; the names, aliases
/// and help are what `--help`, the man page and the completions show.
fn choices<T: Copy + Send + Sync + 'static>(
    choices: &'static [Choice<T>],
) -> impl TypedValueParser<Value = T> {
    PossibleValuesParser::new(choices.iter().map(|&(name, aliases, help, _)| {
        let value = PossibleValue::new(name).aliases(aliases.iter().copied());
        if help.is_empty() { value } else { value.help(help) }
    }))
    .map(move |s| {
        let (.., value) = choices
            .iter()
            .find(|(name, aliases, ..)| *name == s || aliases.contains(&s.as_str()))
            .expect("the parser took only these names");
        *value
    })
}

/// `--feedback`.
pub fn feedback() -> impl TypedValueParser<Value = Feedback> {
    choices(&[
        ("easy", &[], "", Feedback::Easy),
        ("ok", &["about-right"], "A walk's \"about right (can talk, not sing)\"", Feedback::Ok),
        ("hard", &["too-hard"], "A walk's \"too hard (could not talk)\"", Feedback::Hard),
    ])
}

/// `init --level`.
pub fn level() -> impl TypedValueParser<Value = Level> {
    choices(&[("beginner", &[], "", Level::Beginner), ("active", &[], "", Level::Active)])
}

/// `init --avoid`.
pub fn avoid() -> impl TypedValueParser<Value = Avoid> {
    choices(&[("extension", &[], "", Avoid::Extension), ("flexion", &[], "", Avoid::Flexion)])
}

/// A `--date` argument, resolved against the coaching day when the command runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Day {
    Today,
    Yesterday,
    On(Date),
}

impl Day {
    pub fn resolve(self, today: Date) -> Result<Date> {
        let date = match self {
            Day::Today => today,
            Day::Yesterday => today.yesterday()?,
            Day::On(date) => date,
        };
        if date > today {
            bail!("{date} is in the future; today is {today}");
        }
        Ok(date)
    }
}

/// The earliest `--date` taken. An earlier one is a slip of the keyboard (`0000-01-01`, `0026`
/// for 2026), and would be filed under a month such as `-0001-01`. The latest is jiff's own
/// limit, 9999-12-31: a year past it does not parse.
const FIRST_DAY: Date = Date::constant(1970, 1, 1);

/// A load above 0 and up to 500, as the config allows.
pub(super) fn parse_load(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() && v > 0.0 && v <= 500.0 => Ok((v * 100.0).round() / 100.0),
        _ => Err(format!("{s:?} is not a load above 0 and up to 500")),
    }
}

pub(super) fn parse_day(s: &str) -> Result<Day, String> {
    match s {
        "today" => Ok(Day::Today),
        "yesterday" => Ok(Day::Yesterday),
        _ => match s.parse::<Date>() {
            Ok(date) if date < FIRST_DAY => Err(format!(
                "dates before 1970 are not accepted: {date} looks like a typo (use YYYY-MM-DD, today or yesterday)"
            )),
            // Exactly YYYY-MM-DD: the date parser also takes a date with a time
            // (`2026-11-01T00:00`) and drops the time, which is not what was asked for.
            Ok(date) if is_plain_date(s) => Ok(Day::On(date)),
            _ => Err(format!("{s:?} is not a date: use YYYY-MM-DD, today or yesterday")),
        },
    }
}

/// `YYYY-MM-DD` in shape: four digits, a dash, two digits, a dash, two digits.
fn is_plain_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() })
}

/// The flags of `upright done` (and the walk and lift flags other commands share).
#[derive(Default)]
pub struct Done {
    pub feedback: Option<Feedback>,
    pub pain: Option<u8>,
    pub minutes: Option<u32>,
    pub note: Option<String>,
    /// Done as another version of the exercise (`--as`).
    pub variant: Option<String>,
    /// Who came along on a walk (`--with`).
    pub with: Option<String>,
    /// Strength lifts: reps done and the load lifted.
    pub reps: Option<u32>,
    pub load: Option<f64>,
    /// A hold set cut short (`--partial`): counts for the day, holds the step.
    pub partial: bool,
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum YesNo {
    Yes,
    No,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OnOff {
    On,
    Off,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Csv,
    Json,
}
