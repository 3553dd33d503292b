//! The week screen: this week's grid (exercises × days) with a selected cell, the streak as a
//! big number, a 12-week heatmap, walk minutes per day as bars and each exercise's step history
//! as a sparkline. Narrow terminals keep the grid and the streak.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Borders, Paragraph, Sparkline};

use super::{Theme, fit, hints};
use crate::week::WeekData;

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

pub fn render(frame: &mut Frame, area: Rect, w: &WeekData, row: usize, day: usize, theme: &Theme) {
    let wide = area.width >= 70;
    let title = format!(" Week of {} ", w.start.strftime(if wide { "%a %-d %b %Y" } else { "%-d %b" }));
    let streak = if wide {
        format!(" {}-week streak · longest {} ", w.streaks.current, w.streaks.longest)
    } else {
        format!(" {}-wk streak ", w.streaks.current)
    };
    let block = Block::new()
        .borders(Borders::TOP)
        .title(Span::styled(title, theme.title))
        .title_top(Line::from(Span::styled(streak, theme.accent)).right_aligned());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let rows = w.ids.len() as u16;
    let roomy = inner.height >= rows + 18 && wide;
    let [grid, summary, charts, sparks, _, keys] = inner.layout(&Layout::vertical([
        Constraint::Length(rows + 1),
        Constraint::Length(1),
        Constraint::Length(if roomy { 9 } else { 0 }),
        Constraint::Length(if roomy { rows + 1 } else { 0 }),
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));

    // The grid: a name column, then 7 day columns.
    let col = if wide { 5 } else { 3 };
    let name_width = (grid.width as usize).saturating_sub(2 + 7 * col).min(34);
    let mut lines = vec![Line::from(Span::styled(
        format!(
            "  {:name_width$}{}",
            "",
            DAYS.iter().map(|d| format!("{:^col$}", if wide { *d } else { &d[..1] })).collect::<String>()
        ),
        theme.dim,
    ))];
    for (r, name) in w.names.iter().enumerate() {
        let mut spans = vec![Span::raw(format!(
            "{} {:name_width$}",
            if r == row { "▶" } else { " " },
            fit(name, name_width)
        ))];
        for d in 0..7 {
            let style = if r == row && d == day {
                theme.selected
            } else if w.mark(r, d) == "✓" {
                theme.done
            } else {
                theme.dim
            };
            spans.push(Span::styled(format!("{:^col$}", w.mark(r, d)), style));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), grid);
    // The streak as a big number beside the grid, when there is room.
    let used = (2 + name_width + 7 * col) as u16;
    if grid.width >= used + 16 && grid.height >= 6 {
        let [_, big] = grid.layout(&Layout::horizontal([Constraint::Length(used + 2), Constraint::Fill(1)]));
        let mut rows: Vec<Line> =
            super::digits::big(&w.streaks.current.to_string()).into_iter().map(Line::from).collect();
        rows.push(Line::from(Span::styled("week streak", theme.dim)));
        frame.render_widget(
            Paragraph::new(rows).style(theme.accent).alignment(ratatui::layout::Alignment::Center),
            big,
        );
    }
    let target = if w.meets_target { "target met ✓" } else { "target not met yet" };
    let days = if w.complete_days == 1 { "day" } else { "days" };
    let text = format!("{} complete {days} of {} needed · {target}", w.complete_days, w.needed_days);
    frame.render_widget(Paragraph::new(Span::styled(fit(&text, summary.width as usize), theme.dim)), summary);

    if roomy {
        let [heat, bars] = charts.layout(&Layout::horizontal([Constraint::Length(46), Constraint::Fill(1)]));
        let weeks = w.heat.len() / 7;
        let mut heat_lines =
            vec![Line::from(Span::styled(format!("last {weeks} weeks (exercises done)"), theme.dim))];
        for (d, name) in DAYS.iter().enumerate() {
            let cells: String =
                (0..weeks).map(|k| format!("{} ", shade(w.heat[k * 7 + d].1, w.ids.len()))).collect();
            heat_lines.push(Line::from(vec![
                Span::styled(format!("{name} "), theme.dim),
                Span::styled(cells, theme.done),
            ]));
        }
        frame.render_widget(Paragraph::new(heat_lines), heat);
        let data: Vec<Bar> = w
            .days
            .iter()
            .zip(DAYS)
            .map(|(d, name)| Bar::default().value(u64::from(d.walk_minutes)).label(Line::from(&name[..2])))
            .collect();
        let chart = BarChart::default()
            .block(Block::new().title(Span::styled(format!("walk minutes · {}", w.walk_goal), theme.dim)))
            .data(BarGroup::default().bars(&data))
            .bar_width(3)
            .bar_gap(1)
            .bar_style(theme.gauge);
        frame.render_widget(chart, bars);

        let areas = sparks.layout_vec(&Layout::vertical(vec![Constraint::Length(1); w.ids.len() + 1]));
        frame.render_widget(Paragraph::new(Span::styled("steps over the same weeks", theme.dim)), areas[0]);
        for (i, name) in w.names.iter().enumerate() {
            let [label, line] =
                areas[i + 1].layout(&Layout::horizontal([Constraint::Length(36), Constraint::Fill(1)]));
            let step = w.steps[i].last().copied().unwrap_or(0);
            frame.render_widget(Paragraph::new(format!("  {:26} step {step:>2}", fit(name, 26))), label);
            // The newest days on the right: as many as fit.
            let steps = &w.steps[i][w.steps[i].len().saturating_sub(usize::from(line.width))..];
            frame.render_widget(Sparkline::default().data(steps).max(w.tops[i]).style(theme.gauge), line);
        }
    }
    let keys_line = if wide {
        hints(
            &[
                ("←/→", "day"),
                ("j/k", "exercise"),
                ("h/l", "week"),
                ("x", "tick off"),
                ("u", "undo"),
                ("Esc", "back"),
            ],
            theme,
        )
    } else {
        hints(&[("←→", "day"), ("h/l", "week"), ("x", "done"), ("Esc", "back")], theme)
    };
    frame.render_widget(Paragraph::new(keys_line), keys);
}
