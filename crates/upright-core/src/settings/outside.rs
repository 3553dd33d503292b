//! The config keys for what upright shares with other software: `[calendar]` (the time and
//! alarm of `upright calendar`'s events) and `[import]` (the folder the app looks in for
//! recorded walks). Errors name the key; the caller adds the line and column.

use std::path::PathBuf;

use serde::Deserialize;

use jiff::civil::Time;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCalendar {
    at: Option<String>,
    alarm_minutes: Option<u32>,
}

impl RawCalendar {
    pub fn validate(self) -> Result<CalendarSettings, String> {
        let mut c = CalendarSettings::default();
        if let Some(at) = self.at {
            c.at = super::parse_hhmm(&at)
                .ok_or_else(|| format!("calendar.at = {at:?} is not a time like \"07:30\""))?;
        }
        if let Some(m) = self.alarm_minutes {
            if m > 1440 {
                return Err(format!(
                    "calendar.alarm_minutes = {m} is not a number of minutes from 0 to 1440"
                ));
            }
            c.alarm_minutes = m;
        }
        Ok(c)
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawImport {
    folder: Option<String>,
}

impl RawImport {
    /// The folder as written: a full path, or one under `~/` (the home folder, which the app's
    /// `config::load` puts in: the core knows no home); an empty one is none (off).
    pub fn validate(self) -> Result<Option<PathBuf>, String> {
        let Some(folder) = self.folder.map(|f| f.trim().to_string()).filter(|f| !f.is_empty()) else {
            return Ok(None);
        };
        if folder.starts_with("~/") || PathBuf::from(&folder).is_absolute() {
            Ok(Some(PathBuf::from(folder)))
        } else {
            Err(format!("import.folder = {folder:?} is not a full path (start it with / or ~/)"))
        }
    }
}

/// The `[calendar]` keys of the config.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CalendarSettings {
    /// When each day's event starts, on the user's clock.
    pub at: Time,
    /// The alarm, this many minutes before (0: at the start).
    pub alarm_minutes: u32,
}

impl Default for CalendarSettings {
    fn default() -> Self {
        CalendarSettings { at: Time::constant(7, 30, 0, 0), alarm_minutes: 10 }
    }
}
