use std::time::{Duration, Instant};

use jiff::Zoned;

use super::*;
use crate::catalog::Catalog;
use crate::config::Settings;
use crate::session;
use crate::state::{EntryKind, Feedback, Store};

pub const NOW: &str = "2026-11-24T07:30:00+01:00[Europe/Berlin]";

/// An app over a fresh temp data dir at a pinned wall time.
pub fn app(dir: &std::path::Path) -> App {
    app_with(dir, Catalog::builtin(), Settings::default())
}

/// An app over the data dir `dir` with this catalog and these settings, at the pinned wall time,
/// on Today.
pub fn app_with(dir: &std::path::Path, catalog: Catalog, settings: Settings) -> App {
    let now: Zoned = NOW.parse().unwrap();
    let today = settings.coaching_date(&now);
    let ctx =
        Ctx { catalog, settings, store: Store::open(dir), now, today, config_path: dir.join("config.toml") };
    let mut app = App::new(ctx, true, TestHooks::default()).unwrap();
    // These tests start after the first run; `onboarding` tests start before it.
    app.mode = Mode::Today;
    app
}

/// Sends `msg` and carries out what it asks on the real store, as the loop does; returns the
/// effects in order (the outcomes fed back included).
pub fn step(app: &mut App, msg: Msg, now: Instant, wall: &Zoned) -> Vec<Effect> {
    let mut seen = Vec::new();
    let mut effect = app.update(msg, now, wall);
    while let Some(e) = effect.take() {
        seen.push(e.clone());
        if let Some(outcome) = apply(&mut app.ctx, e) {
            effect = app.update(outcome, now, wall);
        }
    }
    seen
}

pub fn wall() -> Zoned {
    NOW.parse().unwrap()
}

#[test]
fn a_whole_guided_exercise_ends_in_a_saved_entry() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let t0 = Instant::now();
    let at = |s: u64| t0 + Duration::from_secs(s);
    step(&mut app, Msg::Down, t0, &wall());
    step(&mut app, Msg::Confirm, t0, &wall());
    let Mode::Timer(run) = &app.mode else { panic!("timer started") };
    assert_eq!(run.id, "hamstring-stretch");
    let total = u64::from(session::total_secs(&run.timer.phases));
    assert_eq!(total, 5 + 4 * 30 + 2 * 5 + 30);
    // Walk the clock second by second, as the loop would, counting bells.
    let mut bells = 0;
    for s in 1..=total {
        bells += usize::from(app.tick(at(s), &wall()) == Some(Effect::Bell));
        if s < total {
            assert!(matches!(app.mode, Mode::Timer(_)), "still timing at {s} s");
            assert_eq!(app.next_wake(at(s), &wall()).map(|w| w - at(s)), Some(Duration::from_secs(1)));
        }
    }
    assert_eq!(bells, 4 + 3, "a bell after each hold and each rest");
    let Mode::Feedback(p) = &app.mode else { panic!("feedback asked") };
    assert_eq!(p.stage, Stage::Rating);
    for msg in [Msg::Char('1'), Msg::Char('2'), Msg::Confirm] {
        step(&mut app, msg, at(total + 1), &wall());
    }
    assert!(matches!(app.mode, Mode::Today));
    assert!(app.day.get("hamstring-stretch").unwrap().is_done());
    assert_eq!(
        app.message.as_deref(),
        Some("Saved: Chair hamstring stretch (2 × 30 s per side) for Tue 24 Nov ✓")
    );
    // It is on disk already, before any quit.
    let mut store = Store::open(dir.path());
    store.load_range(app.day.date, app.day.date).unwrap();
    let e = &store.entries()[0];
    assert_eq!(
        (e.exercise.as_deref(), e.step, e.feedback, e.pain, e.dose.as_deref()),
        (Some("hamstring-stretch"), Some(1), Some(Feedback::Easy), Some(2), Some("2 × 30 s per side"))
    );
    // Once the last flash is over, nothing moves: no wakeup until the coaching day rolls over.
    app.tick(at(total + 2), &wall());
    assert_eq!(app.next_wake(at(total + 2), &wall()).map(|w| w > at(total + 3600)), Some(true));
}

#[test]
fn tick_off_skip_undo_and_pain() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let t = Instant::now();
    let w = wall();
    // x on the walk: one bout of three, logged with its minutes.
    for msg in [Msg::TickOff, Msg::Char('2'), Msg::Confirm] {
        step(&mut app, msg, t, &w);
    }
    let walk = app.day.get("walk").unwrap();
    assert_eq!((walk.done, walk.needed, walk.dose_line()), (1, 3, "3 × 5 min walk, 1 of 3 done".to_string()));
    assert_eq!(app.ctx.store.entries()[0].minutes, Some(5));
    // s with a reason on the roller.
    app.selected = 2;
    step(&mut app, Msg::Skip, t, &w);
    for c in "sore neck".chars() {
        step(&mut app, Msg::Char(c), t, &w);
    }
    step(&mut app, Msg::Confirm, t, &w);
    assert!(app.day.items[2].skipped);
    let skip = app.ctx.store.entries().iter().find(|e| e.kind == EntryKind::Skipped).unwrap();
    assert_eq!(skip.reason.as_deref(), Some("sore neck"));
    // u says what it removes and waits for y (issue 26); another key leaves it.
    step(&mut app, Msg::Undo, t, &w);
    let Mode::Confirm { ask, .. } = &app.mode else { panic!("asks first: {:?}", app.mode) };
    assert_eq!(
        ask.question(),
        "Undo Foam-roller upper-back extension's skip for today (reason: sore neck)? It is removed from the log."
    );
    step(&mut app, Msg::Char('n'), t, &w);
    assert!(app.day.items[2].skipped, "n keeps it");
    step(&mut app, Msg::Undo, t, &w);
    step(&mut app, Msg::Char('y'), t, &w);
    assert!(!app.day.items[2].skipped);
    // Pain 7 ends curl-up for today and says so.
    app.selected = 3;
    for msg in [Msg::TickOff, Msg::Char('3'), Msg::Char('7'), Msg::Confirm] {
        step(&mut app, msg, t, &w);
    }
    assert!(app.message.as_deref().unwrap().starts_with("Pain 7 is too much: Curl-up is done for today"));
    assert!(app.day.items[3].rx.stopped);
    // Pain above 10 cannot be typed.
    app.selected = 4;
    for msg in [Msg::TickOff, Msg::Char('2'), Msg::Char('1'), Msg::Char('2')] {
        step(&mut app, msg, t, &w);
    }
    let Mode::Feedback(p) = &app.mode else { panic!() };
    assert_eq!(p.pain, "1");
}

#[test]
fn pause_leave_and_quit() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let t0 = Instant::now();
    let w = wall();
    step(&mut app, Msg::Confirm, t0, &w);
    step(&mut app, Msg::Pause, t0 + Duration::from_secs(2), &w);
    assert_eq!(
        app.next_wake(t0 + Duration::from_secs(50), &w).map(|x| x > t0 + Duration::from_secs(3600)),
        Some(true),
        "paused: asleep"
    );
    step(&mut app, Msg::Back, t0, &w);
    assert!(matches!(app.mode, Mode::Leave(_)));
    step(&mut app, Msg::Back, t0, &w);
    assert!(matches!(app.mode, Mode::Timer(_)), "Esc again keeps going");
    step(&mut app, Msg::Back, t0, &w);
    step(&mut app, Msg::Char('n'), t0, &w);
    assert!(matches!(app.mode, Mode::Today) && app.ctx.store.entries().is_empty());
    assert_eq!(step(&mut app, Msg::Back, t0, &w), [Effect::Quit]);
}

#[test]
fn a_walk_across_a_laptop_sleep_asks_what_to_count() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let t0 = Instant::now();
    step(&mut app, Msg::Confirm, t0, &wall());
    app.tick(t0 + Duration::from_secs(6), &wall());
    // 2 s of monotonic time, but the wall clock moved 20 minutes: the laptop slept.
    let later: Zoned = "2026-11-24T07:50:00+01:00[Europe/Berlin]".parse().unwrap();
    app.tick(t0 + Duration::from_secs(8), &later);
    let Mode::Slept { walked_min, .. } = &app.mode else { panic!("asked") };
    assert_eq!(*walked_min, 20);
    step(&mut app, Msg::Char('c'), t0 + Duration::from_secs(8), &later);
    let Mode::Feedback(p) = &app.mode else { panic!("feedback") };
    assert_eq!(p.minutes, Some(5), "the full walk, at most the bout");
}

#[test]
fn the_day_rolls_over_at_day_start() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let t = Instant::now();
    let late: Zoned = "2026-11-25T03:59:00+01:00[Europe/Berlin]".parse().unwrap();
    app.tick(t, &late);
    assert_eq!(app.day.date.to_string(), "2026-11-24");
    let wake = app.next_wake(t, &late).unwrap();
    assert_eq!(wake - t, Duration::from_secs(60));
    let morning: Zoned = "2026-11-25T04:00:00+01:00[Europe/Berlin]".parse().unwrap();
    app.tick(t, &morning);
    assert_eq!(app.day.date.to_string(), "2026-11-25");
}

#[test]
fn the_day_rolls_over_when_a_dst_gap_ends() {
    // Day start 02:30 on the night Berlin skips 02:00-03:00: the new day starts at 03:00 CEST.
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    app.ctx.settings.day_starts_at = jiff::civil::Time::constant(2, 30, 0, 0);
    let t = Instant::now();
    let night: Zoned = "2026-03-29T01:50:00+01:00[Europe/Berlin]".parse().unwrap();
    app.tick(t, &night);
    assert_eq!(app.day.date.to_string(), "2026-03-28");
    assert_eq!(app.next_wake(t, &night).unwrap() - t, Duration::from_secs(10 * 60));
    let after_gap: Zoned = "2026-03-29T03:00:00+02:00[Europe/Berlin]".parse().unwrap();
    app.tick(t, &after_gap);
    assert_eq!(app.day.date.to_string(), "2026-03-29");
}

/// Writes `entries` straight into month files (fast: no per-entry save).
pub fn seed(dir: &std::path::Path, entries: Vec<crate::state::Entry>) {
    let mut months: std::collections::BTreeMap<crate::state::MonthKey, crate::state::Month> =
        Default::default();
    for e in entries {
        months.entry(crate::state::MonthKey::of(e.date)).or_default().entries.push(e);
    }
    std::fs::create_dir_all(dir.join("history")).unwrap();
    for (key, month) in months {
        std::fs::write(dir.join("history").join(key.file_name()), month.to_toml()).unwrap();
    }
}

/// Every routine exercise done on each of `days` (three walk bouts), at step 1.
pub fn full_days(days: impl IntoIterator<Item = jiff::civil::Date>) -> Vec<crate::state::Entry> {
    let mut out = Vec::new();
    for d in days {
        for id in crate::catalog::DEFAULT_ROUTINE {
            for b in 0..if id == "walk" { 3 } else { 1 } {
                let mut e = crate::state::Entry::new(
                    format!("{d}-{id}-{b}"),
                    d,
                    format!("{d}T08:0{b}:00+01:00"),
                    EntryKind::Done,
                );
                e.exercise = Some(id.into());
                e.step = Some(1);
                e.feedback = Some(Feedback::Ok);
                out.push(e);
            }
        }
    }
    out
}

#[test]
fn the_week_screen_backfills_a_past_day() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let t = Instant::now();
    let w = wall();
    step(&mut app, Msg::Week, t, &w);
    let Mode::Week { data, day, .. } = &app.mode else { panic!("week screen") };
    assert_eq!((data.start.to_string(), *day), ("2026-11-23".to_string(), 1), "today is selected");
    // Monday, curl-up: tick off, rate, saved for Monday.
    for msg in [Msg::Left, Msg::Down, Msg::Down, Msg::Down, Msg::TickOff, Msg::Char('1'), Msg::Confirm] {
        step(&mut app, msg, t, &w);
    }
    let Mode::Week { data, row, day } = &app.mode else { panic!("back on the week screen") };
    assert_eq!((*row, *day), (3, 0));
    assert_eq!(data.mark(3, 0), "✓");
    let saved = app.ctx.store.entries().iter().find(|e| e.is_for("curl-up")).unwrap();
    assert_eq!(saved.date.to_string(), "2026-11-23");
    // A future day refuses; undo removes Monday's entry; [ and ] (PrevWeek/NextWeek) move weeks.
    for msg in [Msg::Right, Msg::Right, Msg::TickOff] {
        step(&mut app, msg, t, &w);
    }
    assert!(matches!(app.mode, Mode::Week { .. }));
    assert_eq!(
        app.message.as_deref(),
        Some("2026-11-25 has not come yet (today is 2026-11-24); nothing logged")
    );
    for msg in [Msg::Left, Msg::Left, Msg::Undo, Msg::Char('y')] {
        step(&mut app, msg, t, &w);
    }
    assert!(app.ctx.store.entries().iter().all(|e| !e.is_for("curl-up")));
    step(&mut app, Msg::PrevWeek, t, &w);
    let Mode::Week { data, .. } = &app.mode else { panic!() };
    assert_eq!(data.start.to_string(), "2026-11-16");
    step(&mut app, Msg::Back, t, &w);
    assert!(matches!(app.mode, Mode::Today));
}

/// Issue 13: `u` meeting a month file broken by hand while the app is open showed nothing and
/// ended the app with rc 1; now the error names the file on Today and the app stays.
#[test]
fn undo_on_a_month_broken_by_hand_shows_the_error_and_stays() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let (t, w) = (Instant::now(), wall());
    for msg in [Msg::TickOff, Msg::Char('2'), Msg::Confirm] {
        step(&mut app, msg, t, &w);
    }
    assert_eq!(app.day.get("walk").unwrap().done, 1);
    std::fs::write(dir.path().join("history/2026-11.toml"), "[[entry]]\nid = \"broken\nkind =\n").unwrap();
    app.selected = 0;
    step(&mut app, Msg::Undo, t, &w);
    let effects = step(&mut app, Msg::Char('y'), t, &w);
    assert!(matches!(&effects[..], [Effect::Remove { .. }]), "{effects:?}");
    assert!(matches!(app.mode, Mode::Today));
    let message = app.message.clone().unwrap();
    assert!(message.contains("2026-11.toml:"), "the file and line are named: {message}");
    assert_eq!(app.day.get("walk").unwrap().done, 1, "the view still shows what was there");
    // The app goes on.
    step(&mut app, Msg::Down, t, &w);
    assert_eq!(app.selected, 1);
}

/// Issue 15: after rating, the cursor moves to the next exercise not yet done (so Enter starts
/// what comes next), and a walk's first bout of three is not announced as the whole walk.
#[test]
fn rating_moves_the_cursor_on_and_a_first_bout_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let (t, w) = (Instant::now(), wall());
    for msg in [Msg::TickOff, Msg::Char('2'), Msg::Confirm] {
        step(&mut app, msg, t, &w);
    }
    let walk = app.day.get("walk").unwrap();
    assert!(walk.needed > 1, "the default walk has several bouts");
    let said = app.message.as_deref().unwrap_or_default();
    let bout = format!("Saved: Walk bout 1 of {} (", walk.needed);
    assert!(said.starts_with(&bout) && said.ends_with('.') && !said.contains('✓'), "{said}");
    assert_eq!(app.selected, 1, "on to the stretch");
    // Done with the stretch: the roller is next; from the last one it wraps to the walk.
    for msg in [Msg::TickOff, Msg::Char('1'), Msg::Confirm] {
        step(&mut app, msg, t, &w);
    }
    assert_eq!(
        (app.selected, app.message.as_deref()),
        (2, Some("Saved: Chair hamstring stretch (2 × 30 s per side) for Tue 24 Nov ✓"))
    );
    app.selected = 5;
    for msg in [Msg::TickOff, Msg::Char('2'), Msg::Confirm] {
        step(&mut app, msg, t, &w);
    }
    assert_eq!(app.selected, 0, "wraps round to the walk, which still has bouts to go");
}

/// Issue 15: flare-up mode from the app, asked first; `n` changes nothing.
#[test]
fn the_flare_key_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let (t, w) = (Instant::now(), wall());
    assert!(step(&mut app, Msg::Flare, t, &w).is_empty());
    assert!(matches!(&app.mode, Mode::Confirm { ask: crate::app::Ask::Flare { on: true }, .. }));
    assert!(step(&mut app, Msg::Char('n'), t, &w).is_empty());
    assert!(matches!(app.mode, Mode::Today) && app.day.banner.is_none());
    step(&mut app, Msg::Flare, t, &w);
    let effects = step(&mut app, Msg::Char('y'), t, &w);
    assert!(
        matches!(&effects[..], [Effect::Save(e)] if e.kind == crate::state::EntryKind::FlareOn),
        "{effects:?}"
    );
    assert!(matches!(app.day.banner, Some(crate::today::Banner::Flare { .. })));
    step(&mut app, Msg::Flare, t, &w);
    assert!(
        matches!(&app.mode, Mode::Confirm { ask: crate::app::Ask::Flare { on: false }, .. }),
        "the second time it offers to switch it off"
    );
}
