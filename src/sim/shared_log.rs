//! An append-only log that clones cheaply: entries live in fixed-size chunks behind
//! `Arc`s, so a clone (a checkpoint of the world) copies one pointer per chunk, and the
//! next append copies at most one chunk. A long session's action log is then held once,
//! not once per checkpoint.

use std::sync::Arc;

/// Entries per chunk.
const CHUNK: usize = 256;

/// Append-only, shared between clones.
#[derive(Clone, Debug)]
pub struct SharedLog<T> {
    chunks: Vec<Arc<Vec<T>>>,
    len: usize,
}

impl<T> Default for SharedLog<T> {
    fn default() -> Self {
        SharedLog {
            chunks: Vec::new(),
            len: 0,
        }
    }
}

impl<T: Clone> SharedLog<T> {
    pub fn push(&mut self, item: T) {
        match self.chunks.last_mut() {
            Some(last) if last.len() < CHUNK => Arc::make_mut(last).push(item),
            _ => {
                let mut chunk = Vec::with_capacity(CHUNK);
                chunk.push(item);
                self.chunks.push(Arc::new(chunk));
            }
        }
        self.len += 1;
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn iter(&self) -> impl Iterator<Item = &T> {
        self.chunks.iter().flat_map(|c| c.iter())
    }

    /// The entry at `i` (in constant time), if there is one.
    pub fn get(&self, i: usize) -> Option<&T> {
        self.chunks.get(i / CHUNK)?.get(i % CHUNK)
    }

    /// The newest entry.
    pub fn last(&self) -> Option<&T> {
        self.chunks.last()?.last()
    }

    /// The entries from index `from` on (only the chunks that hold them are visited, so
    /// reading the recent end of a long log costs what the recent end holds).
    pub fn iter_from(&self, from: usize) -> impl Iterator<Item = &T> {
        let first = (from / CHUNK).min(self.chunks.len());
        let skip = if first < self.chunks.len() {
            from % CHUNK
        } else {
            0
        };
        self.chunks[first..]
            .iter()
            .flat_map(|c| c.iter())
            .skip(skip)
    }

    /// The last `n` entries, oldest first.
    pub fn tail(&self, n: usize) -> impl Iterator<Item = &T> {
        self.iter_from(self.len.saturating_sub(n))
    }

    pub fn to_vec(&self) -> Vec<T> {
        self.iter().cloned().collect()
    }

    /// Whether `other` holds its chunks in the same memory (for the test below) (a clone that neither has
    /// appended to since, but for the last chunk).
    #[cfg(test)]
    fn shares_with(&self, other: &SharedLog<T>) -> bool {
        let full = self.chunks.len().saturating_sub(1).min(other.chunks.len());
        (0..full).all(|i| Arc::ptr_eq(&self.chunks[i], &other.chunks[i]))
    }
}

impl<T: Clone> std::ops::Index<usize> for SharedLog<T> {
    type Output = T;
    fn index(&self, i: usize) -> &T {
        self.get(i).expect("an index within the log")
    }
}

impl<T: Clone> FromIterator<T> for SharedLog<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut log = SharedLog::default();
        for item in items {
            log.push(item);
        }
        log
    }
}

impl<T: Clone + PartialEq> PartialEq for SharedLog<T> {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && self.iter().eq(other.iter())
    }
}

impl<T: Clone + Eq> Eq for SharedLog<T> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clones_share_their_chunks_and_appends_stay_private() {
        let mut a = SharedLog::default();
        for i in 0..1_000u32 {
            a.push(i);
        }
        let b = a.clone();
        a.push(1_000);
        assert_eq!(a.len(), 1_001);
        assert_eq!(b.len(), 1_000);
        assert_eq!(b.to_vec(), (0..1_000).collect::<Vec<_>>());
        assert_eq!(a.iter().last(), Some(&1_000));
        assert!(a.shares_with(&b), "the full chunks are the same memory");
    }

    #[test]
    fn indexed_and_tail_reads_agree_with_a_vec() {
        for n in [0usize, 1, 255, 256, 257, 700] {
            let v: Vec<usize> = (0..n).collect();
            let log: SharedLog<usize> = v.iter().copied().collect();
            assert_eq!(log.len(), n);
            assert_eq!(log.last(), v.last());
            for i in [0, 1, 255, 256, 300, n.saturating_sub(1), n, n + 5] {
                assert_eq!(log.get(i), v.get(i), "get({i}) of {n}");
                let from: Vec<usize> = log.iter_from(i).copied().collect();
                assert_eq!(from, v[i.min(n)..].to_vec(), "iter_from({i}) of {n}");
                let tail: Vec<usize> = log.tail(i).copied().collect();
                assert_eq!(tail, v[n.saturating_sub(i)..].to_vec(), "tail({i}) of {n}");
            }
        }
    }
}
