//! One JSON vocabulary (issue 28, item 5): every `--json` document of the real binary, run on a
//! temp data dir with a varied history (walks and other cardio, core, lifts, a custom exercise,
//! check-ins with PSFS, the RMDQ, a flare-up, an import), validates against its schema file in
//! `schema/`; the schema files document every field and forbid unknown keys; every command with
//! `--json` is covered; schema 1's spellings still work for one version.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use clap::CommandFactory;
use common::upright;
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn schema_file(name: &str) -> Value {
    let path = root().join("schema").join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every schema file's document name (`today` for `schema/today.json`).
fn schema_names() -> BTreeSet<String> {
    std::fs::read_dir(root().join("schema"))
        .unwrap()
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.strip_suffix(".json").map(str::to_string))
        .collect()
}

/// A data dir with strength days on, a custom exercise, and a varied history up to the pinned
/// today (Tuesday 24 November 2026).
fn history() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("config.toml"),
        "[strength]\nenabled = true\n\n[[custom]]\nid = \"wall-angel\"\nname = \"Wall angel\"\n\
         kind = \"reps\"\nsteps = [\"1 x 8\", \"2 x 8\", \"3 x 8\"]\n",
    )
    .unwrap();
    let run = |args: &[&str]| {
        upright(d, args);
    };
    run(&["init", "--accept", "--level", "beginner"]);
    for day in ["2026-11-09", "2026-11-10", "2026-11-16", "2026-11-17"] {
        run(&["done", "walk", "--minutes", "20", "--date", day, "--force"]);
        run(&["done", "curl-up", "--date", day, "--force"]);
        run(&["done", "wall-angel", "--date", day, "--force"]);
    }
    run(&["done", "walk", "--as", "bike", "--minutes", "25", "--date", "2026-11-17"]);
    run(&["done", "goblet-squat", "--reps", "8", "--feedback", "easy", "--date", "2026-11-17"]);
    run(&["done", "one-arm-row", "--load", "10", "--reps", "8", "--date", "2026-11-17"]);
    run(&[
        "checkin",
        "--pain",
        "5",
        "--activity",
        "put on socks=4",
        "--activity",
        "sit an hour=3",
        "--date",
        "2026-11-10",
    ]);
    run(&["checkin", "--rmdq", "2,3,5,8", "--date", "2026-11-10"]);
    run(&["flare", "on"]);
    run(&["flare", "off"]);
    run(&["done", "walk", "--minutes", "30", "--feedback", "easy", "--with", "Ann"]);
    run(&["done", "curl-up", "--pain", "2", "--note", "fine"]);
    run(&["skip", "bird-dog", "--reason", "rain"]);
    run(&["checkin", "--pain", "3", "--activity", "put on socks=6"]);
    dir
}

/// Validates `doc` against `schema/<name>.json` (formats checked: dates are dates).
fn validate(name: &str, doc: &Value) {
    let schema = schema_file(name);
    let validator = jsonschema::options().should_validate_formats(true).build(&schema).unwrap();
    let errors: Vec<String> =
        validator.iter_errors(doc).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "{name}: {doc}\n{}", errors.join("\n"));
    assert_eq!(doc["schema"], format!("upright/{name}/2"), "{name}");
}

fn json(dir: &Path, args: &[&str]) -> Value {
    let out = upright(dir, args);
    assert_eq!(out.lines().count(), 1, "one document on one line: {args:?}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}\n{out}"))
}

/// As `json`, for a command that prints its document and then exits non-zero (an import with a
/// file that does not read).
fn json_failing(dir: &Path, args: &[&str]) -> Value {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_upright"))
        .env("UPRIGHT_NOW", common::NOW)
        .env("UPRIGHT_DATA_DIR", dir)
        .env("UPRIGHT_CONFIG", dir.join("config.toml"))
        .args(args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{args:?}");
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{args:?}: {e}"))
}

/// Each document and the commands that print it, with the history above.
const RUNS: &[(&str, &[&str])] = &[
    ("today", &["today", "--json"]),
    ("today", &["today", "--date", "2026-11-17", "--json"]),
    ("today", &["today", "--date", "2026-11-18", "--json"]),
    ("status", &["status", "--json"]),
    ("week", &["week", "--json", "--weeks", "3"]),
    ("plan", &["plan", "--weeks", "3", "--json"]),
    ("export", &["export", "--json"]),
    ("export", &["export", "--format", "json"]),
    ("checkins", &["checkin", "--json"]),
    ("progress", &["progress", "--weeks", "4", "--json"]),
];

#[test]
fn every_json_document_validates_against_its_schema() {
    let dir = history();
    let d = dir.path();
    let mut seen = BTreeSet::new();
    for (name, args) in RUNS {
        validate(name, &json(d, args));
        seen.insert(name.to_string());
    }
    // The documents that log something, last (they change the history).
    let import = root().join("tests/fixtures/import");
    let import = import.to_str().unwrap();
    // The fixtures hold a file that does not read: `failed` is filled, the others are shown.
    let shown = json_failing(d, &["import", import, "--dry-run", "--json"]);
    assert!(!shown["failed"].as_array().unwrap().is_empty(), "{shown}");
    validate("import", &shown);
    let logged = json_failing(d, &["import", import, "--yes", "--force", "--json"]);
    assert!(logged["logged"].as_u64().unwrap() > 0, "{logged}");
    validate("import", &logged);
    // Imported entries name their source; a field from a newer upright is kept under `extra`.
    let month = d.join("history/2026-11.toml");
    let text = std::fs::read_to_string(&month).unwrap();
    let text = text.replacen("kind = \"skipped\"\n", "kind = \"skipped\"\nmood = \"fine\"\n", 1);
    std::fs::write(&month, text).unwrap();
    let export = json(d, &["export", "--json"]);
    validate("export", &export);
    let entries = export["entries"].as_array().unwrap();
    assert!(entries.iter().any(|e| e["imported_from"].is_string() && e["extra"] == serde_json::json!({})));
    assert!(entries.iter().any(|e| e["extra"] == serde_json::json!({ "mood": "fine" })), "{export}");
    validate("checkin", &json(d, &["checkin", "--pain", "2", "--activity", "sit an hour=7", "--json"]));
    let rmdq = json(d, &["checkin", "--rmdq", "2", "--json"]);
    assert_eq!(rmdq["baseline"]["rmdq"], 4, "{rmdq}");
    validate("rmdq", &rmdq);
    // With a baseline for each, progress has its verdicts and the RMDQ change (not null).
    let progress = json(d, &["progress", "--json"]);
    assert!(progress["verdict"].is_object() && progress["rmdq"].is_object(), "{progress}");
    assert!(!progress["recurrences"]["episodes"].as_array().unwrap().is_empty(), "{progress}");
    validate("progress", &progress);
    // Holds: pain down a leg in the curl-up pauses it and the loaded lifts; an emergency sign
    // locks the routine. Every hold id and reason the documents then carry is in the schemas.
    upright(d, &["safety", "--report", "leg", "--exercise", "curl-up", "--numb", "no"]);
    let today = json(d, &["today", "--json"]);
    assert!(today["exercises"].as_array().unwrap().iter().any(|e| e["hold"] == "leg-pause"), "{today}");
    upright(d, &["safety", "--report", "saddle"]);
    let locked = json(d, &["today", "--json"]);
    assert!(locked["locked"] == true && locked["lock_reason"].is_string(), "{locked}");
    for (doc, name) in [(today, "today"), (locked, "today")] {
        validate(name, &doc);
    }
    for (name, args) in RUNS.iter().filter(|(name, _)| *name != "export") {
        validate(name, &json(d, args));
    }
    seen.extend(["import", "checkin", "rmdq"].map(String::from));
    assert_eq!(seen, schema_names(), "every schema file is checked against real output, and only those");
}

#[test]
fn the_schemas_refuse_a_new_key_a_wrong_date_and_an_unknown_hold() {
    // The schemas forbid unknown keys, so a field added to a document without its schema fails
    // the test above.
    let dir = history();
    let mut doc = json(dir.path(), &["status", "--json"]);
    doc["new_field"] = Value::from(1);
    let schema = schema_file("status");
    assert!(!jsonschema::is_valid(&schema, &doc));
    // A date that is not YYYY-MM-DD, and a hold the schema does not list, fail too.
    let strict = |name: &str, doc: &Value| {
        let validator =
            jsonschema::options().should_validate_formats(true).build(&schema_file(name)).unwrap();
        validator.is_valid(doc)
    };
    let mut doc = json(dir.path(), &["status", "--json"]);
    assert!(strict("status", &doc));
    doc["date"] = Value::from("24 Nov 2026");
    assert!(!strict("status", &doc));
    let mut doc = json(dir.path(), &["today", "--json"]);
    assert!(strict("today", &doc));
    doc["exercises"][0]["hold"] = Value::from("bogus");
    assert!(!strict("today", &doc));
    doc["exercises"][0]["hold"] = Value::Null;
    doc["exercises"][0]["new_field"] = Value::from(1);
    assert!(!jsonschema::is_valid(&schema_file("today"), &doc));
}

/// Walks a schema: every object forbids unknown keys (or is an explicit map whose values have
/// a schema) and lists every key as required; every property has a description.
fn check_node(file: &str, at: &str, node: &Value, problems: &mut Vec<String>) {
    let Some(map) = node.as_object() else { return };
    if let Some(props) = map.get("properties").and_then(Value::as_object) {
        if map.get("additionalProperties") != Some(&Value::Bool(false)) {
            problems.push(format!("{file}{at}: additionalProperties is not false"));
        }
        let required: BTreeSet<&str> = map
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        for (key, prop) in props {
            if prop.get("description").and_then(Value::as_str).is_none_or(str::is_empty) {
                problems.push(format!("{file}{at}.{key}: no description"));
            }
            if !required.contains(key.as_str()) {
                problems.push(format!("{file}{at}.{key}: not required (every key is always present)"));
            }
            check_node(file, &format!("{at}.{key}"), prop, problems);
        }
    }
    if let Some(items) = map.get("items") {
        check_node(file, &format!("{at}[]"), items, problems);
    }
    if let Some(values) = map.get("additionalProperties").filter(|v| v.is_object()) {
        check_node(file, &format!("{at}{{}}"), values, problems);
    }
}

#[test]
fn every_field_is_documented_and_no_unknown_key_passes() {
    let mut problems = Vec::new();
    for name in schema_names() {
        let schema = schema_file(&name);
        assert!(schema["description"].as_str().is_some_and(|d| d.contains("one JSON vocabulary")), "{name}");
        assert_eq!(schema["properties"]["schema"]["const"], format!("upright/{name}/2"));
        check_node(&name, "", &schema, &mut problems);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_command_with_json_output_has_its_schema_and_docs_link_them() {
    // Each subcommand with --json (or --format json) is run above; a new one must be added.
    let cli = upright::cli::Cli::command();
    let with_json: BTreeSet<String> = cli
        .get_subcommands()
        .filter(|c| c.get_arguments().any(|a| a.get_id() == "json"))
        .map(|c| c.get_name().to_string())
        .collect();
    let covered: BTreeSet<String> =
        ["today", "status", "week", "plan", "export", "checkin", "progress", "import"]
            .map(String::from)
            .into();
    assert_eq!(with_json, covered);
    // docs/json.md lists every document and links its schema file.
    let doc = std::fs::read_to_string(root().join("docs/json.md")).unwrap();
    for name in schema_names() {
        assert!(doc.contains(&format!("(../schema/{name}.json)")), "docs/json.md links schema/{name}.json");
        assert!(doc.contains(&format!("`upright/{name}/2`")), "docs/json.md names upright/{name}/2");
    }
    // The README points to it.
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    assert!(readme.contains("(docs/json.md)"));
}

#[test]
fn schema_1_spellings_still_work_for_one_version() {
    let dir = history();
    let d = dir.path();
    // `--format json` is still accepted, and gives the same document as `--json`.
    assert_eq!(upright(d, &["export", "--format", "json"]), upright(d, &["export", "--json"]));
    // Progress weeks keep schema 1's maps beside the lists that replace them.
    let progress = json(d, &["progress", "--json"]);
    let mut scored = 0;
    for week in progress["weeks"].as_array().unwrap() {
        for a in week["psfs"].as_array().unwrap() {
            let name = a["name"].as_str().unwrap();
            assert_eq!(week["activities"][name], a["score"], "{week}");
            scored += usize::from(a["score"].is_u64());
        }
        for e in week["exercises"].as_array().unwrap() {
            assert_eq!(week["steps"][e["id"].as_str().unwrap()], e["step"], "{week}");
        }
    }
    assert!(scored >= 2, "{progress}");
    // What PRODUCT.md names is where it was.
    let today = json(d, &["today", "--json"]);
    for key in ["date", "locked", "exercises"] {
        assert!(today.get(key).is_some(), "today.{key}");
    }
    for key in ["id", "name", "dose", "step", "done", "skipped"] {
        assert!(today["exercises"][0].get(key).is_some(), "today.exercises[].{key}");
    }
    let status = json(d, &["status", "--json"]);
    for key in ["done", "total", "current_streak_weeks"] {
        assert!(status.get(key).is_some(), "status.{key}");
    }
    assert_eq!(status["date"], "2026-11-24");
    let plan = json(d, &["plan", "--json"]);
    assert!(plan["weeks"][0]["week_start"].is_string() && plan["weeks"][0]["exercises"][0]["id"].is_string());
    let week = json(d, &["week", "--json"]);
    for key in ["date", "current_streak_weeks", "longest_streak_weeks", "days"] {
        assert!(week.get(key).is_some(), "week.{key}");
    }
    assert!(week["days"][0]["complete"].is_boolean());
}
