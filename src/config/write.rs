//! Writes first-run choices into the config file, keeping what is there: comments, other keys,
//! layout (toml_edit). A new file starts from the documented example so every key is explained.

use std::path::Path;

use eyre::{Result, WrapErr};
use toml_edit::{DocumentMut, Item, value};

const EXAMPLE: &str = include_str!("../../config.example.toml");

/// Sets `key = value` for each pair in the config text and returns the new text. A key already
/// set is updated in place; a key only present as the example's commented default
/// (`# key = ...`, before any table) is uncommented there; otherwise it goes at the top.
pub fn set_keys(text: &str, keys: &[(&str, toml_edit::Value)]) -> Result<String, toml_edit::TomlError> {
    let mut doc: DocumentMut = text.parse()?;
    let mut missing = Vec::new();
    for (key, v) in keys {
        // `table.key`: set inside a real table (created at the end when missing), so the file
        // can grow `[table.sub]` tables later — `strength.enabled` rather than `strength = true`,
        // which TOML cannot extend with docs/coaching.md's `[strength.goblet-squat]` (turn 3, E).
        if let Some((table, sub)) = key.split_once('.') {
            if !doc.get(table).is_some_and(|t| t.is_table()) {
                let mut t = toml_edit::Table::new();
                t.set_implicit(false);
                doc[table] = Item::Table(t);
            }
            doc[table][sub] = Item::Value(v.clone());
            continue;
        }
        match doc.get_mut(key) {
            Some(item) if item.is_value() => *item = Item::Value(v.clone()),
            _ => missing.push((*key, v.clone())),
        }
    }
    let mut out = doc.to_string();
    let mut at_top = Vec::new();
    for (key, v) in missing {
        let commented = format!("# {key} = ");
        let first_table = out.lines().position(|l| l.trim_start().starts_with('['));
        let found = out.lines().position(|l| l.starts_with(&commented));
        match found {
            Some(i) if first_table.is_none_or(|t| i < t) => {
                let line = format!("{key} = {}", v.to_string().trim());
                out = out
                    .lines()
                    .enumerate()
                    .map(|(j, l)| if j == i { line.as_str() } else { l })
                    .collect::<Vec<_>>()
                    .join("\n")
                    + "\n";
            }
            _ => at_top.push((key, v)),
        }
    }
    if !at_top.is_empty() {
        let mut doc: DocumentMut = out.parse()?;
        for (key, v) in at_top {
            doc[key] = value(v);
        }
        out = doc.to_string();
    }
    // The result must still parse as TOML (the caller validates it as a config too).
    out.parse::<DocumentMut>()?;
    Ok(out)
}

/// Writes the choices to the config at `path` (created from the example when missing).
pub fn save_choices(path: &Path, keys: &[(&str, toml_edit::Value)]) -> Result<()> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => EXAMPLE.to_string(),
        Err(e) => return Err(e).wrap_err_with(|| format!("cannot read config {}", path.display())),
    };
    let out =
        set_keys(&text, keys).wrap_err_with(|| format!("config {} is not valid TOML", path.display()))?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).wrap_err_with(|| format!("cannot create {}", dir.display()))?;
    }
    crate::fsutil::write_atomic(path, out.as_bytes(), 0o600)
        .wrap_err_with(|| format!("cannot write config {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Catalog, Level};

    fn choices() -> Vec<(&'static str, toml_edit::Value)> {
        vec![("level", "active".into()), ("avoid", toml_edit::Array::from_iter(["flexion"]).into())]
    }

    #[test]
    fn a_new_file_is_the_example_with_the_choices_uncommented() {
        let out = set_keys(EXAMPLE, &choices()).unwrap();
        assert!(out.contains("# Starting level"), "comments kept");
        assert!(out.contains("\nlevel = \"active\"\n"), "{out}");
        assert!(out.contains("\navoid = [\"flexion\"]\n"), "{out}");
        assert!(!out.contains("# level = "), "the default line became the choice");
        let s = crate::config::parse(&out, &mut Catalog::builtin()).unwrap();
        assert_eq!(s.level, Level::Active);
        assert!(s.avoid_flexion && !s.avoid_extension);
    }

    /// Onboarding writes strength days as a table, so the lift tables of docs/coaching.md can follow it.
    #[test]
    fn strength_days_are_written_as_a_table_the_readme_example_extends() {
        let keys = [("strength.enabled", toml_edit::Value::from(true))];
        for text in [EXAMPLE, "", "strength = true\n", "[strength]\ndays = 3\n"] {
            let out = set_keys(text, &keys).unwrap();
            let readme = format!("{out}\n[strength.goblet-squat]\nload = 8\nincrement = 2\n");
            let s = crate::config::parse(&readme, &mut Catalog::builtin()).unwrap();
            assert!(s.strength.enabled, "{text:?}");
            assert_eq!(s.strength.lift("goblet-squat").load, Some(8.0), "{text:?}");
        }
        let kept = set_keys("[strength]\ndays = 3\n", &keys).unwrap();
        assert!(kept.contains("days = 3"), "{kept}");
    }

    #[test]
    fn an_existing_file_keeps_its_comments_and_keys() {
        let text = "# my own notes\nsound = false # quiet mornings\nlevel = \"beginner\"\n\n[exercises.walk]\nenabled = true\n";
        let out = set_keys(text, &choices()).unwrap();
        assert!(out.contains("# my own notes") && out.contains("sound = false # quiet mornings"), "{out}");
        assert!(out.contains("level = \"active\""), "{out}");
        let s = crate::config::parse(&out, &mut Catalog::builtin()).unwrap();
        assert!(!s.sound && s.avoid_flexion && s.level == Level::Active);
        assert_eq!(s.overrides["walk"].enabled, Some(true));
    }
}
