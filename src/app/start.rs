//! Starting the app: today's view for the first frame, the streak counted after it, and the
//! switches end-to-end tests set (`UPRIGHT_TEST_SPEED`, `UPRIGHT_TEST_PANIC`).

use eyre::Result;

use super::{App, Mode, safety};
use crate::ctx::Ctx;
use crate::today::Day;

/// The views rebuilt from the log after a change (or a new coaching day).
#[derive(Debug, Clone)]
pub struct Fresh {
    pub day: Day,
    pub streak: Option<u32>,
}

impl Fresh {
    /// Today's view and the current streak, read from the log through `ctx`.
    pub fn load(ctx: &mut Ctx) -> Result<Fresh> {
        let day = ctx.day(ctx.today)?;
        // The streak is decoration: a log it cannot read still shows the day.
        let streak = ctx.streaks(ctx.today).ok().map(|s| s.current);
        Ok(Fresh { day, streak })
    }
}

/// Switches for end-to-end tests of the real binary, read once at start-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TestHooks {
    /// Timers run this many times faster (`UPRIGHT_TEST_SPEED`).
    pub speed: u32,
    /// Panic while drawing the second frame (`UPRIGHT_TEST_PANIC=draw`).
    pub panic_on_draw: bool,
}

impl Default for TestHooks {
    fn default() -> TestHooks {
        TestHooks { speed: 1, panic_on_draw: false }
    }
}

impl TestHooks {
    pub fn from_env() -> TestHooks {
        let speed = std::env::var("UPRIGHT_TEST_SPEED").ok().and_then(|s| s.parse().ok()).unwrap_or(1);
        TestHooks {
            speed: std::cmp::max(speed, 1),
            panic_on_draw: std::env::var("UPRIGHT_TEST_PANIC").is_ok_and(|v| v == "draw"),
        }
    }
}

impl App {
    pub fn new(ctx: Ctx, sound: bool, hooks: TestHooks) -> Result<App> {
        let mut app = App::starting(ctx, sound, hooks)?;
        app.count_streak();
        Ok(app)
    }

    /// The app as its first frame shows it: today's view, without the streak, which counts
    /// every week of the history from the months ([`App::count_streak`] after that frame).
    pub fn starting(mut ctx: Ctx, sound: bool, hooks: TestHooks) -> Result<App> {
        let day = ctx.day(ctx.today)?;
        let mode = if day.safety.accepted.is_none() {
            let on = ctx.settings.strength.enabled;
            Mode::Onboard(safety::Onboarding { strength: on, strength_set: on, ..Default::default() })
        } else {
            Mode::Today
        };
        let mut app = App {
            ctx,
            day,
            streak: None,
            selected: 0,
            mode,
            help: false,
            help_scroll: 0,
            scroll_end: std::cell::Cell::new(u16::MAX),
            scroll_page: std::cell::Cell::new(1),
            message: None,
            sound,
            hooks,
            flash_until: None,
            awaiting: None,
            variants: Default::default(),
            drawn: false,
            rmdq_draft: String::new(),
            streak_later: true,
        };
        if app.day.safety.accepted.is_some() {
            app.mode = if app.morning_due() { Mode::Morning } else { app.after_morning() };
            if app.message.is_none() {
                app.message = app.import_hint();
            }
        }
        Ok(app)
    }

    /// Counts the streak the first frame went up without; `true` when it did (a redraw shows it).
    pub fn count_streak(&mut self) -> bool {
        if !std::mem::take(&mut self.streak_later) {
            return false;
        }
        // The streak is decoration: a log it cannot read still shows the day.
        self.streak = self.ctx.streaks(self.ctx.today).ok().map(|s| s.current);
        true
    }
}
