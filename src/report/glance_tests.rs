//! The report's first page on three fixed histories (improving, unchanged, worsening): 12 weeks
//! of the sample with its check-ins rewritten, a goblet squat from its bodyweight start to
//! 28 kg with one step back, a pain-7 walk, a hard rating, two unsettled mornings, a session cut
//! short, a rest day, the GP sign, the leg pause and the flare-up. Parsed as HTML, each item of
//! issue 29 asserted.

use std::collections::BTreeMap;

use jiff::ToSpan;
use jiff::civil::{Date, date};
use scraper::{Html, Selector};

use super::*;
use crate::config::Override;
use crate::log::{Activity, Feedback};
use crate::strength::{LiftConfig, StrengthSettings};

const TODAY: Date = date(2026, 11, 24);

#[derive(Clone, Copy, Debug, PartialEq)]
enum Course {
    Improving,
    Unchanged,
    Worsening,
}

fn settings() -> Settings {
    let mut overrides = BTreeMap::new();
    overrides.insert("walk".to_string(), Override { enabled: None, start_step: None, cap_step: Some(21) });
    let mut lifts = BTreeMap::new();
    lifts.insert("goblet-squat".to_string(), LiftConfig { cap: Some(32.0), ..LiftConfig::default() });
    Settings {
        name: Some("Sam".into()),
        avoid_flexion: true,
        overrides,
        strength: StrengthSettings { lifts, ..StrengthSettings::default() },
        ..Settings::default()
    }
}

fn entry(n: &mut u32, d: Date, kind: EntryKind) -> Entry {
    *n += 1;
    Entry::new(format!("fixed-{n:04}"), d, format!("{d}T19:{:02}:00+01:00", *n % 60), kind)
}

/// The 11 weekly check-ins: pain and the three activities' score.
fn checkins(course: Course) -> ([u8; 11], [u8; 11]) {
    match course {
        Course::Improving => ([6, 6, 6, 6, 5, 5, 5, 4, 4, 3, 3], [3, 3, 3, 3, 4, 4, 5, 5, 6, 7, 7]),
        Course::Unchanged => ([5; 11], [4; 11]),
        Course::Worsening => ([3, 3, 3, 3, 3, 3, 4, 4, 5, 6, 6], [6, 6, 6, 6, 6, 6, 5, 5, 4, 3, 3]),
    }
}

fn history(course: Course) -> Vec<Entry> {
    let catalog = Catalog::builtin();
    let s = settings();
    let mut h = crate::progress::sample_history(&catalog, &s, TODAY, 12);
    let (pain, psfs) = checkins(course);
    for (i, e) in h.iter_mut().filter(|e| e.kind == EntryKind::Checkin).enumerate() {
        e.pain = Some(pain[i]);
        for a in &mut e.activities {
            a.score = psfs[i];
        }
    }
    let start = TODAY.checked_sub(84.days()).unwrap();
    let day = |d: i64| start.checked_add(d.days()).unwrap();
    // A pain-7 walk (stopped as advised), a hard rating, a session cut short.
    let walk = h.iter().position(|e| e.is_for("walk") && e.date == day(39)).unwrap();
    h[walk].pain = Some(7);
    let hard = h.iter().position(|e| e.is_for("bird-dog") && e.date == day(43)).unwrap();
    h[hard].feedback = Some(Feedback::Hard);
    let cut = h.iter().position(|e| e.is_for("side-bridge") && e.date == day(44)).unwrap();
    h[cut].partial = true;
    let mut n = 0;
    let mut extra = Vec::new();
    for d in [45, 46] {
        extra.push(entry(&mut n, day(d), EntryKind::NotSettled));
    }
    // A rest day: every exercise skipped with the same words.
    h.retain(|e| e.date != day(75) || e.kind != EntryKind::Done);
    for ex in s.routine(&catalog) {
        let mut e = entry(&mut n, day(75), EntryKind::Skipped);
        e.exercise = Some(ex.id.clone());
        e.reason = Some("rest day, visiting family".into());
        extra.push(e);
    }
    // The goblet squat twice a week from week 2: the bodyweight start, then 16 → 28 kg, with a
    // step back after two hard sessions.
    let loads: [Option<f64>; 14] = [
        None,
        None,
        Some(16.0),
        Some(18.0),
        Some(20.0),
        Some(22.0),
        Some(24.0),
        Some(24.0),
        Some(22.0),
        Some(24.0),
        Some(26.0),
        Some(26.0),
        Some(28.0),
        Some(28.0),
    ];
    for (i, load) in loads.iter().enumerate() {
        let d = day(14 + 4 * i as i64 + if i >= 4 { 8 } else { 0 });
        let mut e = entry(&mut n, d, EntryKind::Done);
        e.exercise = Some("goblet-squat".into());
        e.step = Some(1);
        e.load = *load;
        e.reps = Some(10);
        e.feedback = Some(if i == 6 || i == 7 { Feedback::Hard } else { Feedback::Ok });
        e.pain = Some(2);
        if load.is_none() {
            e.variant = Some("sit-to-stand".into());
        }
        extra.push(e);
    }
    // The RMDQ every 4 weeks: 12 yes, then the course's way.
    let rmdq: [usize; 3] = match course {
        Course::Improving => [12, 9, 6],
        Course::Unchanged => [12, 12, 11],
        Course::Worsening => [6, 9, 12],
    };
    for (i, yes) in rmdq.iter().enumerate() {
        let mut e = entry(&mut n, day(8 + 28 * i as i64), EntryKind::Rmdq);
        e.answers = Some((0..24).map(|k| if k < *yes { 'y' } else { 'n' }).collect());
        extra.push(e);
    }
    h.extend(extra);
    h.sort_by_key(|a| a.date);
    h
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    doc.select(&Selector::parse(css).unwrap()).collect()
}

fn text(doc: &Html, css: &str) -> String {
    select(doc, css).iter().map(|e| e.text().collect::<String>()).collect::<Vec<_>>().join("\n")
}

fn report(course: Course) -> (Report, Html) {
    let r = Report::build(&Catalog::builtin(), &settings(), &history(course), TODAY, 12);
    let doc = Html::parse_document(&html(&r));
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    (r, doc)
}

#[test]
fn verdict_words_per_measure_with_baseline_and_change() {
    // (course, pain baseline → now, PSFS mean baseline → now, the words of both)
    let cases = [
        (Course::Improving, ("5", "3", "−2"), ("4.5", "7", "+2.5"), "important improvement"),
        (Course::Unchanged, ("5", "5", "±0"), ("4", "4", "±0"), "no important change"),
        (Course::Worsening, ("3.5", "6", "+2.5"), ("5.5", "3", "−2.5"), "important worsening"),
    ];
    for (course, pain, psfs, words) in cases {
        let (_, doc) = report(course);
        let rows = select(&doc, "#outcomes tr.outcome");
        assert_eq!(rows.len(), 3, "{course:?}: pain, PSFS, RMDQ");
        let rmdq = match course {
            Course::Improving => ("12", "6", "−6"),
            Course::Unchanged => ("12", "11", "−1"),
            Course::Worsening => ("6", "12", "+6"),
        };
        let first: String = rows[2].text().collect();
        assert!(first.starts_with("Disability, RMDQ (0–24) (9 Sep 2026 → 4 Nov 2026)"), "{first}");
        for (row, (b, n, c)) in rows.iter().zip([pain, psfs, rmdq]) {
            let cell = |class: &str| {
                row.select(&Selector::parse(&format!("td.{class}")).unwrap())
                    .map(|e| e.text().collect::<String>())
                    .collect::<String>()
            };
            assert_eq!(
                (cell("baseline"), cell("now"), cell("change")),
                (b.into(), n.into(), c.into()),
                "{course:?}"
            );
            assert_eq!(cell("verdict"), words, "{course:?}");
        }
        assert!(text(&doc, "#outcome-note").contains(words), "{course:?}");
        assert!(text(&doc, "#outcomes thead").contains("Baseline (13 Oct 2026)"), "{course:?}");
    }
}

#[test]
fn baseline_row_check_in_windows_and_the_week_in_progress() {
    for course in [Course::Improving, Course::Unchanged, Course::Worsening] {
        let (r, doc) = report(course);
        let (pain, _) = checkins(course);
        let rows = select(&doc, "#table-pain tbody tr");
        // The baseline (the first check-in, about the week before the span) and 12 weeks.
        assert_eq!(rows.len(), 13, "{course:?}");
        let first: String = rows[0].text().collect();
        assert!(first.starts_with("Baseline") && first.contains("8 Sep 2026"), "{first}");
        assert!(first.contains(&pain[0].to_string()), "{first}");
        // Each week shows the check-in made the week after it: week 1's is the second check-in.
        let week1: String = rows[1].text().collect();
        assert!(week1.starts_with("7 Sep 2026") && week1.contains(&pain[1].to_string()), "{week1}");
        // The current week is marked in progress; its check-in is not made yet.
        let last: String = rows[12].text().collect();
        assert!(last.contains("(in progress)") && last.contains('–'), "{last}");
        assert_eq!(select(&doc, "#table-psfs tbody tr.baseline").len(), 1);
        assert!(text(&doc, "#in-progress").contains("Week of 23 Nov 2026 in progress"));
        assert!(r.glance.weeks.last().unwrap().in_progress);
        assert!(r.glance.weeks[..11].iter().all(|w| !w.in_progress));
    }
}

#[test]
fn adherence_is_a_share_of_the_prescribed_sessions() {
    let (r, doc) = report(Course::Unchanged);
    // 6 routine exercises on 5 days a week.
    assert!(r.glance.weeks.iter().all(|w| w.prescribed == 30));
    let pct = r.glance.sessions_pct().unwrap();
    assert!(pct < 100, "a flare week and a rest day are missed sessions: {pct}");
    assert!(text(&doc, "#sessions-pct").contains(&format!("{pct}% of those prescribed")));
    assert!(text(&doc, "#walk-pct").contains("% of the weekly targets"));
    // The chart draws each week's share against a 100% line: a week with few sessions is short.
    let bars: Vec<f64> = select(&doc, "#chart-days rect")
        .iter()
        .map(|b| b.value().attr("data-value").unwrap().parse().unwrap())
        .collect();
    assert_eq!(bars.len(), 12);
    for (bar, w) in bars.iter().zip(&r.glance.weeks) {
        let want = (f64::from(w.done.min(w.prescribed)) * 100.0 / f64::from(w.prescribed)).round();
        assert_eq!(*bar, want, "week of {}", w.start);
    }
    assert!(bars[11] < 50.0, "the week in progress is not drawn as met");
    assert!(!text(&doc, "#table-adherence").contains(" of 5"), "no \"6 of 5\" complete days");
}

#[test]
fn tolerance_counts_and_safety_agree() {
    let (r, doc) = report(Course::Worsening);
    let t = &r.glance.tolerance;
    assert_eq!(t.stopped, 1, "the pain-7 walk");
    assert_eq!(t.not_settled, 2);
    assert_eq!(t.cut_short, 1);
    assert!(t.hard.contains(&("Bird-dog".to_string(), 1)), "{:?}", t.hard);
    assert!(t.hard.contains(&("Goblet squat".to_string(), 2)), "{:?}", t.hard);
    assert!(
        t.alternatives.contains(&("Goblet squat: Sit-to-stand, no weight".to_string(), 2)),
        "{:?}",
        t.alternatives
    );
    assert!(text(&doc, "#tol-stopped").contains("pain above 5: 1"));
    assert!(text(&doc, "#tol-unsettled").contains(": 2"));
    // The GP sign is a red flag; the leg pause is listed as such, not hidden behind "0".
    assert!(text(&doc, "#tol-red").starts_with("Red-flag signs reported: 1"), "{}", text(&doc, "#tol-red"));
    let leg = text(&doc, "#tol-leg");
    assert!(leg.starts_with("Leg-symptom pauses: 1") && leg.contains("Bird-dog"), "{leg}");
    assert!(text(&doc, "#summary").contains("1 red-flag sign reported; 1 leg-symptom pause"));
    // The flare-up as a recurrence.
    let rec = text(&doc, "#recurrences");
    assert!(
        rec.contains("1 flare-up; 49 days since the last ended") && rec.contains("30 Sep 2026 to 6 Oct 2026"),
        "{rec}"
    );
}

#[test]
fn one_line_per_exercise_with_loads_restrictions_and_names() {
    let (r, doc) = report(Course::Improving);
    let rows = select(&doc, "#courses tr.course");
    assert_eq!(rows.len(), r.glance.courses.len());
    let squat = r.glance.courses.iter().find(|c| c.name == "Goblet squat").expect("the lift's line");
    assert_eq!(squat.start, "10 reps, sit-to-stand, no weight");
    assert_eq!((squat.best.as_str(), squat.now.as_str()), ("10 reps at 28 kg", "10 reps at 28 kg"));
    assert_eq!(squat.step_backs.len(), 1);
    assert!(squat.step_backs[0].1 == "10 reps at 24 kg → 10 reps at 22 kg", "{:?}", squat.step_backs);
    let line = text(&doc, "#courses");
    assert!(line.contains("16 kg") || line.contains("28 kg"), "loads in words");
    assert!(!line.contains("Step 3 of 5") && !line.to_lowercase().contains("step 1 of"));
    // A step back of the routine says why (the flare-up).
    let walk = &r.glance.courses[0];
    assert_eq!(walk.name, "Walk");
    assert!(walk.step_backs.iter().any(|(_, _, why)| why.contains("Flare-up")), "{:?}", walk.step_backs);
    // Restrictions: level, avoid settings and the caps a clinician set.
    let restrictions = text(&doc, "#restrictions");
    for want in [
        "Level: beginner",
        "Avoids flexion",
        "Walk: capped at",
        "(step 21)",
        "Goblet squat: maintenance load 32 kg",
    ] {
        assert!(restrictions.contains(want), "{want}: {restrictions}");
    }
    // The routine's steps are of the user's cap, never past it.
    let routine = text(&doc, "#routine");
    assert!(routine.contains("of 21") && !routine.contains("of 29"), "{routine}");
    // A rest day is one note row.
    let notes: Vec<String> = select(&doc, "#notes tr")
        .iter()
        .map(|r| r.text().collect())
        .filter(|t: &String| t.contains("visiting"))
        .collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(notes[0].contains("6 exercises (skipped)"), "{notes:?}");
    // The first page comes before the appendix.
    let html = html(&r);
    assert!(html.find("id=\"glance\"").unwrap() < html.find("id=\"appendix\"").unwrap());
    assert!(html.find("id=\"appendix\"").unwrap() < html.find("id=\"summary\"").unwrap());
}

#[test]
fn a_lift_done_only_as_its_start_is_named_as_done() {
    let catalog = Catalog::builtin();
    let s = settings();
    let mut n = 0;
    let h: Vec<Entry> = (0..3)
        .map(|i| {
            let mut e = entry(&mut n, TODAY.checked_sub((10 - i).days()).unwrap(), EntryKind::Done);
            e.exercise = Some("goblet-squat".into());
            e.variant = Some("sit-to-stand".into());
            e.reps = Some(8 + i as u32);
            e
        })
        .collect();
    let c = super::course::courses(&catalog, &s, &h, TODAY.checked_sub(30.days()).unwrap(), TODAY);
    let squat = c.iter().find(|c| c.now.contains("no weight")).unwrap();
    assert_eq!(squat.name, "Sit-to-stand, no weight (start of the goblet squat)");
    assert_eq!(
        (squat.start.as_str(), squat.best.as_str()),
        ("8 reps, sit-to-stand, no weight", "10 reps, sit-to-stand, no weight")
    );
    let _ = Activity { name: String::new(), score: 0 };
}
