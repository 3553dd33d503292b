//! The quick read of a month exactly as upright writes it: `version = 1`, then `[[entry]]`
//! tables of `key = value` lines with plain strings and integers (a check-in's PSFS activities
//! as `[[entry.activities]]` tables of a name and a score). It is the same TOML, read
//! line by line instead of through a general parser (about ten times fewer instructions, which is
//! what lets a long history open fast with no cache). Anything else — a comment, CRLF, an escape,
//! an unknown key, a duplicate, a value out of range — answers `None`, and the general parser
//! reads the file and gives its line and column. A property test checks that whenever this
//! answers, it answers exactly what the general parser does.

use jiff::civil::Date;

use upright_core::log::{Activity, Entry, EntryKind, Feedback};

/// The entries of `text` if it is in upright's own plain layout; `None` for anything else.
pub fn parse(text: &str) -> Option<Vec<Entry>> {
    // Lines found with memchr's vectorised search (`str::split` cost an eighth more
    // instructions over a long history).
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    let mut lines = ends
        .map(move |end| {
            let line = &text[start..end];
            start = end + 1;
            line
        })
        .skip_while(|l| l.is_empty());
    if lines.next()? != "version = 1" {
        return None;
    }
    let mut entries = Vec::new();
    let mut current: Option<Fields> = None;
    for line in lines {
        if line.is_empty() {
            continue;
        }
        if line == "[[entry]]" {
            if let Some(done) = current.take() {
                entries.push(done.entry()?);
            }
            current = Some(Fields::default());
            continue;
        }
        if line == "[[entry.activities]]" {
            // The entry's own keys are all above its first activity (TOML puts them there).
            current.as_mut()?.activities.push(Part::default());
            continue;
        }
        // Keys have no spaces: the first one starts ` = `.
        let space = line.bytes().position(|b| b == b' ')?;
        let (key, value) = (&line[..space], line[space..].strip_prefix(" = ")?);
        let fields = current.as_mut()?;
        match fields.activities.last_mut() {
            Some(activity) => activity.set(key, value)?,
            None => fields.set(key, value)?,
        }
    }
    if let Some(done) = current {
        entries.push(done.entry()?);
    }
    Some(entries)
}

#[derive(Default)]
struct Fields {
    id: Option<String>,
    date: Option<Date>,
    at: Option<String>,
    kind: Option<EntryKind>,
    exercise: Option<String>,
    step: Option<u32>,
    dose: Option<String>,
    feedback: Option<Feedback>,
    pain: Option<u8>,
    minutes: Option<u32>,
    load: Option<f64>,
    reps: Option<u32>,
    note: Option<String>,
    reason: Option<String>,
    removes: Option<String>,
    variant: Option<String>,
    with: Option<String>,
    partial: Option<bool>,
    answers: Option<String>,
    activities: Vec<Part>,
}

/// One `[[entry.activities]]` table as read so far.
#[derive(Default)]
struct Part {
    name: Option<String>,
    score: Option<u8>,
}

impl Part {
    fn set(&mut self, key: &str, value: &str) -> Option<()> {
        match key {
            "name" => once(&mut self.name, string(value)),
            "score" => once(&mut self.score, integer(value).and_then(|n| u8::try_from(n).ok())),
            _ => None,
        }
    }
}

/// Sets `slot` once: a second value for the same key is a duplicate, which the general parser
/// reports.
fn once<T>(slot: &mut Option<T>, value: Option<T>) -> Option<()> {
    match (slot.is_some(), value) {
        (false, Some(v)) => {
            *slot = Some(v);
            Some(())
        }
        _ => None,
    }
}

impl Fields {
    fn set(&mut self, key: &str, value: &str) -> Option<()> {
        match key {
            "id" => once(&mut self.id, string(value)),
            "date" => once(&mut self.date, plain(value).and_then(date)),
            "at" => once(&mut self.at, string(value)),
            "kind" => once(&mut self.kind, plain(value).map(EntryKind::from)),
            "exercise" => once(&mut self.exercise, string(value)),
            "step" => once(&mut self.step, integer(value).and_then(|n| u32::try_from(n).ok())),
            "dose" => once(&mut self.dose, string(value)),
            "feedback" => once(&mut self.feedback, plain(value).and_then(feedback)),
            "pain" => once(&mut self.pain, integer(value).and_then(|n| u8::try_from(n).ok())),
            "minutes" => once(&mut self.minutes, integer(value).and_then(|n| u32::try_from(n).ok())),
            "load" => once(&mut self.load, decimal(value)),
            "reps" => once(&mut self.reps, integer(value).and_then(|n| u32::try_from(n).ok())),
            "note" => once(&mut self.note, string(value)),
            "reason" => once(&mut self.reason, string(value)),
            "removes" => once(&mut self.removes, string(value)),
            "variant" => once(&mut self.variant, string(value)),
            "with" => once(&mut self.with, string(value)),
            "partial" => once(&mut self.partial, boolean(value)),
            "answers" => once(&mut self.answers, string(value)),
            _ => None,
        }
    }

    fn entry(self) -> Option<Entry> {
        let mut e = Entry::new(self.id?, self.date?, self.at?, self.kind?);
        e.exercise = self.exercise;
        e.step = self.step;
        e.dose = self.dose;
        e.feedback = self.feedback;
        e.pain = self.pain;
        e.minutes = self.minutes;
        e.load = self.load;
        e.reps = self.reps;
        e.note = self.note;
        e.reason = self.reason;
        e.removes = self.removes;
        e.variant = self.variant;
        e.with = self.with;
        e.partial = self.partial.unwrap_or(false);
        e.answers = self.answers;
        e.activities = self
            .activities
            .into_iter()
            .map(|a| Some(Activity { name: a.name?, score: a.score? }))
            .collect::<Option<_>>()?;
        Some(e)
    }
}

/// A basic string with nothing to unescape: no quote, backslash or control character inside.
fn string(value: &str) -> Option<String> {
    plain(value).map(str::to_string)
}

/// What [`string`] reads, borrowed (for the values that are parsed further, not kept).
fn plain(value: &str) -> Option<&str> {
    let inner = value.strip_prefix('"')?.strip_suffix('"')?;
    let special = |b: u8| b == b'"' || b == b'\\' || !(0x20..0x7f).contains(&b);
    // Plain ASCII is checked by byte; other text by character (C1 controls are two bytes).
    let ok = !inner.bytes().any(special)
        || (!inner.is_ascii() && !inner.chars().any(|c| c == '"' || c == '\\' || c.is_control()));
    ok.then_some(inner)
}

/// A decimal integer as TOML writes it: digits only, no sign, no leading zero, no underscores.
fn integer(value: &str) -> Option<u64> {
    let plain = !value.is_empty() && value.len() <= 19 && value.bytes().all(|b| b.is_ascii_digit());
    (plain && (value == "0" || !value.starts_with('0'))).then(|| value.parse().ok()).flatten()
}

/// A float as upright writes a load: `8.0`, `12.5` (digits, one point, digits; no exponent, sign
/// or underscore). Both sides of the point are short, so the value is exactly what TOML reads.
fn decimal(value: &str) -> Option<f64> {
    let (whole, frac) = value.split_once('.')?;
    let digits = |s: &str| !s.is_empty() && s.len() <= 9 && s.bytes().all(|b| b.is_ascii_digit());
    let plain = digits(whole) && digits(frac) && (whole == "0" || !whole.starts_with('0'));
    plain.then(|| value.parse().ok()).flatten()
}

fn boolean(value: &str) -> Option<bool> {
    match value {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

/// `YYYY-MM-DD`, the only form upright writes (a day the month does not have is left to the
/// general parser, which reports it).
fn date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return None;
    }
    let n = |r: std::ops::Range<usize>| b[r].iter().fold(0i16, |n, d| n * 10 + i16::from(d - b'0'));
    Date::new(n(0..4), n(5..7) as i8, n(8..10) as i8).ok()
}

fn feedback(s: &str) -> Option<Feedback> {
    match s {
        "easy" => Some(Feedback::Easy),
        "ok" => Some(Feedback::Ok),
        "hard" => Some(Feedback::Hard),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_strength_entry_reads_on_the_quick_path() {
        let text = "version = 1\n\n[[entry]]\nid = \"a\"\ndate = \"2026-03-02\"\nat = \"2026-03-02T08:00:00+01:00\"\nkind = \"done\"\nexercise = \"goblet-squat\"\nload = 8.5\nreps = 10\n";
        let e = &parse(text).expect("upright's own layout")[0];
        assert_eq!((e.load, e.reps), (Some(8.5), Some(10)));
        for odd in ["load = 8", "load = 1e1", "load = +8.0", "load = 08.0", "load = 8_0.0"] {
            assert!(parse(&text.replace("load = 8.5", odd)).is_none(), "{odd}");
        }
    }

    /// A weekly check-in (PSFS activities, the week's pain) and an RMDQ are read on the quick
    /// path: a history with a check-in most weeks is not a history of general parses.
    #[test]
    fn a_checkin_and_an_rmdq_read_on_the_quick_path() {
        let at = "2026-03-02T08:00:00+01:00".to_string();
        let date: Date = "2026-03-02".parse().unwrap();
        let mut checkin = Entry::new("c".into(), date, at.clone(), EntryKind::Checkin);
        checkin.pain = Some(3);
        checkin.activities = vec![
            Activity { name: "Walking to the shop".into(), score: 6 },
            Activity { name: "Gardening".into(), score: 4 },
        ];
        let mut rmdq = Entry::new("r".into(), date, at, EntryKind::Rmdq);
        rmdq.answers = Some("ynynnnnnnnnnnnnnnnnnnnny".into());
        let text = crate::state::Month { entries: vec![checkin.clone(), rmdq.clone()], ..Default::default() }
            .to_toml();
        assert!(text.contains("[[entry.activities]]"), "{text}");
        assert_eq!(parse(&text).expect("upright's own layout"), vec![checkin, rmdq]);
        // An activity without its score, or a key an activity does not have, is the general parser's.
        assert!(parse(&text.replacen("score = 6\n", "", 1)).is_none());
        assert!(parse(&text.replacen("score = 6", "scor = 6", 1)).is_none());
    }

    /// Issue 20: a hold set cut short and a harder form declined, as upright writes them.
    #[test]
    fn a_cut_short_session_and_a_declined_offer_read_on_the_quick_path() {
        let at = "2026-03-02T08:00:00+01:00".to_string();
        let date: Date = "2026-03-02".parse().unwrap();
        let mut cut = Entry::new("a".into(), date, at.clone(), EntryKind::Done);
        (cut.exercise, cut.partial) = (Some("curl-up".into()), true);
        let mut no = Entry::new("b".into(), date, at, EntryKind::HarderDeclined);
        no.exercise = Some("side-bridge".into());
        let text = crate::state::Month { entries: vec![cut, no], ..Default::default() }.to_toml();
        assert!(text.contains("partial = true") && text.contains("kind = \"harder-declined\""), "{text}");
        let read = parse(&text).expect("upright's own layout");
        assert_eq!((read[0].partial, &read[1].kind), (true, &EntryKind::HarderDeclined));
        assert!(parse(&text.replace("partial = true", "partial = yes")).is_none());
    }
}
