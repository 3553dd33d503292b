//! Issue 27: the summary can never change a view. Random histories, each viewed (today's
//! routine, doses, safety and banner, as `upright today` builds them from what `load_recent`
//! loads) with no summary, a fresh one, a stale one (from before the months changed) and a
//! damaged one: every view is the same.

use proptest::prelude::*;

use super::*;
use upright_core::catalog::Catalog;
use upright_core::settings::Settings;

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

/// Today's view as a command builds it, and what the store loaded for it.
fn view(data: &Path) -> String {
    let catalog = Catalog::builtin();
    let ids: Vec<String> = catalog.exercises().iter().map(|e| e.id.clone()).collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let mut store = Store::open(data);
    store.load_recent(TODAY, &ids).unwrap();
    let day = upright_core::today::Day::build(&catalog, &Settings::default(), store.entries(), TODAY);
    let loaded: Vec<&str> = store.entries().iter().map(|e| e.id.as_str()).collect();
    format!("{day:?}\n{loaded:?}")
}

fn summary(data: &Path) -> std::path::PathBuf {
    data.join("history/.summary")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn no_summary_changes_a_view(
        raw in proptest::collection::vec(arb_entry(), 1..60),
        changed in proptest::collection::vec(arb_entry(), 1..8),
        flip in any::<prop::sample::Index>(),
    ) {
        // Months written now count as settled: the summary is trusted wherever it may be.
        month::CLOCK_AHEAD_NS.with(|c| c.set(10_000_000_000));
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path();
        let before = build(&raw);
        write(data, &before);
        // A summary of the history before the change: stale once the months change.
        let _ = view(data);
        let stale = std::fs::read(summary(data)).unwrap();
        let mut after = before.clone();
        let more = build(&changed);
        after.extend(more.into_iter().map(|mut e| {
            e.id = format!("x{}", e.id);
            e
        }));
        write(data, &after);

        let _ = std::fs::remove_file(summary(data));
        let none = view(data);
        // Fresh: saved by the look above, then used.
        prop_assert!(summary(data).exists());
        let fresh = view(data);
        prop_assert_eq!(&fresh, &none, "fresh summary");
        // Damaged: one byte flipped.
        let mut damaged = std::fs::read(summary(data)).unwrap();
        let at = flip.index(damaged.len());
        damaged[at] ^= 0x20;
        std::fs::write(summary(data), &damaged).unwrap();
        prop_assert_eq!(&view(data), &none, "damaged summary");
        // Stale: the summary from before the change.
        std::fs::write(summary(data), &stale).unwrap();
        prop_assert_eq!(&view(data), &none, "stale summary");
        month::CLOCK_AHEAD_NS.with(|c| c.set(0));
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
        let safety = upright_core::safety::Safety::from_entries(store.entries());
        assert_eq!(safety.gp_since, Some(date(2025, 3, 2)), "{kind}");
    }
}
