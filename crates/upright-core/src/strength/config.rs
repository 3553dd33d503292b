//! The `[strength]` part of the config file. `strength = true` switches strength days on with
//! the defaults; a table does too and holds each lift's load:
//! `[strength.goblet-squat] load = 8, increment = 2` (TOML cannot have both `strength = true`
//! and `[strength.…]`, so the table form has its own `enabled` and `days`).

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{LIFTS, LiftConfig, StrengthSettings};
use crate::catalog::Catalog;

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
