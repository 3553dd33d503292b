//! Snapshot of the import screen (`i` on Today): the real exports of tests/fixtures/import
//! waiting in the import folder, as the table `upright import` prints, wrapped to the screen.

use std::time::Instant;

use super::tests::{send, snap};
use crate::app::tests::app;
use crate::app::{Mode, Msg};

#[test]
fn the_import_screen_shows_the_table_and_what_y_does() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir(&inbox).unwrap();
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    for f in ["cruiser_walk.gpx", "garmin_fenix5_bike.fit", "opentracks_pause_resume.gpx"] {
        std::fs::copy(fixtures.join(f), inbox.join(f)).unwrap();
    }
    let mut app = app(dir.path());
    app.ctx.settings.import_folder = Some(inbox);
    assert_eq!(
        app.import_hint().as_deref(),
        Some("3 recorded walk files wait in your import folder: i shows them.")
    );
    let t = Instant::now();
    send(&mut app, &[Msg::Char('i')], t);
    assert!(matches!(app.mode, Mode::Import { .. }), "{:?}", app.mode);
    snap("import_screen", &app, t);
}

#[test]
fn without_an_import_folder_i_says_how_to_name_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    assert_eq!(app.import_hint(), None, "off by default");
    send(&mut app, &[Msg::Char('i')], Instant::now());
    assert!(matches!(app.mode, Mode::Today));
    let said = app.message.clone().unwrap_or_default();
    assert!(said.contains("[import] folder = \"~/walks\""), "{said}");
    // A folder with nothing waiting says so.
    let inbox = dir.path().join("inbox");
    std::fs::create_dir(&inbox).unwrap();
    app.ctx.settings.import_folder = Some(inbox);
    assert_eq!(app.import_hint(), None);
    send(&mut app, &[Msg::Char('i')], Instant::now());
    assert!(app.message.as_deref().unwrap_or_default().starts_with("No recorded walks wait in "));
}
