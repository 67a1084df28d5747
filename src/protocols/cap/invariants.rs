//! The CAP page's rule and figures.
//!
//! **CP never lets both sides accept a write**: a CP server acknowledges a write only
//! once a majority of servers stores it (and two majorities always meet), so at the
//! moment a write is acknowledged a majority holds it or something newer. The "break it"
//! setting lets the minority answer alone, and the monitor catches the first such write.
//!
//! Figures, in every mode: stale reads (a read returning something older than a write
//! acknowledged before it began) and lost writes (acknowledged, then dropped by last
//! writer wins when the copies met).

use crate::sim::Detail;
use std::collections::BTreeSet;

use super::client::ClientOp;
use super::msg::{OpId, Stamp};
use super::node::{CapNode, Mode};
use crate::sim::{Monitor, SimTime, Violation};

/// A violation sentence ([`Detail`]): the values go where `{0}`, `{1}`… stand.
pub const ACKED_ON_MINORITY: &str = "{0} was told its write of {1} succeeded, and only {2} of {3} servers store it: the other side can accept writes too";

pub const CP_MAJORITY: &str = "CP: a write is accepted only with a majority";

#[derive(Clone, Debug, Default)]
pub struct CapMonitor {
    judged: Vec<usize>,
    /// Per server: how many of its overwritten values have been looked up.
    overwritten_seen: Vec<usize>,
    stale: BTreeSet<OpId>,
    lost: BTreeSet<OpId>,
    reported: bool,
}

impl CapMonitor {
    pub fn stale(&self) -> &BTreeSet<OpId> {
        &self.stale
    }
    /// Acknowledged writes that last writer wins dropped everywhere it met them.
    pub fn lost(&self) -> &BTreeSet<OpId> {
        &self.lost
    }
}

fn newest_acked_before(all: &[&[ClientOp]], at: SimTime) -> Stamp {
    all.iter()
        .flat_map(|h| h.iter())
        .filter(|o| o.write.is_some() && o.respond.is_some_and(|r| r <= at))
        .filter_map(|o| o.stamp)
        .max()
        .unwrap_or_default()
}

impl Monitor<CapNode> for CapMonitor {
    fn check(
        &mut self,
        now: SimTime,
        nodes: &[&CapNode],
        _alive: &[bool],
        out: &mut Vec<Violation>,
    ) {
        self.judged.resize(nodes.len(), 0);
        let histories: Vec<&[ClientOp]> = nodes
            .iter()
            .filter_map(|n| n.client())
            .map(|c| c.history())
            .collect();
        let servers: Vec<_> = nodes.iter().filter_map(|n| n.server()).collect();
        // Lost writes: only values newly dropped by last writer wins are looked up among
        // every acknowledged write; a write acknowledged later is looked up below.
        self.overwritten_seen.resize(servers.len(), 0);
        let mut dropped: Vec<u64> = Vec::new();
        for (k, s) in servers.iter().enumerate() {
            dropped.extend_from_slice(
                s.overwritten()
                    .get(self.overwritten_seen[k]..)
                    .unwrap_or_default(),
            );
            self.overwritten_seen[k] = s.overwritten().len();
        }
        if !dropped.is_empty() {
            for o in histories.iter().flat_map(|h| h.iter()) {
                if o.respond.is_some() && o.write.is_some_and(|v| dropped.contains(&v)) {
                    self.lost.insert(o.op);
                }
            }
        }
        for (id, node) in nodes.iter().enumerate() {
            let Some(c) = node.client() else { continue };
            let cfg = node.config();
            let ops = c.history();
            while let Some(o) = ops.get(self.judged[id]).filter(|o| !o.waiting()) {
                self.judged[id] += 1;
                let (Some(stamp), Some(_)) = (o.stamp, o.respond) else {
                    continue;
                };
                if o.write
                    .is_some_and(|v| servers.iter().any(|s| s.overwritten().contains(&v)))
                {
                    self.lost.insert(o.op);
                }
                match o.write {
                    None => {
                        if stamp < newest_acked_before(&histories, o.invoke) {
                            self.stale.insert(o.op);
                        }
                    }
                    Some(v) if cfg.mode == Mode::Cp && !self.reported => {
                        let holders = servers.iter().filter(|s| s.newest().stamp >= stamp).count();
                        if holders < cfg.majority() {
                            self.reported = true;
                            out.push(Violation {
                                rule: CP_MAJORITY,
                                nodes: vec![id, c.home],
                                at: now,
                                detail: Detail::new(
                                    ACKED_ON_MINORITY,
                                    vec![
                                        cfg.name(id).to_string(),
                                        v.to_string(),
                                        holders.to_string(),
                                        cfg.servers.to_string(),
                                    ],
                                ),
                            });
                        }
                    }
                    Some(_) => {}
                }
            }
        }
    }
}
