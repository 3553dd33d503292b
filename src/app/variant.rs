//! Another version of the selected exercise for this session (COACHING.md "Alternatives when
//! an exercise hurts, and without equipment"): `v` on Today steps through the catalog's
//! variants and back to the usual one; the choice lasts until upright quits. The rating saves
//! it in the entry's `variant` field and the timer shows the variant's own cues. And `h`, the
//! harder form offered (issue 20): asked, then taken or declined.

use std::borrow::Cow;

use super::{App, Ask, Effect, Mode, Step};
use crate::catalog::Variant;
use crate::progression::Offer;
use crate::state::EntryKind;
use crate::today::Item;

impl App {
    /// `v`: the next version of exercise `id` (the usual one after the last), said in one line.
    pub(super) fn next_variant(&mut self, id: &str) -> Mode {
        let Some(ex) = self.ctx.catalog.get(id) else { return Mode::Today };
        // A lift shown as its bodyweight start has that as its usual version, not another.
        let start = self.item(id).and_then(|i| i.lift.as_ref()?.form(ex)).map(|v| v.id.as_str());
        let others: Vec<&Variant> = ex.variants.iter().filter(|v| Some(v.id.as_str()) != start).collect();
        if others.is_empty() {
            self.message = Some(format!("{} has no other version.", ex.name));
            return Mode::Today;
        }
        let at = self.variants.get(id).and_then(|v| others.iter().position(|w| &w.id == v));
        let next = match at {
            None => Some(others[0]),
            Some(i) => others.get(i + 1).copied(),
        };
        let name = ex.name.clone();
        self.message = Some(match next {
            Some(v) => {
                let counts = if v.easier { "counts for the day, holds the step" } else { "counts as usual" };
                let line =
                    format!("{name} this session: {} ({counts}). v for another.", v.name.to_lowercase());
                self.variants.insert(id.to_string(), v.id.clone());
                line
            }
            None => {
                self.variants.remove(id);
                match start.and_then(|v| ex.variant(v)) {
                    Some(start) => format!("{name}: back to the start, {}.", start.name.to_lowercase()),
                    None => format!("{name}: back to the usual version."),
                }
            }
        });
        Mode::Today
    }

    /// `h`: asks whether to take the harder form offered for `id` (issue 20: offered, never
    /// switched in): `y` takes it, `n` says not now, any other key leaves it for later.
    pub(super) fn ask_harder(&mut self, id: &str) -> Step {
        let Some(item) = self.item(id) else { return (Mode::Today, None) };
        let name = item.exercise.name.clone();
        let Some(offer) = item.rx.offer.clone() else {
            self.message = Some(format!("Nothing harder is offered for {name} yet."));
            return (Mode::Today, None);
        };
        let ask = Ask::Harder { id: id.to_string(), name, offer };
        (Mode::Confirm { ask, back: Box::new(Mode::Today) }, None)
    }

    /// The answer to `h`'s question: take the harder form (logs `harder-accepted`) or not now
    /// (logs `harder-declined` once: the offer is not made again until a flare).
    pub(super) fn answer_harder(&mut self, id: &str, name: &str, offer: &Offer, take: bool) -> Step {
        let Offer { form, from, declined } = offer;
        if take {
            let entry = self.event(EntryKind::HarderAccepted, Some(id));
            let said = format!("{name} on your {form} from now. Go gently.");
            return self.change(Mode::Today, Effect::Save(Box::new(entry)), Some(said));
        }
        let said = format!("{name} stays on your {from}. Press h when you want your {form}.");
        if *declined {
            self.message = Some(said);
            return (Mode::Today, None);
        }
        let entry = self.event(EntryKind::HarderDeclined, Some(id));
        self.change(Mode::Today, Effect::Save(Box::new(entry)), Some(said))
    }

    /// The version of `id` chosen for this session, if not the usual one.
    pub fn chosen_variant(&self, id: &str) -> Option<&Variant> {
        let ex = self.ctx.catalog.get(id)?;
        ex.variant(self.variants.get(id)?)
    }

    /// Today's item `id` as the timer shows it: with the chosen variant's name, cues and sides,
    /// and without the usual form's figure (`Exercise::as_variant`).
    pub fn timer_item(&self, id: &str) -> Option<Cow<'_, Item>> {
        let item = self.day.get(id)?;
        let (Some(v), Some(ex)) = (self.chosen_variant(id), self.ctx.catalog.get(id)) else {
            return Some(Cow::Borrowed(item));
        };
        let mut item = item.clone();
        // Named after the exercise itself, not the form the day shows it as (a lift's start).
        let name = format!("{}: {}", ex.name, v.name.to_lowercase());
        item.exercise = ex.as_variant(v);
        item.exercise.name = name;
        if !v.cues.is_empty() {
            item.cues = v.cues.clone();
        }
        Some(Cow::Owned(item))
    }

    /// What the saved line says of lift `p.id` done today with `reps` a set: the form's name and
    /// the dose as done, as `upright done` says them (`strength::done_text`); `None` for
    /// anything but today's lift.
    pub(super) fn lift_done(&self, p: &super::Prompt, reps: u32) -> Option<(String, String)> {
        let (load, _, _) = p.lift?;
        let rx = self.item(&p.id)?.lift.as_ref()?;
        let ex = self.ctx.catalog.get(&p.id)?;
        let chosen = p.variant.as_deref().and_then(|v| ex.variant(v));
        let load = crate::strength::load_done(ex, p.variant.as_deref(), None, load);
        let done = crate::strength::Prescription { load, reps, ..(**rx).clone() };
        Some(crate::strength::done_text(ex, chosen, &done, self.ctx.settings.strength.units))
    }
}
