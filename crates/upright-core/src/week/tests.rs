//! Table tests of the week's data: the target in words, the grid's marks, the heatmap and the
//! steps, who came along and the strength days.

use jiff::civil::date;

use super::*;

#[test]
fn the_target_in_words() {
    let catalog = Catalog::builtin();
    let settings = Settings::default();
    let monday = date(2026, 11, 23);
    let mut w = WeekData::build(&catalog, &settings, &[], monday, date(2026, 11, 25), Streaks::default());
    w.first_use = Some(monday);
    let needed = w.needed_days;
    let cases = [
        // (today, complete days, met) → words
        (date(2026, 11, 25), 3, false, format!("3 of {needed} complete days so far")),
        (
            date(2026, 11, 29),
            needed,
            true,
            format!("target met: {needed} complete days so far ({needed} needed)"),
        ),
        (
            date(2026, 12, 1),
            needed + 1,
            true,
            format!("target met: {} complete days ({needed} needed)", needed + 1),
        ),
        (date(2026, 12, 1), 2, false, format!("target missed: 2 of {needed} complete days")),
        (date(2026, 11, 20), 0, false, format!("{needed} complete days needed")),
    ];
    for (today, done, met, want) in cases {
        (w.today, w.complete_days, w.meets_target) = (today, done, met);
        assert_eq!(w.target_text(), want, "{today} {done}");
    }
    // A week over before the first session was not missed (issue 26).
    (w.today, w.complete_days, w.meets_target, w.first_use) = (date(2026, 12, 1), 0, false, None);
    assert_eq!(w.target_text(), "before your first session");
    w.first_use = Some(date(2026, 11, 30));
    assert_eq!(w.target_text(), "before your first session");
}

#[test]
fn grid_marks_heat_and_steps() {
    let catalog = Catalog::builtin();
    let settings = Settings::default();
    let mk = |d: Date, id: &str, kind: EntryKind, step: u32| {
        let mut e = Entry::new(format!("{d}{id}{kind}"), d, format!("{d}T08:00:00Z"), kind);
        e.exercise = Some(id.into());
        e.step = Some(step);
        e
    };
    let monday = date(2026, 11, 23);
    let history = vec![
        mk(date(2026, 11, 2), "curl-up", EntryKind::Done, 1),
        mk(date(2026, 11, 23), "curl-up", EntryKind::Done, 2),
        mk(date(2026, 11, 23), "bird-dog", EntryKind::Skipped, 1),
    ];
    let w = WeekData::build(&catalog, &settings, &history, monday, date(2026, 11, 24), Streaks::default());
    let curl = w.ids.iter().position(|i| i == "curl-up").unwrap();
    let bird = w.ids.iter().position(|i| i == "bird-dog").unwrap();
    assert_eq!(
        (w.mark(curl, 0), w.mark(bird, 0), w.mark(0, 0), w.mark(0, 1), w.mark(0, 2)),
        ("✓", "–", "✗", "○", "·")
    );
    let fresh = WeekData::build(
        &catalog,
        &settings,
        &history[1..],
        monday.yesterday().unwrap(),
        date(2026, 11, 24),
        Streaks::default(),
    );
    assert_eq!(fresh.mark(curl, 0), " ", "before the first use nothing was missed");
    assert_eq!(w.heat.len(), 84);
    assert_eq!(w.heat.last().unwrap().0, date(2026, 11, 29));
    assert_eq!(w.heat[77], (monday, 1));
    // One value per week, the step Today prescribes at its end: the week of 2 Nov (day 56
    // of a span starting 7 Sep, week 8) done at step 1; this week at step 2. Never 0.
    assert_eq!(w.steps[curl].len(), 12);
    assert_eq!((w.steps[curl][7], w.steps[curl][8], w.steps[curl][11]), (1, 1, 2));
    assert!(w.steps.iter().all(|s| s.iter().all(|step| *step >= 1)), "{:?}", w.steps);
    let walk = w.ids.iter().position(|i| i == "walk").unwrap();
    assert_eq!(w.steps[walk].len(), 12, "the walk has a series too");
    assert!(w.scale >= catalog.get("curl-up").unwrap().top().into(), "one scale for all");
    assert_eq!(w.notes[bird][0].as_deref(), Some("skipped"));
    assert_eq!(w.notes[curl][0].as_deref(), Some("done · pain 0"));
    assert_eq!((w.company_text(), w.strength), (None, None), "nobody along, strength off");
}

#[test]
fn company_and_strength_days_in_a_week() {
    let catalog = Catalog::builtin();
    let mut settings = Settings::default();
    settings.strength.enabled = true;
    let done = |day: i8, id: &str, with: Option<&str>| {
        let d = date(2026, 11, day);
        let mut e = Entry::new(format!("{day}{id}{with:?}"), d, format!("{d}T08:00:00Z"), EntryKind::Done);
        e.exercise = Some(id.into());
        e.with = with.map(String::from);
        e
    };
    let history = vec![
        done(23, "walk", Some("Sam")),
        done(23, "goblet-squat", None),
        done(24, "walk", Some("Ana")),
        done(26, "walk", Some("Sam")),
        done(26, "walk", Some("Ana")),
        done(26, "walk", Some("Sam")),
        done(26, "one-arm-row", None),
    ];
    let monday = date(2026, 11, 23);
    let w = WeekData::build(&catalog, &settings, &history, monday, date(2026, 11, 26), Streaks::default());
    assert_eq!(w.company_text().as_deref(), Some("walked with Sam on Mon and Thu; Ana on Tue and Thu"));
    let strength = w.strength.expect("strength days on");
    assert_eq!(strength.days, [true, false, false, true, false, false, false]);
    assert_eq!(strength.text(), "2 of 2 strength days");
}
