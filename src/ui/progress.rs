//! The Progress screen (`g` on Today): weekly pain (check-in, with session pain as a dim series)
//! and each PSFS activity as line charts, days exercised and walk minutes per week as bar
//! charts, and each exercise's place on its ladder. At 40×12 a table of the last weeks instead.
//! Draws from a `Progress` value only.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Bar, BarChart, BarGroup, Block, Borders, Chart, Dataset, GraphType, Paragraph};

use super::{Theme, hints};
use crate::progress::Progress;

/// The marks of the lines of the PSFS activities and the exercises, one each, shown in the
/// legend beside each name: no line is told from another by its colour alone.
const MARKS: [char; 6] = ['*', '+', 'x', 'o', '#', '%'];

fn series_style(i: usize, theme: &Theme) -> Style {
    theme.series[i % theme.series.len()]
}

fn mark(i: usize) -> char {
    MARKS[i % MARKS.len()]
}

fn week_label(p: &Progress, i: usize) -> String {
    p.weeks.get(i).map_or(String::new(), |w| w.start.strftime("%-d %b").to_string())
}

pub fn render(frame: &mut Frame, area: Rect, p: &Progress, theme: &Theme) {
    let first = p.weeks.first().map_or(p.today, |w| w.start);
    let n = p.weeks.len();
    let title =
        format!(" Progress · {n} week{} since {} ", if n == 1 { "" } else { "s" }, first.strftime("%-d %b"));
    let block = Block::new().borders(Borders::TOP).title(Span::styled(title, theme.title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [body, keys] = inner.layout(&Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]));
    frame
        .render_widget(Paragraph::new(hints(&[("Esc", "back"), ("g", "Today"), ("r", "RMDQ")], theme)), keys);
    if body.width < 60 || body.height < 16 {
        return table(frame, body, p, theme);
    }
    let said = outcomes(p, usize::from(body.width), theme);
    let [said_area, body] =
        body.layout(&Layout::vertical([Constraint::Length(said.len() as u16), Constraint::Fill(1)]));
    frame.render_widget(Paragraph::new(said), said_area);
    if body.height >= 26 {
        let [top, mid, low] = body.layout(&Layout::vertical([Constraint::Fill(1); 3]));
        let [pain_area, psfs_area] = top.layout(&Layout::horizontal([Constraint::Fill(1); 2]));
        let [days_area, walk_area] = mid.layout(&Layout::horizontal([Constraint::Fill(1); 2]));
        pain(frame, pain_area, p, theme);
        psfs(frame, psfs_area, p, theme);
        bars(frame, days_area, p, " Days exercised ", |w| w.days_exercised, theme);
        bars(frame, walk_area, p, " Walk minutes ", |w| w.walk_minutes, theme);
        steps(frame, low, p, theme);
    } else {
        let [top, low] = body.layout(&Layout::vertical([Constraint::Fill(1); 2]));
        let [pain_area, psfs_area] = top.layout(&Layout::horizontal([Constraint::Fill(1); 2]));
        // The steps chart needs a full-width row to name its lines: from 100×30 up.
        let [days_area, walk_area] = low.layout(&Layout::horizontal([Constraint::Fill(1); 2]));
        pain(frame, pain_area, p, theme);
        psfs(frame, psfs_area, p, theme);
        bars(frame, days_area, p, " Days exercised ", |w| w.days_exercised, theme);
        bars(frame, walk_area, p, " Walk minutes ", |w| w.walk_minutes, theme);
    }
}

/// Points (week index, value) of the weeks that have a value.
fn points(values: impl Iterator<Item = Option<f64>>) -> Vec<(f64, f64)> {
    values.enumerate().filter_map(|(i, v)| v.map(|v| (i as f64, v))).collect()
}

/// The series' names in their colours, for a chart's bottom border: ratatui's own legend box
/// covers the lines in a box this small.
/// One line chart dataset per series, each named and in its series colour.
fn lines<'a>(series: &'a [Vec<(f64, f64)>], names: &'a [String], theme: &Theme) -> Vec<Dataset<'a>> {
    series
        .iter()
        .zip(names)
        .enumerate()
        .map(|(i, (s, n))| {
            Dataset::default()
                .name(n.as_str())
                .marker(Marker::Custom(mark(i)))
                .graph_type(GraphType::Line)
                .style(series_style(i, theme))
                .data(s)
        })
        .collect()
}

fn legend<'a>(names: impl Iterator<Item = (char, String, Style)>) -> Line<'a> {
    let mut spans = vec![Span::raw(" ")];
    for (mark, name, style) in names {
        spans.push(Span::styled(format!("{mark} {name} "), style));
    }
    Line::from(spans)
}

/// A 0–`top` line chart over the weeks with the first and last week on the x axis.
fn chart<'a>(
    title: &'a str,
    data: Vec<Dataset<'a>>,
    key: Line<'a>,
    p: &Progress,
    top: f64,
    theme: &Theme,
) -> Chart<'a> {
    let n = p.weeks.len().max(2) as f64 - 1.0;
    let x_labels =
        vec![Line::from(week_label(p, 0)), Line::from(week_label(p, p.weeks.len().saturating_sub(1)))];
    Chart::new(data)
        .block(Block::bordered().title(Span::styled(title, theme.accent)).title_bottom(key))
        .x_axis(Axis::default().bounds([0.0, n]).labels(x_labels).style(theme.dim))
        .y_axis(
            Axis::default()
                .bounds([0.0, top])
                .labels(vec![
                    Line::from("0"),
                    Line::from(format!("{}", top / 2.0)),
                    Line::from(format!("{top}")),
                ])
                .style(theme.dim),
        )
        .legend_position(None)
}

fn pain(frame: &mut Frame, area: Rect, p: &Progress, theme: &Theme) {
    let checkin = points(p.weeks.iter().map(|w| w.checkin_pain.map(f64::from)));
    let session = points(p.weeks.iter().map(|w| w.session_pain));
    let title = match p.pain_change() {
        Some((a, b)) => format!(" Pain {a} → {b} "),
        None => " Pain (check in to chart it) ".to_string(),
    };
    let strong = theme.strong;
    let data = vec![
        Dataset::default()
            .name("check-in")
            .marker(Marker::Custom('*'))
            .graph_type(GraphType::Line)
            .style(strong)
            .data(&checkin),
        Dataset::default()
            .name("sessions")
            .marker(Marker::Dot)
            .graph_type(GraphType::Line)
            .style(theme.dim)
            .data(&session),
    ];
    let key =
        legend([('*', "check-in".to_string(), strong), ('•', "sessions".to_string(), theme.dim)].into_iter());
    frame.render_widget(chart(&title, data, key, p, 10.0, theme), area);
}

fn psfs(frame: &mut Frame, area: Rect, p: &Progress, theme: &Theme) {
    if p.activities.is_empty() {
        let note = Paragraph::new("No activities rated yet: the weekly check-in asks for up to three.")
            .wrap(ratatui::widgets::Wrap { trim: true })
            .block(Block::bordered().title(Span::styled(" Activities ", theme.accent)));
        return frame.render_widget(note, area);
    }
    let series: Vec<Vec<(f64, f64)>> =
        (0..p.activities.len()).map(|i| points(p.weeks.iter().map(|w| w.psfs[i].map(f64::from)))).collect();
    let names: Vec<String> = p.activities.clone();
    let data = lines(&series, &names, theme);
    // The names go under the chart, wrapped whole: a bottom border would have to cut them.
    let key = legend(names.iter().enumerate().map(|(i, n)| (mark(i), n.clone(), series_style(i, theme))));
    let inner = area.width.saturating_sub(2).max(1);
    // Word wrapping may leave each row short by up to a word: one row of slack.
    let rows = (key.width() as u16).div_ceil(inner) + u16::from(key.width() as u16 > inner);
    let [plot, names_area] =
        area.layout(&Layout::vertical([Constraint::Fill(1), Constraint::Length(rows + 1)]));
    let block = Block::new().borders(Borders::LEFT | Borders::RIGHT | Borders::BOTTOM);
    let names_inner = block.inner(names_area);
    frame.render_widget(block, names_area);
    frame.render_widget(Paragraph::new(key).wrap(ratatui::widgets::Wrap { trim: true }), names_inner);
    let chart = chart(" Activities 0–10 ", data, Line::default(), p, 10.0, theme).block(
        Block::new()
            .borders(Borders::TOP | Borders::LEFT | Borders::RIGHT)
            .title(Span::styled(" Activities 0–10 ", theme.accent)),
    );
    frame.render_widget(chart, plot);
}

/// One bar per week with its value; bars as wide as the box allows.
fn bars(
    frame: &mut Frame,
    area: Rect,
    p: &Progress,
    title: &str,
    value: fn(&crate::progress::WeekRow) -> u32,
    theme: &Theme,
) {
    let n = p.weeks.len().max(1) as u16;
    let inner = area.width.saturating_sub(2);
    let width = (inner.saturating_sub(n - 1) / n).max(1);
    let bars: Vec<Bar> = p
        .weeks
        .iter()
        .map(|w| {
            let v = value(w);
            Bar::default()
                .value(u64::from(v))
                .text_value(v.to_string())
                .style(theme.gauge)
                .value_style(theme.selected)
        })
        .collect();
    let chart = BarChart::default()
        .block(Block::bordered().title(Span::styled(title.to_string(), theme.accent)))
        .data(BarGroup::default().bars(&bars))
        .bar_width(width)
        .bar_gap(1);
    frame.render_widget(chart, area);
}

/// Each exercise's step as a share of its ladder, one line each (the walk's 29 steps and the
/// stretch's 2 on one scale).
fn steps(frame: &mut Frame, area: Rect, p: &Progress, theme: &Theme) {
    let series: Vec<Vec<(f64, f64)>> = p
        .exercises
        .iter()
        .enumerate()
        .map(|(i, (.., top))| {
            points(
                p.weeks.iter().map(|w| w.steps[i].map(|s| 100.0 * f64::from(s) / f64::from((*top).max(1)))),
            )
        })
        .collect();
    // Names, not ids (issue 26.13), kept short for the border: the last two words.
    let names: Vec<String> = p.exercises.iter().map(|(_, name, _)| legend_name(name)).collect();
    let data = lines(&series, &names, theme);
    let key = legend(names.iter().enumerate().map(|(i, n)| (mark(i), n.clone(), series_style(i, theme))));
    frame.render_widget(chart(" Steps, % of ladder ", data, key, p, 100.0, theme), area);
}

/// The measures behind the "not better" advice (COACHING.md turn 3, D: each verdict in words with
/// baseline → now) and the recurrences (H), packed into as few lines as fit, no word cut.
pub fn outcomes(p: &Progress, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    use crate::checkin::judge;
    use crate::report::words;
    let num = |v: f64| crate::report::fmt_num((v * 10.0).round() / 10.0);
    let mut parts: Vec<String> = Vec::new();
    match &p.verdict {
        Some(m) => {
            parts.push(format!("Pain {} → {}: {}", num(m.pain.0), num(m.pain.1), words(judge(m.pain, None))));
            if let Some(a) = m.psfs {
                parts.push(format!(
                    "Activities {} → {}: {}",
                    num(a.0),
                    num(a.1),
                    words(judge((0.0, 0.0), Some(a)))
                ));
            }
        }
        None => parts.push("Verdict after two check-ins".into()),
    }
    if let Some(((_, b), (_, n), v)) = p.rmdq {
        parts.push(format!("RMDQ {b} → {n}: {}", words(v)));
    }
    parts.push(p.recurrences.summary());
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut current = String::new();
    for part in parts {
        let joined = if current.is_empty() { part.clone() } else { format!("{current} · {part}") };
        if crate::text::width(&joined) <= width {
            current = joined;
            continue;
        }
        if !current.is_empty() {
            lines.push(Line::from(Span::styled(std::mem::take(&mut current), theme.accent)));
        }
        if crate::text::width(&part) <= width {
            current = part;
        } else {
            lines.extend(super::wrap::wrap_text(&part, theme.accent, width, 2));
        }
    }
    if !current.is_empty() {
        lines.push(Line::from(Span::styled(current, theme.accent)));
    }
    lines
}

/// "Chair hamstring stretch" → "hamstring stretch", "Walk" → "walk": an exercise's name short
/// enough for a chart's legend.
fn legend_name(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    words[words.len().saturating_sub(2)..].join(" ").to_lowercase()
}

/// The small-terminal fallback: the latest weeks as rows of numbers.
fn table(frame: &mut Frame, area: Rect, p: &Progress, theme: &Theme) {
    let mut lines = vec![Line::from(Span::styled("week    pain days walk activities", theme.dim))];
    let said = outcomes(p, usize::from(area.width), theme);
    let rows = usize::from(area.height).saturating_sub(1 + said.len());
    let shown = &p.weeks[p.weeks.len().saturating_sub(rows)..];
    let num = |v: Option<f64>| v.map_or("–".to_string(), crate::report::fmt_num);
    for w in shown {
        let psfs = Progress::psfs_mean(w).map(|m| (m * 10.0).round() / 10.0);
        lines.push(Line::from(format!(
            // "activities": the PSFS mean, said in words (issue 26.13: "psfs" is jargon).
            "{:<7} {:>4} {:>4} {:>4} {:>10}",
            w.start.strftime("%-d %b").to_string(),
            num(w.checkin_pain.map(f64::from)),
            w.days_exercised,
            w.walk_minutes,
            num(psfs)
        )));
    }
    lines.extend(said);
    frame.render_widget(Paragraph::new(lines), area);
}
