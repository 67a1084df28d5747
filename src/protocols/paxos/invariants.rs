//! Paxos safety (§2.1): only a value that has been proposed may be chosen, **only a single
//! value is chosen**, and a process never learns that a value has been chosen unless it
//! actually has been.
//!
//! The monitor records, for every proposal number, which acceptors have ever accepted it
//! (ghost state); a number accepted by a majority makes its value chosen.

use crate::sim::Detail;
use std::collections::{BTreeMap, BTreeSet};

use super::msg::{value_name, Ballot, Value};
use super::node::{PaxosNode, PaxosRole};
use crate::sim::{Monitor, NodeId, SimTime, Violation};

/// A violation sentence ([`Detail`]): the values go where `{0}`, `{1}`… stand.
pub const TWO_VALUES_CHOSEN: &str =
    "value {0} was chosen with number ({1}, {2}), then value {3} with ({4}, {5})";
/// A violation sentence ([`Detail`]): the values go where `{0}`, `{1}`… stand.
pub const LEARNED_UNCHOSEN: &str = "{0} learned value {1} that no majority accepted";

pub const ONE_VALUE: &str = "Only one value is chosen";
pub const LEARN_ONLY_CHOSEN: &str = "Only a chosen value is learned";

/// The live checker.
#[derive(Clone, Debug, Default)]
pub struct PaxosMonitor {
    accepted_by: BTreeMap<Ballot, (Value, BTreeSet<NodeId>)>,
    chosen: Option<(Ballot, Value)>,
    reported: BTreeSet<&'static str>,
}

impl PaxosMonitor {
    /// The first value the monitor saw chosen.
    pub fn chosen(&self) -> Option<(Ballot, Value)> {
        self.chosen
    }

    fn report(
        &mut self,
        out: &mut Vec<Violation>,
        rule: &'static str,
        nodes: Vec<NodeId>,
        at: SimTime,
        detail: Detail,
    ) {
        if self.reported.insert(rule) {
            out.push(Violation {
                rule,
                nodes,
                at,
                detail,
            });
        }
    }
}

impl Monitor<PaxosNode> for PaxosMonitor {
    fn check(
        &mut self,
        now: SimTime,
        nodes: &[&PaxosNode],
        _alive: &[bool],
        out: &mut Vec<Violation>,
    ) {
        let Some(first) = nodes.first() else { return };
        let cfg = first.config().clone();
        for (id, node) in nodes.iter().enumerate() {
            if let (PaxosRole::Acceptor(_), Some((b, v))) = (node.role(), node.accepted()) {
                self.accepted_by
                    .entry(b)
                    .or_insert((v, BTreeSet::new()))
                    .1
                    .insert(id);
            }
        }
        let majority = cfg.majority();
        let newly: Vec<(Ballot, Value, Vec<NodeId>)> = self
            .accepted_by
            .iter()
            .filter(|(_, (_, who))| who.len() >= majority)
            .map(|(b, (v, who))| (*b, *v, who.iter().copied().collect()))
            .collect();
        for (b, v, who) in newly {
            match self.chosen {
                None => self.chosen = Some((b, v)),
                Some((cb, cv)) if cv != v => {
                    let detail = Detail::new(
                        TWO_VALUES_CHOSEN,
                        vec![
                            value_name(cv).to_string(),
                            cb.round.to_string(),
                            cfg.name(cb.proposer).to_string(),
                            value_name(v).to_string(),
                            b.round.to_string(),
                            cfg.name(b.proposer).to_string(),
                        ],
                    );
                    self.report(out, ONE_VALUE, who, now, detail);
                }
                Some(_) => {}
            }
        }
        for (id, node) in nodes.iter().enumerate() {
            if let Some((_, v)) = node.learned() {
                let ok = self
                    .accepted_by
                    .values()
                    .any(|(cv, who)| *cv == v && who.len() >= majority);
                if !ok {
                    let detail = Detail::new(
                        LEARNED_UNCHOSEN,
                        vec![cfg.name(id).to_string(), value_name(v).to_string()],
                    );
                    self.report(out, LEARN_ONLY_CHOSEN, vec![id], now, detail);
                }
            }
        }
    }
}
