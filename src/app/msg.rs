//! What reaches the app (`Msg`: keys, ticks, what the loop did) and what the app asks the loop
//! to do (`Effect`: save, remove, ring); `update` turns one into the other.

use super::{Choices, Fresh};
use crate::state::Entry;

#[derive(Debug, Clone)]
pub enum Msg {
    Up,
    Down,
    /// PgUp / PgDn: a page up or down on a scrolled screen.
    PageUp,
    PageDown,
    /// `g`/Home and `G`/End: the top or the end of a scrolled screen, the first or the last
    /// exercise of a list.
    Top,
    Bottom,
    /// Enter: start the timer / confirm.
    Confirm,
    /// Esc: back, cancel, or quit from Today.
    Back,
    Quit,
    Pause,
    AddTime,
    NextPhase,
    TickOff,
    Skip,
    Undo,
    Help,
    /// The plan forecast.
    Plan,
    /// The red-flag screen (`!`).
    RedFlags,
    /// Flare-up mode on or off (asks first).
    Flare,
    /// A clinician cleared the selected exercise (after leg symptoms) or the red flags.
    Clear,
    /// The Progress screen (`g`).
    Progress,
    /// Week screen: open it, move a day, move a week.
    Week,
    Left,
    Right,
    PrevWeek,
    NextWeek,
    /// A typed character (digits in the pain prompt, text in the skip reason).
    Char(char),
    Backspace,
    /// The outcome of the last `Save`, `Remove` or `SaveChoices`: the day as the log has it
    /// now, or the error to show.
    Saved(Result<Box<Fresh>, String>),
}

/// What `update` asks the loop to do; the app itself touches no file.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Append an entry to the log.
    Save(Box<Entry>),
    /// Append several (a rest day's skips).
    SaveAll(Vec<Entry>),
    /// Remove the entry `id` of `date` (undo).
    Remove {
        date: jiff::civil::Date,
        id: String,
    },
    /// Write the first-run choices to the config and reload it.
    SaveChoices(Choices),
    /// Log what an import allowed and move the files done with into `imported/`.
    Import(Box<crate::import::plan::Plan>),
    Bell,
    Quit,
}
