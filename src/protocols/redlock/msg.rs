//! Redlock page messages, timers, commands and narration.

use crate::sim::{NodeId, SimTime};

/// A fencing token: the log index of a consensus grant (ZooKeeper's zxid).
pub type Token = u64;

/// One entry of the consensus lock's log.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Op {
    /// The lock goes to `client`; the entry's index is its fencing token.
    Grant { client: NodeId },
    /// The holder's lock ran out by the leader's clock.
    Expire { token: Token },
    /// The holder gave it back.
    Release { token: Token },
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum RedlockMsg {
    /// Redlock client → instance: `SET lock value NX PX ttl` (only if absent, expiring after
    /// `ttl` on the instance's clock).
    Set {
        value: u64,
        ttl: SimTime,
    },
    /// Instance → client: set.
    SetOk {
        value: u64,
    },
    /// Instance → client: the key is held by another value.
    SetBusy {
        value: u64,
    },
    /// Redlock client → instance: delete the key if it still holds `value` (the release
    /// script: never delete another client's lock).
    Del {
        value: u64,
    },
    /// Consensus client → any server (forwarded to the leader): may `client` have the lock?
    Acquire {
        client: NodeId,
    },
    /// Leader → client (through the server it asked): granted with `token`, for `ttl`.
    Granted {
        client: NodeId,
        token: Token,
        ttl: SimTime,
    },
    /// Leader → client (through the server it asked): held by another, or busy deciding.
    Busy {
        client: NodeId,
    },
    /// Consensus client → any server (forwarded to the leader): give back `token`.
    Release {
        client: NodeId,
        token: Token,
    },
    /// Leader → follower: log entry `index` (1-based).
    Append {
        index: u64,
        op: Op,
    },
    /// Follower → leader: my log has `len` entries.
    AppendOk {
        len: u64,
    },
    /// Client → storage: read the counter (with the fencing token, if it has one).
    Read {
        token: Option<Token>,
    },
    ReadReply {
        value: u64,
    },
    /// Client → storage: write the counter (with the fencing token, if it has one).
    Write {
        value: u64,
        token: Option<Token>,
    },
    WriteOk {
        value: u64,
    },
    /// Storage → client: refused, it has seen token `seen`, newer than the write's.
    WriteRefused {
        token: Token,
        seen: Token,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RedlockTimer {
    /// Client: stop waiting for answers (Redlock: decide on the yeses so far; consensus:
    /// try the next server).
    Timeout,
    /// Client: ask again after a failed attempt.
    Retry,
    /// Client: the work on the counter is done; write it.
    Work,
    /// Client: the steady workload's next job.
    Workload,
    /// Consensus leader: re-send what followers lack, expire a lock whose time is up.
    Tick,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RedlockCmd {
    /// Client: take the lock and increment the counter.
    Job,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RedlockNote {
    /// Client: still busy with a job.
    BusyWithJob,
    /// Redlock client: asks all `servers` instances for the lock with `value`.
    Asking {
        value: u64,
        servers: usize,
    },
    /// Redlock client: `yes` of `servers` said yes in `elapsed`; validity left `validity`
    /// (negative: none), so it holds the lock or gives up.
    Counted {
        yes: usize,
        servers: usize,
        elapsed: SimTime,
        validity: i64,
        holds: bool,
    },
    /// Consensus client: asks server `via` for the lock.
    AskingVia {
        via: NodeId,
    },
    /// Consensus client: no answer from `via`; tries the next server.
    NoAnswer {
        via: NodeId,
    },
    /// Consensus client: the lock is held: will ask again.
    Waiting,
    /// Consensus client: holds the lock with `token`, for `ttl` by its own clock.
    Holding {
        token: Token,
        ttl: SimTime,
    },
    /// Client: read the counter; works on it.
    Working {
        value: u64,
        work: SimTime,
    },
    /// Client: writes `value` (`valid`: within its lock's validity by its own clock).
    Writing {
        value: u64,
        valid: bool,
    },
    WriteDone {
        value: u64,
    },
    /// Client: the storage has not answered and its lock ran out: gives the job up.
    GaveUp,
    WriteRefused {
        token: Token,
        seen: Token,
    },
    /// Instance: set the key for `client` until `ttl` from now, by its clock.
    KeySet {
        client: NodeId,
        ttl: SimTime,
    },
    /// Instance: refused: `client`'s key has `left` to go by its clock.
    KeyHeld {
        client: NodeId,
        left: SimTime,
    },
    /// Instance: `client`'s key had expired by its clock (it is replaced).
    KeyExpired {
        client: NodeId,
    },
    /// Instance: deleted `client`'s key.
    KeyDeleted {
        client: NodeId,
    },
    /// Leader: appended `op` at `index`, replicating.
    Appended {
        index: u64,
        op: Op,
    },
    /// Leader: entry `index` is on a majority: applied.
    Committed {
        index: u64,
        op: Op,
    },
    /// Leader: the lock is held (or an entry is being decided): `client` must wait.
    Refused {
        client: NodeId,
    },
    /// Server: forwards `client`'s request to the leader.
    Forwarded {
        client: NodeId,
    },
    /// Storage: accepted `value` (with `token`, if any; `older`: a newer token was seen).
    Accepted {
        value: u64,
        token: Option<Token>,
        older: bool,
    },
    /// Storage: refused a write with `token`, older than `seen` (fencing).
    Fenced {
        token: Token,
        seen: Token,
    },
}
