//! Keys on the week screen: move the cell or the week, tick off or undo a past day.

use super::{App, Mode, Msg, Step};
use crate::rules::{Action, Verdict};
use crate::week::WeekData;

impl App {
    /// Keys on the week screen: move the cell or the week, tick off or undo a past day.
    pub(super) fn week(&mut self, data: WeekData, row: usize, day: usize, msg: Msg) -> Step {
        let rows = data.ids.len().max(1);
        let here = |data: WeekData, row, day| Mode::Week { data: Box::new(data), row, day };
        let mode = match msg {
            Msg::Back | Msg::Week => Mode::Today,
            Msg::Help => {
                self.help = true;
                here(data, row, day)
            }
            Msg::Up => here(data, (row + rows - 1) % rows, day),
            Msg::Down => here(data, (row + 1) % rows, day),
            Msg::Top => here(data, 0, day),
            Msg::Bottom => here(data, rows - 1, day),
            Msg::Left if day > 0 => here(data, row, day - 1),
            Msg::Right if day < 6 => here(data, row, day + 1),
            Msg::Left | Msg::PrevWeek => {
                let to = if matches!(msg, Msg::Left) { 6 } else { day };
                self.shift(data, -1, row, (day, to))
            }
            Msg::Right | Msg::NextWeek => {
                let to = if matches!(msg, Msg::Right) { 0 } else { day };
                self.shift(data, 1, row, (day, to))
            }
            Msg::Undo => {
                let (date, id) = (data.days[day].date, data.ids[row].clone());
                self.ask_undo(&id, date, here(data, row, day))
            }
            Msg::TickOff => {
                let date = data.days[day].date;
                let id = data.ids[row].clone();
                let back = here(data, row, day);
                // The rules say why nothing happens (a day to come, the lock, a fourth bout of
                // three) or ask first (before the first entry, a year back).
                match self.judge(Action::Done { minutes: None }, &id, date) {
                    Verdict::Confirm(question) => {
                        let ask = super::Ask::Backfill { id, date, question };
                        return (Mode::Confirm { ask, back: Box::new(back) }, None);
                    }
                    verdict if !self.allowed(&verdict) => back,
                    _ => return (self.ask_feedback_on(&id, date, back), None),
                }
            }
            _ => here(data, row, day),
        };
        (mode, None)
    }

    /// The week `weeks` before or after the one shown, with the cell on weekday `to`; on a log
    /// it cannot read, the error is shown and the cell stays where it was (`from`).
    fn shift(&mut self, data: WeekData, weeks: i64, row: usize, (from, to): (usize, usize)) -> Mode {
        let week = data.start.checked_add(jiff::Span::new().days(7 * weeks)).map_err(Into::into);
        match week.and_then(|start| self.ctx.week(start)) {
            Ok(week) => Mode::Week { data: Box::new(week), row, day: to },
            Err(e) => {
                self.message = Some(format!("{e:#}"));
                Mode::Week { data: Box::new(data), row, day: from }
            }
        }
    }
}
