//! What each command does: load what it needs from the log, apply the pure rules, print.
//! The clock is read once here (`now`) and passed down.

use std::io::{IsTerminal, Write};

use clap::CommandFactory;
use color_eyre::eyre::{Result, bail};
use serde_json::json;

use super::{Cli, Command, Day, Paths};
use crate::ctx::Ctx;
use crate::state::{EntryKind, Feedback};
use crate::today::Item;
use crate::{progression, rules};

pub fn run(cli: Cli) -> Result<()> {
    // Past a file-size limit (`ulimit -f`) a write should fail with an error we can report and
    // recover from, not kill the process with SIGXFSZ.
    let _ = signal_hook::flag::register(signal_hook::consts::SIGXFSZ, Default::default());
    let paths = Paths::resolve(&cli)?;
    let Some(command) = cli.command else {
        let mut ctx = Ctx::load(&paths.config, &paths.data)?;
        // Without a terminal (a pipe, a script) the app would have nothing to draw on.
        if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
            return today(&mut ctx, Day::Today, false);
        }
        let sound = ctx.settings.sound && !cli.silent;
        // Test switches are read here, once, and handed in.
        let mut app = crate::app::App::new(ctx, sound, crate::app::TestHooks::from_env())?;
        // ratatui restores raw mode and the screen (also on a panic); the cursor is ours to show.
        let show_cursor = || {
            let _ = crossterm::execute!(std::io::stdout(), crossterm::cursor::Show);
        };
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            show_cursor();
            previous(info);
        }));
        let result = ratatui::run(|terminal| crate::app::run(&mut app, terminal));
        show_cursor();
        return result;
    };
    match command {
        Command::Paths => {
            outln!("config: {}", paths.config.display());
            outln!("data: {}", paths.data.display());
            Ok(())
        }
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "upright", &mut std::io::stdout());
            Ok(())
        }
        Command::Init { level, avoid, accept } => super::setup::init(&paths, level, &avoid, accept),
        command => {
            let mut ctx = Ctx::load(&paths.config, &paths.data)?;
            let json = matches!(
                command,
                Command::Today { json: true, .. }
                    | Command::Status { json: true }
                    | Command::Week { json: true, .. }
                    | Command::Plan { json: true, .. }
                    | Command::Export { format: super::Format::Json }
                    | Command::Checkin { json: true, .. }
                    | Command::Progress { json: true, .. }
            );
            let hint = !json && !matches!(command, Command::Safety | Command::Report { out: None, .. });
            match command {
                Command::Today { date, json } => today(&mut ctx, date.unwrap_or(Day::Today), json),
                Command::Done { id, feedback, pain, minutes, note, date } => {
                    let log = Done { feedback, pain, minutes, note };
                    done(&mut ctx, &id, date.unwrap_or(Day::Today), log)
                }
                Command::Skip { id, reason, date } => skip(&mut ctx, &id, date.unwrap_or(Day::Today), reason),
                Command::Undo { id, date } => undo(&mut ctx, &id, date.unwrap_or(Day::Today)),
                Command::Status { json } => status(&mut ctx, json),
                Command::Export { format } => super::export::export(&mut ctx, format),
                Command::Safety => super::setup::show_safety(&mut ctx),
                Command::Week { date, weeks, json } => {
                    super::week::week(&mut ctx, date.unwrap_or(Day::Today), weeks, json)
                }
                Command::Plan { weeks, json } => super::plan::plan(&mut ctx, weeks, json),
                Command::Flare { state } => super::plan::flare(&mut ctx, state),
                Command::Checkin { pain, activity, date, json } => {
                    super::progress::checkin(&mut ctx, pain, activity, date.unwrap_or(Day::Today), json)
                }
                Command::Progress { weeks, json } => super::progress::progress(&mut ctx, weeks, json),
                Command::Report { weeks, out } => super::progress::report(&mut ctx, weeks, out.as_deref()),
                Command::Paths | Command::Completions { .. } | Command::Init { .. } => {
                    unreachable!("handled above")
                }
            }?;
            // Until the disclaimer is accepted, a one-line nudge (never into JSON output).
            if hint
                && ctx.load_recent().is_ok()
                && crate::safety::Safety::from_entries(ctx.store.entries()).accepted.is_none()
            {
                errln!(
                    "upright: first run the app (`upright`) or `upright init --accept` to read and accept the safety note"
                );
            }
            // The process ends here and the system frees its memory at once; dropping months of
            // entries one by one would only add to every command's time.
            std::mem::forget(ctx);
            Ok(())
        }
    }
}

/// One JSON document on a line: the exact values, in bytes a terminal cannot act on.
pub(super) fn print_json(doc: &serde_json::Value) -> Result<()> {
    let mut out = std::io::stdout().lock();
    crate::text::write_json(&mut out, doc)?;
    writeln!(out)?;
    Ok(())
}

fn mark(item: &Item) -> &'static str {
    if item.is_done() {
        "[x]"
    } else if item.skipped {
        "[-]"
    } else {
        "[ ]"
    }
}

fn today(ctx: &mut Ctx, date: Day, json: bool) -> Result<()> {
    let date = date.resolve(ctx.today)?;
    let day = ctx.day(date)?;
    if json {
        let exercises: Vec<_> = day
            .items
            .iter()
            .map(|i| {
                json!({
                    "id": i.exercise.id,
                    "name": i.exercise.name,
                    "dose": i.rx.dose_text,
                    "step": i.rx.step,
                    "done": i.is_done(),
                    "skipped": i.skipped,
                    "sessions_done": i.done,
                    "sessions_needed": i.needed,
                    "reason": i.rx.reason,
                })
            })
            .collect();
        return print_json(&json!({ "date": date.to_string(), "exercises": exercises }));
    }
    outln!("{}", date.strftime("%A %-d %B %Y"));
    let width = day.items.iter().map(|i| i.exercise.name.chars().count()).max().unwrap_or(0);
    for item in &day.items {
        outln!("  {} {:width$}  {}", mark(item), item.exercise.name, item.dose_line());
        if let Some(reason) = &item.rx.reason {
            outln!("      {reason}");
        }
    }
    outln!("{}/{} done", day.done_count(), day.items.len());
    Ok(())
}

pub struct Done {
    pub feedback: Option<Feedback>,
    pub pain: Option<u8>,
    pub minutes: Option<u32>,
    pub note: Option<String>,
}

fn done(ctx: &mut Ctx, id: &str, date: Day, log: Done) -> Result<()> {
    let date = date.resolve(ctx.today)?;
    let exercise = ctx.exercise(id)?.clone();
    if log.minutes.is_some() && exercise.dose(1).walk_minutes().is_none() {
        bail!("--minutes is for walks; {id} is not a walk");
    }
    ctx.load_for_save(date);
    let history = ctx.store.entries();
    let rx = progression::prescribe_one(&ctx.settings, history, &exercise, date);
    let is_walk = exercise.dose(1).walk_minutes().is_some();
    if let Some(note) = rules::already_done(history, date, id, is_walk) {
        errln!("{note}");
        return Ok(());
    }
    let mut entry = ctx.entry(date, EntryKind::Done, id);
    entry.step = Some(rx.step);
    entry.dose = Some(rx.dose_text.clone());
    entry.feedback = Some(log.feedback.unwrap_or(Feedback::Ok));
    entry.pain = Some(log.pain.unwrap_or(0));
    entry.minutes = log.minutes;
    entry.note = log.note;
    let pain = entry.pain.unwrap_or(0);
    // Asked again under the lock, of the month as it is now: another upright may have logged it.
    if let Some(note) = ctx.store.append_if(entry, |month| rules::already_done(month, date, id, is_walk))? {
        errln!("{note}");
        return Ok(());
    }
    outln!("logged {id} for {date}: {}", rx.dose_text);
    if pain > 5 {
        outln!("pain {pain} is too much: {id} is done for today, and next time it will be one step easier");
    }
    Ok(())
}

fn skip(ctx: &mut Ctx, id: &str, date: Day, reason: Option<String>) -> Result<()> {
    let date = date.resolve(ctx.today)?;
    ctx.exercise(id)?;
    ctx.load_for_save(date);
    let mut entry = ctx.entry(date, EntryKind::Skipped, id);
    entry.reason = reason;
    ctx.store.append(entry)?;
    outln!("skipped {id} for {date}");
    Ok(())
}

fn undo(ctx: &mut Ctx, id: &str, date: Day) -> Result<()> {
    let date = date.resolve(ctx.today)?;
    ctx.exercise(id)?;
    ctx.load_for_save(date);
    let last = ctx.store.last_logged(date, id).map(|e| (e.id.clone(), e.kind.clone()));
    let Some((entry_id, kind)) = last else {
        bail!("nothing to undo for {id} on {date}");
    };
    ctx.store.remove(date, &entry_id)?;
    outln!("removed the {kind} entry of {id} for {date}");
    Ok(())
}

fn status(ctx: &mut Ctx, json: bool) -> Result<()> {
    let day = ctx.day(ctx.today)?;
    let (done, total) = (day.done_count(), day.items.len());
    let streak = ctx.streaks(ctx.today)?.current;
    if json {
        print_json(&json!({ "done": done, "total": total, "current_streak_weeks": streak }))?;
    } else {
        outln!("upright {done}/{total} · {streak}-week streak");
    }
    Ok(())
}
