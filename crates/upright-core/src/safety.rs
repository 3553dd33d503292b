//! Safety (shared/COACHING.md "Safety"): the disclaimer, the red-flag lists, and what the log
//! says about locks and pauses now — an emergency red flag locks the routine, a see-a-GP flag
//! pauses progression, leg symptoms pause one exercise, each until a clinician cleared it.
//! Pure: derived from the entries.

use std::collections::BTreeMap;

use jiff::ToSpan;
use jiff::civil::Date;

use crate::log::{Entry, EntryKind};

pub const DISCLAIMER: [&str; 4] = [
    "upright offers general information about exercise. It is not medical advice and it cannot examine you.",
    "Please see a physiotherapist or doctor before you start — above all with a spine diagnosis (a herniated \
     disc and spondylolisthesis, for example, need different exercise), recent spinal surgery, osteoporosis, \
     heart trouble, dizziness, or if you are pregnant.",
    "Stop any exercise that causes sharp pain or pain spreading down a leg. Every rule here is a default that \
     you or your clinician can change in the config.",
    "Press ! at any time (or run upright safety) for the warning signs that need a doctor.",
];

/// Back pain with any of these needs emergency care now (NHS and cauda-equina guidance). Each
/// sign has a short id for `upright safety --report ID`.
pub const EMERGENCY_SIGNS: [(&str, &str); 9] = [
    ("both-legs", "pain, tingling, weakness or numbness in both legs"),
    ("saddle", "numbness or tingling around your genitals or buttocks"),
    ("wiping", "changed feeling when you wipe after using the toilet"),
    ("bladder", "trouble passing urine, or not feeling when your bladder is full"),
    ("control", "loss of bladder or bowel control"),
    ("sexual", "new problems getting or keeping an erection, or other new sexual problems"),
    ("weakness", "leg weakness or unsteadiness that is getting worse"),
    ("chest", "chest pain"),
    ("accident", "the pain started after a serious fall or accident"),
];

/// Back pain with any of these needs an urgent GP appointment today, or NHS 111 (Turn 3
/// review G: osteoporosis with a minor fall belongs here, and the age is over 50).
pub const SEE_GP_SIGNS: [(&str, &str); 10] = [
    ("fever", "a fever"),
    ("weight", "weight loss you cannot explain"),
    ("lump", "a lump, swelling or change in the shape of your back"),
    ("night", "pain that rest does not ease, or that is worse at night"),
    ("cough", "pain that is worse when you cough or sneeze"),
    ("bowels", "pain that is worse when you open your bowels"),
    ("shoulders", "pain between your shoulder blades"),
    (
        "age-cancer",
        "new back pain when you are under 20 or over 50, or with a history of cancer or steroid use",
    ),
    ("immune", "a weakened immune system (for example from medicines) or injecting drug use"),
    ("osteoporosis", "osteoporosis and the pain started after a minor fall or strain"),
];

/// The emergency list's lines.
pub const EMERGENCY: [&str; 9] = texts(EMERGENCY_SIGNS);

/// The see-a-GP list's lines.
pub const SEE_GP: [&str; 10] = texts(SEE_GP_SIGNS);

const fn texts<const N: usize>(signs: [(&'static str, &'static str); N]) -> [&'static str; N] {
    let mut out = [""; N];
    let mut i = 0;
    while i < N {
        out[i] = signs[i].1;
        i += 1;
    }
    out
}

/// A sign by its short id: its words, and whether it is an emergency.
pub fn sign(id: &str) -> Option<(&'static str, bool)> {
    let find = |list: &[(&'static str, &'static str)]| list.iter().find(|(i, _)| *i == id).map(|(_, t)| *t);
    find(&EMERGENCY_SIGNS).map(|t| (t, true)).or_else(|| find(&SEE_GP_SIGNS).map(|t| (t, false)))
}

/// Pain, tingling or numbness down a leg, as reported (COACHING.md "Turn 3 review" A).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legs {
    /// One leg; `numb`: with numbness or weakness in it.
    One {
        numb: bool,
    },
    Both,
}

impl Legs {
    /// What the log records, for every front end: one leg pauses the exercise (and what it
    /// covers); numbness or weakness adds the see-a-GP-today sign; both legs is an emergency.
    pub fn entries(self) -> Vec<EntryKind> {
        match self {
            Legs::One { numb: false } => vec![EntryKind::LegSymptoms],
            Legs::One { numb: true } => vec![EntryKind::LegSymptoms, EntryKind::RedFlagGp],
            Legs::Both => vec![EntryKind::RedFlagEmergency],
        }
    }
}

/// What to do about the second list: the same day, not "soon" (NHS guidance).
pub const SEE_GP_WHEN: &str =
    "Get an urgent GP appointment today, or call NHS 111 (or your local urgent line).";

/// What the log says about safety on a given day.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Safety {
    /// When the disclaimer was accepted.
    pub accepted: Option<Date>,
    /// An emergency red flag not yet cleared: the routine is locked since this date.
    pub locked_since: Option<Date>,
    /// A see-a-GP red flag not yet cleared: progression is paused since this date.
    pub gp_since: Option<Date>,
    /// Exercises paused by leg symptoms, with the date.
    pub paused: BTreeMap<String, Date>,
}

impl Safety {
    /// The leg pause that covers `ex`, with whether it is its own (see [`leg_pause_in`]).
    pub fn leg_pause(&self, ex: &crate::catalog::Exercise) -> Option<(Date, bool)> {
        leg_pause_in(&self.paused, ex)
    }

    /// Whether [`Safety::from_entries`] reads entries of `kind`: a history cut down to these (and
    /// in its order) gives the same safety state, which lets a long walk over the log carry only
    /// them from one month to the next.
    pub fn reads(kind: &EntryKind) -> bool {
        use EntryKind::*;
        matches!(kind, DisclaimerAccepted | RedFlagEmergency | RedFlagGp | LegSymptoms | Cleared)
    }

    /// Replays the safety entries in order. A `cleared` entry with an exercise clears that
    /// exercise's pause; without one it clears the red flags.
    pub fn from_entries(history: &[Entry]) -> Safety {
        let mut s = Safety::default();
        for e in history {
            match (&e.kind, &e.exercise) {
                (EntryKind::DisclaimerAccepted, _) => s.accepted = s.accepted.or(Some(e.date)),
                (EntryKind::RedFlagEmergency, _) => s.locked_since = s.locked_since.or(Some(e.date)),
                (EntryKind::RedFlagGp, _) => s.gp_since = s.gp_since.or(Some(e.date)),
                (EntryKind::LegSymptoms, Some(id)) => {
                    s.paused.entry(id.clone()).or_insert(e.date);
                }
                (EntryKind::Cleared, Some(id)) => {
                    s.paused.remove(id);
                }
                (EntryKind::Cleared, None) => {
                    s.locked_since = None;
                    s.gp_since = None;
                }
                _ => {}
            }
        }
        s
    }
}

/// The leg pause in `paused` (exercise → since when) that covers `ex`, and whether it is `ex`'s
/// own: its own, or, for a nerve tension position or a loaded hinge, squat or carry (`leg_pause`
/// in the catalog), the first of any. The one place the cover is decided: the holds gate, the
/// day facts and `safety --clear` all ask it.
pub fn leg_pause_in(paused: &BTreeMap<String, Date>, ex: &crate::catalog::Exercise) -> Option<(Date, bool)> {
    match paused.get(&ex.id) {
        Some(since) => Some((*since, true)),
        None if ex.leg_pause => paused.values().min().map(|d| (*d, false)),
        None => None,
    }
}

/// Pain ratings of done sessions, per coaching day (the day's highest).
fn daily_pain(history: &[Entry], from: Date, to: Date) -> Vec<(Date, u8)> {
    let mut by_day: BTreeMap<Date, u8> = BTreeMap::new();
    for e in history.iter().filter(|e| e.kind == EntryKind::Done && e.date >= from && e.date <= to) {
        let p = by_day.entry(e.date).or_default();
        *p = (*p).max(e.pain.unwrap_or(0));
    }
    by_day.into_iter().collect()
}

/// The two-week check: after at least 14 days of use, suggest a GP or physiotherapist when pain
/// has not improved (the last week's average is not below the first week's, with some pain to
/// begin with) or is trending up (the last week's average is at least one point above the
/// week before). Looks at the last 28 days; `first_use` is the date of the first entry.
pub fn needs_check(history: &[Entry], first_use: Option<Date>, today: Date) -> bool {
    let Some(first) = first_use else { return false };
    if first.until(today).map(|s| s.get_days()).unwrap_or(0) < 14 {
        return false;
    }
    let avg = |from: Date, to: Date| {
        let days = daily_pain(history, from, to);
        (!days.is_empty()).then(|| days.iter().map(|(_, p)| f64::from(*p)).sum::<f64>() / days.len() as f64)
    };
    let week_ago = today.checked_sub(6.days()).unwrap_or(today);
    let last = avg(week_ago, today);
    let before =
        avg(week_ago.checked_sub(7.days()).unwrap_or(week_ago), week_ago.yesterday().unwrap_or(week_ago));
    let start = first.checked_add(6.days()).map(|end| avg(first, end)).unwrap_or(None);
    match (start, before, last) {
        (_, Some(b), Some(l)) if l >= b + 1.0 => true,
        (Some(s), _, Some(l)) => s > 0.0 && l >= s,
        _ => false,
    }
}

/// Flare-up mode as of `date`: the day it went on, when it is on.
pub fn flare_since(history: &[Entry], date: Date) -> Option<Date> {
    let upto = history.partition_point(|e| e.date <= date);
    history[..upto]
        .iter()
        .rev()
        .find(|e| matches!(e.kind, EntryKind::FlareOn | EntryKind::FlareOff))
        .filter(|e| e.kind == EntryKind::FlareOn)
        .map(|e| e.date)
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    fn e(d: Date, kind: EntryKind, exercise: Option<&str>, pain: u8) -> Entry {
        let mut e = Entry::new(format!("{d}-{kind}"), d, format!("{d}T08:00:00+00:00"), kind);
        e.exercise = exercise.map(String::from);
        e.pain = Some(pain);
        e
    }

    #[test]
    fn locks_and_pauses_last_until_cleared() {
        let d = date(2026, 11, 2);
        let d2 = date(2026, 11, 5);
        let h = vec![
            e(d, EntryKind::DisclaimerAccepted, None, 0),
            e(d, EntryKind::RedFlagEmergency, None, 0),
            e(d, EntryKind::LegSymptoms, Some("curl-up"), 0),
            e(d, EntryKind::LegSymptoms, Some("bird-dog"), 0),
        ];
        let s = Safety::from_entries(&h);
        assert_eq!((s.accepted, s.locked_since, s.gp_since), (Some(d), Some(d), None));
        assert_eq!(s.paused.keys().collect::<Vec<_>>(), ["bird-dog", "curl-up"]);
        let mut h2 = h.clone();
        h2.push(e(d2, EntryKind::Cleared, Some("curl-up"), 0));
        let s = Safety::from_entries(&h2);
        assert_eq!(s.locked_since, Some(d), "clearing an exercise does not clear the lock");
        assert_eq!(s.paused.keys().collect::<Vec<_>>(), ["bird-dog"]);
        h2.push(e(d2, EntryKind::Cleared, None, 0));
        h2.push(e(d2, EntryKind::RedFlagGp, None, 0));
        let s = Safety::from_entries(&h2);
        assert_eq!((s.locked_since, s.gp_since), (None, Some(d2)));
    }

    #[test]
    fn red_flag_lists_carry_the_cauda_equina_signs() {
        let emergency = EMERGENCY.join("\n");
        for sign in ["tingling around your genitals", "wipe", "bladder is full", "erection", "getting worse"]
        {
            assert!(emergency.contains(sign), "emergency list lacks {sign:?}");
        }
        let gp = SEE_GP.join("\n");
        for sign in ["history of cancer", "immune system", "injecting drug use", "minor fall"] {
            assert!(gp.contains(sign), "GP list lacks {sign:?}");
        }
        assert!(SEE_GP_WHEN.contains("today") && SEE_GP_WHEN.contains("NHS 111"));
        // Turn 3 review G: a minor fall with osteoporosis is urgent GP, not emergency; over 50.
        assert_eq!(sign("osteoporosis").map(|s| s.1), Some(false));
        assert!(gp.contains("over 50") && !gp.contains("55"));
        let ids: Vec<&str> = EMERGENCY_SIGNS.iter().chain(&SEE_GP_SIGNS).map(|s| s.0).collect();
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "sign ids are unique");
        assert!(DISCLAIMER[1].contains("recent spinal surgery") && DISCLAIMER[1].contains("osteoporosis"));
        assert!(DISCLAIMER.iter().all(|l| !l.contains('`')), "no Markdown in app text");
    }

    #[test]
    fn two_week_check() {
        let start = date(2026, 11, 1);
        // One done entry a day with the given pain, from `start`.
        let days = |pains: &[u8]| -> Vec<Entry> {
            pains
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    e(start.checked_add((i as i64).days()).unwrap(), EntryKind::Done, Some("walk"), *p)
                })
                .collect()
        };
        let today = |n: i64| start.checked_add(n.days()).unwrap();
        let cases: [(&str, Vec<u8>, i64, bool); 6] = [
            ("under two weeks", vec![3; 10], 10, false),
            ("pain-free throughout", vec![0; 15], 15, false),
            ("steady pain, not better after two weeks", vec![3; 15], 15, true),
            ("improving", [vec![4; 7], vec![3; 4], vec![1; 4]].concat(), 14, false),
            ("trending up", [vec![0; 7], vec![1; 7], vec![3; 7]].concat(), 20, true),
            ("improved a little", [vec![4; 7], vec![4; 7], vec![3; 7]].concat(), 20, false),
        ];
        for (name, pains, n, want) in cases {
            assert_eq!(needs_check(&days(&pains), Some(start), today(n)), want, "{name}");
        }
    }

    /// The kinds `reads` names are all the replay looks at: every kind's entries, kept or cut.
    #[test]
    fn the_safety_state_is_the_same_from_the_kinds_it_reads() {
        use EntryKind::*;
        let kinds = [
            DisclaimerAccepted,
            RedFlagEmergency,
            RedFlagGp,
            LegSymptoms,
            Cleared,
            Done,
            Skipped,
            FlareOn,
            FlareOff,
            NotSettled,
            Break,
            Checkin,
        ];
        let d = date(2026, 3, 1);
        let mut history = Vec::new();
        for (i, kind) in kinds.iter().cycle().take(60).enumerate() {
            let exercise = (i % 3 != 0).then_some(["walk", "curl-up"][i % 2]);
            history.push(e(
                d.checked_add(jiff::Span::new().days(i as i64)).unwrap(),
                kind.clone(),
                exercise,
                2,
            ));
            let cut: Vec<Entry> = history.iter().filter(|e| Safety::reads(&e.kind)).cloned().collect();
            assert_eq!(Safety::from_entries(&cut), Safety::from_entries(&history), "after {i} entries");
        }
    }
}
