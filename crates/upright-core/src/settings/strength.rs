//! The `[strength]` part of the config file. `strength = true` switches strength days on with
//! the defaults; a table does too and holds each lift's load:
//! `[strength.goblet-squat] load = 8, increment = 2` (TOML cannot have both `strength = true`
//! and `[strength.…]`, so the table form has its own `enabled` and `days`).

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;

use crate::catalog::{Catalog, Level};

#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum RawStrength {
    Switch(bool),
    Table(RawStrengthTable),
}

#[derive(Debug, Deserialize)]
pub struct RawStrengthTable {
    enabled: Option<bool>,
    days: Option<u8>,
    #[serde(flatten)]
    lifts: BTreeMap<String, LiftConfig>,
}

impl RawStrength {
    /// Checks ids, days and loads; the error is one line without the position (the caller adds it).
    pub fn validate(self, catalog: &Catalog) -> Result<StrengthSettings, String> {
        let table = match self {
            RawStrength::Switch(on) => {
                return Ok(StrengthSettings { enabled: on, ..StrengthSettings::default() });
            }
            RawStrength::Table(t) => t,
        };
        if let Some(d) = table.days
            && !(1..=3).contains(&d)
        {
            return Err(format!(
                "strength.days = {d}: choose 1 to 3 (strength days never fall on consecutive days)"
            ));
        }
        for (id, lift) in &table.lifts {
            if !LIFTS.contains(&id.as_str()) || catalog.get(id).is_none() {
                return Err(format!("strength.{id}: not a lift; the lifts are {}", LIFTS.join(", ")));
            }
            for (key, v) in [("load", lift.load), ("increment", lift.increment), ("cap", lift.cap)] {
                if let Some(v) = v
                    && !(v.is_finite() && v > 0.0 && v <= 500.0)
                {
                    return Err(format!("strength.{id}.{key} = {v}: a weight above 0 and up to 500"));
                }
            }
        }
        Ok(StrengthSettings {
            enabled: table.enabled.unwrap_or(true),
            days: table.days,
            units: Default::default(),
            lifts: table.lifts,
        })
    }
}

/// The lifts of a strength day, in the order they are done: squat, hinge, row, carry.
pub const LIFTS: [&str; 4] = ["goblet-squat", "romanian-deadlift", "one-arm-row", "suitcase-carry"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Units {
    #[default]
    Kg,
    Lb,
}

impl fmt::Display for Units {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Units::Kg => "kg",
            Units::Lb => "lb",
        })
    }
}

/// One lift's config: `[strength.goblet-squat] load = 8, increment = 2, cap = 30`.
#[derive(Debug, Clone, Copy, PartialEq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LiftConfig {
    /// The starting load (applied from the next session when set or raised); without it the
    /// lift starts at its bodyweight variant.
    pub load: Option<f64>,
    /// The smallest step the user's weights allow.
    pub increment: Option<f64>,
    /// The maintenance load, which a clinician may raise (turn 3, E).
    pub cap: Option<f64>,
}

/// The maintenance cap of each lift in kg when the config sets none (COACHING.md turn 3, E):
/// goblet squat 24, Romanian deadlift 40, row 24, carries 24 per hand (and 40 s, the top of
/// their range).
pub fn default_cap(id: &str, units: Units) -> f64 {
    let kg = if id == "romanian-deadlift" { 40.0 } else { 24.0 };
    match units {
        Units::Kg => kg,
        // 24 kg ≈ 53 lb, 40 kg ≈ 88 lb: the nearest 5 lb below.
        Units::Lb => {
            if kg > 30.0 {
                85.0
            } else {
                50.0
            }
        }
    }
}

/// Validated strength settings.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StrengthSettings {
    pub enabled: bool,
    /// Strength days a week; `None` means by level (2 beginner, 3 active).
    pub days: Option<u8>,
    pub units: Units,
    pub lifts: BTreeMap<String, LiftConfig>,
}

impl StrengthSettings {
    /// Two strength days a week for a beginner, three for an active user (WHO 2020: muscle
    /// strengthening on 2 or more days a week), never more than 3 so no two fall on consecutive days.
    pub fn per_week(&self, level: Level) -> u8 {
        self.days.unwrap_or(match level {
            Level::Beginner => 2,
            Level::Active => 3,
        })
    }

    pub fn lift(&self, id: &str) -> LiftConfig {
        self.lifts.get(id).copied().unwrap_or_default()
    }

    /// The smallest load step when none is set: 1 kg or 2.5 lb (turn 3, E; a load step is
    /// otherwise 10% of the load).
    pub fn increment(&self, id: &str) -> f64 {
        self.lift(id).increment.unwrap_or(match self.units {
            Units::Kg => 1.0,
            Units::Lb => 2.5,
        })
    }

    /// The lift's maintenance load: the config's `cap`, else the default.
    pub fn cap(&self, id: &str) -> f64 {
        self.lift(id).cap.unwrap_or_else(|| default_cap(id, self.units))
    }
}
