//! The report's first page as HTML: "At a glance" (COACHING.md turn 3, H), sized for one A4
//! page. The full log follows it as an appendix (`html.rs`).

use std::fmt::Write;

use super::fmt::{date, esc, fmt_num};
use super::{Event, Report, words};

fn num(v: f64) -> String {
    fmt_num((v * 10.0).round() / 10.0)
}

fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The first page.
pub fn render(h: &mut String, r: &Report) {
    let g = &r.glance;
    h.push_str("<section id=\"glance\"><h2>At a glance</h2>");
    // Outcomes: baseline → now, the change and the verdict in words.
    h.push_str("<h3>Outcomes</h3>");
    if g.outcomes.is_empty() {
        h.push_str("<p class=\"none\" id=\"outcomes\">Not enough check-ins yet for a verdict (two, the latest within 14 days).</p>");
    } else {
        let (b, n) = g.window.map_or((String::new(), String::new()), |(b, n)| (date(b), date(n)));
        let _ = write!(
            h,
            "<table id=\"outcomes\"><thead><tr><th>Measure</th><th class=\"num\">Baseline ({b})</th>\
             <th class=\"num\">Now ({n})</th><th class=\"num\">Change</th><th>Verdict</th></tr></thead><tbody>"
        );
        for o in &g.outcomes {
            let change = o.now - o.baseline;
            let sign = if change > 0.0 {
                "+"
            } else if change < 0.0 {
                "−"
            } else {
                "±"
            };
            let _ = write!(
                h,
                "<tr class=\"outcome\"><td>{}</td><td class=\"num baseline\">{}</td><td class=\"num now\">{}</td>\
                 <td class=\"num change\">{sign}{}</td><td class=\"verdict\"><strong>{}</strong></td></tr>",
                match o.when {
                    Some((a, b)) =>
                        format!("{} <span class=\"small\">({} → {})</span>", esc(o.what), date(a), date(b)),
                    None => esc(o.what),
                },
                num(o.baseline),
                num(o.now),
                num(change.abs()),
                words(o.verdict)
            );
        }
        h.push_str("</tbody></table>");
        if let Some(m) = &r.verdict {
            let _ = write!(
                h,
                "<p class=\"small\" id=\"outcome-note\">Weekly check-ins. Baseline: the mean of the first two, or of the two \
                 4–6 weeks before the latest; now: the mean of the last two. A change that matters: pain 2 points or 30% \
                 (Ostelo 2008), the activities' mean 2 (Stratford 1995); the RMDQ (Roland &amp; Fairbank 2000, every 4 weeks, \
                 optional), first against latest: 5 points or 30%. Overall: <strong>{}</strong> ({}).</p>",
                words(m.verdict),
                esc(&m.describe())
            );
        }
    }
    // Adherence as a share of the dose.
    h.push_str("<h3>Adherence</h3><ul id=\"adherence-glance\">");
    let ended = g.weeks.iter().filter(|w| !w.in_progress).count();
    match g.sessions_pct() {
        Some(pct) => {
            let (done, rx) = g
                .weeks
                .iter()
                .filter(|w| !w.in_progress)
                .fold((0, 0), |(d, p), w| (d + w.done.min(w.prescribed), p + w.prescribed));
            let _ = write!(
                h,
                "<li id=\"sessions-pct\">Sessions: <strong>{pct}%</strong> of those prescribed ({done} of {rx} in {}; \
                 stopped, paused or held as advised counts as done)</li>",
                plural(ended as u32, "week", "weeks")
            );
        }
        None => h.push_str("<li id=\"sessions-pct\">Sessions: no whole week yet.</li>"),
    }
    if let Some(pct) = g.walk_pct() {
        let (done, rx) = g
            .weeks
            .iter()
            .filter(|w| !w.in_progress)
            .fold((0, 0), |(d, p), w| (d + w.walk_minutes.min(w.walk_target), p + w.walk_target));
        let _ = write!(
            h,
            "<li id=\"walk-pct\">Walking: <strong>{pct}%</strong> of the weekly targets ({done} of {rx} minutes, each \
             week counted up to its target); \
             the guideline for maintenance is 150 minutes a week (e.g. 5 × 30)</li>"
        );
    }
    if let Some(w) = g.weeks.iter().find(|w| w.in_progress) {
        let _ = write!(
            h,
            "<li id=\"in-progress\">Week of {} in progress: {} of {} sessions, {} walk minutes so far (not counted above)</li>",
            date(w.start),
            w.done,
            w.prescribed,
            w.walk_minutes
        );
    }
    h.push_str("</ul>");
    tolerance(h, r);
    courses(h, r);
    // Restrictions.
    h.push_str("<h3>Restrictions</h3><p id=\"restrictions\">");
    h.push_str(&g.restrictions.iter().map(|s| esc(s)).collect::<Vec<_>>().join(" · "));
    h.push_str("</p></section>\n");
}

fn dated(events: &[Event]) -> String {
    events.iter().map(|e| format!("{} {}", date(e.date), esc(&e.what))).collect::<Vec<_>>().join("; ")
}

fn tolerance(h: &mut String, r: &Report) {
    let t = &r.glance.tolerance;
    let list = |l: &[(String, u32)]| {
        if l.is_empty() {
            "none".to_string()
        } else {
            l.iter().map(|(n, c)| format!("{} {c}", esc(n))).collect::<Vec<_>>().join(", ")
        }
    };
    h.push_str("<h3>Tolerance and safety</h3><ul id=\"tolerance\">");
    let _ = write!(
        h,
        "<li id=\"tol-stopped\">Sessions stopped for pain above 5: <strong>{}</strong></li>\
         <li id=\"tol-hard\">Hard ratings: {}</li>\
         <li id=\"tol-unsettled\">Mornings the back had not settled: <strong>{}</strong></li>\
         <li id=\"tol-cut\">Sessions cut short: <strong>{}</strong>; done as another form: {}</li>",
        t.stopped,
        list(&t.hard),
        t.not_settled,
        t.cut_short,
        list(&t.alternatives)
    );
    let reported = r.red_flags.iter().filter(|e| !e.what.contains("cleared")).count();
    let red = if r.red_flags.is_empty() { "none".to_string() } else { dated(&r.red_flags) };
    let _ = write!(h, "<li id=\"tol-red\">Red-flag signs reported: <strong>{reported}</strong> ({red})</li>");
    let pauses = r.leg.iter().filter(|e| e.what.contains("paused")).count() as u32;
    let leg = if r.leg.is_empty() { "none".to_string() } else { dated(&r.leg) };
    let _ = write!(h, "<li id=\"tol-leg\">Leg-symptom pauses: <strong>{pauses}</strong> ({leg})</li>");
    let rec = &r.progress.recurrences;
    let episodes: Vec<String> = rec
        .episodes
        .iter()
        .map(|e| format!("{} to {}", date(e.start), e.end.map_or("now".to_string(), date)))
        .collect();
    let _ = write!(
        h,
        "<li id=\"recurrences\">Flare-ups (activity-limiting episodes): <strong>{}</strong>{}</li>",
        esc(&rec.summary()),
        if episodes.is_empty() { String::new() } else { format!(" ({})", episodes.join("; ")) }
    );
    h.push_str("</ul>");
}

fn courses(h: &mut String, r: &Report) {
    h.push_str(
        "<h3>Exercises: start → best → now</h3><table id=\"courses\"><thead><tr><th>Exercise</th><th>Start</th>\
         <th>Best</th><th>Now</th><th>Steps back, and why</th></tr></thead><tbody>",
    );
    for c in &r.glance.courses {
        let backs = if c.step_backs.is_empty() {
            "none".to_string()
        } else {
            c.step_backs
                .iter()
                .map(|(d, what, why)| format!("{}: {} ({})", date(*d), esc(what), esc(why)))
                .collect::<Vec<_>>()
                .join("; ")
        };
        let _ = write!(
            h,
            "<tr class=\"course\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"small\">{backs}</td></tr>",
            esc(&c.name),
            esc(&c.start),
            esc(&c.best),
            esc(&c.now)
        );
    }
    h.push_str("</tbody></table>");
}
