//! The TUI model: what is on screen (`Mode`), the messages keys and clocks turn into (`Msg`),
//! and `update`, which applies one message at a given `now` and returns what the loop should do
//! (`Effect`): save or remove an entry, write the first-run choices, ring, quit. The loop
//! (`app/run.rs`) applies it and feeds the outcome back as `Msg::Saved`; key mapping is in
//! `app/keys.rs`. Reads of the log (the week screen, the plan) still go through `ctx`.

mod actions;
mod confirm;
mod flare;
mod import;
pub mod keymap;
mod keys;
mod lesson;
mod morning;
mod msg;
mod outcome;
mod progress;
mod prompt;
mod run;
mod safety;
mod scroll;
mod start;
mod timer;
mod variant;
mod week;

use std::time::{Duration, Instant};

use jiff::Zoned;

pub use confirm::Ask;
pub use keys::msg_for;
pub use msg::{Effect, Msg};
use outcome::Awaiting;
pub use progress::{Answer, CheckinForm, CheckinStage};
pub use prompt::{Prompt, Stage, Way};
pub use run::{Draw, apply, run};
pub use safety::{Choices, Onboarding, Report};
pub use start::{Fresh, TestHooks};

use crate::ctx::Ctx;
use crate::session::Timer;
use crate::state::Entry;
use crate::today::{Day, Item};

/// Minimum terminal size; below it only a note is drawn.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

/// A guided exercise under way.
#[derive(Debug, Clone)]
pub struct Run {
    pub id: String,
    pub timer: Timer,
    /// Wall and monotonic start, to notice a laptop suspend during a walk.
    started_wall: jiff::Timestamp,
    started_mono: Instant,
}

#[derive(Debug, Clone, Default)]
pub enum Mode {
    #[default]
    Today,
    Timer(Run),
    /// Esc during a timer: count it, discard it, or keep going.
    Leave(Run),
    /// The computer slept during a walk: count the full walk, or go on with the time shown.
    Slept {
        run: Run,
        walked_min: u32,
    },
    Feedback(Prompt),
    SkipReason {
        id: String,
        text: String,
    },
    /// Where the doses lead if every session goes as planned; `scroll` lines scrolled (j/k).
    Plan {
        weeks: Vec<crate::progression::WeekPlan>,
        scroll: u16,
    },
    /// The red-flag lists; `said` is what the user just reported, shown plainly.
    RedFlags {
        said: Option<safety::Report>,
        back: Box<Mode>,
        /// Lines scrolled (j/k), for small terminals.
        scroll: u16,
    },
    /// The first run: the disclaimer, the level, the movements to avoid.
    Onboard(safety::Onboarding),
    /// A deliberate key (`e`, `g`, `c`, a rest day, a far backfill) waits for `y`.
    Confirm {
        ask: confirm::Ask,
        back: Box<Mode>,
    },
    /// The weekly check-in, asked on the week's first start.
    Checkin(CheckinForm),
    /// The RMDQ (`r` on Progress): the answers so far (`y`/`n`), over the Progress screen.
    Rmdq {
        answers: String,
        back: Box<crate::progress::Progress>,
    },
    /// The next-morning check (rule 11), asked on the day's first start after a session.
    Morning,
    /// The week's lesson card (1–8), until dismissed.
    Lesson(usize),
    /// Pain, function, adherence and steps over the last weeks.
    Progress(Box<crate::progress::Progress>),
    /// The week screen with a selected cell (exercise row, weekday 0–6).
    Week {
        data: Box<crate::week::WeekData>,
        row: usize,
        day: usize,
    },
    /// `i`: recorded walks waiting in the import folder, as `upright import` shows them.
    Import {
        plan: Box<crate::import::plan::Plan>,
        scroll: u16,
    },
}

/// A mode handler's answer: the next mode, and what the loop should do.
type Step = (Mode, Option<Effect>);

pub struct App {
    pub ctx: Ctx,
    pub day: Day,
    pub streak: Option<u32>,
    pub selected: usize,
    pub mode: Mode,
    pub help: bool,
    /// Lines the help overlay is scrolled (j/k), for small terminals.
    pub help_scroll: u16,
    /// The furthest a scrolled screen (help, plan, warning signs, disclaimer) can go at the size
    /// it was last drawn: `j` stops there, so `k` comes back at once. Set by the drawing.
    pub scroll_end: std::cell::Cell<u16>,
    /// The rows of text that screen showed: what PgUp/PgDn move by. Set by the drawing.
    pub scroll_page: std::cell::Cell<u16>,
    /// One calm line under the list: what just happened, or an error.
    pub message: Option<String>,
    pub sound: bool,
    pub hooks: TestHooks,
    /// The timer border flashes until then, after a hold or rest ends.
    pub flash_until: Option<Instant>,
    awaiting: Option<Awaiting>,
    /// The version chosen with `v` for this session, by exercise id (variant ids).
    pub variants: std::collections::BTreeMap<String, String>,
    /// A frame has been drawn.
    pub drawn: bool,
    /// The RMDQ answers given before Esc: `r` goes on from there.
    pub rmdq_draft: String,
    /// The streak is still to be counted (the first frame goes up without it).
    streak_later: bool,
}

impl App {
    pub fn selected_item(&self) -> Option<&Item> {
        self.day.items.get(self.selected)
    }

    pub(super) fn item(&self, id: &str) -> Option<&Item> {
        self.day.get(id)
    }

    /// Shows the views rebuilt from the log: Today's, and the week or progress screen when one
    /// is open (issue 26: a screen never shows what is no longer on disk).
    fn install(&mut self, fresh: Fresh) {
        self.day = fresh.day;
        self.streak = fresh.streak;
        self.selected = self.selected.min(self.day.items.len().saturating_sub(1));
        if let Mode::Week { data, .. } = &mut self.mode {
            match self.ctx.week(data.start) {
                Ok(week) => **data = week,
                Err(e) => self.message = Some(format!("{e:#}")),
            }
        }
        if matches!(self.mode, Mode::Progress(_)) {
            match self.progress_data() {
                Ok(fresh) => self.mode = Mode::Progress(Box::new(fresh)),
                Err(e) => self.message = Some(format!("{e:#}")),
            }
        }
    }

    /// Reads again the months another writer changed since they were read (the CLI, a second
    /// app, a hand edit, a sync) and shows the day as it is now. Costs a stat per loaded month,
    /// so the loop calls it whenever it wakes; it never polls.
    pub fn look_again(&mut self) {
        let error = match self.ctx.store.refresh() {
            Ok(false) => return,
            Ok(true) => match Fresh::load(&mut self.ctx) {
                Ok(fresh) => return self.install(fresh),
                Err(e) => format!("{e:#}"),
            },
            Err(e) => format!("{e:#}"),
        };
        // A month still broken is read again at every wake: its error never replaces a
        // message that already says it (a failed save's "the entry waits in …").
        if !self.message.as_deref().is_some_and(|m| m.contains(&error)) {
            self.message = Some(error);
        }
    }

    /// Moves the clocks on: the coaching day may roll over, the timer may pass deadlines (a
    /// bell when a hold, rest or walk ends).
    pub fn tick(&mut self, now: Instant, wall: &Zoned) -> Option<Effect> {
        self.ctx.now = wall.clone();
        let today = self.ctx.settings.coaching_date(wall);
        if today != self.ctx.today && matches!(self.mode, Mode::Today) {
            self.ctx.today = today;
            match Fresh::load(&mut self.ctx) {
                Ok(fresh) => self.install(fresh),
                Err(e) => self.message = Some(format!("{e:#}")),
            }
        }
        if self.flash_until.is_some_and(|t| now >= t) {
            self.flash_until = None;
        }
        let (mode, effect) = match std::mem::take(&mut self.mode) {
            Mode::Timer(run) => self.tick_timer(run, now, wall),
            mode => (mode, None),
        };
        self.mode = mode;
        effect
    }

    /// When the loop must wake next without input: the next shown second of a running timer,
    /// the end of a flash, or the next coaching day. `None` = sleep until input.
    pub fn next_wake(&self, now: Instant, wall: &Zoned) -> Option<Instant> {
        let timer = match &self.mode {
            Mode::Timer(run) => run.timer.next_wake(now),
            _ => None,
        };
        let rollover = next_day_start(&self.ctx.settings, wall).map(|d| now + d);
        [timer, self.flash_until, rollover].into_iter().flatten().min()
    }

    pub fn update(&mut self, msg: Msg, now: Instant, wall: &Zoned) -> Option<Effect> {
        self.ctx.now = wall.clone();
        if let Msg::Saved(outcome) = msg {
            return self.saved(outcome);
        }
        if self.help {
            // j/k, PgUp/PgDn, g/G scroll a help longer than the screen; Ctrl-C quits from
            // here too (help says "from anywhere"); any other key closes it.
            match (msg, self.help_scroll) {
                (Msg::Quit, _) => return Some(Effect::Quit),
                (msg, at) => match self.scroll_by(at, &msg) {
                    Some(to) => self.help_scroll = to,
                    None => (self.help, self.help_scroll) = (false, 0),
                },
            }
            return None;
        }
        // `?` opens the help of every screen that lists its keys (the prompts read characters).
        if matches!(msg, Msg::Help)
            && keymap::Screen::of(&self.mode).is_some_and(|s| s != keymap::Screen::Onboard)
        {
            self.help = true;
            return None;
        }
        let (mode, effect) = match (std::mem::take(&mut self.mode), msg) {
            (mode, Msg::Quit) => (mode, Some(Effect::Quit)),
            (mode, Msg::RedFlags) if !matches!(mode, Mode::RedFlags { .. }) => (
                Mode::RedFlags { said: None, back: Box::new(safety::pause_for_flags(mode, now)), scroll: 0 },
                None,
            ),
            (Mode::Today, msg) => self.today(msg, now),
            (Mode::Timer(run), msg) => self.timer(run, msg, now),
            (Mode::Leave(run), msg) => self.leave(run, msg, now),
            (Mode::Slept { run, walked_min }, msg) => self.slept(run, walked_min, msg, now, wall),
            (Mode::Feedback(prompt), msg) => self.feedback(prompt, msg),
            (Mode::Week { data, row, day }, msg) => self.week(*data, row, day, msg),
            (Mode::RedFlags { said, back, scroll }, msg) if self.scroll_by(scroll, &msg).is_some() => {
                (Mode::RedFlags { said, back, scroll: self.scroll_by(scroll, &msg).unwrap_or(scroll) }, None)
            }
            (Mode::RedFlags { said, back, .. }, msg) => self.red_flags(said, *back, msg),
            (Mode::Onboard(o), msg) => self.onboard(o, msg),
            (Mode::Plan { weeks, scroll }, msg) => self.plan(weeks, scroll, msg),
            (Mode::Import { plan, scroll }, msg) => self.import_keys(plan, scroll, msg),
            (Mode::Checkin(form), msg) => self.checkin(form, msg),
            (Mode::Morning, msg) => self.morning(msg),
            (Mode::Lesson(n), msg) => self.lesson(n, msg),
            (Mode::Progress(_), Msg::Back | Msg::Progress) => (Mode::Today, None),
            (Mode::Progress(p), Msg::Char('r')) => self.open_rmdq(p),
            (Mode::Rmdq { answers, back }, msg) => self.rmdq(answers, back, msg),
            (Mode::Progress(p), _) => (Mode::Progress(p), None),
            (Mode::SkipReason { id, text }, msg) => self.skip_reason(id, text, msg),
            (Mode::Confirm { ask, back }, msg) => self.confirm(ask, *back, msg),
        };
        self.mode = mode;
        effect
    }

    /// A new log entry of `kind` for the coaching day on screen, stamped now.
    fn event(&self, kind: crate::state::EntryKind, exercise: Option<&str>) -> Entry {
        let mut entry = self.ctx.event(self.day.date, kind);
        entry.exercise = exercise.map(String::from);
        entry
    }

    /// One line further down a scrolled screen, never past its end as last drawn.
    pub(super) fn scrolled_down(&self, scroll: u16) -> u16 {
        scroll.saturating_add(1).min(self.scroll_end.get())
    }

    /// The exercise's name as today shows it (a lift's bodyweight start by its own name), else
    /// the catalog's.
    pub(super) fn name(&self, id: &str) -> String {
        let shown = self.day.get(id).map(|i| &i.exercise).or_else(|| self.ctx.catalog.get(id));
        shown.map_or(id.to_string(), |e| e.name.clone())
    }
}

/// Time until the next coaching day begins.
fn next_day_start(settings: &crate::config::Settings, wall: &Zoned) -> Option<Duration> {
    let today = settings.coaching_date(wall);
    // The same start `coaching_date` counts from (a DST gap ends it early, a fold never twice).
    let next = settings.day_start(today.tomorrow().ok()?, wall.time_zone())?;
    let secs = (next - wall.timestamp()).get_seconds();
    Some(Duration::from_secs(secs.max(1) as u64))
}

#[cfg(test)]
mod cardio_tests;
#[cfg(test)]
pub(crate) mod checkin_tests;
#[cfg(test)]
mod first_run_tests;
#[cfg(test)]
mod holds_tests;
#[cfg(test)]
mod morning_tests;
#[cfg(test)]
mod no_disk_tests;
#[cfg(test)]
mod refresh_tests;
#[cfg(test)]
pub(crate) mod review_tests;
#[cfg(test)]
mod scroll_keys_tests;
#[cfg(test)]
pub(crate) mod tests;
#[cfg(test)]
mod variant_tests;
