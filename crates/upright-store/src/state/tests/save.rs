//! Saving: atomic replace with a .bak, two writers, the lock, temp-file cleanup, the pending
//! file, and appends that write what a full save would.

use std::fs::File;

use super::*;

#[test]
fn a_save_is_atomic_private_and_keeps_a_bak() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    s.append(entry("a", NOV, "walk")).unwrap();
    let path = s.path(MonthKey::of(NOV));
    let first = std::fs::read(&path).unwrap();
    s.append(entry("b", NOV, "walk")).unwrap();
    assert_eq!(std::fs::read(crate::state::write::bak_path(&path)).unwrap(), first);
    assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    let names: Vec<String> = std::fs::read_dir(s.history_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != ".summary")
        .collect();
    let mut names = names;
    names.sort();
    assert_eq!(names, ["2026-11.toml", "2026-11.toml.bak"], "only this month, no temp files");
    // A backfill touches only its own month.
    s.append(entry("c", date(2026, 10, 3), "walk")).unwrap();
    assert_eq!(std::fs::read(crate::state::write::bak_path(&path)).unwrap(), first);
    assert!(s.history_dir().join("2026-10.toml").exists());
}

#[test]
fn two_writers_keep_each_others_entries() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = store(dir.path());
    let mut b = store(dir.path());
    a.load_recent(NOV, &[]).unwrap();
    b.load_recent(NOV, &[]).unwrap();
    a.append(entry("from-a", NOV, "walk")).unwrap();
    b.append(entry("from-b", NOV, "curl-up")).unwrap();
    a.append(entry("from-a2", NOV, "bird-dog")).unwrap();
    let ids: Vec<&str> = a.entries().iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["from-a", "from-b", "from-a2"], "in the order saved");
    // A removes what B wrote after A loaded: it works on the fresh file.
    assert!(a.remove(NOV, "from-b").unwrap());
    assert!(!a.remove(NOV, "from-b").unwrap());
    let mut c = store(dir.path());
    c.load_range(NOV, NOV).unwrap();
    assert_eq!(c.entries().len(), 2);
}

#[test]
fn a_held_lock_refuses_the_write() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    s.append(entry("a", NOV, "walk")).unwrap();
    let path = s.path(MonthKey::of(NOV));
    let before = std::fs::read(&path).unwrap();
    let holder = File::open(s.history_dir()).unwrap();
    holder.lock().unwrap();
    let err = format!("{:#}", s.append(entry("b", NOV, "walk")).unwrap_err());
    assert!(err.contains("another upright has been writing"), "{err}");
    // The message says where the entry is, and that it need not be logged again.
    assert!(err.contains("waits in") && err.contains("no need to log it again"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    drop(holder);
    // The next save brings the waiting entry in, once, beside the new one.
    s.append(entry("c", NOV, "walk")).unwrap();
    assert!(s.merge_pending().problems.is_empty());
    let ids: Vec<&str> = s.entries().iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    assert!(!dir.path().join("history.pending-b.toml").exists());
}

#[test]
fn stray_temp_files_are_cleaned_at_the_next_save() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    s.append(entry("a", NOV, "walk")).unwrap();
    let stray = s.history_dir().join(".2026-11.toml.tmp-99999");
    std::fs::write(&stray, "half a file").unwrap();
    s.append(entry("b", NOV, "walk")).unwrap();
    assert!(!stray.exists());
}

#[test]
fn an_entry_that_cannot_be_saved_waits_and_is_merged_later() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    s.append(entry("a", NOV, "walk")).unwrap();
    // The app has the month loaded; then a hand edit breaks it.
    let path = s.path(MonthKey::of(NOV));
    let mut broken = std::fs::read(&path).unwrap();
    broken.extend_from_slice(b"\n[[entry]\n");
    std::fs::write(&path, &broken).unwrap();
    let err = format!("{:#}", s.append(entry("b", NOV, "bird-dog")).unwrap_err());
    assert!(
        err.contains("not saved yet: the entry waits in") && err.contains("history.pending-b.toml"),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), broken, "not overwritten");
    let pending = dir.path().join("history.pending-b.toml");
    assert!(pending.exists());
    // Still broken at the next start: it keeps waiting.
    let still = store(dir.path()).merge_pending();
    assert!(still.saved == 0 && still.problems[0].contains("2026-11.toml:"), "{:?}", still.problems);
    assert!(pending.exists());
    // Fixed by hand: merged into its month, and gone.
    std::fs::write(&path, &broken[..broken.len() - 10]).unwrap();
    let mut next = store(dir.path());
    assert_eq!(next.merge_pending().saved, 1);
    assert!(!pending.exists());
    next.load_range(NOV, NOV).unwrap();
    let ids: Vec<&str> = next.entries().iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
}

#[test]
fn a_save_edits_the_text_keeping_comments_and_order_of_a_hand_edited_month() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    let at = |id: &str, d: Date, time: &str| {
        let mut e = entry(id, d, "walk");
        e.at = format!("{d}T{time}+01:00");
        e.note = Some("quote \" and\nnewline".into());
        e
    };
    let path = s.path(MonthKey::of(NOV));
    let mut expected = Vec::new();
    for (i, time) in ["07:00:00", "07:30:00", "08:00:00", "06:00:00", "09:00:00"].iter().enumerate() {
        let before = std::fs::read(&path).ok();
        let e = at(&format!("e{i}"), NOV, time);
        expected.push(e.clone());
        s.append(e.clone()).unwrap();
        // The entry's text is appended to the file as it was, and the .bak is the file before.
        let text = std::fs::read_to_string(&path).unwrap();
        let was = before.map(|b| String::from_utf8(b).unwrap()).unwrap_or("version = 1\n".into());
        assert_eq!(text, format!("{was}{}", Month::entry_text(&e)), "after e{i}");
        if was.contains("[[entry]]") {
            assert_eq!(std::fs::read_to_string(crate::state::write::bak_path(&path)).unwrap(), was);
        }
        let mut fresh = store(dir.path());
        fresh.load_range(NOV, NOV).unwrap();
        let mut sorted = expected.clone();
        month::sort(&mut sorted);
        assert_eq!(fresh.entries(), sorted.as_slice());
    }
    // A hand edit adds comments; an append and an undo keep them.
    let text = std::fs::read_to_string(&path).unwrap();
    let commented = format!("# my walks\n{}", text.replacen("[[entry]]", "[[entry]] # the first", 1));
    std::fs::write(&path, &commented).unwrap();
    s.append(at("mine", NOV, "11:00:00")).unwrap();
    assert!(s.remove(NOV, "e2").unwrap());
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("# my walks\n") && text.contains("[[entry]] # the first"), "{text}");
    let ids: Vec<String> = Month::parse(text.as_bytes()).unwrap().entries.into_iter().map(|e| e.id).collect();
    // In the order logged, whatever the clock said (e3 was logged at an earlier time).
    assert_eq!(ids, ["e0", "e1", "e3", "e4", "mine", "removed-e2"]);
}

/// A month a Windows editor saved with CRLF keeps CRLF (and its comments) through an append
/// and an undo: the whole file, not just the lines upright adds.
#[test]
fn a_crlf_month_stays_crlf_through_an_append_and_an_undo() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = store(dir.path());
    s.append(entry("a", NOV, "walk")).unwrap();
    let path = s.path(MonthKey::of(NOV));
    let text = std::fs::read_to_string(&path).unwrap();
    let crlf = format!("# my log\n{text}").replace('\n', "\r\n");
    std::fs::write(&path, &crlf).unwrap();
    let mut s = store(dir.path());
    s.load_range(NOV, NOV).unwrap();
    s.append(entry("b", NOV, "curl-up")).unwrap();
    assert!(s.remove(NOV, "a").unwrap());
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(after.starts_with("# my log\r\n"), "{after:?}");
    assert!(!after.replace("\r\n", "").contains('\n'), "every line ends in CRLF: {after:?}");
    let ids: Vec<String> = Month::read(&path).unwrap().entries.into_iter().map(|e| e.id).collect();
    assert!(ids.contains(&"b".to_string()) && !ids.contains(&"a".to_string()), "{ids:?}");
}
