//! Shell completion of exercise ids: value parsers that take any text (a `[[custom]]` id from
//! the config is valid too, and the command itself says when an id is unknown) but offer the
//! built-in catalog's ids and variants to `upright completions`.

use clap::builder::{PossibleValue, StringValueParser, TypedValueParser};

use crate::catalog::Catalog;

/// An exercise id (`done`, `skip`, `undo`, `safety --clear`): completes the built-in ids.
#[derive(Clone, Copy, Debug)]
pub struct ExerciseId;

/// A variant for `done --as`: completes every built-in exercise's variant ids.
#[derive(Clone, Copy, Debug)]
pub struct VariantId;

fn offer(ids: Vec<String>) -> Option<Box<dyn Iterator<Item = PossibleValue> + 'static>> {
    Some(Box::new(ids.into_iter().map(PossibleValue::new)))
}

impl TypedValueParser for ExerciseId {
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
        offer(exercise_ids())
    }
}

impl TypedValueParser for VariantId {
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
        offer(variant_ids())
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
