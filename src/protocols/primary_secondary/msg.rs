//! Primary-secondary messages, timers, commands and narration.

use crate::sim::NodeId;

/// A register value (a write's value is `client × 100 + its number`: C1 writes 101, 102...).
pub type Value = u64;

/// A client operation's identity: (client node, its sequence number).
pub type OpId = (NodeId, u64);

/// One log entry: the epoch of the primary that appended it, the value, and whose write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Entry {
    pub epoch: u64,
    pub value: Value,
    pub op: OpId,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PsMsg {
    /// Primary → secondary: the entries after `prev` (whose epoch is `prev_epoch`), and
    /// the high-water mark. With no entries it is the heartbeat.
    Append {
        epoch: u64,
        prev: usize,
        prev_epoch: u64,
        entries: Vec<Entry>,
        hwm: usize,
    },
    /// Secondary → primary: the log now matches up to `len` (`ok`), or it did not hold
    /// entry `prev` and holds `len` entries (`!ok`: the primary backs up).
    AppendReply {
        epoch: u64,
        ok: bool,
        len: usize,
    },
    /// A candidate asks for a vote in `epoch`; its log ends with an entry of `last_epoch`
    /// at position `len`.
    Vote {
        epoch: u64,
        last_epoch: u64,
        len: usize,
    },
    VoteReply {
        epoch: u64,
        granted: bool,
    },
    /// Client → replica.
    Write {
        op: OpId,
        value: Value,
    },
    Read {
        op: OpId,
    },
    /// Replica → client: the write is acknowledged (stored where the mode asks).
    WriteOk {
        op: OpId,
    },
    /// Replica → client: the value at the high-water mark (entry `index`).
    ReadOk {
        op: OpId,
        value: Value,
        index: usize,
    },
    /// "Not the primary; try this one."
    NotPrimary {
        op: OpId,
        hint: Option<NodeId>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PsTimer {
    /// Primary: send appends / heartbeats.
    Heartbeat,
    /// Secondary: the primary has been silent too long.
    Failover,
    /// Client: the answer is late; try another replica.
    Retry,
    /// Client: the steady workload's next operation.
    Workload,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PsCmd {
    /// Client: write the next value.
    Write,
    /// Client: read the register.
    Read,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PsNote {
    /// Primary: appended a client's write at `index`.
    Appended {
        value: Value,
        index: usize,
    },
    /// Primary: acknowledged a write to its client (`stored` replicas hold it).
    Acked {
        value: Value,
        stored: usize,
    },
    /// Primary: the high-water mark moved to `index`.
    HighWater {
        index: usize,
    },
    /// Secondary: stored entries up to `len`.
    Stored {
        len: usize,
    },
    /// Secondary: dropped `count` entries beyond the new primary's log.
    Truncated {
        count: usize,
        from: usize,
    },
    /// Secondary: the primary is silent; asks for votes in `epoch`.
    Candidate {
        epoch: u64,
    },
    Voted {
        for_: NodeId,
        epoch: u64,
    },
    /// Became the primary of `epoch` with `len` entries.
    Promoted {
        epoch: u64,
        len: usize,
    },
    /// Saw a newer epoch and follows it.
    SteppedDown {
        epoch: u64,
    },
    /// Client: sent an operation.
    Invoked {
        write: Option<Value>,
    },
    /// Client: its write is acknowledged.
    WriteDone {
        value: Value,
    },
    /// Client: read `value`.
    ReadDone {
        value: Value,
    },
    /// Client: no answer in time; tries `to`.
    Retrying {
        to: NodeId,
    },
    /// Client: busy with an earlier operation, so this one was not sent.
    Busy,
}
