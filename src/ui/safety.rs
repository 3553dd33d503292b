//! The safety screens: the first run (disclaimer, level, movements to avoid) and the red flags
//! with what the user reported, said plainly.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::wrap::{hints_fit, scrolled, wrap};
use super::{Theme, hints};
use crate::app::{Onboarding, Report};
use crate::safety::{DISCLAIMER, EMERGENCY, SEE_GP, SEE_GP_WHEN, Safety};

fn frame_with(frame: &mut Frame, area: Rect, title: &str, theme: &Theme) -> (Rect, Rect) {
    let block = Block::new().borders(Borders::TOP).title(Span::styled(format!(" {title} "), theme.title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [body, keys] = inner.layout(&Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]));
    // One column spare on the right: wrapped text never meets the edge.
    (Rect { width: body.width.saturating_sub(1), ..body }, keys)
}

/// `message`: why the choices could not be saved, if they could not.
/// Returns the furthest scroll of the disclaimer (see [`scrolled`]).
pub fn onboarding(
    frame: &mut Frame,
    area: Rect,
    message: Option<&str>,
    o: &Onboarding,
    theme: &Theme,
) -> super::wrap::Scroll {
    let (body, keys) = frame_with(frame, area, "Welcome to upright", theme);
    let check = |on: bool| if on { "[x]" } else { "[ ]" };
    let (lines, key_line): (Vec<Line>, _) = match o.step {
        0 => (
            DISCLAIMER.iter().flat_map(|p| [Line::from(*p), Line::from("")]).collect(),
            if area.width >= 80 {
                hints(&[("a", "I understand and accept"), ("!", "warning signs"), ("q", "quit")], theme)
            } else {
                hints_fit(
                    &[("a", "accept"), ("j/k", "scroll"), ("!", "signs"), ("q", "quit")],
                    keys.width,
                    theme,
                )
            },
        ),
        1 => (
            vec![
                Line::from("Where would you like to start?"),
                Line::from(""),
                Line::from(vec![
                    Span::styled("1 ", theme.accent),
                    Span::raw("Beginner — new to exercise, or coming back after back pain. Starts gently."),
                ]),
                Line::from(""),
                Line::from(vec![
                    Span::styled("2 ", theme.accent),
                    Span::raw("Active — you already walk 30 minutes and exercise most weeks."),
                ]),
            ],
            hints(&[("1", "beginner"), ("2", "active"), ("Esc", "back")], theme),
        ),
        2 => (
            vec![
                Line::from("Has a physiotherapist or doctor told you to avoid a movement?"),
                Line::from(""),
                Line::from(vec![
                    Span::styled(format!("e {} ", check(o.avoid_extension)), theme.accent),
                    Span::raw("avoid bending backwards (extension) — the foam-roller exercise is left out"),
                ]),
                Line::from(vec![
                    Span::styled(format!("f {} ", check(o.avoid_flexion)), theme.accent),
                    Span::raw("avoid bending forwards (flexion) — the curl-up becomes the dead bug"),
                ]),
                Line::from(""),
                Line::from(Span::styled(
                    "Your answers go into the config file, where you can change them later.",
                    theme.dim,
                )),
            ],
            hints_fit(&[("e/f", "toggle"), ("Enter", "next"), ("Esc", "back")], keys.width, theme),
        ),
        // Strength days are a choice of their own (issue 26.13: the avoid question held it too).
        _ => (
            vec![
                Line::from("Would you like strength days with weights, from your second week?"),
                Line::from(""),
                Line::from(vec![
                    Span::styled(format!("s {} ", check(o.strength)), theme.accent),
                    Span::raw(if o.strength_set {
                        "strength days with weights (on in your config)"
                    } else {
                        "add strength days: a squat, a hinge, a row and a carry, two or three days a week"
                    }),
                ]),
                Line::from(""),
                Line::from(Span::styled(
                    "Without weights each lift starts in an easier form; set loads in the config any time.",
                    theme.dim,
                )),
            ],
            hints_fit(&[("s", "toggle"), ("Enter", "start"), ("Esc", "back")], keys.width, theme),
        ),
    };
    let mut lines = lines;
    if let Some(msg) = message {
        lines.push(Line::from(Span::styled(msg, theme.warn)));
    }
    // Pre-wrapped so the disclaimer scrolls like the other long screens, with their "more ↓"
    // mark: on a small terminal the reader sees there is more before accepting.
    let lines: Vec<Line> =
        lines.into_iter().flat_map(|l| wrap(l.spans, usize::from(body.width), 0)).collect();
    // Every step scrolls (j/k) where it does not fit, as at 40×12.
    let end = scrolled(frame, body, lines, o.scroll, theme);
    frame.render_widget(Paragraph::new(key_line), keys);
    end
}

/// `safety`: what the log says was reported (and when), from the day view.
pub fn red_flags(
    frame: &mut Frame,
    area: Rect,
    safety: &Safety,
    said: Option<Report>,
    scroll: u16,
    theme: &Theme,
) -> super::wrap::Scroll {
    let (body, keys) = frame_with(frame, area, "Warning signs", theme);
    let mut lines = Vec::new();
    match said {
        Some(Report::Emergency) => {
            lines.push(Line::from(Span::styled(
                "Get emergency care now: call 999 / 112 / 911 or go to A&E.",
                theme.warn,
            )));
            lines.push(Line::from(
                "Your routine is stopped and stays locked until you confirm a clinician has checked you.",
            ));
            lines.push(Line::from(""));
        }
        Some(Report::Gp) => {
            lines.push(Line::from(Span::styled("Please book a GP appointment soon.", theme.warn)));
            lines.push(Line::from("You can keep doing the routine gently; doses will not rise until a clinician has checked it."));
            lines.push(Line::from(""));
        }
        Some(Report::Cleared) => {
            lines.push(Line::from(Span::styled(
                "Thank you. The routine is open again — go gently.",
                theme.done,
            )));
            lines.push(Line::from(""));
        }
        None => {}
    }
    lines.push(Line::from(Span::styled("Emergency care now, if back pain comes with:", theme.accent)));
    lines.extend(EMERGENCY.iter().map(|l| Line::from(format!("  • {l}"))));
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled("Urgent GP today, if back pain comes with:", theme.accent)));
    lines.extend(SEE_GP.iter().map(|l| Line::from(format!("  • {l}"))));
    lines.push(Line::from(format!("  {SEE_GP_WHEN}")));
    if let Some(since) = safety.locked_since.or(safety.gp_since) {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            format!("Reported on {}. Press c once a clinician has checked it.", since.strftime("%a %-d %b")),
            theme.warn,
        )));
    }
    // Pre-wrapped with a hanging indent, so the scroll knows where the end is.
    let width = usize::from(body.width);
    let lines: Vec<Line> = lines
        .into_iter()
        .flat_map(|l| {
            let indent = if l.spans.first().is_some_and(|s| s.content.starts_with("  • ")) { 4 } else { 0 };
            wrap(l.spans, width, indent)
        })
        .collect();
    let end = scrolled(frame, body, lines, scroll, theme);
    let wide = area.width >= 80;
    let mut k = if wide {
        vec![("e", "I have an emergency sign now"), ("g", "I have a see-a-GP sign")]
    } else {
        vec![("e", "emergency"), ("g", "GP sign"), ("j/k", "scroll")]
    };
    if safety.locked_since.is_some() || safety.gp_since.is_some() {
        k.push(("c", if wide { "a clinician checked it" } else { "checked" }));
    }
    k.push(("Esc", "back"));
    frame.render_widget(Paragraph::new(hints_fit(&k, keys.width, theme)), keys);
    end
}
