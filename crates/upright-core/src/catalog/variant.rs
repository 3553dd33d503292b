//! Alternatives and no-equipment versions of an exercise (COACHING.md "Alternatives when an
//! exercise hurts, and without equipment"): chosen instead of the exercise for one session and
//! counted for the day. Data only; the rules decide what a variant session means for the ladder.

use serde::Deserialize;

/// A variant as written in `assets/catalog.toml` under `[[exercise.variant]]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawVariant {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub easier: bool,
    #[serde(default)]
    pub cues: Vec<String>,
    pub per_side: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// Stable id, recorded in the log's `variant` field and taken by `done --as`.
    pub id: String,
    /// What the user reads ("over a chair back").
    pub name: String,
    /// An easier alternative for when the exercise hurts: its sessions hold the ladder (they
    /// count for the day, not toward the run of 3). The others (no-equipment versions) are the
    /// same load and count as the exercise itself.
    pub easier: bool,
    /// Cues shown instead of the exercise's own while the variant runs.
    pub cues: Vec<String>,
    /// Done one side at a time, when it differs from the exercise (a band row pulls with both
    /// arms where the one-arm row takes turns); `None`: as the exercise.
    pub per_side: Option<bool>,
}

impl RawVariant {
    pub fn validate(self, exercise: &str) -> eyre::Result<Variant> {
        let id = &self.id;
        if id.is_empty() || !id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
            eyre::bail!("exercise {exercise}: variant id {id:?} must be lowercase letters, digits and '-'");
        }
        Ok(Variant {
            id: self.id,
            name: self.name,
            easier: self.easier,
            cues: self.cues,
            per_side: self.per_side,
        })
    }
}

impl super::Exercise {
    /// The exercise as `variant` is done: its name, its cues (the exercise's when it has none),
    /// its sides, and no figure (the usual form's would show the wrong movement; variants have
    /// none of their own). The id stays the exercise's: the log counts it as the exercise.
    pub fn as_variant(&self, variant: &Variant) -> super::Exercise {
        let mut shown = self.clone();
        shown.name = variant.name.clone();
        if !variant.cues.is_empty() {
            shown.cues = variant.cues.clone();
            // The exercise's extra cues are about its own form.
            shown.flexion_cue = None;
            shown.next_set_cue = None;
            // A set named for the exercise's own form ("position": where the roller sits) is a
            // plain set in another (over a chair back, on a towel).
            shown.set_label = None;
            shown.sides = Vec::new();
        }
        shown.per_side = variant.per_side.unwrap_or(self.per_side);
        shown.figure = String::new();
        shown
    }
}
