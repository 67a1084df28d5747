//! A server's log (Figure 2's `log[]`) with a running hash of every prefix, so that a
//! checker can tell in constant time whether the first `k` entries are what they were —
//! without keeping a copy of the log or rescanning it on every step.
//!
//! The entries are private: they change only through [`RaftLog::push`] and
//! [`RaftLog::truncate`], which keep the hashes in step, so `prefix_hash(k)` is a function
//! of `entries[..k]` by construction.

use std::ops::Deref;

use super::msg::Entry;
use crate::sim::rng::mix;

/// The entries and, for each length `k ≥ 1`, a hash of `entries[..k]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RaftLog {
    entries: Vec<Entry>,
    hashes: Vec<u64>,
}

impl RaftLog {
    pub fn new() -> RaftLog {
        RaftLog::default()
    }

    /// Append one entry.
    pub fn push(&mut self, e: Entry) {
        let h = chain(self.prefix_hash(self.entries.len()), e);
        self.entries.push(e);
        self.hashes.push(h);
    }

    /// Keep the first `len` entries.
    pub fn truncate(&mut self, len: usize) {
        self.entries.truncate(len);
        self.hashes.truncate(len);
    }

    /// The hash of the first `len` entries (0 for none; `len` past the end counts the
    /// whole log).
    pub fn prefix_hash(&self, len: usize) -> u64 {
        match len.min(self.entries.len()) {
            0 => 0,
            k => self.hashes[k - 1],
        }
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }
}

/// The hash of a prefix one entry longer.
fn chain(prev: u64, e: Entry) -> u64 {
    mix(prev ^ mix(e.term.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ e.cmd.rotate_left(29)))
}

impl Deref for RaftLog {
    type Target = [Entry];
    fn deref(&self) -> &[Entry] {
        &self.entries
    }
}

impl From<Vec<Entry>> for RaftLog {
    fn from(entries: Vec<Entry>) -> RaftLog {
        let mut log = RaftLog::new();
        entries.into_iter().for_each(|e| log.push(e));
        log
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(term: u64, cmd: u64) -> Entry {
        Entry { term, cmd }
    }

    #[test]
    fn a_prefix_hash_follows_the_prefix_whatever_happened_after_it() {
        let mut a = RaftLog::from(vec![e(1, 1), e(1, 2), e(2, 3)]);
        let b = RaftLog::from(vec![e(1, 1), e(1, 2), e(3, 9), e(3, 10)]);
        assert_eq!(a.prefix_hash(2), b.prefix_hash(2));
        assert_ne!(a.prefix_hash(3), b.prefix_hash(3));
        // Overwrite entry 3 the way a follower does: truncate, then append.
        a.truncate(2);
        a.push(e(3, 9));
        assert_eq!(a.prefix_hash(3), b.prefix_hash(3));
        assert_eq!(a.prefix_hash(0), 0);
        assert_eq!(a.prefix_hash(99), a.prefix_hash(3));
        // Same length, one command changed: a different hash.
        let c = RaftLog::from(vec![e(1, 1), e(1, 7), e(2, 3)]);
        assert_ne!(
            c.prefix_hash(3),
            RaftLog::from(vec![e(1, 1), e(1, 2), e(2, 3)]).prefix_hash(3)
        );
        assert_eq!(&*c, &[e(1, 1), e(1, 7), e(2, 3)]);
    }
}
