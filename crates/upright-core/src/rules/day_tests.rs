//! The rules' helpers and the day they judge: what a rest day skips, the count rule asked again
//! under the lock, what a reply says was logged, and where the day stands (skips and stops
//! settle it; a done after a skip replaces it).

use super::tests::{TODAY, done, on};
use super::*;
use crate::catalog::Catalog;
use crate::settings::Settings;

#[test]
fn a_rest_day_skips_only_what_is_left() {
    let history = vec![done("walk"), on(0, EntryKind::Done, Some("curl-up"), 8), done("walk"), done("walk")];
    let day = Day::build(&Catalog::builtin(), &Settings::default(), &history, TODAY);
    assert_eq!(rest_ids(&day), ["hamstring-stretch", "thoracic-extension", "side-bridge", "bird-dog"]);
}

#[test]
fn the_count_rule_again_under_the_lock() {
    let d = TODAY;
    let bouts = |n| (0..n).map(|_| done("walk")).collect::<Vec<_>>();
    for (name, month, id, needed, walk, refused) in [
        ("two bouts of three", bouts(2), "walk", 3, true, false),
        ("three bouts of three", bouts(3), "walk", 3, true, true),
        ("curl-up not yet", bouts(3), "curl-up", 1, false, false),
        ("curl-up logged meanwhile", vec![done("curl-up")], "curl-up", 1, false, true),
        (
            "yesterday's does not count",
            vec![on(1, EntryKind::Done, Some("curl-up"), 0)],
            "curl-up",
            1,
            false,
            false,
        ),
        (
            "a skip is not a done",
            vec![on(0, EntryKind::Skipped, Some("curl-up"), 0)],
            "curl-up",
            1,
            false,
            false,
        ),
    ] {
        assert_eq!(recheck(&month, d, id, needed, walk).is_some(), refused, "{name}");
    }
}

#[test]
fn replies_say_what_was_logged() {
    let d = TODAY;
    assert_eq!(
        logged_line("Walk", "3 × 6 min", Some((6, 3)), 1, d),
        "Walk bout 2 of 3 (6 min) for Tue 24 Nov"
    );
    assert_eq!(logged_line("Walk", "1 × 30 min", Some((30, 1)), 0, d), "Walk (30 min) for Tue 24 Nov");
    assert_eq!(
        logged_line("Curl-up", "4-3-2 × 8 s holds", None, 0, d),
        "Curl-up (4-3-2 × 8 s holds) for Tue 24 Nov"
    );
}

#[test]
fn the_day_counts_skips_and_stops_as_settled() {
    use crate::today::Standing;
    let standing =
        |h: Vec<Entry>| Day::build(&Catalog::builtin(), &Settings::default(), &h, TODAY).standing();
    let mut h = vec![done("curl-up"), done("bird-dog")];
    assert_eq!(standing(h.clone()), Standing::Going { done: 2, to_go: 4 });
    h.push(on(0, EntryKind::Skipped, Some("side-bridge"), 0));
    assert_eq!(standing(h.clone()), Standing::Going { done: 2, to_go: 3 });
    h.push(on(0, EntryKind::Done, Some("walk"), 7));
    assert_eq!(standing(h.clone()), Standing::Stopped("Walk".into()), "the greeting follows a pain stop");
    let all: Vec<Entry> =
        ["walk", "hamstring-stretch", "thoracic-extension", "curl-up", "side-bridge", "bird-dog"]
            .iter()
            .map(|id| done(id))
            .chain([done("walk"), done("walk")])
            .collect();
    assert_eq!(standing(all), Standing::Complete);
    let rest: Vec<Entry> =
        ["walk", "hamstring-stretch", "thoracic-extension", "curl-up", "side-bridge", "bird-dog"]
            .iter()
            .map(|id| on(0, EntryKind::Skipped, Some(id), 0))
            .collect();
    assert_eq!(standing(rest), Standing::Rest);
    assert_eq!(standing(vec![on(1, EntryKind::RedFlagEmergency, None, 0)]), Standing::Locked);
    assert_eq!(standing(vec![]), Standing::Fresh(6));
}

#[test]
fn a_done_after_a_skip_replaces_it_and_undo_brings_it_back() {
    let skip = on(0, EntryKind::Skipped, Some("curl-up"), 0);
    let day = |h: &[Entry]| Day::build(&Catalog::builtin(), &Settings::default(), h, TODAY);
    let h = vec![skip.clone(), done("curl-up")];
    let item = day(&h).get("curl-up").cloned().unwrap();
    assert!(item.is_done() && !item.skipped);
    assert_eq!(item.last_logged.as_deref(), Some(h[1].id.as_str()));
    assert!(day(&h[..1]).get("curl-up").unwrap().skipped);
}
