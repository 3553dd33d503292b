//! `upright breaks`: the terminal loop of the desk-break companion. Like the app's loop
//! (`app/run.rs`) it takes keys and signals on one channel, lets `ratatui::run` own the terminal
//! (every signal that would end the process leaves through the normal path so the terminal is
//! restored), and sleeps until the next moment the screen changes: between breaks that is the
//! due time itself, so a waiting companion makes no wakeups at all.

use std::io::Write;
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use eyre::{Result, bail};
use jiff::Zoned;
use ratatui::DefaultTerminal;

use super::{Companion, Effect, Msg};
use crate::app::Input;
use crate::ctx::Ctx;
use crate::state::{self, EntryKind};

/// The wall clock. With `UPRIGHT_NOW` pinned (tests) it starts there and runs
/// `UPRIGHT_TEST_SPEED` times faster than real time; otherwise it is the system clock, read
/// afresh on every wake (the sleep itself is on the monotonic clock, which stops while a
/// laptop is suspended; any key brings the screen up to date).
struct Clock {
    start_wall: Zoned,
    start: Instant,
    speed: u32,
    pinned: bool,
}

impl Clock {
    fn new(now: Zoned) -> Clock {
        let pinned = std::env::var("UPRIGHT_NOW").is_ok_and(|s| !s.is_empty());
        let speed =
            std::env::var("UPRIGHT_TEST_SPEED").ok().and_then(|s| s.parse().ok()).unwrap_or(1u32).max(1);
        Clock { start_wall: now, start: Instant::now(), speed, pinned }
    }

    fn wall(&self) -> Zoned {
        if !self.pinned {
            return Zoned::now();
        }
        let elapsed = self.start.elapsed() * self.speed;
        let span = jiff::SignedDuration::try_from(elapsed).unwrap_or_default();
        self.start_wall.checked_add(span).unwrap_or_else(|_| self.start_wall.clone())
    }

    /// How long to sleep for the wall clock to reach `at`.
    fn until(&self, at: &Zoned) -> Duration {
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
/// The break's movements through the holds on the coaching day of `now` (the lock among them).
fn steps_on(ctx: &mut Ctx, now: &Zoned) -> crate::holds::Gated<Vec<crate::holds::BreakStep>> {
    let date = ctx.settings.coaching_date(now);
    let _ = ctx.load_for(date);
    crate::holds::break_steps(&crate::holds::Holds::on(&ctx.settings, ctx.store.entries(), date))
}

fn taken_on(ctx: &mut Ctx, now: &Zoned) -> usize {
    let date = ctx.settings.coaching_date(now);
    let _ = ctx.load_for(date);
    super::count_on(ctx.store.entries(), date)
}

pub fn breaks(mut ctx: Ctx, bell: bool) -> Result<()> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        bail!("upright breaks runs in a terminal: leave it open in a tab or a tmux pane");
    }
    let clock = Clock::new(ctx.now.clone());
    let now = clock.wall();
    let taken = taken_on(&mut ctx, &now);
    let steps = steps_on(&mut ctx, &now);
    let mut companion = Companion::new(ctx.settings.breaks, &now, taken, steps);
    crate::app::in_terminal(|terminal| run(&mut ctx, &mut companion, &clock, bell, terminal))
}

fn run(
    ctx: &mut Ctx,
    c: &mut Companion,
    clock: &Clock,
    bell: bool,
    terminal: &mut DefaultTerminal,
) -> Result<()> {
    let rx = crate::app::inputs()?;
    let mut error: Option<String> = None;
    loop {
        let now = clock.wall();
        // A lock reported (or lifted) in the app meanwhile shows at the next due time.
        if matches!(c.phase, crate::breaks::Phase::Waiting) && now >= c.due {
            let _ = ctx.store.refresh();
            c.steps = steps_on(ctx, &now);
        }
        let effect = c.tick(&now);
        terminal.draw(|frame| crate::ui::breaks::render(frame, c, &now, error.as_deref()))?;
        match effect {
            Some(Effect::Ring) => {
                ring(bell);
                // Breaks another upright logged meanwhile (a second tab) count too.
                let _ = ctx.store.refresh();
                c.taken_today = taken_on(ctx, &now);
            }
            Some(Effect::Log(at)) => {
                let entry = state::Entry::new(
                    state::new_id(&at),
                    ctx.settings.coaching_date(&at),
                    state::stamp(&at),
                    EntryKind::Break,
                );
                error = ctx.store.append(entry).err().map(|e| format!("The break was not saved: {e:#}"));
                c.taken_today = taken_on(ctx, &at);
                // Draw the new count at once.
                continue;
            }
            Some(Effect::Quit) | None => {}
        }
        let input = match crate::app::next_input(&rx, c.next_wake(&now).map(|at| clock.until(&at))) {
            Ok(Some(input)) => input,
            Ok(None) => continue,
            Err(()) => return Ok(()),
        };
        match input {
            Input::Signal => return Ok(()),
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

/// The bell (unless silenced), an OSC 9 desktop notification for terminals that show one, and
/// `notify-send` where it is installed. A notifier that fails is no reason to stop the loop.
fn ring(bell: bool) {
    let mut out = std::io::stdout();
    if bell {
        let _ = out.write_all(b"\x07");
    }
    let _ = write!(out, "\x1b]9;{NOTICE}\x07");
    let _ = out.flush();
    if on_path("notify-send") {
        // Waited for on its own thread, so no zombie is left and the loop never blocks on it.
        std::thread::spawn(|| {
            let _ = std::process::Command::new("notify-send")
                .args(["upright", "Time for a desk break"])
                .stdin(std::process::Stdio::null())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .status();
        });
    }
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(program).is_file()))
}
