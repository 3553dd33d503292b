//! Text that fits: word wrapping with a hanging indent (never a cut word), key hints that keep
//! whole entries, and a scrolled list with a "more ↓" mark when a screen cannot show it all.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Theme;
use unicode_segmentation::UnicodeSegmentation;

use crate::text::width as cols;

/// `spans` wrapped at word boundaries into lines of at most `width` columns (display columns:
/// a wide character takes two); lines after the first start with `indent` spaces. A single
/// word longer than a line is split between whole characters (nothing else could show it).
pub fn wrap(spans: Vec<Span<'_>>, width: usize, indent: usize) -> Vec<Line<'static>> {
    let width = width.max(1);
    let indent = indent.min(width / 2);
    // Words with the space before them, each with its style.
    let mut words: Vec<(String, Style)> = Vec::new();
    for span in &spans {
        let mut word = String::new();
        for c in span.content.chars() {
            if c == ' ' && !word.trim().is_empty() {
                words.push((std::mem::take(&mut word), span.style));
            }
            word.push(c);
        }
        if !word.is_empty() {
            words.push((word, span.style));
        }
    }
    // Dates and short brackets kept whole, unless that costs a line (rows are scarce at 40×12).
    let grouped = lay_out(keep_together(words.clone(), width.saturating_sub(indent)), width, indent);
    let plain = lay_out(words, width, indent);
    if grouped.len() <= plain.len() { grouped } else { plain }
}

/// `words` (each with the space before it) in lines of `width`, later lines indented.
fn lay_out(words: Vec<(String, Style)>, width: usize, indent: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let mut line: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for (word, style) in words {
        let w = cols(&word);
        if used + w > width && used > indent {
            lines.push(Line::from(std::mem::take(&mut line)));
            line.push(Span::raw(" ".repeat(indent)));
            used = indent;
            let word = word.trim_start().to_string();
            push_word(&mut lines, &mut line, &mut used, word, style, width, indent);
        } else {
            push_word(&mut lines, &mut line, &mut used, word, style, width, indent);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(Line::from(line));
    }
    lines
}

/// Words that read as one are wrapped as one when they fit a line (issue 26: a saved line at
/// 40 columns broke "Tue 24 | Nov" and "(3-2-1 × | 8 s holds)"): a date ("Tue 24 Nov") and a
/// part in brackets ("(3-2-1 × 8 s holds per side)"), each in one style.
fn keep_together(words: Vec<(String, Style)>, room: usize) -> Vec<(String, Style)> {
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const MONTHS: [&str; 12] =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let bare = |w: &str| w.trim().trim_end_matches(['.', ',', ';', ':', '✓', ')']).trim().to_string();
    let mut out: Vec<(String, Style)> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (word, style) = &words[i];
        // How many words from here make one unit.
        let date = i + 2 < words.len()
            && DAYS.contains(&bare(word).as_str())
            && bare(&words[i + 1].0).chars().all(|c| c.is_ascii_digit())
            && MONTHS.contains(&bare(&words[i + 2].0).as_str());
        let bracket = word.trim_start().starts_with('(') && !word.contains(')');
        let n = if date {
            3
        } else if bracket {
            words[i..].iter().position(|(w, _)| w.contains(')')).map_or(1, |end| end + 1)
        } else {
            1
        };
        let unit = &words[i..i + n];
        let joined: String = unit.iter().map(|(w, _)| w.as_str()).collect();
        // A bracket is kept whole when it is a short one with a number (a dose, a pain), not a
        // clause of prose that would leave a gap.
        let short = date || (cols(&joined) <= 32 && joined.chars().any(|c| c.is_ascii_digit()));
        if n > 1 && short && unit.iter().all(|(_, s)| s == style) && cols(joined.trim_start()) <= room {
            out.push((joined, *style));
            i += n;
        } else {
            out.push((word.clone(), *style));
            i += 1;
        }
    }
    out
}

fn push_word(
    lines: &mut Vec<Line<'static>>,
    line: &mut Vec<Span<'static>>,
    used: &mut usize,
    word: String,
    style: Style,
    width: usize,
    indent: usize,
) {
    let mut rest = word.as_str();
    while *used + cols(rest) > width {
        // Whole characters up to the edge (a wide one that would straddle it goes to the next
        // line); on a line too narrow for even one, that one alone, so the text moves on.
        let mut head = crate::text::cut(rest, width.saturating_sub(*used));
        if head.is_empty() && *used <= indent {
            head = rest.graphemes(true).next().unwrap_or(rest);
        }
        if !head.is_empty() {
            line.push(Span::styled(head.to_string(), style));
        }
        lines.push(Line::from(std::mem::take(line)));
        line.push(Span::raw(" ".repeat(indent)));
        *used = indent;
        rest = &rest[head.len()..];
    }
    *used += cols(rest);
    line.push(Span::styled(rest.to_string(), style));
}

/// Plain text wrapped in one style.
pub fn wrap_text(text: &str, style: Style, width: usize, indent: usize) -> Vec<Line<'static>> {
    wrap(vec![Span::styled(text.to_string(), style)], width, indent)
}

/// How far a scrolled screen can go, as last drawn: the furthest scroll that still shows
/// something new (0 when all fit), and the rows of text a page shows (for PgUp/PgDn).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scroll {
    pub end: u16,
    pub page: u16,
}

/// `lines` (one row each) from `scroll` on; when they do not all fit, the last row says
/// "more ↓" (and "↑" when scrolled), so a small terminal shows there is more. Returns how far
/// it can scroll ([`Scroll`]), for the app to stop at.
pub fn scrolled(frame: &mut Frame, area: Rect, lines: Vec<Line<'_>>, scroll: u16, theme: &Theme) -> Scroll {
    let height = usize::from(area.height);
    if lines.len() <= height {
        frame.render_widget(Paragraph::new(lines), area);
        return Scroll { end: 0, page: area.height };
    }
    let room = height.saturating_sub(1);
    let end = lines.len() - room;
    let top = usize::from(scroll).min(end);
    let below = top + room < lines.len();
    let mut shown: Vec<Line> = lines.into_iter().skip(top).take(room).collect();
    let mark = match (top > 0, below) {
        (true, true) => "↑ more ↓ (j/k)",
        (false, true) => "more ↓ (j/k)",
        _ => "↑ more (k)",
    };
    shown.push(Line::from(Span::styled(mark, theme.accent)));
    frame.render_widget(Paragraph::new(shown), area);
    Scroll { end: end as u16, page: room as u16 }
}

/// The leading whole words of `s` that fit `width` (a name in a narrow column): never a
/// word cut in half.
pub fn words_fit(s: &str, width: usize) -> String {
    let mut out = String::new();
    for word in s.split(' ') {
        let next = if out.is_empty() { word.to_string() } else { format!("{out} {word}") };
        if cols(&next) > width {
            break;
        }
        out = next;
    }
    out
}

/// A progress bar `width` cells wide, `ratio` of it filled with whole blocks from the left
/// (ratatui's `Gauge` left a blank cell in the middle where its empty label sat, issue 26).
pub fn bar(ratio: f64, width: u16, style: Style) -> Line<'static> {
    let width = usize::from(width);
    let filled = ((ratio.clamp(0.0, 1.0) * width as f64).round() as usize).min(width);
    Line::from(vec![Span::styled("█".repeat(filled), style), Span::raw(" ".repeat(width - filled))])
}

/// Key hints that fit `width`: whole entries in order, the last entry (back, help) always
/// kept, the ones between dropped when there is no room.
pub fn hints_fit<'a>(keys: &[(&'a str, &'a str)], width: u16, theme: &Theme) -> Line<'a> {
    let len = |k: &(&str, &str)| cols(k.0) + 1 + cols(k.1);
    let Some((last, rest)) = keys.split_last() else { return Line::default() };
    // One column spare, as everywhere: a hint never meets the edge.
    let mut budget = usize::from(width).saturating_sub(len(last) + 1);
    let mut kept = Vec::new();
    for k in rest {
        let need = len(k) + 3;
        if need > budget {
            break;
        }
        budget -= need;
        kept.push(*k);
    }
    kept.push(*last);
    super::hints(&kept, theme)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect()).collect()
    }

    #[test]
    fn wraps_at_words_with_an_indent() {
        let cases: [(&str, usize, usize, &[&str]); 7] = [
            ("short", 10, 2, &["short"]),
            // Wide characters take two columns: a word of them splits between whole ones, and
            // one that would straddle the edge goes to the next line (issue 28.2).
            ("首の回旋 🙆", 5, 0, &["首の", "回旋", "🙆"]),
            ("首の回旋", 3, 0, &["首", "の", "回", "旋"]),
            ("a 首の回旋", 6, 1, &["a 首の", " 回旋"]),
            (
                "up to 4-3-2 × 8 s holds: 3 easy sessions",
                20,
                2,
                &["up to 4-3-2 × 8 s", "  holds: 3 easy", "  sessions"],
            ),
            ("a b c", 3, 0, &["a b", "c"]),
            ("abcdefgh", 4, 0, &["abcd", "efgh"]),
        ];
        for (text, width, indent, want) in cases {
            let got = texts(&wrap_text(text, Style::new(), width, indent));
            assert_eq!(got, want, "{text:?} at {width}");
            assert!(got.iter().all(|l| cols(l) <= width));
        }
    }

    /// Issue 26: a full bar has no blank cell, and fills from the left.
    #[test]
    fn a_bar_has_no_gap() {
        let text = |l: Line| l.spans.iter().map(|s| s.content.as_ref()).collect::<String>();
        assert_eq!(text(bar(5.0 / 6.0, 31, Style::new())), format!("{}{}", "█".repeat(26), " ".repeat(5)));
        assert_eq!(text(bar(1.0, 4, Style::new())), "████");
        assert_eq!(text(bar(0.0, 3, Style::new())), "   ");
    }

    /// Issue 26: a saved line at 40 columns keeps its date and its dose in brackets whole when
    /// that costs no line.
    #[test]
    fn dates_and_doses_in_brackets_stay_whole() {
        let cases: [(&str, &[&str]); 3] = [
            (
                "Undone: Walk's done entry for today, logged Tue 24 Nov.",
                &["Undone: Walk's done entry for today,", "  logged Tue 24 Nov."],
            ),
            (
                "Walk, Mon 23: stopped as advised (pain 7)",
                &["Walk, Mon 23: stopped as advised", "  (pain 7)"],
            ),
            (
                "Saved: Walk bout 1 of 3 (5 min) for Tue 24 Nov, bike instead.",
                &["Saved: Walk bout 1 of 3 (5 min) for", "  Tue 24 Nov, bike instead."],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(texts(&wrap_text(text, Style::new(), 39, 2)), want, "{text:?}");
        }
    }
}
