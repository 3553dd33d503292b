//! `upright init` and `upright safety`: first-run choices without the app, and the red flags.

use eyre::Result;

use super::Paths;
use crate::catalog::Level;
use crate::config::{Avoid, write};
use crate::ctx::Ctx;
use crate::safety::{self, Safety};
use crate::state::EntryKind;

pub fn init(paths: &Paths, level: Option<Level>, avoid: &[Avoid], accept: bool) -> Result<()> {
    let mut keys: Vec<(&str, toml_edit::Value)> = Vec::new();
    if let Some(level) = level {
        keys.push(("level", if level == Level::Active { "active" } else { "beginner" }.into()));
    }
    if !avoid.is_empty() {
        let names = avoid.iter().map(|a| if *a == Avoid::Extension { "extension" } else { "flexion" });
        keys.push(("avoid", toml_edit::Array::from_iter(names).into()));
    }
    // Like the app's first run, accepting leaves a documented config (from config.example.toml)
    // even with no choices to save, so there is a file to read and edit. A bare `init` only reads.
    if !keys.is_empty() || (accept && !paths.config.exists()) {
        write::save_choices(&paths.config, &keys)?;
        let what = if keys.is_empty() { "wrote the documented config" } else { "saved your choices" };
        outln!("{what} in {}", paths.config.display());
    }
    // Load after writing, so a broken result is reported like any config error.
    let mut ctx = Ctx::load(&paths.config, &paths.data)?;
    ctx.load_recent()?;
    let accepted = Safety::from_entries(ctx.store.entries()).accepted;
    match (accepted, accept) {
        (Some(date), _) => outln!("disclaimer accepted on {date}"),
        // Consent means reading (issue 20): the disclaimer is printed with the acceptance, so
        // it is on screen (or in the file it went to) whenever it is recorded.
        (None, true) => {
            for line in safety::DISCLAIMER {
                outln!("{line}\n");
            }
            // Turn 3 review A: the warning signs are read before acceptance, as onboarding shows them.
            red_flag_lists()?;
            outln!();
            let entry = ctx.event(ctx.today, EntryKind::DisclaimerAccepted);
            ctx.store.append(entry)?;
            outln!(
                "disclaimer above accepted; run upright to start (upright safety lists the warning signs)"
            );
        }
        (None, false) => {
            for line in safety::DISCLAIMER {
                outln!("{line}\n");
            }
            outln!("To accept, run: upright init --accept (or start upright and press the key shown).");
        }
    }
    Ok(())
}

pub fn show_safety(ctx: &mut Ctx) -> Result<()> {
    ctx.load_recent()?;
    let s = Safety::from_entries(ctx.store.entries());
    red_flag_lists()?;
    outln!(
        "Report one from here: upright safety --report ID (the id in brackets), or --report leg --exercise ID."
    );
    if let Some(date) = s.locked_since {
        outln!(
            "\nThe routine is locked since {date}: an emergency sign was reported. Open upright to confirm a clinician checked it."
        );
    } else if let Some(date) = s.gp_since {
        outln!(
            "\nDoses have stayed where they were since {date}, until you confirm a clinician checked the sign you reported."
        );
    }
    Ok(())
}

/// Both warning-sign lists with the id each is reported by, and the leg rule.
pub(super) fn red_flag_lists() -> Result<()> {
    outln!("Get emergency care now (call 999 / 112 / 911) if you have back pain with:");
    for (id, line) in safety::EMERGENCY_SIGNS {
        outln!("  - {line} [{id}]");
    }
    outln!("\nSee a GP today if you have back pain with:");
    for (id, line) in safety::SEE_GP_SIGNS {
        outln!("  - {line} [{id}]");
    }
    outln!("{}", safety::SEE_GP_WHEN);
    outln!("\nStop any exercise that causes pain spreading down a leg.");
    Ok(())
}
