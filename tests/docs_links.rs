//! The docs stay whole (issue 28, item 10): the README is a newcomer's page of at most 150 lines,
//! every relative link in it and in `docs/*.md` leads to a file (and heading) in the repo, every
//! TOML example in them is a config upright accepts, and the commands the README gives are the
//! ones that exist.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use clap::CommandFactory;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// README.md and every `docs/*.md`, as paths relative to the root.
fn pages() -> Vec<PathBuf> {
    let mut pages = vec![PathBuf::from("README.md")];
    for entry in std::fs::read_dir(root().join("docs")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            pages.push(path.strip_prefix(root()).unwrap().to_path_buf());
        }
    }
    pages.sort();
    pages
}

/// The page's lines outside fenced code blocks, and the fenced blocks with their info string.
fn split_fences(text: &str) -> (Vec<&str>, Vec<(String, String)>) {
    let (mut prose, mut blocks) = (Vec::new(), Vec::new());
    let mut open: Option<(String, String)> = None;
    for line in text.lines() {
        match (&mut open, line.trim_start().strip_prefix("```")) {
            (None, Some(info)) => open = Some((info.trim().to_string(), String::new())),
            (Some(_), Some(_)) => blocks.push(open.take().unwrap()),
            (Some((_, body)), None) => {
                body.push_str(line);
                body.push('\n');
            }
            (None, None) => prose.push(line),
        }
    }
    assert!(open.is_none(), "a fenced block is never closed");
    (prose, blocks)
}

/// The line without its inline code spans (a `](` in code is not a link).
fn without_code(line: &str) -> String {
    let mut out = String::new();
    for (i, part) in line.split('`').enumerate() {
        if i % 2 == 0 {
            out.push_str(part);
        }
    }
    out
}

/// The targets of the Markdown links and images on these lines: `[text](target)`.
fn link_targets(prose: &[&str]) -> Vec<String> {
    let mut targets = Vec::new();
    for line in prose {
        let line = without_code(line);
        let mut rest = line.as_str();
        while let Some(at) = rest.find("](") {
            let after = &rest[at + 2..];
            let end = after.find(')').expect("a link's target ends with )");
            targets.push(after[..end].to_string());
            rest = &after[end..];
        }
    }
    targets
}

/// GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens; a repeated
/// heading gets `-1`, `-2`, ...
fn anchors(prose: &[&str]) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    for line in prose {
        let Some(title) = line.strip_prefix('#') else { continue };
        let title = title.trim_start_matches('#').trim();
        let slug: String = title
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-' || *c == '_')
            .map(|c| if c == ' ' { '-' } else { c })
            .collect();
        let mut anchor = slug.clone();
        let mut n = 0;
        while !seen.insert(anchor.clone()) {
            n += 1;
            anchor = format!("{slug}-{n}");
        }
    }
    seen
}

#[test]
fn slugs_follow_github() {
    let prose =
        ["# Strength days (opt-in)", "## Your data", "## Your data", "### `upright man` and `--help`"];
    let got = anchors(&prose);
    let want: BTreeSet<String> =
        ["strength-days-opt-in", "your-data", "your-data-1", "upright-man-and---help"]
            .map(String::from)
            .into();
    assert_eq!(got, want);
    let links = link_targets(&["see [a](b.md#c) and ![img](../x.png), not `[code](nope)`"]);
    assert_eq!(links, ["b.md#c", "../x.png"]);
}

#[test]
fn the_readme_is_a_newcomers_page() {
    let readme = read(&root().join("README.md"));
    let lines = readme.lines().count();
    assert!(lines <= 150, "README.md has {lines} lines; at most 150 (the rest goes to docs/)");
    // The two commands, the install line and the man page, as the README promises them.
    for must in [
        "cargo run --release",
        "cargo test --all-targets",
        "cargo install --locked --path .",
        "upright man | man -l -",
    ] {
        assert!(readme.contains(must), "README.md says {must:?}");
    }
    // The test command it gives is the one CI runs.
    let ci = read(&root().join(".ci/run"));
    assert!(ci.lines().any(|l| l.trim() == "cargo test --all-targets"), "{ci}");
    // Every page in docs/ is linked from the README.
    let (prose, _) = split_fences(&readme);
    let linked: BTreeSet<String> = link_targets(&prose).into_iter().collect();
    for page in pages().iter().filter(|p| p.starts_with("docs")) {
        let page = page.to_str().unwrap();
        assert!(linked.contains(page), "README.md links {page}");
    }
}

#[test]
fn every_relative_link_resolves() {
    let mut checked = 0;
    for page in pages() {
        let text = read(&root().join(&page));
        let (prose, _) = split_fences(&text);
        let dir = root().join(page.parent().unwrap());
        for target in link_targets(&prose) {
            if target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            let (file, anchor) = target.split_once('#').unwrap_or((&target, ""));
            let path = if file.is_empty() { root().join(&page) } else { dir.join(file) };
            assert!(path.exists(), "{}: the link {target} leads nowhere", page.display());
            // Inside the repo: a link out of it would break in a clone elsewhere.
            let canonical = path.canonicalize().unwrap();
            assert!(
                canonical.starts_with(root().canonicalize().unwrap()),
                "{}: the link {target} leaves the repo",
                page.display()
            );
            if !anchor.is_empty() {
                assert!(
                    path.extension().is_some_and(|e| e == "md"),
                    "{}: {target}: an anchor needs a Markdown page",
                    page.display()
                );
                let target_text = read(&path);
                let (target_prose, _) = split_fences(&target_text);
                assert!(
                    anchors(&target_prose).contains(anchor),
                    "{}: the link {target} names no heading of {}",
                    page.display(),
                    path.display()
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 40, "only {checked} links found: is the link reader broken?");
}

/// The config examples in the docs are configs upright accepts (the strength tables that follow
/// what onboarding writes, turn 3 E): each `toml` block parses as a config.
#[test]
fn every_toml_example_is_a_valid_config() {
    let mut examples = 0;
    for page in pages() {
        let text = read(&root().join(&page));
        for (info, body) in split_fences(&text).1 {
            if info == "toml" {
                let parsed = upright::config::parse(&body, &mut upright::catalog::Catalog::builtin());
                if let Err(e) = parsed {
                    panic!("{}: the example does not parse: {e}\n{body}", page.display());
                }
                examples += 1;
            }
        }
    }
    assert!(examples >= 1, "the strength days' example is in docs/coaching.md");
}

/// The command reference names every command the binary has.
#[test]
fn the_command_reference_names_every_command() {
    let reference = read(&root().join("docs/commands.md"));
    for command in upright::cli::Cli::command().get_subcommands() {
        let name = command.get_name();
        if command.is_hide_set() || name == "help" {
            continue;
        }
        assert!(reference.contains(&format!("`upright {name}")), "docs/commands.md lists upright {name}");
    }
}
