//! Raft's RPCs (Figure 2), timers, commands and narration.

use crate::sim::NodeId;

/// A log entry: the term in which a leader created it, and the client's command (a number
/// the student typed or the UI chose).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Entry {
    pub term: u64,
    pub cmd: u64,
}

/// The messages of Figure 2 (plus the follower's redirect of a client request).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum RaftMsg {
    /// RequestVote RPC, sent by candidates to gather votes.
    RequestVote {
        term: u64,
        last_log_index: u64,
        last_log_term: u64,
    },
    /// RequestVote reply.
    Vote { term: u64, granted: bool },
    /// AppendEntries RPC: replicate entries, or a heartbeat when `entries` is empty.
    AppendEntries {
        term: u64,
        prev_log_index: u64,
        prev_log_term: u64,
        entries: Vec<Entry>,
        leader_commit: u64,
    },
    /// AppendEntries reply. `match_index` is the last index known to match on success;
    /// on failure `prev_log_index` echoes the request so stale replies stay harmless.
    AppendReply {
        term: u64,
        success: bool,
        match_index: u64,
        prev_log_index: u64,
    },
    /// A follower passes a client's command on to the leader it knows.
    Redirect { cmd: u64 },
}

impl RaftMsg {
    /// The term carried by the message, if any.
    pub fn term(&self) -> Option<u64> {
        match self {
            RaftMsg::RequestVote { term, .. }
            | RaftMsg::Vote { term, .. }
            | RaftMsg::AppendEntries { term, .. }
            | RaftMsg::AppendReply { term, .. } => Some(*term),
            RaftMsg::Redirect { .. } => None,
        }
    }
}

/// Raft's two timers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RaftTimer {
    /// Followers and candidates: start an election when it fires.
    Election,
    /// Leaders: send AppendEntries (heartbeats) to every follower.
    Heartbeat,
}

/// What a student or test can ask of one node.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RaftCmd {
    /// A client asks this node to replicate `cmd`.
    ClientRequest(u64),
    /// Make the election timer fire now.
    ForceTimeout,
}

/// Narration of what a node did and why; the UI translates it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RaftNote {
    /// Election timeout: became candidate for `term`.
    StartedElection { term: u64 },
    /// Won the election of `term` with `votes` votes.
    BecameLeader { term: u64, votes: usize },
    /// Saw a higher term from `from`: took it and is (or stays) a follower; `was` is the
    /// role it had (a follower merely moves to the new term).
    SteppedDown {
        term: u64,
        from: NodeId,
        was: crate::sim::Aside<super::node::Role>,
    },
    /// Granted its vote for `term` to `to`.
    GrantedVote { term: u64, to: NodeId },
    /// Refused `to` because the candidate's log is behind.
    RefusedVoteLog { term: u64, to: NodeId },
    /// Refused `to` because it already voted for `voted_for` in this term.
    RefusedVoteAlreadyVoted {
        term: u64,
        to: NodeId,
        voted_for: NodeId,
    },
    /// Rejected AppendEntries: no entry at `prev_log_index` with the right term.
    RejectedAppend { prev_log_index: u64 },
    /// Removed conflicting entries from `from_index` on.
    TruncatedLog { from_index: u64 },
    /// Appended `count` entries, log now ends at `last_index`.
    AppendedEntries { count: usize, last_index: u64 },
    /// Leader: follower `follower` rejected, retrying from `next_index`.
    BackedOff { follower: NodeId, next_index: u64 },
    /// Advanced the commit index to `index`.
    Committed { index: u64 },
    /// Leader accepted a client command at `index`.
    AcceptedRequest { cmd: u64, index: u64 },
    /// Not the leader: redirected the command to `leader`.
    RedirectedRequest { cmd: u64, leader: NodeId },
    /// Not the leader and no leader known: the client must retry.
    RejectedRequest { cmd: u64 },
    /// (Re)started as a follower in `term` with a log of `log_len` entries.
    Booted { term: u64, log_len: u64 },
}
