//! One rung of an exercise's ladder: its dose, read from the catalog's text ("3-2-1 × 8 s
//! holds", "knees 2 × 10", "6 + 5 + 5 min"), and what it says (sessions, walk minutes, bouts).

use eyre::{Result, eyre};

use super::Kind;

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
