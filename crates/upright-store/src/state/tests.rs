use std::collections::BTreeSet;
use std::fs::File;
use std::os::unix::fs::PermissionsExt;
use std::time::Duration;

use jiff::civil::date;

use super::*;

fn entry(id: &str, d: Date, exercise: &str) -> Entry {
    let mut e = Entry::new(id.into(), d, format!("{d}T08:00:00+01:00"), EntryKind::Done);
    e.exercise = Some(exercise.into());
    e.step = Some(2);
    e
}

fn store(dir: &Path) -> Store {
    Store::open(dir).with_lock_wait(Duration::from_millis(300))
}

const NOV: Date = date(2026, 11, 24);

mod pending;
mod save;
mod truth;

#[test]
fn round_trip_keeps_every_field_and_unknown_ones() {
    let dir = tempfile::tempdir().unwrap();
    let mut e = entry("a", NOV, "walk");
    e.dose = Some("3 × 5 min".into());
    e.feedback = Some(Feedback::Hard);
    e.pain = Some(4);
    e.minutes = Some(6);
    e.note = Some("windy, \"cold\"\nbut fine".into());
    e.reason = Some("why not".into());
    e.extra.insert("mood".into(), toml::Value::String("sunny".into()));
    let mut other = entry("b", NOV, "curl-up");
    other.kind = EntryKind::Other("stretch-break".into());
    let mut s = store(dir.path());
    s.append(e.clone()).unwrap();
    s.append(other.clone()).unwrap();
    let mut again = store(dir.path());
    again.load_range(NOV, NOV).unwrap();
    assert_eq!(again.entries(), &[e, other]);
    // Unknown top-level keys survive a save too.
    let path = again.path(MonthKey::of(NOV));
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("version = 1\n", "version = 1\nsynced_by = \"laptop\"\n");
    std::fs::write(&path, text).unwrap();
    again.append(entry("c", NOV, "bird-dog")).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("version = 1\n") && text.contains("synced_by = \"laptop\""), "{text}");
    assert!(text.contains("mood = \"sunny\"") && text.contains("kind = \"stretch-break\""), "{text}");
}

#[test]
fn hand_made_files_load() {
    let cases: [(&str, &[u8], usize); 6] = [
        ("0-byte file is an empty month", b"", 0),
        ("blank lines", b"\n\n  \n", 0),
        ("version only", b"version = 1\n", 0),
        (
            "CRLF and comments",
            b"# my log\r\nversion = 1\r\n\r\n[[entry]] # walked\r\nid = \"x\"\r\ndate = \"2026-11-02\"\r\nat = \"2026-11-02T08:00:00+01:00\"\r\nkind = \"done\"\r\nexercise = \"walk\"\r\n",
            1,
        ),
        (
            "BOM",
            b"\xef\xbb\xbfversion = 1\n[[entry]]\nid = \"x\"\ndate = \"2026-11-02\"\nat = \"t\"\nkind = \"done\"\n",
            1,
        ),
        (
            "duplicate ids collapse to one",
            b"version = 1\n[[entry]]\nid = \"x\"\ndate = \"2026-11-02\"\nat = \"t\"\nkind = \"done\"\n[[entry]]\nid = \"x\"\ndate = \"2026-11-02\"\nat = \"t\"\nkind = \"done\"\n",
            1,
        ),
    ];
    for (name, bytes, n) in cases {
        assert_eq!(Month::parse(bytes).map(|m| m.entries.len()), Ok(n), "{name}");
    }
}

/// Whether this process can read a file it may not (root can).
fn can_bypass_permissions(dir: &Path) -> bool {
    let probe = dir.join("probe");
    std::fs::write(&probe, "x").unwrap();
    std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o000)).unwrap();
    let readable = std::fs::read(&probe).is_ok();
    std::fs::remove_file(&probe).unwrap();
    readable
}

#[test]
fn broken_months_are_reported_and_never_written_over() {
    const GOOD: &str = "version = 1\n\n[[entry]]\nid = \"x\"\ndate = \"2026-11-02\"\nat = \"2026-11-02T08:00:00+01:00\"\nkind = \"done\"\nexercise = \"walk\"\n";
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("truncated mid-entry", GOOD.as_bytes()[..GOOD.len() - 12].to_vec(), ":8:7:"),
        ("NUL byte", GOOD.replace("walk", "wa\0lk").into_bytes(), ":8:15: invalid basic string"),
        ("invalid UTF-8", [GOOD.as_bytes(), b"note = \"caf\xe9\"\n"].concat(), ":9:12: invalid UTF-8"),
        (
            "wrong type",
            format!("{GOOD}pain = \"high\"\n").into_bytes(),
            ":9:8: invalid type: string \"high\"",
        ),
        ("duplicate key", format!("{GOOD}kind = \"skipped\"\n").into_bytes(), ":9:1: duplicate key"),
        (
            "version 99",
            GOOD.replace("version = 1", "version = 99").into_bytes(),
            ":1:11: written by a newer upright (version 99)",
        ),
        ("version 0", GOOD.replace("version = 1", "version = 0").into_bytes(), "`version` must be 1"),
        ("missing version", GOOD.replace("version = 1\n", "").into_bytes(), "no `version` key"),
        (
            "bad date",
            GOOD.replace("2026-11-02\"", "2026-02-30\"").into_bytes(),
            ":5:8: parsed date is not valid",
        ),
        ("negative pain", format!("{GOOD}pain = -3\n").into_bytes(), ":9:8: invalid value: integer `-3`"),
        (
            "integer overflow",
            format!("{GOOD}step = 99999999999999999999\n").into_bytes(),
            ":9:8: invalid type: integer",
        ),
        ("entry is not a table", b"version = 1\nentry = 3\n".to_vec(), ":2:9:"),
        ("garbage", b"\x01\x02 not toml at all".to_vec(), ":1:4:"),
    ];
    for (name, bytes, want) in cases {
        let dir = tempfile::tempdir().unwrap();
        let mut s = store(dir.path());
        std::fs::create_dir_all(s.history_dir()).unwrap();
        let path = s.path(MonthKey::of(NOV));
        std::fs::write(&path, &bytes).unwrap();
        let err = s.load_recent(NOV, &[]).unwrap_err().to_string();
        assert!(err.starts_with(&format!("{}:", path.display())), "{name}: {err}");
        assert!(err.contains(want), "{name}: {err:?} lacks {want:?}");
        let err = format!("{:#}", s.append(entry("new", NOV, "walk")).unwrap_err());
        assert!(err.contains(want), "{name}: {err}");
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "{name}: byte-identical");
        assert!(!Path::new(&format!("{}.bak", path.display())).exists(), "{name}: no .bak written");
    }
}

#[test]
fn odd_files_in_place_of_a_month() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    let hist = s.history_dir().to_path_buf();
    std::fs::create_dir_all(&hist).unwrap();
    let path = s.path(MonthKey::of(NOV));

    std::fs::create_dir(&path).unwrap();
    let err = format!("{:#}", s.append(entry("a", NOV, "walk")).unwrap_err());
    assert!(err.contains("is a directory"), "{err}");
    std::fs::remove_dir(&path).unwrap();

    std::os::unix::fs::symlink(hist.join("nowhere.toml"), &path).unwrap();
    let err = format!("{:#}", s.append(entry("a", NOV, "walk")).unwrap_err());
    assert!(err.contains("does not exist"), "{err}");
    assert!(!hist.join("nowhere.toml").exists(), "a dangling link is not followed by a write");
    std::fs::remove_file(&path).unwrap();

    let big = File::create(&path).unwrap();
    big.set_len(MAX_MONTH_BYTES + 1).unwrap();
    let err = format!("{:#}", s.append(entry("a", NOV, "walk")).unwrap_err());
    assert!(err.contains("too large"), "{err}");
    assert_eq!(std::fs::metadata(&path).unwrap().len(), MAX_MONTH_BYTES + 1);
    std::fs::remove_file(&path).unwrap();

    if !can_bypass_permissions(dir.path()) {
        std::fs::write(&path, "version = 1\n").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
        let err = format!("{:#}", s.append(entry("a", NOV, "walk")).unwrap_err());
        assert!(err.contains("permission denied"), "{err}");
    }
}

#[test]
fn a_symlinked_month_stays_a_symlink() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    let real = elsewhere.join("november.toml");
    std::fs::write(&real, "version = 1\n").unwrap();
    let mut s = store(dir.path());
    std::fs::create_dir_all(s.history_dir()).unwrap();
    let path = s.path(MonthKey::of(NOV));
    std::os::unix::fs::symlink(&real, &path).unwrap();
    s.append(entry("a", NOV, "walk")).unwrap();
    assert!(std::fs::symlink_metadata(&path).unwrap().file_type().is_symlink());
    assert!(std::fs::read_to_string(&real).unwrap().contains("id = \"a\""));
}

#[test]
fn load_recent_reads_only_what_it_needs() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    // Two years of months; bird-dog only in the oldest, everything else every month.
    let mut d = date(2024, 12, 1);
    while d <= NOV {
        for id in ["walk", "curl-up"] {
            s.append(entry(&format!("{d}-{id}"), d, id)).unwrap();
        }
        d = d.checked_add(1.month()).unwrap();
    }
    s.append(entry("old-bird", date(2024, 12, 2), "bird-dog")).unwrap();
    let mut e = Entry::new("flare".into(), date(2025, 1, 5), "t".into(), EntryKind::FlareOff);
    e.exercise = None;
    s.append(e).unwrap();
    let mut e = Entry::new("ok".into(), date(2025, 1, 5), "t".into(), EntryKind::DisclaimerAccepted);
    e.exercise = None;
    s.append(e).unwrap();
    assert_eq!(s.months_on_disk().unwrap().len(), 24);

    // Each look asks the older months' raw text and parses the recent months (Sep..Nov and the empty Dec) plus only the months
    // that hold something wanted: January 2025 for the events, December 2024 for bird-dog.
    let mut recent = store(dir.path());
    recent.load_recent(NOV, &["walk"]).unwrap();
    assert_eq!(recent.months_loaded(), 3 + 1);
    assert!(recent.entries().iter().any(|e| e.kind == EntryKind::DisclaimerAccepted));
    let mut bird = store(dir.path());
    bird.load_recent(NOV, &["walk", "bird-dog"]).unwrap();
    assert_eq!(bird.months_loaded(), 3 + 2);
    assert!(bird.entries().iter().any(|e| e.id == "old-bird"));
    // A month changed behind the index's back is parsed again, not trusted.
    let jan = s.history_dir().join("2025-01.toml");
    let text = std::fs::read_to_string(&jan).unwrap().replace("kind = \"flare-off\"", "kind = \"flare-on\"");
    std::fs::write(&jan, text).unwrap();
    let mut again = store(dir.path());
    again.load_recent(NOV, &["walk"]).unwrap();
    assert!(again.entries().iter().any(|e| e.kind == EntryKind::FlareOn));
}

#[test]
fn ids_are_unique_and_stamps_carry_the_offset() {
    let now: jiff::Zoned = "2026-11-24T07:30:00.123+01:00[Europe/Berlin]".parse().unwrap();
    let ids: BTreeSet<String> = (0..1000).map(|_| new_id(&now)).collect();
    assert_eq!(ids.len(), 1000);
    assert!(ids.iter().all(|id| id.starts_with("20261124T073000-")));
    assert_eq!(stamp(&now), "2026-11-24T07:30:00+01:00");
}

#[test]
fn after_a_long_break_the_last_entries_are_found_in_older_months() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    let old = date(2026, 3, 10);
    s.append(entry("walk-in-march", old, "walk")).unwrap();
    // Nothing in the 62 days before today: the walk back still finds March, through the index
    // on a second look as on the first.
    for _ in 0..2 {
        let mut fresh = store(dir.path());
        fresh.load_recent(NOV, &["walk"]).unwrap();
        let ids: Vec<&str> = fresh.entries().iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["walk-in-march"]);
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 48, ..Default::default() })]

    /// Months taken in one by one, in any order and in any batches (a view's recent months,
    /// then old ones found on the walk back, which go in front), make the log that taking them
    /// all at once makes: by date, and within a day in each file's order.
    #[test]
    fn months_taken_in_any_order_make_one_log(
        days in proptest::collection::vec((0i64..120, 0usize..3), 1..60),
        order in proptest::collection::vec(proptest::prelude::any::<proptest::sample::Index>(), 6),
        split in 1usize..6,
    ) {
        use jiff::ToSpan;
        let dir = tempfile::tempdir().unwrap();
        let history = dir.path().join("history");
        std::fs::create_dir_all(&history).unwrap();
        let mut months: std::collections::BTreeMap<MonthKey, Vec<Entry>> = Default::default();
        for (n, (back, ex)) in days.iter().enumerate() {
            let d = NOV.checked_sub(back.days()).unwrap();
            let e = entry(&format!("e{n}"), d, ["walk", "curl-up", "bird-dog"][*ex]);
            months.entry(MonthKey::of(d)).or_default().push(e);
        }
        for (key, entries) in &months {
            std::fs::write(history.join(key.file_name()), Month { entries: entries.clone(), ..Default::default() }.to_toml()).unwrap();
        }
        let mut keys: Vec<MonthKey> = months.keys().copied().collect();
        let mut all = store(dir.path());
        all.load_months(&keys).unwrap();
        // Another order: shuffled by the indexes, taken in two batches.
        for (i, ix) in order.iter().enumerate() {
            let (n, j) = (keys.len(), ix.index(keys.len()));
            keys.swap(i % n, j);
        }
        let mut parts = store(dir.path());
        let cut = split.min(keys.len());
        parts.load_months(&keys[..cut]).unwrap();
        for key in &keys[cut..] {
            parts.load_months(&[*key]).unwrap();
        }
        let ids = |s: &Store| s.entries().iter().map(|e| e.id.clone()).collect::<Vec<_>>();
        proptest::prop_assert_eq!(ids(&parts), ids(&all));
    }
}
