//! The log's order (by coaching date, and within a day in the order logged) and one entry per id
//! in a month.

use jiff::civil::Date;

use upright_core::log::Entry;

/// [`dedupe`] of `entries[start..]` in place. Ids are first told apart by a hash in a kept
/// set (no set allocated per month); only when two hashes meet are the ids compared.
pub(super) fn dedupe_from(entries: &mut Vec<Entry>, start: usize) {
    thread_local! {
        static SEEN: std::cell::RefCell<Vec<u64>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    // A plain multiplicative hash, sorted: a collision only sends the month to the exact check
    // below (a hashed set, SipHash twice over, cost a tenth of a walk over the history).
    let hash = |id: &str| {
        id.bytes().fold(0u64, |h, b| (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95))
    };
    let unique = SEEN.with_borrow_mut(|seen| {
        seen.clear();
        seen.extend(entries[start..].iter().map(|e| hash(&e.id)));
        seen.sort_unstable();
        seen.windows(2).all(|w| w[0] != w[1])
    });
    if unique {
        sort(&mut entries[start..]);
    } else {
        let tail = entries.split_off(start);
        entries.extend(dedupe(tail));
    }
}

/// Keeps the first entry of each id (a month holds an id once), in log order.
pub(super) fn dedupe(mut entries: Vec<Entry>) -> Vec<Entry> {
    let keep: Vec<bool> = {
        let mut seen = std::collections::HashSet::with_capacity(entries.len());
        entries.iter().map(|e| seen.insert(e.id.as_str())).collect()
    };
    if keep.contains(&false) {
        let mut keep = keep.into_iter();
        entries.retain(|_| keep.next().unwrap_or(true));
    }
    sort(&mut entries);
    entries
}

/// The log's order: by coaching date, and within a day in the order logged (every sort is
/// stable and a save appends, so the file keeps that order). Not by the time in `at`: a clock set
/// back, or another device's clock, would put a later entry first (`flare on` then `flare off` in
/// one second would otherwise go by their random ids).
pub fn order(e: &Entry) -> Date {
    e.date
}

pub fn is_sorted(entries: &[Entry]) -> bool {
    entries.is_sorted_by(|a, b| order(a) <= order(b))
}

/// Sorts entries into the log's order; cheap when they already are.
pub fn sort(entries: &mut [Entry]) {
    if !is_sorted(entries) {
        entries.sort_by_key(order);
    }
}
