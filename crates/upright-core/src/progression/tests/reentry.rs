//! Turn 3, C as a table: the way back after pain above 5, by stages, what holds a stage and
//! what restarts it.

use super::*;
use Feedback::{Easy, Hard};

#[test]
fn the_way_back_after_pain_goes_by_stages() {
    // Curl-up at step 5 for a week without trouble, then pain 7 at step 5 on day 7.
    let before: Vec<Entry> =
        (0..7).map(|n| done(n, "curl-up", 5, Easy, 0)).chain([done(7, "curl-up", 5, Easy, 7)]).collect();
    let e = |n, step, f, pain| done(n, "curl-up", step, f, pain);
    // (what, sessions after the painful one, day asked, step, change)
    let cases: Vec<(&str, Vec<Entry>, i64, u32, Change)> = vec![
        ("the restart: one step lower", vec![], 8, 4, Change::Down),
        ("one good session holds", vec![e(8, 4, Easy, 0)], 9, 4, Change::Same),
        (
            "2 good sessions: back, no 7-day limit",
            vec![e(8, 4, Easy, 0), e(9, 4, Easy, 0)],
            10,
            5,
            Change::Up,
        ),
        ("hard holds the stage", vec![e(8, 4, Easy, 0), e(9, 4, Hard, 0)], 10, 4, Change::Hold),
        ("pain 4-5 holds the stage", vec![e(8, 4, Easy, 0), e(9, 4, Easy, 4)], 10, 4, Change::Hold),
        (
            "a hard session restarts the count of 2",
            vec![e(8, 4, Hard, 0), e(9, 4, Easy, 0)],
            10,
            4,
            Change::Same,
        ),
        ("pain above 5 on the way back restarts it lower", vec![e(8, 4, Easy, 7)], 9, 3, Change::Down),
        (
            "and the restart climbs to the same target",
            vec![e(8, 4, Easy, 7), e(9, 3, Easy, 0), e(10, 3, Easy, 0), e(11, 4, Easy, 0), e(12, 4, Easy, 0)],
            13,
            5,
            Change::Up,
        ),
        (
            "at the target, one step a week again",
            vec![e(8, 4, Easy, 0), e(9, 4, Easy, 0), e(10, 5, Easy, 0), e(11, 5, Easy, 0), e(12, 5, Easy, 0)],
            13,
            5,
            Change::Same,
        ),
    ];
    for (what, after, on, step, change) in cases {
        let h = [before.clone(), after].concat();
        let p = rx(&h, "curl-up", on);
        assert_eq!((p.step, p.change), (step, change), "{what}: {:?}", p.reason);
    }
}

#[test]
fn the_walk_comes_back_by_its_minutes() {
    // 19 + 5 + 5 = 29 min a day without trouble, then a pain-7 walk on day 7.
    // Every bout of the day's dose, ticked off without minutes (each counts as prescribed).
    let walk = Catalog::builtin().get("walk").unwrap().clone();
    let w = |n, step, pain| -> Vec<Entry> {
        (0..walk.dose(step).sessions())
            .map(|b| {
                let mut e = done(n, "walk", step, Easy, pain);
                e.id = format!("{}-{b}", e.id);
                e.at = format!("{}T08:{b:02}:00Z", day(n));
                e
            })
            .collect()
    };
    let h: Vec<Entry> = (0..7).flat_map(|n| w(n, 15, 0)).chain(w(7, 15, 7)).collect();
    let total = |h: &[Entry], on| rx(h, "walk", on).dose.walk_total().unwrap();
    // 70% of 29 (step 6: 20 min), then 75% (21 min, step 7), then 29 min.
    assert_eq!(total(&h, 8), 20);
    let h = [h, w(8, 6, 0), w(9, 6, 0)].concat();
    assert_eq!(total(&h, 10), 21);
    let h = [h, w(10, 7, 0), w(11, 7, 0)].concat();
    assert_eq!(total(&h, 12), 29);
    assert_eq!(
        rx(&h, "walk", 12).reason.as_deref(),
        Some("Back to 100% of your dose before the setback: 2 good sessions")
    );
}

#[test]
fn the_plan_shows_the_way_back() {
    // 19 + 5 + 5 min a day for a week, then a pain-7 walk: the plan starts at 20 min today and is
    // back at 29 min by next week (before turn 3: a step a week, 9 weeks).
    let walk = Catalog::builtin().get("walk").unwrap().clone();
    let h: Vec<Entry> = (0..8)
        .flat_map(|n| {
            (0..walk.dose(15).sessions()).map(move |b| {
                let mut e = done(n, "walk", 15, Easy, if n == 7 { 7 } else { 0 });
                e.id = format!("{}-{b}", e.id);
                e.at = format!("{}T08:{b:02}:00Z", day(n));
                e
            })
        })
        .collect();
    let plan = forecast(&Catalog::builtin(), &Settings::default(), &h, day(8), 2);
    let walk_in = |w: usize| plan[w].exercises.iter().find(|i| i.id == "walk").unwrap().dose_text.clone();
    assert_eq!((walk_in(0), walk_in(1)), ("10 + 5 + 5 min".to_string(), "19 + 5 + 5 min".to_string()));
}
