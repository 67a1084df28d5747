//! Lease page messages, timers, commands and narration.

use crate::sim::NodeId;

/// A value with the version the server gave it (version 0: the initial value).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Versioned {
    pub version: u64,
    pub value: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum LeaseMsg {
    /// Holder → server: a lease, please (or, from the leader, a renewal).
    Acquire { req: u64 },
    /// Server → holder: the current value, and a lease for `period_ms` (0: the value
    /// only — a write is waiting, no new lease until it is done).
    Granted {
        req: u64,
        period_ms: u64,
        value: Versioned,
    },
    /// Server → holder: the (exclusive) lease is held by `holder` for `left_ms` more, or a
    /// write is waiting.
    Refused {
        req: u64,
        holder: Option<NodeId>,
        left_ms: u64,
    },
    /// Server → holder: a write is waiting for your lease (Gray & Cheriton's approval
    /// request): a cache drops its lease, the leader takes the new value.
    Invalidate { value: Versioned },
    /// Holder → server: done.
    Ack { version: u64 },
    /// Writer → server.
    Write { id: u64, value: u64 },
    /// Server → writer: applied as `version`.
    Written { id: u64, version: u64 },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LeaseTimer {
    /// Holder: the next read to serve (and, for the leader, a renewal).
    Duty,
    /// Holder: the lease runs out on its own clock.
    LeaseEnd,
    /// Holder: the work between checking the lease and answering is done.
    Work,
    /// Server: every lease the waiting write needs gone has expired on its clock.
    WriteDue,
    /// Writer: the next write.
    NextWrite,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LeaseCmd {
    /// Writer: write now.
    Write,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LeaseNote {
    /// Holder: a lease until its clock reads `until_ms`.
    GotLease { until_ms: u64 },
    /// Holder: its lease ran out on its own clock.
    LeaseOver,
    /// Holder: served a read locally, under its lease (`as_primary`: as the leader).
    ServedLocal { version: u64, as_primary: bool },
    /// Holder (cache): fetched the value from the server to serve a read.
    ServedFetched { version: u64 },
    /// Holder: checked its lease (valid) and started the work of a read.
    Checked { left_ms: u64 },
    /// Holder: re-checked before answering — the lease ran out meanwhile: no answer.
    Aborted,
    /// Holder: the server asked it to give up its lease (cache) or take a write (leader).
    Invalidated { version: u64 },
    /// Holder: the exclusive lease is held by another (or a write waits).
    Refused { holder: Option<NodeId> },
    /// Server: granted a lease to `to` for `period_ms`.
    Granted { to: NodeId, period_ms: u64 },
    /// Server: a write must wait for these leases (approval or expiry).
    WriteWaits {
        version: u64,
        holders: u64,
        wait_ms: u64,
    },
    /// Server: applied the write.
    Applied {
        version: u64,
        value: u64,
        after_expiry: bool,
    },
    /// Writer: asked for a write.
    Writes { id: u64 },
}
