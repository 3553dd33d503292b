//! `i` on Today: the walks a phone or watch recorded, waiting in the folder the config names
//! (`[import] folder`, off by default). The same table as `upright import`, judged by the same
//! rules; `y` logs what it allows and moves the files done with into `imported/` inside the
//! folder, so what waits there is what is new.

use super::{App, Effect, Mode, Msg, Step};
use crate::import::plan::{self, Plan};
use crate::state::Feedback;

impl App {
    /// The line Today shows when files wait in the import folder.
    pub fn import_hint(&self) -> Option<String> {
        let folder = self.ctx.settings.import_folder.as_ref()?;
        let n = crate::import::write::waiting(folder);
        (n > 0).then(|| {
            format!(
                "{n} recorded walk file{} wait{} in your import folder: i shows them.",
                plural(n),
                if n == 1 { "s" } else { "" }
            )
        })
    }

    /// `i`: the table of what would be logged, or why there is none.
    pub(super) fn open_import(&mut self) -> Mode {
        let Some(folder) = self.ctx.settings.import_folder.clone() else {
            self.message =
                Some("To import walks from a phone or watch, name a folder in the config: [import] folder = \"~/walks\".".into());
            return Mode::Today;
        };
        let files = match plan::files(std::slice::from_ref(&folder)) {
            Ok(files) => files,
            Err(e) => {
                self.message = Some(format!("{e:#}"));
                return Mode::Today;
            }
        };
        if files.is_empty() {
            self.message = Some(format!("No recorded walks wait in {}.", folder.display()));
            return Mode::Today;
        }
        match plan::plan(&mut self.ctx, &files, Feedback::Ok, false) {
            Ok(plan) => {
                self.message = None;
                Mode::Import { plan: Box::new(plan), scroll: 0 }
            }
            Err(e) => {
                self.message = Some(format!("{e:#}"));
                Mode::Today
            }
        }
    }

    /// The import screen: `y` logs, j/k (PgUp/PgDn, g/G) scroll, any other key leaves it as it was.
    pub(super) fn import_keys(&mut self, plan: Box<Plan>, scroll: u16, msg: Msg) -> Step {
        match msg {
            Msg::Char('y' | 'Y') => {
                let n = plan.to_log();
                let said = match n {
                    0 => "Nothing new to log; the files already logged moved to imported/.".to_string(),
                    n => format!("Imported {n} walk{}, rated ok.", plural(n)),
                };
                self.change(Mode::Today, Effect::Import(plan), Some(said))
            }
            // j/k, PgUp/PgDn, g/G and Home/End scroll, as on every scrolled screen.
            msg if self.scroll_by(scroll, &vim(&msg)).is_some() => {
                (Mode::Import { plan, scroll: self.scroll_by(scroll, &vim(&msg)).unwrap_or(scroll) }, None)
            }
            _ => {
                self.message = Some("Nothing imported.".into());
                (Mode::Today, None)
            }
        }
    }
}

/// The import screen reads typed characters: its vi keys as the messages the others send.
fn vim(msg: &Msg) -> Msg {
    match msg {
        Msg::Char('j') => Msg::Down,
        Msg::Char('k') => Msg::Up,
        Msg::Char('g') => Msg::Top,
        Msg::Char('G') => Msg::Bottom,
        msg => msg.clone(),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
