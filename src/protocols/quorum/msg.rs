//! Quorum (NWR) messages, timers, commands and narration.

use crate::sim::NodeId;

/// A register value (a write's value is `its number × 10 + client number`: C1 writes
/// 11, 21...; C2 writes 12, 22...).
pub type Value = u64;

/// A client operation's identity: (client node, its sequence number).
pub type OpId = (NodeId, u64);

/// A write's version number (版本号): a counter, ties between concurrent writers broken
/// by the writer's number, so any two versions are ordered (the newer wins).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Version {
    pub counter: u64,
    /// The writing client's number (0: the initial value).
    pub writer: u64,
}

impl std::fmt::Display for Version {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "v{}", self.counter)?;
        if self.writer > 0 {
            write!(f, ".{}", self.writer)?;
        }
        Ok(())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum QMsg {
    /// Client → replica, a write's first phase: "which version do you hold?"
    VersionQuery { op: OpId },
    VersionReply { op: OpId, version: Version },
    /// Client → replica: store `value` at `version` (if newer than what it holds). With a
    /// `hint`, the receiver is a stand-in for that home replica (sloppy quorum) and keeps
    /// the write aside to hand it over later. Read repair sends the same message.
    Put { op: OpId, version: Version, value: Value, hint: Option<NodeId> },
    PutAck { op: OpId },
    /// Client → replica: read the register.
    Get { op: OpId },
    GetReply { op: OpId, version: Version, value: Value },
    /// A stand-in → the home replica: the write it kept for you (hinted handoff).
    Handoff { version: Version, value: Value },
    HandoffAck { version: Version },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QTimer {
    /// Client: the operation's replies are late (then: ask stand-ins, or give up).
    Timeout,
    /// Client: the steady workload's next operation.
    Workload,
    /// Replica: try to hand kept writes to their home replicas.
    Handoff,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QCmd {
    Write,
    Read,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QNote {
    /// Client: started a write of `value` (asks R replicas for their version first).
    WriteStarted { value: Value },
    /// Client: R replicas answered; the write goes out as `version`.
    Versioned { version: Version, value: Value },
    /// Client: `acks` of the W needed replicas stored it: success.
    WriteDone { value: Value, version: Version },
    /// Client: started a read.
    ReadStarted,
    /// Client: R replies in; the highest version is `version` = `value`; `stale` replies
    /// held an older one.
    ReadDone { value: Value, version: Version, stale: usize },
    /// Client: read repair sent the newest version to `count` replicas.
    Repairing { count: usize, version: Version },
    /// Client: not enough answers in time; asks `count` stand-ins (sloppy quorum).
    AskedStandIns { count: usize },
    /// Client: not enough answers in time: the operation failed.
    Failed { write: Option<Value> },
    /// Client: busy with an earlier operation, so this one was not sent.
    Busy,
    /// Replica: stored `version` (or kept it for `hint`).
    Stored { version: Version, value: Value, hint: Option<NodeId> },
    /// Replica: ignored `version`, older than the `held` one.
    Older { version: Version, held: Version },
    /// Replica: handed a kept write back to its home replica.
    HandedOff { home: NodeId, version: Version },
}
