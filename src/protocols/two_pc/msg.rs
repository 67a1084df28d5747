//! 2PC messages, timers, commands and narration.

use crate::protocols::atomic_commit::Outcome;
use crate::sim::NodeId;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TpcMsg {
    Prepare,
    Vote {
        yes: bool,
    },
    Decision(Outcome),
    Ack,
    /// A blocked participant asks the coordinator for the decision.
    Inquiry,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TpcTimer {
    /// Coordinator: stop waiting for votes.
    VoteTimeout,
    /// Coordinator: the decision record reached stable storage.
    LogFlushed,
    /// Coordinator: send the decision to the next participant.
    SendNext,
    /// Participant: ask again for the decision.
    Inquiry,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TpcCmd {
    /// Coordinator: start the transaction.
    Begin,
    /// Participant: from now on vote no (or yes again).
    SetVoteNo(bool),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TpcNote {
    Began,
    VotedYes,
    VotedNo,
    GotVote { from: NodeId, yes: bool },
    VoteTimeout { missing: usize },
    Decided(Outcome),
    Logged(Outcome),
    SentDecision { to: NodeId, d: Outcome },
    Finished(Outcome),
    StillBlocked,
    RecoveredDecision(Outcome),
    PresumedAbort,
    WillVoteNo(bool),
    AllAcked,
}
