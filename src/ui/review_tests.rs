//! Snapshots of the popups of issues 19 and 20: the morning question, a first walk bout's
//! rating, one leg or both, the longest lesson card, a hold set cut short and the harder form's
//! question, at 80×24, 100×30 and the 40×12 fallback.

use std::time::Instant;

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::*;
use crate::app::tests::{app, step, wall};
use crate::app::{Mode, Msg};

fn snap(name: &str, app: &crate::app::App) {
    let theme = Theme::new(false);
    for (w, h) in [(80, 24), (100, 30), (40, 12)] {
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        terminal.draw(|f| render_with(f, app, Instant::now(), &theme)).unwrap();
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), terminal.backend());
    }
}

#[test]
fn morning_legs_and_lesson_popups() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    app.mode = Mode::Morning;
    snap("morning_question", &app);
    app.mode = Mode::Today;
    step(&mut app, Msg::TickOff, Instant::now(), &wall());
    // The first walk bout of three: a partial session, and the prompt says so.
    snap("walk_bout_rating", &app);
    step(&mut app, Msg::Char('l'), Instant::now(), &wall());
    snap("one_leg_or_both", &app);
    // The longest lesson by words.
    let longest = (1..=8).max_by_key(|n| crate::lessons::LESSONS[n - 1].body.len()).unwrap();
    app.mode = Mode::Lesson(longest);
    snap("lesson_card", &app);
}

/// Issue 20: the rating of a hold set cut short says it holds the step; the harder form offered
/// on Today, `h`'s question, and Today once declined (each checked for cut text).
#[test]
fn cut_short_and_harder_form() {
    let t = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    crate::app::review_tests::ready_for_feet(dir.path());
    let mut app = app(dir.path());
    app.selected = app.day.items.iter().position(|i| i.exercise.id == "curl-up").unwrap();
    step(&mut app, Msg::TickOff, t, &wall());
    let Mode::Feedback(p) = &mut app.mode else { panic!("the rating prompt") };
    p.partial = true;
    super::tests::snap("cut_short_rating", &app, t);
    app.mode = Mode::Today;
    app.selected = app.day.items.iter().position(|i| i.exercise.id == "side-bridge").unwrap();
    super::tests::snap("harder_offered", &app, t);
    step(&mut app, Msg::Char('h'), t, &wall());
    super::tests::snap("harder_question", &app, t);
    step(&mut app, Msg::Char('n'), t, &wall());
    app.message = None;
    super::tests::snap("harder_declined", &app, t);
}

/// Leaving a hold set under way: the question says counting it now is a cut-short session.
#[test]
fn leaving_a_hold_set_says_it_would_be_cut_short() {
    let t = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    app.selected = app.day.items.iter().position(|i| i.exercise.id == "curl-up").unwrap();
    for msg in [Msg::Confirm, Msg::NextPhase, Msg::Back] {
        step(&mut app, msg, t, &wall());
    }
    assert!(matches!(app.mode, Mode::Leave(_)), "{:?}", app.mode);
    super::tests::snap("leave_cut_short", &app, t);
}

/// Turn 3, F: the walk's last sessions read in the talk test's words; other exercises keep theirs.
#[test]
fn the_walks_last_time_reads_in_talk_test_words() {
    use crate::log::{Entry, EntryKind, Feedback};
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    let day = app.ctx.today.yesterday().unwrap();
    for (i, (id, f)) in
        [("walk", Feedback::Ok), ("walk", Feedback::Hard), ("curl-up", Feedback::Ok)].iter().enumerate()
    {
        let d = if i == 1 { day.yesterday().unwrap() } else { day };
        let mut e = Entry::new(format!("e{i}"), d, format!("{d}T08:0{i}:00+01:00"), EntryKind::Done);
        e.exercise = Some(id.to_string());
        e.feedback = Some(*f);
        e.pain = Some(0);
        app.ctx.store.append(e).unwrap();
    }
    app.ctx.load_recent().unwrap();
    app.day =
        crate::today::Day::build(&app.ctx.catalog, &app.ctx.settings, app.ctx.store.entries(), app.ctx.today);
    let screen = |app: &crate::app::App| {
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
        terminal.draw(|f| render_with(f, app, Instant::now(), &Theme::new(false))).unwrap();
        let buffer = terminal.backend().buffer().clone();
        (0..30)
            .map(|y| (0..100).map(|x| buffer[(x, y)].symbol()).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let walk = screen(&app);
    assert!(walk.contains("about right, pain 0") && walk.contains("too hard, pain 0"), "{walk}");
    app.selected = 3;
    let curl = screen(&app);
    assert!(curl.contains("Curl-up last time:") && curl.contains(" ok, pain 0"), "{curl}");
}
