//! Weekly lessons for the first 8 weeks (COACHING.md "Turn 2 review, part two": education):
//! one short text a week, counted from the day the disclaimer was accepted, shown once as a
//! card on Today until dismissed, and always readable with `upright learn [N]`. Pure.

use jiff::civil::Date;

use crate::log::{Entry, EntryKind};

pub struct Lesson {
    pub title: &'static str,
    pub body: &'static str,
}

/// upright's own words; each under 120 words so a card fits an 80×24 terminal.
pub const LESSONS: [Lesson; 8] = [
    Lesson {
        title: "Hurt is not harm",
        body: "Back pain feels alarming, but in most cases it does not mean something is damaged. \
Pain is your nervous system being protective, and a sensitive back can hurt with ordinary \
movement while the tissues are fine. That is why gentle, regular exercise is safe even when it \
is a little uncomfortable: a mild ache (up to 3 out of 10) that settles by the next morning is \
fine. Sharp pain, pain spreading down a leg, or any warning sign (! in the app, or upright safety) is different: stop \
and get it checked.",
    },
    Lesson {
        title: "Why movement helps",
        body: "Your spine is built to move. The discs between the vertebrae have almost no blood \
supply of their own: they take in water and nutrients as you move and change position, a little \
like a sponge. Muscles that hold you upright get stronger and tire less when they are used \
often. Walking, the core holds and the stretches all load the back gently and in many small \
doses, which is what tissues adapt to best. Resting in bed for days does the opposite: the back \
stiffens and gets more sensitive.",
    },
    Lesson {
        title: "Pacing: a little, often",
        body: "Doing a lot on a good day and nothing on a bad one keeps many backs stuck in a boom \
and bust cycle. Pacing means a steady amount every day, whatever the day feels like, and \
growing it slowly. That is why upright adds at most one step a week (faster only on the way \
back to a dose you managed before a setback) and keeps walks from growing more than a tenth at \
a time. If a session feels easy, enjoy it and stop anyway: the \
next step will come. Consistency beats effort.",
    },
    Lesson {
        title: "A flare-up plan",
        body: "Most people with back pain have flare-ups, even while getting better. They feel \
scary but usually settle within days to a couple of weeks. Have a plan ready: switch on flare-up \
mode (f in the app, or upright flare on), which drops everything to the gentlest step. Keep moving a little, walk short \
distances, change position often, and use heat or pain relief your pharmacist or GP suggests. \
Switch it off when the pain is back to usual. If it has not eased after two weeks, or a warning \
sign appears, see a clinician.",
    },
    Lesson {
        title: "Sleep and stress",
        body: "Pain is turned up by poor sleep, worry and stress, and turned down by rest and \
feeling in control. A short night can make the next day's back feel worse without anything \
having changed in it. Keep regular sleep and wake times, wind down without a screen, and try \
the walk earlier in the day. When stress is high, slow breathing during the holds helps. This \
is not \"all in your head\": the nervous system and the back are one system.",
    },
    Lesson {
        title: "Walking is medicine",
        body: "A large trial (WalkBack, 2024) followed people who had recovered from an episode \
of back pain. Those given a gradual walking programme with some education went nearly twice as \
long before pain next limited their activities: a median of 208 days against 112. Walking loads the spine \
gently, moves the discs, strengthens the legs and lifts mood. Brisk means you can talk but not \
sing. Splitting the day's minutes into short bouts counts just as well. Aim for the dose shown, \
not more: the slow build is what protects you.",
    },
    Lesson {
        title: "Trusting your back again",
        body: "After a painful episode it is natural to guard: to move stiffly, avoid bending, or \
hold your breath when lifting. Guarding helps for a day or two, then becomes part of the \
problem. Each session you finish is evidence that your back can cope. Notice what you can do \
now that was hard a month ago: the check-in on g shows it. Gradually bring back the things you \
have been avoiding, a little at a time, the same way the exercises grow.",
    },
    Lesson {
        title: "Keeping it going",
        body: "Eight weeks in, the routine is becoming a habit, and habits are what protect backs \
in the long run. Tie the exercises to something you already do, like the morning coffee. Once \
a dose reaches its cap, upright keeps it there as maintenance: that is success, not a stall. \
Missed a few days? Just start again; the doses step back for you. And if pain comes back or \
changes, you know the plan: flare-up mode, the warning signs, and a clinician when needed.",
    },
];

/// The lesson week `today` falls in, counted from `accepted` (week 1 is the first 7 days).
pub fn week_of(accepted: Date, today: Date) -> Option<usize> {
    let days = (today - accepted).get_days();
    let week = usize::try_from(days).ok()? / 7 + 1;
    (week <= LESSONS.len()).then_some(week)
}

/// The lesson number (1-based) to show as a card today: this week's, unless dismissed. Not on
/// the day the disclaimer was accepted: that start already showed it and the warning signs,
/// so the first lesson waits for the next day.
pub fn due(entries: &[Entry], accepted: Option<Date>, today: Date) -> Option<usize> {
    let accepted = accepted?;
    if today == accepted {
        return None;
    }
    let week = week_of(accepted, today)?;
    let dismissed = entries.iter().any(|e| e.kind == EntryKind::LessonRead && e.step == Some(week as u32));
    (!dismissed).then_some(week)
}

/// The lesson as printed and drawn: "Week 3 of 8: Pacing…" then the text.
pub fn heading(n: usize) -> String {
    format!("Week {n} of {}: {}", LESSONS.len(), LESSONS[n - 1].title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lessons_are_short_plain_and_eight() {
        for (i, l) in LESSONS.iter().enumerate() {
            let words = l.body.split_whitespace().count();
            assert!(words < 120, "lesson {}: {words} words", i + 1);
            assert!(!l.body.contains('`') && !l.body.contains("  "), "lesson {}: plain text", i + 1);
        }
        assert_eq!(LESSONS.len(), 8);
    }

    #[test]
    fn the_walkback_lesson_says_what_the_trial_found() {
        // Pocovi et al. 2024 (Lancet 404:134): median 208 vs 112 days to an activity-limiting
        // recurrence, in people recovered from an episode (COACHING.md turn 3, G).
        let body = LESSONS[5].body;
        for fact in ["recovered from an episode", "nearly twice", "208 days against 112"] {
            assert!(body.contains(fact), "{fact}");
        }
        assert!(!body.contains("halved"));
    }

    #[test]
    fn one_lesson_a_week_for_eight_weeks_until_dismissed() {
        let start: Date = "2026-03-02".parse().unwrap();
        let day = |n: i64| start.checked_add(jiff::Span::new().days(n)).unwrap();
        let read = |week: u32| {
            let mut e = Entry::new(format!("l{week}"), start, "t".into(), EntryKind::LessonRead);
            e.step = Some(week);
            e
        };
        // (what, accepted, day, entries, lesson due)
        type Case = (&'static str, Option<Date>, i64, Vec<Entry>, Option<usize>);
        let cases: &[Case] = &[
            ("not accepted yet", None, 0, vec![], None),
            ("not on the day of accepting", Some(start), 0, vec![], None),
            ("the next day", Some(start), 1, vec![], Some(1)),
            ("day 6 is still week 1", Some(start), 6, vec![], Some(1)),
            ("day 7 starts week 2", Some(start), 7, vec![], Some(2)),
            ("week 2 dismissed", Some(start), 8, vec![read(2)], None),
            ("week 1 dismissed does not hide week 2", Some(start), 8, vec![read(1)], Some(2)),
            ("week 8", Some(start), 55, vec![], Some(8)),
            ("after week 8 nothing", Some(start), 56, vec![], None),
        ];
        for (what, accepted, n, entries, want) in cases {
            assert_eq!(due(entries, *accepted, day(*n)), *want, "{what}");
        }
    }
}
