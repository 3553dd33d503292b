//! Issue 27: a summary can never change a view (the app's views, so the test is the app's). Random histories, each viewed (see [`view`])
//! with no summary, one that lies with a valid checksum and the months' current stamps, a
//! damaged one and a stale one (from before the months changed): every view is the same.

use std::path::Path;

use jiff::ToSpan;
use jiff::civil::{Date, date};
use proptest::prelude::*;

use crate::catalog::Catalog;
use crate::config::Settings;
use crate::state::{Entry, EntryKind, Feedback, Month, MonthKey, Stamp, Store};

const TODAY: Date = date(2026, 11, 24);
const IDS: [&str; 4] = ["walk", "curl-up", "bird-dog", "side-bridge"];

fn arb_entry() -> impl Strategy<Value = (i64, u8, usize, u8)> {
    // Days back (up to ~2 years, most of it beyond the recent window), kind, exercise, pain.
    (0i64..720, 0u8..10, 0usize..IDS.len(), 0u8..6)
}

fn build(raw: &[(i64, u8, usize, u8)]) -> Vec<Entry> {
    raw.iter()
        .enumerate()
        .map(|(n, &(back, kind, ex, pain))| {
            let d = TODAY.checked_sub(back.days()).unwrap();
            let kind = match kind {
                0 => EntryKind::FlareOn,
                1 => EntryKind::FlareOff,
                2 => EntryKind::RedFlagGp,
                3 => EntryKind::Cleared,
                4 => EntryKind::LegSymptoms,
                5 => EntryKind::Skipped,
                _ => EntryKind::Done,
            };
            let mut e = Entry::new(format!("e{n:04}"), d, format!("{d}T08:00:00+01:00"), kind.clone());
            if matches!(kind, EntryKind::Done | EntryKind::Skipped | EntryKind::LegSymptoms) {
                e.exercise = Some(IDS[ex].into());
            }
            if kind == EntryKind::Done {
                e.step = Some(1 + (n as u32 % 3));
                e.pain = Some(pain);
                e.feedback = Some(Feedback::Ok);
            }
            e
        })
        .collect()
}

/// Writes `entries` as month files under `data`, replacing what was there.
fn write(data: &Path, entries: &[Entry]) {
    let history = data.join("history");
    std::fs::create_dir_all(&history).unwrap();
    let mut months: std::collections::BTreeMap<MonthKey, Vec<Entry>> = Default::default();
    for e in entries {
        months.entry(MonthKey::of(e.date)).or_default().push(e.clone());
    }
    for (key, entries) in months {
        std::fs::write(history.join(key.file_name()), Month { entries, ..Month::default() }.to_toml())
            .unwrap();
    }
}

/// Every view a front end shows from what the store loads as it would for the command: today
/// (routine, doses, safety and banner; `nudge` prints its line from it), `status` (that day,
/// the streaks and the desk breaks), the week screen with its streak and maintenance, the plan
/// forecast with its hold line and the flare prompt, and what the store loaded for them.
/// (`progress`, `report` and `export` load every month and never walked back.)
fn view(data: &Path) -> String {
    let now: jiff::Zoned = "2026-11-24T07:30:00+01:00[Europe/Berlin]".parse().unwrap();
    let mut ctx = crate::ctx::Ctx {
        catalog: Catalog::builtin(),
        settings: Settings::default(),
        store: Store::open(data),
        now,
        today: TODAY,
        config_path: data.join("config.toml"),
    };
    let day = ctx.day(TODAY).unwrap();
    let streaks = ctx.streaks(TODAY).unwrap();
    let breaks = crate::breaks::count_on(ctx.store.entries(), TODAY);
    let week = ctx.week(ctx.settings.week_start(TODAY)).unwrap();
    let entries = ctx.store.entries();
    let plan = crate::progression::forecast(&ctx.catalog, &ctx.settings, entries, TODAY, 8);
    let held = crate::holds::Holds::on(&ctx.settings, entries, TODAY).line();
    let prompt = crate::progression::flare_prompt(entries, TODAY);
    let loaded: Vec<&str> = entries.iter().map(|e| e.id.as_str()).collect();
    format!("{day:?}\n{streaks:?} {breaks:?}\n{week:?}\n{plan:?}\n{held:?} {prompt}\n{loaded:?}")
}

fn summary(data: &Path) -> std::path::PathBuf {
    data.join("history/.summary")
}

/// The summary layout upright 0.x kept (format 4: postcard behind a line with its CRC-32 and
/// length), to write honest-looking summaries that lie.
mod format4 {
    use serde::Serialize;

    use crate::state::{MonthKey, Stamp};

    #[derive(Serialize)]
    pub struct Facts {
        pub stamp: Stamp,
        pub checked_ns: i128,
        pub entries: usize,
        pub latest: Vec<(u32, (i16, i8, i8))>,
    }

    #[derive(Serialize)]
    pub struct Weeks {
        pub rules: String,
        pub used: Vec<(MonthKey, (Option<Stamp>, i128))>,
        pub results: Vec<((i16, i8, i8), bool)>,
    }

    #[derive(Serialize)]
    pub struct Summary {
        pub format: u32,
        pub keys: Vec<String>,
        pub months: Vec<(MonthKey, Facts)>,
        pub weeks: Weeks,
    }

    /// The file's bytes: the header line (format, CRC-32, length), then the body.
    pub fn bytes(s: &Summary) -> Vec<u8> {
        let body = postcard::to_allocvec(s).unwrap();
        let mut out =
            format!("upright-summary 4 {:08x} {}\n", crc32fast::hash(&body), body.len()).into_bytes();
        out.extend_from_slice(&body);
        out
    }
}

/// A summary with a valid checksum and every month's current stamp that lies: it says every
/// month holds only walks (no red flag, flare, clearance or other exercise) and that every
/// closed week met the target, under the rules the streak code of format 4 used.
fn lying(data: &Path) -> Vec<u8> {
    let history = data.join("history");
    let mut months = Vec::new();
    let mut used = Vec::new();
    for dirent in std::fs::read_dir(&history).unwrap() {
        let dirent = dirent.unwrap();
        let Some(key) = dirent.file_name().to_str().and_then(MonthKey::from_file_name) else { continue };
        let stamp = Stamp::of(&std::fs::metadata(dirent.path()).unwrap());
        let checked = stamp.mtime_ns.max(stamp.ctime_ns) + 10_000_000_000;
        let latest = vec![(0, (key.year, key.month, 1))];
        months.push((key, format4::Facts { stamp, checked_ns: checked, entries: 1, latest }));
        used.push((key, (Some(stamp), checked)));
    }
    months.sort_by_key(|(k, _)| *k);
    used.sort_by_key(|(k, _)| *k);
    let catalog = Catalog::builtin();
    let s = Settings::default();
    let routine: Vec<&str> = s.routine(&catalog).iter().map(|e| e.id.as_str()).collect();
    let rules = format!(
        "as-advised/{:?}/{}/{}/{:?}/{}",
        s.level,
        s.days_per_week,
        s.walk_days_per_week,
        s.week_starts_on,
        routine.join(",")
    );
    let mut results = Vec::new();
    let mut week = s.week_start(TODAY.checked_sub(800.days()).unwrap());
    while week < s.week_start(TODAY) {
        results.push(((week.year(), week.month(), week.day()), true));
        week = week.checked_add(7.days()).unwrap();
    }
    format4::bytes(&format4::Summary {
        format: 4,
        keys: vec!["walk".into()],
        months,
        weeks: format4::Weeks { rules, used, results },
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// Issue 27 item 4: no summary, an old one, a damaged one or one that lies with a valid
    /// checksum and current stamps: every view is the same (no summary is read at all).
    #[test]
    fn no_summary_changes_a_view(
        raw in proptest::collection::vec(arb_entry(), 1..60),
        changed in proptest::collection::vec(arb_entry(), 1..8),
        flip in any::<prop::sample::Index>(),
    ) {
        // Months written now count as settled: a summary would be trusted wherever it may be.
        crate::state::CLOCK_AHEAD_NS.with(|c| c.set(10_000_000_000));
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path();
        let before = build(&raw);
        write(data, &before);
        // A lying summary of the history before the change: stale once the months change.
        let stale = lying(data);
        let mut after = before.clone();
        let more = build(&changed);
        after.extend(more.into_iter().map(|mut e| {
            e.id = format!("x{}", e.id);
            e
        }));
        write(data, &after);

        let _ = std::fs::remove_file(summary(data));
        let none = view(data);
        // Lying, with the months' current stamps.
        let lie = lying(data);
        std::fs::write(summary(data), &lie).unwrap();
        prop_assert_eq!(&view(data), &none, "lying summary");
        // Damaged: one byte of the lie flipped.
        let mut damaged = lie.clone();
        let at = flip.index(damaged.len());
        damaged[at] ^= 0x20;
        std::fs::write(summary(data), &damaged).unwrap();
        prop_assert_eq!(&view(data), &none, "damaged summary");
        // Stale: from before the change.
        std::fs::write(summary(data), &stale).unwrap();
        prop_assert_eq!(&view(data), &none, "stale summary");
        crate::state::CLOCK_AHEAD_NS.with(|c| c.set(0));
    }
}

/// Without a summary an old month is parsed only when its raw text may hold something wanted;
/// an escape or a literal string cannot hide an entry from that check.
#[test]
fn the_raw_text_check_never_hides_an_entry() {
    for kind in ["\"red-flag-\\u0067p\"", "'red-flag-gp'", "\"\"\"red-flag-gp\"\"\""] {
        let dir = tempfile::tempdir().unwrap();
        let history = dir.path().join("history");
        std::fs::create_dir_all(&history).unwrap();
        let text = format!(
            "version = 1\n\n[[entry]]\nid = \"a\"\ndate = \"2025-03-02\"\nat = \"2025-03-02T08:00:00+01:00\"\nkind = {kind}\n"
        );
        std::fs::write(history.join("2025-03.toml"), text).unwrap();
        // A month with nothing wanted in between is skipped without a parse, broken or not.
        std::fs::write(history.join("2025-06.toml"), "version = 1\n# nothing here\n").unwrap();
        let mut store = Store::open(dir.path());
        store.load_recent(TODAY, &["walk"]).unwrap();
        let safety = crate::safety::Safety::from_entries(store.entries());
        assert_eq!(safety.gp_since, Some(date(2025, 3, 2)), "{kind}");
    }
}
