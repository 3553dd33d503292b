//! The one clock the app reads: the wall time now, or `UPRIGHT_NOW` when set (tests and demos
//! pin it). The core never reads a clock; the store stamps saves with this one.

use eyre::{Result, eyre};
use jiff::Zoned;

/// Now, or the zoned time in `UPRIGHT_NOW`.
pub fn now() -> Result<Zoned> {
    match std::env::var("UPRIGHT_NOW") {
        Ok(s) if !s.is_empty() => s.parse().map_err(|e| eyre!("UPRIGHT_NOW={s:?} is not a zoned time: {e}")),
        _ => Ok(Zoned::now()),
    }
}
