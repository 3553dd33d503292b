//! `upright safety --report`: what the app's `l` and `!` keys report, from the command line
//! (COACHING.md "Turn 3 review" A: every front end can report what the app can). Pain down one
//! leg pauses the exercise and what the pause covers, with numbness or weakness also the
//! see-a-GP-today sign; both legs and the other emergency signs lock the routine; the GP signs
//! hold every dose. What each report logs is decided once, in `safety::Legs` and the sign lists.

use std::io::{BufRead, IsTerminal};

use eyre::{Result, bail};

use super::YesNo;
use crate::ctx::Ctx;
use crate::safety::{self, Legs};
use crate::state::EntryKind;

pub fn report(ctx: &mut Ctx, sign: &str, exercise: Option<&str>, numb: Option<YesNo>) -> Result<()> {
    let asking = std::io::stdin().is_terminal();
    let sign = match sign {
        "" if asking => pick()?,
        "" => bail!("--report needs what to report: leg, or a sign id ({})", ids()),
        sign => sign.to_string(),
    };
    ctx.load_recent()?;
    if sign == "leg" {
        return leg(ctx, exercise, numb, asking);
    }
    let Some((text, emergency)) = safety::sign(&sign) else {
        bail!("{sign:?} is not a sign upright knows: leg, or one of {}", ids());
    };
    if emergency {
        let mut entry = ctx.event(ctx.today, EntryKind::RedFlagEmergency);
        entry.note = Some(text.to_string());
        ctx.store.append(entry)?;
        outln!("Recorded: {text}.");
        outln!("Get emergency care now (call 999 / 112 / 911).");
        outln!("{}", crate::holds::LOCKED_SAID);
        outln!("Once a clinician has checked you: upright safety --clear");
    } else {
        let mut entry = ctx.event(ctx.today, EntryKind::RedFlagGp);
        entry.note = Some(text.to_string());
        ctx.store.append(entry)?;
        outln!("Recorded: {text}.");
        outln!("{}", safety::SEE_GP_WHEN);
        outln!("Doses are held until a clinician has checked it; then: upright safety --clear");
    }
    Ok(())
}

/// Pain down one leg during `exercise`: the pause, and the numbness question.
fn leg(ctx: &mut Ctx, exercise: Option<&str>, numb: Option<YesNo>, asking: bool) -> Result<()> {
    let id = match exercise {
        Some(id) => id.to_string(),
        None if asking => ask("Which exercise was it in (its id, e.g. romanian-deadlift)?")?,
        None => bail!("--report leg needs --exercise ID: the exercise it happened in"),
    };
    let name = ctx.exercise(&id)?.name.clone();
    let numb = match numb {
        Some(answer) => answer == YesNo::Yes,
        None if asking => ask("Any numbness, or weakness, in that leg? (y/n)")?.starts_with(['y', 'Y']),
        None => bail!("--report leg needs --numb yes|no: numbness or weakness in that leg"),
    };
    for kind in (Legs::One { numb }).entries() {
        let entry = if kind == EntryKind::LegSymptoms {
            ctx.entry(ctx.today, kind, &id)
        } else {
            let mut e = ctx.event(ctx.today, kind);
            e.note = Some("numbness or weakness in a leg".into());
            e
        };
        ctx.store.append(entry)?;
    }
    outln!(
        "Stopped: {name} is paused, and so are the hamstring stretch and the loaded hinge, squat and carry, until a clinician has cleared the leg symptoms (then: upright safety --clear {id})."
    );
    if numb {
        outln!("Numbness or weakness: {}", safety::SEE_GP_WHEN);
    }
    outln!("Pain in both legs is an emergency: upright safety --report both-legs");
    Ok(())
}

/// The interactive list on a terminal: a number or an id.
fn pick() -> Result<String> {
    let signs: Vec<(&str, &str)> =
        std::iter::once(("leg", "pain, tingling or numbness down one leg during an exercise"))
            .chain(safety::EMERGENCY_SIGNS)
            .chain(safety::SEE_GP_SIGNS)
            .collect();
    eprintln!("What would you like to report?");
    for (i, (id, text)) in signs.iter().enumerate() {
        eprintln!("  {:>2}  {text} [{id}]", i + 1);
    }
    let answer = ask("A number or an id (Enter: nothing)")?;
    match answer.parse::<usize>() {
        Ok(n) if (1..=signs.len()).contains(&n) => Ok(signs[n - 1].0.to_string()),
        _ if signs.iter().any(|(id, _)| *id == answer) => Ok(answer),
        _ => bail!("nothing reported"),
    }
}

fn ask(question: &str) -> Result<String> {
    eprint!("{question} ");
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(line.trim().to_string())
}

fn ids() -> String {
    safety::EMERGENCY_SIGNS
        .iter()
        .chain(&safety::SEE_GP_SIGNS)
        .map(|(id, _)| *id)
        .collect::<Vec<_>>()
        .join(", ")
}
