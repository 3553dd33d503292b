//! Issue 27: pending files are merged file by file and month by month, counted as saved only when
//! saved, and trusted no more than a month: the user's own folder and file, a regular file of
//! sane size, holding only entries a failed save writes.

use std::os::unix::fs::PermissionsExt;

use super::*;

fn plant(dir: &Path, name: &str, entries: Vec<Entry>) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, Month { entries, ..Month::default() }.to_toml()).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    path
}

fn ids(s: &Store) -> Vec<&str> {
    s.entries().iter().map(|e| e.id.as_str()).collect()
}

#[test]
fn a_broken_pending_file_does_not_block_the_others_and_is_reported_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o700)).unwrap();
    let broken = d.join("history.pending-0broken.toml");
    std::fs::write(&broken, "version = 1\n[[entry]\n").unwrap();
    plant(d, "history.pending-1good.toml", vec![entry("good", NOV, "walk")]);
    let mut s = store(d);
    let merged = s.merge_pending();
    assert_eq!(merged.saved, 1);
    assert_eq!(merged.problems.len(), 1, "{:?}", merged.problems);
    assert!(merged.problems[0].contains("history.pending-0broken.toml:2:"), "{:?}", merged.problems);
    assert!(merged.problems[0].contains("moved to"), "{:?}", merged.problems);
    s.load_range(NOV, NOV).unwrap();
    assert_eq!(ids(&s), ["good"]);
    // Said once: moved aside, kept for the user to look at.
    assert!(!broken.exists() && d.join("history.pending-0broken.toml.broken").exists());
    let again = store(d).merge_pending();
    assert!(again.problems.is_empty() && again.saved == 0, "{again:?}");
}

#[test]
fn a_pending_file_of_two_months_is_saved_into_both_and_counted_as_saved() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let oct = date(2026, 10, 20);
    let file =
        plant(d, "history.pending-two.toml", vec![entry("nov", NOV, "walk"), entry("oct", oct, "walk")]);
    let mut s = store(d);
    let merged = s.merge_pending();
    assert_eq!((merged.saved, merged.problems.len()), (2, 0), "{merged:?}");
    assert!(!file.exists());
    s.load_range(oct, NOV).unwrap();
    assert_eq!(ids(&s), ["oct", "nov"]);
    // Already saved entries waiting again (a crash before the file went) are not counted.
    plant(d, "history.pending-again.toml", vec![entry("nov", NOV, "walk")]);
    assert_eq!(store(d).merge_pending().saved, 0);
}

#[test]
fn one_month_still_broken_keeps_only_its_entries_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let oct = date(2026, 10, 20);
    let mut s = store(d);
    s.append(entry("a", oct, "walk")).unwrap();
    let october = s.path(MonthKey::of(oct));
    std::fs::write(&october, "version = 1\n[[entry]\n").unwrap();
    let file =
        plant(d, "history.pending-two.toml", vec![entry("nov", NOV, "walk"), entry("oct", oct, "walk")]);
    let merged = store(d).merge_pending();
    assert_eq!(merged.saved, 1, "{merged:?}");
    assert!(merged.problems.iter().any(|p| p.contains("2026-10.toml")), "{merged:?}");
    let left = Month::read(&file).unwrap();
    assert_eq!(left.entries.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["oct"]);
}

#[test]
fn an_undo_record_or_unknown_kind_never_waits() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut s = store(d);
    s.append(entry("keep", NOV, "walk")).unwrap();
    let undo = crate::state::save::removal(NOV, "keep", format!("{NOV}T09:00:00+01:00"));
    plant(d, "history.pending-undo.toml", vec![undo]);
    let mut odd = entry("odd", NOV, "walk");
    odd.kind = EntryKind::Other("lift-the-lock".into());
    plant(d, "history.pending-odd.toml", vec![odd]);
    let merged = s.merge_pending();
    assert_eq!(merged.saved, 0);
    assert_eq!(merged.problems.len(), 2, "{merged:?}");
    assert!(merged.problems.iter().any(|p| p.contains("holds a `removed` entry")), "{merged:?}");
    let mut s = store(d);
    s.load_range(NOV, NOV).unwrap();
    assert_eq!(ids(&s), ["keep"], "nothing was removed");
}

#[test]
fn pending_files_others_could_write_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o700)).unwrap();
    let mut flag = entry("flag", NOV, "walk");
    (flag.kind, flag.exercise) = (EntryKind::Cleared, None);
    let file = plant(d, "history.pending-flag.toml", vec![flag.clone()]);
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o666)).unwrap();
    let merged = store(d).merge_pending();
    assert_eq!(merged.saved, 0);
    assert!(merged.problems[0].contains("may be written by other users"), "{merged:?}");
    // A data folder others may write (shared, or sticky like /tmp): nothing in it is merged,
    // and the files stay where they are (they may not be ours to move).
    let file = plant(d, "history.pending-flag2.toml", vec![flag]);
    std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o1777)).unwrap();
    let merged = store(d).merge_pending();
    std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o700)).unwrap();
    assert_eq!(merged.saved, 0);
    assert!(merged.problems[0].contains("another user could have planted them"), "{merged:?}");
    assert!(file.exists());
    let mut s = store(d);
    s.load_range(NOV, NOV).unwrap();
    assert!(s.entries().is_empty());
}

#[test]
fn only_regular_files_are_read_with_a_cap() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let fifo = d.join("history.pending-fifo.toml");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    std::os::unix::fs::symlink("/dev/zero", d.join("history.pending-zero.toml")).unwrap();
    let big = d.join("history.pending-big.toml");
    std::fs::write(&big, vec![b'#'; 2 * 1024 * 1024]).unwrap();
    plant(d, "history.pending-ok.toml", vec![entry("ok", NOV, "walk")]);
    // A FIFO with no writer would block an ordinary open or read for ever.
    let merged = store(d).merge_pending();
    assert_eq!(merged.saved, 1);
    assert_eq!(merged.problems.len(), 3, "{merged:?}");
    assert!(merged.problems.iter().filter(|p| p.contains("not a regular file")).count() == 2, "{merged:?}");
    assert!(merged.problems.iter().any(|p| p.contains("too large")), "{merged:?}");
    // The shared reader refuses a device and a FIFO behind a link too, and caps what it reads.
    assert!(crate::fsutil::read_regular(Path::new("/dev/zero"), 1024).is_err());
    std::os::unix::fs::symlink(d.join("history.pending-fifo.toml.broken"), d.join("f")).unwrap();
    assert!(crate::fsutil::read_regular(&d.join("f"), 1024).is_err());
    assert!(crate::fsutil::read_regular(&d.join("history.pending-big.toml.broken"), 1024).is_err());
}
