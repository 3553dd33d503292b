//! What the app's banner suggests, said by the CLI too (issue 19.7): the two-week "not better"
//! suggestion and the 14-day flare prompt, and why `done` refuses an exercise the avoid flags
//! took out of the routine. Pure over the day view and the settings.

use crate::config::Settings;
use crate::today::Day;

pub const NOT_BETTER: &str =
    "Not better after two weeks, or worse: please see a GP or physiotherapist about your back.";
pub const LONG_FLARE: &str =
    "Two weeks in flare-up mode: please see a GP or physiotherapist before you go on.";

/// The suggestions due on `day`, in the words the app uses: the check-ins' measure beside the
/// "see a clinician" advice when they decided it (COACHING.md turn 3, D).
pub fn advice(day: &Day, flare_prompt: bool) -> Vec<String> {
    let mut out = Vec::new();
    if flare_prompt {
        out.push(LONG_FLARE.to_string());
    }
    if day.needs_check {
        out.push(day.check.as_ref().map_or_else(|| NOT_BETTER.to_string(), crate::checkin::advice));
    }
    out
}

/// Why exercise `id` may not be logged with these settings: the avoid flags removed it.
pub fn avoided(settings: &Settings, id: &str) -> Option<String> {
    match id {
        "thoracic-extension" if settings.avoid_extension => Some(
            "thoracic-extension is off: your settings avoid bending back (extension); nothing was logged".into(),
        ),
        "curl-up" if settings.avoid_flexion => Some(
            "curl-up is off: your settings avoid bending forward (flexion); log dead-bug instead (nothing was logged)"
                .into(),
        ),
        _ => None,
    }
}
