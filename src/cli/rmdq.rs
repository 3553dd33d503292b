//! `upright checkin --rmdq [ANSWERS]` (issue 29, item 8): the Roland–Morris Disability
//! Questionnaire, asked statement by statement on a terminal (y or n each; q stops and logs
//! nothing), or logged from the answers given for scripts. Logged as an `rmdq` entry.

use std::io::{BufRead, IsTerminal};

use eyre::{Result, bail};
use serde_json::json;

use super::Day;
use crate::checkin::rmdq;
use crate::ctx::Ctx;
use crate::log::EntryKind;

pub fn rmdq(ctx: &mut Ctx, answers: &str, date: Day, json: bool) -> Result<()> {
    let date = date.resolve(ctx.today)?;
    let answers = if answers.trim().is_empty() {
        if !std::io::stdin().is_terminal() {
            bail!(
                "give the answers: the numbers answered yes (--rmdq 2,3,13, or --rmdq none) or 24 y/n letters \
                 (nothing was logged)"
            );
        }
        ask()?
    } else {
        match rmdq::parse(answers) {
            Ok(a) => a,
            Err(e) => bail!("{e} (nothing was logged)"),
        }
    };
    ctx.load_for_save(date);
    // The whole log: the baseline is the first questionnaire, however long ago.
    ctx.store.load_all()?;
    let mut entry = ctx.event(date, EntryKind::Rmdq);
    entry.answers = Some(answers.clone());
    ctx.store.append(entry)?;
    let score = rmdq::score(&answers).unwrap_or(0);
    let change = rmdq::change(ctx.store.entries(), ctx.today);
    if json {
        return super::json::print(
            "rmdq",
            json!({
                "date": date.to_string(),
                "rmdq": score,
                "answers": answers,
                "baseline": change.map(|(b, ..)| json!({ "date": b.0.to_string(), "rmdq": b.1 })),
                "verdict": change.map(|(.., v)| crate::report::words(v)),
            }),
        );
    }
    outln!("Roland-Morris questionnaire logged for {}: {score} of 24", date.strftime("%a %-d %b"));
    if let Some(((d, b), _, v)) = change {
        outln!("since the first ({b} on {}): {}", d.strftime("%-d %b %Y"), crate::report::words(v));
    }
    outln!("next one in 4 weeks");
    Ok(())
}

/// The statements one by one on the terminal (prompts on stderr).
fn ask() -> Result<String> {
    eprintln!("Roland-Morris Disability Questionnaire (Roland & Fairbank 2000). {}", rmdq::INTRO);
    eprintln!("y yes, n no, q stop (nothing is logged)");
    let mut out = String::new();
    let stdin = std::io::stdin();
    for (i, item) in rmdq::ITEMS.iter().enumerate() {
        loop {
            eprint!("{:>2}/24 {item} [y/n] ", i + 1);
            let mut line = String::new();
            if stdin.lock().read_line(&mut line)? == 0 {
                bail!("stopped at statement {}: nothing was logged", i + 1);
            }
            match line.trim().to_lowercase().as_str() {
                "y" | "yes" => out.push('y'),
                "n" | "no" => out.push('n'),
                "q" | "quit" => bail!("stopped at statement {}: nothing was logged", i + 1),
                _ => continue,
            }
            break;
        }
    }
    Ok(out)
}
