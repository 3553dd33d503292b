//! The app's import (`i` on Today) through the real binary in a pseudo-terminal: the hint when
//! recorded walks wait in the folder the config names, the same table as `upright import`, and
//! `y` to log, which moves the files done with into `imported/`.

mod common;

use std::path::{Path, PathBuf};

use common::{NOW, Pty, upright};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name)
}

/// A 12-minute walk by OpenTracks yesterday morning (Mon 23 Nov, 09:00 in Berlin).
fn yesterdays_walk(path: &Path) {
    let points: String = (0..=72)
        .map(|i| {
            let at = "2026-11-23T08:00:00Z".parse::<jiff::Timestamp>().unwrap()
                + jiff::SignedDuration::from_secs(i * 10);
            format!(
                "<trkpt lat=\"{:.7}\" lon=\"13.4\"><time>{at}</time></trkpt>\n",
                52.5 + i as f64 * 13.0 / 111_195.0
            )
        })
        .collect();
    let doc = format!(
        "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" creator=\"OpenTracks\" xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><type>walking</type><trkseg>\n{points}</trkseg></trk></gpx>\n"
    );
    std::fs::write(path, doc).unwrap();
}

#[test]
fn i_shows_the_waiting_walks_and_y_logs_them() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    upright(data, &["init", "--accept"]);
    let inbox = data.join("inbox");
    std::fs::create_dir(&inbox).unwrap();
    let mut config = std::fs::read_to_string(data.join("config.toml")).unwrap_or_default();
    config.push_str(&format!("\n[import]\nfolder = \"{}\"\n", inbox.display()));
    std::fs::write(data.join("config.toml"), config).unwrap();
    yesterdays_walk(&inbox.join("morning.gpx"));
    std::fs::copy(fixture("cruiser_walk.gpx"), inbox.join("cruiser_walk.gpx")).unwrap();
    std::fs::copy(fixture("opentracks_pause_resume.gpx"), inbox.join("old.gpx")).unwrap();

    let mut pty = Pty::spawn(&[], &[("UPRIGHT_NOW", NOW)], data, 80, 24);
    pty.wait_for("3 recorded walk files wait in your import folder: i shows them.", 10);
    pty.send("i");
    let screen = pty.wait_for("Import recorded walks", 10);
    assert!(screen.contains("2026-11-23  09:00  walk               12   0.94  log"), "{screen}");
    assert!(screen.contains("2021-09-07  00:10  walk (by speed)     2   0.08  refused"), "{screen}");
    assert!(screen.contains("more than a year back"), "{screen}");
    assert!(screen.contains("not read: line 42, column 7"), "{screen}");
    assert!(screen.contains("1 to log, 1 refused, 1 file not read"), "{screen}");
    assert!(screen.contains("y log 1"), "{screen}");
    // Any other key leaves it as it was.
    pty.send("\x1b");
    pty.wait_for("Nothing imported.", 5);
    assert!(inbox.join("morning.gpx").exists());
    pty.send("i");
    pty.wait_for("Import recorded walks", 10);
    pty.send("y");
    pty.wait_for("Imported 1 walk, rated ok.", 10);
    // Today counts the walk: one bout of yesterday's, none of today's.
    let month = std::fs::read_to_string(data.join("history/2026-11.toml")).unwrap();
    assert!(month.contains("imported_from = \"OpenTracks\"") && month.contains("minutes = 12"), "{month}");
    assert!(inbox.join("imported/morning.gpx").exists(), "the logged file moved away");
    assert!(inbox.join("cruiser_walk.gpx").exists() && inbox.join("old.gpx").exists(), "the others wait");
    pty.send("q");
    assert!(pty.wait_exit(5));
    // The CLI sees the same: the walk is logged once.
    let out = upright(data, &["import", "--dry-run", inbox.join("imported/morning.gpx").to_str().unwrap()]);
    assert!(out.contains("0 to log, 1 already logged"), "{out}");
}
