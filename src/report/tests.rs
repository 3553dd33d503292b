//! The report of the generated 12-week history: it parses as HTML5, every section and chart is
//! there, and the numbers in it are the log's.

use jiff::civil::{Date, date};
use scraper::{Html, Selector};

use super::*;
use crate::log::Activity;

const TODAY: Date = date(2026, 11, 24);

fn sample() -> (Vec<Entry>, Settings) {
    let settings = Settings { name: Some("Sam <Example>".into()), ..Settings::default() };
    (crate::progress::sample_history(&Catalog::builtin(), &settings, TODAY, 12), settings)
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    doc.select(&Selector::parse(css).unwrap()).collect()
}

fn text(e: &scraper::ElementRef) -> String {
    e.text().collect::<String>()
}

#[test]
fn every_section_and_chart_is_there_with_the_logs_numbers() {
    let (history, settings) = sample();
    let report = Report::build(&Catalog::builtin(), &settings, &history, TODAY, 12);
    let html = html(&report);
    let doc = Html::parse_document(&html);
    assert!(doc.errors.is_empty(), "HTML5 parse errors: {:?}", doc.errors);
    assert!(select(&doc, "script").is_empty(), "no scripts");
    assert!(
        !html.contains("http://") || !html.replace("http://www.w3.org/2000/svg", "").contains("http"),
        "no network"
    );
    assert!(html.contains("@page { size: A4"), "print CSS");
    for id in [
        "who",
        "for",
        "period",
        "statement",
        "summary",
        "routine",
        "pain",
        "psfs",
        "adherence",
        "walking",
        "dose-changes",
        "safety",
        "red-flags",
        "leg-symptoms",
        "flare-ups",
        "notes",
    ] {
        assert_eq!(select(&doc, &format!("#{id}")).len(), 1, "section #{id}");
    }
    for id in ["chart-pain", "chart-psfs", "chart-days", "chart-walk"] {
        assert_eq!(select(&doc, &format!("svg#{id}")).len(), 1, "chart #{id}");
    }
    assert_eq!(text(&select(&doc, "#for strong")[0]), "Sam <Example>", "the name, escaped and read back");
    // The check-ins' verdict by clinically important change, with its measure (turn 3, D).
    let m = crate::checkin::verdict(&history, TODAY).expect("the sample has check-ins");
    let verdict = text(&select(&doc, "#verdict")[0]);
    assert!(verdict.contains(words(m.verdict)) && verdict.contains(&m.describe()), "{verdict}");
    // 12 weeks of rows, and each check-in's pain in the chart and the table as logged.
    let checkins: Vec<(Date, u8)> =
        history.iter().filter(|e| e.kind == EntryKind::Checkin).map(|e| (e.date, e.pain.unwrap())).collect();
    assert_eq!(checkins.len(), 11);
    let rows = select(&doc, "#table-pain tbody tr");
    assert_eq!(rows.len(), 13, "the baseline row and 12 weeks");
    assert!(text(&rows[0]).starts_with("Baseline"));
    let weeks = &report.progress.weeks;
    // Each week's check-in is the one made the week after it (it asks about the last week).
    let about = |start: Date| {
        let (lo, hi) = (
            start.checked_add(jiff::ToSpan::days(7)).unwrap(),
            start.checked_add(jiff::ToSpan::days(13)).unwrap(),
        );
        checkins.iter().rev().find(|(d, _)| *d >= lo && *d <= hi).map(|(_, p)| *p)
    };
    for (row, week) in rows[1..].iter().zip(weeks) {
        let cells: Vec<String> = row.select(&Selector::parse("td").unwrap()).map(|c| text(&c)).collect();
        assert_eq!(
            cells[1],
            about(week.start).map_or("–".to_string(), |p| p.to_string()),
            "week of {}",
            week.start
        );
    }
    let dots: Vec<String> = select(&doc, "#chart-pain g[data-label=check-in] circle")
        .iter()
        .map(|c| c.value().attr("data-value").unwrap().to_string())
        .collect();
    let logged: Vec<String> = weeks.iter().filter_map(|w| about(w.start)).map(|p| p.to_string()).collect();
    assert_eq!(dots, logged);
    assert_eq!(dots.first(), Some(&checkins[1].1.to_string()), "the first week's: the second check-in");
    // Walk minutes per week: the bars' numbers are the logged minutes.
    let bars: Vec<u32> = select(&doc, "#chart-walk rect")
        .iter()
        .map(|r| r.value().attr("data-value").unwrap().parse().unwrap())
        .collect();
    let walked: u32 =
        history.iter().filter(|e| e.is_for("walk") && e.date >= report.from).filter_map(|e| e.minutes).sum();
    assert_eq!(report.from, date(2026, 9, 7), "12 whole weeks: the sample's first days are before them");
    assert_eq!(bars.iter().sum::<u32>(), walked);
    // Three PSFS lines, the last scores as logged.
    let last: &Vec<Activity> =
        &history.iter().rev().find(|e| e.kind == EntryKind::Checkin).unwrap().activities;
    for (i, a) in last.iter().enumerate() {
        let sel = format!("#chart-psfs g.series:nth-of-type({}) circle", i + 1);
        let last_dot = select(&doc, &sel).last().map(|c| c.value().attr("data-value").unwrap().to_string());
        assert_eq!(last_dot, Some(a.score.to_string()), "{}", a.name);
    }
    // Safety and notes: the GP sign and its clearing, the leg pause, the flare, the notes.
    let red = text(&select(&doc, "#red-flags")[0]);
    assert!(red.contains("See-a-GP sign reported") && red.contains("cleared"), "{red}");
    assert!(text(&select(&doc, "#leg-symptoms")[0]).contains("Bird-dog: pain down a leg"));
    assert_eq!(select(&doc, "#flare-ups tr").len(), 1);
    // One row per day and words (a walk's bouts share their note).
    let mut notes: Vec<(Date, &String)> = history
        .iter()
        .filter(|e| e.date >= report.from)
        .filter_map(|e| Some((e.date, e.note.as_ref()?)))
        .collect();
    notes.dedup();
    let notes = notes.len();
    assert!(text(&select(&doc, "#notes")[0]).contains("WalkWalked to the park"));
    assert_eq!(select(&doc, "#notes tr").len(), notes);
    // Every dose change has its row, the dose before and after as logged.
    let changes = select(&doc, "#dose-changes tbody tr");
    assert_eq!(changes.len(), report.changes.len());
    assert!(report.changes.iter().any(|c| c.reason.as_deref().is_some_and(|r| r.contains("easy sessions"))));
    assert!(report.changes.len() > 5);
}

#[test]
fn notes_cannot_add_markup() {
    let (mut history, settings) = sample();
    let last = history.iter().rposition(|e| e.kind == EntryKind::Done).unwrap();
    history[last].note = Some("<script>alert(1)</script> & \u{1b}[31m".into());
    let html = html(&Report::build(&Catalog::builtin(), &settings, &history, TODAY, 12));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; [31m"));
    assert!(select(&Html::parse_document(&html), "script").is_empty());
}

/// Issue 27: a synced note cannot reorder what a physiotherapist reads.
#[test]
fn bidi_controls_in_a_note_are_shown_not_applied() {
    let (mut history, settings) = sample();
    let last = history.iter().rposition(|e| e.kind == EntryKind::Done).unwrap();
    history[last].note = Some("pain \u{202e}01\u{202c} of 10 \u{2067}x\u{2069}".into());
    let html = html(&Report::build(&Catalog::builtin(), &settings, &history, TODAY, 12));
    assert!(!html.chars().any(crate::text::is_hidden_format));
    assert!(html.contains("pain \\u{202e}01\\u{202c} of 10 \\u{2067}x\\u{2069}"));
}
