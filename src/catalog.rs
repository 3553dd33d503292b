//! The exercise catalog: every exercise upright can prescribe, with its ladder of doses.
//! The data lives in `assets/catalog.toml` (embedded with `include_str!`) and is parsed once at
//! start, through the serde structs below, into validated types; custom exercises from the config
//! join through [`Catalog::add`]. Pure: no IO beyond the embedded text.

mod variant;

use std::fmt;

use color_eyre::eyre::{Result, bail, eyre};
use serde::Deserialize;

pub use variant::{RawVariant, Variant};

/// The built-in catalog's text, parsed at every start that needs the catalog: about 0.2 ms of
/// `upright today`, the price of one schema (the serde structs below) instead of a second copy
/// kept equal in a code generator.
const BUILTIN: &str = include_str!("../assets/catalog.toml");

/// The ids of the default routine, in the order the routine runs (COACHING.md).
pub const DEFAULT_ROUTINE: [&str; 6] =
    ["walk", "hamstring-stretch", "thoracic-extension", "curl-up", "side-bridge", "bird-dog"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, clap::ValueEnum)]
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

/// One rung of a ladder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dose {
    /// Timed holds: set `i` has `reps[i]` holds of `secs` each ("2 × 30 s" is `[1, 1]`).
    Holds { variant: Option<String>, reps: Vec<u32>, secs: u32 },
    /// Sets of repetitions, with an optional pause at the top of each.
    Reps { variant: Option<String>, sets: u32, reps: u32, pause_secs: u32 },
    /// Walking bouts spread over the day, in minutes, the main (longest) bout first: "3 × 5 min"
    /// is `[5, 5, 5]`, "20 + 5 + 5 min" a main bout with two short top-ups.
    Walk { bouts: Vec<u32> },
    /// Timed carries.
    Carry { sets: u32, secs: u32 },
}

impl Dose {
    /// Parses one step of the asset grammar (see the header of `assets/catalog.toml`).
    pub fn parse(kind: Kind, text: &str) -> Result<Dose> {
        let bad = || eyre!("dose {text:?} is not a valid {kind:?} dose");
        let text = text.trim();
        let (variant, rest) = match text.split_once(' ') {
            Some((word, rest)) if word.chars().all(|c| c.is_ascii_alphabetic()) => {
                (Some(word.to_string()), rest.trim())
            }
            _ => (None, text),
        };
        if kind == Kind::Walk && variant.is_none() && rest.contains('+') {
            return Dose::parse_walk_sum(rest).ok_or_else(bad);
        }
        let (count, amount) = rest.split_once(" x ").ok_or_else(bad)?;
        let num = |s: &str| s.trim().parse::<u32>().map_err(|_| bad());
        let dose = match kind {
            Kind::Hold => {
                let secs = num(amount.strip_suffix('s').ok_or_else(bad)?)?;
                let reps = if count.contains('-') {
                    count.split('-').map(num).collect::<Result<Vec<_>>>()?
                } else {
                    vec![1; num(count)? as usize]
                };
                Dose::Holds { variant, reps, secs }
            }
            Kind::Reps => {
                let (reps, pause_secs) = match amount.split_once(" pause ") {
                    Some((r, p)) => (num(r)?, num(p.strip_suffix('s').ok_or_else(bad)?)?),
                    None => (num(amount)?, 0),
                };
                Dose::Reps { variant, sets: num(count)?, reps, pause_secs }
            }
            Kind::Walk => {
                let minutes = num(amount.strip_suffix("min").ok_or_else(bad)?)?;
                Dose::Walk { bouts: vec![minutes; num(count)? as usize] }
            }
            Kind::Carry => {
                Dose::Carry { sets: num(count)?, secs: num(amount.strip_suffix('s').ok_or_else(bad)?)? }
            }
        };
        if dose.is_empty() {
            return Err(bad());
        }
        Ok(dose)
    }

    /// "20+5+5min": a main bout and shorter top-ups, longest first.
    fn parse_walk_sum(text: &str) -> Option<Dose> {
        let bouts = text
            .strip_suffix("min")?
            .split('+')
            .map(|m| m.trim().parse::<u32>().ok())
            .collect::<Option<Vec<u32>>>()?;
        let dose = Dose::Walk { bouts };
        let Dose::Walk { bouts } = &dose else { unreachable!() };
        (bouts.windows(2).all(|w| w[0] >= w[1]) && !dose.is_empty()).then_some(dose)
    }

    fn is_empty(&self) -> bool {
        match self {
            Dose::Holds { reps, secs, .. } => reps.is_empty() || reps.contains(&0) || *secs == 0,
            Dose::Reps { sets, reps, .. } => *sets == 0 || *reps == 0,
            Dose::Walk { bouts } => bouts.is_empty() || bouts.contains(&0),
            Dose::Carry { sets, secs } => *sets == 0 || *secs == 0,
        }
    }

    /// The longest walk bout in minutes, for the walk rules; `None` for other kinds.
    pub fn walk_minutes(&self) -> Option<u32> {
        match self {
            Dose::Walk { bouts } => bouts.first().copied(),
            _ => None,
        }
    }

    /// The day's walking minutes, all bouts together; `None` for other kinds.
    pub fn walk_total(&self) -> Option<u32> {
        match self {
            Dose::Walk { bouts } => Some(bouts.iter().sum()),
            _ => None,
        }
    }

    /// Sets (or positions) in one session; walks count their bouts.
    pub fn sets(&self) -> u32 {
        match self {
            Dose::Holds { reps, .. } => reps.len() as u32,
            Dose::Reps { sets, .. } | Dose::Carry { sets, .. } => *sets,
            Dose::Walk { bouts } => bouts.len() as u32,
        }
    }

    /// Bouts (walks) or sessions (everything else) that make the day's dose.
    pub fn sessions(&self) -> u32 {
        match self {
            Dose::Walk { bouts } => bouts.len() as u32,
            _ => 1,
        }
    }

    /// The minutes of walk bout `i` (0-based) of the day, the last one repeating past the end.
    pub fn walk_bout(&self, i: u32) -> Option<u32> {
        match self {
            Dose::Walk { bouts } => bouts.get(i as usize).or(bouts.last()).copied(),
            _ => None,
        }
    }

    /// The longest single hold in seconds (0 when the dose has no holds).
    pub fn hold_secs(&self) -> u32 {
        match self {
            Dose::Holds { secs, .. } => *secs,
            _ => 0,
        }
    }
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
    pub steps: Vec<Dose>,
    beginner_start: u32,
    active_start: u32,
    beginner_cap: u32,
    active_cap: u32,
    pub cues: Vec<String>,
    /// The cue that replaces the first one when the user must avoid flexion.
    pub flexion_cue: Option<String>,
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
            steps,
            beginner_start: self.beginner_start,
            active_start,
            beginner_cap,
            active_cap,
            cues: self.cues,
            flexion_cue: self.flexion_cue,
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
