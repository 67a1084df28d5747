//! Prepared Raft scenarios: each a script of faults and commands on a fixed-latency network
//! (every message takes 20 ms), so the lesson happens on every seed; only the randomized
//! election timeouts still vary, as in the paper.

use super::msg::RaftCmd;
use crate::sim::{Action, NodeId, SimTime, MS};

/// A prepared Raft scenario (five servers).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RaftPreset {
    /// Four followers time out at the same moment (§5.2, "split votes"): each votes for
    /// itself, the fifth votes for the first request it gets, nobody reaches three votes,
    /// and the randomized timeouts settle the next term.
    SplitVote,
    /// The leader S1 ends up in the minority of a partition: it stays leader of term 1 but
    /// cannot commit; the majority elects a leader in term 2 and commits; when the
    /// partition heals, S1 sees term 2, steps down, and its uncommitted entry is replaced
    /// (§5.3, §5.4: only a majority commits; a stale leader is harmless).
    PartitionedLeader,
    /// Figure 7's kinds of follower logs, made by faults: S5 misses entries while down, S1
    /// and S2 gain extra uncommitted entries in a minority; the leader of term 2 repairs
    /// both by backing nextIndex off until the logs match (§5.3).
    LogRepair,
    /// Figure 8: an entry from an older term stored on a majority is not yet committed; a
    /// leader may commit only entries of its own term by counting replicas (§5.4.2).
    CommitRule,
}

/// Every preset's cluster size: the scripts name S1..S5.
pub const SERVERS: usize = 5;

/// The fixed one-way latency of every preset (ms).
pub const LATENCY_MS: u64 = 20;

impl RaftPreset {
    pub const ALL: [RaftPreset; 4] = [
        RaftPreset::SplitVote,
        RaftPreset::PartitionedLeader,
        RaftPreset::LogRepair,
        RaftPreset::CommitRule,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            RaftPreset::SplitVote => "split-vote",
            RaftPreset::PartitionedLeader => "partitioned-leader",
            RaftPreset::LogRepair => "log-repair",
            RaftPreset::CommitRule => "commit-rule",
        }
    }

    /// Election timeout range (ms) the preset runs with.
    pub fn election_ms(self) -> (u64, u64) {
        match self {
            RaftPreset::CommitRule => (400, 800),
            _ => (150, 300),
        }
    }

    /// The script, in virtual time. Servers are S1..S5 = 0..4.
    pub fn script(self) -> Vec<(SimTime, Action<RaftCmd>)> {
        match self {
            RaftPreset::SplitVote => (0..4).map(|n| timeout(100, n)).collect(),
            RaftPreset::PartitionedLeader => vec![
                // S1 times out first and wins term 1 (the others' timers run to ≥ 150 ms).
                timeout(10, 0),
                request(300, 0, 1),
                at(500, Action::Partition(vec![vec![0, 1], vec![2, 3, 4]])),
                // S3 times out first on the majority side (the others' timers run to
                // ≥ 650 ms) and wins term 2.
                timeout(560, 2),
                // S1 still believes it leads: it appends, but only S2 answers.
                request(700, 0, 2),
                request(1_200, 2, 3),
                at(1_600, Action::HealAll),
            ],
            RaftPreset::LogRepair => vec![
                timeout(10, 0),
                request(200, 0, 1),
                request(230, 0, 2),
                at(400, Action::Crash(4)),
                request(450, 0, 3),
                request(480, 0, 4),
                at(700, Action::Partition(vec![vec![0, 1], vec![2, 3, 4]])),
                at(705, Action::Restart(4)),
                // S3 times out first on the majority side (S4's timer runs to ≥ 820 ms)
                // and wins term 2 with S4 and S5.
                timeout(720, 2),
                request(750, 0, 5),
                request(780, 0, 6),
                request(1_300, 2, 7),
                request(1_330, 2, 8),
                at(1_700, Action::HealAll),
            ],
            RaftPreset::CommitRule => commit_rule(),
        }
    }
}

/// A script line: `a` at `ms`.
fn at(ms: u64, a: Action<RaftCmd>) -> (SimTime, Action<RaftCmd>) {
    (ms * MS, a)
}

/// Server `n`'s election timer runs out at `ms`.
fn timeout(ms: u64, n: NodeId) -> (SimTime, Action<RaftCmd>) {
    at(ms, Action::Command(n, RaftCmd::ForceTimeout))
}

/// A client sends `cmd` to server `n` at `ms`.
fn request(ms: u64, n: NodeId, cmd: u64) -> (SimTime, Action<RaftCmd>) {
    at(ms, Action::Command(n, RaftCmd::ClientRequest(cmd)))
}

/// Figure 8, step by step (S1..S5 = 0..4), with election timeouts of 400–800 ms so only
/// the script starts elections.
fn commit_rule() -> Vec<(SimTime, Action<RaftCmd>)> {
    vec![
        // (a) S1 leads term 1 and stores entry 1 on S1 and S2 only.
        timeout(10, 0),
        at(60, Action::Partition(vec![vec![0, 1], vec![2, 3, 4]])),
        request(80, 0, 1),
        // (b) S1 crashes; S5 wins term 2 with S3 and S4, takes entry 1 of term 2 alone.
        at(150, Action::Crash(0)),
        timeout(160, 4),
        at(210, Action::Partition(vec![vec![4], vec![0, 1, 2, 3]])),
        request(220, 4, 2),
        at(250, Action::Crash(4)),
        // (c) S1 comes back and wins term 3 (its first try, term 2, finds S3 and S4 have
        // voted); it copies entry 1 of term 1 to S3 and S4: a majority holds it, and it
        // is still not committed, because it is not from term 3.
        at(260, Action::Restart(0)),
        timeout(270, 0),
        timeout(330, 0),
        // (d) S1 crashes before any entry of term 3; S5 returns (after S1's last messages
        // have landed) and wins term 4 on its second try (its last entry's term, 2, beats
        // theirs, 1), then overwrites entry 1 everywhere.
        at(480, Action::Crash(0)),
        at(520, Action::Restart(4)),
        at(520, Action::HealAll),
        timeout(530, 4),
        timeout(590, 4),
        // (e) An entry of term 4 commits, and entry 1 (term 2) with it.
        request(900, 4, 3),
    ]
}
