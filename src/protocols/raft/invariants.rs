//! Raft's safety properties (the paper's Figure 3), all five checked after every step.
//!
//! - **Election Safety**: at most one leader can be elected in a given term.
//! - **Leader Append-Only**: a leader never overwrites or deletes entries in its log; it
//!   only appends new entries.
//! - **Log Matching**: if two logs contain an entry with the same index and term, the logs
//!   are identical in all entries up through that index.
//! - **Leader Completeness**: if an entry is committed in a given term, it is present in
//!   the logs of the leaders of all higher terms. "Committed in a term" is the term of the
//!   server that first counted it committed (an old entry committed by a later leader,
//!   Figure 8, is committed in that leader's term).
//! - **State Machine Safety**: no two servers ever commit (apply) different entries at the
//!   same index. Checked as: every server's committed prefix is the one committed sequence,
//!   at every step, so an entry rewritten beneath a commit index is caught even when the
//!   log's length and last term stay the same.
//!
//! The monitor keeps ghost state (the leader seen per term, the committed sequence with
//! the term each entry was committed in, what each leader's log held) and compares logs
//! through their prefix hashes ([`super::log::RaftLog`]), so no step rescans whole logs.

use crate::sim::Detail;
use std::collections::{BTreeMap, BTreeSet};

use super::log::RaftLog;
use super::msg::Entry;
use super::node::{RaftNode, Role};
use crate::sim::{Monitor, NodeId, SimTime, Violation};

/// A violation sentence ([`Detail`]): the values go where `{0}`, `{1}`… stand.
pub const LOGS_DIFFER_BELOW_MATCH: &str =
    "S{0} and S{1} agree on entry {2} (term {3}) but differ at entry {4}";
/// A violation sentence ([`Detail`]): the values go where `{0}`, `{1}`… stand.
pub const TWO_LEADERS: &str = "S{0} and S{1} are both leaders of term {2}";
/// A violation sentence ([`Detail`]): the values go where `{0}`, `{1}`… stand.
pub const COMMIT_PAST_LOG: &str = "S{0} commits index {1} but its log has {2} entries";
/// A violation sentence ([`Detail`]): the values go where `{0}`, `{1}`… stand.
pub const COMMITTED_DIFFER: &str =
    "S{0} has {1} committed at index {2}, another server committed {3}";
/// A violation sentence ([`Detail`]): the values go where `{0}`, `{1}`… stand.
pub const LEADER_REWROTE_LOG: &str =
    "leader S{0} of term {1} changed its log below entry {2} (it held {3} entries, now {4})";
/// A violation sentence ([`Detail`]): the values go where `{0}`, `{1}`… stand.
pub const LEADER_LACKS_COMMITTED: &str =
    "leader S{0} of term {1} lacks entry {2}, committed in term {3}";

pub const ELECTION_SAFETY: &str = "Election Safety";
pub const LEADER_APPEND_ONLY: &str = "Leader Append-Only";
pub const LOG_MATCHING: &str = "Log Matching";
pub const LEADER_COMPLETENESS: &str = "Leader Completeness";
pub const STATE_MACHINE_SAFETY: &str = "State Machine Safety";

/// The live checker of Figure 3.
#[derive(Clone, Debug, Default)]
pub struct RaftMonitor {
    leaders: BTreeMap<u64, NodeId>,
    /// The committed sequence, as the monitor has learned it (with its prefix hashes).
    committed: RaftLog,
    /// The term each committed entry was committed in.
    commit_term: Vec<u64>,
    /// Per server: (log length, hash of the whole log) at the last check.
    seen_log: Vec<(usize, u64)>,
    /// Per server: its commit index at the last check.
    seen_commit: Vec<u64>,
    /// Per server leading now: (term, log length, hash of that prefix) at the last check.
    leading: Vec<Option<(u64, usize, u64)>>,
    reported: BTreeSet<(&'static str, Vec<NodeId>)>,
}

impl RaftMonitor {
    fn report(
        &mut self,
        out: &mut Vec<Violation>,
        rule: &'static str,
        mut nodes: Vec<NodeId>,
        at: SimTime,
        detail: Detail,
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

    /// The term in which committed entry `index` (1-based) was committed.
    pub fn commit_term(&self, index: usize) -> Option<u64> {
        self.commit_term.get(index.checked_sub(1)?).copied()
    }

    fn commit(&mut self, e: Entry, term: u64) {
        self.committed.push(e);
        self.commit_term.push(term);
    }
}

/// The largest index at which both logs hold an entry with the same term (scanning down
/// from the shorter log's end: logs that agree stop at once).
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
            self.leading = vec![None; n];
        }

        // Election Safety, and Leader Completeness for each newly seen leader: it must hold
        // every entry committed in a lower term.
        for (id, node) in nodes.iter().enumerate() {
            if node.role() != Role::Leader || !alive[id] {
                continue;
            }
            let term = node.term();
            match self.leaders.get(&term).copied() {
                Some(other) if other != id => {
                    let detail = Detail::new(
                        TWO_LEADERS,
                        vec![
                            (other + 1).to_string(),
                            (id + 1).to_string(),
                            term.to_string(),
                        ],
                    );
                    self.report(out, ELECTION_SAFETY, vec![other, id], now, detail);
                }
                Some(_) => {}
                None => {
                    // Elections are rare: a walk over the committed entries is fine here.
                    self.leaders.insert(term, id);
                    let missing = (0..self.committed.len()).find(|&k| {
                        self.commit_term[k] < term && node.log().get(k) != Some(&self.committed[k])
                    });
                    if let Some(k) = missing {
                        let detail = Detail::new(
                            LEADER_LACKS_COMMITTED,
                            vec![
                                (id + 1).to_string(),
                                term.to_string(),
                                (k + 1).to_string(),
                                self.commit_term[k].to_string(),
                            ],
                        );
                        self.report(out, LEADER_COMPLETENESS, vec![id], now, detail);
                    }
                }
            }
        }

        // Leader Append-Only: while a server stays leader of one term, what its log held
        // at the last check is still its prefix.
        for (id, node) in nodes.iter().enumerate() {
            let now_leading = (node.role() == Role::Leader && alive[id]).then(|| node.term());
            if let (Some(term), Some((t, len, hash))) = (now_leading, self.leading[id]) {
                let log = &node.hard_state().log;
                if term == t && (log.len() < len || log.prefix_hash(len) != hash) {
                    let detail = Detail::new(
                        LEADER_REWROTE_LOG,
                        vec![
                            (id + 1).to_string(),
                            term.to_string(),
                            (len + 1).to_string(),
                            len.to_string(),
                            log.len().to_string(),
                        ],
                    );
                    self.report(out, LEADER_APPEND_ONLY, vec![id], now, detail);
                }
            }
            self.leading[id] = now_leading.map(|term| {
                let log = &node.hard_state().log;
                (term, log.len(), log.prefix_hash(log.len()))
            });
        }

        // State Machine Safety: each server's committed prefix is the committed sequence.
        // Checked whenever its log or commit index changed (hashes: constant time).
        let mut log_changed = vec![false; n];
        for (id, node) in nodes.iter().enumerate() {
            let log = &node.hard_state().log;
            let key = (log.len(), log.prefix_hash(log.len()));
            log_changed[id] = self.seen_log[id] != key;
            self.seen_log[id] = key;
            let ci = node.commit_index() as usize;
            if !log_changed[id] && self.seen_commit[id] == ci as u64 {
                continue;
            }
            self.seen_commit[id] = ci as u64;
            if ci > log.len() {
                let detail = Detail::new(
                    COMMIT_PAST_LOG,
                    vec![(id + 1).to_string(), ci.to_string(), log.len().to_string()],
                );
                self.report(out, STATE_MACHINE_SAFETY, vec![id], now, detail);
                continue;
            }
            let known = self.committed.len().min(ci);
            if log.prefix_hash(known) != self.committed.prefix_hash(known) {
                let k = (0..known)
                    .find(|&k| log[k] != self.committed[k])
                    .unwrap_or(0);
                let detail = Detail::new(
                    COMMITTED_DIFFER,
                    vec![
                        (id + 1).to_string(),
                        format!("{:?}", log[k]),
                        (k + 1).to_string(),
                        format!("{:?}", self.committed[k]),
                    ],
                );
                self.report(out, STATE_MACHINE_SAFETY, vec![id], now, detail);
                continue;
            }
            // Newly committed entries: committed in this server's current term. Each must
            // be in the log of every leader of a higher term already elected.
            for k in known..ci {
                let e = log[k];
                let term = node.term();
                self.commit(e, term);
                let lacking: Vec<NodeId> = (0..n)
                    .filter(|&l| {
                        alive[l]
                            && nodes[l].role() == Role::Leader
                            && nodes[l].term() > term
                            && nodes[l].log().get(k) != Some(&e)
                    })
                    .collect();
                for l in lacking {
                    let detail = Detail::new(
                        LEADER_LACKS_COMMITTED,
                        vec![
                            (l + 1).to_string(),
                            nodes[l].term().to_string(),
                            (k + 1).to_string(),
                            term.to_string(),
                        ],
                    );
                    self.report(out, LEADER_COMPLETENESS, vec![l], now, detail);
                }
            }
        }

        // Log Matching, for pairs where a log changed since the last check (any change:
        // the whole log's hash is compared, so a same-length rewrite counts).
        for i in 0..n {
            for j in i + 1..n {
                if !(log_changed[i] || log_changed[j]) {
                    continue;
                }
                let (a, b) = (&nodes[i].hard_state().log, &nodes[j].hard_state().log);
                let k = last_common(a, b);
                if k > 0 && a.prefix_hash(k) != b.prefix_hash(k) {
                    let bad = (0..k).find(|&x| a[x] != b[x]).unwrap_or(0);
                    let detail = Detail::new(
                        LOGS_DIFFER_BELOW_MATCH,
                        vec![
                            (i + 1).to_string(),
                            (j + 1).to_string(),
                            k.to_string(),
                            a[k - 1].term.to_string(),
                            (bad + 1).to_string(),
                        ],
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

    use crate::protocols::raft::node::test_support::{force_leader, set_commit, set_log};

    fn rules(out: &[Violation]) -> Vec<&'static str> {
        out.iter().map(|v| v.rule).collect()
    }

    #[test]
    fn a_leader_that_rewrites_or_drops_entries_breaks_leader_append_only() {
        for corrupt in [
            vec![e(1, 1), e(2, 9)],          // same length, entry 2 overwritten
            vec![e(1, 1)],                   // entry 2 deleted
            vec![e(1, 1), e(2, 9), e(2, 3)], // overwritten and appended past it
        ] {
            let mut a =
                RaftNode::with_state(RaftConfig::default(), 2, None, vec![e(1, 1), e(2, 2)]);
            force_leader(&mut a, 2);
            let b = RaftNode::new(RaftConfig::default());
            let mut m = RaftMonitor::default();
            let mut out = vec![];
            m.check(0, &[&a, &b], &[true, true], &mut out);
            // Appending is what a leader does.
            set_log(&mut a, vec![e(1, 1), e(2, 2), e(2, 3)]);
            m.check(1, &[&a, &b], &[true, true], &mut out);
            assert!(out.is_empty(), "{out:?}");
            set_log(&mut a, corrupt.clone());
            m.check(2, &[&a, &b], &[true, true], &mut out);
            assert_eq!(rules(&out), vec![LEADER_APPEND_ONLY], "{corrupt:?}");
        }
        // A follower's log may be cut (Figure 7's repair), and a new term's leader starts
        // from what it has.
        let mut f = RaftNode::with_state(RaftConfig::default(), 2, None, vec![e(1, 1), e(2, 2)]);
        let mut m = RaftMonitor::default();
        let mut out = vec![];
        m.check(0, &[&f], &[true], &mut out);
        set_log(&mut f, vec![e(1, 1)]);
        force_leader(&mut f, 3);
        m.check(1, &[&f], &[true], &mut out);
        assert!(out.is_empty(), "{out:?}");
    }

    #[test]
    fn leader_completeness_keys_on_the_term_an_entry_was_committed_in() {
        // An entry of term 2 committed in term 4 (Figure 8: a later leader commits it).
        let mut a = RaftNode::with_state(RaftConfig::default(), 4, None, vec![e(2, 5)]);
        set_commit(&mut a, 1);
        let mut b = RaftNode::with_state(RaftConfig::default(), 3, None, vec![]);
        let mut m = RaftMonitor::default();
        let mut out = vec![];
        m.check(0, &[&a, &b], &[true, true], &mut out);
        assert_eq!(m.commit_term(1), Some(4));
        // A leader of term 3 need not hold it (keyed on the entry's own term, 2 < 3, the
        // old check complained).
        force_leader(&mut b, 3);
        m.check(1, &[&a, &b], &[true, true], &mut out);
        assert!(out.is_empty(), "{out:?}");
        // A leader of term 5 must.
        force_leader(&mut b, 5);
        m.check(2, &[&a, &b], &[true, true], &mut out);
        assert_eq!(rules(&out), vec![LEADER_COMPLETENESS]);
    }

    #[test]
    fn an_entry_committed_after_a_higher_leader_was_elected_is_checked_against_it() {
        let mut a = RaftNode::with_state(RaftConfig::default(), 4, None, vec![e(4, 1)]);
        let mut b = RaftNode::with_state(RaftConfig::default(), 5, None, vec![]);
        force_leader(&mut b, 5);
        let mut m = RaftMonitor::default();
        let mut out = vec![];
        m.check(0, &[&a, &b], &[true, true], &mut out);
        assert!(out.is_empty());
        set_commit(&mut a, 1);
        m.check(1, &[&a, &b], &[true, true], &mut out);
        assert_eq!(rules(&out), vec![LEADER_COMPLETENESS]);
    }

    #[test]
    fn a_committed_entry_rewritten_at_the_same_length_breaks_state_machine_safety() {
        let mut a = RaftNode::with_state(RaftConfig::default(), 1, None, vec![e(1, 1), e(1, 2)]);
        let b = RaftNode::new(RaftConfig::default());
        set_commit(&mut a, 2);
        let mut m = RaftMonitor::default();
        let mut out = vec![];
        m.check(0, &[&a, &b], &[true, true], &mut out);
        assert!(out.is_empty());
        // Same length, same last term, same commit index: only the command differs.
        set_log(&mut a, vec![e(1, 1), e(1, 9)]);
        m.check(1, &[&a, &b], &[true, true], &mut out);
        assert_eq!(rules(&out), vec![STATE_MACHINE_SAFETY]);
        assert!(
            out[0].detail.english().contains("index 2"),
            "{:?}",
            out[0].detail
        );
    }

    #[test]
    fn a_same_length_rewrite_that_breaks_matching_is_caught() {
        let mut a = RaftNode::with_state(RaftConfig::default(), 2, None, vec![e(1, 1), e(2, 2)]);
        let b = a.clone();
        let mut m = RaftMonitor::default();
        let mut out = vec![];
        m.check(0, &[&a, &b], &[true, true], &mut out);
        assert!(out.is_empty());
        set_log(&mut a, vec![e(1, 7), e(2, 2)]);
        m.check(1, &[&a, &b], &[true, true], &mut out);
        assert_eq!(rules(&out), vec![LOG_MATCHING]);
    }
}
