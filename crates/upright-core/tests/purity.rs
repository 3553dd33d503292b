//! The core is pure (issue 31): it reads no files, writes to no terminal and reads no clock.
//! `today` and `now` come in as arguments; the store and the app do the rest. This test fails
//! when a core source file names one of those doors, or the core's manifest takes a crate that
//! opens one.

use std::path::{Path, PathBuf};

/// What the core's own code must never name.
const DOORS: [&str; 10] = [
    "std::fs",
    "std::io::stdout",
    "std::io::stderr",
    "std::io::stdin",
    "std::env",
    "std::process",
    "Zoned::now",
    "SystemTime::now",
    "Instant::now",
    "Timestamp::now",
];

/// Crates that would give the core a terminal, a command line, files or the store.
const CRATES: [&str; 8] =
    ["ratatui", "crossterm", "clap", "tempfile", "upright-store", "directories", "rustix", "notify-rust"];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            // Test modules may use a real clock (the timer tests measure from `Instant::now`).
            if path.file_name().is_some_and(|n| n != "tests") {
                sources(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// A test file: `tests.rs`, `*_tests.rs`, the simulations that print their figures, and the
/// test helpers (compiled only for tests).
fn is_test(path: &Path) -> bool {
    let name = path.file_stem().unwrap().to_string_lossy();
    name == "tests" || name.ends_with("_tests") || name == "simulation" || name == "testing"
}

/// The code of `text` without `//` comments (a comment may name a door it does not open).
fn code(text: &str) -> String {
    text.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n")
}

/// Each door named in `text`'s code.
fn doors_in(text: &str) -> Vec<&'static str> {
    let code = code(text);
    let prints = ["println!", "eprintln!", "print!(", "eprint!("];
    DOORS.iter().chain(prints.iter()).copied().filter(|d| code.contains(d)).collect()
}

#[test]
fn the_core_names_no_file_terminal_or_clock() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &mut files);
    assert!(files.len() > 20, "the core's sources were not found under {}", root.display());
    let found: Vec<String> = files
        .iter()
        .filter(|f| !is_test(f))
        .flat_map(|f| {
            let name = f.strip_prefix(&root).unwrap().display().to_string();
            doors_in(&std::fs::read_to_string(f).unwrap())
                .into_iter()
                .map(move |d| format!("{name} names {d}"))
        })
        .collect();
    assert!(found.is_empty(), "the core must stay pure:\n{}", found.join("\n"));
}

#[test]
fn the_core_takes_no_crate_that_opens_a_door() {
    let manifest = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).unwrap();
    let manifest: toml::Table = toml::from_str(&manifest).unwrap();
    let deps = manifest["dependencies"].as_table().unwrap();
    let taken: Vec<_> = CRATES.iter().filter(|c| deps.contains_key(**c)).collect();
    assert!(taken.is_empty(), "upright-core must not depend on {taken:?}");
}

#[test]
fn the_check_sees_a_door() {
    // A line that opens a door is found; the same words in a comment are not.
    assert_eq!(
        doors_in("let now = jiff::Zoned::now();\nlet t = std::fs::read(p);"),
        ["std::fs", "Zoned::now"]
    );
    assert_eq!(doors_in("println!(\"hi\");"), ["println!"]);
    assert!(doors_in("// never Zoned::now here").is_empty());
}
