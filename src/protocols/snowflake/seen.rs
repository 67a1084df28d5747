//! What the app and the monitor remember of the IDs issued, to tell a duplicate: the last
//! [`REMEMBERED`] to [`REMEMBERED`] × 2 IDs, held as two generations that rotate — at the
//! page's default pace (60 IDs a second) a quarter of an hour or more, at its fastest
//! (8,000 a second) several seconds; so a run of hours holds what its first minutes held,
//! in each of the world's checkpoints alike. A clock stepped back further than that
//! re-issues IDs this no longer recalls; the generator still marks them (it knows the
//! highest millisecond it used) and the monitor still reports them, as a generator's IDs
//! going back.

use super::msg::Id;
use crate::sim::{NodeId, SharedMap};

/// How many of the latest IDs the record reaches back, at least.
pub const REMEMBERED: usize = 1 << 15;

/// IDs recently issued, with who issued each first.
#[derive(Clone, Debug, Default)]
pub struct SeenIds {
    newer: SharedMap<u64, NodeId>,
    older: SharedMap<u64, NodeId>,
}

impl SeenIds {
    /// Record `id` as issued by `who`, unless it is recalled: then the node that issued
    /// it first.
    pub fn insert_first(&mut self, id: Id, who: NodeId) -> Option<NodeId> {
        let key = id.value();
        if let Some(first) = self.older.get(&key).or_else(|| self.newer.get(&key)) {
            return Some(first);
        }
        if self.newer.len() >= REMEMBERED {
            self.older = std::mem::take(&mut self.newer);
        }
        self.newer.insert_first(key, who)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(ms: u64, seq: u64) -> Id {
        Id { ms, worker: 1, seq }
    }

    #[test]
    fn recalls_the_latest_ids_and_forgets_the_oldest() {
        let mut seen = SeenIds::default();
        let n = 3 * REMEMBERED as u64;
        for ms in 0..n {
            assert_eq!(seen.insert_first(id(ms, 0), 1), None);
        }
        assert_eq!(seen.insert_first(id(n - 1, 0), 2), Some(1));
        let recent = n - REMEMBERED as u64;
        assert_eq!(
            seen.insert_first(id(recent, 0), 2),
            Some(1),
            "among the latest"
        );
        assert_eq!(seen.insert_first(id(10, 0), 2), None, "long ago: forgotten");
        assert_eq!(
            seen.insert_first(id(10, 0), 3),
            Some(2),
            "and recorded afresh"
        );
    }
}
