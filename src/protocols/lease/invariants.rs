//! The page's rules, judged in true time against the server's value of record:
//!
//! - **no stale lease read** — once a write is applied, no holder answers from its copy
//!   with an older value (a lease holder's view never overlaps a conflicting write). The
//!   server's waiting and the holder's margin promise it while the clocks agree within the
//!   margin; a holder's clock running slower than that, or a pause between checking the
//!   lease and answering, breaks it.
//! - **one primary** (leader mode) — only the replica the server last granted the lease
//!   answers as the primary; another answering means two nodes acted as primary (the
//!   double-master window).
//!
//! Reads a cache fetched from the server are not judged: they began before any write the
//! server applied meanwhile.

use super::node::{LeaseNode, SERVER};
use crate::sim::Detail;
use crate::sim::{Monitor, NodeId, SimTime, Violation};

/// A violation sentence ([`Detail`]): the values go where `{0}`, `{1}`… stand.
pub const TWO_PRIMARIES: &str = "{0} answered as the primary while S had given the lease to {1}";
/// A violation sentence ([`Detail`]): the values go where `{0}`, `{1}`… stand.
pub const STALE_UNDER_LEASE: &str =
    "{0} answered version {1} from its lease after S had applied version {2}";

pub const NO_STALE_READ: &str = "no stale read under a lease";
pub const ONE_PRIMARY: &str = "one primary at a time";

/// A read that broke a rule.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bad {
    pub node: NodeId,
    pub at: SimTime,
    /// The version it answered with, and the server's at that moment.
    pub served: u64,
    pub current: u64,
}

#[derive(Clone, Debug, Default)]
pub struct LeaseMonitor {
    judged: Vec<usize>,
    stale: Vec<Bad>,
    usurpers: Vec<Bad>,
}

impl LeaseMonitor {
    /// Reads answered from a lease with a value older than the server's.
    pub fn stale(&self) -> &[Bad] {
        &self.stale
    }
    /// Answers as the primary by a replica the server no longer regarded as the holder.
    pub fn usurpers(&self) -> &[Bad] {
        &self.usurpers
    }
}

impl Monitor<LeaseNode> for LeaseMonitor {
    fn check(
        &mut self,
        now: SimTime,
        nodes: &[&LeaseNode],
        _alive: &[bool],
        out: &mut Vec<Violation>,
    ) {
        let Some(server) = nodes[SERVER].server() else {
            return;
        };
        let cfg = nodes[SERVER].config();
        self.judged.resize(nodes.len(), 0);
        let current = server.value().version;
        for (id, n) in nodes.iter().enumerate() {
            let Some(h) = n.holder() else { continue };
            // The record keeps the newest reads; called after every event, the monitor
            // reads them as they come.
            self.judged[id] = self.judged[id].max(h.reads().first_recent());
            while let Some(r) = h.reads().get(self.judged[id]) {
                self.judged[id] += 1;
                if !r.local {
                    continue;
                }
                let bad = Bad {
                    node: id,
                    at: now,
                    served: r.value.version,
                    current,
                };
                if r.value.version < current {
                    if self.stale.is_empty() {
                        out.push(Violation {
                            rule: NO_STALE_READ,
                            nodes: vec![id, SERVER],
                            at: now,
                            detail: Detail::new(
                                STALE_UNDER_LEASE,
                                vec![
                                    cfg.name(id).to_string(),
                                    r.value.version.to_string(),
                                    current.to_string(),
                                ],
                            ),
                        });
                    }
                    self.stale.push(bad);
                }
                if r.as_primary && server.latest_grantee() != Some(id) {
                    if self.usurpers.is_empty() {
                        let other = server
                            .latest_grantee()
                            .map_or("another".to_string(), |g| cfg.name(g));
                        out.push(Violation {
                            rule: ONE_PRIMARY,
                            nodes: vec![id, server.latest_grantee().unwrap_or(SERVER)],
                            at: now,
                            detail: Detail::new(
                                TWO_PRIMARIES,
                                vec![cfg.name(id).to_string(), other.to_string()],
                            ),
                        });
                    }
                    self.usurpers.push(bad);
                }
            }
        }
    }
}
