//! What two- and three-phase commit share: a transaction's outcome at each participant,
//! and the atomicity rule checked over them ("all participants reach the same decision";
//! Bernstein, Hadzilacos & Goodman, *Concurrency Control and Recovery*, ch. 7, AC1).

use crate::sim::Detail;
use std::collections::BTreeSet;

use crate::sim::{Monitor, NodeId, Protocol, SimTime, Violation};

/// A violation sentence ([`Detail`]): the values go where `{0}`, `{1}`… stand.
pub const SPLIT_DECISION: &str = "{0} committed while {1} aborted";

/// A participant's final word on the transaction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Outcome {
    Commit,
    Abort,
}

/// A node of an atomic-commit protocol, as the atomicity monitor sees it.
pub trait CommitNode {
    /// Participants only: the outcome this node reached, if any.
    fn outcome(&self) -> Option<Outcome>;
    /// `C`, `P1`, `P2`, ...
    fn display_name(&self, id: NodeId) -> String;
}

pub const ATOMICITY: &str = "Atomicity";

/// Fires when one participant commits and another aborts (ever, not only at once).
#[derive(Clone, Debug, Default)]
pub struct AtomicityMonitor {
    committed: BTreeSet<NodeId>,
    aborted: BTreeSet<NodeId>,
    reported: bool,
}

impl<P: Protocol + CommitNode> Monitor<P> for AtomicityMonitor {
    fn check(&mut self, now: SimTime, nodes: &[&P], _alive: &[bool], out: &mut Vec<Violation>) {
        for (id, n) in nodes.iter().enumerate() {
            match n.outcome() {
                Some(Outcome::Commit) => self.committed.insert(id),
                Some(Outcome::Abort) => self.aborted.insert(id),
                None => false,
            };
        }
        if !self.reported && !self.committed.is_empty() && !self.aborted.is_empty() {
            self.reported = true;
            let name = |ids: &BTreeSet<NodeId>| {
                ids.iter()
                    .map(|&i| nodes[i].display_name(i))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let detail = Detail::new(
                SPLIT_DECISION,
                vec![
                    name(&self.committed).to_string(),
                    name(&self.aborted).to_string(),
                ],
            );
            let involved = self
                .committed
                .iter()
                .chain(&self.aborted)
                .copied()
                .collect();
            out.push(Violation {
                rule: ATOMICITY,
                nodes: involved,
                at: now,
                detail,
            });
        }
    }
}
