//! A record that remembers the newest entries and the first few marked ones (a duplicate,
//! a stale read: the lesson a display must keep in sight), and counts the rest. What a page
//! draws of a long run's record is bounded by this, not by the run's length; a monitor that
//! reads the record reads it as it grows (by index, from where it stopped), which the
//! newest entries always cover.

use std::collections::VecDeque;

/// The newest `cap` entries and the first `marks` marked ones, with the total count.
#[derive(Clone, Debug, PartialEq)]
pub struct RecentLog<T> {
    recent: VecDeque<T>,
    cap: usize,
    /// The first few marked entries, with their indexes (ascending).
    marked: Vec<(usize, T)>,
    marks: usize,
    total: usize,
}

/// How many of the newest entries a record keeps by default: enough for a strip's last
/// few, the space-time diagram's window and a monitor reading entries as they come.
pub const KEPT: usize = 256;

/// By default a record keeps its newest [`KEPT`] entries and marks none.
impl<T: Clone> Default for RecentLog<T> {
    fn default() -> Self {
        RecentLog::new(KEPT, 0)
    }
}

impl<T: Clone> RecentLog<T> {
    /// Keep the newest `cap` entries and the first `marks` marked ones.
    pub fn new(cap: usize, marks: usize) -> Self {
        RecentLog {
            recent: VecDeque::new(),
            cap: cap.max(1),
            marked: Vec::new(),
            marks,
            total: 0,
        }
    }

    /// Append an entry (`marked`: one of the few kept in sight however old).
    pub fn push(&mut self, item: T, marked: bool) {
        if marked && self.marked.len() < self.marks {
            self.marked.push((self.total, item.clone()));
        }
        if self.recent.len() == self.cap {
            self.recent.pop_front();
        }
        self.recent.push_back(item);
        self.total += 1;
    }

    /// Append an entry that is not one of the marked few.
    pub fn push_unmarked(&mut self, item: T) {
        self.push(item, false);
    }

    /// Entries recorded since the start (held or not).
    pub fn len(&self) -> usize {
        self.total
    }

    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// Index of the oldest entry still held among the newest.
    pub fn first_recent(&self) -> usize {
        self.total - self.recent.len()
    }

    /// The entry at index `i` if it is still held (one of the newest, or a marked one).
    pub fn get(&self, i: usize) -> Option<&T> {
        match i.checked_sub(self.first_recent()) {
            Some(k) => self.recent.get(k),
            None => self
                .marked
                .binary_search_by_key(&i, |m| m.0)
                .ok()
                .map(|k| &self.marked[k].1),
        }
    }

    /// The newest entries held, oldest first.
    pub fn recent(&self) -> impl DoubleEndedIterator<Item = &T> + ExactSizeIterator {
        self.recent.iter()
    }

    /// The newest entries held with their indexes, oldest first.
    pub fn recent_indexed(&self) -> impl DoubleEndedIterator<Item = (usize, &T)> {
        let first = self.first_recent();
        self.recent
            .iter()
            .enumerate()
            .map(move |(k, x)| (first + k, x))
    }

    /// The newest entries, to update one (a marked entry's kept copy stays as it was
    /// pushed).
    pub fn recent_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut T> {
        self.recent.iter_mut()
    }

    /// The newest entry, to update it.
    pub fn last_mut(&mut self) -> Option<&mut T> {
        self.recent.back_mut()
    }

    /// The newest entry.
    pub fn last(&self) -> Option<&T> {
        self.recent.back()
    }

    /// Where the first few marked entries stand (ascending).
    pub fn marked_indexes(&self) -> impl Iterator<Item = usize> + '_ {
        self.marked.iter().map(|m| m.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_the_newest_and_the_first_marked() {
        let mut log = RecentLog::new(4, 2);
        for i in 0..20u32 {
            log.push(i, i % 5 == 3);
        }
        assert_eq!(log.len(), 20);
        assert_eq!(
            log.recent().copied().collect::<Vec<_>>(),
            vec![16, 17, 18, 19]
        );
        assert_eq!(log.marked_indexes().collect::<Vec<_>>(), vec![3, 8]);
        assert_eq!(log.get(3), Some(&3));
        assert_eq!(log.get(8), Some(&8));
        assert_eq!(log.get(13), None, "marked but past the first two");
        assert_eq!(log.get(15), None);
        assert_eq!(log.get(16), Some(&16));
        assert_eq!(log.get(20), None);
    }
}
