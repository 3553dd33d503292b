//! Shell completion of exercise ids: value parsers that take any text (a `[[custom]]` id from
//! the config is valid too, and the command itself says when an id is unknown) but offer the
//! built-in catalog's ids and variants to `upright completions`.

use clap::builder::{PossibleValue, StringValueParser, TypedValueParser};

use crate::catalog::Catalog;

/// Any text, offering to `upright completions` the ids its function lists.
#[derive(Clone, Copy, Debug)]
pub struct Ids(fn() -> Vec<String>);

/// An exercise id (`done`, `skip`, `undo`, `safety --clear`): completes the built-in ids.
pub const EXERCISE_ID: Ids = Ids(exercise_ids);

/// A variant for `done --as`: completes every built-in exercise's variant ids.
pub const VARIANT_ID: Ids = Ids(variant_ids);

impl TypedValueParser for Ids {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new((self.0)().into_iter().map(PossibleValue::new)))
    }
}

/// The built-in exercise ids, in catalog order.
pub fn exercise_ids() -> Vec<String> {
    Catalog::builtin().exercises().iter().map(|e| e.id.clone()).collect()
}

/// The built-in variant ids, each once.
pub fn variant_ids() -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for v in Catalog::builtin().exercises().iter().flat_map(|e| e.variants.iter()) {
        if !ids.contains(&v.id) {
            ids.push(v.id.clone());
        }
    }
    ids
}
