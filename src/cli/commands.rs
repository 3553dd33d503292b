//! What each command does: load what it needs from the log, apply the pure rules, print.
//! The clock is read once here (`now`) and passed down.

use eyre::Result;
use serde_json::json;

use super::{Cli, Command, Day, Paths, logging};
use crate::ctx::Ctx;
use crate::rules;
use crate::today::Item;

pub fn run(cli: Cli) -> Result<()> {
    // Past a file-size limit (`ulimit -f`) a write should fail with an error we can report and
    // recover from, not kill the process with SIGXFSZ.
    let _ = signal_hook::flag::register(signal_hook::consts::SIGXFSZ, Default::default());
    let paths = Paths::resolve(&cli)?;
    let Some(command) = cli.command else {
        let mut ctx = Ctx::load(&paths.config, &paths.data)?;
        // Without a full terminal (a pipe, a script, TERM=dumb) the app would have nothing to
        // draw on: today's routine as text, and the line-mode timer for guided exercises.
        if !crate::term::is_full() {
            today(&mut ctx, Day::Today, false)?;
            if crate::term::is_dumb() {
                outln!("TERM=dumb: guide an exercise in plain lines with upright timer ID");
            }
            return Ok(());
        }
        let sound = ctx.settings.sound && !cli.silent;
        let choice = ctx.settings.theme;
        // The colours are chosen once, before the first frame, by asking the terminal for its
        // background. The answer is a round trip (tens of milliseconds over ssh; the whole
        // timeout from a terminal that never answers), so the log is read meanwhile.
        let mut app = std::thread::scope(|scope| {
            let asking = scope.spawn(move || crate::ui::Theme::set(choice));
            // Test switches are read here, once, and handed in.
            let app = crate::app::App::starting(ctx, sound, crate::app::TestHooks::from_env());
            // A failed ask leaves the default colours.
            let _ = asking.join();
            app
        })?;
        return crate::term::in_terminal(|terminal| crate::app::run(&mut app, terminal, crate::ui::render));
    };
    match command {
        Command::Paths => {
            outln!("config: {}", paths.config.display());
            outln!("data: {}", paths.data.display());
            Ok(())
        }
        Command::Man => super::man::man(),
        Command::Doctor => super::doctor::doctor(&paths),
        Command::Config { action: super::ConfigAction::Edit } => super::edit::edit(&paths.config),
        Command::Completions { shell } => {
            super::complete::registration(shell, &mut std::io::stdout())?;
            Ok(())
        }
        Command::Init { level, avoid, accept } => super::setup::init(&paths, level, &avoid, accept),
        Command::Breaks { silent } => {
            let ctx = Ctx::load(&paths.config, &paths.data)?;
            let bell = ctx.settings.sound && !cli.silent && !silent;
            crate::ui::Theme::set(ctx.settings.theme);
            crate::breaks::breaks(ctx, bell)
        }
        command => {
            let mut ctx = Ctx::load(&paths.config, &paths.data)?;
            let json = matches!(
                command,
                Command::Today { json: true, .. }
                    | Command::Status { json: true }
                    | Command::Week { json: true, .. }
                    | Command::Plan { json: true, .. }
                    | Command::Export { format: super::Format::Json, .. }
                    | Command::Export { json: true, .. }
                    | Command::Checkin { json: true, .. }
                    | Command::Progress { json: true, .. }
                    | Command::Import { json: true, .. }
            );
            let hint = !json
                && !matches!(
                    command,
                    Command::Safety { .. }
                        | Command::Learn { .. }
                        | Command::Report { out: None, .. }
                        | Command::Calendar { out: None, .. }
                        | Command::Nudge
                );
            match command {
                Command::Today { date, json } => today(&mut ctx, date.unwrap_or(Day::Today), json),
                Command::Timer { id, silent } => {
                    let bell = ctx.settings.sound && !cli.silent && !silent;
                    super::timer::timer(&mut ctx, &id, bell)
                }
                Command::Done {
                    id,
                    feedback,
                    pain,
                    minutes,
                    variant,
                    with,
                    reps,
                    load,
                    note,
                    partial,
                    date,
                    force,
                } => {
                    let log = super::values::Done {
                        feedback,
                        pain,
                        minutes,
                        note,
                        variant,
                        with,
                        reps,
                        load,
                        partial,
                        force,
                    };
                    logging::done(&mut ctx, &id, date.unwrap_or(Day::Today), log)
                }
                Command::Skip { id, reason, date, force } => {
                    logging::skip(&mut ctx, &id, date.unwrap_or(Day::Today), reason, force)
                }
                Command::Rest { reason, date, force } => {
                    logging::rest(&mut ctx, date.unwrap_or(Day::Today), reason, force)
                }
                Command::Undo { id, date } => logging::undo(&mut ctx, &id, date.unwrap_or(Day::Today)),
                Command::Status { json } => status(&mut ctx, json),
                Command::Nudge => super::nudge::nudge(&mut ctx),
                Command::Export { format, json } => {
                    let format = if json { super::Format::Json } else { format };
                    super::export::export(&mut ctx, format)
                }
                Command::Safety { clear: None, report: None, .. } => super::setup::show_safety(&mut ctx),
                Command::Safety { report: Some(sign), exercise, numb, .. } => {
                    super::safety::report(&mut ctx, &sign, exercise.as_deref(), numb)
                }
                Command::Learn { n } => super::learn::learn(&mut ctx, n),
                Command::Settled { answer } => super::morning::settled(&mut ctx, answer),
                Command::Harder { id, no } => super::morning::harder(&mut ctx, &id, !no),
                Command::Safety { clear: Some(id), .. } => {
                    logging::clear(&mut ctx, Some(id.as_str()).filter(|id| !id.is_empty()))
                }
                Command::Week { date, weeks, json } => {
                    super::week::week(&mut ctx, date.unwrap_or(Day::Today), weeks, json)
                }
                Command::Plan { weeks, json } => super::plan::plan(&mut ctx, weeks, json),
                Command::Import { paths, yes, dry_run, json, feedback, force } => {
                    let feedback = feedback.unwrap_or(crate::state::Feedback::Ok);
                    let options = super::import::Options { yes, dry_run, json, feedback, force };
                    super::import::import(&mut ctx, &paths, options)
                }
                Command::Calendar { weeks, out } => {
                    super::calendar::calendar(&mut ctx, weeks, out.as_deref())
                }
                Command::Flare { state } => super::plan::flare(&mut ctx, state),
                Command::Checkin { rmdq: Some(answers), date, json, .. } => {
                    super::rmdq::rmdq(&mut ctx, &answers, date.unwrap_or(Day::Today), json)
                }
                Command::Checkin { pain, activity, date, json, rmdq: None } => {
                    super::progress::checkin(&mut ctx, pain, activity, date.unwrap_or(Day::Today), json)
                }
                Command::Progress { weeks, json } => super::progress::progress(&mut ctx, weeks, json),
                Command::Report { weeks, out } => super::progress::report(&mut ctx, weeks, out.as_deref()),
                Command::Paths
                | Command::Completions { .. }
                | Command::Init { .. }
                | Command::Breaks { .. }
                | Command::Man
                | Command::Doctor
                | Command::Config { .. } => {
                    unreachable!("handled above")
                }
            }?;
            // Until the disclaimer is accepted, a one-line nudge (never into JSON output).
            if hint
                && ctx.load_recent().is_ok()
                && crate::safety::Safety::from_entries(ctx.store.entries()).accepted.is_none()
            {
                errln!(
                    "upright: first run the app (upright) or upright init --accept to read and accept the safety note"
                );
            }
            // The process ends here and the system frees its memory at once; dropping months of
            // entries one by one would only add to every command's time.
            std::mem::forget(ctx);
            Ok(())
        }
    }
}

/// The see-a-GP hold's line, when one is waiting for a clinician.
fn hold(day: &crate::today::Day) -> Option<&'static str> {
    day.safety.gp_since.map(|_| {
        "Doses are held until a clinician has checked the sign you reported (run upright safety --clear once they have)."
    })
}

fn mark(item: &Item) -> &'static str {
    if item.is_done() {
        "[x]"
    } else if item.rx.stopped {
        "[s]"
    } else if item.rx.paused {
        "[p]"
    } else if item.skipped {
        "[-]"
    } else {
        "[ ]"
    }
}

fn today(ctx: &mut Ctx, date: Day, json: bool) -> Result<()> {
    let date = date.resolve(ctx.today)?;
    let day = ctx.day(date)?;
    let advice = super::advice::advice(&day, crate::progression::flare_prompt(ctx.store.entries(), date));
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
                    "stopped": i.rx.stopped,
                    "paused": i.rx.paused,
                    "hold": i.rx.hold().map(|h| h.id()),
                    "sessions_done": i.done,
                    "sessions_needed": i.needed,
                    "minutes": i.facts.minutes,
                    "as_advised": i.facts.advised.map(|a| a.text()),
                    "reason": i.rx.reason_in_cli(&i.exercise),
                })
            })
            .collect();
        let hold = hold(&day);
        let doc = json!({
            "date": date.to_string(),
            "locked": day.safety.locked_since.is_some(),
            "lock_reason": day.safety.locked_since.map(|_| rules::LOCKED),
            "gp_hold": day.safety.gp_since.is_some(),
            "hold_reason": hold,
            "exercises": exercises,
            "advice": advice,
            "strength": super::strength::today_json(ctx, date),
        });
        return super::json::print("today", doc);
    }
    for line in &advice {
        errln!("upright: {line}");
    }
    outln!("{}", date.strftime("%A %-d %B %Y"));
    if day.safety.locked_since.is_some() {
        outln!("{}", rules::LOCKED);
    } else if let Some(hold) = hold(&day) {
        outln!("{hold}");
    }
    // Columns, not characters: a wide name (`首の回旋 🙆`) keeps the doses in one column.
    let width = day.items.iter().map(|i| crate::text::width(&i.exercise.name)).max().unwrap_or(0);
    for item in &day.items {
        outln!("  {} {}  {}", mark(item), crate::text::pad_to(&item.exercise.name, width), item.dose_line());
        // The id is what `done`, `skip` and `undo` take; on a line of its own (a third column
        // would pass 80 characters), with the reason beside it where both fit.
        let id = format!("id {}", item.exercise.id);
        match &item.rx.reason_in_cli(&item.exercise) {
            Some(reason) if 6 + crate::text::width(&id) + 3 + crate::text::width(reason) <= 80 => {
                outln!("      {id} · {reason}")
            }
            Some(reason) => outln!("      {id}\n      {reason}"),
            None => outln!("      {id}"),
        }
    }
    super::strength::today_lines(ctx, date)?;
    outln!("{}/{} done · log one with: upright done ID", day.done_count(), day.items.len());
    Ok(())
}

fn status(ctx: &mut Ctx, json: bool) -> Result<()> {
    // The streak first: its walk over every month also answers what today's view needs from
    // the older ones, so the view then reads no month again.
    let streak = ctx.streaks(ctx.today)?.current;
    let day = ctx.day(ctx.today)?;
    let (done, total) = (day.done_count(), day.items.len());
    let locked = day.safety.locked_since.is_some();
    // Desk breaks are counted on their own; they are no part of done/total.
    let breaks = crate::breaks::count_on(ctx.store.entries(), ctx.today);
    let walk_minutes: u32 =
        day.items.iter().filter(|i| ctx.is_walk(&i.exercise.id)).map(|i| i.facts.minutes).sum();
    if json {
        let doc = json!({
            "date": ctx.today.to_string(),
            "done": done,
            "total": total,
            "current_streak_weeks": streak,
            "locked": locked,
            "breaks_today": breaks,
            "walk_minutes_today": walk_minutes,
        });
        super::json::print("status", doc)?;
    } else if locked {
        outln!("upright locked: emergency sign reported · get care, then run upright safety --clear");
    } else if breaks > 0 {
        outln!(
            "upright {done}/{total} · {streak}-week streak · {breaks} break{} today",
            if breaks == 1 { "" } else { "s" }
        );
    } else {
        outln!("upright {done}/{total} · {streak}-week streak");
    }
    Ok(())
}
