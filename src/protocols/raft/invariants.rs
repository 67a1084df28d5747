//! Raft's safety properties (the paper's Figure 3), checked after every step.
//!
//! - **Election Safety**: at most one leader can be elected in a given term.
//! - **Log Matching**: if two logs contain an entry with the same index and term, the logs
//!   are identical in all entries up through that index.
//! - **Leader Completeness**: if an entry is committed in a term, it is present in the logs
//!   of the leaders of all higher terms.
//! - **State Machine Safety**: no two servers ever commit (apply) different entries at the
//!   same index.
//!
//! The monitor keeps ghost state (the leader seen per term, the committed prefix) so it
//! can judge history, not just the present.

use std::collections::{BTreeMap, BTreeSet};

use super::msg::Entry;
use super::node::{RaftNode, Role};
use crate::sim::{Monitor, NodeId, SimTime, Violation};

pub const ELECTION_SAFETY: &str = "Election Safety";
pub const LOG_MATCHING: &str = "Log Matching";
pub const LEADER_COMPLETENESS: &str = "Leader Completeness";
pub const STATE_MACHINE_SAFETY: &str = "State Machine Safety";

/// The live checker of Figure 3.
#[derive(Clone, Debug, Default)]
pub struct RaftMonitor {
    leaders: BTreeMap<u64, NodeId>,
    committed: Vec<Entry>,
    seen_commit: Vec<u64>,
    seen_log: Vec<(usize, u64)>,
    reported: BTreeSet<(&'static str, Vec<NodeId>)>,
}

impl RaftMonitor {
    fn report(
        &mut self,
        out: &mut Vec<Violation>,
        rule: &'static str,
        mut nodes: Vec<NodeId>,
        at: SimTime,
        detail: String,
    ) {
        nodes.sort_unstable();
        nodes.dedup();
        if self.reported.insert((rule, nodes.clone())) {
            out.push(Violation {
                rule,
                nodes,
                at,
                detail,
            });
        }
    }

    /// The entries committed so far, as the monitor has learned them.
    pub fn committed(&self) -> &[Entry] {
        &self.committed
    }
}

/// The largest index at which both logs hold an entry with the same term.
fn last_common(a: &[Entry], b: &[Entry]) -> usize {
    (1..=a.len().min(b.len()))
        .rev()
        .find(|&k| a[k - 1].term == b[k - 1].term)
        .unwrap_or(0)
}

impl Monitor<RaftNode> for RaftMonitor {
    fn check(
        &mut self,
        now: SimTime,
        nodes: &[&RaftNode],
        alive: &[bool],
        out: &mut Vec<Violation>,
    ) {
        let n = nodes.len();
        if self.seen_commit.len() != n {
            self.seen_commit = vec![0; n];
            self.seen_log = vec![(usize::MAX, 0); n];
        }

        // Election Safety, and Leader Completeness for each newly seen leader.
        for (id, node) in nodes.iter().enumerate() {
            if node.role() != Role::Leader || !alive[id] {
                continue;
            }
            let term = node.term();
            match self.leaders.get(&term).copied() {
                Some(other) if other != id => {
                    let detail = format!(
                        "S{} and S{} are both leaders of term {}",
                        other + 1,
                        id + 1,
                        term
                    );
                    self.report(out, ELECTION_SAFETY, vec![other, id], now, detail);
                }
                Some(_) => {}
                None => {
                    self.leaders.insert(term, id);
                    let missing = self
                        .committed
                        .iter()
                        .enumerate()
                        .find(|(k, e)| e.term < term && node.log().get(*k) != Some(e));
                    if let Some((k, _)) = missing {
                        let detail = format!(
                            "leader S{} of term {} lacks committed entry {}",
                            id + 1,
                            term,
                            k + 1
                        );
                        self.report(out, LEADER_COMPLETENESS, vec![id], now, detail);
                    }
                }
            }
        }

        // State Machine Safety: every newly committed index must hold the same entry.
        for (id, node) in nodes.iter().enumerate() {
            let ci = node.commit_index() as usize;
            if ci > node.log().len() {
                let detail = format!(
                    "S{} commits index {} but its log has {} entries",
                    id + 1,
                    ci,
                    node.log().len()
                );
                self.report(out, STATE_MACHINE_SAFETY, vec![id], now, detail);
                continue;
            }
            let from = self.seen_commit[id] as usize;
            for k in from + 1..=ci {
                let e = node.log()[k - 1];
                match self.committed.get(k - 1) {
                    Some(c) if *c != e => {
                        let detail = format!(
                            "S{} committed {:?} at index {}, another server committed {:?}",
                            id + 1,
                            e,
                            k,
                            c
                        );
                        self.report(out, STATE_MACHINE_SAFETY, vec![id], now, detail);
                    }
                    Some(_) => {}
                    None => self.committed.push(e),
                }
            }
            self.seen_commit[id] = ci as u64;
        }

        // Log Matching, for pairs where a log changed since the last check.
        let changed: Vec<bool> = nodes
            .iter()
            .enumerate()
            .map(|(id, node)| {
                let key = (node.log().len(), node.last_log_term());
                let c = self.seen_log[id] != key;
                self.seen_log[id] = key;
                c
            })
            .collect();
        for i in 0..n {
            for j in i + 1..n {
                if !(changed[i] || changed[j]) {
                    continue;
                }
                let (a, b) = (nodes[i].log(), nodes[j].log());
                let k = last_common(a, b);
                if let Some(bad) = (0..k).find(|&x| a[x] != b[x]) {
                    let detail = format!(
                        "S{} and S{} agree on entry {} (term {}) but differ at entry {}",
                        i + 1,
                        j + 1,
                        k,
                        a[k - 1].term,
                        bad + 1
                    );
                    self.report(out, LOG_MATCHING, vec![i, j], now, detail);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocols::raft::RaftConfig;

    fn e(term: u64, cmd: u64) -> Entry {
        Entry { term, cmd }
    }

    #[test]
    fn two_leaders_in_one_term_break_election_safety() {
        let mut a = RaftNode::with_state(RaftConfig::default(), 3, Some(0), vec![]);
        let mut b = a.clone();
        crate::protocols::raft::node::test_support::force_leader(&mut a, 5);
        crate::protocols::raft::node::test_support::force_leader(&mut b, 5);
        let c = RaftNode::new(RaftConfig::default());
        let mut m = RaftMonitor::default();
        let mut out = vec![];
        m.check(7, &[&a, &b, &c], &[true, true, true], &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].rule, ELECTION_SAFETY);
        assert_eq!(out[0].nodes, vec![0, 1]);
        // Reported once, not on every step.
        m.check(8, &[&a, &b, &c], &[true, true, true], &mut out);
        assert_eq!(out.len(), 1);
    }

    #[test]
    fn logs_that_agree_on_a_later_entry_but_differ_earlier_break_log_matching() {
        let a = RaftNode::with_state(RaftConfig::default(), 2, None, vec![e(1, 10), e(2, 20)]);
        let b = RaftNode::with_state(RaftConfig::default(), 2, None, vec![e(1, 99), e(2, 20)]);
        let mut out = vec![];
        RaftMonitor::default().check(0, &[&a, &b], &[true, true], &mut out);
        assert_eq!(
            out.iter().map(|v| v.rule).collect::<Vec<_>>(),
            vec![LOG_MATCHING]
        );
    }

    #[test]
    fn divergent_uncommitted_suffixes_are_allowed() {
        // Figure 7-style divergence: same prefix, different terms afterwards.
        let a = RaftNode::with_state(RaftConfig::default(), 3, None, vec![e(1, 1), e(2, 2)]);
        let b = RaftNode::with_state(
            RaftConfig::default(),
            3,
            None,
            vec![e(1, 1), e(3, 7), e(3, 8)],
        );
        let mut out = vec![];
        RaftMonitor::default().check(0, &[&a, &b], &[true, true], &mut out);
        assert!(out.is_empty(), "{out:?}");
    }

    #[test]
    fn different_entries_committed_at_one_index_break_state_machine_safety() {
        let mut a = RaftNode::with_state(RaftConfig::default(), 2, None, vec![e(1, 1)]);
        let mut b = RaftNode::with_state(RaftConfig::default(), 2, None, vec![e(2, 5)]);
        crate::protocols::raft::node::test_support::set_commit(&mut a, 1);
        crate::protocols::raft::node::test_support::set_commit(&mut b, 1);
        let mut out = vec![];
        RaftMonitor::default().check(0, &[&a, &b], &[true, true], &mut out);
        assert!(
            out.iter().any(|v| v.rule == STATE_MACHINE_SAFETY),
            "{out:?}"
        );
    }

    #[test]
    fn a_leader_missing_a_committed_entry_breaks_leader_completeness() {
        let mut a = RaftNode::with_state(RaftConfig::default(), 1, None, vec![e(1, 1)]);
        crate::protocols::raft::node::test_support::set_commit(&mut a, 1);
        let mut b = RaftNode::with_state(RaftConfig::default(), 2, None, vec![]);
        let mut m = RaftMonitor::default();
        let mut out = vec![];
        m.check(0, &[&a, &b], &[true, true], &mut out);
        assert!(out.is_empty());
        crate::protocols::raft::node::test_support::force_leader(&mut b, 2);
        m.check(1, &[&a, &b], &[true, true], &mut out);
        assert_eq!(
            out.iter().map(|v| v.rule).collect::<Vec<_>>(),
            vec![LEADER_COMPLETENESS]
        );
    }
}
