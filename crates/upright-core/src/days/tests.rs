use jiff::ToSpan;
use jiff::civil::date;

use super::*;
use crate::catalog::DEFAULT_ROUTINE;

const D: Date = date(2026, 11, 24);

fn entry(d: Date, id: &str, kind: EntryKind, n: usize) -> Entry {
    let mut e = Entry::new(format!("{d}-{id}-{n}"), d, format!("{d}T08:{n:02}:00+00:00"), kind);
    e.exercise = Some(id.into());
    e.step = Some(1);
    e
}

fn done(id: &str, n: usize) -> Entry {
    entry(D, id, EntryKind::Done, n)
}

/// Every routine exercise but the walk done on `D`.
fn rest_done() -> Vec<Entry> {
    DEFAULT_ROUTINE.iter().filter(|id| **id != "walk").enumerate().map(|(n, id)| done(id, 50 + n)).collect()
}

fn facts(h: &[Entry], today: Date) -> DayFacts {
    span(&Catalog::builtin(), &Settings::default(), h, D, D, today).remove(0)
}

fn walk(h: &[Entry]) -> Facts {
    facts(h, D).get("walk").unwrap().clone()
}

#[test]
fn walk_minutes_count_each_bout_of_its_dose() {
    // "6 + 5 + 5 min" (step 2) ticked off three times without minutes is 16 minutes, not 18.
    let bouts: Vec<Entry> = (0..3)
        .map(|n| {
            let mut e = done("walk", n);
            e.step = Some(2);
            e
        })
        .collect();
    let w = walk(&bouts);
    assert_eq!((w.done, w.needed, w.minutes, w.is_done()), (3, 3, 16, true));
    // Minutes logged are what counts.
    let mut logged = bouts.clone();
    logged[0].minutes = Some(3);
    assert_eq!(walk(&logged).minutes, 13);
}

#[test]
fn other_cardio_fills_the_walk_by_minutes() {
    let mut bike = done("walk", 0);
    bike.variant = Some("bike".into());
    bike.minutes = Some(20);
    let w = walk(std::slice::from_ref(&bike));
    assert_eq!((w.done, w.minutes, w.cardio_minutes, w.is_done(), w.all_variant), (1, 20, 20, true, true));
    // Ten minutes of bike and one 5-minute walk do not reach 15.
    bike.minutes = Some(9);
    let w = walk(&[bike.clone(), done("walk", 1)]);
    assert_eq!((w.minutes, w.is_done(), w.all_variant), (14, false, false));
    // Three real walks are done by their count, whatever their minutes.
    let short: Vec<Entry> = (0..3)
        .map(|n| {
            let mut e = done("walk", n);
            e.minutes = Some(1);
            e
        })
        .collect();
    assert!(walk(&short).is_done());
}

#[test]
fn a_days_bouts_are_one_session() {
    let mut a = done("walk", 0);
    a.feedback = Some(Feedback::Easy);
    a.pain = Some(0);
    let mut b = done("walk", 1);
    b.feedback = Some(Feedback::Ok);
    b.pain = Some(2);
    let mut c = done("walk", 2);
    c.feedback = Some(Feedback::Easy);
    c.pain = Some(1);
    let w = walk(&[a, b, c]);
    assert_eq!((w.worst, w.pain), (Some(Feedback::Ok), Some(2)));
}

#[test]
fn safety_never_costs_the_day() {
    let pain = |p: u8| {
        let mut e = done("walk", 0);
        e.pain = Some(p);
        e
    };
    let leg = {
        let mut e = entry(D.checked_sub(3.days()).unwrap(), "walk", EntryKind::LegSymptoms, 0);
        e.step = None;
        e
    };
    let not_settled =
        |d: Date| Entry::new("ns".into(), d, format!("{d}T07:00:00+00:00"), EntryKind::NotSettled);
    let with = |mut extra: Vec<Entry>| {
        extra.extend(rest_done());
        extra.sort_by(|a, b| (a.date, &a.at).cmp(&(b.date, &b.at)));
        extra
    };
    let tomorrow = D.tomorrow().unwrap();
    // (case, history, as of, the walk's advice, the day complete)
    type Case = (&'static str, Vec<Entry>, Date, Option<Advised>, bool);
    let cases: [Case; 7] = [
        ("walk missed", with(vec![]), tomorrow, None, false),
        ("one bout, pain 7", with(vec![pain(7)]), tomorrow, Some(Advised::Stopped(7)), true),
        ("one bout, pain 5", with(vec![pain(5)]), tomorrow, None, false),
        ("paused for a leg", with(vec![leg.clone()]), tomorrow, Some(Advised::Paused), true),
        ("not settled, day over", with(vec![not_settled(D)]), tomorrow, Some(Advised::Held), true),
        ("not settled, still today", with(vec![not_settled(D)]), D, None, false),
        ("not settled yesterday", with(vec![not_settled(D.yesterday().unwrap())]), tomorrow, None, false),
    ];
    for (name, h, today, advised, complete) in cases {
        let day = span(&Catalog::builtin(), &Settings::default(), &h, D, D, today).remove(0);
        assert_eq!(day.get("walk").unwrap().advised, advised, "{name}");
        assert_eq!(day.complete, complete, "{name}: {:?}", day.why);
    }
    // Reporting pain alone never makes a day: nothing done, everything held.
    let day = span(&Catalog::builtin(), &Settings::default(), &[not_settled(D)], D, D, tomorrow).remove(0);
    assert!(day.exercises.iter().all(|f| f.advised == Some(Advised::Held)));
    assert_eq!((day.complete, day.why), (false, Why::NothingDone));
}

#[test]
fn why_names_what_is_missing() {
    let day = facts(&rest_done(), D);
    assert_eq!(day.why, Why::Missing(vec!["walk".into()]));
    assert_eq!(facts(&[], D).why, Why::NothingDone);
}

#[test]
fn lifts_count_toward_pain_and_days_exercised_not_the_routine() {
    let mut lift = done("goblet-squat", 0);
    lift.pain = Some(3);
    lift.load = Some(12.0);
    let day = facts(&[lift], D);
    assert_eq!((day.exercised, day.pain, day.done_count()), (true, Some(3), 0));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 64, ..Default::default() })]

    /// The counts the streak reads (`span_counts`, built without the texts) are exactly what
    /// the full day facts say, whatever was logged: done, skipped, variants, minutes, leg
    /// symptoms and clearances, a morning not settled, pain that stops a session.
    #[test]
    fn the_counts_are_what_the_full_facts_say(
        raw in proptest::collection::vec((0i64..28, 0u8..9, 0usize..4, 0u8..9, proptest::bool::ANY), 0..80),
        active in proptest::bool::ANY,
    ) {
        let ids = ["walk", "hamstring-stretch", "curl-up", "side-bridge"];
        let mut log: Vec<Entry> = raw
            .iter()
            .enumerate()
            .map(|(n, &(back, kind, ex, pain, variant))| {
                let d = D.checked_sub(back.days()).unwrap();
                let kind = match kind {
                    0 => EntryKind::Skipped,
                    1 => EntryKind::LegSymptoms,
                    2 => EntryKind::Cleared,
                    3 => EntryKind::NotSettled,
                    _ => EntryKind::Done,
                };
                let mut e = entry(d, ids[ex], kind, n);
                e.pain = Some(pain);
                e.minutes = (ex == 0 && variant).then_some(u32::from(pain) * 4);
                e.variant = (ex == 0 && variant && pain % 2 == 0).then(|| "bike".to_string());
                e.note = variant.then(|| "a note".to_string());
                e
            })
            .collect();
        log.sort_by_key(|e| e.date);
        let settings = Settings {
            level: if active { crate::catalog::Level::Active } else { crate::catalog::Level::Beginner },
            ..Settings::default()
        };
        let from = D.checked_sub(27.days()).unwrap();
        let catalog = Catalog::builtin();
        let full: Vec<(bool, bool)> =
            span(&catalog, &settings, &log, from, D, D).iter().map(|d| (d.complete, d.walked)).collect();
        proptest::prop_assert_eq!(span_counts(&catalog, &settings, &log, from, D, D), full);
    }
}
