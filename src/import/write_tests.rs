//! The save asks again, under the writer lock, of each month as re-read: what another upright
//! logged since the table was shown keeps an entry out.

use std::path::Path;

use super::plan::{Status, plan};
use super::write::write;
use crate::catalog::Catalog;
use crate::config::Settings;
use crate::ctx::Ctx;
use crate::state::{Entry, EntryKind, Feedback, Store};

fn ctx(dir: &Path) -> Ctx {
    let now: jiff::Zoned = "2026-11-24T07:30:00+01:00[Europe/Berlin]".parse().unwrap();
    let settings = Settings::default();
    let today = settings.coaching_date(&now);
    Ctx {
        catalog: Catalog::builtin(),
        settings,
        store: Store::open(dir),
        now,
        today,
        config_path: dir.join("c.toml"),
    }
}

/// A 5-minute GPX walk from `start` (UTC).
fn walk(path: &Path, start: &str) {
    let t0: jiff::Timestamp = start.parse().unwrap();
    let points: String = (0..=30)
        .map(|i| {
            let at = t0 + jiff::SignedDuration::from_secs(i * 10);
            format!(
                "<trkpt lat=\"{:.7}\" lon=\"13.4\"><time>{at}</time></trkpt>",
                52.5 + i as f64 * 13.0 / 111_195.0
            )
        })
        .collect();
    let doc =
        format!("<gpx version=\"1.1\" creator=\"OpenTracks\"><trk><trkseg>{points}</trkseg></trk></gpx>");
    std::fs::write(path, doc).unwrap();
}

#[test]
fn what_was_logged_meanwhile_keeps_entries_out() {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<_> = ["05:00", "05:30"]
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let f = dir.path().join(format!("w{i}.gpx"));
            walk(&f, &format!("2026-11-24T{t}:00Z"));
            f
        })
        .collect();
    let mut c = ctx(dir.path());
    let shown = plan(&mut c, &files, Feedback::Ok, false).unwrap();
    assert_eq!(shown.to_log(), 2);
    // Another upright logs two bouts of today's three before the table is confirmed.
    for n in 0..2 {
        let mut e = Entry::new(
            format!("other-{n}"),
            c.today,
            format!("2026-11-24T07:0{n}:00+01:00"),
            EntryKind::Done,
        );
        e.exercise = Some("walk".into());
        c.store.append(e).unwrap();
    }
    let saved = write(&mut c.store, &shown);
    assert_eq!(saved.logged, 1);
    assert_eq!(saved.dropped, ["all 3 walk bouts for Tue 24 Nov are logged (3 of 3); nothing new logged"]);
    // The same table confirmed twice (two apps open): the second logs nothing.
    let dir2 = tempfile::tempdir().unwrap();
    let mut c2 = ctx(dir2.path());
    let shown = plan(&mut c2, &files[..1], Feedback::Ok, false).unwrap();
    assert_eq!(write(&mut c2.store, &shown).logged, 1);
    let again = write(&mut c2.store, &shown);
    assert_eq!(again.logged, 0);
    assert!(again.dropped[0].contains("was logged meanwhile"), "{:?}", again.dropped);
    // Read afresh, the plan knows it.
    let fresh = plan(&mut ctx(dir2.path()), &files[..1], Feedback::Ok, false).unwrap();
    assert_eq!(fresh.proposals[0].status, Status::Duplicate);
}

#[test]
fn the_lock_and_a_pain_stop_refuse_as_done_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("w.gpx");
    walk(&file, "2026-11-24T05:00:00Z");
    let mut c = ctx(dir.path());
    // Pain above 5 on today's walk ends it for the day.
    let mut stop = c.entry(c.today, EntryKind::Done, "walk");
    stop.pain = Some(7);
    c.store.append(stop).unwrap();
    let shown = plan(&mut c, std::slice::from_ref(&file), Feedback::Ok, false).unwrap();
    let Status::Refused(why) = &shown.proposals[0].status else { panic!("{:?}", shown.proposals[0].status) };
    assert!(why.contains("pain above 5 ended it"), "{why}");
    // An emergency sign locks the routine: nothing is logged, for any day.
    let lock = c.event(c.today, EntryKind::RedFlagEmergency);
    c.store.append(lock).unwrap();
    let shown = plan(&mut ctx(dir.path()), std::slice::from_ref(&file), Feedback::Ok, false).unwrap();
    assert_eq!(shown.proposals[0].status, Status::Refused(crate::rules::LOCKED.into()));
    assert_eq!(shown.to_log(), 0);
}
