//! The `work_hours` and `break_every` keys: when desk breaks are offered. When the next one is
//! due is the core's `breaks`.

use jiff::civil::Time;

/// When breaks are offered: every `every_minutes` between `start` and `end` on weekdays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    pub start: Time,
    pub end: Time,
    pub every_minutes: u32,
}

impl Default for Schedule {
    fn default() -> Schedule {
        Schedule { start: Time::constant(9, 0, 0, 0), end: Time::constant(17, 30, 0, 0), every_minutes: 45 }
    }
}

impl Schedule {
    /// Parses `"09:00-17:30"`; the end must come after the start.
    pub fn parse_hours(s: &str) -> Option<(Time, Time)> {
        let (a, b) = s.split_once('-')?;
        let hhmm = |s: &str| {
            let (h, m) = s.trim().split_once(':')?;
            (h.len() == 2 && m.len() == 2).then_some(())?;
            Time::new(h.parse().ok()?, m.parse().ok()?, 0, 0).ok()
        };
        let (start, end) = (hhmm(a)?, hhmm(b)?);
        (start < end).then_some((start, end))
    }
}
