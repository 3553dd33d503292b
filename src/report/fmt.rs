//! The report's small formatting pieces, shared by the page, its charts and its first page:
//! HTML escaping, a date, a number.

/// Escapes text for HTML (element content and quoted attributes); control characters go, and
/// bidi and other hidden format characters are shown as their code (`\u{202e}`).
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            // A bidi control could show a note in another order than it was written: it is
            // shown as its code instead, so the reader sees something was there.
            c if crate::text::is_hidden_format(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

pub fn date(d: jiff::civil::Date) -> String {
    d.strftime("%-d %b %Y").to_string()
}

/// A number as the report prints it: whole numbers bare, others to one decimal.
pub fn fmt_num(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 { format!("{}", v.round() as i64) } else { format!("{v:.1}") }
}
