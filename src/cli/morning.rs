//! `upright settled yes|no`: the next-morning check (COACHING.md rule 11) from the command
//! line, as the app asks it on the first start after a day with sessions. Logged once a day.

use color_eyre::eyre::Result;

use super::YesNo;
use crate::ctx::Ctx;
use crate::state::EntryKind;

pub fn settled(ctx: &mut Ctx, answer: YesNo) -> Result<()> {
    ctx.load_recent()?;
    let kinds = [EntryKind::Settled, EntryKind::NotSettled];
    if let Some(e) = ctx.store.entries().iter().find(|e| e.date == ctx.today && kinds.contains(&e.kind)) {
        let said = if e.kind == EntryKind::Settled { "yes" } else { "no" };
        outln!("already answered today ({said}); nothing logged");
        return Ok(());
    }
    let settled = answer == YesNo::Yes;
    let kind = if settled { EntryKind::Settled } else { EntryKind::NotSettled };
    ctx.store.append(ctx.event(ctx.today, kind))?;
    outln!("{}", crate::morning::said(settled));
    Ok(())
}
