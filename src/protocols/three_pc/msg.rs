//! 3PC messages, timers and narration.

use crate::protocols::atomic_commit::Outcome;
use crate::sim::NodeId;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ThreeMsg {
    CanCommit,
    Vote {
        yes: bool,
    },
    PreCommit,
    PreAck,
    DoCommit,
    Abort,
    Done,
    /// A participant that restarted mid-protocol asks the coordinator for the outcome.
    Inquiry,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ThreeTimer {
    /// Coordinator: votes or PreCommit acks did not all arrive.
    CoordTimeout,
    /// A recovered participant asks again.
    Inquiry,
    /// Participant: nothing heard for too long.
    PartTimeout,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ThreeNote {
    Began,
    VotedYes,
    VotedNo,
    GotVote { from: NodeId, yes: bool },
    SentPreCommit,
    Recovering,
    PreCommitted,
    GotPreAck { from: NodeId },
    SentDoCommit,
    CoordTimeout { waiting_for: usize },
    SentAbort,
    Finished(Outcome),
    TimeoutAbort,
    TimeoutCommit,
    WillVoteNo(bool),
    Recovered(Outcome),
}
