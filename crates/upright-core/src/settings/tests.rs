use super::*;

fn parse_ok(text: &str) -> Settings {
    parse(text, &mut Catalog::builtin()).unwrap()
}

fn parse_err(text: &str) -> String {
    parse(text, &mut Catalog::builtin()).unwrap_err()
}

#[test]
fn the_example_config_equals_the_defaults() {
    let example = include_str!("../../../../config.example.toml");
    assert_eq!(parse_ok(example), Settings::default());
    // Uncommenting every `key = value` line still gives the defaults: the example documents them.
    let uncommented: String = example
        .lines()
        .map(|l| l.strip_prefix("# ").filter(|l| l.contains(" = ") || l.starts_with('[')).unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n");
    let mut catalog = Catalog::builtin();
    let s = parse(&uncommented, &mut catalog).unwrap();
    let mut want = Settings::default();
    want.overrides
        .insert("curl-up".into(), Override { enabled: Some(true), start_step: None, cap_step: None });
    assert_eq!(s, want, "{uncommented}");
}

#[test]
fn empty_and_bom_configs_are_defaults() {
    assert_eq!(parse_ok(""), Settings::default());
    assert_eq!(parse_ok("\u{feff}# just a comment\r\n"), Settings::default());
}

#[test]
fn values_parse() {
    let s = parse_ok(
        "level = \"active\"\nday_starts_at = \"05:30\"\nweek_starts_on = \"sunday\"\nsound = false\n\
         avoid = [\"flexion\"]\nextras = [\"plank\"]\nwalk_days_per_week = 3\ndays_per_week = 6\n\
         [exercises.curl-up]\nstart_step = 2\ncap_step = 4\n",
    );
    assert_eq!(s.level, Level::Active);
    assert_eq!(s.day_starts_at, Time::constant(5, 30, 0, 0));
    assert_eq!(s.week_starts_on, Weekday::Sunday);
    assert!(!s.sound && s.avoid_flexion && !s.avoid_extension);
    assert_eq!(s.extras, ["plank"]);
    assert_eq!((s.walk_days_per_week, s.days_per_week), (3, 6));
    assert_eq!(s.overrides["curl-up"].cap_step, Some(4));
}

#[test]
fn errors_name_the_key_and_line() {
    let cases = [
        ("levl = \"active\"\n", "1:1:", "levl"),
        ("sound = true\nlevel = \"expert\"\n", "2:", "expert"),
        ("\n\nday_starts_at = \"25:00\"\n", "3:", "day_starts_at"),
        ("week_starts_on = \"funday\"\n", "1:", "week_starts_on"),
        ("extras = [\"yoga\"]\n", "1:", "unknown exercise \"yoga\""),
        ("days_per_week = 9\n", "1:", "1 to 7"),
        ("[exercises.nope]\nenabled = false\n", "1:", "exercises.nope"),
        ("[exercises.curl-up]\ncap_step = 9\n", "1:", "exercises.curl-up.cap_step = 9"),
        ("[exercises.curl-up]\nstart_step = 4\ncap_step = 2\n", "1:", "below start_step"),
        ("[exercises.curl-up]\nspeed = 2\n", "2:", "speed"),
        ("avoid = [\"twisting\"]\n", "1:", "twisting"),
        ("sound = \"yes\"\n", "1:", "boolean"),
        ("[[custom]]\nid = \"x\"\nname = \"X\"\nkind = \"reps\"\nsteps = []\n", "1:", "empty"),
        // A dose that does not parse: its own line and column, not the `[[custom]]` header's.
        (
            "[[custom]]\nid = \"x\"\nname = \"X\"\nkind = \"reps\"\nsteps = [\n  \"1 x 8\",\n  \"banana\",\n]\n",
            "7:3:",
            "step 2",
        ),
        (
            "level = \"active\"\n[[custom]]\nid = \"x\"\nname = \"X\"\nkind = \"reps\"\nsteps = [\"1 x 8\", \"nine\"]\n",
            "6:19:",
            "step 2",
        ),
    ];
    for (text, line, key) in cases {
        let err = parse_err(text);
        assert!(err.starts_with(line), "{text:?}: {err}");
        assert!(err.contains(key), "{text:?}: {err}");
    }
}

#[test]
fn coaching_day_starts_at_four() {
    let s = Settings::default();
    let at = |t: &str| s.coaching_date(&t.parse::<Zoned>().unwrap()).to_string();
    assert_eq!(at("2026-11-24T01:30:00+00:00[UTC]"), "2026-11-23");
    assert_eq!(at("2026-11-24T03:59:59+00:00[UTC]"), "2026-11-23");
    assert_eq!(at("2026-11-24T04:00:00+00:00[UTC]"), "2026-11-24");
    assert_eq!(at("2027-01-01T02:00:00+00:00[UTC]"), "2026-12-31");
}

/// Settings whose day starts at `hh:mm`.
fn starting_at(hh: i8, mm: i8) -> Settings {
    Settings { day_starts_at: Time::constant(hh, mm, 0, 0), ..Settings::default() }
}

#[test]
fn coaching_day_across_dst_changes() {
    // (day_starts_at, instant, coaching date). Berlin: 29 Mar 2026 02:00 CET -> 03:00 CEST,
    // 25 Oct 2026 03:00 CEST -> 02:00 CET. New York: 8 Mar 2026 02:00 EST -> 03:00 EDT,
    // 1 Nov 2026 02:00 EDT -> 01:00 EST.
    let cases = [
        // Fall-back, day start inside the repeated hour: the first pass starts the day.
        ((2, 30), "2026-10-25T02:29:59+02:00[Europe/Berlin]", "2026-10-24"),
        ((2, 30), "2026-10-25T02:30:00+02:00[Europe/Berlin]", "2026-10-25"),
        ((2, 30), "2026-10-25T02:45:00+02:00[Europe/Berlin]", "2026-10-25"),
        ((2, 30), "2026-10-25T02:15:00+01:00[Europe/Berlin]", "2026-10-25"),
        ((2, 30), "2026-10-25T02:45:00+01:00[Europe/Berlin]", "2026-10-25"),
        ((2, 30), "2026-10-26T02:29:59+01:00[Europe/Berlin]", "2026-10-25"),
        ((2, 30), "2026-10-26T02:30:00+01:00[Europe/Berlin]", "2026-10-26"),
        ((2, 0), "2026-10-25T01:59:59+02:00[Europe/Berlin]", "2026-10-24"),
        ((2, 0), "2026-10-25T02:00:00+02:00[Europe/Berlin]", "2026-10-25"),
        ((2, 0), "2026-10-25T02:00:00+01:00[Europe/Berlin]", "2026-10-25"),
        ((3, 0), "2026-10-25T02:59:59+01:00[Europe/Berlin]", "2026-10-24"),
        ((3, 0), "2026-10-25T03:00:00+01:00[Europe/Berlin]", "2026-10-25"),
        // Spring-forward, day start inside the skipped hour: the day starts when the gap ends.
        ((2, 30), "2026-03-29T01:59:59+01:00[Europe/Berlin]", "2026-03-28"),
        ((2, 30), "2026-03-29T03:00:00+02:00[Europe/Berlin]", "2026-03-29"),
        ((2, 30), "2026-03-29T03:10:00+02:00[Europe/Berlin]", "2026-03-29"),
        ((2, 0), "2026-03-29T01:59:59+01:00[Europe/Berlin]", "2026-03-28"),
        ((2, 0), "2026-03-29T03:00:00+02:00[Europe/Berlin]", "2026-03-29"),
        ((4, 0), "2026-03-29T03:59:59+02:00[Europe/Berlin]", "2026-03-28"),
        ((4, 0), "2026-03-29T04:00:00+02:00[Europe/Berlin]", "2026-03-29"),
        ((1, 30), "2026-11-01T01:29:59-04:00[America/New_York]", "2026-10-31"),
        ((1, 30), "2026-11-01T01:30:00-04:00[America/New_York]", "2026-11-01"),
        ((1, 30), "2026-11-01T01:10:00-05:00[America/New_York]", "2026-11-01"),
        ((1, 30), "2026-11-01T01:45:00-05:00[America/New_York]", "2026-11-01"),
        ((1, 0), "2026-11-01T00:59:59-04:00[America/New_York]", "2026-10-31"),
        ((1, 0), "2026-11-01T01:00:00-05:00[America/New_York]", "2026-11-01"),
        ((2, 30), "2026-03-08T01:59:59-05:00[America/New_York]", "2026-03-07"),
        ((2, 30), "2026-03-08T03:00:00-04:00[America/New_York]", "2026-03-08"),
        ((2, 30), "2026-03-08T03:29:59-04:00[America/New_York]", "2026-03-08"),
        ((0, 0), "2026-03-08T00:00:00-05:00[America/New_York]", "2026-03-08"),
        ((0, 0), "2026-03-07T23:59:59-05:00[America/New_York]", "2026-03-07"),
    ];
    for ((hh, mm), now, want) in cases {
        let got = starting_at(hh, mm).coaching_date(&now.parse::<Zoned>().unwrap()).to_string();
        assert_eq!(got, want, "day_starts_at {hh:02}:{mm:02} at {now}");
    }
}

#[test]
fn coaching_day_starts_when_the_gap_ends() {
    let tz = TimeZone::get("Europe/Berlin").unwrap();
    let start = |hh, mm| starting_at(hh, mm).day_start(Date::constant(2026, 3, 29), &tz).unwrap();
    let gap_end: Timestamp = "2026-03-29T01:00:00Z".parse().unwrap();
    assert_eq!(start(2, 0), gap_end);
    assert_eq!(start(2, 59), gap_end);
    assert_eq!(start(3, 0), gap_end);
    assert_eq!(start(1, 59), "2026-03-29T00:59:00Z".parse().unwrap());
    // In the fold, the first pass.
    let fold = |hh, mm| starting_at(hh, mm).day_start(Date::constant(2026, 10, 25), &tz).unwrap();
    assert_eq!(fold(2, 30), "2026-10-25T00:30:00Z".parse().unwrap());
}

/// Property: walking through a DST change 5 minutes at a time, for any `day_starts_at`, the
/// coaching date never goes back and never skips a day.
#[test]
fn coaching_date_never_goes_back() {
    // A fall-back across midnight (00:30 back to 23:30 the day before) as a POSIX rule, so
    // the wall date itself goes back; no bundled zone does that today.
    let midnight_fold = TimeZone::posix("AAA-1BBB,M3.5.0/1,M10.5.0/0:30").unwrap();
    let zones = [
        (TimeZone::get("Europe/Berlin").unwrap(), ["2026-03-29", "2026-10-25"]),
        (TimeZone::get("America/New_York").unwrap(), ["2026-03-08", "2026-11-01"]),
        (midnight_fold, ["2026-03-29", "2026-10-25"]),
    ];
    let starts = (0..24).flat_map(|h| [(h, 0), (h, 15), (h, 30), (h, 59)]);
    for (hh, mm) in starts {
        let s = starting_at(hh, mm);
        for (tz, days) in &zones {
            for day in days {
                let day: Date = day.parse().unwrap();
                let from = tz.to_timestamp(day.yesterday().unwrap().to_datetime(Time::midnight())).unwrap();
                let mut last: Option<Date> = None;
                for step in 0..(3 * 24 * 12) {
                    let now = from
                        .checked_add(jiff::SignedDuration::from_mins(5 * step))
                        .unwrap()
                        .to_zoned(tz.clone());
                    let date = s.coaching_date(&now);
                    if let Some(last) = last {
                        let next = last.tomorrow().unwrap();
                        assert!(date == last || date == next, "{hh:02}:{mm:02}: {last} then {date} at {now}");
                    }
                    last = Some(date);
                }
            }
        }
    }
}

#[test]
fn routines() {
    let catalog = Catalog::builtin();
    let ids = |text: &str| -> Vec<String> {
        let mut c = catalog.clone();
        let s = parse(text, &mut c).unwrap();
        s.routine(&c).iter().map(|e| e.id.clone()).collect()
    };
    let cases: [(&str, &[&str]); 5] = [
        ("", &["walk", "hamstring-stretch", "thoracic-extension", "curl-up", "side-bridge", "bird-dog"]),
        ("avoid = [\"extension\"]", &["walk", "hamstring-stretch", "curl-up", "side-bridge", "bird-dog"]),
        (
            "avoid = [\"flexion\"]",
            &["walk", "hamstring-stretch", "thoracic-extension", "dead-bug", "side-bridge", "bird-dog"],
        ),
        (
            "avoid = [\"flexion\"]\nextras = [\"dead-bug\", \"plank\"]",
            &[
                "walk",
                "hamstring-stretch",
                "thoracic-extension",
                "dead-bug",
                "side-bridge",
                "bird-dog",
                "plank",
            ],
        ),
        (
            "[exercises.walk]\nenabled = false",
            &["hamstring-stretch", "thoracic-extension", "curl-up", "side-bridge", "bird-dog"],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(ids(text), want, "{text}");
    }
}

#[test]
fn start_and_cap_steps_follow_level_and_overrides() {
    let catalog = Catalog::builtin();
    let curl = catalog.get("curl-up").unwrap();
    let walk = catalog.get("walk").unwrap();
    let beginner = Settings::default();
    assert_eq!((beginner.start_step(curl), beginner.cap_step(curl)), (1, 6));
    assert_eq!((beginner.start_step(walk), beginner.cap_step(walk)), (1, 21));
    let active = Settings { level: Level::Active, ..Settings::default() };
    assert_eq!((active.start_step(walk), active.cap_step(walk)), (21, 29));
    let s = parse_ok("[exercises.curl-up]\nstart_step = 3\ncap_step = 5\n");
    assert_eq!((s.start_step(curl), s.cap_step(curl)), (3, 5));
}

#[test]
fn a_custom_exercise_joins_the_routine() {
    let mut catalog = Catalog::builtin();
    let s = parse(
        "[[custom]]\nid = \"wall-angel\"\nname = \"Wall angel\"\nkind = \"reps\"\nsteps = [\"1 x 8\", \"2 x 8\"]\ncues = [\"Back to the wall.\"]\n",
        &mut catalog,
    )
    .unwrap();
    let routine: Vec<&str> = s.routine(&catalog).iter().map(|e| e.id.as_str()).collect();
    assert_eq!(routine.last(), Some(&"wall-angel"));
    assert_eq!(catalog.get("wall-angel").unwrap().dose_text(2), "2 × 8");
}

#[test]
fn strength_days_are_opt_in_with_loads_per_lift() {
    assert!(!parse_ok("").strength.enabled);
    assert!(parse_ok("strength = true\n").strength.enabled);
    let s = parse_ok(
        "units = \"lb\"\n[strength]\ndays = 3\n[strength.goblet-squat]\nload = 20\nincrement = 5\n\
         [strength.suitcase-carry]\nload = 12.5\n",
    );
    assert!(s.strength.enabled);
    assert_eq!(s.strength.per_week(Level::Beginner), 3);
    assert_eq!(s.strength.units, crate::strength::Units::Lb);
    assert_eq!(s.strength.lift("goblet-squat").load, Some(20.0));
    assert_eq!(s.strength.increment("suitcase-carry"), 2.5, "1 kg or 2.5 lb by default");
    assert_eq!(s.strength.increment("goblet-squat"), 5.0);
    assert!(!parse_ok("[strength]\nenabled = false\n").strength.enabled);
    // The example in docs/coaching.md under the table onboarding writes (turn 3, E); a switch with a lift
    // table is an error naming the key.
    let readme = "[strength]\nenabled = true\n[strength.goblet-squat]\nload = 8\nincrement = 2\ncap = 30\n";
    let s = parse_ok(readme);
    assert!(s.strength.enabled);
    assert_eq!((s.strength.lift("goblet-squat").load, s.strength.cap("goblet-squat")), (Some(8.0), 30.0));
    let err =
        parse("strength = true\n[strength.goblet-squat]\nload = 8\n", &mut Catalog::builtin()).unwrap_err();
    assert!(err.contains("the key `strength`") && err.contains("enabled = true"), "{err}");
    for (text, want) in [
        ("[strength.yoga]\nload = 2\n", "strength.yoga: not a lift"),
        ("[strength.plank]\nload = 2\n", "strength.plank: not a lift"),
        ("[strength.goblet-squat]\nload = -2\n", "strength.goblet-squat.load = -2"),
        ("[strength]\ndays = 5\n", "strength.days = 5"),
    ] {
        let e = parse_err(text);
        assert!(e.starts_with("1:") && e.contains(want), "{text}: {e}");
    }
}

#[test]
fn every_type_error_names_its_key() {
    for (text, want) in [
        ("level = \"expert\"\n", "1:9: level: unknown variant `expert`"),
        ("sound = \"yes\"\n", "1:9: sound: invalid type: string \"yes\""),
        ("avoid = [\"twisting\"]\n", "1:10: avoid: unknown variant `twisting`"),
        ("avoid = [\n  \"flexion\",\n  \"twisting\",\n]\n", "3:3: avoid: unknown variant `twisting`"),
        ("units = \"stone\"\n", "1:9: units: unknown variant `stone`"),
        ("[strength]\nenabled = \"x\"\n", "strength"),
        ("[exercises.curl-up]\nenabled = 3\n", "2:11: exercises.curl-up.enabled: invalid type"),
    ] {
        let err = parse_err(text);
        assert!(err.contains(want), "{text:?} gave {err:?}, want {want:?}");
    }
}
