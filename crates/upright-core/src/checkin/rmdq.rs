//! The Roland–Morris Disability Questionnaire (RMDQ; COACHING.md turn 3, H; issue 29 item 8):
//! 24 yes/no statements, the score the number of yes, 0–24. Free to use in its published form:
//! Roland M, Fairbank J. The Roland–Morris Disability Questionnaire and the Oswestry Disability
//! Questionnaire. Spine 2000;25(24):3115–3124 (first published by Roland and Morris, Spine
//! 1983;8:141–144). Optional, every 4 weeks. A change that matters: 5 points or 30% of the
//! baseline. Pure: answers and the log in.

use jiff::civil::Date;

use crate::checkin::Verdict;
use crate::log::{Entry, EntryKind};

/// What the person is asked, as published.
pub const INTRO: &str = "When your back hurts, you may find it difficult to do some of the things you normally do. \
Answer yes only if the sentence describes you today.";

/// The 24 statements in their published order.
pub const ITEMS: [&str; 24] = [
    "I stay at home most of the time because of my back.",
    "I change position frequently to try and get my back comfortable.",
    "I walk more slowly than usual because of my back.",
    "Because of my back I am not doing any of the jobs that I usually do around the house.",
    "Because of my back, I use a handrail to get upstairs.",
    "Because of my back, I lie down to rest more often.",
    "Because of my back, I have to hold on to something to get out of an easy chair.",
    "Because of my back, I try to get other people to do things for me.",
    "I get dressed more slowly than usual because of my back.",
    "I only stand for short periods of time because of my back.",
    "Because of my back, I try not to bend or kneel down.",
    "I find it difficult to get out of a chair because of my back.",
    "My back is painful almost all the time.",
    "I find it difficult to turn over in bed because of my back.",
    "My appetite is not very good because of my back pain.",
    "I have trouble putting on my socks (or stockings) because of the pain in my back.",
    "I only walk short distances because of my back.",
    "I sleep less well because of my back.",
    "Because of my back pain, I get dressed with help from someone else.",
    "I sit down for most of the day because of my back.",
    "I avoid heavy jobs around the house because of my back.",
    "Because of my back pain, I am more irritable and bad tempered with people than usual.",
    "Because of my back, I go upstairs more slowly than usual.",
    "I stay in bed most of the time because of my back.",
];

/// A change that matters (COACHING.md turn 3, H).
pub const POINTS: f64 = 5.0;
pub const SHARE: f64 = 0.3;
/// Days between questionnaires.
pub const EVERY_DAYS: i64 = 28;

/// The answers as the command line gives them: 24 `y`/`n` letters in order (spaces ignored), or
/// the numbers of the statements answered yes ("2,3,13"; "none" for none). Returns the stored
/// form, 24 `y`/`n`.
pub fn parse(s: &str) -> Result<String, String> {
    let t: String = s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
    if t == "none" {
        return Ok("n".repeat(ITEMS.len()));
    }
    // Counts of answers (one `y`/`n` letter each), not widths.
    if !t.is_empty() && t.chars().all(|c| c == 'y' || c == 'n') {
        return if t.chars().count() == ITEMS.len() {
            Ok(t)
        } else {
            Err(format!("{s:?}: give all 24 answers as y or n ({} given)", t.chars().count()))
        };
    }
    let mut yes = vec![false; ITEMS.len()];
    for part in t.split(',') {
        let n: usize = part.parse().ok().filter(|n| (1..=ITEMS.len()).contains(n)).ok_or_else(|| {
            format!("{s:?}: 24 y/n letters, or the numbers 1-24 answered yes, e.g. \"2,3,13\"")
        })?;
        if yes[n - 1] {
            return Err(format!("{s:?}: statement {n} is named twice"));
        }
        yes[n - 1] = true;
    }
    Ok(yes.iter().map(|y| if *y { 'y' } else { 'n' }).collect())
}

/// The score of stored answers: the number of yes (`None` unless 24 answers).
pub fn score(answers: &str) -> Option<u8> {
    // A count of answers, one letter each.
    let valid = answers.chars().count() == ITEMS.len() && answers.chars().all(|c| c == 'y' || c == 'n');
    valid.then(|| answers.chars().filter(|c| *c == 'y').count() as u8)
}

/// The questionnaires in the log up to `today`: date and score.
pub fn scores(history: &[Entry], today: Date) -> Vec<(Date, u8)> {
    history
        .iter()
        .filter(|e| e.kind == EntryKind::Rmdq && e.date <= today)
        .filter_map(|e| Some((e.date, score(e.answers.as_deref()?)?)))
        .collect()
}

/// The first questionnaire against the latest: a change that matters is 5 points or 30% of the
/// baseline, lower being better.
pub fn judge(baseline: f64, now: f64) -> Verdict {
    const EPS: f64 = 1e-9;
    let threshold = |b: f64| POINTS.min(SHARE * b).max(1.0);
    if now - baseline >= POINTS - EPS {
        Verdict::Worse
    } else if baseline > 0.0 && baseline - now >= threshold(baseline) - EPS {
        Verdict::Better
    } else {
        Verdict::NoChange
    }
}

/// The first questionnaire (date, score), the latest, and the verdict.
pub type Change = ((Date, u8), (Date, u8), Verdict);

/// Baseline (the first) and now (the latest) with the verdict, with two or more questionnaires.
pub fn change(history: &[Entry], today: Date) -> Option<Change> {
    let all = scores(history, today);
    let (first, last) = (*all.first()?, *all.last()?);
    (all.len() >= 2).then(|| (first, last, judge(f64::from(first.1), f64::from(last.1))))
}

/// Whether to offer it: the last one `EVERY_DAYS` or more ago (the first whenever asked).
/// What the weekly check-in adds when the questionnaire is due (issue 29.8: offered every 4
/// weeks, never asked unbidden); the app and the CLI each name their own way to it.
pub const OFFER: &str =
    "The Roland-Morris questionnaire (24 yes/no statements, optional, every 4 weeks) is due";

pub fn due(history: &[Entry], today: Date) -> bool {
    history
        .iter()
        .rev()
        .find(|e| e.kind == EntryKind::Rmdq && e.date <= today)
        .is_none_or(|e| e.date.until(today).is_ok_and(|s| i64::from(s.get_days()) >= EVERY_DAYS))
}

#[cfg(test)]
mod tests {
    use jiff::ToSpan;
    use jiff::civil::date;

    use super::*;

    #[test]
    fn answers_parse_as_letters_or_numbers() {
        let y = |yes: &[usize]| -> String {
            (1..=24).map(|i| if yes.contains(&i) { 'y' } else { 'n' }).collect()
        };
        let ok: [(&str, String); 5] = [
            ("2,3,13", y(&[2, 3, 13])),
            (" 24 ", y(&[24])),
            ("none", y(&[])),
            ("yyyy nnnn nnnn nnnn nnnn nnnn", y(&[1, 2, 3, 4])),
            ("YNNNNNNNNNNNNNNNNNNNNNNY", y(&[1, 24])),
        ];
        for (s, want) in ok {
            assert_eq!(parse(s), Ok(want), "{s:?}");
        }
        for bad in ["", "0", "25", "1,1", "yyn", "1,x", &"y".repeat(25)] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
        assert_eq!(score(&y(&[1, 5, 9])), Some(3));
        assert_eq!(score("yyn"), None);
    }

    #[test]
    fn five_points_or_30_percent() {
        use Verdict::*;
        // (baseline, now, verdict)
        let cases = [
            (12.0, 7.0, Better), // 5 points
            (12.0, 8.0, Better), // 4 points, but 33%: 30% of 12 is 3.6
            (10.0, 7.0, Better), // 30%
            (10.0, 8.0, NoChange),
            (4.0, 2.0, Better), // 50%, 2 points
            (4.0, 3.0, NoChange),
            (0.0, 0.0, NoChange),
            (6.0, 11.0, Worse),
            (6.0, 10.0, NoChange),
        ];
        for (b, n, want) in cases {
            assert_eq!(judge(b, n), want, "{b} → {n}");
        }
    }

    #[test]
    fn due_every_four_weeks_and_the_change() {
        let today = date(2026, 11, 24);
        let at = |n: i64, yes: usize| {
            let d = today.checked_sub(n.days()).unwrap();
            let mut e = Entry::new(format!("r{n}"), d, format!("{d}T08:00:00+01:00"), EntryKind::Rmdq);
            e.answers = Some((0..24).map(|i| if i < yes { 'y' } else { 'n' }).collect());
            e
        };
        assert!(due(&[], today));
        assert!(!due(&[at(27, 3)], today));
        assert!(due(&[at(28, 3)], today));
        assert_eq!(change(&[at(56, 12)], today), None);
        let c = change(&[at(56, 12), at(28, 10), at(0, 6)], today).unwrap();
        assert_eq!((c.0.1, c.1.1, c.2), (12, 6, Verdict::Better));
    }
}
