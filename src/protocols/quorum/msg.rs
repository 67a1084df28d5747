//! Quorum (NWR) messages, timers, commands and narration.

use crate::sim::NodeId;

/// A register value (a write's value is `its number × 10 + client number`: C1 writes
/// 11, 21...; C2 writes 12, 22...).
pub type Value = u64;

/// A client operation's identity: (client node, its sequence number).
pub type OpId = (NodeId, u64);

/// Clients a vector clock has room for (one counter each).
pub const CLOCK_SIZE: usize = 4;

/// A write's version (版本号). Two kinds, one per mode of the page:
///
/// - **Version number**: `counter`, ties between concurrent writers broken by the writer's
///   number, so any two versions are ordered and the newer wins; `clock` stays zero.
/// - **Vector clock** (Dynamo §4.4): `clock` holds one counter per client — how many of
///   that client's writes this version has seen. One version descends from another when
///   every counter is at least as large; when neither does, the writes were concurrent
///   and a replica keeps both (siblings) until a write that has seen both replaces them.
///   `counter` is then the sum of the clock (a descendant always has a larger one), so the
///   derived order still lists versions in an order consistent with causality.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Version {
    pub counter: u64,
    /// The writing client's number (0: the initial value).
    pub writer: u64,
    /// Vector-clock mode: the counters per client (C1 first); zero in version-number mode.
    pub clock: [u32; CLOCK_SIZE],
}

impl Version {
    /// A vector-clock version (any counter set).
    pub fn is_vector(&self) -> bool {
        self.clock.iter().any(|&c| c > 0)
    }

    /// Has `other` seen this version: version numbers, `self ≤ other`; vector clocks,
    /// every counter of `self` at most `other`'s (`self` happened before `other`, or is it).
    pub fn covered_by(&self, other: &Version) -> bool {
        if self.is_vector() || other.is_vector() {
            self.clock.iter().zip(&other.clock).all(|(a, b)| a <= b)
        } else {
            self <= other
        }
    }

    /// Neither has seen the other: concurrent writes (only with vector clocks).
    pub fn concurrent(&self, other: &Version) -> bool {
        !self.covered_by(other) && !other.covered_by(self)
    }

    /// What a writer has seen after learning both: the larger version number, or the
    /// counter-wise maximum of two vector clocks.
    pub fn merge(&self, other: &Version) -> Version {
        if self.is_vector() || other.is_vector() {
            let mut clock = self.clock;
            for (c, o) in clock.iter_mut().zip(&other.clock) {
                *c = (*c).max(*o);
            }
            Version {
                counter: clock.iter().map(|&c| c as u64).sum(),
                writer: 0,
                clock,
            }
        } else {
            (*self).max(*other)
        }
    }

    /// The version of client `writer`'s next write after it has seen `self`: one more than
    /// the newest number; or, with vector clocks, the writer's own counter one past both
    /// what it has seen and its own last write (`own`).
    pub fn next(&self, writer: u64, vector: bool, own: u32) -> Version {
        if vector {
            let mut clock = self.clock;
            let i = (writer as usize).saturating_sub(1).min(CLOCK_SIZE - 1);
            clock[i] = clock[i].max(own) + 1;
            Version {
                counter: clock.iter().map(|&c| c as u64).sum(),
                writer,
                clock,
            }
        } else {
            Version {
                counter: self.counter + 1,
                writer,
                clock: [0; CLOCK_SIZE],
            }
        }
    }
}

impl std::fmt::Display for Version {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.is_vector() {
            // ⟨C1's counter, C2's counter⟩, trailing zeros of unused clients left out.
            let used = self
                .clock
                .iter()
                .rposition(|&c| c > 0)
                .map_or(1, |i| i + 1)
                .max(2);
            let parts: Vec<String> = self.clock[..used].iter().map(|c| c.to_string()).collect();
            return write!(f, "⟨{}⟩", parts.join(","));
        }
        write!(f, "v{}", self.counter)?;
        if self.writer > 0 {
            write!(f, ".{}", self.writer)?;
        }
        Ok(())
    }
}

/// A stored write: its version and value.
pub type Item = (Version, Value);

/// Take `item` into `set`, the writes a replica (or a read) keeps: dropped when a kept
/// one has seen it; otherwise it replaces every kept write it has seen. With version
/// numbers the set is one write, the newest; with vector clocks concurrent writes stay
/// side by side (siblings). Returns whether the set changed.
pub fn absorb(set: &mut Vec<Item>, item: Item) -> bool {
    if set.iter().any(|s| item.0.covered_by(&s.0)) {
        return false;
    }
    set.retain(|s| !s.0.covered_by(&item.0));
    set.push(item);
    set.sort();
    true
}

/// What a set of writes has seen, merged (the context of a write that read them).
pub fn seen(set: &[Item]) -> Version {
    set.iter()
        .fold(Version::default(), |acc, (v, _)| acc.merge(v))
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum QMsg {
    /// Client → replica, a write's first phase: "which version do you hold?"
    VersionQuery {
        op: OpId,
    },
    VersionReply {
        op: OpId,
        version: Version,
    },
    /// Client → replica: store `items` (each unless it holds one that has seen it). With a
    /// `hint`, the receiver is a stand-in for that home replica (sloppy quorum) and keeps
    /// the write aside to hand it over later. Read repair sends the same message.
    /// With vector clocks `items` can be siblings (read repair sends all it found).
    Put {
        op: OpId,
        items: Vec<Item>,
        hint: Option<NodeId>,
    },
    PutAck {
        op: OpId,
    },
    /// Client → replica: read the register.
    Get {
        op: OpId,
    },
    /// Replica → client: what it holds (more than one item: siblings).
    GetReply {
        op: OpId,
        items: Vec<Item>,
    },
    /// A stand-in → the home replica: the writes it kept for you (hinted handoff).
    Handoff {
        items: Vec<Item>,
    },
    HandoffAck {
        items: Vec<Item>,
    },
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
    /// held an older one; `siblings` concurrent writes came back (vector clocks).
    ReadDone {
        value: Value,
        version: Version,
        stale: usize,
        siblings: usize,
    },
    /// Client: read repair sent the newest version to `count` replicas.
    Repairing { count: usize, version: Version },
    /// Client: not enough answers in time; asks `count` stand-ins (sloppy quorum).
    AskedStandIns { count: usize },
    /// Client: not enough answers in time: the operation failed.
    Failed { write: Option<Value> },
    /// Client: busy with an earlier operation, so this one was not sent.
    Busy,
    /// Replica: stored `version` (or kept it for `hint`); `siblings`: concurrent writes it
    /// now keeps side by side (vector clocks; 1 = none).
    Stored {
        version: Version,
        value: Value,
        hint: Option<NodeId>,
        siblings: usize,
    },
    /// Replica: ignored `version`, older than the `held` one.
    Older { version: Version, held: Version },
    /// Replica: handed a kept write back to its home replica.
    HandedOff { home: NodeId, version: Version },
}
