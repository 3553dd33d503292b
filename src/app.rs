//! The TUI model: what is on screen (`Mode`), the messages keys and clocks turn into (`Msg`),
//! and `update`, which applies one message at a given `now`. Saving goes through the store at
//! once, at every completion. The loop lives in `app/run.rs`, key mapping in `app/keys.rs`.

mod actions;
mod keys;
mod run;
mod safety;
mod week;

use std::time::{Duration, Instant};

use color_eyre::eyre::Result;
use jiff::Zoned;

pub use keys::msg_for;
pub use run::run;
pub use safety::{Onboarding, Report};

use crate::ctx::Ctx;
use crate::session::{Event, Kind, Timer};
use crate::state::{EntryKind, Feedback};
use crate::today::{Day, Item};

/// Minimum terminal size; below it only a note is drawn.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Up,
    Down,
    /// Enter: start the timer / confirm.
    Confirm,
    /// Esc: back, cancel, or quit from Today.
    Back,
    Quit,
    Pause,
    AddTime,
    NextPhase,
    TickOff,
    Skip,
    Undo,
    Help,
    /// The plan forecast.
    Plan,
    /// The red-flag screen (`!`).
    RedFlags,
    /// A clinician cleared the selected exercise (after leg symptoms) or the red flags.
    Clear,
    /// Week screen: open it, move a day, move a week.
    Week,
    Left,
    Right,
    PrevWeek,
    NextWeek,
    /// A typed character (digits in the pain prompt, text in the skip reason).
    Char(char),
    Backspace,
}

/// A guided exercise under way.
#[derive(Debug, Clone)]
pub struct Run {
    pub id: String,
    pub timer: Timer,
    /// Wall and monotonic start, to notice a laptop suspend during a walk.
    started_wall: jiff::Timestamp,
    started_mono: Instant,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Rating,
    Pain,
}

#[derive(Debug, Clone)]
pub struct Prompt {
    pub id: String,
    /// The coaching day it is logged for (today, or a past day from the week screen).
    pub date: jiff::civil::Date,
    /// The step and dose of that day, recorded in the entry.
    pub step: u32,
    pub dose: String,
    /// Where to return after the prompt.
    pub back: Box<Mode>,
    pub stage: Stage,
    pub rating: Option<Feedback>,
    /// Digits typed so far for the pain rating (empty = 0).
    pub pain: String,
    /// Walk minutes to log.
    pub minutes: Option<u32>,
}

#[derive(Debug, Clone)]
pub enum Mode {
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
    /// Where the doses lead if every session goes as planned.
    Plan(Vec<crate::progression::WeekPlan>),
    /// The red-flag lists; `said` is what the user just reported, shown plainly.
    RedFlags {
        said: Option<safety::Report>,
        back: Box<Mode>,
        /// Lines scrolled (j/k), for small terminals.
        scroll: u16,
    },
    /// The first run: the disclaimer, the level, the movements to avoid.
    Onboard(safety::Onboarding),
    /// The week screen with a selected cell (exercise row, weekday 0–6).
    Week {
        data: Box<crate::week::WeekData>,
        row: usize,
        day: usize,
    },
}

pub struct App {
    pub ctx: Ctx,
    pub day: Day,
    pub streak: Option<u32>,
    pub selected: usize,
    pub mode: Mode,
    pub help: bool,
    /// One calm line under the list: what just happened, or an error.
    pub message: Option<String>,
    pub sound: bool,
    /// Timers run this many times faster (`UPRIGHT_TEST_SPEED`, for end-to-end tests only).
    pub speed: u32,
    /// The timer border flashes until then, after a hold or rest ends.
    pub flash_until: Option<Instant>,
    bell: bool,
    pub quit: bool,
    /// Test-only: panic while drawing the second frame (`UPRIGHT_TEST_PANIC=draw`).
    pub panic_on_draw: bool,
    /// A frame has been drawn.
    pub drawn: bool,
}

impl App {
    pub fn new(mut ctx: Ctx, sound: bool) -> Result<App> {
        let day = ctx.day(ctx.today)?;
        let streak = ctx.streaks(ctx.today).ok().map(|s| s.current);
        let speed = std::env::var("UPRIGHT_TEST_SPEED").ok().and_then(|s| s.parse().ok()).unwrap_or(1).max(1);
        let mode = if day.safety.accepted.is_none() {
            Mode::Onboard(safety::Onboarding::default())
        } else {
            Mode::Today
        };
        Ok(App {
            ctx,
            day,
            streak,
            selected: 0,
            mode,
            help: false,
            message: None,
            sound,
            speed,
            flash_until: None,
            bell: false,
            quit: false,
            panic_on_draw: std::env::var("UPRIGHT_TEST_PANIC").is_ok_and(|v| v == "draw"),
            drawn: false,
        })
    }

    pub fn selected_item(&self) -> Option<&Item> {
        self.day.items.get(self.selected)
    }

    pub(super) fn item(&self, id: &str) -> Option<&Item> {
        self.day.get(id)
    }

    /// Whether a bell is due; clears it.
    pub fn take_bell(&mut self) -> bool {
        std::mem::take(&mut self.bell)
    }

    /// Reloads today's view (after a save, or when the coaching day rolls over).
    pub(super) fn refresh(&mut self) -> Result<()> {
        self.day = self.ctx.day(self.ctx.today)?;
        self.streak = self.ctx.streaks(self.ctx.today).ok().map(|s| s.current);
        self.selected = self.selected.min(self.day.items.len().saturating_sub(1));
        Ok(())
    }

    /// Moves the clocks on: the coaching day may roll over, the timer may pass deadlines.
    pub fn tick(&mut self, now: Instant, wall: &Zoned) {
        self.ctx.now = wall.clone();
        let today = self.ctx.settings.coaching_date(wall);
        if today != self.ctx.today && matches!(self.mode, Mode::Today) {
            self.ctx.today = today;
            if let Err(e) = self.refresh() {
                self.message = Some(format!("{e:#}"));
            }
        }
        if self.flash_until.is_some_and(|t| now >= t) {
            self.flash_until = None;
        }
        let Mode::Timer(run) = &mut self.mode else { return };
        let events = run.timer.tick(now);
        let slept = run.timer.phase().is_some_and(|p| p.kind == Kind::Walk)
            && suspended(run, now, wall) > Duration::from_secs(60);
        for event in &events {
            if let Event::Ended(kind) = event
                && matches!(kind, Kind::Hold | Kind::Rest | Kind::Walk)
            {
                self.bell = self.sound;
                // The flash lasts until the next shown second, so it costs no extra wakeup.
                self.flash_until = Some(run.timer.next_wake(now).unwrap_or(now + Duration::from_secs(1)));
            }
        }
        if slept {
            let Mode::Timer(run) = std::mem::replace(&mut self.mode, Mode::Today) else { unreachable!() };
            let walked_min = ((wall.timestamp() - run.started_wall).get_seconds() / 60).max(1) as u32;
            self.mode = Mode::Slept { run, walked_min };
        } else if events.contains(&Event::Finished) {
            let Mode::Timer(run) = std::mem::replace(&mut self.mode, Mode::Today) else { unreachable!() };
            self.ask_feedback(&run.id);
        }
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

    pub fn update(&mut self, msg: Msg, now: Instant, wall: &Zoned) -> Result<()> {
        self.ctx.now = wall.clone();
        if self.help {
            self.help = false;
            return Ok(());
        }
        let mode = std::mem::replace(&mut self.mode, Mode::Today);
        self.mode = match (mode, msg) {
            (mode, Msg::Quit) => {
                self.quit = true;
                mode
            }
            (mode, Msg::RedFlags) if !matches!(mode, Mode::RedFlags { .. } | Mode::Onboard(_)) => {
                Mode::RedFlags { said: None, back: Box::new(self.pause_for_flags(mode, now)), scroll: 0 }
            }
            (Mode::Today, msg) => {
                self.today(msg, now)?;
                std::mem::replace(&mut self.mode, Mode::Today)
            }
            (Mode::Timer(mut run), msg) => match msg {
                Msg::Pause => {
                    run.timer.toggle_pause(now);
                    Mode::Timer(run)
                }
                Msg::AddTime => {
                    run.timer.add_time(now);
                    Mode::Timer(run)
                }
                Msg::NextPhase | Msg::Confirm => {
                    if run.timer.skip(now).contains(&Event::Finished) {
                        self.ask_feedback(&run.id);
                        std::mem::replace(&mut self.mode, Mode::Today)
                    } else {
                        Mode::Timer(run)
                    }
                }
                Msg::Back => {
                    if !run.timer.is_paused() {
                        run.timer.toggle_pause(now);
                    }
                    Mode::Leave(run)
                }
                Msg::Help => {
                    self.help = true;
                    Mode::Timer(run)
                }
                _ => Mode::Timer(run),
            },
            (Mode::Leave(mut run), msg) => match msg {
                Msg::Char('y') => {
                    self.ask_feedback(&run.id);
                    std::mem::replace(&mut self.mode, Mode::Today)
                }
                Msg::Char('n') => {
                    self.message = Some("Left without logging it.".into());
                    Mode::Today
                }
                Msg::Back | Msg::Confirm => {
                    run.timer.toggle_pause(now);
                    Mode::Timer(run)
                }
                _ => Mode::Leave(run),
            },
            (Mode::Slept { mut run, walked_min }, msg) => match msg {
                Msg::Char('c') => {
                    let bout =
                        self.item(&run.id).and_then(|i| i.rx.dose.walk_minutes()).unwrap_or(walked_min);
                    self.ask_feedback(&run.id);
                    if let Mode::Feedback(p) = &mut self.mode {
                        p.minutes = Some(walked_min.min(bout));
                    }
                    std::mem::replace(&mut self.mode, Mode::Today)
                }
                Msg::Char('t') | Msg::Back => {
                    // Keep the time shown: restart the wall clock so the sleep is not asked again.
                    run.started_wall = wall.timestamp();
                    run.started_mono = now;
                    Mode::Timer(run)
                }
                _ => Mode::Slept { run, walked_min },
            },
            (Mode::Feedback(prompt), msg) => self.feedback(prompt, msg)?,
            (Mode::Week { data, row, day }, msg) => self.week(*data, row, day, msg)?,
            (Mode::RedFlags { said, back, scroll }, Msg::Down) => {
                Mode::RedFlags { said, back, scroll: scroll + 1 }
            }
            (Mode::RedFlags { said, back, scroll }, Msg::Up) => {
                Mode::RedFlags { said, back, scroll: scroll.saturating_sub(1) }
            }
            (Mode::RedFlags { said, back, .. }, msg) => self.red_flags(said, *back, msg)?,
            (Mode::Onboard(o), msg) => self.onboard(o, msg)?,
            (Mode::Plan(_), Msg::Back | Msg::Plan) => Mode::Today,
            (Mode::Plan(plan), _) => Mode::Plan(plan),
            (Mode::SkipReason { id, mut text }, msg) => match msg {
                Msg::Char(c) if text.chars().count() < 80 => {
                    text.push(c);
                    Mode::SkipReason { id, text }
                }
                Msg::Backspace => {
                    text.pop();
                    Mode::SkipReason { id, text }
                }
                Msg::Confirm => {
                    let mut entry = self.ctx.entry(self.ctx.today, EntryKind::Skipped, &id);
                    entry.reason = (!text.trim().is_empty()).then(|| text.trim().to_string());
                    self.save(entry, format!("Skipped {} for today.", self.name(&id)))?;
                    Mode::Today
                }
                Msg::Back => Mode::Today,
                _ => Mode::SkipReason { id, text },
            },
        };
        Ok(())
    }

    pub(super) fn name(&self, id: &str) -> String {
        self.ctx.catalog.get(id).map_or(id.to_string(), |e| e.name.clone())
    }
}

/// How much longer the wall clock ran than the monotonic one since the run began: the time
/// the computer slept.
fn suspended(run: &Run, now: Instant, wall: &Zoned) -> Duration {
    let wall_secs = (wall.timestamp() - run.started_wall).get_seconds().max(0) as u64;
    Duration::from_secs(wall_secs).saturating_sub(now.saturating_duration_since(run.started_mono))
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
pub(crate) mod tests;
