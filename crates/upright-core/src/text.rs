//! Text from outside the program (exercise names from the config, notes, reasons, paths, error
//! causes) made safe to print in plain output: control characters are shown escaped, so no name
//! or note can set the terminal title, fill the clipboard (OSC 52) or move the cursor; and CSV
//! cells are kept from running as spreadsheet formulas; and where a byte offset falls as a line and
//! column a person can find in an editor; and the display width of text, for everything that
//! aligns, pads, wraps or cuts it (the app and the CLI alike). Pure. The TUI needs no escaping:
//! ratatui's buffer drops control characters itself.

use std::borrow::Cow;
use std::io;

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// `s` with each control character (C0 except the line feed, DEL, C1 U+0080–U+009F) and each
/// hidden format character ([`is_hidden_format`]: bidi controls and the like) written as its Rust
/// escape (`\u{1b}`, `\r`, `\t`, `\u{0}`, `\u{202e}`). The line feed stays: printers and error
/// messages end lines with it, and it moves nothing but the line.
pub fn clean(s: &str) -> Cow<'_, str> {
    // Most text has nothing to escape; printing it should not cost a copy.
    if !s.chars().any(unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if unsafe_char(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n') || is_hidden_format(c)
}

/// Invisible format characters that change how the text around them reads: the bidi controls
/// (embeddings, overrides, isolates and marks, which can show a note in another order than it
/// was written, the "Trojan Source" trick), zero-width spaces and joiners of words, the
/// invisible operators, the BOM and the interlinear annotation marks. The zero-width joiner and
/// non-joiner (U+200C, U+200D) stay: scripts such as Persian and emoji sequences need them, and
/// they reorder nothing.
pub fn is_hidden_format(c: char) -> bool {
    matches!(
        c,
        '\u{61c}'
            | '\u{180e}'
            | '\u{200b}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206f}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}'
    )
}

/// A CSV cell as [`clean`] shows it, with a leading `'` when a spreadsheet would run it as a
/// formula (OWASP's rule: a cell starting with `=`, `+`, `-`, `@`, tab or CR). Numbers are not
/// exempt: none of the export's number columns can be negative, so only text starts this way.
pub fn csv_cell(s: &str) -> Cow<'_, str> {
    // The guard looks at the raw first character: a tab or CR becomes `\t`/`\r` below, but a
    // cell that began with one is marked all the same.
    let formula = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    match (formula, clean(s)) {
        (true, cell) => Cow::Owned(format!("'{cell}")),
        (false, cell) => cell,
    }
}

/// `value` as one line of JSON: the exact value, with DEL, C1 and hidden format characters
/// (bidi controls) written as `\u007f`-style escapes too. serde_json escapes C0 itself but writes those raw, and a terminal may act on a
/// raw U+009B (CSI) just as on ESC `[`.
pub fn write_json<W: io::Write>(out: W, value: &impl Serialize) -> io::Result<()> {
    value.serialize(&mut serde_json::Serializer::with_formatter(out, Escaped)).map_err(io::Error::from)
}

struct Escaped;

impl serde_json::ser::Formatter for Escaped {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        out: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        // Only DEL, C1 and format characters can be here: serde_json hands C0, quotes and
        // backslashes to `write_char_escape` instead. The escape keeps the exact value.
        for (at, c) in fragment.char_indices().filter(|(_, c)| c.is_control() || is_hidden_format(*c)) {
            out.write_all(&fragment.as_bytes()[start..at])?;
            write!(out, "\\u{:04x}", u32::from(c))?;
            start = at + c.len_utf8();
        }
        out.write_all(&fragment.as_bytes()[start..])
    }
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
pub fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    // A count of characters, not columns: editors go to "line 3, column 7" by characters.
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// `s` with its first letter upper case ("a short walk" → "A short walk").
pub fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// The columns `s` takes on a terminal, as ratatui draws it: each grapheme cluster's display
/// width (a CJK character or an emoji takes 2, a combining accent 0). What aligns, pads, wraps
/// or cuts text measures with this, never `chars().count()` (`首の回旋 🙆` is 6 characters and
/// 11 columns).
pub fn width(s: &str) -> usize {
    s.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// `s` followed by spaces up to `cols` columns (as `{:<cols$}` would, by display width); `s`
/// itself when it is as wide already.
pub fn pad_to(s: &str, cols: usize) -> String {
    let mut out = String::with_capacity(s.len() + cols);
    out.push_str(s);
    out.extend(std::iter::repeat_n(' ', cols.saturating_sub(width(s))));
    out
}

/// `s` after spaces up to `cols` columns (right-aligned, as `{:>cols$}` by display width).
pub fn pad_left(s: &str, cols: usize) -> String {
    let mut out = " ".repeat(cols.saturating_sub(width(s)));
    out.push_str(s);
    out
}

/// `s` centred in `cols` columns (as `{:^cols$}` by display width: an odd space goes right).
pub fn center(s: &str, cols: usize) -> String {
    let room = cols.saturating_sub(width(s));
    format!("{}{s}{}", " ".repeat(room / 2), " ".repeat(room - room / 2))
}

/// The longest start of `s` that fits `cols` columns, ending on a grapheme boundary: never half
/// a wide character or an emoji, never an accent torn from its letter.
pub fn cut(s: &str, cols: usize) -> &str {
    let mut used = 0;
    for (at, g) in s.grapheme_indices(true) {
        used += g.width();
        if used > cols {
            return &s[..at];
        }
    }
    s
}

/// `s` as it fits `cols` columns: whole, or [`cut`] with an ellipsis in the last column.
pub fn fit(s: &str, cols: usize) -> Cow<'_, str> {
    if width(s) <= cols {
        return Cow::Borrowed(s);
    }
    Cow::Owned(format!("{}…", cut(s, cols.saturating_sub(1))))
}

#[cfg(test)]
mod width_tests;

#[cfg(test)]
mod tests {
    use super::{clean, csv_cell, write_json};

    #[test]
    fn control_characters_are_shown_escaped() {
        for (raw, want) in [
            ("Wall angel", "Wall angel"),
            ("Curl-up · 3 × 8 s ✓", "Curl-up · 3 × 8 s ✓"),
            ("\x1b]0;pwned\x07", "\\u{1b}]0;pwned\\u{7}"),
            ("\x1b]52;c;ZWNobyBoaQ==\x07", "\\u{1b}]52;c;ZWNobyBoaQ==\\u{7}"),
            ("nul\0here", "nul\\u{0}here"),
            ("over\rwrite", "over\\rwrite"),
            ("tab\there", "tab\\there"),
            ("del\x7f", "del\\u{7f}"),
            // C1: U+009B is a one-character CSI on terminals that take 8-bit controls.
            ("csi\u{9b}31m", "csi\\u{9b}31m"),
            ("\u{85}next line", "\\u{85}next line"),
            ("two\nlines", "two\nlines"),
            // Bidi controls would show a note in another order than it was written.
            ("pain \u{202e}01\u{202c} of 10", "pain \\u{202e}01\\u{202c} of 10"),
            (
                "\u{2066}a\u{2069}\u{2067}b\u{2068}\u{200f}\u{61c}",
                "\\u{2066}a\\u{2069}\\u{2067}b\\u{2068}\\u{200f}\\u{61c}",
            ),
            ("zero\u{200b}width\u{feff}", "zero\\u{200b}width\\u{feff}"),
            // Joiners stay: Persian and emoji sequences need them.
            (
                "\u{645}\u{6cc}\u{200c}\u{62e}\u{648}\u{627}\u{645} 👩\u{200d}⚕️",
                "\u{645}\u{6cc}\u{200c}\u{62e}\u{648}\u{627}\u{645} 👩\u{200d}⚕️",
            ),
            ("", ""),
        ] {
            assert_eq!(clean(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn formula_cells_are_neutralised() {
        for (raw, want) in [
            ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"),
            ("+1+1", "'+1+1"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\\t=1"),
            ("\r=1", "'\\r=1"),
            ("felt fine", "felt fine"),
            ("a=b", "a=b"),
            ("3", "3"),
            ("2026-11-24", "2026-11-24"),
            ("note\x1b[2J", "note\\u{1b}[2J"),
            ("", ""),
        ] {
            assert_eq!(csv_cell(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn json_keeps_the_exact_string_in_plain_bytes() {
        let raw = "\x1b]0;pwned\x07 \0 \u{7f} \u{9b}31m \u{85} \"q\" \\ é ✓ \u{202e}rtl\u{2066}";
        let mut out = Vec::new();
        write_json(&mut out, &serde_json::json!({ "name": raw })).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(!text.chars().any(|c| c.is_control() || super::is_hidden_format(c)), "{text:?}");
        assert!(text.contains("\\u202ertl\\u2066"), "{text}");
        assert!(text.contains("\\u009b31m") && text.contains("\\u007f") && text.contains("é ✓"), "{text}");
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["name"], raw);
    }
}
