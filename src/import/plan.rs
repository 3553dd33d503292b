//! What an import would log: each activity read, its day, kind and minutes, and the rules'
//! answer (`rules::judge`, the same question `done walk --minutes N` asks), in the order the
//! activities happened, each judged with the ones before it as if logged. Nothing is written
//! here: the table is shown first, then `write` saves what was allowed.

use std::path::{Path, PathBuf};

use eyre::{Result, bail};
use jiff::civil::Date;
use jiff::{Timestamp, Zoned};

use super::{Activity, Kind, Summary, coaching_day, local_start, read, summarize};
use crate::ctx::Ctx;
use crate::log::{Entry, EntryKind, Feedback};
use crate::rules::{self, Action, Request, Verdict};
use crate::today::Day;

/// The keys an imported entry carries (kept as fields of the entry: an older upright keeps
/// them as unknown fields and writes them back unchanged).
pub const SOURCE_KEY: &str = "imported_from";
pub const DISTANCE_KEY: &str = "distance_m";

/// The walk, the one exercise an activity is logged as.
pub const WALK: &str = "walk";

/// What becomes of one activity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Logged, as the rules allow.
    Log,
    /// Logged; the rules' note.
    Note(String),
    /// Logged already (the same start and source); left out.
    Duplicate,
    /// Nothing to log (no moving time).
    Nothing(String),
    /// The rules' refusal.
    Refused(String),
}

impl Status {
    pub fn logs(&self) -> bool {
        matches!(self, Status::Log | Status::Note(_))
    }

    /// The table's short word.
    pub fn word(&self) -> &'static str {
        match self {
            Status::Log | Status::Note(_) => "log",
            Status::Duplicate => "already logged",
            Status::Nothing(_) => "nothing to log",
            Status::Refused(_) => "refused",
        }
    }

    pub fn why(&self) -> Option<&str> {
        match self {
            Status::Note(s) | Status::Nothing(s) | Status::Refused(s) => Some(s),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub file: PathBuf,
    pub source: String,
    pub start: Timestamp,
    /// The start on the activity's own clock.
    pub local: Zoned,
    pub date: Date,
    pub summary: Summary,
    pub status: Status,
    /// The entry to save, when it logs; with the day's walk bouts, for the count rule again.
    pub entry: Option<(Entry, u32)>,
}

/// A file that did not read: its path and the parser's words (with its position).
#[derive(Debug, Clone, PartialEq)]
pub struct Failed {
    pub file: PathBuf,
    pub error: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    pub proposals: Vec<Proposal>,
    pub failed: Vec<Failed>,
}

impl Plan {
    pub fn to_log(&self) -> usize {
        self.proposals.iter().filter(|p| p.status.logs()).count()
    }
}

/// The activity files named: a file as given, a folder's GPX, FIT and TCX files (not its
/// subfolders), in name order.
pub fn files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let read = std::fs::read_dir(path).map_err(|e| eyre::eyre!("{}: {e}", path.display()))?;
            let mut found: Vec<PathBuf> = read
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file() && read::is_activity_file(p))
                .collect();
            found.sort();
            out.extend(found);
        } else if path.exists() {
            out.push(path.clone());
        } else {
            bail!("{}: no such file or folder", path.display());
        }
    }
    Ok(out)
}

/// Whether `e` is the import of the activity that started at `start` (to the second) by `source`.
pub fn same_activity(e: &Entry, source: &str, start: Timestamp) -> bool {
    e.kind == EntryKind::Done
        && e.extra.get(SOURCE_KEY).and_then(|v| v.as_str()) == Some(source)
        && e.instant().is_some_and(|t| t.as_second() == start.as_second())
}

/// Reads `files` and judges each activity. `force` confirms a day before the first entry or
/// more than a year back, as `done --force` does.
pub fn plan(ctx: &mut Ctx, files: &[PathBuf], feedback: Feedback, force: bool) -> Result<Plan> {
    let mut plan = Plan::default();
    let mut found: Vec<(PathBuf, Activity)> = Vec::new();
    for file in files {
        match read::read_file(file) {
            Ok(acts) => found.extend(acts.into_iter().map(|a| (file.clone(), a))),
            Err(error) => plan.failed.push(Failed { file: file.clone(), error }),
        }
    }
    found.sort_by_key(|(_, a)| a.start);
    let tz = ctx.now.time_zone().clone();
    let dated: Vec<(PathBuf, Activity, Date)> = found
        .into_iter()
        .map(|(f, a)| {
            let date = coaching_day(&ctx.settings, a.start, a.offset, &tz);
            (f, a, date)
        })
        .collect();
    let Some(first) = dated.iter().map(|d| d.2).min() else { return Ok(plan) };
    // The history the days are judged on: the recent past of the earliest day up to today.
    ctx.load_for_save(first);
    let _ = ctx.store.load_range(first.min(ctx.today), ctx.today);
    let facts = ctx.facts(first);
    let mut history: Vec<Entry> = ctx.store.entries().to_vec();
    for (file, a, date) in dated {
        let summary = summarize(&a);
        let local = local_start(a.start, a.offset, &tz);
        let mut p = Proposal {
            file,
            source: a.source.clone(),
            start: a.start,
            local,
            date,
            summary,
            status: Status::Log,
            entry: None,
        };
        p.status = judge(ctx, &facts, &history, &mut p, feedback, force);
        if let Some((entry, _)) = &p.entry {
            // The log's order (date, time, id), as the store keeps it.
            let key = |e: &Entry| (e.date, e.at.clone(), e.id.clone());
            let at = history.partition_point(|e| key(e) <= key(entry));
            history.insert(at, entry.clone());
        }
        plan.proposals.push(p);
    }
    Ok(plan)
}

fn judge(
    ctx: &Ctx,
    facts: &rules::Facts,
    history: &[Entry],
    p: &mut Proposal,
    feedback: Feedback,
    force: bool,
) -> Status {
    if history.iter().any(|e| same_activity(e, &p.source, p.start)) {
        return Status::Duplicate;
    }
    // As `--date` takes none before 1970: a clock that was never set.
    if p.date < jiff::civil::date(1970, 1, 1) {
        return Status::Refused(format!("{} is before 1970: the recording's clock was not set", p.date));
    }
    if p.summary.minutes == 0 {
        return Status::Nothing("no moving time in it".into());
    }
    let day = Day::build(&ctx.catalog, &ctx.settings, history, p.date);
    let action = Action::Done { minutes: Some(p.summary.minutes) };
    let req = Request { action, id: WALK, walk: true, date: p.date, confirmed: force };
    let status = match rules::judge(&day, facts, &req) {
        Verdict::Allowed => Status::Log,
        Verdict::Note(note) => Status::Note(note),
        Verdict::Nothing(why) => return Status::Nothing(why),
        Verdict::Refused(why) => return Status::Refused(why),
        Verdict::Confirm(question) => {
            return Status::Refused(format!("{question} `upright import --force` logs it"));
        }
    };
    let Some(exercise) = ctx.catalog.get(WALK) else {
        return Status::Refused("the walk is not in the catalog".into());
    };
    let rx = match day.get(WALK) {
        Some(item) => item.rx.clone(),
        None => crate::progression::prescribe_one(&ctx.settings, history, exercise, p.date),
    };
    let needed = day.get(WALK).map_or(1, |i| i.needed);
    let mut e = ctx.entry(p.date, EntryKind::Done, WALK);
    // Stamped with the activity's start on its own clock: the log's order, and its identity.
    e.at = crate::state::stamp(&p.local);
    e.step = Some(rx.step);
    e.dose = Some(rx.dose_text.clone());
    e.feedback = Some(feedback);
    e.pain = Some(0);
    e.minutes = Some(p.summary.minutes);
    e.variant = p.summary.kind.variant().map(str::to_string);
    e.extra.insert(SOURCE_KEY.into(), toml::Value::String(p.source.clone()));
    if let Some(m) = p.summary.distance_m {
        e.extra.insert(DISTANCE_KEY.into(), toml::Value::Integer(i64::from(m)));
    }
    p.entry = Some((e, needed));
    status
}

/// The path as the table shows it: the file name alone when all come from one folder.
pub fn short_path(path: &Path, all: &[PathBuf]) -> String {
    let one_folder = all.windows(2).all(|w| w[0].parent() == w[1].parent());
    match path.file_name() {
        Some(name) if one_folder => name.to_string_lossy().into_owned(),
        _ => path.display().to_string(),
    }
}

/// The kind as the table says it, with how it was decided.
pub fn kind_text(s: &Summary) -> String {
    match (s.kind, s.by_speed) {
        (Kind::Walk, true) | (Kind::Other, true) => format!("{} (by speed)", s.kind.word()),
        (k, _) => k.word().to_string(),
    }
}
