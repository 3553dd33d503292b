//! Big digits for the timer: a 3×5 block font, readable across the room, small enough for 40×12.

const GLYPHS: [[&str; 5]; 11] = [
    ["███", "█ █", "█ █", "█ █", "███"],
    ["  █", "  █", "  █", "  █", "  █"],
    ["███", "  █", "███", "█  ", "███"],
    ["███", "  █", "███", "  █", "███"],
    ["█ █", "█ █", "███", "  █", "  █"],
    ["███", "█  ", "███", "  █", "███"],
    ["███", "█  ", "███", "█ █", "███"],
    ["███", "  █", "  █", "  █", "  █"],
    ["███", "█ █", "███", "█ █", "███"],
    ["███", "█ █", "███", "  █", "███"],
    [" ", "▪", " ", "▪", " "],
];

/// The five rows of `text` (digits and ':') in the big font, one space between glyphs.
pub fn big(text: &str) -> [String; 5] {
    let mut rows: [String; 5] = Default::default();
    for (i, c) in text.chars().enumerate() {
        let glyph = match c {
            '0'..='9' => &GLYPHS[c as usize - '0' as usize],
            ':' => &GLYPHS[10],
            _ => continue,
        };
        for (row, part) in rows.iter_mut().zip(glyph) {
            if i > 0 {
                row.push(' ');
            }
            row.push_str(part);
        }
    }
    rows
}

/// `m:ss` for seconds.
pub fn clock(secs: u64) -> String {
    format!("{}:{:02}", secs / 60, secs % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_clock() {
        assert_eq!(clock(0), "0:00");
        assert_eq!(clock(75), "1:15");
        assert_eq!(clock(1800), "30:00");
        let rows = big("1:05");
        assert_eq!(rows[0], "  █   ███ ███");
        assert_eq!(rows[1], "  █ ▪ █ █ █  ");
        assert!(rows.iter().all(|r| crate::text::width(r) == 13));
    }
}
