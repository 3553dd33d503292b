//! Which key of a config file a byte offset falls in: a serde error (`level = "expert"`,
//! `sound = "yes"`) carries the value's position but not its key, and every config error names
//! its key (as `day_starts_at` errors do). Pure: reads the text only.

use std::ops::Range;

use toml_edit::{Document, Item, Table, Value};

/// The dotted key (`level`, `strength.enabled`, `custom.kind`) whose value holds byte `at`
/// of `text`, or `None` when `at` is outside every value (or the text is not TOML).
pub fn key_at(text: &str, at: usize) -> Option<String> {
    let doc = Document::parse(text).ok()?;
    let path = table(doc.as_table(), at)?;
    Some(path.join("."))
}

fn holds(span: Option<Range<usize>>, at: usize) -> bool {
    span.is_some_and(|s| s.start <= at && at < s.end.max(s.start + 1))
}

fn table(t: &Table, at: usize) -> Option<Vec<String>> {
    for (key, item) in t.iter() {
        if let Some(mut path) = inner(item, at) {
            path.insert(0, key.to_string());
            return Some(path);
        }
        let key_span = t.key(key).and_then(|k| k.span());
        if holds(item.span(), at) || holds(key_span, at) {
            return Some(vec![key.to_string()]);
        }
    }
    None
}

fn inner(item: &Item, at: usize) -> Option<Vec<String>> {
    match item {
        Item::Table(t) => table(t, at).or_else(|| holds(t.span(), at).then(Vec::new)),
        Item::ArrayOfTables(a) => {
            a.iter().find_map(|t| table(t, at).or_else(|| holds(t.span(), at).then(Vec::new)))
        }
        Item::Value(v) => value(v, at),
        Item::None => None,
    }
}

fn value(v: &Value, at: usize) -> Option<Vec<String>> {
    match v {
        Value::InlineTable(t) => t.iter().find_map(|(key, v)| {
            let mut path = value(v, at).or_else(|| holds(v.span(), at).then(Vec::new))?;
            path.insert(0, key.to_string());
            Some(path)
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::key_at;

    #[test]
    fn the_key_of_a_value_is_found_at_any_depth() {
        let text = "level = \"expert\"\navoid = [\n  \"flexion\",\n  \"twisting\",\n]\n\
                    [strength]\nenabled = \"x\"\n[[custom]]\nid = \"a\"\nkind = \"spin\"\n\
                    [exercises.curl-up]\nstart_step = { a = 1 }\n";
        let at = |s: &str| text.find(s).unwrap();
        assert_eq!(key_at(text, at("\"expert\"")).as_deref(), Some("level"));
        assert_eq!(key_at(text, at("\"twisting\"")).as_deref(), Some("avoid"));
        assert_eq!(key_at(text, at("\"x\"")).as_deref(), Some("strength.enabled"));
        assert_eq!(key_at(text, at("\"spin\"")).as_deref(), Some("custom.kind"));
        assert_eq!(key_at(text, at("{ a")).as_deref(), Some("exercises.curl-up.start_step"));
        assert_eq!(key_at("x = [", 4), None);
    }
}
