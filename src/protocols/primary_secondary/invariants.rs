//! The page's safety rule: **no acknowledged write is lost** (a client told "ok" can read
//! its write back through any later primary). Synchronous mode, and semi-synchronous mode
//! when the primary and its `k` secondaries make a majority, promise it; asynchronous mode
//! does not, and the page counts what it loses.
//!
//! The monitor keeps (ghost state) the newest epoch any primary has had; against the log
//! of the live primary of that epoch it looks for every write a client heard "ok" for.

use crate::sim::Detail;
use std::collections::BTreeSet;

use super::msg::OpId;
use super::node::PsNode;
use crate::sim::{Monitor, NodeId, SimTime, Violation};

/// A violation sentence ([`Detail`]): the values go where `{0}`, `{1}`… stand.
pub const ACKED_WRITE_LOST: &str =
    "{0} was told its write of {1} succeeded, and {2}, the primary of epoch {3}, does not have it";

pub const NO_LOST_WRITES: &str = "No acknowledged write is lost";

/// The live checker; it also keeps the count of lost writes the page shows in every mode.
/// It reads each client's history as it grows (one operation at a time, so every entry but
/// the last is settled), and a new acknowledgement against the newest end of the primary's
/// log, where it was appended; only a new primary makes it look at every acknowledged
/// write again — so an event costs what it changed, not the run's length.
#[derive(Clone, Debug, Default)]
pub struct PsMonitor {
    top_epoch: u64,
    lost: BTreeSet<OpId>,
    reported: bool,
    /// The primary (node, epoch, log length) the clients' acknowledged writes were last
    /// found in.
    checked_against: Option<(NodeId, u64, usize)>,
    /// Per node: how many entries of its client history have been read.
    read: Vec<usize>,
}

impl PsMonitor {
    /// Acknowledged writes no current primary has: gone for good.
    pub fn lost(&self) -> &BTreeSet<OpId> {
        &self.lost
    }
}

/// The live primary of the newest epoch, if there is one now.
pub fn current_primary(nodes: &[&PsNode], alive: &[bool]) -> Option<NodeId> {
    nodes
        .iter()
        .enumerate()
        .filter(|(i, _)| alive.get(*i).copied().unwrap_or(false))
        .filter_map(|(i, n)| Some((i, n.replica()?)))
        .filter(|(_, r)| r.is_primary())
        .max_by_key(|(_, r)| r.epoch())
        .map(|(i, _)| i)
}

impl Monitor<PsNode> for PsMonitor {
    fn check(&mut self, now: SimTime, nodes: &[&PsNode], alive: &[bool], out: &mut Vec<Violation>) {
        let Some(p) = current_primary(nodes, alive) else {
            return;
        };
        let Some(primary) = nodes[p].replica() else {
            return;
        };
        if primary.epoch() < self.top_epoch {
            // A deposed primary that has not heard of its successor yet.
            return;
        }
        self.top_epoch = primary.epoch();
        let cfg = nodes[p].config().clone();
        let log = primary.log();
        // Within one primary's epoch its log only grows: what was found stays found.
        let same = self
            .checked_against
            .is_some_and(|(q, e, len)| q == p && e == primary.epoch() && len <= log.len());
        self.checked_against = Some((p, primary.epoch(), log.len()));
        self.read.resize(nodes.len(), 0);
        if !same {
            self.read.fill(0);
        }
        // Against a new primary every acknowledged write is looked up: once, in a set.
        let mut whole: Option<BTreeSet<OpId>> = None;
        for (c, node) in nodes.iter().enumerate() {
            let Some(client) = node.client() else {
                continue;
            };
            let history = client.history();
            while let Some(o) = history.get(self.read[c]) {
                if o.respond.is_none() && self.read[c] + 1 == history.len() {
                    break; // still waiting for its answer
                }
                self.read[c] += 1;
                let (Some(value), Some(_)) = (o.write, o.respond) else {
                    continue;
                };
                if self.lost.contains(&o.op) {
                    continue;
                }
                let found = if same {
                    log.iter().rev().any(|e| e.op == o.op)
                } else {
                    whole
                        .get_or_insert_with(|| log.iter().map(|e| e.op).collect())
                        .contains(&o.op)
                };
                if found {
                    continue;
                }
                self.lost.insert(o.op);
                if cfg.promises_durability() && !self.reported {
                    self.reported = true;
                    out.push(Violation {
                        rule: NO_LOST_WRITES,
                        nodes: vec![p, c],
                        at: now,
                        detail: Detail::new(
                            ACKED_WRITE_LOST,
                            vec![
                                cfg.name(c).to_string(),
                                value.to_string(),
                                cfg.name(p).to_string(),
                                primary.epoch().to_string(),
                            ],
                        ),
                    });
                }
            }
        }
    }
}
