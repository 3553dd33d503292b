//! What keys do on the Today screen and in the prompts: start a timer, tick off, skip, undo,
//! rate and save. Every save goes to the store at once.

use std::time::Instant;

use color_eyre::eyre::Result;

use super::{App, Mode, Msg, Prompt, Run, Stage};
use crate::session::{self, Timer};
use crate::state::{EntryKind, Feedback};

impl App {
    /// Keys on the Today screen.
    pub(super) fn today(&mut self, msg: Msg, now: Instant) -> Result<()> {
        let n = self.day.items.len();
        let Some(item) = self.selected_item().cloned() else {
            self.quit |= matches!(msg, Msg::Back);
            return Ok(());
        };
        let id = item.exercise.id.clone();
        match msg {
            Msg::Up => self.selected = (self.selected + n - 1) % n,
            Msg::Down => self.selected = (self.selected + 1) % n,
            Msg::Back => self.quit = true,
            Msg::Help => self.help = true,
            Msg::Clear => self.clear_selected()?,
            Msg::Char('d') => self.dismiss_check()?,
            Msg::Confirm | Msg::TickOff | Msg::Skip if self.day.safety.locked_since.is_some() => {
                self.message = Some(
                    "The routine is locked: you reported an emergency sign. Press ! once a clinician has checked you.".into(),
                );
            }
            Msg::Confirm | Msg::TickOff if item.rx.paused => {
                self.message = Some(format!(
                    "{} is paused after pain down a leg; press c once a clinician has cleared it.",
                    item.exercise.name
                ));
            }
            Msg::Plan => {
                let c = &self.ctx;
                let plan = crate::progression::forecast(
                    &c.catalog,
                    &c.settings,
                    c.store.entries(),
                    self.day.date,
                    9,
                );
                self.mode = Mode::Plan(plan);
            }
            Msg::Week => {
                let start = self.ctx.settings.week_start(self.day.date);
                let data = self.ctx.week(start)?;
                let day = (0..7).find(|d| data.days[*d].date == self.day.date).unwrap_or(0);
                self.message = None;
                self.mode = Mode::Week { data: Box::new(data), row: self.selected, day };
            }
            Msg::Confirm | Msg::TickOff if item.rx.stopped => {
                self.message =
                    Some(format!("{} is done for today: pain above 5 ended it.", item.exercise.name));
            }
            Msg::Confirm | Msg::TickOff if item.is_done() => {
                self.message = Some(format!("{} is already done today (u undoes it).", item.exercise.name));
            }
            Msg::Confirm => {
                let mut phases = session::phases(&item.exercise, &item.rx.dose);
                for p in &mut phases {
                    p.secs = p.secs.div_ceil(self.speed);
                }
                self.message = None;
                self.mode = Mode::Timer(Run {
                    id,
                    timer: Timer::start(phases, now),
                    started_wall: self.ctx.now.timestamp(),
                    started_mono: now,
                });
            }
            Msg::TickOff => self.ask_feedback(&id),
            Msg::Skip => self.mode = Mode::SkipReason { id, text: String::new() },
            Msg::Undo => {
                let last = self.ctx.store.last_logged(self.day.date, &id).map(|e| e.id.clone());
                match last {
                    Some(entry) => {
                        self.ctx.store.remove(self.day.date, &entry)?;
                        self.refresh()?;
                        self.message =
                            Some(format!("Undone: the last entry of {} today.", item.exercise.name));
                    }
                    None => self.message = Some(format!("Nothing to undo for {} today.", item.exercise.name)),
                }
            }
            _ => {}
        }
        Ok(())
    }

    pub(super) fn ask_feedback(&mut self, id: &str) {
        let date = self.day.date;
        self.ask_feedback_on(id, date, Mode::Today);
    }

    /// Opens the rating prompt for `id` on `date`, with that day's dose.
    pub(super) fn ask_feedback_on(&mut self, id: &str, date: jiff::civil::Date, back: Mode) {
        let rx = match (self.item(id), self.ctx.catalog.get(id)) {
            (Some(item), _) if date == self.day.date => item.rx.clone(),
            (_, Some(ex)) => {
                crate::progression::prescribe_one(&self.ctx.settings, self.ctx.store.entries(), ex, date)
            }
            _ => return,
        };
        self.mode = Mode::Feedback(Prompt {
            id: id.to_string(),
            date,
            step: rx.step,
            dose: rx.dose_text.clone(),
            back: Box::new(back),
            stage: Stage::Rating,
            rating: None,
            pain: String::new(),
            minutes: rx.dose.walk_minutes(),
        });
    }

    pub(super) fn feedback(&mut self, mut p: Prompt, msg: Msg) -> Result<Mode> {
        Ok(match (p.stage, msg) {
            (Stage::Rating, Msg::Char('l')) => {
                self.leg_symptoms(&p.id)?;
                *p.back
            }
            (Stage::Rating, Msg::Char(c @ ('1' | '2' | '3' | 'e' | 'o' | 'h'))) => {
                p.rating = Some(match c {
                    '1' | 'e' => Feedback::Easy,
                    '2' | 'o' => Feedback::Ok,
                    _ => Feedback::Hard,
                });
                p.stage = Stage::Pain;
                Mode::Feedback(p)
            }
            (Stage::Pain, Msg::Char(c)) if c.is_ascii_digit() => {
                let typed = format!("{}{c}", p.pain);
                if typed.parse::<u8>().is_ok_and(|n| n <= 10) {
                    p.pain = typed.trim_start_matches('0').to_string();
                }
                Mode::Feedback(p)
            }
            (Stage::Pain, Msg::Backspace) => {
                p.pain.pop();
                Mode::Feedback(p)
            }
            (Stage::Pain, Msg::Back) => {
                p.stage = Stage::Rating;
                Mode::Feedback(p)
            }
            (Stage::Pain, Msg::Confirm) => {
                let pain: u8 = p.pain.parse().unwrap_or(0);
                let mut entry = self.ctx.entry(p.date, EntryKind::Done, &p.id);
                entry.step = Some(p.step);
                entry.dose = Some(p.dose.clone());
                entry.feedback = p.rating;
                entry.pain = Some(pain);
                entry.minutes = p.minutes;
                let name = self.name(&p.id);
                let said = if pain > 5 {
                    format!(
                        "Pain {pain} is too much: {name} is done for today; next time it will be one step easier."
                    )
                } else {
                    format!("Saved: {name} ✓")
                };
                self.save(entry, said)?;
                match *p.back {
                    Mode::Week { data, row, day } => {
                        Mode::Week { data: Box::new(self.ctx.week(data.start)?), row, day }
                    }
                    back => back,
                }
            }
            (Stage::Rating, Msg::Back) => {
                self.message = Some("Not logged.".into());
                *p.back
            }
            (_, _) => Mode::Feedback(p),
        })
    }

    /// Saves an entry now and shows `said`; a failed save is shown and nothing is lost on disk.
    pub(super) fn save(&mut self, entry: crate::state::Entry, said: String) -> Result<()> {
        match self.ctx.store.append(entry) {
            Ok(()) => {
                self.refresh()?;
                self.message = Some(said);
            }
            Err(e) => self.message = Some(format!("{e:#}")),
        }
        Ok(())
    }
}
