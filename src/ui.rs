//! Rendering, from the app's state and `now` only (render-only: no IO, no state changes).
//! `render_with` picks the screen and hands it the view values it draws (the day, the week,
//! the run), never the loaded log or settings. One file per screen; named styles here. Below
//! the minimum size only a note is drawn.

pub mod breaks;
mod checkin;
mod digits;
mod help;
mod import;
mod lesson;
mod plan;
mod progress;
mod prompt;
mod rmdq;
mod safety;
mod theme;
mod timer;
mod today;
mod week;
mod wrap;

use std::time::Instant;

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};

use crate::app::{App, MIN_HEIGHT, MIN_WIDTH, Mode};
pub use theme::{Kind as ThemeKind, Theme, detect_light};

pub fn render(frame: &mut Frame, app: &App, now: Instant) {
    render_with(frame, app, now, &Theme::current());
}

pub fn render_with(frame: &mut Frame, app: &App, now: Instant, theme: &Theme) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let note = format!("terminal too small — need {MIN_WIDTH}×{MIN_HEIGHT} · q quits");
        frame.render_widget(Paragraph::new(note).wrap(Wrap { trim: true }), area);
        return;
    }
    let day = &app.day;
    screen(frame, app, &app.mode, now, theme);
    // The exercise's name as shown, or its id if the day no longer lists it.
    let name = |id: &str| day.get(id).map_or(id.to_string(), |i| i.exercise.name.clone());
    match &app.mode {
        Mode::Feedback(p) => prompt::feedback(frame, area, &name(&p.id), p, theme),
        Mode::SkipReason { id, text } => prompt::skip(frame, area, &name(id), text, theme),
        Mode::Leave(run) => {
            prompt::leave(frame, area, app.cut_short(run, now), run.timer.getting_ready(), theme)
        }
        Mode::Slept { walked_min, .. } => prompt::slept(frame, area, *walked_min, theme),
        Mode::Confirm { ask, .. } => prompt::confirm(frame, area, ask, theme),
        Mode::Checkin(form) => checkin::render(frame, area, form, theme),
        Mode::Rmdq { answers, .. } => rmdq::render(frame, area, answers, theme),
        Mode::Morning => prompt::morning(frame, area, theme),
        Mode::Lesson(n) => lesson::render(frame, area, *n, theme),
        _ => {}
    }
    if app.help
        && let Some(screen) = crate::app::keymap::Screen::of(&app.mode)
    {
        reach(app, help::render(frame, area, screen, app.help_scroll, theme));
    }
}

/// The screen `mode` shows (the one under a prompt, for a prompt).
fn screen(frame: &mut Frame, app: &App, mode: &Mode, now: Instant, theme: &Theme) {
    let (area, day) = (frame.area(), &app.day);
    match mode {
        Mode::Timer(run) | Mode::Leave(run) | Mode::Slept { run, .. } => {
            if let Some(item) = app.timer_item(&run.id) {
                let flashing = app.flash_until.is_some_and(|t| now < t);
                timer::render(frame, area, &item, run, flashing, now, theme);
            }
        }
        Mode::Week { data, row, day } => {
            week::render(frame, area, data, *row, *day, theme);
            week_message(frame, area, app.message.as_deref(), theme);
        }
        Mode::Plan { weeks, scroll } => reach(app, plan::render(frame, area, day, weeks, *scroll, theme)),
        Mode::Progress(p) | Mode::Rmdq { back: p, .. } => progress::render(frame, area, p, theme),
        Mode::Import { plan, scroll } => reach(app, import::render(frame, area, plan, *scroll, theme)),
        Mode::RedFlags { said, scroll, .. } => {
            reach(app, safety::red_flags(frame, area, &day.safety, *said, *scroll, theme));
        }
        Mode::Onboard(o) => reach(app, safety::onboarding(frame, area, app.message.as_deref(), o, theme)),
        // A prompt or a question is drawn over the screen it came from.
        Mode::Feedback(p) if matches!(*p.back, Mode::Week { .. }) => screen(frame, app, &p.back, now, theme),
        Mode::Confirm { back, .. } => screen(frame, app, back, now, theme),
        _ => {
            let shown = today::Shown {
                day,
                streak: app.streak,
                selected: app.selected,
                message: app.message.as_deref(),
            };
            today::render(frame, area, &shown, theme);
        }
    }
}

/// Tells the app how far the scrolled screen just drawn can go, and its page (j/k, PgUp/PgDn
/// and G stop there).
fn reach(app: &App, scroll: wrap::Scroll) {
    app.scroll_end.set(scroll.end);
    app.scroll_page.set(scroll.page);
}

/// Why a key on the week screen did nothing (a day to come, nothing to undo, a refusal), in the
/// two rows above the key hints.
fn week_message(frame: &mut Frame, area: Rect, message: Option<&str>, theme: &Theme) {
    let Some(text) = message else { return };
    let rows = (crate::text::width(text).div_ceil(area.width.max(1) as usize) as u16).clamp(1, 2);
    let rect = Rect { y: area.bottom().saturating_sub(1 + rows), height: rows, ..area };
    frame.render_widget(Clear, rect);
    let text = ratatui::text::Span::styled(text, theme.accent);
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), rect);
}

/// A centred box of `width`×`height` (clamped to `area`), cleared for a popup.
pub fn popup(frame: &mut Frame, area: Rect, width: u16, height: u16) -> Rect {
    let [row] =
        area.layout(&Layout::vertical([Constraint::Length(height.min(area.height))]).flex(Flex::Center));
    let [rect] =
        row.layout(&Layout::horizontal([Constraint::Length(width.min(area.width))]).flex(Flex::Center));
    // A blank column either side, so the screen below never meets the border mid-word.
    let x = rect.x.saturating_sub(1);
    let margin = Rect { x, width: (rect.right() + 1).min(area.right()) - x, ..rect };
    frame.render_widget(Clear, margin);
    rect
}

/// `s` cut to `width` columns between whole characters, with an ellipsis when cut.
pub fn fit(s: &str, width: usize) -> String {
    crate::text::fit(s, width).into_owned()
}

/// The key hints at the bottom of a screen.
pub fn hints<'a>(keys: &[(&'a str, &'a str)], theme: &Theme) -> Line<'a> {
    let mut spans = Vec::new();
    for (i, (key, what)) in keys.iter().enumerate() {
        if i > 0 {
            spans.push(ratatui::text::Span::styled(" · ", theme.dim));
        }
        spans.push(ratatui::text::Span::styled(*key, theme.accent));
        spans.push(ratatui::text::Span::styled(format!(" {what}"), theme.dim));
    }
    Line::from(spans)
}

#[cfg(test)]
mod breaks_tests;
#[cfg(test)]
mod cardio_tests;
#[cfg(test)]
mod day_facts_tests;
#[cfg(test)]
mod import_tests;
#[cfg(test)]
mod progress_tests;
#[cfg(test)]
mod review_tests;
#[cfg(test)]
mod strength_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod theme_screens_tests;
#[cfg(test)]
mod theme_tests;
#[cfg(test)]
mod wide_tests;
