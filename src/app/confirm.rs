//! Deliberate keys: reporting an emergency (`e`) or a see-a-GP sign (`g`), clearing a
//! clinician's hold (`c`), a rest day (`r`) and a backfill far back each wait for `y`, since a
//! stray key would lock the routine or clear a hold; a harder form (`h`) waits for `y` or `n`.
//! Also the app's way to the rules: every action asks `rules::judge` here, as the CLI does.

use super::{App, Effect, Mode, Msg, Report, Step};
use crate::rules::{self, Action, Facts, Request, Verdict};
use crate::state::EntryKind;

/// What waits for `y`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    Emergency,
    Gp,
    /// A clinician checked the sign reported (the lock or the GP hold).
    ClearFlags,
    /// A clinician cleared this exercise (id, name) after pain down a leg.
    ClearExercise(String, String),
    /// Skip the day's remaining exercises.
    Rest(Vec<String>),
    /// The rating prompt for a day far back; the rules' question.
    Backfill {
        id: String,
        date: jiff::civil::Date,
        question: String,
    },
    /// `f`: switch flare-up mode on (`on`) or off.
    Flare {
        on: bool,
    },
    /// `u`: remove the entry `entry` of exercise `id` on `date`, described in `what` (issue 26:
    /// undo says what it removes and waits for `y`, like the other deliberate keys).
    Undo {
        id: String,
        date: jiff::civil::Date,
        entry: String,
        what: String,
    },
    /// `h`: take the harder form offered (`y`), or not now (`n`); other keys leave it.
    Harder {
        id: String,
        name: String,
        offer: crate::progression::Offer,
    },
}

impl Ask {
    /// The question, as the popup shows it.
    pub fn question(&self) -> String {
        match self {
            Ask::Emergency => {
                "Report an emergency sign? This stops the session and locks the routine until a clinician has checked you.".into()
            }
            Ask::Gp => "Report a see-a-GP sign? Doses stop rising until a clinician has checked it.".into(),
            Ask::ClearFlags => "Has a clinician checked the sign you reported? This opens the routine again.".into(),
            Ask::ClearExercise(_, name) => format!("Has a clinician cleared {name}? It goes back into your routine."),
            Ask::Rest(ids) => format!("A rest day: skip the {} remaining exercises for today?", ids.len()),
            Ask::Backfill { question, .. } => question.clone(),
            Ask::Undo { what, .. } => format!("Undo {what}? It is removed from the log."),
            Ask::Flare { on: true } => {
                "Switch flare-up mode on? Every exercise goes to its gentlest step until you switch it off with f.".into()
            }
            Ask::Flare { on: false } => {
                "Switch flare-up mode off? Each exercise restarts at about half and comes back in stages.".into()
            }
            Ask::Harder { name, offer, .. } => format!(
                "{name} on your {} from today? Not now keeps you on your {}; h asks again any time.",
                offer.form, offer.from
            ),
        }
    }
}

impl App {
    /// `y` does what was asked; any other key leaves it undone.
    pub(super) fn confirm(&mut self, ask: Ask, back: Mode, msg: Msg) -> Step {
        if let (Ask::Harder { id, name, offer }, Msg::Char('n' | 'N')) = (&ask, &msg) {
            return self.answer_harder(id, name, offer, false);
        }
        if !matches!(msg, Msg::Char('y' | 'Y')) {
            self.message = Some("Nothing changed.".into());
            return (back, None);
        }
        // What was shown before the question is stale once it is answered.
        self.message = None;
        let flags = |back: Mode| match back {
            Mode::RedFlags { back, .. } => *back,
            other => other,
        };
        let shown = |said, back| Mode::RedFlags { said: Some(said), back: Box::new(back), scroll: 0 };
        match ask {
            // The session stops: whatever was running is dropped.
            Ask::Emergency => {
                self.log_event(shown(Report::Emergency, Mode::Today), EntryKind::RedFlagEmergency, None, None)
            }
            Ask::Gp => self.log_event(shown(Report::Gp, flags(back)), EntryKind::RedFlagGp, None, None),
            Ask::ClearFlags => {
                self.log_event(shown(Report::Cleared, flags(back)), EntryKind::Cleared, None, None)
            }
            Ask::ClearExercise(id, name) => {
                let said = format!("{name} is back in your routine. Go gently.");
                self.log_event(Mode::Today, EntryKind::Cleared, Some(&id), Some(said))
            }
            Ask::Rest(ids) => {
                let entries = ids
                    .iter()
                    .map(|id| {
                        let mut entry = self.ctx.entry(self.day.date, EntryKind::Skipped, id);
                        entry.reason = Some("rest day".into());
                        entry
                    })
                    .collect();
                let said = format!("A rest day: {} exercises skipped. Rest well.", ids.len());
                self.change(Mode::Today, Effect::SaveAll(entries), Some(said))
            }
            Ask::Backfill { id, date, .. } => (self.ask_feedback_on(&id, date, back), None),
            Ask::Undo { id, date, entry, .. } => {
                let when = if date == self.ctx.today {
                    "today".to_string()
                } else {
                    date.strftime("on %a %-d %b").to_string()
                };
                let said = format!("Undone: the last entry of {} {when}.", self.name(&id));
                // The grid (or Today) is rebuilt once the removal is in.
                self.change(back, Effect::Remove { date, id: entry }, Some(said))
            }
            Ask::Flare { on } => self.switch_flare(on),
            Ask::Harder { id, name, offer } => self.answer_harder(&id, &name, &offer, true),
        }
    }

    /// The rules' answer for `action` on exercise `id` and `date`: today's from the day on
    /// screen, another day's from its view loaded through `ctx`.
    pub(super) fn judge(&mut self, action: Action, id: &str, date: jiff::civil::Date) -> Verdict {
        let req = Request { action, id, walk: self.ctx.is_walk(id), date, confirmed: false };
        if date == self.day.date {
            let facts = Facts {
                today: self.ctx.today,
                locked: self.day.safety.locked_since.is_some(),
                first_entry: None,
            };
            return rules::judge(&self.day, &facts, &req);
        }
        match self.ctx.ask(&req) {
            Ok((verdict, _)) => verdict,
            Err(e) => Verdict::Refused(format!("{e:#}")),
        }
    }

    /// `u` on exercise `id` and `date`: the question naming the entry it removes, or `back`
    /// with the rules' reason when there is nothing to undo.
    pub(super) fn ask_undo(&mut self, id: &str, date: jiff::civil::Date, back: Mode) -> Mode {
        // Today's from the view on screen; another day's from the log.
        let last = match self.item(id).filter(|_| date == self.day.date) {
            Some(item) => item.last_entry.clone(),
            None => self.ctx.store.last_logged(date, id).cloned(),
        };
        let verdict = self.judge(Action::Undo { logged: last.is_some() }, id, date);
        match last {
            Some(e) if self.allowed(&verdict) => {
                let what = undo_words(&e, &self.name(id), date == self.ctx.today);
                Mode::Confirm {
                    ask: Ask::Undo { id: id.to_string(), date, entry: e.id, what },
                    back: Box::new(back),
                }
            }
            _ => back,
        }
    }

    /// Shows a refusal or a note; `true` when the action may go on.
    pub(super) fn allowed(&mut self, verdict: &Verdict) -> bool {
        match verdict {
            Verdict::Allowed => true,
            Verdict::Note(note) => {
                self.message = Some(note.clone());
                true
            }
            Verdict::Nothing(why) | Verdict::Refused(why) => {
                self.message = Some(why.clone());
                false
            }
            Verdict::Confirm(_) => false,
        }
    }
}

/// What undo removes, in words: "Walk's done entry for today (5 min, ok, pain 2)", "Bird-dog's
/// skip for Mon 23 Nov (reason: tired)".
fn undo_words(e: &crate::state::Entry, name: &str, today: bool) -> String {
    let when = if today { "today".to_string() } else { format!("{}", e.date.strftime("%a %-d %b")) };
    let mut said = Vec::new();
    let kind = match e.kind {
        EntryKind::Skipped => {
            said.extend(e.reason.as_ref().filter(|r| !r.trim().is_empty()).map(|r| format!("reason: {r}")));
            "skip"
        }
        _ => {
            said.extend(e.minutes.map(|m| format!("{m} min")));
            said.extend(e.variant.as_ref().map(|v| format!("as {v}")));
            said.extend(e.feedback.map(|f| f.to_string()));
            said.extend(e.pain.map(|p| format!("pain {p}")));
            "done entry"
        }
    };
    let detail = if said.is_empty() { String::new() } else { format!(" ({})", said.join(", ")) };
    format!("{name}'s {kind} for {when}{detail}")
}
