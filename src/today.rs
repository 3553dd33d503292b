//! One coaching day as the screens and commands see it: each routine exercise with its
//! prescription and what has been logged for it that day. Pure: built from loaded entries.

use jiff::civil::Date;

use crate::catalog::{Catalog, Dose, Exercise};
use crate::config::Settings;
use crate::progression::{self, Prescription};
use crate::state::{Entry, EntryKind};

#[derive(Debug, Clone)]
pub struct Item {
    pub exercise: Exercise,
    pub rx: Prescription,
    /// Done entries logged for it that day (walk bouts count one each).
    pub done: u32,
    /// Sessions needed to count as done: the bouts for a walk, otherwise 1.
    pub needed: u32,
    pub skipped: bool,
}

impl Item {
    pub fn is_done(&self) -> bool {
        self.done >= self.needed
    }

    /// The dose with walk bouts counted ("3 × 7 min walk, 1 of 3 done").
    pub fn dose_line(&self) -> String {
        let walk = if self.rx.dose.walk_minutes().is_some() { " walk" } else { "" };
        let mut line = format!("{}{walk}", self.rx.dose_text);
        if self.needed > 1 && self.done > 0 && !self.is_done() {
            line.push_str(&format!(", {} of {} done", self.done, self.needed));
        }
        line
    }

    /// Finished for the day: done, excused, or stopped by pain.
    pub fn is_settled(&self) -> bool {
        self.is_done() || self.skipped || self.rx.stopped || self.rx.paused
    }
}

#[derive(Debug, Clone)]
pub struct Day {
    pub date: Date,
    pub items: Vec<Item>,
    /// What the log says about red flags, leg symptoms and the disclaimer.
    pub safety: crate::safety::Safety,
}

impl Day {
    pub fn build(catalog: &Catalog, settings: &Settings, history: &[Entry], date: Date) -> Day {
        let prescriptions = progression::prescribe(catalog, settings, history, date);
        let items = prescriptions
            .into_iter()
            .filter_map(|rx| {
                let exercise = catalog.get(&rx.id)?.clone();
                Some(item(exercise, rx, history, date))
            })
            .collect();
        let upto = history.partition_point(|e| e.date <= date);
        Day { date, items, safety: crate::safety::Safety::from_entries(&history[..upto]) }
    }

    pub fn done_count(&self) -> usize {
        self.items.iter().filter(|i| i.is_done()).count()
    }

    pub fn get(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.exercise.id == id)
    }
}

fn item(exercise: Exercise, rx: Prescription, history: &[Entry], date: Date) -> Item {
    let todays = || history.iter().rev().take_while(|e| e.date >= date).filter(|e| e.date == date);
    let of_it = |e: &&Entry| e.is_for(&exercise.id);
    let done = todays().filter(of_it).filter(|e| e.kind == EntryKind::Done).count() as u32;
    let skipped = todays().filter(of_it).any(|e| e.kind == EntryKind::Skipped);
    let needed = match rx.dose {
        Dose::Walk { bouts, .. } => bouts,
        _ => 1,
    };
    Item { exercise, rx, done, needed, skipped }
}
