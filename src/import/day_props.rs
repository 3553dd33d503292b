//! The coaching day of an activity, across midnight, time zones and the config's day start.

use jiff::civil::{Date, Time};
use jiff::tz::{Offset, TimeZone};
use jiff::{Timestamp, ToSpan};
use proptest::prelude::*;

use super::coaching_day;
use crate::config::Settings;

fn settings(h: i8, m: i8) -> Settings {
    Settings { day_starts_at: Time::new(h, m, 0, 0).unwrap(), ..Settings::default() }
}

const ZONES: [&str; 6] =
    ["Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "Pacific/Chatham", "UTC"];

proptest! {
    #[test]
    fn the_day_is_the_wall_date_or_the_one_before_by_the_day_start(
        secs in 0i64..(40 * 365 * 86_400),
        offset_q in -48i32..=56,
        h in 0i8..=12, m in 0i8..60,
    ) {
        // A fixed offset (the file's own): the wall clock is plain arithmetic.
        let start = Timestamp::from_second(1_000_000_000 + secs).unwrap();
        let offset = Offset::from_seconds(offset_q * 900).unwrap();
        let s = settings(h, m);
        let day = coaching_day(&s, start, Some(offset), &TimeZone::UTC);
        let wall = offset.to_datetime(start);
        let expected = if wall.time() >= s.day_starts_at { wall.date() } else { wall.date().yesterday().unwrap() };
        prop_assert_eq!(day, expected);
    }

    #[test]
    fn the_files_offset_wins_over_the_users_zone(
        secs in 0i64..(20 * 365 * 86_400),
        offset_q in -48i32..=56,
        zone in 0usize..ZONES.len(),
    ) {
        let start = Timestamp::from_second(1_000_000_000 + secs).unwrap();
        let offset = Offset::from_seconds(offset_q * 900).unwrap();
        let s = Settings::default();
        let tz = TimeZone::get(ZONES[zone]).unwrap();
        let own = coaching_day(&s, start, Some(offset), &tz);
        prop_assert_eq!(own, coaching_day(&s, start, Some(offset), &TimeZone::UTC));
        // Without an offset in the file, the user's zone reads the clock.
        let local = coaching_day(&s, start, None, &tz);
        prop_assert_eq!(local, s.coaching_date(&start.to_zoned(tz.clone())));
    }

    #[test]
    fn days_never_go_back_as_time_goes_on(
        secs in 0i64..(20 * 365 * 86_400),
        step in 1i64..(3 * 3600),
        zone in 0usize..ZONES.len(),
        h in 0i8..=6,
    ) {
        // Across midnight and across DST changes, a later start never lands on an earlier day,
        // and never more than one day later per day of time.
        let tz = TimeZone::get(ZONES[zone]).unwrap();
        let s = settings(h, 0);
        let a = Timestamp::from_second(1_000_000_000 + secs).unwrap();
        let b = Timestamp::from_second(1_000_000_000 + secs + step).unwrap();
        let (da, db) = (coaching_day(&s, a, None, &tz), coaching_day(&s, b, None, &tz));
        prop_assert!(db >= da);
        prop_assert!(db <= da.checked_add(1.day()).unwrap());
    }
}

#[test]
fn a_walk_after_midnight_counts_for_the_day_before() {
    let s = Settings::default(); // the day starts at 04:00
    let berlin = TimeZone::get("Europe/Berlin").unwrap();
    let date = |s: &str| s.parse::<Date>().unwrap();
    // 22:10 UTC is 00:10 in Berlin on the 8th: before 04:00, so the 7th's walk.
    let t: Timestamp = "2021-09-07T22:10:19Z".parse().unwrap();
    assert_eq!(coaching_day(&s, t, None, &berlin), date("2021-09-07"));
    // The same instant recorded in New York (18:10 on the 7th).
    let ny = Offset::from_hours(-4).unwrap();
    assert_eq!(coaching_day(&s, t, Some(ny), &berlin), date("2021-09-07"));
    // 04:00 on the dot belongs to the new day; a minute before does not.
    let four: Timestamp = "2021-09-08T02:00:00Z".parse().unwrap();
    assert_eq!(coaching_day(&s, four, None, &berlin), date("2021-09-08"));
    assert_eq!(coaching_day(&s, four - 1.minute(), None, &berlin), date("2021-09-07"));
}
