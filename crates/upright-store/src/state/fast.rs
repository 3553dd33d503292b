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
    let mut entries = Vec::new();
    parse_into(text, &mut entries).then_some(entries)
}

/// [`parse`], appending the entries to `into`: `false` (and `into` as it was) for anything
/// but upright's own layout.
pub fn parse_into(text: &str, into: &mut Vec<Entry>) -> bool {
    let start = into.len();
    let read = read_into(text, into);
    if read.is_none() {
        into.truncate(start);
    }
    read.is_some()
}

fn read_into(text: &str, into: &mut Vec<Entry>) -> Option<()> {
    let mut lines = Lines { text, at: 0 };
    if lines.find(|l| !l.is_empty())? != "version = 1" {
        return None;
    }
    // Sized once for about what the text holds (an entry upright writes takes 150–250 bytes;
    // growing the vector moved every entry read so far, several times per month).
    into.reserve(text.len() / 160);
    // Each table is read straight into the entry it becomes; `open` says one is being read.
    let mut open = false;
    let mut seen = Seen::default();
    for line in lines {
        if line.is_empty() {
            continue;
        }
        if line == "[[entry]]" {
            if open {
                seen.check(into.last()?)?;
            }
            into.push(Entry::new(String::new(), Date::MIN, String::new(), EntryKind::Done));
            (open, seen) = (true, Seen::default());
            continue;
        }
        if !open {
            return None;
        }
        let entry = into.last_mut()?;
        if line == "[[entry.activities]]" {
            // The entry's own keys are all above its first activity (TOML puts them there).
            if !entry.activities.is_empty() && seen.activity != (true, true) {
                return None;
            }
            entry.activities.push(Activity { name: String::new(), score: u8::MAX });
            seen.activity = (false, false);
            continue;
        }
        // Keys have no spaces: the first one starts ` = `.
        let space = line.bytes().position(|b| b == b' ')?;
        let (key, value) = (&line[..space], line[space..].strip_prefix(" = ")?);
        if entry.activities.is_empty() {
            seen.set(entry, key, value)?;
        } else {
            seen.set_activity(entry.activities.last_mut()?, key, value)?;
        }
    }
    if open {
        seen.check(into.last()?)?;
    }
    Some(())
}

/// The lines of a text, each found with memchr's vectorised search (`str::split` cost an
/// eighth more instructions over a long history, and a chain of iterator adapters a tenth).
struct Lines<'t> {
    text: &'t str,
    /// Where the next line starts; past the end when there is none.
    at: usize,
}

impl<'t> Iterator for Lines<'t> {
    type Item = &'t str;

    fn next(&mut self) -> Option<&'t str> {
        let rest = self.text.get(self.at..)?;
        let end = memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len());
        self.at += end + 1;
        Some(&rest[..end])
    }
}

/// Which keys of the table being read have been set (a second one is a duplicate, which the
/// general parser reports; a missing required one is the general parser's too).
#[derive(Default)]
struct Seen {
    keys: u32,
    /// The last activity's name and score.
    activity: (bool, bool),
}

impl Seen {
    /// Sets `key` of `e` to `value`; `None` for an unknown key, a bad value or a second one.
    fn set(&mut self, e: &mut Entry, key: &str, value: &str) -> Option<()> {
        let small = |v: u64| u32::try_from(v).ok();
        // The key's bit in `keys` (id, date, at and kind first: the ones every entry has).
        let bit = match key {
            "id" => (0, e.id = string(value)?).0,
            "date" => (1, e.date = plain(value).and_then(date)?).0,
            "at" => (2, e.at = string(value)?).0,
            "kind" => (3, e.kind = plain(value).map(EntryKind::from)?).0,
            "exercise" => (4, e.exercise = Some(string(value)?)).0,
            "step" => (5, e.step = Some(integer(value).and_then(small)?)).0,
            "dose" => (6, e.dose = Some(string(value)?)).0,
            "feedback" => (7, e.feedback = Some(plain(value).and_then(feedback)?)).0,
            "pain" => (8, e.pain = Some(integer(value).and_then(|n| u8::try_from(n).ok())?)).0,
            "minutes" => (9, e.minutes = Some(integer(value).and_then(small)?)).0,
            "load" => (10, e.load = Some(decimal(value)?)).0,
            "reps" => (11, e.reps = Some(integer(value).and_then(small)?)).0,
            "note" => (12, e.note = Some(string(value)?)).0,
            "reason" => (13, e.reason = Some(string(value)?)).0,
            "removes" => (14, e.removes = Some(string(value)?)).0,
            "variant" => (15, e.variant = Some(string(value)?)).0,
            "with" => (16, e.with = Some(string(value)?)).0,
            "partial" => (17, e.partial = boolean(value)?).0,
            "answers" => (18, e.answers = Some(string(value)?)).0,
            _ => return None,
        };
        let bit = 1u32 << bit;
        if self.keys & bit != 0 {
            return None;
        }
        self.keys |= bit;
        Some(())
    }

    fn set_activity(&mut self, a: &mut Activity, key: &str, value: &str) -> Option<()> {
        match key {
            "name" if !self.activity.0 => (a.name, self.activity.0) = (string(value)?, true),
            "score" if !self.activity.1 => {
                (a.score, self.activity.1) = (integer(value).and_then(|n| u8::try_from(n).ok())?, true)
            }
            _ => return None,
        }
        Some(())
    }

    /// The finished table `e` has its id, date, time and kind, and each activity a name and score.
    fn check(&self, e: &Entry) -> Option<()> {
        let required = 0b1111;
        let activities_whole = e.activities.is_empty() || self.activity == (true, true);
        (self.keys & required == required && activities_whole).then_some(())
    }
}

/// A basic string with nothing to unescape: no quote, backslash or control character inside.
fn string(value: &str) -> Option<String> {
    plain(value).map(str::to_string)
}

/// What [`string`] reads, borrowed (for the values that are parsed further, not kept).
fn plain(value: &str) -> Option<&str> {
    let inner = value.strip_prefix('"')?.strip_suffix('"')?;
    // One pass over the bytes: a quote, a backslash, an ASCII control (C0 or DEL) or a C1
    // control (U+0080–U+009F, which UTF-8 writes as 0xC2 then 0x80–0x9F), by a table.
    let bytes = inner.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        match CLASS[usize::from(*b)] {
            PLAIN => {}
            LEAD_C2 if bytes.get(i + 1).is_some_and(|n| *n >= 0xa0) => {}
            _ => return None,
        }
    }
    Some(inner)
}

const PLAIN: u8 = 0;
const SPECIAL: u8 = 1;
const LEAD_C2: u8 = 2;

/// What each byte of a basic string is to [`plain`].
static CLASS: [u8; 256] = {
    let mut class = [PLAIN; 256];
    let mut b = 0;
    while b < 0x20 {
        class[b] = SPECIAL;
        b += 1;
    }
    class[0x7f] = SPECIAL;
    class[b'"' as usize] = SPECIAL;
    class[b'\\' as usize] = SPECIAL;
    class[0xc2] = LEAD_C2;
    class
};

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

    /// Appending reads the same entries after what the vector held, and leaves it as it was
    /// when the text is not upright's own layout (the general parser then reads it).
    #[test]
    fn appending_reads_after_what_is_held_and_leaves_it_on_a_refusal() {
        let date: Date = "2026-03-02".parse().unwrap();
        let at = "2026-03-02T08:00:00+01:00".to_string();
        let mut a = Entry::new("a".into(), date, at.clone(), EntryKind::Done);
        a.exercise = Some("walk".into());
        let b = Entry::new("b".into(), date, at, EntryKind::Checkin);
        let text =
            crate::state::Month { entries: vec![a.clone(), b.clone()], ..Default::default() }.to_toml();
        let mut into = vec![b.clone()];
        assert!(parse_into(&text, &mut into));
        assert_eq!(into, vec![b.clone(), a, b.clone()]);
        let mut into = vec![b.clone()];
        assert!(!parse_into(&text.replace("kind = \"done\"", "kind = \"done\" # a comment"), &mut into));
        assert_eq!(into, vec![b]);
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
