//! Lock page messages, timers, commands and narration.

use crate::sim::SimTime;

/// A fencing token: the lock service's grant number (grows with every grant).
pub type Token = u64;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum LockMsg {
    /// Client → lock service: may I have the lock?
    Acquire,
    /// Lock service → client: yes, until `ttl` from now on the service's clock, with
    /// fencing token `token`.
    Granted {
        token: Token,
        ttl: SimTime,
    },
    /// Lock service → client: someone else holds it.
    Busy,
    /// Client (watchdog) → lock service: extend my lock.
    Renew {
        token: Token,
    },
    /// Lock service → client: extended by another `ttl`.
    Renewed {
        token: Token,
        ttl: SimTime,
    },
    /// Lock service → client: your lock expired (it is gone, maybe to someone else).
    Expired {
        token: Token,
    },
    Release {
        token: Token,
    },
    /// Client → storage: read the counter, with the fencing token of the lock it holds
    /// (a read-modify-write is fenced from its read on).
    Read {
        token: Token,
    },
    ReadReply {
        value: u64,
    },
    /// Client → storage: write the counter, with the fencing token of the lock it holds.
    Write {
        value: u64,
        token: Token,
    },
    WriteOk {
        value: u64,
    },
    /// Storage → client: refused, it has seen `seen`, newer than the write's token.
    WriteRefused {
        token: Token,
        seen: Token,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LockTimer {
    /// Client: ask again for a busy lock.
    Retry,
    /// Client: the watchdog's next renewal.
    Renew,
    /// Client: the work on the counter is done; write it.
    Work,
    /// Client: the steady workload's next job.
    Workload,
    /// Lock service: the holder's lock runs out (on the service's clock).
    Expire,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LockCmd {
    /// Client: take the lock and increment the counter.
    Job,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LockNote {
    /// Client: asks for the lock.
    Acquiring,
    /// Client: still busy with a job.
    BusyWithJob,
    /// Client: the lock is held by another; tries again soon.
    Waiting,
    /// Client: holds the lock with `token`, valid (by its own clock) for `ttl`.
    Holding {
        token: Token,
        ttl: SimTime,
    },
    /// Client: read the counter; works on it.
    Working {
        value: u64,
        work: SimTime,
    },
    /// Client: the work is done: writes `value` with `token`, believing it holds the lock.
    Writing {
        value: u64,
        token: Token,
        believes: bool,
    },
    WriteDone {
        value: u64,
    },
    WriteRefused {
        token: Token,
        seen: Token,
    },
    /// Client: watchdog renewal answered.
    Renewed {
        token: Token,
    },
    /// Client: the service says the lock expired.
    LostLock {
        token: Token,
    },
    /// Lock service: granted `token` to the client.
    Granted {
        token: Token,
    },
    /// Lock service: refused, `token` holds it.
    Refused {
        holder: Token,
    },
    /// Lock service: the holder's lock ran out by its clock.
    Expired {
        token: Token,
    },
    Released {
        token: Token,
    },
    Extended {
        token: Token,
    },
    /// Storage: accepted `value` with `token` (`older`: a newer token was seen before —
    /// fencing off).
    Accepted {
        value: u64,
        token: Token,
        older: bool,
    },
    /// Storage: refused a write with `token`, older than `seen` (fencing).
    Fenced {
        token: Token,
        seen: Token,
    },
}
