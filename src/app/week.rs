//! Keys on the week screen: move the cell or the week, tick off or undo a past day.

use color_eyre::eyre::Result;

use super::{App, Mode, Msg};

impl App {
    /// Keys on the week screen: move the cell or the week, tick off or undo a past day.
    pub(super) fn week(
        &mut self,
        data: crate::week::WeekData,
        row: usize,
        day: usize,
        msg: Msg,
    ) -> Result<Mode> {
        let rows = data.ids.len().max(1);
        let start = data.start;
        let mut shift = |weeks: i64| -> Result<crate::week::WeekData> {
            self.ctx.week(start.checked_add(jiff::Span::new().days(7 * weeks))?)
        };
        let (data, row, day) = match msg {
            Msg::Back | Msg::Week => return Ok(Mode::Today),
            Msg::Help => {
                self.help = true;
                (data, row, day)
            }
            Msg::Up => (data, (row + rows - 1) % rows, day),
            Msg::Down => (data, (row + 1) % rows, day),
            Msg::Left if day > 0 => (data, row, day - 1),
            Msg::Right if day < 6 => (data, row, day + 1),
            Msg::Left | Msg::PrevWeek => (shift(-1)?, row, if msg == Msg::Left { 6 } else { day }),
            Msg::Right | Msg::NextWeek => (shift(1)?, row, if msg == Msg::Right { 0 } else { day }),
            Msg::TickOff | Msg::Undo => {
                let date = data.days[day].date;
                let id = data.ids[row].clone();
                let back = Mode::Week { data: Box::new(data), row, day };
                if date > self.ctx.today {
                    self.message = Some("That day has not come yet.".into());
                    return Ok(back);
                }
                if msg == Msg::TickOff {
                    self.ask_feedback_on(&id, date, back);
                    return Ok(std::mem::replace(&mut self.mode, Mode::Today));
                }
                let last = self.ctx.store.last_logged(date, &id).map(|e| e.id.clone());
                match last {
                    Some(entry) => {
                        self.ctx.store.remove(date, &entry)?;
                        self.refresh()?;
                        self.message =
                            Some(format!("Undone: {} on {}.", self.name(&id), date.strftime("%a %-d %b")));
                    }
                    None => {
                        self.message = Some(format!(
                            "Nothing logged for {} on {}.",
                            self.name(&id),
                            date.strftime("%a %-d %b")
                        ))
                    }
                }
                let Mode::Week { data, .. } = back else { unreachable!() };
                (self.ctx.week(data.start)?, row, day)
            }
            _ => (data, row, day),
        };
        Ok(Mode::Week { data: Box::new(data), row, day })
    }
}
