//! The user's config text → validated [`Settings`], in one place. Every key is optional; an
//! empty text means the defaults. Errors name the line, the column and the key. Also decides the
//! routine (which exercises, in which order) and the coaching day. No IO: the app's `config`
//! module reads and writes the file.

use std::collections::BTreeMap;
use std::ops::Range;

use eyre::Result;
use jiff::civil::{Date, Time, Weekday};
use jiff::tz::{AmbiguousOffset, TimeZone};
use jiff::{Timestamp, ToSpan, Zoned};
use serde::Deserialize;
use toml::Spanned;

use crate::catalog::{Catalog, Exercise, Level, RawExercise};
use crate::text::position;

mod key;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Avoid {
    Extension,
    Flexion,
}

/// Per-exercise overrides, e.g. from a physiotherapist.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Override {
    pub enabled: Option<bool>,
    pub start_step: Option<u32>,
    pub cap_step: Option<u32>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub level: Level,
    /// A session before this time counts for the previous day.
    pub day_starts_at: Time,
    pub week_starts_on: Weekday,
    pub sound: bool,
    pub avoid_extension: bool,
    pub avoid_flexion: bool,
    /// Opt-in catalog ids added to the routine, in catalog order.
    pub extras: Vec<String>,
    pub overrides: BTreeMap<String, Override>,
    /// Active level: walks per week that make the weekly walk target.
    pub walk_days_per_week: u8,
    /// Complete days per week that make a streak week.
    pub days_per_week: u8,
    /// The user's own name, shown on the physiotherapist report only.
    pub name: Option<String>,
    /// When `upright breaks` offers desk breaks (`work_hours`, `break_every`).
    pub breaks: breaks::Schedule,
    /// Strength days (opt-in) and the user's loads.
    pub strength: strength::StrengthSettings,
    /// `upright calendar`'s event time and alarm (`[calendar]`).
    pub calendar: crate::settings::CalendarSettings,
    /// Where the app looks for recorded walks to import (`[import] folder`); off when `None`.
    pub import_folder: Option<std::path::PathBuf>,
    /// The colours: auto (from the terminal's background), dark, light or mono.
    pub theme: ThemeChoice,
}

/// The `theme` key.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeChoice {
    /// Dark or light by the terminal's background, asked of the terminal at start.
    #[default]
    Auto,
    Dark,
    Light,
    /// No colours: bold, dim, underline and reverse only.
    Mono,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            level: Level::Beginner,
            day_starts_at: Time::constant(4, 0, 0, 0),
            week_starts_on: Weekday::Monday,
            sound: true,
            avoid_extension: false,
            avoid_flexion: false,
            extras: Vec::new(),
            overrides: BTreeMap::new(),
            walk_days_per_week: 4,
            days_per_week: 5,
            name: None,
            breaks: breaks::Schedule::default(),
            strength: strength::StrengthSettings::default(),
            calendar: crate::settings::CalendarSettings::default(),
            import_folder: None,
            theme: ThemeChoice::Auto,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    level: Option<Level>,
    day_starts_at: Option<Spanned<String>>,
    week_starts_on: Option<Spanned<String>>,
    sound: Option<bool>,
    #[serde(default)]
    avoid: Vec<Avoid>,
    #[serde(default)]
    extras: Vec<Spanned<String>>,
    walk_days_per_week: Option<Spanned<u8>>,
    days_per_week: Option<Spanned<u8>>,
    name: Option<String>,
    work_hours: Option<Spanned<String>>,
    break_every: Option<Spanned<u32>>,
    #[serde(default)]
    exercises: BTreeMap<Spanned<String>, Spanned<Override>>,
    #[serde(default)]
    custom: Vec<Spanned<RawExercise>>,
    strength: Option<Spanned<strength::RawStrength>>,
    units: Option<strength::Units>,
    calendar: Option<Spanned<outside::RawCalendar>>,
    import: Option<Spanned<outside::RawImport>>,
    theme: Option<ThemeChoice>,
}

/// Parses config text. Errors read "LINE:COL: message" so the caller can prefix the path.
/// `strength = true` with a `[strength.LIFT]` table after it is not TOML: say which key and
/// what to write instead (turn 3, E).
fn strength_hint(text: &str, message: &str) -> &'static str {
    let switch = text
        .lines()
        .any(|l| l.split('#').next().is_some_and(|l| l.replace(' ', "").starts_with("strength=")));
    let table = text.lines().any(|l| l.trim_start().starts_with("[strength"));
    if switch && table && (message.contains("dotted key") || message.contains("duplicate key")) {
        " (the key `strength`: `strength = true` cannot take [strength.…] tables; write `[strength]` \
         with `enabled = true` instead)"
    } else {
        ""
    }
}

pub fn parse(text: &str, catalog: &mut Catalog) -> Result<Settings, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let raw: RawConfig = toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        let at = position(text, offset);
        // serde names the value's type or variant but not its key: name it, as every error does.
        let key = match key::key_at(text, offset) {
            Some(key) if !e.message().contains(&format!("`{key}`")) => format!("{key}: "),
            _ => String::new(),
        };
        format!("{}:{}: {key}{}{}", at.0, at.1, e.message(), strength_hint(text, e.message()))
    })?;
    let fail = |span: Range<usize>, msg: String| {
        let (line, col) = position(text, span.start);
        format!("{line}:{col}: {msg}")
    };
    let mut s = Settings::default();
    if let Some(level) = raw.level {
        s.level = level;
    }
    if let Some(v) = raw.day_starts_at {
        s.day_starts_at = parse_hhmm(v.get_ref()).ok_or_else(|| {
            fail(v.span(), format!("day_starts_at = {:?} is not a time like \"04:00\"", v.get_ref()))
        })?;
    }
    if let Some(v) = raw.week_starts_on {
        s.week_starts_on = parse_weekday(v.get_ref()).ok_or_else(|| {
            fail(v.span(), format!("week_starts_on = {:?} is not a day like \"monday\"", v.get_ref()))
        })?;
    }
    if let Some(sound) = raw.sound {
        s.sound = sound;
    }
    s.avoid_extension = raw.avoid.contains(&Avoid::Extension);
    s.avoid_flexion = raw.avoid.contains(&Avoid::Flexion);
    for v in [&raw.walk_days_per_week, &raw.days_per_week].into_iter().flatten() {
        if !(1..=7).contains(v.get_ref()) {
            return Err(fail(v.span(), format!("{} is not a number of days from 1 to 7", v.get_ref())));
        }
    }
    if let Some(v) = raw.walk_days_per_week {
        s.walk_days_per_week = v.into_inner();
    }
    if let Some(v) = raw.days_per_week {
        s.days_per_week = v.into_inner();
    }
    if let Some(v) = raw.work_hours {
        (s.breaks.start, s.breaks.end) = breaks::Schedule::parse_hours(v.get_ref()).ok_or_else(|| {
            fail(v.span(), format!("work_hours = {:?} is not a span like \"09:00-17:30\"", v.get_ref()))
        })?;
    }
    if let Some(v) = raw.break_every {
        if !(5..=240).contains(v.get_ref()) {
            return Err(fail(
                v.span(),
                format!("break_every = {} is not a number of minutes from 5 to 240", v.get_ref()),
            ));
        }
        s.breaks.every_minutes = v.into_inner();
    }
    // An empty name (the example's default) is no name.
    s.name = raw.name.map(|n| n.trim().to_string()).filter(|n| !n.is_empty());
    for (index, custom) in raw.custom.into_iter().enumerate() {
        let span = custom.span();
        let exercise = custom.into_inner().validate().map_err(|e| {
            // A dose that does not parse is pointed at itself, not at its `[[custom]]` header.
            let at = bad_step_span(text, index).unwrap_or(span.clone());
            fail(at, format!("custom: {e}"))
        })?;
        let id = exercise.id.clone();
        catalog.add(exercise).map_err(|e| fail(span.clone(), format!("custom: {e}")))?;
        // A custom exercise is part of the routine unless disabled.
        s.extras.push(id);
    }
    for v in raw.extras {
        match catalog.get(v.get_ref()) {
            Some(_) if s.extras.contains(v.get_ref()) => {}
            Some(_) => s.extras.push(v.get_ref().clone()),
            None => {
                return Err(fail(
                    v.span(),
                    format!("extras: unknown exercise {:?}; valid ids: {}", v.get_ref(), catalog.id_list()),
                ));
            }
        }
    }
    if let Some(v) = raw.strength {
        let span = v.span();
        s.strength = v.into_inner().validate(catalog).map_err(|e| fail(span, e))?;
    }
    s.strength.units = raw.units.unwrap_or_default();
    if let Some(v) = raw.calendar {
        let span = v.span();
        s.calendar = v.into_inner().validate().map_err(|e| fail(span, e))?;
    }
    if let Some(v) = raw.import {
        let span = v.span();
        s.import_folder = v.into_inner().validate().map_err(|e| fail(span, e))?;
    }
    s.theme = raw.theme.unwrap_or_default();
    for (id, o) in raw.exercises {
        let Some(exercise) = catalog.get(id.get_ref()) else {
            return Err(fail(
                id.span(),
                format!("exercises.{}: unknown exercise; valid ids: {}", id.get_ref(), catalog.id_list()),
            ));
        };
        let top = exercise.top();
        let key = |k: &str| format!("exercises.{}.{k}", id.get_ref());
        for (name, step) in [("start_step", o.get_ref().start_step), ("cap_step", o.get_ref().cap_step)] {
            if let Some(step) = step
                && !(1..=top).contains(&step)
            {
                return Err(fail(
                    o.span(),
                    format!("{} = {step} is not a step of its {top}-step ladder", key(name)),
                ));
            }
        }
        if let (Some(start), Some(cap)) = (o.get_ref().start_step, o.get_ref().cap_step)
            && cap < start
        {
            return Err(fail(o.span(), format!("{} = {cap} is below start_step = {start}", key("cap_step"))));
        }
        s.overrides.insert(id.into_inner(), o.into_inner());
    }
    Ok(s)
}

fn parse_hhmm(s: &str) -> Option<Time> {
    let (h, m) = s.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    Time::new(h.parse().ok()?, m.parse().ok()?, 0, 0).ok()
}

fn parse_weekday(s: &str) -> Option<Weekday> {
    use Weekday::*;
    let days = [Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday];
    let names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    names.iter().position(|n| n.eq_ignore_ascii_case(s)).map(|i| days[i])
}

impl Settings {
    /// The coaching date at `now`: the latest day whose start ([`Settings::day_start`]) is at or
    /// before `now`. Days start in order, so the date never goes back while time moves forward,
    /// even when a fall-back repeats `day_starts_at` (comparing the wall-clock time of day would
    /// count 02:45 CEST for the 25th and 02:15 CET, half an hour later, for the 24th).
    pub fn coaching_date(&self, now: &Zoned) -> Date {
        let date = now.date();
        let started = |d: &Date| self.day_start(*d, now.time_zone()).is_some_and(|t| t <= now.timestamp());
        // The wall date's own day, or the one before; or the one after, when a fall-back across
        // midnight shows yesterday's date again after today began.
        [date.tomorrow().ok(), Some(date)]
            .into_iter()
            .flatten()
            .find(started)
            .unwrap_or_else(|| date.yesterday().unwrap_or(date))
    }

    /// The instant coaching day `date` starts in `tz`: the first instant the wall clock reads
    /// `day_starts_at` on `date`. In a fall-back fold that is the first pass (the earlier
    /// offset); in a spring-forward gap, the instant the gap ends, the first one past that
    /// reading. `None` only at the ends of jiff's range.
    pub fn day_start(&self, date: Date, tz: &TimeZone) -> Option<Timestamp> {
        let wall = date.to_datetime(self.day_starts_at);
        match tz.to_ambiguous_timestamp(wall).offset() {
            AmbiguousOffset::Unambiguous { offset } | AmbiguousOffset::Fold { before: offset, .. } => {
                offset.to_timestamp(wall).ok()
            }
            // Read with the offset after the gap, the wall time names an instant before the
            // jump; the next transition is the jump itself.
            AmbiguousOffset::Gap { after, .. } => {
                let before_jump = after.to_timestamp(wall).ok()?;
                tz.following(before_jump).next().map(|t| t.timestamp())
            }
        }
    }

    /// The first day of the week holding `date`.
    pub fn week_start(&self, date: Date) -> Date {
        let back = date.weekday().since(self.week_starts_on);
        date.checked_sub(i64::from(back).days()).unwrap_or(date)
    }

    /// Start step of `exercise` for this user: the override, else the level's start (never above the cap).
    pub fn start_step(&self, exercise: &Exercise) -> u32 {
        let o = self.overrides.get(&exercise.id);
        o.and_then(|o| o.start_step).unwrap_or(exercise.start(self.level)).min(self.cap_step(exercise))
    }

    /// Highest step this user may reach: the override, else the level's cap.
    pub fn cap_step(&self, exercise: &Exercise) -> u32 {
        let o = self.overrides.get(&exercise.id);
        o.and_then(|o| o.cap_step).unwrap_or(exercise.cap(self.level)).clamp(1, exercise.top())
    }

    fn enabled(&self, id: &str) -> bool {
        self.overrides.get(id).and_then(|o| o.enabled).unwrap_or(true)
    }

    /// Today's exercises in the order they are done: the default routine with the avoid flags
    /// applied (no roller when avoiding extension; dead bug instead of curl-up when avoiding
    /// flexion), then the extras, minus anything disabled.
    pub fn routine<'c>(&self, catalog: &'c Catalog) -> Vec<&'c Exercise> {
        let mut ids: Vec<&str> = Vec::new();
        for id in crate::catalog::DEFAULT_ROUTINE {
            match id {
                "thoracic-extension" if self.avoid_extension => {}
                "curl-up" if self.avoid_flexion => ids.push("dead-bug"),
                _ => ids.push(id),
            }
        }
        for id in &self.extras {
            if !ids.contains(&id.as_str()) {
                ids.push(id);
            }
        }
        ids.into_iter().filter(|id| self.enabled(id)).filter_map(|id| catalog.get(id)).collect()
    }
}

#[cfg(test)]
mod tests;

mod outside;
pub use outside::CalendarSettings;
pub mod breaks;
pub mod strength;

/// Where the first dose of the `index`-th `[[custom]]` that does not parse sits in `text`. A
/// second, lenient read: only when validation failed, so the usual load pays nothing for it.
fn bad_step_span(text: &str, index: usize) -> Option<Range<usize>> {
    #[derive(Deserialize)]
    struct Steps {
        kind: crate::catalog::Kind,
        #[serde(default)]
        steps: Vec<Spanned<String>>,
    }
    #[derive(Deserialize)]
    struct Customs {
        #[serde(default)]
        custom: Vec<Steps>,
    }
    let customs: Customs = toml::from_str(text).ok()?;
    let custom = customs.custom.into_iter().nth(index)?;
    let kind = custom.kind;
    custom
        .steps
        .into_iter()
        .find(|s| crate::catalog::Dose::parse(kind, s.get_ref()).is_err())
        .map(|s| s.span())
}
