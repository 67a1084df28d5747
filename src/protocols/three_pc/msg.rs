//! 3PC messages, timers and narration.

use super::node::Part3;
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
    /// Skeen's termination protocol: a participant that timed out asks the others for
    /// their state before deciding.
    StateReq,
    StateReply {
        state: Part3,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ThreeTimer {
    /// Coordinator: votes or PreCommit acks did not all arrive.
    CoordTimeout,
    /// A recovered participant asks again.
    Inquiry,
    /// Participant: nothing heard for too long.
    PartTimeout,
    /// Termination protocol: the time a participant gives the others to answer.
    Collect,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ThreeNote {
    Began,
    VotedYes,
    VotedNo,
    GotVote {
        from: NodeId,
        yes: bool,
    },
    SentPreCommit,
    Recovering,
    PreCommitted,
    GotPreAck {
        from: NodeId,
    },
    SentDoCommit,
    CoordTimeout {
        waiting_for: usize,
    },
    SentAbort,
    Finished(Outcome),
    TimeoutAbort,
    TimeoutCommit,
    WillVoteNo(bool),
    Recovered(Outcome),
    /// Timed out with the termination protocol on: asked the other participants.
    AskedPeers,
    /// Asked for its state before it had voted: it aborts on its own (it may).
    AbortedBeforeVoting,
    /// The termination protocol's decision, and the rule (Skeen's) that gave it.
    Terminated {
        outcome: Outcome,
        rule: TerminationRule,
    },
}

/// Which rule of the termination protocol decided (Skeen 1981; Bernstein, Hadzilacos and
/// Goodman, "Concurrency Control and Recovery", §7.4): the states heard include the
/// participant's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TerminationRule {
    /// Someone aborted (or had not voted, and so may abort): abort.
    SomeoneAborted,
    /// Someone committed: commit.
    SomeoneCommitted,
    /// Someone is pre-committed, so everyone voted yes and no one aborted: commit.
    SomeonePreCommitted,
    /// Everyone heard from is only uncertain: no one can have committed, abort.
    AllUncertain,
}
