//! The real binary against text meant to attack the terminal or a spreadsheet: a custom exercise
//! whose name sets the window title and fills the clipboard (OSC 0 / OSC 52), notes with ESC and
//! NUL and formulas. Plain output and errors show them escaped; JSON keeps the exact string.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

const NOW: &str = "2026-11-24T07:30:00+01:00[Europe/Berlin]";

/// OSC 0 (window title), OSC 52 (clipboard: "echo hi" in base64) and an 8-bit CSI (U+009B).
const EVIL_NAME: &str = "Wall\x1b]0;pwned\x07 angel\x1b]52;c;ZWNobyBoaQ==\x07\u{9b}31m";
/// The same, as a TOML basic string.
const EVIL_NAME_TOML: &str = r#""Wall\u001b]0;pwned\u0007 angel\u001b]52;c;ZWNobyBoaQ==\u0007\u009b31m""#;
const FORMULA: &str = r#"=HYPERLINK("http://evil.example","click")"#;
/// A note with a screen clear, a NUL and a DEL, as a TOML basic string (no argv can hold a NUL).
const DIRTY_NOTE_TOML: &str = r#""sore\u001b[2J\u0000 back\u007f""#;
const DIRTY_NOTE: &str = "sore\x1b[2J\0 back\x7f";

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new(config: &str) -> Env {
        let env = Env { dir: tempfile::tempdir().unwrap() };
        std::fs::write(env.config(), config).unwrap();
        env
    }

    fn config(&self) -> PathBuf {
        self.dir.path().join("config.toml")
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("upright").unwrap();
        cmd.env_remove("UPRIGHT_CONFIG")
            .env_remove("UPRIGHT_DATA_DIR")
            .env("UPRIGHT_NOW", NOW)
            .arg("--config")
            .arg(self.config())
            .arg("--data-dir")
            .arg(self.data())
            .args(args);
        cmd
    }

    /// Runs `args`; stdout and stderr must hold no control character but the line feed.
    fn run_clean(&self, args: &[&str], success: bool) -> (String, String) {
        let out = self.cmd(args).output().unwrap();
        assert_eq!(out.status.success(), success, "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        let (stdout, stderr) =
            (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap());
        for (name, text) in [("stdout", &stdout), ("stderr", &stderr)] {
            let bad: Vec<char> = text.chars().filter(|c| c.is_control() && *c != '\n').collect();
            assert!(bad.is_empty(), "{args:?}: {name} holds raw {bad:?}:\n{text}");
        }
        (stdout, stderr)
    }
}

fn custom(name_toml: &str) -> String {
    format!(
        "[[custom]]\nid = \"wall-angel\"\nname = {name_toml}\nkind = \"reps\"\n\
         steps = [\"1 x 8\", \"2 x 8\"]\ncues = [\"Back against the wall.\"]\n"
    )
}

/// A month with the dirty note written by hand (a fresh data dir, so no cache predates it).
fn with_dirty_note(env: &Env) {
    let scratch = Env::new(&custom(EVIL_NAME_TOML));
    scratch.run_clean(&["done", "wall-angel", "--note", "NOTE-HERE"], true);
    let month = Path::new("history").join("2026-11.toml");
    let text = std::fs::read_to_string(scratch.data().join(&month)).unwrap();
    assert!(text.contains("\"NOTE-HERE\""), "{text}");
    std::fs::create_dir_all(env.data().join("history")).unwrap();
    std::fs::write(env.data().join(&month), text.replace("\"NOTE-HERE\"", DIRTY_NOTE_TOML)).unwrap();
}

#[test]
fn a_custom_name_never_reaches_the_terminal_raw() {
    let env = Env::new(&custom(EVIL_NAME_TOML));
    let (today, _) = env.run_clean(&["today"], true);
    assert!(
        today.contains(r"Wall\u{1b}]0;pwned\u{7} angel\u{1b}]52;c;ZWNobyBoaQ==\u{7}\u{9b}31m"),
        "{today}"
    );
    env.run_clean(&["done", "wall-angel"], true);
    for args in [&["week"][..], &["week", "--weeks", "2"], &["plan", "--weeks", "2"], &["status"], &["paths"]]
    {
        env.run_clean(args, true);
    }
    let (week, _) = env.run_clean(&["week"], true);
    assert!(week.contains(r"Wall\u{1b}]0;pwned"), "{week}");
    // JSON keeps the exact string; DEL and C1 are escaped as JSON escapes too.
    for args in [&["today", "--json"][..], &["week", "--json"], &["plan", "--json"], &["status", "--json"]] {
        env.run_clean(args, true);
    }
    let (json, _) = env.run_clean(&["today", "--json"], true);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["exercises"][6]["name"], EVIL_NAME);
}

#[test]
fn errors_quoting_the_config_are_escaped() {
    // An override for an unknown id: the error quotes the key as written.
    let env = Env::new("[exercises.\"x\\u001b]0;pwned\\u0007\"]\nenabled = false\n");
    let (_, stderr) = env.run_clean(&["today"], false);
    assert!(stderr.contains(r"exercises.x\u{1b}]0;pwned\u{7}: unknown exercise"), "{stderr}");
    // An unknown key: the TOML parser's message quotes it.
    let env = Env::new("\"\\u001b]52;c;ZWNobyBoaQ==\\u0007\" = 1\n");
    let (_, stderr) = env.run_clean(&["status"], false);
    assert!(stderr.contains(r"unknown field `\u{1b}]52;c;ZWNobyBoaQ==\u{7}`"), "{stderr}");
}

#[test]
fn csv_export_escapes_controls_and_neutralises_formulas() {
    let env = Env::new(&custom(EVIL_NAME_TOML));
    with_dirty_note(&env);
    // Days apart, so the rows come in a known order (entries of one instant sort by random id);
    // days before the first entry (today's) need --force.
    env.run_clean(&["skip", "curl-up", "--reason", FORMULA, "--date", "2026-11-22", "--force"], true);
    env.run_clean(
        &["done", "bird-dog", "--note", "+1 then -2, @home", "--date", "2026-11-23", "--force"],
        true,
    );
    let (csv, _) = env.run_clean(&["export", "--format", "csv"], true);
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows.len(), 4, "{csv}");
    // The last columns are `activities`, `partial`, `variant`, `load`, `reps` and `with` (empty
    // here: no check-ins, nothing cut short, no version, load or company).
    assert!(rows[1].ends_with(r#",,"'=HYPERLINK(""http://evil.example"",""click"")",,,,,,"#), "{csv}");
    assert!(rows[2].ends_with(r#","'+1 then -2, @home",,,,,,,"#), "{csv}");
    assert!(rows[3].ends_with(r",sore\u{1b}[2J\u{0} back\u{7f},,,,,,,"), "{csv}");
    // Numbers and dates are never touched.
    assert!(rows[2].contains(",2026-11-23,") && rows[2].contains(",done,bird-dog,1,"), "{csv}");
    // JSON export: the exact strings, no raw control byte.
    let (json, _) = env.run_clean(&["export", "--format", "json"], true);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let entries = v["entries"].as_array().unwrap();
    assert_eq!(entries[0]["reason"], FORMULA);
    assert_eq!(entries[2]["note"], DIRTY_NOTE);
}
