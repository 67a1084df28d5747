//! The bloom filter as a run on the engine: one node holds the filter, and every insert,
//! query, batch of random words, measurement and cache-penetration run is a command, so
//! it enters the action log, travels in shared links and is undone by rewind.

use super::{cache_penetration, BloomFilter, Penetration, QueryOutcome};
use crate::sim::{Ctx, NoMonitor, NodeId, Protocol};

/// How many random words one "insert 20 random words" adds.
pub const RANDOM_BATCH: u64 = 20;
/// How many absent words a measurement queries.
pub const MEASURE_QUERIES: usize = 1_000;
/// The longest word kept (longer input is cut to this many characters).
pub const MAX_WORD: usize = 40;

/// What a user does to the filter.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum BloomCmd {
    Insert(String),
    Query(String),
    /// Insert the next [`RANDOM_BATCH`] words `word-0`, `word-1`, ...
    InsertRandom,
    /// Query [`MEASURE_QUERIES`] words never inserted and count the false positives.
    Measure,
    /// Send requests for absent keys, with and without the filter in front of the database.
    Penetrate,
}

/// The last insert or query, with the bits it touched.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct LastOp {
    pub word: String,
    pub positions: Vec<usize>,
    /// `None` for an insert.
    pub outcome: Option<QueryOutcome>,
}

/// Narration.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum BloomNote {
    Inserted {
        n: usize,
    },
    Queried {
        outcome: QueryOutcome,
    },
    Measured {
        false_positives: usize,
        queries: usize,
    },
    Penetrated {
        without: usize,
        with: usize,
    },
}

/// The node that holds the filter.
#[derive(Clone, Debug)]
pub struct BloomNode {
    filter: BloomFilter,
    next_random: u64,
    last: Option<LastOp>,
    measured: Option<(usize, usize)>,
    penetration: Option<Penetration>,
    /// Bumped by every command: equal versions, equal state (a view can cache on it).
    version: u64,
}

impl BloomNode {
    pub fn new(m: usize, k: usize) -> BloomNode {
        BloomNode {
            filter: BloomFilter::new(m, k),
            next_random: 0,
            last: None,
            measured: None,
            penetration: None,
            version: 0,
        }
    }
    /// How many commands this filter has taken.
    pub fn version(&self) -> u64 {
        self.version
    }
    pub fn filter(&self) -> &BloomFilter {
        &self.filter
    }
    pub fn last(&self) -> Option<&LastOp> {
        self.last.as_ref()
    }
    /// False positives among the measured queries, since the last insert.
    pub fn measured(&self) -> Option<(usize, usize)> {
        self.measured
    }
    pub fn penetration(&self) -> Option<Penetration> {
        self.penetration
    }
}

/// A word as kept: trimmed, at most [`MAX_WORD`] characters.
pub fn clean_word(w: &str) -> String {
    w.trim().chars().take(MAX_WORD).collect()
}

impl Protocol for BloomNode {
    type Msg = ();
    type Timer = ();
    type Cmd = BloomCmd;
    type Note = BloomNote;
    type Monitor = NoMonitor;

    fn on_start(&mut self, _: &mut Ctx<Self>) {}
    fn on_msg(&mut self, _: NodeId, _: (), _: &mut Ctx<Self>) {}
    fn on_timer(&mut self, _: (), _: &mut Ctx<Self>) {}

    fn on_cmd(&mut self, cmd: BloomCmd, cx: &mut Ctx<Self>) {
        self.version += 1;
        match cmd {
            BloomCmd::Insert(w) => {
                let w = clean_word(&w);
                if w.is_empty() {
                    return;
                }
                self.filter.insert(&w);
                self.last = Some(LastOp {
                    positions: self.filter.positions(&w),
                    word: w,
                    outcome: None,
                });
                // Earlier measurements describe a filter that no longer exists.
                self.measured = None;
                self.penetration = None;
                cx.note(BloomNote::Inserted { n: self.filter.n() });
            }
            BloomCmd::Query(w) => {
                let w = clean_word(&w);
                if w.is_empty() {
                    return;
                }
                let outcome = self.filter.query(&w);
                self.last = Some(LastOp {
                    positions: self.filter.positions(&w),
                    word: w,
                    outcome: Some(outcome),
                });
                cx.note(BloomNote::Queried { outcome });
            }
            BloomCmd::InsertRandom => {
                for _ in 0..RANDOM_BATCH {
                    let w = format!("word-{}", self.next_random);
                    self.next_random += 1;
                    self.filter.insert(&w);
                }
                self.measured = None;
                self.penetration = None;
                cx.note(BloomNote::Inserted { n: self.filter.n() });
            }
            BloomCmd::Measure => {
                let fp = (0..MEASURE_QUERIES)
                    .filter(|i| {
                        self.filter.query(&format!("absent-{i}")) == QueryOutcome::FalsePositive
                    })
                    .count();
                self.measured = Some((fp, MEASURE_QUERIES));
                cx.note(BloomNote::Measured {
                    false_positives: fp,
                    queries: MEASURE_QUERIES,
                });
            }
            BloomCmd::Penetrate => {
                let p = cache_penetration(&self.filter, 1_000);
                self.penetration = Some(p);
                cx.note(BloomNote::Penetrated {
                    without: p.db_hits_without_filter,
                    with: p.db_hits_with_filter,
                });
            }
        }
    }

    fn offered_commands(&self, serial: u64) -> Vec<BloomCmd> {
        vec![
            BloomCmd::Insert(format!("w{serial}")),
            BloomCmd::Query(format!("w{}", serial / 2)),
            BloomCmd::InsertRandom,
            BloomCmd::Measure,
            BloomCmd::Penetrate,
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{Action, World, WorldConfig};

    #[test]
    fn inserts_queries_and_measurements_are_commands_of_the_run() {
        let mut w = World::new(WorldConfig::default(), vec![BloomNode::new(64, 2)]);
        w.apply(Action::Command(0, BloomCmd::Insert("  alice ".into())));
        assert_eq!(w.node(0).filter().n(), 1);
        assert_eq!(w.node(0).last().unwrap().word, "alice");
        w.apply(Action::Command(0, BloomCmd::Query("alice".into())));
        assert_eq!(
            w.node(0).last().unwrap().outcome,
            Some(QueryOutcome::TrueHit)
        );
        w.apply(Action::Command(0, BloomCmd::Measure));
        assert!(w.node(0).measured().is_some());
        // An insert makes the old measurement stale.
        w.apply(Action::Command(0, BloomCmd::InsertRandom));
        assert_eq!(w.node(0).filter().n(), 21);
        assert_eq!(w.node(0).measured(), None);
        w.apply(Action::Command(0, BloomCmd::Penetrate));
        let p = w.node(0).penetration().unwrap();
        assert_eq!(p.db_hits_without_filter, p.requests);
        assert!(p.db_hits_with_filter < p.requests);
        // Empty and over-long words.
        w.apply(Action::Command(0, BloomCmd::Insert("   ".into())));
        assert_eq!(w.node(0).filter().n(), 21);
        w.apply(Action::Command(0, BloomCmd::Insert("x".repeat(100))));
        assert_eq!(w.node(0).last().unwrap().word.len(), MAX_WORD);
    }
}
