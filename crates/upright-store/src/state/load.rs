//! Taking months into the log: each month file read once, and any number of months merged into
//! the log's order in one linear pass, so loading many months costs what reading them does.

use eyre::Result;
use jiff::civil::Date;

use super::month::{self, Month, MonthKey};
use super::{Entry, EntryKind, Seen, Store};

impl Store {
    /// Loads every month (for export).
    pub fn load_all(&mut self) -> Result<()> {
        let keys: Vec<MonthKey> = self.months_on_disk()?.into_iter().map(|(k, _)| k).collect();
        self.load_months(&keys)
    }

    /// Loads the months overlapping `[from, to]`; every month that loads is taken in, and the
    /// first error is returned after.
    pub fn load_range(&mut self, from: Date, to: Date) -> Result<()> {
        let mut key = MonthKey::of(from);
        let mut keys = Vec::new();
        while key <= MonthKey::of(to) {
            keys.push(key);
            key = key.next();
        }
        self.load_months(&keys)
    }

    /// Loads months `keys` (each once), taking them into the log in one merge, so loading many
    /// months costs what reading them does, not a move of every entry held per month. Every
    /// month that loads is taken in; the first error is returned after.
    pub fn load_months(&mut self, keys: &[MonthKey]) -> Result<()> {
        let mut result = Ok(());
        let mut batch = Vec::new();
        for key in keys {
            match self.read_month(*key) {
                Ok(Some(read)) => batch.push(read),
                Ok(None) => {}
                Err(e) => result = result.and(Err(e)),
            }
        }
        self.take_many(batch);
        result
    }

    /// Reads month `key` unless it is loaded (a month that failed is tried again): `None` when
    /// it is. A failure is noted for [`Store::broken`].
    pub(super) fn read_month(&mut self, key: MonthKey) -> Result<Option<(MonthKey, Seen, Vec<Entry>)>> {
        if matches!(self.months.get(&key), Some(Ok(_))) {
            return Ok(None);
        }
        let checked = month::now_ns();
        match Month::read_entries_of(&self.path(key)) {
            Ok(read) => {
                let stamp = read.as_ref().map(|(_, stamp)| *stamp);
                let entries = read.map(|(month, _)| month.entries).unwrap_or_default();
                Ok(Some((key, Seen { stamp, checked_ns: checked }, entries)))
            }
            Err(e) => {
                self.months.insert(key, Err(format!("{e:#}")));
                Err(e)
            }
        }
    }

    /// Reads month `key` (once; a month that failed is tried again), adding its entries.
    pub(super) fn load_month(&mut self, key: MonthKey) -> Result<()> {
        self.load_months(&[key])
    }

    /// Replaces what the store holds of month file `key` with `entries`, as the file was `seen`.
    pub(super) fn take(&mut self, key: MonthKey, seen: Seen, entries: Vec<Entry>) {
        self.take_many(vec![(key, seen, entries)]);
    }

    /// Replaces what the store holds of each month file of `batch` with its entries, as the
    /// file was seen: one linear merge into the log's order (by date; within a day, entries
    /// held before come first, then each file's in its order). The records of undos stay in
    /// the files (for sync merges) but out of every view.
    pub(super) fn take_many(&mut self, batch: Vec<(MonthKey, Seen, Vec<Entry>)>) {
        if batch.is_empty() {
            return;
        }
        let keys: Vec<MonthKey> = batch.iter().map(|(k, _, _)| *k).collect();
        if self.from.iter().any(|k| keys.contains(k)) {
            let mut from = self.from.iter();
            self.entries.retain(|_| !keys.contains(from.next().expect("one key per entry")));
            self.from.retain(|k| !keys.contains(k));
        }
        let mut new: Vec<(Entry, MonthKey)> = Vec::new();
        for (key, seen, entries) in batch {
            self.months.insert(key, Ok(seen));
            new.extend(entries.into_iter().filter(|e| e.kind != EntryKind::Removed).map(|e| (e, key)));
        }
        // Each file's entries are in order already; the stable sort keeps that within a day.
        if !new.is_sorted_by_key(|(e, _)| month::order(e)) {
            new.sort_by_key(|(e, _)| month::order(e));
        }
        let Some(first) = new.first().map(|(e, _)| month::order(e)) else { return };
        let last = new.last().map(|(e, _)| month::order(e)).expect("not empty");
        if self.entries.first().is_some_and(|e| last < month::order(e)) {
            // All older than what is held (the old months a view's walk back takes in): put in
            // front in one move, not merged into two new vectors of everything.
            let (entries, from): (Vec<Entry>, Vec<MonthKey>) = new.into_iter().unzip();
            self.entries.splice(0..0, entries);
            self.from.splice(0..0, from);
        } else if self.entries.last().is_none_or(|e| month::order(e) <= first) {
            // Newer than all held (or nothing held): appended.
            for (e, k) in new {
                self.entries.push(e);
                self.from.push(k);
            }
        } else {
            // One merge of two ordered lists; on a tie what was held comes first.
            let held = std::mem::take(&mut self.entries).into_iter().zip(std::mem::take(&mut self.from));
            let mut held = held.peekable();
            let mut new = new.into_iter().peekable();
            let total = held.len() + new.len();
            let (mut entries, mut from) = (Vec::with_capacity(total), Vec::with_capacity(total));
            loop {
                let take_new = match (held.peek(), new.peek()) {
                    (Some((h, _)), Some((n, _))) => month::order(n) < month::order(h),
                    (None, Some(_)) => true,
                    (Some(_), None) => false,
                    (None, None) => break,
                };
                let (e, k) = if take_new { new.next() } else { held.next() }.expect("peeked");
                entries.push(e);
                from.push(k);
            }
            (self.entries, self.from) = (entries, from);
        }
    }
}

impl Store {
    /// The entries of month file `key` as a view sees them (undo records left out), read from the
    /// file without taking them into the log: for a walk over the whole history that keeps only
    /// a month or two in memory at a time. Empty when there is no file.
    pub fn read_entries(&self, key: MonthKey) -> Result<Vec<Entry>> {
        Store::read_entries_at(&self.path(key))
    }

    /// [`Store::read_entries`] appended to `into` (for a walk that keeps a window of entries:
    /// no vector per month), and what `look` makes of the month's bytes (`None`: no file).
    /// Nothing is appended when the month does not load.
    pub fn append_entries<T>(
        &self,
        key: MonthKey,
        into: &mut Vec<Entry>,
        look: impl FnOnce(&[u8]) -> T,
    ) -> Result<Option<T>> {
        let start = into.len();
        let seen = Month::append_entries(&self.path(key), into, look)?;
        if into[start..].iter().any(|e| e.kind == EntryKind::Removed) {
            let tail = into.split_off(start);
            into.extend(tail.into_iter().filter(|e| e.kind != EntryKind::Removed));
        }
        Ok(seen)
    }

    /// [`Store::read_entries`] of the month file at `path` (see [`Store::path`]).
    pub fn read_entries_at(path: &std::path::Path) -> Result<Vec<Entry>> {
        let read = Month::read_entries_of(path)?;
        let mut entries = read.map(|(month, _)| month.entries).unwrap_or_default();
        entries.retain(|e| e.kind != EntryKind::Removed);
        Ok(entries)
    }
}

#[cfg(any(test, feature = "testing"))]
impl Store {
    /// The month files on disk, oldest first (for tests that hold a `&Store`).
    pub fn read_dir_keys(&self) -> Vec<MonthKey> {
        self.list_months().unwrap().into_iter().map(|(k, _)| k).collect()
    }
}
