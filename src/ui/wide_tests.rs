//! Wide characters on the app's screens (issue 28.2): a custom exercise named `首の回旋 🙆` (6
//! characters, 11 columns) keeps its dose in the dose column on Today and the plan, and its
//! marks under the days on the week screen, at every size.

use std::time::Instant;

use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

use super::Theme;
use super::tests::{draw, send, snap};
use crate::app::tests::app_with;
use crate::app::{App, Msg};
use crate::catalog::Catalog;
use crate::text::width;

const NAME: &str = "首の回旋 🙆";

fn wide_app(dir: &std::path::Path) -> App {
    let mut catalog = Catalog::builtin();
    let config = "[[custom]]\nid = \"neck\"\nname = \"首の回旋 🙆\"\nkind = \"reps\"\n\
                  steps = [\"1 x 8\", \"2 x 8\"]\ncues = [\"Turn slowly.\"]\n";
    let settings = crate::config::parse(config, &mut catalog).unwrap();
    app_with(dir, catalog, settings)
}

/// Row `y` as the terminal shows it: the cell after a wide character is its second half.
fn row(buffer: &Buffer, y: u16) -> String {
    let mut text = String::new();
    let mut skip = 0;
    for x in 0..buffer.area.width {
        let symbol = buffer[(x, y)].symbol();
        if skip == 0 {
            text.push_str(symbol);
        }
        skip = skip.max(symbol.width()).saturating_sub(1);
    }
    text
}

/// The display column where the text after `name` (and its padding) starts, on the row
/// naming it.
fn column_after(buffer: &Buffer, name: &str) -> usize {
    let line = (0..buffer.area.height).map(|y| row(buffer, y)).find(|l| l.contains(name));
    let line = line.unwrap_or_else(|| panic!("{name} is on screen:\n{buffer:?}"));
    let end = line.find(name).unwrap() + name.len();
    let rest = &line[end..];
    width(&line[..end + rest.len() - rest.trim_start().len()])
}

#[test]
fn a_wide_name_keeps_the_dose_column_on_today() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = wide_app(dir.path());
    assert!(app.day.items.iter().any(|i| i.exercise.name == NAME));
    let t = Instant::now();
    let terminal = draw(&app, t, 80, 24, &Theme::new(false));
    let buffer = terminal.backend().buffer();
    let walk = column_after(buffer, "Walk");
    assert_eq!(column_after(buffer, NAME), walk, "{:?}", terminal.backend());
    assert_eq!(column_after(buffer, "Chair hamstring stretch"), walk);
    snap("wide_today", &app, t);
    // Selected, its dose is the detail line at 40 columns.
    app.selected = app.day.items.iter().position(|i| i.exercise.name == NAME).unwrap();
    snap("wide_today_selected", &app, t);
}

#[test]
fn a_wide_name_keeps_the_columns_on_plan_and_week() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = wide_app(dir.path());
    let t = Instant::now();
    send(&mut app, &[Msg::Plan], t);
    // The table where every dose fits its column (narrower screens stack each exercise's doses
    // under its name).
    let terminal = draw(&app, t, 140, 30, &Theme::new(false));
    let buffer = terminal.backend().buffer();
    assert!(row(buffer, 1).contains("in 4 weeks"), "a table: {:?}", terminal.backend());
    assert_eq!(column_after(buffer, NAME), column_after(buffer, "Walk"), "{:?}", terminal.backend());
    insta::assert_snapshot!("wide_plan_table_140x30", terminal.backend());
    snap("wide_plan", &app, t);
    send(&mut app, &[Msg::Back, Msg::Week], t);
    let terminal = draw(&app, t, 80, 24, &Theme::new(false));
    let buffer = terminal.backend().buffer();
    assert_eq!(column_after(buffer, NAME), column_after(buffer, "Walk"), "{:?}", terminal.backend());
    snap("wide_week", &app, t);
}
