//! `upright breaks`: the terminal loop of the desk-break companion. Like the app's loop
//! (`app/run.rs`) it takes keys and signals on one channel, lets `ratatui::run` own the terminal
//! (every signal that would end the process leaves through the normal path so the terminal is
//! restored), and sleeps until the next moment the screen changes: between breaks that is the
//! due time itself, so a waiting companion makes no wakeups at all.

use std::io::Write;
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use eyre::Result;
use jiff::Zoned;
use ratatui::DefaultTerminal;

use super::{Companion, Effect, Msg};
use crate::ctx::Ctx;
use crate::state::{self, EntryKind};
use crate::term::Input;

/// The wall clock. With `UPRIGHT_NOW` pinned (tests) it starts there and runs
/// `UPRIGHT_TEST_SPEED` times faster than real time; otherwise it is the system clock, read
/// afresh on every wake (the sleep itself is on the monotonic clock, which stops while a
/// laptop is suspended; any key brings the screen up to date).
pub(super) struct Clock {
    start_wall: Zoned,
    start: Instant,
    speed: u32,
    pinned: bool,
}

impl Clock {
    pub(super) fn new(now: Zoned) -> Clock {
        let pinned = std::env::var("UPRIGHT_NOW").is_ok_and(|s| !s.is_empty());
        let speed =
            std::env::var("UPRIGHT_TEST_SPEED").ok().and_then(|s| s.parse().ok()).unwrap_or(1u32).max(1);
        Clock { start_wall: now, start: Instant::now(), speed, pinned }
    }

    pub(super) fn wall(&self) -> Zoned {
        if !self.pinned {
            return Zoned::now();
        }
        let elapsed = self.start.elapsed() * self.speed;
        let span = jiff::SignedDuration::try_from(elapsed).unwrap_or_default();
        self.start_wall.checked_add(span).unwrap_or_else(|_| self.start_wall.clone())
    }

    /// How long to sleep for the wall clock to reach `at`.
    pub(super) fn until(&self, at: &Zoned) -> Duration {
        let left = at.duration_since(&self.wall()).as_secs_f64().max(0.0);
        Duration::from_secs_f64(left / f64::from(self.speed))
    }
}

fn msg_for(key: KeyEvent) -> Option<Msg> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    match key.code {
        KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => Some(Msg::Quit),
        KeyCode::Char('b') => Some(Msg::Take),
        KeyCode::Char('z') => Some(Msg::Snooze),
        KeyCode::Char('s') => Some(Msg::Skip),
        KeyCode::Char('q') | KeyCode::Esc => Some(Msg::Quit),
        _ => None,
    }
}

/// Breaks logged on the coaching day of `now`.
/// Moves the companion on to `now`, for the full screen and the line mode alike: at the due time
/// the holds are read again (a lock reported or lifted meanwhile), a due break rings and today's
/// count is read again (a second tab's breaks count too), a finished break is logged. Returns,
/// when a break was logged, whether it was saved.
pub(super) fn advance(
    ctx: &mut Ctx,
    c: &mut Companion,
    bell: bool,
    now: &Zoned,
) -> Option<Result<(), String>> {
    if matches!(c.phase, crate::breaks::Phase::Waiting) && *now >= c.due {
        let _ = ctx.store.refresh();
        c.steps = steps_on(ctx, now);
    }
    match c.tick(now)? {
        Effect::Ring => {
            ring(bell);
            let _ = ctx.store.refresh();
            c.taken_today = taken_on(ctx, now);
            None
        }
        Effect::Log(at) => {
            let entry = state::Entry::new(
                state::new_id(&at),
                ctx.settings.coaching_date(&at),
                state::stamp(&at),
                EntryKind::Break,
            );
            let saved = ctx.store.append(entry).map_err(|e| format!("The break was not saved: {e:#}"));
            c.taken_today = taken_on(ctx, &at);
            Some(saved)
        }
        Effect::Quit => None,
    }
}

/// The break's movements through the holds on the coaching day of `now` (the lock among them).
pub(super) fn steps_on(ctx: &mut Ctx, now: &Zoned) -> crate::holds::Gated<Vec<crate::holds::BreakStep>> {
    let date = ctx.settings.coaching_date(now);
    let _ = ctx.load_for(date);
    crate::holds::break_steps(&crate::holds::Holds::on(&ctx.settings, ctx.store.entries(), date))
}

pub(super) fn taken_on(ctx: &mut Ctx, now: &Zoned) -> usize {
    let date = ctx.settings.coaching_date(now);
    let _ = ctx.load_for(date);
    super::count_on(ctx.store.entries(), date)
}

/// The full-screen companion (a full terminal; [`super::breaks`] chooses).
pub(super) fn screen(mut ctx: Ctx, clock: &Clock, bell: bool) -> Result<()> {
    let now = clock.wall();
    let taken = taken_on(&mut ctx, &now);
    let steps = steps_on(&mut ctx, &now);
    let mut companion = Companion::new(ctx.settings.breaks, &now, taken, steps);
    crate::term::in_terminal(|terminal| run(&mut ctx, &mut companion, clock, bell, terminal))
}

fn run(
    ctx: &mut Ctx,
    c: &mut Companion,
    clock: &Clock,
    bell: bool,
    terminal: &mut DefaultTerminal,
) -> Result<()> {
    let rx = crate::term::inputs()?;
    let mut error: Option<String> = None;
    loop {
        let now = clock.wall();
        if let Some(saved) = advance(ctx, c, bell, &now) {
            error = saved.err();
        }
        terminal.draw(|frame| crate::ui::breaks::render(frame, c, &now, error.as_deref()))?;
        let input = match crate::term::next_input(&rx, c.next_wake(&now).map(|at| clock.until(&at))) {
            Ok(Some(input)) => input,
            Ok(None) => continue,
            Err(()) => return Ok(()),
        };
        match input {
            Input::Signal => return Ok(()),
            Input::Term(Event::Key(key)) if crate::term::suspend::is_suspend(&key) => {
                crate::term::suspend::suspend(terminal)?;
            }
            Input::Term(Event::Key(key)) => {
                if let Some(msg) = msg_for(key)
                    && c.update(msg, &clock.wall()) == Some(Effect::Quit)
                {
                    return Ok(());
                }
            }
            Input::Term(_) => {}
        }
    }
}

/// The text of the desktop notification.
const NOTICE: &str = "upright: time for a desk break (b in the breaks tab)";

/// The bell (unless silenced), an OSC 9 desktop notification for terminals that show one
/// (through tmux's passthrough inside tmux), and a desktop notification where a desktop session
/// has a notifier (see `notify`). A notifier that fails is no reason to stop the loop.
pub(super) fn ring(bell: bool) {
    let env = crate::notify::Env::current();
    let mut out = std::io::stdout();
    if bell {
        let _ = out.write_all(b"\x07");
    }
    // The OSC 9 only to a terminal that can take it (not a pipe, not TERM=dumb).
    if env.terminal && !std::env::var("TERM").is_ok_and(|t| t == "dumb") {
        let _ = out.write_all(crate::notify::osc9(NOTICE, env.tmux).as_bytes());
    }
    let _ = out.flush();
    if env.desktop_notifier().is_some() {
        // On its own thread: the loop never blocks on the bus.
        std::thread::spawn(|| crate::notify::desktop("upright", "Time for a desk break"));
    }
}
