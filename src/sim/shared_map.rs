//! A map that only grows and clones cheaply, for what a monitor or an app must remember
//! across many events (the IDs issued lately, to spot a duplicate): older entries live in sorted
//! runs behind `Arc`s, shared between clones (the world's checkpoints), and only the newest
//! few are held privately. Runs merge as a binary counter does, so there are O(log n) of
//! them; a lookup binary-searches each, and a clone copies one pointer per run.

use std::collections::BTreeMap;
use std::sync::Arc;

/// Entries held privately before they are sealed into a shared run.
const RECENT: usize = 128;

/// Insert-only map, the first value for a key kept.
#[derive(Clone, Debug)]
pub struct SharedMap<K, V> {
    recent: BTreeMap<K, V>,
    /// Sorted runs, sizes decreasing; no key is in two of them (nor in `recent`).
    runs: Vec<Arc<Vec<(K, V)>>>,
    len: usize,
}

impl<K, V> Default for SharedMap<K, V> {
    fn default() -> Self {
        SharedMap {
            recent: BTreeMap::new(),
            runs: Vec::new(),
            len: 0,
        }
    }
}

impl<K: Ord + Copy, V: Copy> SharedMap<K, V> {
    pub fn get(&self, key: &K) -> Option<V> {
        if let Some(v) = self.recent.get(key) {
            return Some(*v);
        }
        self.runs.iter().rev().find_map(|run| {
            run.binary_search_by(|(k, _)| k.cmp(key))
                .ok()
                .map(|i| run[i].1)
        })
    }

    /// Record `value` for `key` unless the key is there already; returns the value that was
    /// there (which stays).
    pub fn insert_first(&mut self, key: K, value: V) -> Option<V> {
        if let Some(old) = self.get(&key) {
            return Some(old);
        }
        self.recent.insert(key, value);
        self.len += 1;
        if self.recent.len() >= RECENT {
            self.seal();
        }
        None
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Move the recent entries into a shared run, merging the newest runs into it while
    /// they are at most twice its size.
    fn seal(&mut self) {
        let mut run: Vec<(K, V)> = std::mem::take(&mut self.recent).into_iter().collect();
        while self
            .runs
            .last()
            .is_some_and(|last| last.len() <= 2 * run.len())
        {
            let last = self.runs.pop().expect("checked above");
            run = merge(&last, &run);
        }
        self.runs.push(Arc::new(run));
    }
}

/// Two sorted runs with distinct keys, as one.
fn merge<K: Ord + Copy, V: Copy>(a: &[(K, V)], b: &[(K, V)]) -> Vec<(K, V)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i].0 < b[j].0 {
            out.push(a[i]);
            i += 1;
        } else {
            out.push(b[j]);
            j += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::SimRng;

    #[test]
    fn behaves_as_a_first_writer_wins_map() {
        let mut rng = SimRng::new(3);
        let mut map = SharedMap::default();
        let mut model = BTreeMap::new();
        for step in 0..20_000u32 {
            let key = rng.index(30_000) as u64;
            let expected = model.get(&key).copied();
            model.entry(key).or_insert(step);
            assert_eq!(map.insert_first(key, step), expected, "insert {key}");
            if step % 997 == 0 {
                let probe = rng.index(30_000) as u64;
                assert_eq!(map.get(&probe), model.get(&probe).copied());
            }
        }
        assert_eq!(map.len(), model.len());
        assert!(model.iter().all(|(k, v)| map.get(k) == Some(*v)));
        assert!(map.runs.len() <= 2 * (usize::BITS - model.len().leading_zeros()) as usize);
    }

    #[test]
    fn clones_share_their_runs() {
        let mut a = SharedMap::default();
        for k in 0..10_000u64 {
            a.insert_first(k, ());
        }
        let b = a.clone();
        a.insert_first(10_000, ());
        assert_eq!((a.len(), b.len()), (10_001, 10_000));
        assert_eq!(b.get(&10_000), None);
        assert!(
            Arc::ptr_eq(&a.runs[0], &b.runs[0]),
            "the oldest run is one memory"
        );
    }
}
