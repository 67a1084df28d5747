//! The shared storage: a counter the clients increment under the lock. With fencing it
//! remembers the highest token it has seen — on reads too, since an increment is a
//! read-modify-write: once the next holder has read, the old holder's write would undo
//! it — and refuses a write with an older one (Kleppmann's fencing tokens); without, it
//! accepts every write.

use super::msg::{LockMsg, LockNote, Token};
use super::node::{LockConfig, LockNode};
use crate::sim::{Ctx, NodeId, SimTime};

/// One write the storage received.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WriteRec {
    pub at: SimTime,
    pub client: NodeId,
    pub token: Token,
    pub value: u64,
    pub accepted: bool,
    /// Accepted although a newer token had been seen (possible only without fencing).
    pub older: bool,
}

/// The storage's state (on disk).
#[derive(Clone, Debug, Default)]
pub struct Storage {
    value: u64,
    seen: Token,
    writes: Vec<WriteRec>,
}

impl Storage {
    pub fn value(&self) -> u64 {
        self.value
    }
    /// The highest fencing token it has seen.
    pub fn seen(&self) -> Token {
        self.seen
    }
    pub fn writes(&self) -> &[WriteRec] {
        &self.writes
    }

    pub(super) fn on_msg(
        &mut self,
        cfg: &LockConfig,
        from: NodeId,
        msg: LockMsg,
        cx: &mut Ctx<LockNode>,
    ) {
        match msg {
            LockMsg::Read { token } => {
                if cfg.fencing {
                    self.seen = self.seen.max(token);
                }
                cx.send(from, LockMsg::ReadReply { value: self.value });
            }
            LockMsg::Write { value, token } => {
                let older = token < self.seen;
                let accepted = !(older && cfg.fencing);
                self.writes.push(WriteRec {
                    at: cx.now,
                    client: from,
                    token,
                    value,
                    accepted,
                    older,
                });
                if accepted {
                    self.value = value;
                    self.seen = self.seen.max(token);
                    cx.note(LockNote::Accepted {
                        value,
                        token,
                        older,
                    });
                    cx.send(from, LockMsg::WriteOk { value });
                } else {
                    cx.note(LockNote::Fenced {
                        token,
                        seen: self.seen,
                    });
                    cx.send(
                        from,
                        LockMsg::WriteRefused {
                            token,
                            seen: self.seen,
                        },
                    );
                }
            }
            _ => {}
        }
    }
}
