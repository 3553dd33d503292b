//! Display width, padding and cutting (issue 28.2): a wide name keeps the columns after it in
//! place, and a cut never splits a wide character, an emoji or an accent from its letter.

use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

use super::{center, cut, fit, pad_left, pad_to, width};

#[test]
fn width_counts_columns_not_characters() {
    for (s, chars, cols) in [
        ("Walk", 4, 4),
        ("", 0, 0),
        ("首の回旋 🙆", 6, 11),
        ("Curl-up · 3 × 8 s ✓", 19, 19),
        // An accent written as a combining mark takes no column of its own.
        ("Cafe\u{301}", 5, 4),
        // A family emoji joined with ZWJs is one grapheme, drawn in two columns.
        ("👩\u{200d}👩\u{200d}👧", 5, 2),
        ("ｆｕｌｌ", 4, 8),
    ] {
        assert_eq!(s.chars().count(), chars, "{s:?}");
        assert_eq!(width(s), cols, "{s:?}");
    }
}

#[test]
fn padding_is_by_columns() {
    assert_eq!(pad_to("首の回旋 🙆", 14), "首の回旋 🙆   ");
    assert_eq!(pad_to("Walk", 14), "Walk          ");
    assert_eq!(width(&pad_to("首の回旋 🙆", 14)), width(&pad_to("Walk", 14)));
    assert_eq!(pad_to("too wide", 3), "too wide");
    assert_eq!(pad_left("首", 4), "  首");
    assert_eq!(pad_left("j/k ↑/↓", 9), "  j/k ↑/↓");
    assert_eq!(center("✓", 3), " ✓ ");
    assert_eq!(center("首", 5), " 首  ");
    assert_eq!(center("12", 5), " 12  ");
}

#[test]
fn a_cut_keeps_whole_characters() {
    for (s, cols, want) in [
        ("首の回旋 🙆", 11, "首の回旋 🙆"),
        ("首の回旋 🙆", 10, "首の回旋 "),
        ("首の回旋 🙆", 3, "首"),
        ("首の回旋 🙆", 1, ""),
        ("Cafe\u{301}s", 4, "Cafe\u{301}"),
        ("👩\u{200d}👩\u{200d}👧 ok", 1, ""),
        ("👩\u{200d}👩\u{200d}👧 ok", 3, "👩\u{200d}👩\u{200d}👧 "),
        ("Walk", 0, ""),
    ] {
        assert_eq!(cut(s, cols), want, "{s:?} in {cols}");
    }
    assert_eq!(fit("首の回旋 🙆", 11), "首の回旋 🙆");
    assert_eq!(fit("首の回旋 🙆", 6), "首の…");
    assert_eq!(fit("Chair hamstring stretch", 10), "Chair ham…");
}

fn text() -> impl Strategy<Value = String> {
    // Latin, CJK, emoji, combining marks and joiners mixed.
    proptest::collection::vec(
        prop_oneof![
            Just("a"),
            Just(" "),
            Just("首"),
            Just("の"),
            Just("🙆"),
            Just("e\u{301}"),
            Just("\u{301}"),
            Just("👩\u{200d}⚕\u{fe0f}"),
            Just("ｆ"),
            Just("·"),
        ],
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    /// The cut is a start of `s` on a grapheme boundary, fits, and is the longest that does.
    #[test]
    fn cut_is_the_longest_whole_start_that_fits(s in text(), cols in 0usize..30) {
        let got = cut(&s, cols);
        prop_assert!(s.starts_with(got));
        prop_assert!(width(got) <= cols);
        let boundaries: Vec<usize> = s.grapheme_indices(true).map(|(i, _)| i).chain([s.len()]).collect();
        prop_assert!(boundaries.contains(&got.len()));
        if got.len() < s.len() {
            let next = s[got.len()..].graphemes(true).next().unwrap();
            prop_assert!(width(got) + width(next) > cols);
        }
        let fitted = fit(&s, cols);
        prop_assert!(width(&fitted) <= cols.max(1));
    }

    /// Padded text always takes at least `cols` columns, and exactly when it was narrower.
    #[test]
    fn padding_reaches_the_column(s in text(), cols in 0usize..40) {
        let padded = pad_to(&s, cols);
        prop_assert_eq!(width(&padded), width(&s).max(cols));
        prop_assert_eq!(width(&pad_left(&s, cols)), width(&s).max(cols));
        prop_assert_eq!(width(&center(&s, cols)), width(&s).max(cols));
    }
}
