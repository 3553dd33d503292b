//! The weekly check-in in the app (asked on the first start of a week, Esc skips it until next
//! week) and the Progress screen (`g` on Today). The check-in's answers are returned as one
//! entry to save; the Progress screen is built once when it opens.

use jiff::ToSpan;

use super::{App, Effect, Mode, Msg, Step};
use crate::log::{Activity, EntryKind, MAX_ACTIVITIES, MAX_ACTIVITY_CHARS};
use crate::progress::{DEFAULT_WEEKS, Progress};

/// Which question of the check-in is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckinStage {
    /// The week's average pain, 0–10.
    Pain,
    /// Naming activity `i` (the first check-in, or `r` to rename it).
    Name(usize),
    /// Scoring activity `i`, 0–10.
    Score(usize),
}

/// Where the check-in stands after a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Open(CheckinForm),
    Skipped,
    Done { pain: Option<u8>, activities: Vec<Activity> },
}

/// The check-in as answered so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckinForm {
    pub stage: CheckinStage,
    /// The activities asked about: the last check-in's, or those named now.
    pub names: Vec<String>,
    /// Whether new activities are being named (the first check-in): after each score the next
    /// name is asked, up to three; an empty name ends the list.
    pub naming: bool,
    /// What is typed for the open question.
    pub text: String,
    pub pain: Option<u8>,
    pub scores: Vec<u8>,
    /// Why the last answer was not taken ("0 to 10, please").
    pub problem: Option<String>,
}

impl CheckinForm {
    pub fn new(names: Vec<String>) -> CheckinForm {
        let naming = names.is_empty();
        CheckinForm {
            stage: CheckinStage::Pain,
            names,
            naming,
            text: String::new(),
            pain: None,
            scores: Vec::new(),
            problem: None,
        }
    }

    /// The form after `msg`: still open, skipped, or answered.
    pub fn answer(mut self, msg: Msg) -> Answer {
        self.problem = None;
        let number = |text: &str| text.trim().parse::<u8>().ok().filter(|n| *n <= 10);
        match (self.stage, msg) {
            (_, Msg::Back) => return Answer::Skipped,
            (_, Msg::Backspace) => {
                self.text.pop();
            }
            (CheckinStage::Score(i), Msg::Char('r')) => {
                self.text = self.names[i].clone();
                self.stage = CheckinStage::Name(i);
            }
            // Characters, as the log's limit counts them (not display columns).
            (CheckinStage::Name(_), Msg::Char(c)) if self.text.chars().count() < MAX_ACTIVITY_CHARS => {
                self.text.push(c);
            }
            (CheckinStage::Pain | CheckinStage::Score(_), Msg::Char(c @ '0'..='9'))
                if self.text.len() < 2 =>
            {
                self.text.push(c);
            }
            (CheckinStage::Pain, Msg::Confirm) => match number(&self.text) {
                Some(n) => {
                    self.pain = Some(n);
                    self.text.clear();
                    self.stage =
                        if self.names.is_empty() { CheckinStage::Name(0) } else { CheckinStage::Score(0) };
                }
                None => self.problem = Some("Type a number from 0 to 10.".into()),
            },
            (CheckinStage::Name(i), Msg::Confirm) => {
                let name = self.text.trim().to_string();
                self.text.clear();
                if name.is_empty() {
                    // No (more) activities: drop the one being renamed, or end the list.
                    if i < self.names.len() {
                        self.names.remove(i);
                    }
                    self.naming = false;
                    return self.next(i);
                }
                if self.names[..i.min(self.names.len())].contains(&name) {
                    self.problem = Some("That activity is already in the list.".into());
                    self.text = name;
                    return Answer::Open(self);
                }
                match self.names.get_mut(i) {
                    Some(old) => *old = name,
                    None => self.names.push(name),
                }
                self.stage = CheckinStage::Score(i);
            }
            (CheckinStage::Score(i), Msg::Confirm) => match number(&self.text) {
                Some(n) => {
                    self.text.clear();
                    self.scores.truncate(i);
                    self.scores.push(n);
                    return self.next(i + 1);
                }
                None => self.problem = Some("Type a score from 0 (unable) to 10 (as before).".into()),
            },
            _ => {}
        }
        Answer::Open(self)
    }

    /// Moves to activity `i`: score the next named one, name a new one, or finish.
    fn next(mut self, i: usize) -> Answer {
        if i < self.names.len() && i >= self.scores.len() {
            self.stage = CheckinStage::Score(i);
        } else if self.naming && self.names.len() < MAX_ACTIVITIES && i == self.names.len() {
            self.stage = CheckinStage::Name(i);
        } else {
            let scored = self.names.iter().zip(&self.scores);
            let activities = scored.map(|(n, s)| Activity { name: n.clone(), score: *s }).collect();
            return Answer::Done { pain: self.pain, activities };
        }
        Answer::Open(self)
    }
}

impl App {
    /// The check-in form, when this start is the week's first (`None` otherwise). The names
    /// come from the last check-in, looked for up to a year back.
    pub(super) fn checkin_due(&mut self) -> Option<CheckinForm> {
        let today = self.ctx.today;
        let week_start = self.ctx.settings.week_start(today);
        let maintenance = self.ctx.maintenance().unwrap_or(false);
        let due = if maintenance {
            crate::checkin::maintenance::due(self.ctx.store.entries(), week_start, today)
        } else {
            crate::checkin::due(self.ctx.store.entries(), week_start, today)
        };
        if self.day.safety.accepted.is_none() || !due {
            return None;
        }
        // Best effort: a month that does not load only means the names are asked again.
        let _ = today.checked_sub(52.weeks()).map(|from| self.ctx.store.load_range(from, today));
        Some(CheckinForm::new(crate::checkin::activity_names(self.ctx.store.entries())))
    }

    pub(super) fn checkin(&mut self, form: CheckinForm, msg: Msg) -> Step {
        match form.answer(msg) {
            Answer::Open(form) => (Mode::Checkin(form), None),
            Answer::Skipped => {
                let entry = self.event(EntryKind::CheckinSkipped, None);
                let said = "Check-in skipped; it will be asked again next week.".to_string();
                let next = self.after_checkin();
                self.change(next, Effect::Save(Box::new(entry)), Some(said))
            }
            Answer::Done { pain, activities } => {
                let mut entry = self.event(EntryKind::Checkin, None);
                entry.pain = pain;
                entry.activities = activities;
                let mut said = format!(
                    "Thanks for checking in (pain {}). g shows your progress.",
                    pain.map_or("–".to_string(), |p| p.to_string())
                );
                if crate::checkin::rmdq::due(self.ctx.store.entries(), self.ctx.today) {
                    said = format!("{said} {}: g, then r.", crate::checkin::rmdq::OFFER);
                }
                let next = self.after_checkin();
                self.change(next, Effect::Save(Box::new(entry)), Some(said))
            }
        }
    }

    /// `r` on Progress: the RMDQ, from where it was left.
    pub(super) fn open_rmdq(&mut self, p: Box<Progress>) -> Step {
        self.message = None;
        (Mode::Rmdq { answers: std::mem::take(&mut self.rmdq_draft), back: p }, None)
    }

    /// One key per statement: y or n; u takes the last back; Esc keeps the answers for later.
    /// The 24th answer logs it.
    pub(super) fn rmdq(&mut self, mut answers: String, back: Box<Progress>, msg: Msg) -> Step {
        match msg {
            Msg::Char('y') | Msg::Char('Y') => answers.push('y'),
            Msg::Char('n') | Msg::Char('N') => answers.push('n'),
            Msg::Char('u') | Msg::Backspace => {
                answers.pop();
            }
            Msg::Back => {
                // Answers given (each `y` or `n`): a count, not a width.
                let n = answers.chars().count();
                self.message = (n > 0).then(|| format!("Questionnaire kept at {n} of 24: r goes on."));
                self.rmdq_draft = answers;
                return (Mode::Progress(back), None);
            }
            _ => {}
        }
        if answers.chars().count() < crate::checkin::rmdq::ITEMS.len() {
            return (Mode::Rmdq { answers, back }, None);
        }
        let score = crate::checkin::rmdq::score(&answers).unwrap_or(0);
        let mut entry = self.event(EntryKind::Rmdq, None);
        entry.answers = Some(answers);
        let said = format!("Roland-Morris questionnaire logged: {score} of 24. Next one in 4 weeks.");
        self.change(Mode::Progress(back), Effect::Save(Box::new(entry)), Some(said))
    }

    /// The last weeks of progress, from the log as loaded.
    pub(super) fn progress_data(&mut self) -> eyre::Result<Progress> {
        let from = Progress::span_start(&self.ctx.settings, self.day.date, DEFAULT_WEEKS);
        self.ctx.store.load_range(from, self.day.date)?;
        // Every flare-up and the baseline check-in, however long ago (issue 29).
        self.ctx.store.load_all()?;
        let c = &self.ctx;
        Ok(Progress::build(&c.catalog, &c.settings, c.store.entries(), self.day.date, DEFAULT_WEEKS))
    }

    /// `g` on Today: the last weeks of progress, built once.
    pub(super) fn open_progress(&mut self) -> Step {
        match self.progress_data() {
            Ok(p) => {
                self.message = None;
                (Mode::Progress(Box::new(p)), None)
            }
            Err(e) => {
                self.message = Some(format!("{e:#}"));
                (Mode::Today, None)
            }
        }
    }
}
