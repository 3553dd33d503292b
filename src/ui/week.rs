//! The week screen: the streak (current and longest), this week's grid (exercises × days) with
//! a selected cell, the day-complete row, strength days (when on), walk minutes per day, the
//! target in words, who came along on walks, and what was said about the selected cell; where
//! there is room, the 12-week heatmap and each exercise's step at the end of each of those
//! weeks on one scale, and a big-digit streak.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::Theme;
use super::wrap::{hints_fit, scrolled, words_fit, wrap_text};
use crate::text::{center, pad_to, width as cols};
use crate::week::{CARDIO_MARK, WeekData};

const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// A shade per count of exercises done that day.
fn shade(count: u32, total: usize) -> &'static str {
    match (count, total.max(1)) {
        (0, _) => "·",
        (c, t) if (c as usize) * 3 < t => "░",
        (c, t) if (c as usize) * 3 < t * 2 => "▒",
        (c, t) if (c as usize) < t => "▓",
        _ => "█",
    }
}

/// Width of the heatmap: weekday label and two columns a week.
const HEAT_WIDTH: u16 = 4 + 2 * 12;

pub fn render(frame: &mut Frame, area: Rect, w: &WeekData, row: usize, day: usize, theme: &Theme) {
    let wide = area.width >= 70;
    let title = format!(" Week of {} ", w.start.strftime(if wide { "%a %-d %b %Y" } else { "%-d %b" }));
    let streak = if wide {
        format!(" {}-week streak · longest {} ", w.streaks.current, w.streaks.longest)
    } else {
        format!(" streak {} · best {} ", w.streaks.current, w.streaks.longest)
    };
    let block = Block::new()
        .borders(Borders::TOP)
        .title(Span::styled(title, theme.title))
        .title_top(Line::from(Span::styled(streak, theme.accent)).right_aligned());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width).saturating_sub(1);

    let (mut lines, grid_width) = grid(w, row, day, width, wide, theme);
    let grid_rows = lines.len() as u16;
    lines.extend(wrap_text(&w.target_text(), theme.dim, width, 2));
    if let Some(walk) = w.walk_text() {
        lines.extend(wrap_text(&walk, theme.dim, width, 2));
    }
    if let Some(company) = w.company_text() {
        lines.extend(wrap_text(&company, theme.dim, width, 2));
    }
    let mut said = Vec::new();
    if let (Some(name), Some(note)) = (w.names.get(row), w.notes.get(row).and_then(|n| n[day].as_ref())) {
        let when = w.days[day].date.strftime("%a %-d");
        said = wrap_text(&format!("{name}, {when}: {note}"), Style::new(), width, 2);
    }
    let top = (lines.len() + said.len()) as u16;
    let [body, keys] = inner.layout(&Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]));
    // History (heatmap and steps, side by side) only where it fits below the rest, never
    // pushing the grid off.
    let steps_width = 28 + w.steps.first().map_or(0, |s| s.len()) as u16;
    let history = body.height >= top + 1 + 8 && body.width >= HEAT_WIDTH + 2 + steps_width;
    if history {
        let [upper, _, lower] = body.layout(&Layout::vertical([
            Constraint::Length(top),
            Constraint::Length(1),
            Constraint::Length(8),
        ]));
        lines.extend(said);
        frame.render_widget(Paragraph::new(lines), upper);
        history_charts(frame, lower, w, theme);
    } else if body.height >= top {
        lines.extend(said);
        frame.render_widget(Paragraph::new(lines), body);
    } else {
        // What was logged in the selected cell stays in sight at the bottom (40×12) when it
        // fits there whole; the rest scrolls above it.
        let pinned = said.len() as u16 <= body.height.saturating_sub(4);
        let said_h = if pinned { said.len() as u16 } else { 0 };
        let [body, note] = body.layout(&Layout::vertical([Constraint::Fill(1), Constraint::Length(said_h)]));
        if pinned {
            frame.render_widget(Paragraph::new(said), note);
        } else {
            lines.extend(said);
        }
        // The rest follows the selection: the selected row stays in view, and on the last
        // exercise it shows the end (target, walk minutes, company).
        let scroll = if row + 1 >= w.names.len() {
            u16::MAX
        } else {
            (row as u16 + 2).saturating_sub(body.height.saturating_sub(1))
        };
        scrolled(frame, body, lines, scroll, theme);
    }
    // The streak in big digits beside the grid, when there is room for it.
    let used = grid_width as u16 + 2;
    if history && inner.width >= used + 16 && grid_rows >= 6 {
        let [_, big] = body.layout(&Layout::horizontal([Constraint::Length(used), Constraint::Fill(1)]));
        let [big] = big.layout(&Layout::vertical([Constraint::Length(6)]));
        let mut rows: Vec<Line> =
            super::digits::big(&w.streaks.current.to_string()).into_iter().map(Line::from).collect();
        rows.push(Line::from(Span::styled("week streak", theme.dim)));
        frame.render_widget(Paragraph::new(rows).style(theme.accent).alignment(Alignment::Center), big);
    }
    let k = [
        ("←/→", "day"),
        ("j/k", "exercise"),
        ("[/]", "week"),
        ("x", "tick off"),
        ("u", "undo"),
        ("Esc", "back"),
        ("?", "help"),
    ];
    frame.render_widget(Paragraph::new(hints_fit(&k, keys.width, theme)), keys);
}

/// The grid: day names, one row per exercise, the day-complete row and walk minutes per day.
/// Returns its lines and its width.
fn grid(
    w: &WeekData,
    row: usize,
    day: usize,
    width: usize,
    wide: bool,
    theme: &Theme,
) -> (Vec<Line<'static>>, usize) {
    let col = if wide { 5 } else { 3 };
    let longest = w.names.iter().map(|n| cols(n)).max().unwrap_or(0).max(12);
    let name_width = width.saturating_sub(2 + 7 * col).min(longest);
    let label = |s: &str| words_fit(s, name_width);
    let head: String = DAYS.iter().map(|d| center(if wide { d } else { &d[..2] }, col)).collect();
    let mut lines = vec![Line::from(Span::styled(format!("  {}{head}", " ".repeat(name_width)), theme.dim))];
    for (r, name) in w.names.iter().enumerate() {
        let marker = if r == row { "▶" } else { " " };
        let mut spans = vec![Span::raw(format!("{marker} {}", pad_to(&label(name), name_width)))];
        for d in 0..7 {
            let style = if r == row && d == day {
                theme.selected
            } else if matches!(w.mark(r, d), "✓" | CARDIO_MARK | crate::week::ADVISED_MARK) {
                theme.done
            } else {
                theme.dim
            };
            spans.push(Span::styled(center(w.mark(r, d), col), style));
        }
        lines.push(Line::from(spans));
    }
    let complete: String = w.days.iter().map(|d| center(if d.complete { "●" } else { "·" }, col)).collect();
    // The CLI's words: a complete day (issue 26).
    let whole = if name_width >= 12 { "complete day" } else { "all" };
    lines.push(Line::from(vec![
        Span::styled(format!("  {}", pad_to(whole, name_width)), theme.dim),
        Span::styled(complete, theme.done),
    ]));
    // Strength days, with strength on: a mark on each day a lift was done, and the count
    // toward the week's target in the label (the words `upright week` prints, where they fit).
    if let Some(s) = &w.strength {
        let marks: String = s.days.iter().map(|&done| center(if done { "✓" } else { "·" }, col)).collect();
        let short = format!("strength {} of {}", s.done(), s.target);
        let label = [s.text(), short].into_iter().find(|l| cols(l) <= name_width);
        let label = label.unwrap_or_else(|| words_fit("strength", name_width));
        lines.push(Line::from(vec![
            Span::styled(format!("  {}", pad_to(&label, name_width)), theme.dim),
            Span::styled(marks, theme.done),
        ]));
    }
    let minutes: String = w
        .days
        .iter()
        .map(|d| {
            let m = if d.walk_minutes > 0 { d.walk_minutes.to_string() } else { "·".into() };
            center(&m, col)
        })
        .collect();
    let walk = if name_width >= 12 { "walk minutes" } else { "walk" };
    lines.push(Line::from(vec![
        Span::styled(format!("  {}", pad_to(walk, name_width)), theme.dim),
        Span::raw(minutes),
    ]));
    // Only for someone who uses `upright breaks`: a row of zeros would be noise to the others.
    if w.breaks.iter().any(|&n| n > 0) {
        let counts: String =
            w.breaks.iter().map(|&n| center(&if n > 0 { n.to_string() } else { "·".into() }, col)).collect();
        let label = if name_width >= 12 { "desk breaks" } else { "brk" };
        lines.push(Line::from(vec![
            Span::styled(format!("  {}", pad_to(label, name_width)), theme.dim),
            Span::raw(counts),
        ]));
    }
    (lines, 2 + name_width + 7 * col)
}

/// The 12-week heatmap and, beside it, each exercise's step per week on one scale.
fn history_charts(frame: &mut Frame, area: Rect, w: &WeekData, theme: &Theme) {
    let [heat, _, steps] = area.layout(&Layout::horizontal([
        Constraint::Length(HEAT_WIDTH),
        Constraint::Length(2),
        Constraint::Fill(1),
    ]));
    let weeks = w.heat.len() / 7;
    let mut heat_lines = vec![Line::from(Span::styled(format!("last {weeks} weeks, done"), theme.dim))];
    for (d, name) in DAYS.iter().enumerate() {
        let cells: String =
            (0..weeks).map(|k| format!("{} ", shade(w.heat[k * 7 + d].1, w.ids.len()))).collect();
        heat_lines.push(Line::from(vec![
            Span::styled(format!("{} ", &name[..2]), theme.dim),
            Span::styled(cells.trim_end().to_string(), theme.done),
        ]));
    }
    frame.render_widget(Paragraph::new(heat_lines), heat);

    let mut rows = vec![Constraint::Length(1); w.ids.len() + 1];
    rows.truncate(usize::from(steps.height));
    let areas = steps.layout_vec(&Layout::vertical(rows));
    let Some((head, areas)) = areas.split_first() else { return };
    frame.render_widget(Paragraph::new(Span::styled("step at the end of each week", theme.dim)), *head);
    for ((name, series), line) in w.names.iter().zip(&w.steps).zip(areas) {
        let [label, spark] =
            line.layout(&Layout::horizontal([Constraint::Fill(1), Constraint::Length(series.len() as u16)]));
        let now = series.last().copied().unwrap_or(0);
        let room = usize::from(label.width).saturating_sub(9);
        let short = words_fit(name, room);
        frame.render_widget(Paragraph::new(format!("{} step {now:>2}", pad_to(&short, room))), label);
        frame.render_widget(Paragraph::new(Span::styled(bars(series, w.scale), theme.gauge)), spark);
    }
}

/// One block per week, its height the step on the routine's one scale (`scale` is a full
/// block); any step shows at least the lowest block, so a first step is never drawn as nothing.
fn bars(series: &[u64], scale: u64) -> String {
    const BLOCKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    series
        .iter()
        .map(|&step| {
            let eighths = (step * 8).div_ceil(scale.max(1)).clamp(1, 8);
            BLOCKS[eighths as usize - 1]
        })
        .collect()
}
