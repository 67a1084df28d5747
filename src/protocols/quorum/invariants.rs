//! The page's rule: **a read returns the newest write acknowledged before it began**
//! (no stale read). W + R > N with a strict quorum promises it — every read quorum meets
//! every write quorum, and the highest version wins — whatever crashes or lost messages
//! happen (an operation that cannot gather its quorum fails instead). W + R ≤ N, or a
//! sloppy quorum's stand-ins, do not; the monitor counts the stale reads in every
//! setting and reports one only where the promise was made.
//!
//! It also counts reads that returned a **failed** write: a write that reached fewer than
//! W replicas yet was seen (the notes' subtle case: failure does not roll it back).

use crate::sim::Detail;
use std::collections::BTreeSet;

use super::client::ClientOp;
use super::msg::{OpId, Version};
use super::node::QNode;
use crate::sim::{Monitor, SimTime, Violation};

/// A violation sentence ([`Detail`]): the values go where `{0}`, `{1}`… stand.
pub const STALE_READ: &str =
    "{0} read {1} ({2}) although {3} was acknowledged before the read began";

pub const NO_STALE_READS: &str = "W + R > N: no stale read";

/// The live checker. It reads the clients' histories as they grow: each write once, as it
/// settles, into what a later read must have seen (the failed writes' values, and the
/// acknowledged writes' versions merged in the order they were acknowledged); then each
/// read once against those — so a read costs a binary search, not the run's history.
#[derive(Clone, Debug, Default)]
pub struct QMonitor {
    /// Per node: operations already judged (reads) ...
    judged: Vec<usize>,
    /// ... and already taken in (writes).
    taken: Vec<usize>,
    /// Values of writes whose clients were told they failed.
    failed: BTreeSet<u64>,
    /// Acknowledged writes: (when acknowledged, every version acknowledged until then,
    /// merged), in that order.
    acked: Vec<(SimTime, Version)>,
    stale: BTreeSet<OpId>,
    failed_seen: BTreeSet<OpId>,
    reported: bool,
}

impl QMonitor {
    /// Reads that returned an older version than a write acknowledged before they began.
    pub fn stale(&self) -> &BTreeSet<OpId> {
        &self.stale
    }
    /// Reads that returned the value of a write its client was told had failed.
    pub fn failed_seen(&self) -> &BTreeSet<OpId> {
        &self.failed_seen
    }
}

/// The versions of writes acknowledged (to any client) before `at`.
pub fn acked_before<'a>(
    all: &'a [&'a [ClientOp]],
    at: SimTime,
) -> impl Iterator<Item = Version> + 'a {
    all.iter()
        .flat_map(|h| h.iter())
        .filter(move |o| o.write.is_some() && !o.failed && o.respond.is_some_and(|r| r <= at))
        .filter_map(|o| o.version)
}

/// The first write acknowledged before `at` that a read returning `got` has not seen
/// (version numbers: a higher one; vector clocks: one `got` does not descend from).
pub fn missed_write(all: &[&[ClientOp]], at: SimTime, got: Version) -> Option<Version> {
    acked_before(all, at).filter(|v| !v.covered_by(&got)).max()
}

impl QMonitor {
    /// Take in the writes that settled since the last look.
    fn take_in_writes(&mut self, nodes: &[&QNode]) {
        self.taken.resize(nodes.len(), 0);
        for (id, node) in nodes.iter().enumerate() {
            let Some(c) = node.client() else { continue };
            let ops = c.history();
            while let Some(o) = ops.get(self.taken[id]).filter(|o| !o.waiting()) {
                self.taken[id] += 1;
                let Some(value) = o.write else { continue };
                if o.failed {
                    self.failed.insert(value);
                } else if let (Some(r), Some(v)) = (o.respond, o.version) {
                    let merged = self.acked.last().map_or(v, |(_, m)| m.merge(&v));
                    self.acked.push((r, merged));
                }
            }
        }
    }

    /// Whether some write acknowledged before `at` is one `got` has not seen: the writes
    /// acknowledged by then, merged, are not covered by it (a version number above it; a
    /// vector-clock counter above its own).
    fn missed_any(&self, at: SimTime, got: &Version) -> bool {
        let k = self.acked.partition_point(|(r, _)| *r <= at);
        k > 0 && !self.acked[k - 1].1.covered_by(got)
    }
}

impl Monitor<QNode> for QMonitor {
    fn check(&mut self, now: SimTime, nodes: &[&QNode], _alive: &[bool], out: &mut Vec<Violation>) {
        self.take_in_writes(nodes);
        self.judged.resize(nodes.len(), 0);
        for (id, node) in nodes.iter().enumerate() {
            let Some(c) = node.client() else { continue };
            let ops = c.history();
            while let Some(o) = ops.get(self.judged[id]).filter(|o| !o.waiting()) {
                self.judged[id] += 1;
                let (Some(got), None, Some(_)) = (o.version, o.write, o.respond) else {
                    continue;
                };
                if o.read
                    .iter()
                    .chain(&o.siblings)
                    .any(|v| self.failed.contains(v))
                {
                    self.failed_seen.insert(o.op);
                }
                if !self.missed_any(o.invoke, &got) {
                    continue;
                }
                self.stale.insert(o.op);
                let cfg = node.config();
                if cfg.promises_fresh_reads() && !self.reported {
                    self.reported = true;
                    // Which write it missed, for the sentence: read once, here.
                    let histories: Vec<&[ClientOp]> = nodes
                        .iter()
                        .filter_map(|n| n.client())
                        .map(|c| c.history())
                        .collect();
                    let newest = missed_write(&histories, o.invoke, got).unwrap_or_default();
                    out.push(Violation {
                        rule: NO_STALE_READS,
                        nodes: vec![id],
                        at: now,
                        detail: Detail::new(
                            STALE_READ,
                            vec![
                                cfg.name(id).to_string(),
                                o.read.unwrap_or_default().to_string(),
                                got.to_string(),
                                newest.to_string(),
                            ],
                        ),
                    });
                }
            }
        }
    }
}
