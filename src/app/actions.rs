//! What keys do on the Today screen and in the prompts: start a timer, tick off, skip, undo,
//! rate. Each change to the log is returned as an effect for the loop to save at once.

use std::time::Instant;

use super::{App, Effect, Mode, Msg, Prompt, Run, Stage, Step};
use crate::session::{self, Timer};
use crate::state::{EntryKind, Feedback};

impl App {
    /// Keys on the Today screen.
    pub(super) fn today(&mut self, msg: Msg, now: Instant) -> Step {
        let n = self.day.items.len();
        let Some(item) = self.selected_item().cloned() else {
            return (Mode::Today, matches!(msg, Msg::Back).then_some(Effect::Quit));
        };
        let id = item.exercise.id.clone();
        let mode = match msg {
            Msg::Up => {
                self.selected = (self.selected + n - 1) % n;
                Mode::Today
            }
            Msg::Down => {
                self.selected = (self.selected + 1) % n;
                Mode::Today
            }
            Msg::Back => return (Mode::Today, Some(Effect::Quit)),
            Msg::Help => {
                self.help = true;
                Mode::Today
            }
            Msg::Clear => return self.clear_selected(),
            Msg::Char('d') => return self.dismiss_check(),
            Msg::Progress => return self.open_progress(),
            Msg::Confirm | Msg::TickOff | Msg::Skip if self.day.safety.locked_since.is_some() => {
                self.message = Some(
                    "The routine is locked: you reported an emergency sign. Press ! once a clinician has checked you.".into(),
                );
                Mode::Today
            }
            Msg::Confirm | Msg::TickOff if item.rx.paused => {
                self.message = Some(format!(
                    "{} is paused after pain down a leg; press c once a clinician has cleared it.",
                    item.exercise.name
                ));
                Mode::Today
            }
            Msg::Plan => {
                let c = &self.ctx;
                Mode::Plan(crate::progression::forecast(
                    &c.catalog,
                    &c.settings,
                    c.store.entries(),
                    self.day.date,
                    9,
                ))
            }
            Msg::Week => {
                let start = self.ctx.settings.week_start(self.day.date);
                match self.ctx.week(start) {
                    Ok(data) => {
                        let day = (0..7).find(|d| data.days[*d].date == self.day.date).unwrap_or(0);
                        self.message = None;
                        Mode::Week { data: Box::new(data), row: self.selected, day }
                    }
                    Err(e) => {
                        self.message = Some(format!("{e:#}"));
                        Mode::Today
                    }
                }
            }
            Msg::Confirm | Msg::TickOff if item.rx.stopped => {
                self.message =
                    Some(format!("{} is done for today: pain above 5 ended it.", item.exercise.name));
                Mode::Today
            }
            Msg::Confirm | Msg::TickOff if item.is_done() => {
                self.message = Some(format!("{} is already done today (u undoes it).", item.exercise.name));
                Mode::Today
            }
            Msg::Confirm => {
                let mut phases = session::phases(&item.exercise, &item.rx.dose);
                for p in &mut phases {
                    p.secs = p.secs.div_ceil(self.hooks.speed);
                }
                self.message = None;
                Mode::Timer(Run {
                    id,
                    timer: Timer::start(phases, now),
                    started_wall: self.ctx.now.timestamp(),
                    started_mono: now,
                })
            }
            Msg::TickOff => self.ask_feedback(&id),
            Msg::Skip => Mode::SkipReason { id, text: String::new() },
            Msg::Undo => match item.last_logged {
                Some(entry) => {
                    let said = format!("Undone: the last entry of {} today.", item.exercise.name);
                    let undo = Effect::Remove { date: self.day.date, id: entry };
                    return self.change(Mode::Today, undo, Some(said));
                }
                None => {
                    self.message = Some(format!("Nothing to undo for {} today.", item.exercise.name));
                    Mode::Today
                }
            },
            _ => Mode::Today,
        };
        (mode, None)
    }

    /// The skip prompt: type a reason (optional), Enter saves the skip.
    pub(super) fn skip_reason(&mut self, id: String, mut text: String, msg: Msg) -> Step {
        let mode = match msg {
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
                let said = format!("Skipped {} for today.", self.name(&id));
                return self.change(Mode::Today, Effect::Save(Box::new(entry)), Some(said));
            }
            Msg::Back => Mode::Today,
            _ => Mode::SkipReason { id, text },
        };
        (mode, None)
    }

    /// The rating prompt for `id` today, back to Today afterwards.
    pub(super) fn ask_feedback(&self, id: &str) -> Mode {
        self.ask_feedback_on(id, self.day.date, Mode::Today)
    }

    /// The rating prompt for `id` on `date`, with that day's dose; `back` if `id` is unknown.
    pub(super) fn ask_feedback_on(&self, id: &str, date: jiff::civil::Date, back: Mode) -> Mode {
        let rx = match (self.item(id), self.ctx.catalog.get(id)) {
            (Some(item), _) if date == self.day.date => item.rx.clone(),
            (_, Some(ex)) => {
                crate::progression::prescribe_one(&self.ctx.settings, self.ctx.store.entries(), ex, date)
            }
            _ => return back,
        };
        Mode::Feedback(Prompt {
            id: id.to_string(),
            date,
            step: rx.step,
            dose: rx.dose_text.clone(),
            back: Box::new(back),
            stage: Stage::Rating,
            rating: None,
            pain: String::new(),
            minutes: rx.dose.walk_minutes(),
        })
    }

    /// Keys in the rating prompt: a rating, then pain 0–10; Enter saves the Done entry.
    pub(super) fn feedback(&mut self, mut p: Prompt, msg: Msg) -> Step {
        let mode = match (p.stage, msg) {
            (Stage::Rating, Msg::Char('l')) => return self.leg_symptoms(&p.id, *p.back),
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
                // Back where it was opened; the week screen is rebuilt once the save is in.
                return self.change(*p.back, Effect::Save(Box::new(entry)), Some(said));
            }
            (Stage::Rating, Msg::Back) => {
                self.message = Some("Not logged.".into());
                *p.back
            }
            (_, _) => Mode::Feedback(p),
        };
        (mode, None)
    }
}
