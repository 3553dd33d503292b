//! The month file is the truth: hand edits that keep a file's size and time, a damaged summary,
//! a lock file removed under a writer, other users' folders, odd paths, undo and sync merges.

use std::fs::File;
use std::os::unix::fs::PermissionsExt;

use super::*;
use crate::state::write::bak_path;

/// A same-length hand edit with the modification time put back (`sed` then `touch -r`).
fn edit_keeping_size_and_mtime(path: &Path, from: &str, to: &str) {
    assert_eq!(from.len(), to.len());
    let mtime = std::fs::metadata(path).unwrap().modified().unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from));
    std::fs::write(path, text.replace(from, to)).unwrap();
    File::options().write(true).open(path).unwrap().set_modified(mtime).unwrap();
}

#[test]
fn a_hand_edit_that_keeps_size_and_time_is_seen_and_kept_by_the_next_saves() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    s.append(entry("a", NOV, "walk")).unwrap();
    let path = s.path(MonthKey::of(NOV));
    // Settled, so any summary of it would be trusted.
    std::thread::sleep(Duration::from_millis(2100));
    let mut app = store(dir.path());
    app.load_recent(NOV, &["walk"]).unwrap();
    edit_keeping_size_and_mtime(&path, "step = 2", "step = 5");
    // A fresh view, and the long-running one after a refresh, show the edit.
    let mut fresh = store(dir.path());
    fresh.load_recent(NOV, &["walk"]).unwrap();
    assert_eq!(fresh.entries()[0].step, Some(5));
    assert!(app.refresh().unwrap(), "the change time moved");
    assert_eq!(app.entries()[0].step, Some(5));
    // Two saves later the month and its .bak both still hold it.
    app.append(entry("b", NOV, "curl-up")).unwrap();
    app.append(entry("c", NOV, "bird-dog")).unwrap();
    for file in [path.clone(), bak_path(&path)] {
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.contains("step = 5") && !text.contains("step = 2\nid"), "{}: {text}", file.display());
    }
    // A save from a store that loaded before the edit works on the file, not its memory.
    edit_keeping_size_and_mtime(&path, "step = 5", "step = 7");
    fresh.append(entry("d", NOV, "side-bridge")).unwrap();
    assert!(std::fs::read_to_string(&path).unwrap().contains("step = 7"));
}

#[test]
fn a_damaged_summary_is_a_miss_never_a_wrong_answer() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    let mut d = date(2025, 1, 1);
    while d <= NOV {
        s.append(entry(&format!("{d}-walk"), d, "walk")).unwrap();
        d = d.checked_add(1.month()).unwrap();
    }
    s.append(entry("old-bird", date(2025, 1, 2), "bird-dog")).unwrap();
    std::thread::sleep(Duration::from_millis(2100));
    let ids = |s: &Store| s.entries().iter().map(|e| e.id.clone()).collect::<Vec<_>>();
    let mut first = store(dir.path());
    first.load_recent(NOV, &["walk", "bird-dog"]).unwrap();
    let want = ids(&first);
    assert!(want.contains(&"old-bird".to_string()));
    // No summary is written any more; whatever lies in its place is never read.
    let summary = s.history_dir().join(".summary");
    assert!(!summary.exists());
    let good =
        b"upright-summary 4 00000000 40\n\x04\x00\x00\x00 and more bytes of what was a summary".to_vec();
    // Every byte flipped, and cuts at many places: the same entries every time.
    let mut damaged: Vec<Vec<u8>> = (0..good.len())
        .step_by(3)
        .map(|i| {
            let mut bad = good.clone();
            bad[i] ^= 0x04;
            bad
        })
        .collect();
    damaged.extend((0..good.len()).step_by(17).map(|i| good[..i].to_vec()));
    for bad in damaged {
        std::fs::write(&summary, &bad).unwrap();
        let mut view = store(dir.path());
        view.load_recent(NOV, &["walk", "bird-dog"]).unwrap();
        assert_eq!(ids(&view), want);
    }
    // What an older upright left is removed by the next save.
    s.append(entry("new", NOV, "curl-up")).unwrap();
    assert!(!summary.exists());
}

#[test]
fn removing_the_lock_file_does_not_let_a_second_writer_in() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    s.append(entry("a", NOV, "walk")).unwrap();
    let history = s.history_dir().to_path_buf();
    std::fs::write(history.join(".lock"), "").unwrap();
    let slow = std::thread::spawn({
        let data = dir.path().to_path_buf();
        move || {
            let mut w = Store::open(&data);
            w.change(MonthKey::of(NOV), |month| {
                // Holds the lock for a while, from a month read before the other writer.
                std::thread::sleep(Duration::from_millis(600));
                month.merge(entry("slow", NOV, "curl-up")) == crate::state::save::Merge::Added
            })
            .map_err(|_| ())
            .unwrap();
        }
    });
    std::thread::sleep(Duration::from_millis(150));
    // A cleanup tool removes the lock file, and another writer comes.
    let _ = std::fs::remove_file(history.join(".lock"));
    let mut other = Store::open(dir.path());
    other.append(entry("fast", NOV, "bird-dog")).unwrap();
    slow.join().unwrap();
    let ids: Vec<String> =
        Month::read(&s.path(MonthKey::of(NOV))).unwrap().entries.into_iter().map(|e| e.id).collect();
    assert_eq!(ids, ["a", "slow", "fast"], "both writers' entries are kept, in the order saved");
}

#[test]
fn folders_and_months_others_can_write_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    s.append(entry("a", NOV, "walk")).unwrap();
    let history = s.history_dir().to_path_buf();
    let path = s.path(MonthKey::of(NOV));
    let before = std::fs::read(&path).unwrap();
    let mode = |p: &Path, m: u32| std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap();
    mode(&history, 0o777);
    let err = format!("{:#}", s.append(entry("b", NOV, "walk")).unwrap_err());
    assert!(err.contains("may be written by other users (mode 777)") && err.contains("waits in"), "{err}");
    mode(&history, 0o700);
    mode(&path, 0o666);
    let err = format!("{:#}", s.append(entry("c", NOV, "walk")).unwrap_err());
    assert!(err.contains("2026-11.toml may be written by other users"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "unchanged");
    mode(&path, 0o600);
    if rustix::process::geteuid().is_root() {
        std::os::unix::fs::chown(&history, Some(4242), None).unwrap();
        let err = format!("{:#}", s.append(entry("d", NOV, "walk")).unwrap_err());
        assert!(err.contains("belongs to another user (uid 4242)"), "{err}");
        std::os::unix::fs::chown(&history, Some(0), None).unwrap();
    }
    // Put right, the next save brings in everything that waited.
    s.append(entry("e", NOV, "walk")).unwrap();
    assert!(s.merge_pending().problems.is_empty());
    let ids: Vec<&str> = s.entries().iter().map(|e| e.id.as_str()).collect();
    assert!(ids.starts_with(&["a", "b", "c"]) && ids.contains(&"e"), "{ids:?}");
}

#[test]
fn a_folder_path_that_is_not_utf8_saves_every_time() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join(std::ffi::OsStr::from_bytes(b"data-\xff"));
    let mut s = store(&data);
    for id in ["a", "b", "c"] {
        s.append(entry(id, NOV, "walk")).unwrap();
    }
    let path = s.path(MonthKey::of(NOV));
    assert_eq!(Month::read(&path).unwrap().entries.len(), 3);
    assert_eq!(Month::read(&bak_path(&path)).unwrap().entries.len(), 2);
    assert!(
        std::fs::read_dir(&data)
            .unwrap()
            .flatten()
            .all(|e| !e.file_name().as_bytes().starts_with(b"history.pending"))
    );
}

#[test]
fn a_failed_folder_flush_says_the_entry_is_saved_and_keeps_no_copy() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    s.append(entry("a", NOV, "walk")).unwrap();
    crate::fsutil::tests::FAIL_DIR_SYNC.with(|f| f.set(true));
    let err = format!("{:#}", s.append(entry("b", NOV, "walk")).unwrap_err());
    crate::fsutil::tests::FAIL_DIR_SYNC.with(|f| f.set(false));
    assert!(err.contains("logged; no need to log it again") && err.contains("now holds the change"), "{err}");
    assert!(!err.contains("unchanged"), "{err}");
    assert_eq!(Month::read(&s.path(MonthKey::of(NOV))).unwrap().entries.len(), 2);
    assert_eq!(s.entries().len(), 2);
    let pending = std::fs::read_dir(dir.path()).unwrap().flatten();
    assert_eq!(pending.filter(|e| e.file_name().to_string_lossy().starts_with("history.pending")).count(), 0);
}

#[test]
fn undo_finds_the_entry_wherever_it_is_filed_and_goes_by_the_order_logged() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    // A hand edit filed a 24 Nov entry in the October file.
    let mut misfiled = entry("misfiled", NOV, "curl-up");
    misfiled.at = "2026-11-24T08:00:00+01:00".into();
    let oct = s.path(MonthKey { year: 2026, month: 10 });
    std::fs::create_dir_all(s.history_dir()).unwrap();
    std::fs::write(&oct, Month { entries: vec![misfiled], ..Month::default() }.to_toml()).unwrap();
    s.load_range(date(2026, 10, 1), NOV).unwrap();
    let last = s.last_logged(NOV, "curl-up").unwrap().id.clone();
    assert!(s.remove(NOV, &last).unwrap());
    assert!(Month::read(&oct).unwrap().entries.iter().all(|e| e.id != "misfiled"));
    assert!(s.last_logged(NOV, "curl-up").is_none());
    // Logged last, whatever the clock time says: here a move west (07:30 UTC after 08:00 CET).
    let mut berlin = entry("berlin", NOV, "walk");
    berlin.at = "2026-11-24T08:00:00+01:00".into();
    let mut london = entry("london", NOV, "walk");
    london.at = "2026-11-24T07:30:00+00:00".into();
    s.append(berlin).unwrap();
    s.append(london).unwrap();
    assert_eq!(s.last_logged(NOV, "walk").unwrap().id, "london");
}

#[test]
fn sync_merges_honour_undos_report_differences_and_skip_only_broken_copies() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    s.append(entry("kept", NOV, "walk")).unwrap();
    s.append(entry("undone", NOV, "curl-up")).unwrap();
    // The other machine's copy, from before the undo, with one entry changed.
    let mut changed = entry("kept", NOV, "walk");
    changed.pain = Some(3);
    let copy = Month { entries: vec![changed, entry("undone", NOV, "curl-up")], ..Month::default() };
    assert!(s.remove(NOV, "undone").unwrap());
    let history = s.history_dir().to_path_buf();
    std::fs::write(history.join("2026-11.sync-conflict-20261124-101500-PHONE.toml"), copy.to_toml()).unwrap();
    // A broken copy of another month, and a good one after it in name order.
    std::fs::write(
        history.join("2026-10 (Ana's conflicted copy 2026-11-24).toml"),
        "version = 1\n[[entry]\n",
    )
    .unwrap();
    let more =
        Month { entries: vec![entry("from-laptop", date(2026, 12, 1), "bird-dog")], ..Month::default() };
    std::fs::write(history.join("2026-12.sync-conflict-20261201-101500-LAPTOP.toml"), more.to_toml())
        .unwrap();
    let (merged, errors) = s.merge_conflicts();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(format!("{:#}", errors[0]).contains("conflicted copy"));
    let phone = merged.iter().find(|m| m.file.contains("PHONE")).unwrap();
    assert_eq!((phone.added, phone.differing.as_slice()), (0, ["kept".to_string()].as_slice()));
    assert!(merged.iter().any(|m| m.file.contains("LAPTOP") && m.added == 1));
    let nov = Month::read(&s.path(MonthKey::of(NOV))).unwrap();
    assert!(nov.entries.iter().all(|e| e.id != "undone"), "the undo holds");
    assert_eq!(nov.entries.iter().find(|e| e.id == "kept").unwrap().pain, None, "this machine's version");
    // An undo made on the other machine reaches this one the same way.
    s.append(entry("theirs-undone", NOV, "bird-dog")).unwrap();
    let undo = Month {
        entries: vec![crate::state::save::removal(NOV, "theirs-undone", "t".into())],
        ..Month::default()
    };
    std::fs::write(history.join("2026-11.sync-conflict-20261125-101500-PHONE.toml"), undo.to_toml()).unwrap();
    s.merge_conflicts();
    assert!(Month::read(&s.path(MonthKey::of(NOV))).unwrap().entries.iter().all(|e| e.id != "theirs-undone"));
}

#[test]
fn odd_leftovers_and_modes_are_handled() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    s.append(entry("a", NOV, "walk")).unwrap();
    let history = s.history_dir().to_path_buf();
    let path = s.path(MonthKey::of(NOV));
    // Leftovers of killed writers, new style and old, go at the next save; a `.lock` folder
    // (the lock is the history folder itself now) is in nobody's way.
    std::fs::write(history.join(".upright-AbC123.tmp"), "half").unwrap();
    std::fs::write(history.join(".2026-11.toml.bak.tmp-4242"), "half").unwrap();
    std::fs::create_dir(history.join(".lock")).unwrap();
    s.append(entry("b", NOV, "walk")).unwrap();
    assert!(
        !history.join(".upright-AbC123.tmp").exists() && !history.join(".2026-11.toml.bak.tmp-4242").exists()
    );
    // A `.bak` that is a folder is named in the error, and the month is left alone.
    std::fs::remove_file(bak_path(&path)).unwrap();
    std::fs::create_dir(bak_path(&path)).unwrap();
    let before = std::fs::read(&path).unwrap();
    let err = format!("{:#}", s.append(entry("c", NOV, "walk")).unwrap_err());
    assert!(err.contains("2026-11.toml.bak is a folder, not a backup file"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    std::fs::remove_dir(bak_path(&path)).unwrap();
    // A mode the user chose for the folder is never reset by a save.
    std::fs::set_permissions(&history, std::fs::Permissions::from_mode(0o500)).unwrap();
    let _ = s.append(entry("d", NOV, "walk"));
    assert_eq!(std::fs::metadata(&history).unwrap().permissions().mode() & 0o777, 0o500);
    std::fs::set_permissions(&history, std::fs::Permissions::from_mode(0o700)).unwrap();
}

#[test]
fn upright_never_writes_a_month_it_would_refuse() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    let mut long = entry("long", NOV, "walk");
    long.note = Some("x".repeat(upright_core::log::MAX_TEXT_CHARS + 1));
    let err = format!("{:#}", s.append(long).unwrap_err());
    assert!(err.contains("the note is 2001 characters long; the limit is 2000"), "{err}");
    assert!(!s.path(MonthKey::of(NOV)).exists());
    // A month grown by hand to just under the read limit takes no entry that would pass it.
    let path = s.path(MonthKey::of(NOV));
    std::fs::create_dir_all(s.history_dir()).unwrap();
    let filler = format!("version = 1\n# {}\n", "y".repeat(MAX_MONTH_BYTES as usize - 40));
    std::fs::write(&path, &filler).unwrap();
    let err = format!("{:#}", s.append(entry("big", NOV, "walk")).unwrap_err());
    assert!(err.contains("would grow past 16 MiB") && err.contains("waits in"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), filler);
}

#[test]
fn a_save_after_a_kill_between_backup_and_replace_leaves_no_temp_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    s.append(entry("a", NOV, "walk")).unwrap();
    let path = s.path(MonthKey::of(NOV));
    // What a writer killed right after making the .bak a link to the month leaves behind.
    let _ = std::fs::remove_file(bak_path(&path));
    std::fs::hard_link(&path, bak_path(&path)).unwrap();
    s.append(entry("b", NOV, "walk")).unwrap();
    let names: Vec<String> = std::fs::read_dir(s.history_dir())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') && n != ".summary")
        .collect();
    assert!(names.is_empty(), "{names:?}");
    assert_eq!(Month::read(&bak_path(&path)).unwrap().entries.len(), 1);
}
