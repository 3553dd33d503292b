//! Wide characters in the CLI's tables (issue 28.2): a custom exercise named `首の回旋 🙆`
//! (6 characters, 11 columns) keeps its dose, its marks and its steps in the same column as
//! every other row of `today` (with the strength lifts of a strength day), `plan`, `week` and
//! `progress`.

use common::Env;
use upright::text::width;

mod common;

const NAME: &str = "首の回旋 🙆";

const CONFIG: &str = "[strength.goblet-squat]\nload = 8\nincrement = 2\n\n\
    [[custom]]\nid = \"neck\"\nname = \"首の回旋 🙆\"\nkind = \"reps\"\nsteps = [\"1 x 8\", \"2 x 8\"]\n";

/// The display column where the text after `name` (and the spaces padding it) starts.
fn column_after(line: &str, name: &str) -> usize {
    let end = line.find(name).unwrap_or_else(|| panic!("{name:?} in {line:?}")) + name.len();
    let rest = &line[end..];
    width(&line[..end + rest.len() - rest.trim_start().len()])
}

/// Every row naming one of `names` has what follows the name in one column.
fn aligned(out: &str, names: &[&str]) {
    let mut columns = Vec::new();
    for name in names {
        let line = out.lines().find(|l| l.contains(name)).unwrap_or_else(|| panic!("{name}:\n{out}"));
        columns.push((name, column_after(line, name)));
    }
    assert!(columns.iter().all(|c| c.1 == columns[0].1), "{columns:?}\n{out}");
}

#[test]
fn a_wide_name_keeps_the_columns_in_the_cli() {
    let env = Env::accepted(CONFIG);
    let today = env.ok(24, &["today"]);
    // A strength day: the lifts are in the list too, their doses in the same column.
    assert!(today.contains("Goblet squat"), "{today}");
    aligned(&today, &["Walk", "Chair hamstring stretch", "Goblet squat", NAME]);
    insta::assert_snapshot!("wide_today", today);
    let plan = env.ok(24, &["plan", "--weeks", "1"]);
    aligned(&plan, &["Walk", "Foam-roller upper-back extension", NAME]);
    insta::assert_snapshot!("wide_plan", plan);
    let week = env.ok(24, &["week"]);
    aligned(&week, &["Walk", "Curl-up", NAME]);
    let progress = env.ok(24, &["progress"]);
    let steps = progress.split("Steps (first → now):").nth(1).unwrap();
    aligned(steps, &["Walk", "Bird-dog", NAME]);
    // Lines stay within 80 columns by display width.
    for out in [&today, &plan, &week, &progress] {
        assert!(out.lines().all(|l| width(l) <= 80), "{out}");
    }
}
