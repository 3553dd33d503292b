//! The config keys for what upright shares with other software: `[calendar]` (the time and
//! alarm of `upright calendar`'s events) and `[import]` (the folder the app looks in for
//! recorded walks). Errors name the key; the caller adds the line and column.

use std::path::PathBuf;

use serde::Deserialize;

use crate::calendar::CalendarSettings;

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
    /// The folder, `~/` standing for the home folder; an empty one is none (off).
    pub fn validate(self) -> Result<Option<PathBuf>, String> {
        let Some(folder) = self.folder.map(|f| f.trim().to_string()).filter(|f| !f.is_empty()) else {
            return Ok(None);
        };
        match folder.strip_prefix("~/") {
            Some(rest) => {
                let home = directories::BaseDirs::new()
                    .ok_or_else(|| format!("import.folder = {folder:?}: no home folder to read ~ as"))?;
                Ok(Some(home.home_dir().join(rest)))
            }
            None if PathBuf::from(&folder).is_absolute() => Ok(Some(PathBuf::from(folder))),
            None => Err(format!("import.folder = {folder:?} is not a full path (start it with / or ~/)")),
        }
    }
}
