//! Completion in the real shells: each test loads `upright completions SHELL` into bash, zsh or
//! fish (skipping, with the reason printed, when that shell is not installed) and asks it to
//! complete a line; the candidates come from the binary, so a `[[custom]]` id from the user's
//! config completes, `--as` offers the variants of the exercise typed, and today's open
//! exercises come first.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A pinned clock: Tuesday 24 November 2026, 07:30 in Berlin.
const NOW: &str = "2026-11-24T07:30:00+01:00[Europe/Berlin]";

const CUSTOM: &str = "[[custom]]\nid = \"neck-roll\"\nname = \"Neck roll\"\nkind = \"reps\"\n\
                      steps = [\"1 x 8\", \"2 x 8\"]\ncues = [\"Slowly.\"]\n";

/// A temp dir with a config holding a custom exercise, and the walk already done today.
fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("config.toml"), CUSTOM).unwrap();
    let out = upright(dir.path()).args(["done", "walk", "--minutes", "20"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    dir
}

fn upright(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_upright"));
    envs(&mut cmd, dir);
    cmd
}

fn envs(cmd: &mut Command, dir: &Path) {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_upright"));
    let path = std::env::join_paths(
        std::iter::once(bin.parent().unwrap().to_path_buf())
            .chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
    )
    .unwrap();
    cmd.env("PATH", path)
        .env("UPRIGHT_NOW", NOW)
        .env("UPRIGHT_CONFIG", dir.join("config.toml"))
        .env("UPRIGHT_DATA_DIR", dir.join("data"))
        .env_remove("COMPLETE")
        .env("HOME", dir)
        .env("XDG_CONFIG_HOME", dir.join("xdg"))
        .env("XDG_DATA_HOME", dir.join("xdg-data"));
}

/// `shell`'s path, or `None` with the reason printed.
fn shell(name: &str) -> Option<PathBuf> {
    let found = std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
        .map(|d| d.join(name))
        .find(|p| p.is_file());
    if found.is_none() {
        println!("skipped: {name} is not installed (apt-get install {name} to run this test)");
    }
    found
}

/// Runs `script` in `shell` with `args`; its stdout as lines.
fn run(dir: &Path, shell: &Path, args: &[&str], script: &str) -> Vec<String> {
    let mut cmd = Command::new(shell);
    cmd.args(args).arg(script);
    envs(&mut cmd, dir);
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}: {}", shell.display(), String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().lines().map(str::to_string).collect()
}

/// The candidates bash offers for `words` (the last one being completed).
fn bash(dir: &Path, bash: &Path, words: &[&str]) -> Vec<String> {
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let script = format!(
        "source <(upright completions bash)\nCOMP_WORDS=({})\nCOMP_CWORD={}\n\
         _clap_complete_upright upright '{}' '{}'\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"",
        quoted.join(" "),
        words.len() - 1,
        words[words.len() - 1],
        words[words.len().saturating_sub(2)]
    );
    run(dir, bash, &["--norc", "--noprofile", "-c"], &script)
}

/// The candidates fish offers for the command line `line`.
fn fish(dir: &Path, fish: &Path, line: &str) -> Vec<String> {
    let script = format!("upright completions fish | source\ncomplete --do-complete '{line}'");
    let lines = run(dir, fish, &["--no-config", "-c"], &script);
    lines.into_iter().map(|l| l.split('\t').next().unwrap_or_default().to_string()).collect()
}

/// The candidates zsh's completion function hands to `_describe` for `words` (zsh's own
/// completion widget needs a line editor; `_describe` is replaced by one that prints).
fn zsh(dir: &Path, zsh: &Path, words: &[&str]) -> Vec<String> {
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let script = format!(
        "compdef() {{ : }}\n_describe() {{ print -l -- \"${{(@P)3}}\" }}\n\
         source <(upright completions zsh)\nwords=({})\nCURRENT={}\n_clap_dynamic_completer_upright",
        quoted.join(" "),
        words.len()
    );
    let lines = run(dir, zsh, &["-f", "-c"], &script);
    lines.into_iter().map(|l| l.split(':').next().unwrap_or_default().to_string()).collect()
}

/// What every shell must offer: the custom id, open exercises before the walk done today.
fn check_ids(shell: &str, ids: &[String]) {
    assert!(ids.iter().any(|i| i == "neck-roll"), "{shell}: no custom id in {ids:?}");
    assert!(ids.iter().any(|i| i == "bird-dog"), "{shell}: {ids:?}");
    let at =
        |id: &str| ids.iter().position(|i| i == id).unwrap_or_else(|| panic!("{shell}: no {id} in {ids:?}"));
    assert!(at("curl-up") < at("walk"), "{shell}: open exercises first: {ids:?}");
    assert!(at("neck-roll") < at("plank"), "{shell}: the routine before the extras: {ids:?}");
}

#[test]
fn bash_completes_ids_variants_and_days() {
    let Some(sh) = shell("bash") else { return };
    let dir = setup();
    check_ids("bash", &bash(dir.path(), &sh, &["upright", "done", ""]));
    assert_eq!(bash(dir.path(), &sh, &["upright", "done", "ne"]), ["neck-roll"]);
    assert_eq!(bash(dir.path(), &sh, &["upright", "done", "side-bridge", "--as", ""]), ["wall"]);
    assert_eq!(bash(dir.path(), &sh, &["upright", "skip", "walk", "--date", ""]), ["today", "yesterday"]);
    assert_eq!(bash(dir.path(), &sh, &["upright", "flare", ""])[..2], ["on", "off"]);
}

#[test]
fn zsh_completes_ids_variants_and_days() {
    let Some(sh) = shell("zsh") else { return };
    let dir = setup();
    check_ids("zsh", &zsh(dir.path(), &sh, &["upright", "done", ""]));
    assert_eq!(zsh(dir.path(), &sh, &["upright", "done", "side-bridge", "--as", ""]), ["wall"]);
    assert_eq!(zsh(dir.path(), &sh, &["upright", "undo", "walk", "--date", ""]), ["today", "yesterday"]);
}

#[test]
fn fish_completes_ids_variants_and_days() {
    let Some(sh) = shell("fish") else { return };
    let dir = setup();
    check_ids("fish", &fish(dir.path(), &sh, "upright done "));
    assert_eq!(fish(dir.path(), &sh, "upright done side-bridge --as "), ["wall"]);
    // Before this change fish offered file names for these positionals.
    let flare = fish(dir.path(), &sh, "upright flare ");
    assert!(flare.starts_with(&["on".to_string(), "off".to_string()]), "{flare:?}");
    let settled = fish(dir.path(), &sh, "upright settled ");
    assert!(settled.starts_with(&["yes".to_string(), "no".to_string()]), "{settled:?}");
    let shells = fish(dir.path(), &sh, "upright completions ");
    assert!(shells.contains(&"fish".to_string()), "{shells:?}");
}

#[test]
fn a_config_on_the_line_is_the_one_completed_from() {
    let Some(sh) = shell("bash") else { return };
    let dir = setup();
    let other = dir.path().join("other.toml");
    std::fs::write(&other, CUSTOM.replace("neck-roll", "wrist-roll")).unwrap();
    let ids = bash(dir.path(), &sh, &["upright", "--config", other.to_str().unwrap(), "done", "wr"]);
    assert_eq!(ids, ["wrist-roll"]);
}
