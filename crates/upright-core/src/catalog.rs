//! The exercise catalog: every exercise upright can prescribe, with its ladder of doses.
//! The data lives in `assets/catalog.toml` (embedded with `include_str!`) and is parsed once at
//! start, through the serde structs below, into validated types; custom exercises from the config
//! join through [`Catalog::add`]. Pure: no IO beyond the embedded text.

mod dose;
mod variant;

use std::fmt;

use eyre::{Result, bail, eyre};
use serde::Deserialize;

pub use dose::Dose;
pub use variant::{RawVariant, Variant};

/// The built-in catalog's text, parsed at every start that needs the catalog: about 0.2 ms of
/// `upright today`, the price of one schema (the serde structs below) instead of a second copy
/// kept equal in a code generator.
const BUILTIN: &str = include_str!("../assets/catalog.toml");

/// The ids of the default routine, in the order the routine runs (COACHING.md).
pub const DEFAULT_ROUTINE: [&str; 6] =
    ["walk", "hamstring-stretch", "thoracic-extension", "curl-up", "side-bridge", "bird-dog"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Beginner,
    Active,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Hold,
    Reps,
    Walk,
    Carry,
}

/// What an exercise trains; core holds follow McGill's 10-second limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Group {
    Walk,
    Stretch,
    Mobility,
    Core,
    Strength,
}

#[derive(Debug, Clone)]
pub struct Exercise {
    pub id: String,
    pub name: String,
    pub kind: Kind,
    pub group: Group,
    pub per_side: bool,
    /// Part of the default routine (the others are opt-in extras).
    pub default: bool,
    /// What one set is called when it is not a plain set ("position" for the roller).
    pub set_label: Option<String>,
    /// What the two sides of a per-side exercise are called, when "Left side" and "Right side"
    /// would not say which limbs (the bird-dog's arm and opposite leg).
    pub sides: Vec<String>,
    pub steps: Vec<Dose>,
    beginner_start: u32,
    active_start: u32,
    beginner_cap: u32,
    active_cap: u32,
    pub cues: Vec<String>,
    /// The cue that replaces the first one when the user must avoid flexion.
    pub flexion_cue: Option<String>,
    /// A nerve tension position or a loaded hinge, squat or carry: paused along with any
    /// leg-symptom pause (COACHING.md "Turn 3 review" A).
    pub leg_pause: bool,
    /// Shown only when the dose has more than one set (the roller's "move it higher").
    pub next_set_cue: Option<String>,
    pub figure: String,
    /// Alternatives and no-equipment versions, in the order the app cycles through them.
    pub variants: Vec<Variant>,
}

impl Exercise {
    pub fn variant(&self, id: &str) -> Option<&Variant> {
        self.variants.iter().find(|v| v.id == id)
    }

    /// The alternative offered when the exercise hurts at its easiest step (rule 12).
    pub fn alternative(&self) -> Option<&Variant> {
        self.variants.iter().find(|v| v.easier)
    }

    /// Number of steps on the ladder; steps are numbered from 1.
    pub fn top(&self) -> u32 {
        self.steps.len() as u32
    }

    pub fn start(&self, level: Level) -> u32 {
        match level {
            Level::Beginner => self.beginner_start,
            Level::Active => self.active_start,
        }
    }

    pub fn cap(&self, level: Level) -> u32 {
        match level {
            Level::Beginner => self.beginner_cap,
            Level::Active => self.active_cap,
        }
    }

    /// The dose at `step`, clamped onto the ladder.
    pub fn dose(&self, step: u32) -> &Dose {
        let i = step.clamp(1, self.top()) as usize - 1;
        &self.steps[i]
    }

    /// The dose at `step` as one short human line ("knees 4-3-2 × 8 s holds per side").
    pub fn dose_text(&self, step: u32) -> String {
        let side = if self.per_side { " per side" } else { "" };
        let variant = |v: &Option<String>| v.as_ref().map(|v| format!("{v} ")).unwrap_or_default();
        match self.dose(step) {
            Dose::Holds { variant: v, reps, secs } if reps.iter().all(|&r| r == 1) => {
                format!("{}{} × {secs} s{side}", variant(v), reps.len())
            }
            Dose::Holds { variant: v, reps, secs } => {
                let pyramid: Vec<String> = reps.iter().map(u32::to_string).collect();
                format!("{}{} × {secs} s holds{side}", variant(v), pyramid.join("-"))
            }
            Dose::Reps { variant: v, sets, reps, pause_secs } => {
                let sets = match &self.set_label {
                    Some(label) if *sets == 1 => format!("1 {label}"),
                    Some(label) => format!("{sets} {label}s"),
                    None => sets.to_string(),
                };
                let pause = if *pause_secs > 0 { format!(", {pause_secs} s pause") } else { String::new() };
                format!("{}{sets} × {reps}{side}{pause}", variant(v))
            }
            Dose::Walk { bouts } => walk_text(bouts),
            Dose::Carry { sets, secs } => format!("{sets} × {secs} s"),
        }
    }
}

/// "3 × 5 min" when the bouts are equal, "20 + 5 + 5 min" when top-ups are shorter.
pub fn walk_text(bouts: &[u32]) -> String {
    match bouts {
        [first, rest @ ..] if rest.iter().all(|m| m == first) => format!("{} × {first} min", bouts.len()),
        _ => format!("{} min", bouts.iter().map(u32::to_string).collect::<Vec<_>>().join(" + ")),
    }
}

impl fmt::Display for Exercise {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    exercise: Vec<RawExercise>,
}

/// An exercise as written in TOML, before validation. Custom exercises in the config use it too.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExercise {
    pub id: String,
    pub name: String,
    pub kind: Kind,
    #[serde(default = "default_group")]
    pub group: Group,
    #[serde(default)]
    pub per_side: bool,
    #[serde(default)]
    pub default: bool,
    #[serde(default)]
    pub set_label: Option<String>,
    #[serde(default)]
    pub sides: Vec<String>,
    #[serde(default = "daily")]
    pub frequency: String,
    pub steps: Vec<String>,
    #[serde(default = "one")]
    pub beginner_start: u32,
    #[serde(default)]
    pub active_start: Option<u32>,
    #[serde(default)]
    pub beginner_cap: Option<u32>,
    #[serde(default)]
    pub active_cap: Option<u32>,
    #[serde(default)]
    pub cues: Vec<String>,
    #[serde(default)]
    pub flexion_cue: Option<String>,
    #[serde(default)]
    pub leg_pause: bool,
    #[serde(default)]
    pub next_set_cue: Option<String>,
    #[serde(default)]
    pub figure: String,
    #[serde(default)]
    pub variant: Vec<RawVariant>,
}

fn default_group() -> Group {
    Group::Strength
}
fn daily() -> String {
    "daily".into()
}
fn one() -> u32 {
    1
}

impl RawExercise {
    /// Turns the raw form into a validated exercise: steps parse, starts and caps are on the
    /// ladder and starts do not exceed caps.
    pub fn validate(self) -> Result<Exercise> {
        let id = &self.id;
        if id.is_empty() || !id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
            bail!("exercise id {id:?} must be lowercase letters, digits and '-'");
        }
        if self.frequency != "daily" {
            bail!("exercise {id}: frequency {:?} is not supported (only \"daily\")", self.frequency);
        }
        if self.steps.is_empty() {
            bail!("exercise {id}: the ladder `steps` is empty");
        }
        let steps = self
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| Dose::parse(self.kind, s).map_err(|e| eyre!("exercise {id}, step {}: {e}", i + 1)))
            .collect::<Result<Vec<_>>>()?;
        let top = steps.len() as u32;
        let active_start = self.active_start.unwrap_or(self.beginner_start);
        let beginner_cap = self.beginner_cap.unwrap_or(top);
        let active_cap = self.active_cap.unwrap_or(beginner_cap.max(active_start));
        for (name, value) in [
            ("beginner_start", self.beginner_start),
            ("active_start", active_start),
            ("beginner_cap", beginner_cap),
            ("active_cap", active_cap),
        ] {
            if !(1..=top).contains(&value) {
                bail!("exercise {id}: {name} = {value} is not a step of its {top}-step ladder");
            }
        }
        if self.beginner_start > beginner_cap || active_start > active_cap {
            bail!("exercise {id}: a start step is above its cap");
        }
        if !self.sides.is_empty() && (self.sides.len() != 2 || !self.per_side) {
            bail!("exercise {id}: sides names the two sides of a per_side exercise (two names)");
        }
        let variants = self.variant.into_iter().map(|v| v.validate(id)).collect::<Result<Vec<_>>>()?;
        if let Some(v) =
            variants.iter().enumerate().find(|(i, v)| variants[..*i].iter().any(|w| w.id == v.id))
        {
            bail!("exercise {id}: variant {:?} is defined twice", v.1.id);
        }
        Ok(Exercise {
            id: self.id,
            name: self.name,
            kind: self.kind,
            group: self.group,
            per_side: self.per_side,
            default: self.default,
            set_label: self.set_label,
            sides: self.sides,
            steps,
            beginner_start: self.beginner_start,
            active_start,
            beginner_cap,
            active_cap,
            cues: self.cues,
            flexion_cue: self.flexion_cue,
            leg_pause: self.leg_pause,
            next_set_cue: self.next_set_cue,
            figure: self.figure.trim_matches('\n').to_string(),
            variants,
        })
    }
}

#[derive(Debug, Clone)]
pub struct Catalog {
    exercises: Vec<Exercise>,
}

impl Catalog {
    /// The built-in catalog. The asset is checked by the tests, so a failure here is a build bug.
    pub fn builtin() -> Catalog {
        Catalog::parse(BUILTIN).expect("the embedded catalog is valid (tested)")
    }

    /// A catalog in the TOML form of `assets/catalog.toml`.
    pub fn parse(text: &str) -> Result<Catalog> {
        let file: CatalogFile = toml::from_str(text)?;
        let mut catalog = Catalog { exercises: Vec::with_capacity(file.exercise.len()) };
        for raw in file.exercise {
            catalog.add(raw.validate()?)?;
        }
        Ok(catalog)
    }

    /// Adds an exercise (a custom one from the config); ids must be unique.
    pub fn add(&mut self, exercise: Exercise) -> Result<()> {
        if self.get(&exercise.id).is_some() {
            bail!("exercise id {:?} is defined twice", exercise.id);
        }
        self.exercises.push(exercise);
        Ok(())
    }

    pub fn get(&self, id: &str) -> Option<&Exercise> {
        self.exercises.iter().find(|e| e.id == id)
    }

    pub fn exercises(&self) -> &[Exercise] {
        &self.exercises
    }

    /// All ids, comma-separated, for error messages that list the valid choices.
    pub fn id_list(&self) -> String {
        self.exercises.iter().map(|e| e.id.as_str()).collect::<Vec<_>>().join(", ")
    }
}

#[cfg(test)]
mod tests;
