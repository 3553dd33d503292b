//! `upright settled yes|no`: the next-morning check (COACHING.md rule 11) from the command
//! line, as the app asks it on the first start after a day with sessions, logged once a day;
//! and `upright harder ID [--no]`, taking a harder form offered (issue 20) or not now, as `h`
//! does.

use eyre::Result;

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
    let locked = crate::safety::Safety::from_entries(ctx.store.entries()).locked_since.is_some();
    outln!("{}", crate::morning::said(settled, locked));
    Ok(())
}

/// `upright harder ID`: take the harder form offered for ID (as `h` then `y` in the app), or
/// with `--no` (`take` false) say not now, logged once (as `h` then `n`).
pub fn harder(ctx: &mut Ctx, id: &str, take: bool) -> Result<()> {
    ctx.load_recent()?;
    let day = ctx.day(ctx.today)?;
    let Some(item) = day.get(id) else {
        eyre::bail!("{id} is not in your routine today");
    };
    let Some(offer) = item.rx.offer.clone() else {
        outln!("nothing harder is offered for {} yet", item.exercise.name);
        return Ok(());
    };
    let name = item.exercise.name.clone();
    let (form, from) = (&offer.form, &offer.from);
    if take {
        ctx.store.append(ctx.entry(ctx.today, EntryKind::HarderAccepted, id))?;
        outln!("{name} on your {form} from now; go gently");
        return Ok(());
    }
    if !offer.declined {
        ctx.store.append(ctx.entry(ctx.today, EntryKind::HarderDeclined, id))?;
    }
    outln!("{name} stays on your {from}; upright harder {id} takes your {form} any time");
    Ok(())
}
