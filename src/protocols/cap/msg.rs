//! CAP page messages, timers, commands and narration.

use crate::sim::NodeId;

/// A register value (`its number × 10 + client number`: C1 writes 11, 21...).
pub type Value = u64;

/// A client operation's identity: (client node, its sequence number).
pub type OpId = (NodeId, u64);

/// What orders writes: a counter (CP: a version number; AP: the write's time, so the last
/// writer wins), ties broken by the server that made it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Stamp {
    pub counter: u64,
    pub server: NodeId,
}

/// A stored write: its value, its stamp and (AP) its version vector — one counter per
/// server, telling which writes it has seen, so concurrent writes can be kept as siblings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Item {
    pub value: Value,
    pub stamp: Stamp,
    pub vv: Vec<u64>,
}

impl Item {
    /// Has this item seen everything `other` has (`other` happened before it, or is it)?
    pub fn dominates(&self, other: &Item) -> bool {
        self.vv.len() >= other.vv.len() && other.vv.iter().zip(&self.vv).all(|(o, s)| o <= s)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum CapMsg {
    /// Client → its server.
    Write {
        op: OpId,
        value: Value,
    },
    Read {
        op: OpId,
    },
    /// Server → client: the write is accepted (with its stamp).
    WriteOk {
        op: OpId,
        stamp: Stamp,
    },
    /// Server → client: the value(s) read (more than one: siblings), the newest's stamp.
    ReadOk {
        op: OpId,
        values: Vec<Value>,
        stamp: Stamp,
    },
    /// Server → client: cannot reach a majority (CP): the request is refused.
    Refused {
        op: OpId,
    },
    /// CP: the coordinating server asks the others for their newest item (`round` ties
    /// replies to the request).
    Query {
        round: u64,
    },
    QueryReply {
        round: u64,
        item: Item,
    },
    /// CP: store this item if newer; AP: anti-entropy, the sender's items (siblings).
    Store {
        round: u64,
        items: Vec<Item>,
    },
    StoreAck {
        round: u64,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CapTimer {
    /// Client: its server did not answer.
    ClientTimeout,
    /// CP server: the majority did not answer in time.
    QuorumTimeout,
    /// AP server: send its items to the others (anti-entropy).
    Sync,
    /// Client: the steady workload's next operation.
    Workload,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CapCmd {
    Write,
    Read,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CapNote {
    /// Client: sent an operation to its server.
    Invoked {
        write: Option<Value>,
    },
    WriteDone {
        value: Value,
    },
    ReadDone {
        value: Value,
        siblings: usize,
    },
    /// Client: its server refused (no majority) or never answered.
    Refused {
        write: Option<Value>,
    },
    /// Server (CP): a majority answered; the operation completes.
    Quorum {
        have: usize,
        need: usize,
    },
    /// Server (CP): no majority in time: refuses.
    NoQuorum {
        have: usize,
        need: usize,
    },
    /// Server (AP, or CP broken): answered from its own copy at once.
    Local {
        value: Option<Value>,
    },
    /// Server: stored a newer value.
    Stored {
        value: Value,
    },
    /// Server (AP, last writer wins): dropped a concurrent write with an older stamp.
    Overwritten {
        lost: Value,
        by: Value,
    },
    /// Server (AP, siblings): keeps concurrent writes side by side.
    Siblings {
        count: usize,
    },
    /// Server: a write merged its siblings into one.
    Merged {
        count: usize,
    },
    Busy,
}
