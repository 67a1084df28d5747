//! The page's two rules, judged by an observer who sees true time:
//!
//! - **Mutual exclusion** (Redlock's safety property, "at any given moment, only one client
//!   can hold a lock"): no two clients hold the lock, each within the validity it computed,
//!   at the same moment. A clock jump on one Redlock instance breaks it.
//! - **No lost update**: every increment the storage acknowledged is in the counter. A
//!   paused holder writing after its lock ran out breaks it, unless a fencing token stops
//!   the write.

use super::client::Outcome;
use super::node::RedlockNode;
use crate::sim::Detail;
use crate::sim::{Monitor, NodeId, SimTime, Violation};

/// A violation sentence ([`Detail`]): the values go where `{0}`, `{1}`… stand.
pub const INCREMENTS_LOST: &str = "{0} increments acknowledged, the counter says {1}";
/// A violation sentence ([`Detail`]): the values go where `{0}`, `{1}`… stand.
pub const BOTH_HOLD: &str = "{0} hold the lock at once";

pub const MUTUAL_EXCLUSION: &str = "two clients never hold the lock within its validity at once";
pub const NO_LOST_UPDATE: &str = "an acknowledged increment is never lost";

#[derive(Clone, Debug, Default)]
pub struct RedlockMonitor {
    exclusion_reported: bool,
    lost_reported: bool,
}

/// The clients holding the lock within their validity at `now` (true time).
pub fn valid_holders(nodes: &[&RedlockNode], alive: &[bool], now: SimTime) -> Vec<NodeId> {
    nodes
        .iter()
        .enumerate()
        .filter(|(id, n)| {
            alive.get(*id).copied().unwrap_or(true) && n.client().is_some_and(|c| c.holds())
        })
        .filter(|(_, n)| {
            n.client()
                .and_then(|c| c.jobs().last())
                .and_then(|j| j.valid_until)
                .is_some_and(|u| now < u)
        })
        .map(|(id, _)| id)
        .collect()
}

/// Pairs of jobs whose validity windows overlapped: (client, client, from, to), true time.
pub fn overlapping_validity(nodes: &[&RedlockNode]) -> Vec<(NodeId, NodeId, SimTime, SimTime)> {
    let windows: Vec<(NodeId, SimTime, SimTime)> = nodes
        .iter()
        .enumerate()
        .filter_map(|(id, n)| Some((id, n.client()?)))
        .flat_map(|(id, c)| {
            c.jobs().iter().filter_map(move |j| {
                let (a, b) = (j.granted?, j.valid_until?);
                // A window ends at its validity's end or the job's end, whichever is first.
                Some((id, a, j.end.map_or(b, |e| e.min(b))))
            })
        })
        .collect();
    crate::protocols::lock::invariants::overlapping(&windows)
}

/// Increments the clients were told succeeded, and how many the counter lacks.
pub fn lost_updates(nodes: &[&RedlockNode]) -> (u64, u64) {
    let acked = nodes
        .iter()
        .filter_map(|n| n.client())
        .flat_map(|c| c.jobs())
        .filter(|j| j.outcome == Outcome::Written)
        .count() as u64;
    let value = nodes
        .iter()
        .find_map(|n| n.storage())
        .map_or(0, |s| s.value());
    (acked, acked.saturating_sub(value))
}

impl Monitor<RedlockNode> for RedlockMonitor {
    fn check(
        &mut self,
        now: SimTime,
        nodes: &[&RedlockNode],
        alive: &[bool],
        out: &mut Vec<Violation>,
    ) {
        let Some(cfg) = nodes.first().map(|n| n.config()) else {
            return;
        };
        if !self.exclusion_reported {
            let holders = valid_holders(nodes, alive, now);
            if holders.len() > 1 {
                self.exclusion_reported = true;
                out.push(Violation {
                    rule: MUTUAL_EXCLUSION,
                    nodes: holders.clone(),
                    at: now,
                    detail: Detail::new(
                        BOTH_HOLD,
                        vec![holders
                            .iter()
                            .map(|&h| cfg.name(h))
                            .collect::<Vec<_>>()
                            .join(", ")],
                    ),
                });
            }
        }
        if !self.lost_reported {
            let (acked, lost) = lost_updates(nodes);
            if lost > 0 {
                self.lost_reported = true;
                out.push(Violation {
                    rule: NO_LOST_UPDATE,
                    nodes: vec![cfg.storage()],
                    at: now,
                    detail: Detail::new(
                        INCREMENTS_LOST,
                        vec![acked.to_string(), (acked - lost).to_string()],
                    ),
                });
            }
        }
    }
}
