use super::*;
use crate::catalog::Catalog;

fn ex(id: &str) -> Exercise {
    Catalog::builtin().get(id).unwrap().clone()
}

fn brief(phases: &[Phase]) -> Vec<String> {
    phases.iter().map(|p| format!("{:?} {} {}", p.kind, p.secs, p.position)).collect()
}

#[test]
fn a_three_set_per_side_hold() {
    let h = ex("hamstring-stretch");
    let phases = phases(&h, h.dose(2));
    assert_eq!(
        brief(&phases),
        [
            "Ready 5 Chair hamstring stretch",
            "Hold 30 Set 1 of 3 · Left side",
            "Rest 5 switch sides",
            "Hold 30 Set 1 of 3 · Right side",
            "Rest 30 between sets",
            "Hold 30 Set 2 of 3 · Left side",
            "Rest 5 switch sides",
            "Hold 30 Set 2 of 3 · Right side",
            "Rest 30 between sets",
            "Hold 30 Set 3 of 3 · Left side",
            "Rest 5 switch sides",
            "Hold 30 Set 3 of 3 · Right side",
        ]
    );
    assert_eq!(total_secs(&phases), 5 + 6 * 30 + 3 * 5 + 2 * 30);
}

#[test]
fn a_pyramid_per_side() {
    let b = ex("side-bridge");
    let phases = phases(&b, b.dose(1)); // knees 3-2-1 × 8 s per side
    let holds: Vec<&str> =
        phases.iter().filter(|p| p.kind == Kind::Hold).map(|p| p.position.as_str()).collect();
    assert_eq!(holds.len(), 12);
    assert_eq!(holds[0], "Set 1 of 3 · rep 1 of 3 · Left side");
    assert_eq!(holds[3], "Set 1 of 3 · rep 1 of 3 · Right side");
    assert_eq!(holds[11], "Set 3 of 3 · Right side");
    assert!(phases.iter().all(|p| p.kind != Kind::Hold || p.secs == 8));
    assert_eq!(total_secs(&phases), 5 + 12 * 8 + 6 * 5 + 3 * 5 + 2 * 30);
}

#[test]
fn paced_reps_untimed_sets_walks_and_carries() {
    let t = ex("thoracic-extension");
    let p = phases(&t, t.dose(2)); // 2 positions × 5, 3 s pause
    assert_eq!(p.iter().filter(|p| p.kind == Kind::Rep).count(), 10);
    assert_eq!(p[1].secs, 7);
    assert_eq!(p[1].position, "Position 1 of 2 · rep 1 of 5");
    assert!(p.iter().any(|p| p.kind == Kind::Rest && p.position == "next position" && p.secs == 10));
    let d = ex("dead-bug");
    let p = phases(&d, d.dose(2)); // 2 × 6 per side, own pace
    assert_eq!(
        brief(&p)[1..],
        [
            "Untimed 0 Set 1 of 2 · Left side",
            "Rest 5 switch sides",
            "Untimed 0 Set 1 of 2 · Right side",
            "Rest 30 between sets",
            "Untimed 0 Set 2 of 2 · Left side",
            "Rest 5 switch sides",
            "Untimed 0 Set 2 of 2 · Right side"
        ]
    );
    let w = ex("walk");
    assert_eq!(brief(&phases(&w, w.dose(3))), ["Ready 5 Walk", "Walk 420 bout 1 of 3 today"]);
    // The top-ups are timed as their own, shorter bouts.
    assert_eq!(brief(&phases_for_bout(&w, w.dose(3), 2)), ["Ready 5 Walk", "Walk 300 bout 3 of 3 today"]);
    let c = ex("farmer-carry");
    assert_eq!(total_secs(&phases(&c, c.dose(1))), 5 + 30 + 30 + 30);
    // The suitcase carry is a lift carried in each hand in turn, with a lift's long rests.
    let s = ex("suitcase-carry");
    assert_eq!(
        brief(&phases(&s, s.dose(1)))[..5],
        [
            "Ready 5 Suitcase carry",
            "Hold 20 Carry 1 of 3 · Left side",
            "Rest 5 switch hands",
            "Hold 20 Carry 1 of 3 · Right side",
            "Rest 90 between carries"
        ]
    );
}

fn timer(secs: &[u32]) -> Timer {
    let phases = secs.iter().map(|s| Phase::new(Kind::Hold, *s, "Hold", "")).collect();
    Timer::start(phases, Instant::now())
}

#[test]
fn deadlines_not_ticks() {
    let start = Instant::now();
    let mut t = Timer::start(
        vec![Phase::new(Kind::Hold, 10, "Hold", ""), Phase::new(Kind::Rest, 5, "Rest", "")],
        start,
    );
    let at = |ms: u64| start + Duration::from_millis(ms);
    assert_eq!(t.shown_secs(at(0)), 10);
    assert_eq!(t.shown_secs(at(1)), 10);
    assert_eq!(t.shown_secs(at(1000)), 9);
    assert_eq!(t.next_wake(at(0)), Some(at(1000)));
    assert_eq!(t.next_wake(at(1300)), Some(at(2000)));
    // Checked late: the rest began when the hold ended, not when we looked.
    assert_eq!(t.tick(at(12_000)), [Event::Ended(Kind::Hold)]);
    assert_eq!(t.remaining(at(12_000)), Duration::from_secs(3));
    assert_eq!(t.tick(at(15_000)), [Event::Ended(Kind::Rest), Event::Finished]);
    assert!(t.is_finished() && t.next_wake(at(15_000)).is_none());
}

#[test]
fn pause_add_and_skip() {
    let start = Instant::now();
    let at = |ms: u64| start + Duration::from_millis(ms);
    let mut t = Timer::start(
        vec![Phase::new(Kind::Hold, 30, "Hold", ""), Phase::new(Kind::Rest, 30, "Rest", "")],
        start,
    );
    t.toggle_pause(at(10_000));
    assert!(t.is_paused() && t.next_wake(at(10_000)).is_none(), "paused: nothing to wake for");
    assert!(t.tick(at(100_000)).is_empty(), "time stands still while paused");
    assert_eq!(t.remaining(at(100_000)), Duration::from_secs(20));
    t.add_time(at(100_000));
    assert_eq!(t.remaining(at(100_000)), Duration::from_secs(35));
    t.toggle_pause(at(100_000));
    assert_eq!(t.remaining(at(105_000)), Duration::from_secs(30));
    t.add_time(at(105_000));
    assert_eq!(t.shown_secs(at(105_000)), 45);
    assert!(t.skip(at(106_000)).is_empty());
    assert_eq!(t.phase().unwrap().kind, Kind::Rest);
    assert_eq!(t.remaining(at(106_000)), Duration::from_secs(30));
    assert_eq!(t.skip(at(107_000)), [Event::Finished]);
}

#[test]
fn thirty_minutes_in_random_steps_finishes_exactly_once() {
    // A small deterministic generator (xorshift) for steps of 1–400 ms.
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..5 {
        let start = Instant::now();
        let mut t = Timer::start(vec![Phase::new(Kind::Walk, 30 * 60, "Walk", "")], start);
        let deadline = start + Duration::from_secs(30 * 60);
        let mut now = start;
        let mut finished = 0;
        while now < deadline + Duration::from_secs(2) {
            now += Duration::from_millis(1 + next() % 400);
            for e in t.tick(now) {
                if e == Event::Finished {
                    finished += 1;
                    assert!(now >= deadline, "finished early");
                }
            }
        }
        assert_eq!(finished, 1);
        assert!(t.tick(now + Duration::from_secs(60)).is_empty());
    }
    assert!(timer(&[1]).phase().is_some());
}

/// Issue 20: a hold set cut short is a partial session. The timer knows when a hold or paced
/// rep was skipped with time left, or left before the last one ended; rests do not count.
#[test]
fn a_hold_set_cut_short() {
    let start = Instant::now();
    let at = |ms: u64| start + Duration::from_millis(ms);
    let set = || {
        let p = |kind, secs| Phase::new(kind, secs, "", "");
        vec![p(Kind::Ready, 5), p(Kind::Hold, 10), p(Kind::Rest, 5), p(Kind::Rep, 7), p(Kind::Rest, 30)]
    };
    // Run to the end by the clock: whole. Skipping the get-ready and the rests early: whole.
    let mut t = Timer::start(set(), start);
    t.tick(at(57_000));
    assert!(t.is_finished() && !t.cut_short(at(57_000)));
    let mut t = Timer::start(set(), start);
    t.skip(at(1_000)); // get ready
    t.tick(at(11_000)); // the hold ends on time; the rest begins
    t.skip(at(12_000)); // the rest, 4 s early
    t.tick(at(19_000)); // the rep ends on time
    assert_eq!(t.skip(at(20_000)), [Event::Finished], "the last rest, 26 s early");
    assert!(!t.cut_short(at(20_000)), "only rests were skipped");
    // A skip in the hold's last 2 s is a press before the bell, not a cut.
    let mut t = Timer::start(set(), start);
    t.skip(at(0));
    t.skip(at(8_500));
    t.tick(at(60_000));
    assert!(t.is_finished() && !t.cut_short(at(60_000)), "1.5 s left is not cut short");
    // n with 6 s of the hold left: cut, and it stays cut to the end.
    let mut t = Timer::start(set(), start);
    t.skip(at(0));
    t.skip(at(4_000));
    t.tick(at(60_000));
    assert!(t.is_finished() && t.cut_short(at(60_000)), "a hold skipped with 6 s left");
    // A paced rep skipped with time left counts too.
    let mut t = Timer::start(set(), start);
    t.tick(at(20_000)); // in the rep, 2 s into its 7
    t.skip(at(22_000));
    assert!(t.cut_short(at(22_000)), "a rep skipped with 5 s left");
    // Leaving (q, then y: count it) before the last hold or rep ended is cut short; after it,
    // in the last rest, it is whole.
    let t = Timer::start(set(), start);
    assert!(t.cut_short(at(1_000)), "left while getting ready: every hold is to come");
    let mut t = Timer::start(set(), start);
    t.tick(at(21_000));
    t.toggle_pause(at(21_000)); // the leave prompt pauses the timer
    assert!(t.cut_short(at(90_000)), "left in the rep, 4 s of it to go");
    let mut t = Timer::start(set(), start);
    t.tick(at(28_000));
    t.toggle_pause(at(28_000));
    assert!(!t.cut_short(at(28_000)), "left in the last rest: every hold was done");
}

/// Issue 26 item 5: `+ 15 s` then `n` after more than the prescribed hold is a whole hold; `n`
/// before the prescribed time is up still cuts it short.
#[test]
fn time_added_with_plus_is_extra_not_owed() {
    let start = Instant::now();
    let at = |ms: u64| start + Duration::from_millis(ms);
    let p = |kind, secs| Phase::new(kind, secs, "", "");
    let set = || vec![p(Kind::Ready, 5), p(Kind::Hold, 10), p(Kind::Rest, 5)];
    // 12 s held of a 10 s hold, 13 s of the added 15 left: whole.
    let mut t = Timer::start(set(), start);
    t.skip(at(0));
    t.add_time(at(1_000));
    t.skip(at(12_000));
    assert!(!t.cut_short(at(12_000)), "more than the prescribed hold was done");
    // 5 s held of 10, with 15 s added: cut short.
    let mut t = Timer::start(set(), start);
    t.skip(at(0));
    t.add_time(at(1_000));
    t.skip(at(5_000));
    assert!(t.cut_short(at(5_000)), "less than the prescribed hold was done");
    // The next hold owes its own time: the extra does not carry over.
    let mut t = Timer::start(vec![p(Kind::Hold, 10), p(Kind::Hold, 10)], start);
    t.add_time(at(0));
    t.skip(at(11_000));
    t.skip(at(13_000));
    assert!(t.cut_short(at(13_000)), "the second hold was left after 2 s");
}

/// Issue 26 item 11: a paced rep names its part as it happens (2 s up, the pause held, 2 s
/// down); one set says no "Position 1 of 1", and the chair and towel versions have sets, not
/// the roller's positions.
#[test]
fn paced_reps_say_up_hold_down_as_they_happen() {
    let t = ex("thoracic-extension");
    let start = Instant::now();
    let at = |ms: u64| start + Duration::from_millis(ms);
    let mut timer = Timer::start(phases(&t, t.dose(1)), start); // 1 position × 5, 3 s pause
    timer.tick(at(5_000));
    let parts: Vec<String> =
        [5_000, 6_900, 7_000, 9_900, 10_000, 11_900].iter().map(|ms| timer.label(at(*ms))).collect();
    assert_eq!(parts, ["Up", "Up", "Hold", "Hold", "Down", "Down"]);
    assert_eq!(timer.phase().unwrap().position, "rep 1 of 5", "no Position 1 of 1");
    for id in ["chair", "towel"] {
        let v = t.as_variant(t.variant(id).unwrap());
        let p = phases(&v, t.dose(2));
        assert_eq!(p[1].position, "Set 1 of 2 · rep 1 of 5", "{id}");
        assert!(p.iter().all(|p| !p.position.contains("osition")), "{id}");
    }
}

/// Issue 26 item 13: the bird-dog's sides say which arm and leg, not "Left side".
#[test]
fn the_bird_dog_names_arm_and_leg() {
    let b = ex("bird-dog");
    let p = phases(&b, b.dose(1));
    let holds: Vec<&str> = p.iter().filter(|p| p.kind == Kind::Hold).map(|p| p.position.as_str()).collect();
    assert_eq!(holds[0], "Set 1 of 3 · rep 1 of 3 · Right arm, left leg");
    assert_eq!(holds[3], "Set 1 of 3 · rep 1 of 3 · Left arm, right leg");
    assert!(holds.iter().all(|h| !h.contains("side")));
}
