//! Plain SVG charts for the report: a line chart (gaps where a week has no value) and a bar
//! chart, on a 0..max scale with week labels. Our own small module rather than `plotters`: the
//! charts are two shapes of a few dozen points, and plain markup keeps the report free of
//! embedded fonts, keeps the dependency tree small, and lets tests read every number back.

use std::fmt::Write;

const W: f64 = 640.0;
const H: f64 = 200.0;
const LEFT: f64 = 36.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 28.0;

/// One line of a line chart.
pub struct Series<'a> {
    pub label: &'a str,
    pub values: Vec<Option<f64>>,
    pub color: &'a str,
    /// Lighter, dashed: a secondary series (session pain beside check-in pain).
    pub dashed: bool,
}

fn x(i: usize, n: usize) -> f64 {
    let span = W - LEFT - RIGHT;
    if n <= 1 { LEFT + span / 2.0 } else { LEFT + span * i as f64 / (n - 1) as f64 }
}

fn y(v: f64, max: f64) -> f64 {
    TOP + (H - TOP - BOTTOM) * (1.0 - (v / max).clamp(0.0, 1.0))
}

/// The frame: the opening tag with its accessible title, the y grid and the week labels.
fn frame(id: &str, title: &str, labels: &[String], max: f64, ticks: &[f64], bars: bool) -> String {
    let mut s = format!(
        r#"<svg id="{id}" class="chart" viewBox="0 0 {W} {H}" role="img" aria-labelledby="{id}-title" xmlns="http://www.w3.org/2000/svg"><title id="{id}-title">{}</title>"#,
        super::fmt::esc(title)
    );
    for t in ticks {
        let ty = y(*t, max);
        let _ = write!(
            s,
            r##"<line x1="{LEFT}" x2="{}" y1="{ty:.1}" y2="{ty:.1}" stroke="#ddd"/><text x="{}" y="{:.1}" class="tick" text-anchor="end">{t}</text>"##,
            W - RIGHT,
            LEFT - 6.0,
            ty + 4.0
        );
    }
    let n = labels.len();
    // Every label when they fit, else every other one (and always the last).
    let every = if n > 8 { 2 } else { 1 };
    for (i, label) in labels.iter().enumerate() {
        if i % every == 0 || i + 1 == n {
            let lx = if bars { bar_x(i, n) + bar_w(n) / 2.0 } else { x(i, n) };
            // A line's last point sits on the right edge: its label ends there, uncut.
            let (lx, anchor) = if !bars && n > 1 && i + 1 == n { (W - 2.0, "end") } else { (lx, "middle") };
            let _ = write!(
                s,
                r#"<text x="{lx:.1}" y="{}" class="tick" text-anchor="{anchor}">{}</text>"#,
                H - 8.0,
                label
            );
        }
    }
    s
}

/// A line chart of `series` over the weeks `labels`, scaled 0..`max`.
pub fn line_chart(id: &str, title: &str, labels: &[String], max: f64, series: &[Series]) -> String {
    let ticks: Vec<f64> = (0..=5).map(|i| max * f64::from(i) / 5.0).collect();
    let mut s = frame(id, title, labels, max, &ticks, false);
    let n = labels.len();
    for line in series {
        let dash = if line.dashed { r#" stroke-dasharray="5 4" stroke-opacity="0.6""# } else { "" };
        // One polyline per run of weeks with values: a week without one is a gap, not a zero.
        let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
        for (i, v) in line.values.iter().enumerate() {
            match v {
                Some(v) => runs.last_mut().expect("never empty").push((x(i, n), y(*v, max))),
                None => runs.push(Vec::new()),
            }
        }
        let _ = write!(s, r#"<g class="series" data-label="{}">"#, super::fmt::esc(line.label));
        for run in runs.iter().filter(|r| r.len() > 1) {
            let pts: Vec<String> = run.iter().map(|(px, py)| format!("{px:.1},{py:.1}")).collect();
            let _ = write!(
                s,
                r#"<polyline fill="none" stroke="{}" stroke-width="2"{dash} points="{}"/>"#,
                line.color,
                pts.join(" ")
            );
        }
        for (i, v) in line.values.iter().enumerate() {
            if let Some(v) = v {
                let _ = write!(
                    s,
                    r#"<circle cx="{:.1}" cy="{:.1}" r="3" fill="{}"{dash} data-value="{}"/>"#,
                    x(i, n),
                    y(*v, max),
                    line.color,
                    super::fmt::fmt_num(*v)
                );
            }
        }
        s.push_str("</g>");
    }
    s.push_str("</svg>");
    s
}

fn bar_w(n: usize) -> f64 {
    (W - LEFT - RIGHT) / n.max(1) as f64 * 0.7
}

fn bar_x(i: usize, n: usize) -> f64 {
    let slot = (W - LEFT - RIGHT) / n.max(1) as f64;
    LEFT + slot * i as f64 + slot * 0.15
}

/// A bar chart of `values` over the weeks `labels`, each bar with its number above it; a
/// dashed line marks `target` when given.
pub fn bar_chart(id: &str, title: &str, labels: &[String], values: &[f64], target: Option<f64>) -> String {
    let top = values.iter().copied().fold(target.unwrap_or(0.0), f64::max);
    let max = nice_max(top);
    let ticks: Vec<f64> = (0..=4).map(|i| max * f64::from(i) / 4.0).collect();
    let mut s = frame(id, title, labels, max, &ticks, true);
    let n = values.len();
    for (i, v) in values.iter().enumerate() {
        let (bx, by) = (bar_x(i, n), y(*v, max));
        let _ = write!(
            s,
            r##"<rect x="{bx:.1}" y="{by:.1}" width="{:.1}" height="{:.1}" fill="#4a90a4" data-value="{}"/><text x="{:.1}" y="{:.1}" class="val" text-anchor="middle">{}</text>"##,
            bar_w(n),
            y(0.0, max) - by,
            super::fmt::fmt_num(*v),
            bx + bar_w(n) / 2.0,
            by - 3.0,
            super::fmt::fmt_num(*v)
        );
    }
    if let Some(t) = target {
        let ty = y(t, max);
        let _ = write!(
            s,
            r##"<line class="target" x1="{LEFT}" x2="{}" y1="{ty:.1}" y2="{ty:.1}" stroke="#c0392b" stroke-dasharray="6 4"/>"##,
            W - RIGHT
        );
    }
    s.push_str("</svg>");
    s
}

/// A round top for a scale: 4, 8, 10, 20, 40, 60, ... at or above `v`.
fn nice_max(v: f64) -> f64 {
    [4.0, 8.0, 10.0, 20.0, 40.0, 60.0, 100.0, 150.0, 200.0, 300.0, 400.0, 600.0, 1000.0]
        .into_iter()
        .find(|m| *m >= v)
        .unwrap_or((v / 1000.0).ceil() * 1000.0)
}
