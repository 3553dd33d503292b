//! The history log, the one source of truth: one TOML file per month of coaching date under
//! `history/`. Loads only the months a view needs, always from the month files themselves: the
//! walk back to an exercise's last entry or an old red flag asks each older month's raw bytes
//! whether it can hold one and parses only those. No derived file is read. Every change is saved at once, atomically,
//! under a lock, from the month re-read under that lock. A month that does not load is reported
//! with path, line and column and never written over.

mod conflicts;
mod fast;
mod load;
mod month;
mod order;
mod pending;
pub(crate) mod save;
mod summary;
mod write;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Duration;

use eyre::{Result, WrapErr};
use jiff::ToSpan;
use jiff::civil::Date;

pub use conflicts::{Merged, conflict_month};
/// The store clock moved ahead on this thread (a test's months count as settled at once).
#[cfg(any(test, feature = "testing"))]
pub use month::CLOCK_AHEAD_NS;
pub use month::{MAX_MONTH_BYTES, Month, MonthKey, Stamp, sort as sort_entries};
pub use pending::Pending;
pub use save::Merge;
pub use upright_core::log::{Entry, EntryKind, Feedback};
pub use write::SaveError;

use summary::Want;

/// How long a writer waits for another upright to finish writing.
pub const LOCK_WAIT: Duration = Duration::from_secs(3);
/// Days of history a view of `today` loads for sure (progression looks back 30, missed days 28).
const RECENT_DAYS: i64 = 62;

/// A month file as the store last saw it: its stamp (`None`: no file) and when it looked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seen {
    pub stamp: Option<Stamp>,
    pub checked_ns: i128,
}

pub struct Store {
    dir: PathBuf,
    /// The months read, each with the stamp of its file as read or last saved (`None`: no
    /// file) and when it was looked at, or the error it gave.
    months: BTreeMap<MonthKey, Result<Seen, String>>,
    /// All loaded entries, in log order; each entry is held once.
    entries: Vec<Entry>,
    /// The month file each entry of `entries` came from (a hand edit may file an entry under
    /// another month than its date's), so a change goes to exactly that file.
    from: Vec<MonthKey>,
    lock_wait: Duration,
    /// The day `load_recent` last completed for, with nothing changed since (then it has
    /// nothing to do).
    recent_for: Option<Date>,
    /// The month files listed with their stamps, kept until the next save or refresh, so one
    /// command lists the folder once (the walk back and the streak both list every month).
    listing: Option<Vec<(MonthKey, Stamp)>>,
    /// The rule a waiting entry is asked again when it is merged into its month (a second
    /// "done" logged while the month could not be saved is one too many); see `rules`.
    merge_rule: Option<MergeRule>,
    /// What merges left out, and why, for the command to say once.
    dropped: Vec<String>,
    /// Waiting entries saved into their months since last counted.
    pending_saved: usize,
}

/// Why a waiting entry would be one too many in `month` (as re-read under the lock).
pub type MergeRule = std::sync::Arc<dyn Fn(&[Entry], &Entry) -> Option<String> + Send + Sync>;

/// What [`Store::walk_back_for`] leaves for [`Store::finish_walk_back`]: the wants the recent
/// months did not meet and the search for them in an older month's bytes.
pub struct WalkBack {
    today: Date,
    /// The first recent month; the walk back is over the months before it.
    first: MonthKey,
    wants: Vec<Want>,
    finder: Option<summary::Finder>,
    first_error: Option<eyre::Report>,
}

impl WalkBack {
    /// Whether a month whose text is `bytes` may hold something wanted.
    pub fn may_hold(&self, bytes: &[u8]) -> bool {
        self.finder.as_ref().is_some_and(|f| f.may_hold_bytes(bytes))
    }

    /// The first month the walk back reads is the one before this.
    pub fn first_recent(&self) -> MonthKey {
        self.first
    }
}

impl Store {
    /// The log under `data_dir` (its `history/` folder). Creates nothing on disk.
    pub fn open(data_dir: &Path) -> Store {
        Store {
            dir: data_dir.join("history"),
            months: BTreeMap::new(),
            entries: Vec::new(),
            from: Vec::new(),
            lock_wait: LOCK_WAIT,
            recent_for: None,
            listing: None,
            merge_rule: None,
            dropped: Vec::new(),
            pending_saved: 0,
        }
    }

    /// A shorter lock wait, for tests.
    pub fn with_lock_wait(mut self, wait: Duration) -> Store {
        self.lock_wait = wait;
        self
    }

    /// Asks `rule` of every waiting entry before it is merged into its month.
    pub fn with_merge_rule(mut self, rule: MergeRule) -> Store {
        self.merge_rule = Some(rule);
        self
    }

    /// What merges of waiting entries left out since last asked, each with why.
    pub fn take_dropped(&mut self) -> Vec<String> {
        std::mem::take(&mut self.dropped)
    }

    pub fn history_dir(&self) -> &Path {
        &self.dir
    }

    pub fn path(&self, key: MonthKey) -> PathBuf {
        self.dir.join(key.file_name())
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The last done or skipped entry of exercise `id` on `date` in the order logged (the log's
    /// order within a day), whatever its clock time says: a clock set back, or another device's
    /// clock ahead, does not make undo take another entry than the one just logged.
    pub fn last_logged(&self, date: Date, id: &str) -> Option<&Entry> {
        self.entries.iter().rev().find(|e| {
            e.date == date && e.is_for(id) && matches!(e.kind, EntryKind::Done | EntryKind::Skipped)
        })
    }

    /// How many month files have been read (for tests and benchmarks).
    pub fn months_loaded(&self) -> usize {
        self.months.values().filter(|m| m.as_ref().is_ok_and(|s| s.stamp.is_some())).count()
    }

    /// How month `key` was last seen, if it was read.
    pub fn seen(&self, key: MonthKey) -> Option<Seen> {
        self.months.get(&key).and_then(|m| m.as_ref().ok().copied())
    }

    /// Months that could not be read, each with its error (path, line and column).
    pub fn broken(&self) -> impl Iterator<Item = (MonthKey, &str)> {
        self.months.iter().filter_map(|(k, m)| m.as_ref().err().map(|e| (*k, e.as_str())))
    }

    /// Month files present on disk, oldest first, each with its stamp (as listed since the
    /// last save or refresh).
    pub fn months_on_disk(&mut self) -> Result<Vec<(MonthKey, Stamp)>> {
        if let Some(listing) = &self.listing {
            return Ok(listing.clone());
        }
        let months = self.list_months()?;
        self.listing = Some(months.clone());
        Ok(months)
    }

    fn list_months(&self) -> Result<Vec<(MonthKey, Stamp)>> {
        let read = match std::fs::read_dir(&self.dir) {
            Ok(read) => read,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e).wrap_err_with(|| format!("cannot list {}", self.dir.display())),
        };
        // A folder another user could write could hold months they planted.
        if let Some(why) = std::fs::metadata(&self.dir).ok().and_then(|m| crate::fsutil::not_own(&m)) {
            return Err(eyre::eyre!(
                "{} {why}; upright reads only a history you alone can change: run `chmod go-w` on it",
                self.dir.display()
            ));
        }
        let mut months: Vec<(MonthKey, Stamp)> = read
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                let key = e.file_name().to_str().and_then(MonthKey::from_file_name)?;
                // A symbolic link is followed to the month it stands for.
                let meta = std::fs::metadata(e.path()).ok()?;
                Some((key, Stamp::of(&meta)))
            })
            .collect();
        months.sort_unstable_by_key(|(k, _)| *k);
        Ok(months)
    }

    /// Loads what a view of `today` needs: the last [`RECENT_DAYS`] days (and the month after, for
    /// entries dated ahead), then, newest first, the older months holding the latest entry of each
    /// of `ids` and the latest flare, disclaimer and safety events. Which older months hold what
    /// is asked of each month's own bytes (one raw pass, [`summary::Finder`]), never of a derived
    /// file: nothing but the months can hide a red flag, a flare or an exercise's last entry.
    ///
    /// Every month that loads is taken in even when another does not; the first error is
    /// returned after, and [`Store::broken`] lists them all.
    pub fn load_recent(&mut self, today: Date, ids: &[&str]) -> Result<()> {
        match self.walk_back_for(today, ids) {
            Some(back) => self.finish_walk_back(back, None),
            None => Ok(()),
        }
    }

    /// The first half of [`Store::load_recent`]: loads the recent months and says what the walk
    /// back through the older ones looks for (`None`: `today`'s view is loaded already). A walk
    /// over every month (the streak's) can answer [`WalkBack::may_hold`] for each older month
    /// from the bytes it reads anyway, and hand the answers to [`Store::finish_walk_back`], so
    /// no month is read twice.
    pub fn walk_back_for(&mut self, today: Date, ids: &[&str]) -> Option<WalkBack> {
        if self.recent_for == Some(today) {
            return None;
        }
        let from = today.checked_sub(RECENT_DAYS.days()).unwrap_or(today);
        let to = today.last_of_month().tomorrow().unwrap_or(today);
        let first_error = self.load_range(from, to).err();
        let mut wants = Want::all(ids);
        Want::keep_unmet(&mut wants, self.entries.iter().rev());
        let finder = (!wants.is_empty()).then(|| summary::Finder::new(&wants));
        Some(WalkBack { today, first: MonthKey::of(from), wants, finder, first_error })
    }

    /// The rest of [`Store::load_recent`]: newest first, the older months that may hold a want
    /// (`may_hold`: the months a walk found so, every older month among them; `None`: asked of
    /// each month's bytes here) are parsed, and those that meet one are taken in.
    pub fn finish_walk_back(&mut self, back: WalkBack, may_hold: Option<&BTreeSet<MonthKey>>) -> Result<()> {
        let WalkBack { today, first, mut wants, mut finder, mut first_error } = back;
        let older: Vec<MonthKey> = match self.months_on_disk() {
            Ok(months) => months.into_iter().map(|(k, _)| k).filter(|k| *k < first).rev().collect(),
            Err(e) => return Err(first_error.unwrap_or(e)),
        };
        // The older months read are taken in together at the end: one merge into the log
        // however many there are (one at a time, each would move every entry already held).
        let mut batch = Vec::new();
        for key in older {
            if wants.is_empty() {
                break;
            }
            // The raw text says whether the month is worth a parse. A walk's answers were
            // given for all the wants; a month that may hold one of them is parsed (more than
            // the fewer wants left need, which changes nothing but the time).
            let worth = match may_hold {
                Some(known) => known.contains(&key),
                None => finder.get_or_insert_with(|| summary::Finder::new(&wants)).may_hold(&self.path(key)),
            };
            if !worth {
                continue;
            }
            let read = match self.read_month(key) {
                Ok(Some(read)) => read,
                Ok(None) => continue,
                Err(e) => {
                    first_error.get_or_insert(e);
                    continue;
                }
            };
            let before = wants.len();
            Want::keep_unmet(&mut wants, read.2.iter());
            // Only a month that meets a want is taken in: what a view sees is then the same
            // whichever months were read on the way.
            if wants.len() != before {
                finder = None;
                batch.push(read);
            }
        }
        self.take_many(batch);
        match first_error {
            Some(e) => Err(e),
            None => {
                self.recent_for = Some(today);
                Ok(())
            }
        }
    }

    /// Re-reads every loaded month whose file changed since it was read (another upright, the
    /// CLI, a hand edit, a sync): cheap, one stat per loaded month. Returns whether anything
    /// changed. The app calls it before it handles a key or a tick.
    pub fn refresh(&mut self) -> Result<bool> {
        self.listing = None;
        let mut changed = false;
        let mut result = Ok(());
        let keys: Vec<(MonthKey, Option<Stamp>)> =
            self.months.iter().map(|(k, m)| (*k, m.as_ref().ok().and_then(|s| s.stamp))).collect();
        for (key, was) in keys {
            let now = Month::stamp(&self.path(key));
            if now != was || matches!(self.months.get(&key), Some(Err(_))) {
                self.months.remove(&key);
                self.recent_for = None;
                changed = true;
                if let Err(e) = self.load_month(key) {
                    result = result.and(Err(e));
                }
            }
        }
        result.map(|()| changed)
    }
}

/// A unique entry id from the time and the process, e.g. `20261124T071502-3f9a2c1b`.
pub fn new_id(now: &jiff::Zoned) -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let mix = (now.timestamp().subsec_nanosecond() as u32)
        ^ std::process::id().rotate_left(16)
        ^ n.wrapping_mul(0x9e37_79b9);
    format!("{}-{mix:08x}", now.strftime("%Y%m%dT%H%M%S"))
}

/// Wall-clock time for `Entry::at`: RFC 3339 with the local offset.
pub fn stamp(now: &jiff::Zoned) -> String {
    now.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

#[cfg(test)]
mod tests;
