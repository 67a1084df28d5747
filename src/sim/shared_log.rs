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
}
