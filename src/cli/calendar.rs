//! `upright calendar [--weeks N] [--out FILE]`: the coming days as an iCalendar file.

use std::path::Path;

use eyre::{Result, WrapErr};

use crate::calendar;
use crate::ctx::Ctx;

pub fn calendar(ctx: &mut Ctx, weeks: u32, out: Option<&Path>) -> Result<()> {
    ctx.load_recent()?;
    let tz = ctx.now.time_zone().clone();
    let events = calendar::events(&ctx.catalog, &ctx.settings, ctx.store.entries(), ctx.today, weeks, &tz);
    let text = calendar::ics(&events, ctx.settings.calendar.alarm_minutes, ctx.now.timestamp());
    match out {
        None => {
            use std::io::Write as _;
            std::io::stdout().write_all(text.as_bytes())?;
        }
        Some(path) => {
            crate::fsutil::write_atomic(path, text.as_bytes(), 0o644)
                .wrap_err_with(|| format!("cannot write {}", path.display()))?;
            outln!(
                "wrote {} days to {} (subscribe to it, or import it, in your calendar)",
                events.len(),
                path.display()
            );
        }
    }
    Ok(())
}
