//! Paxos messages, proposal numbers, timers, commands and narration.

use crate::sim::NodeId;

/// A proposal number: ordered by round, then by proposer id, so two proposers never use
/// the same number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ballot {
    pub round: u64,
    pub proposer: NodeId,
}

/// A proposed value. Proposer `i` proposes value `i + 1`, shown as X, Y, Z.
pub type Value = u64;

/// How a value is named on the page and in the monitor's reports: the first proposers'
/// values are X, Y and Z.
pub fn value_name(v: Value) -> String {
    match v {
        1 => "X".into(),
        2 => "Y".into(),
        3 => "Z".into(),
        v => format!("v{v}"),
    }
}

/// The messages of "Paxos Made Simple", plus the optional rejection notice (§2.3 notes a
/// proposer may be told to abandon a proposal).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PaxosMsg {
    Prepare {
        n: Ballot,
    },
    Promise {
        n: Ballot,
        accepted: Option<(Ballot, Value)>,
    },
    /// "I have promised a higher number": tells the proposer what to outbid next time.
    Nack {
        n: Ballot,
        promised: Ballot,
    },
    Accept {
        n: Ballot,
        v: Value,
    },
    Accepted {
        n: Ballot,
        v: Value,
    },
}

/// A proposer's retry timer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PaxosTimer {
    Retry,
}

/// What a student (or a preset) can ask of a node.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PaxosCmd {
    /// A proposer starts proposing its value.
    Propose,
}

/// Narration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PaxosNote {
    SentPrepare {
        n: Ballot,
    },
    Promised {
        n: Ballot,
        to: NodeId,
        accepted: Option<(Ballot, Value)>,
    },
    RefusedPrepare {
        n: Ballot,
        promised: Ballot,
    },
    SentAccept {
        n: Ballot,
        v: Value,
        adopted: bool,
    },
    AcceptedValue {
        n: Ballot,
        v: Value,
    },
    RefusedAccept {
        n: Ballot,
        promised: Ballot,
    },
    Preempted {
        n: Ballot,
        by: Ballot,
    },
    LearnedChosen {
        v: Value,
        n: Ballot,
    },
    RetryTimeout {
        n: Ballot,
    },
    GaveUp,
    ForgotEverything,
    Recovered {
        promised: Option<Ballot>,
        accepted: Option<(Ballot, Value)>,
    },
}
