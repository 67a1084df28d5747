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
#[derive(Clone, Debug, Default)]
pub struct PsMonitor {
    top_epoch: u64,
    lost: BTreeSet<OpId>,
    reported: bool,
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
        for (c, node) in nodes.iter().enumerate() {
            let Some(client) = node.client() else {
                continue;
            };
            for (op, value) in client.acked() {
                if self.lost.contains(&op) || primary.log().iter().any(|e| e.op == op) {
                    continue;
                }
                self.lost.insert(op);
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
