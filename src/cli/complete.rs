//! Shell completion, answered by the binary itself (clap_complete's dynamic completion): the
//! shell's script calls `upright` with `COMPLETE=<shell>` and the words typed, and the
//! completers below read the user's own config, so `[[custom]]` ids complete too. Exercise ids
//! come with today's open exercises first; `--as` offers the variants of the exercise typed;
//! `--date` offers today and yesterday. Completion reads files only, never writes, and prints
//! nothing but the candidates.

use std::ffi::OsStr;
use std::path::PathBuf;
use std::sync::OnceLock;

use clap::CommandFactory;
use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};

use crate::catalog::Catalog;
use crate::state::{EntryKind, Store};

/// The variable that asks for completions (`COMPLETE=bash upright -- upright done c`).
pub const VAR: &str = "COMPLETE";

/// The words of the command line being completed (set once, before completing).
static WORDS: OnceLock<Vec<String>> = OnceLock::new();

/// Answers a completion request and exits, when the shell asked for one; else returns.
pub fn complete_if_asked() {
    if std::env::var_os(VAR).is_none_or(|v| v.is_empty() || v == "0") {
        return;
    }
    let words = std::env::args().skip_while(|a| a != "--").skip(1).collect();
    let _ = WORDS.set(words);
    clap_complete::CompleteEnv::with_factory(super::Cli::command).var(VAR).complete();
}

/// The script for `shell` that asks `upright` for the candidates as the user types.
pub fn registration(shell: clap_complete::Shell, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    use clap_complete::env::EnvCompleter;
    let completer: &dyn EnvCompleter = match shell {
        clap_complete::Shell::Bash => &clap_complete::env::Bash,
        clap_complete::Shell::Zsh => &clap_complete::env::Zsh,
        clap_complete::Shell::Fish => &clap_complete::env::Fish,
        clap_complete::Shell::Elvish => &clap_complete::env::Elvish,
        clap_complete::Shell::PowerShell => &clap_complete::env::Powershell,
        _ => &clap_complete::env::Bash,
    };
    completer.write_registration(VAR, "upright", "upright", "upright", out)
}

/// An exercise id (`done`, `skip`, `undo`, `harder`, `safety --clear`).
pub fn exercise() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| filter(exercise_candidates(), current))
}

/// A variant for `done --as`: those of the exercise typed (every one when none is).
pub fn variant() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| filter(variant_candidates(), current))
}

/// A `--date`: today or yesterday (a YYYY-MM-DD is typed).
pub fn day() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| {
        let days = [("today", "the coaching day now"), ("yesterday", "the day before")];
        filter(
            days.into_iter().map(|(d, help)| CompletionCandidate::new(d).help(Some(help.into()))).collect(),
            current,
        )
    })
}

fn filter(candidates: Vec<CompletionCandidate>, current: &OsStr) -> Vec<CompletionCandidate> {
    let current = current.to_string_lossy();
    candidates.into_iter().filter(|c| c.get_value().to_string_lossy().starts_with(&*current)).collect()
}

fn words() -> &'static [String] {
    WORDS.get().map_or(&[], Vec::as_slice)
}

/// The value of `--flag V` or `--flag=V` on the line being completed.
fn flag_value(words: &[String], flag: &str) -> Option<String> {
    let eq = format!("{flag}=");
    words.iter().enumerate().find_map(|(i, w)| {
        if w == flag { words.get(i + 1).cloned() } else { w.strip_prefix(&eq).map(str::to_string) }
    })
}

/// The config and data paths as the command being typed would use them.
fn paths() -> Option<(PathBuf, PathBuf)> {
    let words = words();
    let cli = super::Cli {
        config: flag_value(words, "--config").map(PathBuf::from),
        data_dir: flag_value(words, "--data-dir").map(PathBuf::from),
        silent: false,
        command: None,
    };
    super::Paths::resolve(&cli).ok().map(|p| (p.config, p.data))
}

/// The catalog with the user's `[[custom]]` exercises, today's routine ids in order, and the
/// ids logged today. A config that does not load gives the built-in catalog.
fn user_catalog() -> (Catalog, Vec<String>, Vec<String>) {
    let mut catalog = Catalog::builtin();
    let Some((config, data)) = paths() else { return (catalog, Vec::new(), Vec::new()) };
    let Ok(settings) = crate::config::load(&config, &mut catalog) else {
        return (Catalog::builtin(), Vec::new(), Vec::new());
    };
    let routine: Vec<String> = settings.routine(&catalog).iter().map(|e| e.id.clone()).collect();
    let mut logged = Vec::new();
    if let Ok(now) = crate::ctx::now() {
        let today = settings.coaching_date(&now);
        let mut store = Store::open(&data);
        let _ = store.load_range(today, today);
        logged = store
            .entries()
            .iter()
            .filter(|e| e.date == today && matches!(e.kind, EntryKind::Done | EntryKind::Skipped))
            .filter_map(|e| e.exercise.clone())
            .collect();
    }
    (catalog, routine, logged)
}

/// Today's open exercises, then the rest of the routine, then every other id; each with its name.
fn exercise_candidates() -> Vec<CompletionCandidate> {
    let (catalog, routine, logged) = user_catalog();
    let rank = |id: &String| match routine.iter().position(|r| r == id) {
        Some(i) if !logged.contains(id) => i,
        Some(i) => routine.len() + i,
        None => 2 * routine.len(),
    };
    let mut exercises: Vec<_> = catalog.exercises().iter().collect();
    exercises.sort_by_key(|e| rank(&e.id));
    exercises
        .iter()
        .enumerate()
        .map(|(order, e)| {
            let open = routine.contains(&e.id) && !logged.contains(&e.id);
            let help = if open { format!("{} (open today)", e.name) } else { e.name.clone() };
            CompletionCandidate::new(&e.id).help(Some(help.into())).display_order(Some(order))
        })
        .collect()
}

/// The variants of the exercise named on the line (every variant, each once, when none is).
fn variant_candidates() -> Vec<CompletionCandidate> {
    let (catalog, _, _) = user_catalog();
    let typed = words().iter().find_map(|w| catalog.get(w));
    let mut seen: Vec<&str> = Vec::new();
    let exercises: Vec<_> = match typed {
        Some(e) => vec![e],
        None => catalog.exercises().iter().collect(),
    };
    let mut out = Vec::new();
    for v in exercises.iter().flat_map(|e| e.variants.iter()) {
        if !seen.contains(&v.id.as_str()) {
            seen.push(&v.id);
            out.push(CompletionCandidate::new(&v.id).help(Some(v.name.clone().into())));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::flag_value;

    #[test]
    fn flags_are_read_in_both_spellings() {
        let words: Vec<String> =
            ["upright", "--config", "a.toml", "--data-dir=d", "done"].map(String::from).to_vec();
        assert_eq!(flag_value(&words, "--config").as_deref(), Some("a.toml"));
        assert_eq!(flag_value(&words, "--data-dir").as_deref(), Some("d"));
        assert_eq!(flag_value(&words, "--date"), None);
    }
}
