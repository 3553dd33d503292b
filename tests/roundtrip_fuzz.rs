//! Property tests on the log format: any history serializes and parses back equal, and no
//! input bytes — random or a damaged real file — make the loaders panic. This is the stable-Rust
//! fuzzer: raise the case count with `PROPTEST_CASES=100000 cargo test --test roundtrip_fuzz`.

use jiff::civil::Date;
use proptest::prelude::*;
use upright::catalog::Catalog;
use upright::log::Activity;
use upright::state::{Entry, EntryKind, Feedback, Month};

fn kind() -> impl Strategy<Value = EntryKind> {
    prop_oneof![
        Just(EntryKind::Done),
        Just(EntryKind::Skipped),
        Just(EntryKind::FlareOn),
        Just(EntryKind::FlareOff),
        Just(EntryKind::DisclaimerAccepted),
        Just(EntryKind::RedFlagEmergency),
        Just(EntryKind::RedFlagGp),
        Just(EntryKind::LegSymptoms),
        Just(EntryKind::Cleared),
        Just(EntryKind::Break),
        Just(EntryKind::HarderAccepted),
        Just(EntryKind::HarderDeclined),
        "[a-z][a-z-]{0,12}".prop_map(EntryKind::from),
    ]
}

fn entry(i: usize) -> impl Strategy<Value = Entry> {
    (
        (0i16..=3000, 1i8..=12, 1i8..=28),
        kind(),
        proptest::option::of("[a-z-]{1,20}"),
        proptest::option::of(1u32..=40),
        proptest::option::of(".{0,30}"),
        proptest::option::of(prop_oneof![Just(Feedback::Easy), Just(Feedback::Ok), Just(Feedback::Hard)]),
        proptest::option::of(0u8..=10),
        proptest::option::of(1u32..=600),
        proptest::option::of(".{0,60}"),
        proptest::option::of("\\PC{0,40}"),
        // The variant, the walk's company, a lift's load and reps and a cut-short session are
        // written too; the quick read must take them (grouped: a strategy tuple holds at most 12).
        (
            proptest::option::of("[a-z-]{1,12}"),
            proptest::option::of(".{0,20}"),
            proptest::option::of(prop_oneof![(0u32..=4000).prop_map(|n| f64::from(n) / 4.0), 0.0f64..500.0]),
            proptest::option::of(1u32..=60),
            any::<bool>(),
            // A check-in's activities and an RMDQ's answers.
            proptest::collection::vec((".{0,20}", 0u8..=10), 0..3),
            proptest::option::of("[yn]{24}"),
        ),
    )
        .prop_map(
            move |(
                (y, m, d),
                kind,
                exercise,
                step,
                dose,
                feedback,
                pain,
                minutes,
                note,
                reason,
                (variant, with, load, reps, partial, activities, answers),
            )| {
                let date = Date::new(y.max(1), m, d).unwrap();
                let mut e = Entry::new(format!("id-{i}"), date, format!("{date}T08:00:00+01:00"), kind);
                e.exercise = exercise;
                e.step = step;
                e.dose = dose;
                e.feedback = feedback;
                e.pain = pain;
                e.minutes = minutes;
                e.note = note;
                e.reason = reason;
                e.variant = variant;
                e.with = with;
                e.load = load;
                e.reps = reps;
                e.partial = partial;
                e.activities = activities.into_iter().map(|(name, score)| Activity { name, score }).collect();
                e.answers = answers;
                e
            },
        )
}

fn month() -> impl Strategy<Value = Vec<Entry>> {
    (0usize..12).prop_flat_map(|n| (0..n).map(entry).collect::<Vec<_>>())
}

proptest! {
    #[test]
    fn any_history_round_trips(entries in month()) {
        let month = Month { entries, ..Month::default() };
        let text = month.to_toml();
        let back = Month::parse(text.as_bytes()).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        let mut want = month.entries.clone();
        want.sort_by(|a, b| (a.date, &a.at, &a.id).cmp(&(b.date, &b.at, &b.id)));
        prop_assert_eq!(back.entries, want);
    }

    #[test]
    fn any_save_edit_reads_back_as_the_month_it_saves(
        entries in month(),
        added in (0usize..4).prop_flat_map(|n| (0..n).map(|i| entry(100 + i)).collect::<Vec<_>>()),
        keep in proptest::collection::vec(any::<bool>(), 12),
    ) {
        // A month on disk, hand-commented, then changed by removing some entries and adding others.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("2026-11.toml");
        let old = Month { entries, ..Month::default() };
        let text = format!("# my log\n{}# the end\n", old.to_toml().replace("[[entry]]", "[[entry]] # one"));
        std::fs::write(&path, &text).unwrap();
        let read = Month::read_file(&path).unwrap().unwrap();
        let mut new = read.month.clone();
        let mut flags = keep.iter();
        new.entries.retain(|_| *flags.next().unwrap_or(&true));
        new.entries.extend(added);
        let saved = new.saved_text(Some(&read));
        let back = Month::parse(saved.as_bytes()).map_err(|e| TestCaseError::fail(format!("{e}\n{saved}")))?;
        let order = |v: &mut Vec<upright::state::Entry>| v.sort_by(|a, b| (a.date, &a.at, &a.id).cmp(&(b.date, &b.at, &b.id)));
        let mut want = new.entries.clone();
        order(&mut want);
        prop_assert_eq!(back.entries, want);
        prop_assert!(saved.starts_with("# my log\n"), "the comment stays: {}", saved);
    }

    #[test]
    fn removing_from_a_plain_month_leaves_exactly_the_month_upright_would_write(
        entries in month(),
        keep in proptest::collection::vec(any::<bool>(), 12),
    ) {
        // upright's own layout is edited as text (no TOML editor): the result must be
        // byte for byte the file upright writes for the entries kept.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("2026-11.toml");
        std::fs::write(&path, Month { entries, ..Month::default() }.to_toml()).unwrap();
        let read = Month::read_file(&path).unwrap().unwrap();
        let mut new = read.month.clone();
        let mut flags = keep.iter();
        new.entries.retain(|_| *flags.next().unwrap_or(&true));
        prop_assert_eq!(new.saved_text(Some(&read)), new.to_toml());
    }

    #[test]
    fn the_quick_read_answers_exactly_as_the_toml_parser(entries in month()) {
        let text = Month { entries, ..Month::default() }.to_toml();
        prop_assert_eq!(Month::parse(text.as_bytes()), Month::parse_toml(&text));
    }

    #[test]
    fn the_quick_read_agrees_on_damaged_files_too(
        entries in month(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), prop::sample::select(vec![
            "\"", "\\", " ", "\n", "=", " = ", "0", "9", "-", "a", "#", "[", "]", "\r", "\t", "'", "\u{7f}", "é",
        ]), any::<bool>()), 1..4),
    ) {
        let mut text = Month { entries, ..Month::default() }.to_toml();
        for (at, piece, replace) in edits {
            let mut i = at.index(text.len() + 1);
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            if replace && i < text.len() {
                let next = text[i..].chars().next().map_or(0, char::len_utf8);
                text.replace_range(i..i + next, piece);
            } else {
                text.insert_str(i, piece);
            }
        }
        prop_assert_eq!(Month::parse(text.as_bytes()), Month::parse_toml(&text), "{}", text);
    }

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = Month::parse(&bytes);
        let _ = upright::config::parse(&String::from_utf8_lossy(&bytes), &mut Catalog::builtin());
    }

    #[test]
    fn a_damaged_real_file_never_panics(at in 0usize..400, byte in any::<u8>(), cut in 0usize..400) {
        let mut bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/history/future-fields.toml")).unwrap();
        let at = at % bytes.len();
        bytes[at] = byte;
        bytes.truncate(cut.max(at + 1));
        let _ = Month::parse(&bytes);
    }
}
