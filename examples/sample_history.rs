//! Writes the generated sample history (`upright::progress::sample_history`) into a data dir,
//! one month file per calendar month, for `scripts/report-shot.sh` and for trying the Progress
//! screen by hand: `cargo run --example sample_history -- DIR [WEEKS]`. The day it ends on is
//! the coaching day of `UPRIGHT_NOW` (or now).

use std::collections::BTreeMap;

use upright::catalog::Catalog;
use upright::config::Settings;
use upright::state::{Month, MonthKey};

fn main() -> eyre::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(
        args.next().ok_or_else(|| eyre::eyre!("usage: sample_history DIR [WEEKS]"))?,
    );
    let weeks: i64 = args.next().map(|w| w.parse()).transpose()?.unwrap_or(12);
    let settings = Settings::default();
    let today = settings.coaching_date(&upright::ctx::now()?);
    let history = upright::progress::sample_history(&Catalog::builtin(), &settings, today, weeks);
    let mut months: BTreeMap<MonthKey, Vec<_>> = BTreeMap::new();
    for e in history {
        months.entry(MonthKey::of(e.date)).or_default().push(e);
    }
    std::fs::create_dir_all(dir.join("history"))?;
    for (key, entries) in months {
        let month = Month { entries, extra: Default::default() };
        std::fs::write(dir.join("history").join(key.file_name()), month.to_toml())?;
    }
    Ok(())
}
