//! "Not better" by clinically important change (COACHING.md turn 3, D): the mean of the last two
//! weekly check-ins against a baseline, pain by 2 points or 30% (Ostelo 2008), the PSFS mean by
//! 2 (Stratford 1995). Pure: check-ins and a date in, the verdict with its numbers out, for every
//! view that shows it (the app's banner, `today`, the report).

use jiff::civil::Date;

use super::{Checkin, checkins};
use crate::log::Entry;

/// What the check-ins show against the baseline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Pain down 2 points or 30%, or the activities' mean up 2 (and not worse by either).
    Better,
    NoChange,
    /// Pain up 2 points, or the activities' mean down 2: worth a clinician's look at once.
    Worse,
}

/// The verdict with the numbers it rests on: means of the baseline's and the latest check-ins.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measure {
    pub verdict: Verdict,
    /// Back pain 0–10: the baseline's mean, then the latest.
    pub pain: (f64, f64),
    /// The PSFS mean 0–10, when both ends named activities.
    pub psfs: Option<(f64, f64)>,
    /// The first baseline check-in and the latest check-in.
    pub from: Date,
    pub to: Date,
}

/// Pain change that matters: 2 points or 30% of the baseline (Ostelo et al. 2008).
pub const PAIN_POINTS: f64 = 2.0;
pub const PAIN_SHARE: f64 = 0.3;
/// PSFS mean change that matters (Stratford et al. 1995).
pub const PSFS_POINTS: f64 = 2.0;
/// The latest check-in must be this recent to speak for today.
const FRESH_DAYS: i64 = 14;

fn days(a: Date, b: Date) -> i64 {
    a.until(b).map(|s| i64::from(s.get_days())).unwrap_or(0)
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / f64::from(n))
}

fn psfs(c: &Checkin) -> Option<f64> {
    mean(c.activities.iter().map(|a| f64::from(a.score)))
}

/// The verdict on `today`: the last two check-ins with a pain score (the latest within 14 days)
/// against the baseline — the first two while they are within 6 weeks of the latest, after
/// that the two from 4–6 weeks before it (the first two when none fall there). With only two
/// or three check-ins each end is one check-in. `None` with fewer than two, or none recent.
pub fn verdict(history: &[Entry], today: Date) -> Option<Measure> {
    let rated: Vec<Checkin> =
        checkins(history).into_iter().filter(|c| c.date <= today && c.pain.is_some()).collect();
    let n = rated.len();
    let last = rated.last()?;
    if n < 2 || days(last.date, today) > FRESH_DAYS {
        return None;
    }
    let k = if n >= 4 { 2 } else { 1 };
    let recent = &rated[n - k..];
    let window: Vec<&Checkin> =
        rated[..n - k].iter().filter(|c| (28..=42).contains(&days(c.date, last.date))).collect();
    let baseline: Vec<&Checkin> = if days(rated[0].date, last.date) > 42 && window.len() >= k {
        window[window.len() - k..].to_vec()
    } else {
        rated[..k].iter().collect()
    };
    let pain = |cs: &mut dyn Iterator<Item = &Checkin>| mean(cs.filter_map(|c| c.pain).map(f64::from));
    let (b, r) = (pain(&mut baseline.iter().copied())?, pain(&mut recent.iter())?);
    let all = |cs: &mut dyn Iterator<Item = &Checkin>| cs.map(psfs).collect::<Option<Vec<f64>>>();
    let psfs = match (all(&mut baseline.iter().copied()), all(&mut recent.iter())) {
        (Some(x), Some(y)) => Some((mean(x.into_iter())?, mean(y.into_iter())?)),
        _ => None,
    };
    Some(Measure { verdict: judge((b, r), psfs), pain: (b, r), psfs, from: baseline[0].date, to: last.date })
}

/// The rule itself: worse wins over better (a clinician should hear of either sign of worsening).
pub fn judge(pain: (f64, f64), psfs: Option<(f64, f64)>) -> Verdict {
    const EPS: f64 = 1e-9;
    let (b, r) = pain;
    let worse = r - b >= PAIN_POINTS - EPS || psfs.is_some_and(|(b, r)| b - r >= PSFS_POINTS - EPS);
    let better = b - r >= PAIN_POINTS - EPS
        || (b > 0.0 && b - r >= PAIN_SHARE * b - EPS)
        || psfs.is_some_and(|(b, r)| r - b >= PSFS_POINTS - EPS);
    if worse {
        Verdict::Worse
    } else if better {
        Verdict::Better
    } else {
        Verdict::NoChange
    }
}

/// 3 → "3", 3.5 → "3.5".
fn num(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 { format!("{r:.0}") } else { format!("{r:.1}") }
}

impl Measure {
    /// Moving toward better, if not yet by a change that matters: pain down a point or more, or
    /// the activities' mean up a point. Someone improving slowly is not told they are stuck.
    pub fn improving(&self) -> bool {
        self.pain.0 - self.pain.1 >= 1.0 || self.psfs.is_some_and(|(b, r)| r - b >= 1.0)
    }

    /// Whole weeks from the baseline to the latest check-in.
    pub fn weeks(&self) -> i64 {
        (days(self.from, self.to) + 3) / 7
    }

    /// The measure shown beside the advice: "pain 3 → 5, activities 6 → 4 since 5 Jan".
    pub fn describe(&self) -> String {
        let psfs =
            self.psfs.map(|(b, r)| format!(", activities {} → {}", num(b), num(r))).unwrap_or_default();
        format!(
            "pain {} → {}{psfs} since {}",
            num(self.pain.0),
            num(self.pain.1),
            self.from.strftime("%-d %b")
        )
    }

    /// The verdict in a word, for the report.
    pub fn word(&self) -> &'static str {
        match self.verdict {
            Verdict::Better => "better",
            Verdict::NoChange => "no clear change",
            Verdict::Worse => "worse",
        }
    }
}

/// The advice with its measure, as the app's banner, `today` and `today --json` say it.
pub fn advice(m: &Measure) -> String {
    match m.verdict {
        Verdict::Worse => {
            format!("Your check-ins show {}: worse. Please see a GP or physiotherapist.", m.describe())
        }
        _ => format!(
            "No clear change in {} weeks ({}): a physiotherapist can help you get unstuck.",
            m.weeks(),
            m.describe()
        ),
    }
}
