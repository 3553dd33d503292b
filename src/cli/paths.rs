//! Where the config and the data live, and where each path came from (flag, environment
//! variable, platform default), for every command and for `upright doctor`.

use std::path::PathBuf;

use eyre::{Result, bail, eyre};

use super::Cli;

/// Where the config and the data live: flag > environment > platform dirs.
pub struct Paths {
    pub config: PathBuf,
    pub data: PathBuf,
    /// Where each came from, for `upright doctor`.
    pub config_from: From,
    pub data_from: From,
}

/// Where a path came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum From {
    Flag(&'static str),
    Env(&'static str),
    Default,
}

impl std::fmt::Display for From {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            From::Flag(flag) => write!(f, "from the flag {flag}"),
            From::Env(var) => write!(f, "from the environment variable {var}"),
            From::Default => write!(f, "the platform default"),
        }
    }
}

fn from(flag: &Option<PathBuf>, flag_name: &'static str, var: &'static str) -> From {
    if flag.is_some() {
        From::Flag(flag_name)
    } else if std::env::var_os(var).is_some() {
        From::Env(var)
    } else {
        From::Default
    }
}

impl Paths {
    pub fn resolve(cli: &Cli) -> Result<Paths> {
        let dirs = directories::ProjectDirs::from("", "", "upright");
        let platform = |f: fn(&directories::ProjectDirs) -> &std::path::Path| {
            dirs.as_ref().map(|d| f(d).to_path_buf()).ok_or_else(|| {
                eyre!("no home directory found: pass --config and --data-dir (or set UPRIGHT_CONFIG and UPRIGHT_DATA_DIR)")
            })
        };
        let config = match flag_or_env(&cli.config, "UPRIGHT_CONFIG", "the config file")? {
            Some(path) => path,
            None => platform(|d| d.config_dir())?.join("config.toml"),
        };
        let data = match flag_or_env(&cli.data_dir, "UPRIGHT_DATA_DIR", "the data directory")? {
            Some(path) => path,
            None => platform(|d| d.data_dir())?,
        };
        let config_from = from(&cli.config, "--config", "UPRIGHT_CONFIG");
        let data_from = from(&cli.data_dir, "--data-dir", "UPRIGHT_DATA_DIR");
        Ok(Paths { config, data, config_from, data_from })
    }
}

/// The flag's path, else the environment variable's; one that is set but empty is an error
/// naming it (an empty path would otherwise mean the current directory, or a clap error about
/// the flag).
fn flag_or_env(flag: &Option<PathBuf>, var: &str, what: &str) -> Result<Option<PathBuf>> {
    if let Some(path) = flag {
        return Ok(Some(path.clone()));
    }
    match std::env::var_os(var) {
        Some(value) if value.is_empty() => bail!("{var} is set but empty: unset it, or set it to {what}"),
        value => Ok(value.map(PathBuf::from)),
    }
}
