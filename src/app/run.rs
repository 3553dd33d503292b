//! The event loop and the effects `update` returns. Terminal input and signals arrive on one
//! channel (`crate::term`); the loop draws, then sleeps until the next input or the next moment
//! the screen changes (the next shown second of a timer), so an idle app makes no wakeups. A
//! signal that would end the process leaves through the normal path, so the terminal is
//! restored. A save that fails is shown on screen; the app stays. The loop draws with the
//! function it is given (`ui::render`): the app's state knows nothing of its screens.

use std::io::Write;
use std::time::Instant;

use crossterm::event::Event;
use eyre::Result;
use ratatui::DefaultTerminal;

use super::{App, Effect, Fresh, Msg, msg_for};
use crate::config::write;
use crate::ctx::{self, Ctx};
use crate::term::{Input, inputs, next_input, suspend};

/// Applies a change to the log or the config and reads today's view back: the message that
/// tells `update` how it went. `None` for the effects the loop handles itself (bell, quit).
pub fn apply(ctx: &mut Ctx, effect: Effect) -> Option<Msg> {
    let done = match effect {
        Effect::Save(entry) => save(ctx, *entry),
        // A rest day's skips, one save each (each is whole on its own).
        Effect::SaveAll(entries) => entries.into_iter().try_for_each(|e| ctx.store.append(e)),
        Effect::Remove { date, id } => ctx.store.remove(date, &id).map(drop),
        Effect::SaveChoices(choices) => {
            write::save_choices(&ctx.config_path, &choices.keys()).and_then(|()| ctx.reload_config())
        }
        Effect::Import(plan) => crate::import::write::write_and_file(ctx, &plan),
        Effect::Bell | Effect::Quit => return None,
    };
    let fresh = done.and_then(|()| Fresh::load(ctx));
    Some(Msg::Saved(fresh.map(Box::new).map_err(|e| format!("{e:#}"))))
}

/// Saves `entry`; a done entry is first asked of the count rule (`rules::recheck`) against the
/// month as re-read under the lock (another upright may have logged it a moment ago).
fn save(ctx: &mut Ctx, entry: crate::state::Entry) -> Result<()> {
    let (date, id) = (entry.date, entry.exercise.clone().unwrap_or_default());
    if entry.kind != crate::state::EntryKind::Done {
        return ctx.store.append(entry);
    }
    let walk = ctx.is_walk(&id);
    // A month that does not load is re-read by the save, which keeps the entry waiting.
    let _ = ctx.load_for(date);
    let day = crate::today::Day::build(&ctx.catalog, &ctx.settings, ctx.store.entries(), date);
    let needed = day.get(&id).map_or(1, |i| i.needed);
    match ctx.store.append_if(entry, |month| crate::rules::recheck(month, date, &id, needed, walk))? {
        None => Ok(()),
        Some(note) => Err(eyre::eyre!(note)),
    }
}

/// Carries out `effect` and whatever its outcome leads to. `Ok(false)`: quit.
fn settle(app: &mut App, mut effect: Option<Effect>) -> Result<bool> {
    while let Some(next) = effect.take() {
        match next {
            Effect::Quit => return Ok(false),
            Effect::Bell => {
                let mut out = std::io::stdout();
                out.write_all(b"\x07")?;
                out.flush()?;
            }
            change => {
                if let Some(outcome) = apply(&mut app.ctx, change) {
                    effect = app.update(outcome, Instant::now(), &ctx::now()?);
                }
            }
        }
    }
    Ok(true)
}

/// A screen drawn from the app's state at a moment (`ui::render`).
pub type Draw = fn(&mut ratatui::Frame, &App, Instant);

/// Runs the app in `terminal` until it quits, drawing each frame with `draw`.
pub fn run(app: &mut App, terminal: &mut DefaultTerminal, draw: Draw) -> Result<()> {
    let rx = inputs()?;
    loop {
        // Whatever woke the loop (a key, a tick), months another writer changed are read again.
        app.look_again();
        let now = Instant::now();
        let wall = ctx::now()?;
        // The bell rings once the frame that shows why is drawn.
        let bell = app.tick(now, &wall);
        let panic_now = app.hooks.panic_on_draw && std::mem::replace(&mut app.drawn, true);
        let drawn = terminal.draw(|frame| {
            // A test-only trigger (UPRIGHT_TEST_PANIC=draw): a panic in the middle of the second
            // frame must still restore the terminal.
            if panic_now {
                panic!("test panic during draw (UPRIGHT_TEST_PANIC)");
            }
            draw(frame, app, now)
        })?;
        // Below the minimum size only a note shows: keys acting on an unseen screen would be
        // blind, so only quitting works until it grows.
        let small = drawn.area.width < super::MIN_WIDTH || drawn.area.height < super::MIN_HEIGHT;
        if !settle(app, bell)? {
            return Ok(());
        }
        // The first frame is up: the streak (every week of the history) is counted, then shown.
        if app.count_streak() {
            terminal.draw(|frame| draw(frame, app, now))?;
        }
        let wait = app.next_wake(now, &wall).map(|at| at.saturating_duration_since(Instant::now()));
        let input = match next_input(&rx, wait) {
            Ok(Some(input)) => input,
            Ok(None) => continue,
            Err(()) => return Ok(()),
        };
        match input {
            Input::Signal => return Ok(()),
            Input::Term(Event::Key(key)) if suspend::is_suspend(&key) => {
                suspend::suspend(terminal)?;
            }
            Input::Term(Event::Key(key)) => {
                let msg = if small {
                    super::keys::msg_when_small(key)
                } else if app.help {
                    super::keys::msg_in_help(key)
                } else {
                    msg_for(&app.mode, key)
                };
                if let Some(msg) = msg {
                    // The key acts on what is on disk now (another writer may have logged since
                    // the last wake): a stat per loaded month.
                    app.look_again();
                    let effect = app.update(msg, Instant::now(), &ctx::now()?);
                    if !settle(app, effect)? {
                        return Ok(());
                    }
                }
            }
            // A resize (or anything else) only needs a redraw, which the loop does.
            Input::Term(_) => {}
        }
    }
}
