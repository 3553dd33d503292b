//! `upright doctor`: what `paths` shows plus where each path came from and whether it exists,
//! the config's validity, months that do not load, entries waiting, conflict copies,
//! permissions, the summary, the terminal, and which notifications reach the user; every
//! finding that needs doing says what to do. Reads only: it changes no file. Exits non-zero
//! when something needs doing.

use std::path::Path;

use eyre::{Result, bail};

use super::Paths;
use crate::state::{Month, MonthKey, conflict_month};

/// How a line of the report reads: fine, worth knowing, or something to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Ok,
    Note,
    Todo,
}

/// The report's lines, each with what to do when it is not fine.
struct Report {
    lines: Vec<(Mark, String)>,
}

impl Report {
    fn ok(&mut self, text: impl Into<String>) {
        self.lines.push((Mark::Ok, text.into()));
    }
    fn note(&mut self, text: impl Into<String>) {
        self.lines.push((Mark::Note, text.into()));
    }
    fn fix(&mut self, text: impl Into<String>) {
        self.lines.push((Mark::Todo, text.into()));
    }
}

/// `n` and the noun, singular or plural.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub fn doctor(paths: &Paths) -> Result<()> {
    let mut r = Report { lines: Vec::new() };
    config(&mut r, paths);
    data(&mut r, paths);
    terminal(&mut r);
    // Notifications are a convenience: a missing route is worth knowing, not a fault.
    for (works, line) in crate::notify::Env::current().with_tmux_check().report() {
        r.lines.push((if works { Mark::Ok } else { Mark::Note }, format!("notifications: {line}")));
    }
    let problems = r.lines.iter().filter(|(mark, _)| *mark == Mark::Todo).count();
    for (mark, line) in &r.lines {
        let mark = match mark {
            Mark::Ok => "ok  ",
            Mark::Note => "note",
            Mark::Todo => "todo",
        };
        outln!("{mark} {line}");
    }
    if problems > 0 {
        bail!("{} above to do", count(problems, "finding", "findings"));
    }
    outln!("all good");
    Ok(())
}

fn config(r: &mut Report, paths: &Paths) {
    let path = &paths.config;
    r.ok(format!("config: {} ({})", path.display(), paths.config_from));
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            r.ok("config: no file yet, so the defaults (upright init or the app's first run writes one)")
        }
        Err(e) => r.fix(format!("config: cannot read it ({e}): check its permissions")),
        Ok(meta) if meta.is_dir() => r.fix("config: is a folder: point --config at a file"),
        Ok(_) => match crate::config::load(path, &mut crate::catalog::Catalog::builtin()) {
            Ok(_) => r.ok("config: valid"),
            Err(e) => r.fix(format!("{e:#}: fix it with upright config edit")),
        },
    }
}

fn data(r: &mut Report, paths: &Paths) {
    let dir = &paths.data;
    r.ok(format!("data: {} ({})", dir.display(), paths.data_from));
    let history = dir.join("history");
    match std::fs::metadata(&history) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            r.ok("history: none yet (the first entry logged creates history/)");
            return;
        }
        Err(e) => {
            return r.fix(format!("history: cannot read {} ({e}): check its permissions", history.display()));
        }
        Ok(meta) => permissions(r, &history, &meta),
    }
    let Ok(read) = std::fs::read_dir(&history) else {
        return r.fix(format!("history: cannot list {}: check its permissions", history.display()));
    };
    let mut names: Vec<String> =
        read.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    let (mut months, mut broken) = (0, 0);
    for name in &names {
        if MonthKey::from_file_name(name).is_none() {
            continue;
        }
        months += 1;
        let path = history.join(name);
        let parsed = std::fs::read(&path).map_err(|e| e.to_string()).and_then(|b| Month::parse(&b));
        if let Err(e) = parsed {
            broken += 1;
            r.fix(format!(
                "month {}:{e}: it is never written over; fix the line, or move the file away to start the month afresh",
                path.display()
            ));
        }
    }
    if broken == 0 {
        r.ok(format!("history: {}, all load", count(months, "month file", "month files")));
    }
    let conflicts: Vec<&String> = names.iter().filter(|n| conflict_month(n).is_some()).collect();
    if !conflicts.is_empty() {
        r.fix(format!(
            "history: {} waiting, e.g. {}: the next upright that saves merges them by entry id",
            count(conflicts.len(), "sync conflict copy", "sync conflict copies"),
            conflicts[0]
        ));
    }
    let pending = std::fs::read_dir(dir)
        .map(|read| {
            read.flatten().filter(|e| e.file_name().to_string_lossy().starts_with("history.pending-")).count()
        })
        .unwrap_or(0);
    if pending > 0 {
        r.fix(format!(
            "pending: {} waiting beside the log in {}: the next start merges them; if they stay, \
             run upright today and read its error",
            count(pending, "entry file", "entry files"),
            dir.display()
        ));
    } else {
        r.ok("pending: no entry waiting to be saved");
    }
    if history.join(".summary").exists() {
        r.ok(
            "summary: history/.summary is left by an older upright and never read; the next save removes it",
        );
    }
}

#[cfg(unix)]
fn permissions(r: &mut Report, path: &Path, meta: &std::fs::Metadata) {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let mode = meta.permissions().mode();
    if meta.uid() != rustix::process::geteuid().as_raw() {
        r.fix(format!("history: {} belongs to another user: chown it to yourself", path.display()));
    } else if mode & 0o022 != 0 {
        r.fix(format!(
            "history: {} can be written by others (mode {:o}): chmod go-w {}",
            path.display(),
            mode & 0o777,
            path.display()
        ));
    } else if mode & 0o200 == 0 {
        r.fix(format!("history: {} is read-only: chmod u+w {}", path.display(), path.display()));
    } else {
        r.ok(format!("history: permissions {:o}, yours", mode & 0o777));
    }
}

#[cfg(not(unix))]
fn permissions(r: &mut Report, _path: &Path, meta: &std::fs::Metadata) {
    if meta.permissions().readonly() {
        r.fix("history: the folder is read-only: make it writable");
    } else {
        r.ok("history: writable");
    }
}

fn terminal(r: &mut Report) {
    use std::io::IsTerminal;
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let term = var("TERM").unwrap_or_else(|| "(unset)".into());
    if !std::io::stdout().is_terminal() {
        r.note(format!(
            "terminal: stdout is not a terminal (TERM={term}); the app needs one, the commands do not"
        ));
        return;
    }
    match crossterm::terminal::size() {
        Ok((w, h)) if w < crate::app::MIN_WIDTH || h < crate::app::MIN_HEIGHT => r.fix(format!(
            "terminal: {w}×{h}, below the app's {}×{}: enlarge the window",
            crate::app::MIN_WIDTH,
            crate::app::MIN_HEIGHT
        )),
        Ok((w, h)) => r.ok(format!("terminal: {w}×{h}, TERM={term}")),
        Err(e) => r.fix(format!("terminal: size unknown ({e})")),
    }
    if term == "dumb" {
        r.fix("terminal: TERM=dumb: the full-screen app will not draw; use the commands (upright today)");
    }
    let colours = if var("NO_COLOR").is_some() {
        "none (NO_COLOR is set)".to_string()
    } else if var("COLORTERM").is_some_and(|c| c == "truecolor" || c == "24bit") {
        "24-bit".to_string()
    } else if term.contains("256") {
        "256".to_string()
    } else {
        "16 (the theme uses only the 16 named colours)".to_string()
    };
    r.ok(format!("terminal: colours: {colours}"));
    let background = match crate::ui::detect_light() {
        Some(true) => "light: theme \"auto\" uses the light palette",
        Some(false) => "dark: theme \"auto\" uses the dark palette",
        None => {
            "not told by the terminal: theme \"auto\" uses the dark palette; set theme = \"light\" in the config if yours is light"
        }
    };
    r.ok(format!("terminal: background {background}"));
}
