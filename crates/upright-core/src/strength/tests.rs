use jiff::civil::{Date, date};

use super::*;
use crate::catalog::Catalog;
use crate::log::{Entry, EntryKind, Feedback};

fn settings(load: Option<f64>) -> StrengthSettings {
    let mut s = StrengthSettings { enabled: true, ..StrengthSettings::default() };
    s.lifts.insert("goblet-squat".into(), LiftConfig { load, increment: Some(2.0), cap: None });
    s
}

fn session(day: i8, step: u32, load: Option<f64>, reps: u32, fb: Feedback, pain: u8) -> Entry {
    let d = date(2026, 3, day);
    let mut e = Entry::new(format!("e{day}"), d, format!("{d}T08:00:00+01:00"), EntryKind::Done);
    e.exercise = Some("goblet-squat".into());
    e.step = Some(step);
    e.load = load;
    e.reps = Some(reps);
    e.feedback = Some(fb);
    e.pain = Some(pain);
    e
}

/// A session done as the goblet squat's bodyweight start (sit-to-stand): no load.
fn start(day: i8, reps: u32) -> Entry {
    let mut e = session(day, 1, None, reps, Feedback::Easy, 0);
    e.variant = Some("sit-to-stand".into());
    e
}

/// History, today's day of March, then the load, reps and the start of the reason expected.
type Case = (Vec<Entry>, i8, Option<f64>, u32, &'static str);

#[test]
fn double_progression_table() {
    use Feedback::*;
    let catalog = Catalog::builtin();
    let squat = catalog.get("goblet-squat").unwrap();
    let s = settings(Some(8.0));
    let w = Some(8.0);
    // (history (day, step, load, reps done, rating, pain), today's day) → (load, reps, reason starts)
    #[rustfmt::skip]
    let table: Vec<Case> = vec![
        (vec![], 2, w, 8, "first session"),
        // Easy (3+ reps left): reps rise next time.
        (vec![session(2, 1, w, 8, Easy, 0)], 5, w, 9, "up to 9 reps"),
        // Ok (1-2 left): reps rise after two ok in a row at that dose.
        (vec![session(2, 3, w, 10, Ok, 3)], 5, w, 10, "ok last time: same again"),
        (vec![session(2, 3, w, 10, Ok, 0), session(5, 3, w, 10, Ok, 0)], 9, w, 11, "up to 11 reps"),
        (vec![session(2, 3, w, 10, Ok, 0), session(5, 3, Some(10.0), 10, Ok, 0)], 9, Some(10.0), 10, "ok last time"),
        // Under 20 kg the range widens to 15 before load is added.
        (vec![session(2, 5, w, 12, Easy, 2)], 5, w, 13, "up to 13 reps"),
        (vec![session(2, 8, w, 15, Easy, 2)], 5, Some(10.0), 8, "top of the range: load up 2 kg"),
        (vec![session(2, 5, Some(20.0), 12, Easy, 0)], 5, Some(22.0), 8, "top of the range: load up 2 kg"),
        // At the maintenance cap (goblet squat 24 kg): stay.
        (vec![session(2, 5, Some(24.0), 12, Easy, 0)], 5, Some(24.0), 12, "at your maintenance load, 24 kg"),
        (vec![session(2, 3, w, 10, Hard, 0)], 5, w, 10, "hard last time: same again"),
        (vec![session(2, 3, w, 10, Ok, 4)], 5, w, 10, "pain 4 last time"),
        (vec![session(2, 3, w, 10, Easy, 5)], 5, w, 10, "pain 5 last time"),
        (vec![session(2, 3, w, 7, Ok, 0)], 5, w, 10, "7 of 10 reps last time"),
        (vec![session(2, 3, w, 10, Ok, 6)], 5, Some(6.0), 8, "pain 6 last time: 10% lighter"),
        (vec![session(2, 3, w, 10, Hard, 0), session(5, 3, w, 10, Hard, 0)], 9, Some(6.0), 8, "two hard sessions in a row: 10% lighter"),
        // Rule 7 in sessions (two a week): 4-7 missed repeat, 8-14 10% lighter, 15-28 20%, more: half.
        (vec![session(2, 3, w, 10, Easy, 0)], 9, w, 11, "up to 11"),
        (vec![session(2, 3, w, 10, Easy, 0)], 20, w, 10, "same as last time: 4 strength"),
        (vec![session(2, 3, w, 10, Easy, 0)], 26, w, 10, "same as last time: 5 strength"),
        // At the top before a gap of 4-7: the same load and reps again, not the bottom reps.
        (vec![session(2, 5, w, 12, Easy, 0)], 26, w, 12, "same as last time: 5 strength"),
        // Pain > 5 before a short gap: the lighter load stands.
        (vec![session(2, 3, w, 10, Ok, 6)], 26, Some(6.0), 8, "pain 6 last time"),
        // The bodyweight start done in its place holds the load and reps, never drops them.
        (vec![session(2, 3, w, 10, Easy, 0), start(5, 10)], 9, w, 11, "the easier start last time"),
        (vec![session(2, 3, w, 10, Easy, 0), start(5, 10), session(9, 3, w, 10, Easy, 0)], 12, w, 11, "up to 11"),
        // A load in config applies from the next session over a bodyweight history (turn 3, E).
        (vec![session(2, 5, None, 12, Easy, 0)], 5, w, 8, "your load from the config, 8 kg"),
        (vec![start(2, 12), start(5, 12)], 9, w, 8, "your load from the config, 8 kg"),
    ];
    for (history, today, load, reps, reason) in table {
        let p = prescribe(squat, &s, 2, &history, date(2026, 3, today));
        assert_eq!((p.load, p.reps), (load, reps), "{history:?} on day {today}: {}", p.reason);
        assert!(p.reason.starts_with(reason), "{} vs {reason}", p.reason);
    }
}

#[test]
fn long_gaps_step_the_load_back_in_sessions() {
    let catalog = Catalog::builtin();
    let squat = catalog.get("goblet-squat").unwrap();
    let s = settings(Some(8.0));
    let last = vec![session(2, 3, Some(20.0), 10, Feedback::Ok, 0)];
    let start = date(2026, 3, 2);
    // (days since, per week) → (missed sessions, load)
    for (days, per_week, missed, load) in [
        (14, 2, 3, 20.0),
        (31, 2, 7, 20.0),
        (32, 2, 8, 18.0),
        (53, 2, 14, 18.0),
        (60, 2, 16, 16.0),
        (101, 2, 27, 16.0),
        (105, 2, 29, 10.0),
        (21, 3, 8, 18.0),
    ] {
        let today = start.checked_add(jiff::Span::new().days(days)).unwrap();
        assert_eq!(missed_sessions(start, today, per_week), missed, "{days} days at {per_week}/week");
        let p = prescribe(squat, &s, per_week, &last, today);
        assert_eq!(p.load, Some(load), "{days} days: {}", p.reason);
    }
}

#[test]
fn without_a_load_the_bodyweight_start_climbs_to_the_top_and_asks_for_one() {
    let catalog = Catalog::builtin();
    let squat = catalog.get("goblet-squat").unwrap();
    let s = settings(None);
    let p = prescribe(squat, &s, 2, &[], date(2026, 3, 2));
    assert_eq!((p.load, p.reps), (None, 8));
    assert_eq!(p.text(squat, Units::Kg), "3 × 8");
    assert_eq!(p.shown(squat).name, "Sit-to-stand, no weight");
    let top = prescribe(squat, &s, 2, &[session(2, 5, None, 12, Feedback::Easy, 0)], date(2026, 3, 5));
    assert_eq!((top.load, top.reps), (None, 12));
    assert!(top.reason.contains("[strength.goblet-squat] load"), "{}", top.reason);
}

#[test]
fn prescriptions_read_in_the_users_units() {
    let catalog = Catalog::builtin();
    let p = Prescription { load: Some(12.5), sets: 3, reps: 30, reason: String::new() };
    assert_eq!(p.text(catalog.get("suitcase-carry").unwrap(), Units::Lb), "3 × 30 s per side at 12.5 lb");
    assert_eq!(
        RepRange::of(catalog.get("suitcase-carry").unwrap()),
        RepRange { sets: 3, low: 20, high: 40, by: 5, wide: 40 }
    );
    assert_eq!(RepRange::of(catalog.get("one-arm-row").unwrap()).step(11), 4);
}

#[test]
fn schedule_table() {
    let monday = |w: i8| date(2026, 3, 2 + 7 * w);
    let week_start = |d: Date| {
        d.checked_sub(jiff::Span::new().days(i64::from(d.weekday().to_monday_zero_offset()))).unwrap()
    };
    let d = |day: i8| date(2026, 3, day);
    // (done dates, today, per week) → strength day?
    #[rustfmt::skip]
    let table: Vec<(Vec<Date>, Date, u8, bool)> = vec![
        (vec![], d(2), 2, true),
        (vec![d(2)], d(3), 2, false),            // never the day after
        (vec![d(2)], d(4), 2, false),            // two a week: three days apart
        (vec![d(2)], d(5), 2, true),
        (vec![d(2)], d(4), 3, true),             // three a week: two days apart
        (vec![d(2), d(5)], d(8), 2, false),      // Sunday: the week's two are done
        (vec![d(2), d(5)], monday(1), 2, true),
        (vec![d(2), d(4), d(6)], d(8), 3, false),
        (vec![d(2)], d(7), 2, true),             // missed Thursday: still due Saturday
        (vec![d(2)], d(8), 2, true),             // and Sunday, but only once
        (vec![d(2)], d(2), 2, false),            // done today
    ];
    for (done, today, per_week, want) in table {
        assert_eq!(
            is_strength_day(&done, today, week_start(today), per_week),
            want,
            "{done:?} {today} {per_week}"
        );
    }
    // A missed day moves on, never piling up: after Monday, nothing until Thursday; skipped
    // Thursday, Friday is next; after Friday's session, the next is Monday.
    assert_eq!(next_strength_day(&[d(2)], d(3), 2, week_start), d(5));
    assert_eq!(next_strength_day(&[d(2)], d(6), 2, week_start), d(6));
    assert_eq!(next_strength_day(&[d(2), d(6)], d(6), 2, week_start), monday(1));
    // No two strength days are ever consecutive, whatever the target.
    for per_week in 1..=7 {
        let mut done = Vec::new();
        for i in 0..60 {
            let today = d(1).checked_add(jiff::Span::new().days(i)).unwrap();
            if is_strength_day(&done, today, week_start(today), per_week) {
                assert!(!done.iter().any(|x: &Date| (today - *x).get_days() == 1));
                done.push(today);
            }
        }
        assert!(done.len() >= 8 * usize::from(per_week.min(2)), "{per_week}/week: {}", done.len());
    }
}

#[test]
fn a_weeks_strength_days_toward_its_target() {
    let d = |day: i8| date(2026, 3, day);
    let monday = d(2);
    // (done dates, target) → days marked Mon..Sun, the words
    #[rustfmt::skip]
    let table: Vec<(Vec<Date>, u8, [bool; 7], &str)> = vec![
        (vec![], 2, [false; 7], "0 of 2 strength days"),
        (vec![d(2), d(5)], 2, [true, false, false, true, false, false, false], "2 of 2 strength days"),
        // The Sunday before and the Monday after belong to other weeks; a day counts once.
        (vec![d(1), d(4), d(4), d(9)], 3, [false, false, true, false, false, false, false], "1 of 3 strength days"),
        // More than the target are shown as done.
        (vec![d(2), d(4), d(6)], 2, [true, false, true, false, true, false, false], "3 of 2 strength days"),
    ];
    for (done, target, days, words) in table {
        let week = StrengthWeek::of(&done, monday, target);
        assert_eq!((week.days, week.text().as_str()), (days, words), "{done:?}");
    }
}

/// Without a load a lift is its bodyweight start wherever it is shown: the start's name, cues and
/// sides (a band row and a farmer carry take both sides at once), no figure of the loaded lift;
/// the id stays the lift's. With a load, the lift itself.
#[test]
fn a_lift_without_a_load_is_shown_as_its_start() {
    let catalog = Catalog::builtin();
    let start = |load| Prescription { load, sets: 3, reps: 20, reason: String::new() };
    let eight = |load| Prescription { reps: 8, ..start(load) };
    // (lift, name shown, dose, a word of its cues)
    let table = [
        ("goblet-squat", "Sit-to-stand, no weight", "3 × 8", "sturdy chair"),
        ("romanian-deadlift", "Hip-hinge drill with a broom", "3 × 8", "broom along your back"),
        ("one-arm-row", "Band row", "3 × 8", "resistance band"),
        ("suitcase-carry", "Farmer carry, a bag in each hand", "3 × 20 s", "water bottles"),
    ];
    for (id, name, dose, cue) in table {
        let lift = catalog.get(id).unwrap();
        let rx = if id == "suitcase-carry" { start(None) } else { eight(None) };
        let shown = rx.shown(lift);
        assert_eq!((shown.id.as_str(), shown.name.as_str()), (id, name));
        assert_eq!(rx.text(lift, Units::Kg), dose, "{id}");
        assert!(shown.cues.join(" ").contains(cue), "{id}: {:?}", shown.cues);
        assert!(shown.figure.is_empty(), "{id}: the loaded lift's figure");
        assert!(rx.form(lift).is_some_and(|v| v.easier), "{id}: the start is the easier variant");
        let loaded = Prescription { load: Some(8.0), ..rx };
        assert_eq!(loaded.shown(lift).name, lift.name, "{id} with a load");
        assert!(!loaded.shown(lift).figure.is_empty());
    }
    let carry = catalog.get("suitcase-carry").unwrap();
    assert!(!start(None).shown(carry).per_side && carry.per_side, "a bag in each hand at once");
    assert_eq!(start(Some(12.0)).text(carry, Units::Kg), "3 × 20 s per side at 12 kg");
}

/// What a reply says was done: the start by its own name; a version chosen (`--as`, `v`) after
/// the lift's name, with that version's sides.
#[test]
fn replies_name_the_form_done() {
    let catalog = Catalog::builtin();
    let row = catalog.get("one-arm-row").unwrap();
    let squat = catalog.get("goblet-squat").unwrap();
    let done = |load| Prescription { load, sets: 3, reps: 9, reason: String::new() };
    let text = |ex: &Exercise, v: Option<&str>, load| {
        done_text(ex, v.and_then(|v| ex.variant(v)), &done(load), Units::Kg)
    };
    let said = |n: &str, d: &str| (n.to_string(), d.to_string());
    assert_eq!(text(row, None, None), said("Band row", "3 × 9"));
    assert_eq!(text(row, None, Some(10.0)), said("One-arm dumbbell row", "3 × 9 per side at 10 kg"));
    assert_eq!(text(row, Some("backpack"), None), said("One-arm dumbbell row", "3 × 9 per side"));
    assert_eq!(text(squat, Some("sit-to-stand"), None), said("Goblet squat", "3 × 9"));
}

/// The carry counts seconds: its reasons say so, not "reps".
#[test]
fn a_carrys_reasons_count_seconds() {
    let catalog = Catalog::builtin();
    let carry = catalog.get("suitcase-carry").unwrap();
    let mut e = session(2, 1, Some(8.0), 20, Feedback::Easy, 0);
    e.exercise = Some("suitcase-carry".into());
    let p = prescribe(carry, &settings(Some(8.0)), 2, &[e.clone()], date(2026, 3, 5));
    assert_eq!(p.reason, "up to 25 s");
    e.reps = Some(15);
    let p = prescribe(carry, &settings(Some(8.0)), 2, &[e], date(2026, 3, 5));
    assert!(p.reason.starts_with("15 of 20 s last time"), "{}", p.reason);
}

/// Turn 3, C and E: load steps, the way back after pain and a flare-up, a raised config load.
#[test]
fn load_steps_caps_and_the_way_back() {
    use Feedback::*;
    // (load, increment, cap) → the next load up: 10% or the increment, whichever is larger.
    for (load, inc, cap, want) in [
        (8.0, 1.0, 24.0, 9.0),
        (30.0, 1.0, 40.0, 33.0),
        (30.0, 2.0, 40.0, 32.0),
        (23.5, 1.0, 24.0, 24.0),
        (6.0, 2.0, 24.0, 8.0),
    ] {
        assert_eq!(step_up(load, inc, cap), want, "{load} by {inc}");
    }
    assert_eq!((lighter(10.0, 0.9, 1.0), lighter(10.0, 0.8, 2.0), lighter(8.0, 0.9, 2.0)), (9.0, 8.0, 6.0));
    let catalog = Catalog::builtin();
    let squat = catalog.get("goblet-squat").unwrap();
    let s = settings(Some(8.0));
    let ten = Some(10.0);
    let rx = |h: &[Entry], day: i8| prescribe(squat, &s, 2, h, date(2026, 3, day));
    // Pain 7 at 10 kg: 10% lighter (8 kg with 2 kg steps), back to 10 kg after 2 good sessions.
    let mut h = vec![session(1, 3, ten, 10, Easy, 0), session(2, 3, ten, 10, Easy, 7)];
    assert_eq!(rx(&h, 5).load, Some(8.0));
    h.push(session(5, 1, Some(8.0), 8, Easy, 0));
    let p = rx(&h, 9);
    assert_eq!((p.load, p.reps), (Some(8.0), 8), "{}", p.reason);
    assert!(p.reason.starts_with("on the way back after pain 7"), "{}", p.reason);
    h.push(session(9, 1, Some(8.0), 8, Easy, 0));
    let p = rx(&h, 12);
    assert_eq!((p.load, p.reps), (ten, 8), "{}", p.reason);
    assert_eq!(p.reason, "back to your load before pain 7: 2 good sessions");
    // Out of a flare-up: 80% of the load before it, rounded down to the increment.
    let flare = |day: i8, kind: EntryKind| {
        let d = date(2026, 3, day);
        Entry::new(format!("f{day}"), d, format!("{d}T07:00:00+01:00"), kind)
    };
    let h =
        vec![session(2, 3, ten, 10, Easy, 0), flare(3, EntryKind::FlareOn), flare(8, EntryKind::FlareOff)];
    let p = rx(&h, 9);
    assert_eq!((p.load, p.reps), (Some(8.0), 8));
    assert!(p.reason.starts_with("back after a flare-up: 80%"), "{}", p.reason);
    // A config load raised above every load logged applies at the next session.
    let raised = settings(Some(12.0));
    let p = prescribe(squat, &raised, 2, &[session(2, 3, ten, 10, Easy, 0)], date(2026, 3, 5));
    assert_eq!((p.load, p.reps), (Some(12.0), 8));
    // A cap from config replaces the default.
    let mut capped = settings(Some(8.0));
    capped.lifts.get_mut("goblet-squat").unwrap().cap = Some(30.0);
    let p = prescribe(squat, &capped, 2, &[session(2, 5, Some(24.0), 12, Easy, 0)], date(2026, 3, 5));
    assert_eq!(p.load, Some(26.0));
}
