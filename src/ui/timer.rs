//! The guided timer: what to do now (hold, rest, rep, walk) and where ("Set 2 of 3 · rep 3 of 4
//! · Right side"), big digits computed from `now`, a gauge, the figure and cues, what comes next.
//! Drawn from the run and its exercise's entry in the day view (cues already resolved).

use std::time::Instant;

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::Theme;
use super::digits::{big, clock};
use super::wrap::{hints_fit, wrap_text};
use crate::app::Run;
use crate::catalog::Dose;
use crate::session::Kind;
use crate::text::width as cols;
use crate::today::Item;
use ratatui::style::Style;

/// `flashing`: a hold or rest just ended (the border flashes).
pub fn render(
    frame: &mut Frame,
    area: Rect,
    item: &Item,
    run: &Run,
    flashing: bool,
    now: Instant,
    theme: &Theme,
) {
    let ex = &item.exercise;
    let timer = &run.timer;
    let border = if flashing { theme.flash } else { theme.dim };
    let width = usize::from(area.width).saturating_sub(4);
    // The count and the time left in the whole session on the right, the exercise and its dose
    // on the left; each shortened to what fits, never cut.
    let count = format!("{} of {}", (timer.index + 1).min(timer.phases.len()), timer.phases.len());
    let left = format!("{count} · {} left", clock(timer.total_left_secs(now)));
    let right = if cols(&left) + 12 <= width { left } else { count };
    let room = width.saturating_sub(cols(&right) + 2);
    let full = format!("{} · {}", ex.name, item.rx.dose_text);
    let title = [full.clone(), ex.name.clone(), String::new()]
        .into_iter()
        .find(|t| cols(t) <= room)
        .unwrap_or_default();
    let whole_title = title == full;
    let name_in_title = title == ex.name;
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(border)
        .title(Span::styled(if title.is_empty() { title } else { format!(" {title} ") }, theme.title))
        .title_top(Line::from(Span::styled(format!(" {right} "), theme.dim)).right_aligned());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(phase) = timer.phase() else { return };
    let width = usize::from(inner.width).saturating_sub(1);

    // A paced rep names the part under way (up, hold, down), not all three.
    let label = timer.label(now);
    let what = if timer.is_paused() { format!("PAUSED — {label}") } else { label.to_uppercase() };
    let head = if phase.position.is_empty() { what } else { format!("{what} · {}", phase.position) };
    let style = if phase.kind == Kind::Rest { theme.dim } else { theme.accent };
    let mut head = wrap_text(&head, style, width, 0);
    // A title too narrow for the name and dose (40×12): they open the body instead, whole.
    if !whole_title {
        // The name, then the dose on a line of its own (a dose never breaks across lines).
        let mut named = if name_in_title { Vec::new() } else { wrap_text(&ex.name, theme.title, width, 2) };
        named.extend(wrap_text(&item.rx.dose_text, theme.title, width, 2));
        named.append(&mut head);
        head = named;
    }
    let notation = explain(item).map(|t| wrap_text(&t, theme.dim, width, 2)).unwrap_or_default();
    let roomy = inner.height >= 20;
    let notation_rows = if inner.height >= 14 { notation.len() as u16 } else { 0 };
    let digits_rows = if inner.height >= 12 { 5 } else { 1 };
    let [explained, label, _, digits, _, gauge, art, next, keys] = inner.layout(&Layout::vertical([
        Constraint::Length(notation_rows),
        Constraint::Length(head.len() as u16),
        Constraint::Length(u16::from(roomy)),
        Constraint::Length(digits_rows),
        Constraint::Length(u16::from(roomy)),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ]));

    frame.render_widget(Paragraph::new(notation), explained);
    // Centred in the width it was wrapped to, so a full line never touches the border.
    let label = Rect { width: label.width.saturating_sub(1), ..label };
    frame.render_widget(Paragraph::new(head).alignment(Alignment::Center), label);

    let shown = timer.shown_secs(now);
    let big_text: Vec<Line> = if phase.kind == Kind::Untimed {
        wrap_text("At your own pace — press n when the set is done", Style::new(), width, 0)
    } else if digits_rows == 5 {
        big(&clock(shown)).into_iter().map(Line::from).collect()
    } else {
        vec![Line::from(clock(shown))]
    };
    let digit_style = if timer.is_paused() { theme.dim } else { theme.title };
    frame.render_widget(Paragraph::new(big_text).style(digit_style).alignment(Alignment::Center), digits);

    let ratio = if phase.secs == 0 {
        0.0
    } else {
        1.0 - timer.remaining(now).as_secs_f64()
            / f64::from(phase.secs.max(1)).max(timer.remaining(now).as_secs_f64())
    };
    frame.render_widget(Paragraph::new(super::wrap::bar(ratio, gauge.width, theme.gauge)), gauge);

    let figure_width = ex.figure.lines().map(cols).max().unwrap_or(0) as u16;
    let show_figure =
        !ex.figure.is_empty() && art.width >= 60 && art.height >= ex.figure.lines().count() as u16;
    let [fig, text] = art.layout(&Layout::horizontal([
        Constraint::Length(if show_figure { figure_width + 4 } else { 0 }),
        Constraint::Fill(1),
    ]));
    if show_figure {
        frame.render_widget(Paragraph::new(ex.figure.as_str()).style(theme.dim), fig);
    }
    // Whole cues only: one that cannot fit below the others is left out, not cut off.
    let room = usize::from(text.width).saturating_sub(1);
    let mut cue_lines: Vec<Line> = Vec::new();
    for cue in &item.cues {
        let lines = wrap_text(&format!("· {cue}"), Style::new(), room, 2);
        if cue_lines.len() + lines.len() > usize::from(text.height) {
            break;
        }
        cue_lines.extend(lines);
    }
    frame.render_widget(Paragraph::new(cue_lines), text);

    // What comes next, without its position when the whole of it does not fit.
    let next_text = match timer.next_phase() {
        Some(n) => {
            let secs = if n.secs > 0 { format!(" {} s", n.secs) } else { String::new() };
            let short = format!("next: {}{secs}", n.label);
            let long =
                if n.position.is_empty() { short.clone() } else { format!("{short} — {}", n.position) };
            if cols(&long) <= width { long } else { short }
        }
        None => "next: how did it go?".to_string(),
    };
    frame.render_widget(Paragraph::new(Span::styled(next_text, theme.dim)), next);
    let pause = if timer.is_paused() { "resume" } else { "pause" };
    // `+` adds time to a timed hold, rest or walk only: not offered on a rep or an own-pace set.
    let adds = matches!(phase.kind, Kind::Hold | Kind::Rest | Kind::Walk | Kind::Ready);
    let mut k = vec![("Space", pause), ("n", "next"), ("q", "leave")];
    if adds {
        k.push(("+", "15 s"));
    }
    k.push(("?", "help"));
    frame.render_widget(Paragraph::new(hints_fit(&k, keys.width, theme)), keys);
}

/// The dose in words, under the timer's title: "4-3-2 × 8 s holds" is three sets of 4, 3 and
/// 2 holds; "knees" and "per side" likewise. `None` for doses that say it all already.
fn explain(item: &Item) -> Option<String> {
    let side = if item.exercise.per_side { ", on each side" } else { "" };
    let variant = |v: &Option<String>| match v.as_deref() {
        Some("knees") => " Knees: on your knees, the easier form.".to_string(),
        Some("feet") => " Feet: on your feet, the full form.".to_string(),
        Some("toes") => " Toes: on your toes, the full plank.".to_string(),
        Some(v) => format!(" {v}: the form named in the dose."),
        None => String::new(),
    };
    match &item.rx.dose {
        Dose::Holds { reps, secs, variant: v } if reps.iter().any(|r| *r > 1) => {
            let words: Vec<String> = reps.iter().map(|r| number(*r)).collect();
            let sets = match words.as_slice() {
                [one] => format!("{one} holds"),
                [first, rest @ ..] => format!("{first} holds, then {}", rest.join(", then ")),
                [] => return None,
            };
            Some(format!("{}: {sets}, {secs} s each{side}.{}", item.rx.dose_text, variant(v)))
        }
        Dose::Holds { variant: v @ Some(_), .. } | Dose::Reps { variant: v @ Some(_), .. } => {
            Some(format!("{}:{}", item.rx.dose_text, variant(v)))
        }
        _ if item.exercise.per_side => Some(format!("{}: both sides, left then right.", item.rx.dose_text)),
        _ => None,
    }
}

fn number(n: u32) -> String {
    const WORDS: [&str; 11] =
        ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    WORDS.get(n as usize).map_or(n.to_string(), |w| (*w).to_string())
}
