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
            Msg::Top | Msg::Bottom => {
                self.selected = if matches!(msg, Msg::Top) { 0 } else { n - 1 };
                Mode::Today
            }
            Msg::Back => return (Mode::Today, Some(Effect::Quit)),
            Msg::Help => {
                self.help = true;
                Mode::Today
            }
            Msg::Clear => return self.clear_selected(),
            Msg::Flare => self.ask_flare(),
            Msg::Char('d') => return self.dismiss_check(),
            Msg::Char('v') => self.next_variant(&id),
            Msg::Char('h') => return self.ask_harder(&id),
            Msg::Char('i') => self.open_import(),
            Msg::Progress => return self.open_progress(),
            // The rules decide what may be logged (the lock, a pause, a pain stop, done already).
            Msg::Confirm | Msg::TickOff | Msg::Skip | Msg::Char('r') if !self.may(&msg, &id) => Mode::Today,
            Msg::Plan => {
                let c = &self.ctx;
                let weeks = crate::progression::forecast(
                    &c.catalog,
                    &c.settings,
                    c.store.entries(),
                    self.day.date,
                    9,
                );
                Mode::Plan { weeks, scroll: 0 }
            }
            Msg::Week => {
                let start = self.ctx.settings.week_start(self.day.date);
                match self.ctx.week(start) {
                    Ok(data) => {
                        let day = (0..7).find(|d| data.days[*d].date == self.day.date).unwrap_or(0);
                        self.message = None;
                        // The same exercise's row (a lift selected on Today has none: the first).
                        let id = self.selected_item().map(|i| i.exercise.id.as_str());
                        let row = data.ids.iter().position(|r| Some(r.as_str()) == id).unwrap_or(0);
                        Mode::Week { data: Box::new(data), row, day }
                    }
                    Err(e) => {
                        self.message = Some(format!("{e:#}"));
                        Mode::Today
                    }
                }
            }
            Msg::Confirm => {
                // The version chosen with v may take both sides at once (a band row).
                let shown = self.timer_item(&id).map_or(item.exercise.clone(), |i| i.exercise.clone());
                let mut phases = session::phases_for_bout(&shown, &item.rx.dose, item.done);
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
            Msg::Char('r') => {
                let ask = super::Ask::Rest(crate::rules::rest_ids(&self.day));
                return (Mode::Confirm { ask, back: Box::new(Mode::Today) }, None);
            }
            // What undo removes is shown and waits for `y` (issue 26).
            Msg::Undo => self.ask_undo(&id, self.day.date, Mode::Today),
            _ => Mode::Today,
        };
        (mode, None)
    }

    /// Asks the rules whether `msg` (start or tick off: done; skip; `r`: a rest day) may log
    /// for `id` today; shows the refusal, or the note, when there is one.
    fn may(&mut self, msg: &Msg, id: &str) -> bool {
        use crate::rules::Action;
        let action = match msg {
            Msg::Skip => Action::Skip,
            Msg::Char(_) => Action::Rest,
            _ => Action::Done { minutes: None },
        };
        let verdict = self.judge(action, id, self.day.date);
        let ok = self.allowed(&verdict);
        // A note is for when it is logged; starting the timer shows none yet.
        if ok && matches!(msg, Msg::Confirm) {
            self.message = None;
        }
        ok
    }

    /// After rating `id`: the cursor moves on to the next exercise not yet settled (wrapping
    /// round), so Enter starts what comes next; it stays when nothing else is left.
    fn select_next_undone(&mut self, id: &str) {
        let n = self.day.items.len();
        let at = self.day.items.iter().position(|i| i.exercise.id == id).unwrap_or(self.selected);
        if let Some(next) = (1..n).map(|k| (at + k) % n).find(|&i| !self.day.items[i].is_settled()) {
            self.selected = next;
        }
    }

    /// The skip prompt: type a reason (optional), Enter saves the skip.
    pub(super) fn skip_reason(&mut self, id: String, mut text: String, msg: Msg) -> Step {
        let mode = match msg {
            // A limit on characters typed, not on columns: the prompt wraps what it shows.
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
        let logged = |e: &crate::state::Entry| e.date == date && e.is_for(id) && e.kind == EntryKind::Done;
        // The bouts already done that day say which walk bout this one is.
        let (rx, done) = match (self.item(id), self.ctx.catalog.get(id)) {
            (Some(item), _) if date == self.day.date => (item.rx.clone(), item.done),
            (_, Some(ex)) => {
                let entries = self.ctx.store.entries();
                let done =
                    entries.iter().filter(|e| e.date == date && e.is_for(id) && e.kind == EntryKind::Done);
                let rx = crate::progression::prescribe_one(&self.ctx.settings, entries, ex, date);
                (rx, done.count() as u32)
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
            minutes: rx.dose.walk_bout(done),
            backfill: date != self.ctx.today,
            done_before: self.ctx.store.entries().iter().filter(|e| logged(e)).count() as u32,
            needed: rx.dose.sessions(),
            lift: self.item(id).filter(|_| date == self.day.date).and_then(|i| {
                let carry = matches!(i.rx.dose, crate::catalog::Dose::Carry { .. });
                i.lift.as_ref().map(|l| (l.load, l.reps, carry))
            }),
            reps: String::new(),
            // `v`'s choice is for today's session; a past day's is the usual one.
            variant: self.variants.get(id).filter(|_| date == self.ctx.today).cloned(),
            ways: self.ways(id),
            typed_minutes: String::new(),
            walk_cut: None,
            partial: false,
        })
    }

    /// Keys in the rating prompt: a rating, then pain 0–10; Enter saves the Done entry.
    pub(super) fn feedback(&mut self, mut p: Prompt, msg: Msg) -> Step {
        let mode = match (p.stage, msg) {
            (Stage::Rating, Msg::Char('l')) => {
                p.stage = Stage::Legs;
                Mode::Feedback(p)
            }
            (Stage::Legs, Msg::Char('1' | 'o')) => {
                p.stage = Stage::LegNumb;
                Mode::Feedback(p)
            }
            (Stage::Legs, Msg::Char('2' | 'b')) => return self.both_legs(),
            (Stage::LegNumb, Msg::Char('y')) => return self.leg_symptoms(&p.id, true, *p.back),
            (Stage::LegNumb, Msg::Char('n')) => return self.leg_symptoms(&p.id, false, *p.back),
            (Stage::LegNumb, Msg::Back) => {
                p.stage = Stage::Legs;
                Mode::Feedback(p)
            }
            (Stage::LegNumb, _) => Mode::Feedback(p),
            (Stage::Legs, Msg::Back) => {
                p.stage = Stage::Rating;
                Mode::Feedback(p)
            }
            (Stage::Legs, _) => Mode::Feedback(p),
            // A walk done as bike, swim … or for other minutes.
            (Stage::Rating, Msg::Char('a')) if !p.ways.is_empty() => {
                p.stage = Stage::DoneAs;
                Mode::Feedback(p)
            }
            (Stage::DoneAs, msg) => return self.done_as(p, msg),
            (Stage::Rating, Msg::Char(c @ ('1' | '2' | '3' | 'e' | 'o' | 'h'))) => {
                p.rating = Some(match c {
                    '1' | 'e' => Feedback::Easy,
                    '2' | 'o' => Feedback::Ok,
                    _ => Feedback::Hard,
                });
                p.stage = if p.lift.is_some() { Stage::Reps } else { Stage::Pain };
                Mode::Feedback(p)
            }
            (Stage::Reps, Msg::Char(c)) if c.is_ascii_digit() => {
                let typed = format!("{}{c}", p.reps);
                if typed.parse::<u32>().is_ok_and(|n| n <= 300) {
                    p.reps = typed.trim_start_matches('0').to_string();
                }
                Mode::Feedback(p)
            }
            (Stage::Reps, Msg::Backspace) => {
                p.reps.pop();
                Mode::Feedback(p)
            }
            (Stage::Reps, Msg::Back) => {
                p.stage = Stage::Rating;
                Mode::Feedback(p)
            }
            (Stage::Reps, Msg::Confirm) => {
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
                p.stage = if p.lift.is_some() { Stage::Reps } else { Stage::Rating };
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
                entry.variant = p.variant.clone();
                entry.partial = p.partial;
                let mut name = self.name(&p.id);
                if let Some((load, planned, _)) = p.lift {
                    let ex = self.ctx.catalog.get(&p.id);
                    entry.load =
                        ex.and_then(|ex| crate::strength::load_done(ex, p.variant.as_deref(), None, load));
                    let reps = p.reps.parse().ok().filter(|n| *n > 0).unwrap_or(planned);
                    entry.reps = Some(reps);
                    // The saved line says what was done, not what was planned ("3 × 10 at 8 kg"),
                    // and in which form.
                    if let Some((form, done)) = self.lift_done(&p, reps) {
                        (name, p.dose) = (form, done);
                    }
                }
                // A walk of several bouts is done with its last bout, not its first.
                let item = self.item(&p.id).filter(|_| p.date == self.day.date);
                let bouts = item.map(|i| (i.done + 1, i.needed));
                // Other cardio fills the walk by minutes (issue 26).
                let fills = item.is_some_and(|i| {
                    let minutes = i.facts.minutes + p.minutes.unwrap_or(0);
                    p.variant.is_some() && i.facts.target_minutes.is_some_and(|t| minutes >= t)
                });
                let said = match bouts {
                    _ if pain > 5 => format!(
                        "Pain {pain} is too much: {name} is done for today; next time it will be one step easier."
                    ),
                    _ => {
                        // Other cardio fills the walk by minutes, not as one of its bouts.
                        let of = if p.variant.is_some() { 1 } else { p.needed };
                        let walk = p.minutes.map(|m| (m, of));
                        let mut line = crate::rules::logged_line(&name, &p.dose, walk, p.done_before, p.date);
                        // The version done, as `done --as` says it.
                        let ex = self.ctx.catalog.get(&p.id);
                        if let Some(v) = p.variant.as_deref().and_then(|v| ex?.variant(v)) {
                            line.push_str(&format!(", {}", v.name.to_lowercase()));
                        }
                        if p.partial || p.walk_cut.is_some() {
                            line.push_str(", cut short");
                        }
                        // The walk is saved with its last bout, not its first.
                        match bouts {
                            Some((bout, needed)) if bout < needed && !fills => format!("Saved: {line}."),
                            _ => format!("Saved: {line} ✓"),
                        }
                    }
                };
                if matches!(*p.back, Mode::Today) {
                    self.select_next_undone(&p.id);
                }
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
