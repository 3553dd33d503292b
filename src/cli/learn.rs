//! `upright learn [N]`: the weekly lessons (issue 20) in plain text. Without N: this week's
//! lesson (counted from the day the disclaimer was accepted; the first before that), then the
//! list of all eight.

use eyre::Result;

use crate::ctx::Ctx;
use crate::lessons::{LESSONS, heading, week_of};

pub fn learn(ctx: &mut Ctx, n: Option<u8>) -> Result<()> {
    ctx.load_recent()?;
    let asked = n.map(usize::from);
    let accepted = crate::safety::Safety::from_entries(ctx.store.entries()).accepted;
    let n = asked.or_else(|| accepted.and_then(|a| week_of(a, ctx.today))).unwrap_or(1);
    outln!("{}\n", heading(n));
    for line in textwrap(LESSONS[n - 1].body, 78) {
        outln!("{line}");
    }
    if asked.is_none() {
        outln!("\nAll lessons (upright learn N):");
        for (i, l) in LESSONS.iter().enumerate() {
            outln!("  {}. {}", i + 1, l.title);
        }
    }
    Ok(())
}

/// Lines of at most `width` columns, broken at spaces, so the lesson reads well in an 80-column
/// terminal.
fn textwrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let line = lines.last_mut().expect("one line");
        if !line.is_empty() && crate::text::width(line) + 1 + crate::text::width(word) > width {
            lines.push(word.to_string());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines
}
