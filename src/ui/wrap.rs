//! Text that fits: word wrapping with a hanging indent (never a cut word), key hints that keep
//! whole entries, and a scrolled list with a "more ↓" mark when a screen cannot show it all.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Theme;

/// `spans` wrapped at word boundaries into lines of at most `width` columns; lines after the
/// first start with `indent` spaces. A single word longer than a line is split (nothing else
/// could show it).
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
    let mut lines = Vec::new();
    let mut line: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for (word, style) in words {
        let w = word.chars().count();
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

fn push_word(
    lines: &mut Vec<Line<'static>>,
    line: &mut Vec<Span<'static>>,
    used: &mut usize,
    word: String,
    style: Style,
    width: usize,
    indent: usize,
) {
    let mut rest: Vec<char> = word.chars().collect();
    while *used + rest.len() > width {
        let take = width.saturating_sub(*used).max(1);
        let head: String = rest.drain(..take.min(rest.len())).collect();
        line.push(Span::styled(head, style));
        lines.push(Line::from(std::mem::take(line)));
        line.push(Span::raw(" ".repeat(indent)));
        *used = indent;
    }
    *used += rest.len();
    line.push(Span::styled(rest.into_iter().collect::<String>(), style));
}

/// Plain text wrapped in one style.
pub fn wrap_text(text: &str, style: Style, width: usize, indent: usize) -> Vec<Line<'static>> {
    wrap(vec![Span::styled(text.to_string(), style)], width, indent)
}

/// `lines` (one row each) from `scroll` on; when they do not all fit, the last row says
/// "more ↓" (and "↑" when scrolled), so a small terminal shows there is more. Returns the
/// furthest scroll that still shows something new (0 when all fit), for the app to stop at.
pub fn scrolled(frame: &mut Frame, area: Rect, lines: Vec<Line<'_>>, scroll: u16, theme: &Theme) -> u16 {
    let height = usize::from(area.height);
    if lines.len() <= height {
        frame.render_widget(Paragraph::new(lines), area);
        return 0;
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
    end as u16
}

/// The leading whole words of `s` that fit `width` (a name in a narrow column): never a
/// word cut in half.
pub fn words_fit(s: &str, width: usize) -> String {
    let mut out = String::new();
    for word in s.split(' ') {
        let next = if out.is_empty() { word.to_string() } else { format!("{out} {word}") };
        if next.chars().count() > width {
            break;
        }
        out = next;
    }
    out
}

/// Key hints that fit `width`: whole entries in order, the last entry (back, help) always
/// kept, the ones between dropped when there is no room.
pub fn hints_fit<'a>(keys: &[(&'a str, &'a str)], width: u16, theme: &Theme) -> Line<'a> {
    let len = |k: &(&str, &str)| k.0.chars().count() + 1 + k.1.chars().count();
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
        let cases: [(&str, usize, usize, &[&str]); 4] = [
            ("short", 10, 2, &["short"]),
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
            assert!(got.iter().all(|l| l.chars().count() <= width));
        }
    }
}
