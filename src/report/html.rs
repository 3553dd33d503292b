//! The report as one self-contained HTML file: inline CSS (with A4 print rules and page
//! breaks) and inline SVG charts; no scripts, no fonts, no network. Every text from the log or
//! the config is escaped here, so a note cannot add markup.

use std::fmt::Write;

use super::fmt::{date, esc, fmt_num};
use super::svg::{self, Series};
use super::{Event, Report};

/// The page's style sheet, screen and print (A4, page breaks).
const CSS: &str = concat!("\n", include_str!("report.css"));

/// Colours of the PSFS activities, in order.
const PALETTE: [&str; 3] = ["#1f77b4", "#2ca02c", "#9467bd"];
const PAIN: &str = "#c0392b";

fn opt(v: Option<f64>) -> String {
    v.map_or("–".to_string(), fmt_num)
}

/// The report as an HTML document.
pub fn render(r: &Report) -> String {
    let p = &r.progress;
    let labels: Vec<String> = p.weeks.iter().map(|w| w.start.strftime("%-d %b").to_string()).collect();
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Back exercise report, {} to {}</title><style>{CSS}</style></head><body>\n",
        date(r.from),
        date(r.to)
    );
    h.push_str("<header id=\"who\"><h1>Back exercise report</h1>");
    if let Some(name) = &r.name {
        let _ = write!(h, "<p class=\"meta\" id=\"for\">For <strong>{}</strong></p>", esc(name));
    }
    let _ = writeln!(
        h,
        "<p class=\"meta\" id=\"period\">Period: {} to {} ({} week{}) · made by upright</p></header>",
        date(r.from),
        date(r.to),
        p.weeks.len(),
        if p.weeks.len() == 1 { "" } else { "s" }
    );
    h.push_str(
        "<p class=\"statement\" id=\"statement\">This is a self-report: the person above logged these sessions, \
         pain scores and check-ins themselves in an exercise app. It is not a diagnosis or a clinical assessment, \
         and the doses follow general rules, not a prescription.</p>\n",
    );
    super::glance_html::render(&mut h, r);
    h.push_str("<h2 class=\"page-break appendix\" id=\"appendix\">Appendix: the full log</h2>\n");
    summary(&mut h, r);
    routine(&mut h, r);
    pain(&mut h, r, &labels);
    psfs(&mut h, r, &labels);
    adherence(&mut h, r, &labels);
    changes(&mut h, r);
    safety(&mut h, r);
    notes(&mut h, r);
    h.push_str("</body></html>\n");
    h
}

fn summary(h: &mut String, r: &Report) {
    let p = &r.progress;
    h.push_str("<section id=\"summary\"><h2>Summary</h2><ul>");
    match p.pain_change() {
        Some((a, b)) => {
            let _ = write!(
                h,
                "<li>Average back pain (weekly check-in, 0–10), first and latest: <strong>{a} → {b}</strong></li>"
            );
        }
        None => h.push_str("<li>No weekly check-ins with a pain score in this period.</li>"),
    }
    if let Some(m) = &r.verdict {
        let _ = write!(
            h,
            "<li id=\"verdict\">Check-ins against their baseline (a change that matters: pain 2 points or 30%, \
             activities 2): <strong>{}</strong>, {}</li>",
            super::words(m.verdict),
            esc(&m.describe())
        );
    }
    for (i, name) in p.activities.iter().enumerate() {
        if let Some((a, b)) = p.psfs_change(i) {
            let _ =
                write!(h, "<li>“{}” (0 unable – 10 as before): <strong>{a} → {b}</strong></li>", esc(name));
        }
    }
    let n = p.weeks.len().max(1) as f64;
    let days: u32 = p.weeks.iter().map(|w| w.days_exercised).sum();
    let walk: u32 = p.weeks.iter().map(|w| w.walk_minutes).sum();
    let _ = write!(
        h,
        "<li>Exercised on {days} days, {} a week on average; walked {walk} minutes, {} a week.</li>",
        fmt_num((f64::from(days) / n * 10.0).round() / 10.0),
        fmt_num((f64::from(walk) / n).round())
    );
    let _ = write!(h, "<li>{} dose change{}; ", r.changes.len(), if r.changes.len() == 1 { "" } else { "s" });
    let reported = r.red_flags.iter().filter(|e| !e.what.contains("cleared")).count();
    let _ = write!(h, "{reported} red-flag sign{} reported; ", if reported == 1 { "" } else { "s" });
    let pauses = r.leg.iter().filter(|e| e.what.contains("paused")).count();
    let _ = write!(h, "{pauses} leg-symptom pause{}; ", if pauses == 1 { "" } else { "s" });
    let _ =
        write!(h, "{} flare-up period{}.</li>", r.flares.len(), if r.flares.len() == 1 { "" } else { "s" });
    h.push_str("</ul></section>\n");
}

fn routine(h: &mut String, r: &Report) {
    h.push_str("<section id=\"routine\"><h2>Current routine</h2><table><thead><tr><th>Exercise</th><th>Today's dose</th><th class=\"num\">Step of the cap</th></tr></thead><tbody>");
    for (name, dose, step) in &r.routine {
        let step = step.map_or("–".to_string(), |(step, cap)| format!("{step} of {cap}"));
        let _ =
            write!(h, "<tr><td>{}</td><td>{}</td><td class=\"num\">{step}</td></tr>", esc(name), esc(dose));
    }
    h.push_str("</tbody></table></section>\n");
}

fn legend(h: &mut String, items: &[(&str, &str, bool)]) {
    h.push_str("<p class=\"legend\">");
    for (label, color, dashed) in items {
        let class = if *dashed { " class=\"dashed\"" } else { "" };
        let _ = write!(h, "<span><i{class} style=\"border-color:{color}\"></i>{}</span>", esc(label));
    }
    h.push_str("</p>");
}

/// The week a check-in row is about, with the in-progress mark on the current week.
fn week_cell(r: &Report, start: jiff::civil::Date) -> String {
    let end = start.checked_add(jiff::ToSpan::days(6)).unwrap_or(start);
    if end >= r.to {
        format!("{} <em class=\"in-progress\">(in progress)</em>", date(start))
    } else {
        date(start)
    }
}

fn baseline_label(c: &crate::checkin::Checkin) -> String {
    format!("Baseline <span class=\"small\">(check-in of {})</span>", date(c.date))
}

fn pain(h: &mut String, r: &Report, labels: &[String]) {
    let w = &r.progress.weeks;
    h.push_str("<section id=\"pain\"><div class=\"keep\"><h2>Pain</h2><figure>");
    let series = [
        Series {
            label: "check-in",
            values: w.iter().map(|w| r.about(w.start).and_then(|c| c.pain).map(f64::from)).collect(),
            color: PAIN,
            dashed: false,
        },
        Series {
            label: "during sessions",
            values: w.iter().map(|w| w.session_pain).collect(),
            color: PAIN,
            dashed: true,
        },
    ];
    h.push_str(&svg::line_chart("chart-pain", "Back pain per week, 0 to 10", labels, 10.0, &series));
    legend(
        h,
        &[
            ("weekly check-in about that week (made the week after)", PAIN, false),
            ("average highest pain during sessions", PAIN, true),
        ],
    );
    h.push_str("</figure></div><table id=\"table-pain\"><thead><tr><th>Week of</th><th class=\"num\">Check-in pain (about that week)</th><th class=\"num\">Session pain</th></tr></thead><tbody>");
    if let Some(c) = r.baseline() {
        let _ = write!(
            h,
            "<tr class=\"baseline\"><td>{}</td><td class=\"num\">{}</td><td class=\"num\">–</td></tr>",
            baseline_label(c),
            opt(c.pain.map(f64::from))
        );
    }
    for row in w {
        let _ = write!(
            h,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            week_cell(r, row.start),
            opt(r.about(row.start).and_then(|c| c.pain).map(f64::from)),
            opt(row.session_pain)
        );
    }
    h.push_str("</tbody></table></section>\n");
}

fn psfs(h: &mut String, r: &Report, labels: &[String]) {
    let p = &r.progress;
    h.push_str(
        "<section id=\"psfs\"><div class=\"keep\"><h2>Function: Patient-Specific Functional Scale</h2>",
    );
    h.push_str(
        "<p>Activities the person chose, each rated 0 (unable to do) to 10 (as before the problem), at the check-in \
         the week after.</p>",
    );
    if p.activities.is_empty() {
        h.push_str("<p class=\"none\">No activities rated in this period.</p></div></section>\n");
        return;
    }
    let score = |c: Option<&crate::checkin::Checkin>, name: &str| {
        c.and_then(|c| c.activities.iter().find(|a| a.name == name)).map(|a| f64::from(a.score))
    };
    let series: Vec<Series> = p
        .activities
        .iter()
        .enumerate()
        .map(|(i, name)| Series {
            label: name,
            values: p.weeks.iter().map(|w| score(r.about(w.start), name)).collect(),
            color: PALETTE[i % PALETTE.len()],
            dashed: false,
        })
        .collect();
    h.push_str("<figure>");
    h.push_str(&svg::line_chart("chart-psfs", "Activity scores per week, 0 to 10", labels, 10.0, &series));
    let items: Vec<(&str, &str, bool)> = p
        .activities
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_str(), PALETTE[i % PALETTE.len()], false))
        .collect();
    legend(h, &items);
    h.push_str("</figure></div><table id=\"table-psfs\"><thead><tr><th>Week of</th>");
    for name in &p.activities {
        let _ = write!(h, "<th class=\"num\">{}</th>", esc(name));
    }
    h.push_str("</tr></thead><tbody>");
    if let Some(c) = r.baseline() {
        let _ = write!(h, "<tr class=\"baseline\"><td>{}</td>", baseline_label(c));
        for name in &p.activities {
            let _ = write!(h, "<td class=\"num\">{}</td>", opt(score(Some(c), name)));
        }
        h.push_str("</tr>");
    }
    for row in &p.weeks {
        let _ = write!(h, "<tr><td>{}</td>", week_cell(r, row.start));
        for name in &p.activities {
            let _ = write!(h, "<td class=\"num\">{}</td>", opt(score(r.about(row.start), name)));
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table></section>\n");
}

fn adherence(h: &mut String, r: &Report, labels: &[String]) {
    let p = &r.progress;
    let g = &r.glance;
    let pct = |done: u32, of: u32| {
        if of == 0 { 0.0 } else { (f64::from(done.min(of)) * 100.0 / f64::from(of)).round() }
    };
    let sessions: Vec<f64> = g.weeks.iter().map(|w| pct(w.done, w.prescribed)).collect();
    let walk: Vec<f64> = p.weeks.iter().map(|w| f64::from(w.walk_minutes)).collect();
    let labels: Vec<String> = labels
        .iter()
        .zip(&g.weeks)
        .map(|(l, w)| if w.in_progress { format!("{l} (so far)") } else { l.clone() })
        .collect();
    h.push_str("<section id=\"adherence\"><div class=\"keep\"><h2>Adherence</h2><figure>");
    let title = "Sessions done per week, % of those prescribed (dashed: all of them)";
    h.push_str(&svg::bar_chart("chart-days", title, &labels, &sessions, Some(100.0)));
    h.push_str(
        "<figcaption>Sessions done (stopped, paused or held as advised counts as done) as a share of the \
         sessions prescribed: the routine on ",
    );
    let _ =
        write!(h, "{} days a week. The last week is in progress.</figcaption></figure></div>", p.days_target);
    h.push_str("<section id=\"walking\"><h3>Walking</h3><figure>");
    let target = g.weeks.iter().rev().find(|w| !w.in_progress).map(|w| f64::from(w.walk_target));
    h.push_str(&svg::bar_chart(
        "chart-walk",
        "Walk minutes per week (dashed: the weekly target)",
        &labels,
        &walk,
        target.filter(|t| *t > 0.0),
    ));
    h.push_str("</figure></section>");
    let _ = write!(
        h,
        "<table id=\"table-adherence\"><thead><tr><th>Week of</th><th class=\"num\">Sessions done</th>\
         <th class=\"num\">Share</th><th class=\"num\">Complete days (target {})</th><th class=\"num\">Walk minutes</th>\
         <th class=\"num\">Stopped as advised</th></tr></thead><tbody>",
        p.days_target
    );
    for (w, d) in p.weeks.iter().zip(&g.weeks) {
        let mark = if d.in_progress { " <em class=\"in-progress\">(in progress)</em>" } else { "" };
        let walk = if d.walk_target > 0 {
            format!("{} of {}", w.walk_minutes, d.walk_target)
        } else {
            w.walk_minutes.to_string()
        };
        let _ = write!(
            h,
            "<tr><td>{}{mark}</td><td class=\"num\">{} of {}</td><td class=\"num\">{}%</td><td class=\"num\">{}</td><td class=\"num\">{walk}</td><td class=\"num\">{}</td></tr>",
            date(w.start),
            d.done,
            d.prescribed,
            pct(d.done, d.prescribed),
            w.complete_days,
            w.as_advised
        );
    }
    h.push_str("</tbody></table><p class=\"note\">Stopped as advised: exercises stopped for pain above 5, paused for pain down a leg, or held on a morning the back had not settled. Following that advice counts toward a complete day; it is never a missed exercise.</p></section>\n");
}

fn changes(h: &mut String, r: &Report) {
    h.push_str("<section id=\"dose-changes\"><h2>Dose changes</h2>");
    if r.changes.is_empty() {
        h.push_str("<p class=\"none\">No dose changed in this period.</p></section>\n");
        return;
    }
    h.push_str("<table><thead><tr><th>Date</th><th>Exercise</th><th>From</th><th>To</th><th>Why</th></tr></thead><tbody>");
    for c in &r.changes {
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            date(c.date),
            esc(&c.exercise),
            esc(&c.from),
            esc(&c.to),
            esc(c.reason.as_deref().unwrap_or("–"))
        );
    }
    h.push_str("</tbody></table></section>\n");
}

fn events(h: &mut String, id: &str, title: &str, events: &[Event], none: &str) {
    let _ = write!(h, "<section id=\"{id}\"><h3>{title}</h3>");
    if events.is_empty() {
        let _ = write!(h, "<p class=\"none\">{none}</p></section>");
        return;
    }
    h.push_str("<table><tbody>");
    for e in events {
        let _ = write!(h, "<tr><td>{}</td><td>{}</td></tr>", date(e.date), esc(&e.what));
    }
    h.push_str("</tbody></table></section>");
}

fn safety(h: &mut String, r: &Report) {
    h.push_str("<section id=\"safety\"><h2>Safety record</h2>");
    events(h, "red-flags", "Red flags reported and cleared", &r.red_flags, "None reported.");
    events(h, "leg-symptoms", "Pain down a leg: exercise pauses", &r.leg, "None reported.");
    h.push_str("<section id=\"flare-ups\"><h3>Flare-up periods</h3>");
    if r.flares.is_empty() {
        h.push_str("<p class=\"none\">None.</p>");
    } else {
        h.push_str("<table><tbody>");
        for (from, to) in &r.flares {
            let to = to.map_or("still on".to_string(), date);
            let _ = write!(h, "<tr><td>{}</td><td>to {to}</td></tr>", date(*from));
        }
        h.push_str("</tbody></table>");
    }
    h.push_str("</section></section>\n");
}

fn notes(h: &mut String, r: &Report) {
    h.push_str("<section id=\"notes\"><h2>The person's notes</h2>");
    if r.notes.is_empty() {
        h.push_str("<p class=\"none\">No notes in this period.</p></section>\n");
        return;
    }
    h.push_str("<table><tbody>");
    for (d, about, text) in &r.notes {
        let _ = write!(h, "<tr><td>{}</td><td>{}</td><td>{}</td></tr>", date(*d), esc(about), esc(text));
    }
    h.push_str("</tbody></table></section>\n");
}
