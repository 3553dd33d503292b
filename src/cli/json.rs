//! The one JSON vocabulary of `--json` (issue 28, item 5; `docs/json.md`, `schema/`): every
//! document is a top-level object whose `schema` names it and its version,
//! `"upright/<document>/2"`; every key is always present, `null` when there is no value; a
//! collection is a list of objects; dates are `YYYY-MM-DD`; `id` is the object's own id and a
//! reference to an exercise is `exercise`.

use std::io::Write as _;

use eyre::Result;
use serde_json::Value;

/// The version of every document. Version 1 had no `schema` key.
pub const VERSION: u32 = 2;

/// `"upright/today/2"` for `today`.
pub fn schema(document: &str) -> String {
    format!("upright/{document}/{VERSION}")
}

/// `body` (an object) with its `schema` key.
pub fn document(document: &str, mut body: Value) -> Value {
    if let Value::Object(map) = &mut body {
        map.insert("schema".into(), Value::String(schema(document)));
    }
    body
}

/// Prints `body` as the document `document` (one line on stdout).
pub fn print(document_name: &str, body: Value) -> Result<()> {
    print_json(&document(document_name, body))
}

/// One JSON document on a line: the exact values, in bytes a terminal cannot act on.
pub(super) fn print_json(doc: &serde_json::Value) -> Result<()> {
    let mut out = std::io::stdout().lock();
    crate::text::write_json(&mut out, doc)?;
    writeln!(out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_document_names_itself_and_its_version() {
        let doc = super::document("status", serde_json::json!({ "done": 1 }));
        assert_eq!(doc["schema"], "upright/status/2");
        assert_eq!(doc["done"], 1);
    }
}
