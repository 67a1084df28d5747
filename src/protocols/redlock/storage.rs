//! The shared storage: a counter the clients increment under the lock. With fencing on and
//! a token on the request (the consensus lock's), it remembers the highest token it has
//! seen — on reads too: an increment is a read-modify-write — and refuses a write with an
//! older one. Redlock's random values are no tokens: nothing orders them, so a Redlock
//! write is always accepted.

use super::msg::{RedlockMsg, RedlockNote, Token};
use super::node::{RedlockConfig, RedlockNode};
use crate::sim::{Ctx, NodeId, SimTime};

/// One write the storage received.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WriteRec {
    pub at: SimTime,
    pub client: NodeId,
    pub token: Option<Token>,
    pub value: u64,
    pub accepted: bool,
    /// Carried an older token than one seen before.
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
    /// The highest fencing token it has seen (0: none).
    pub fn seen(&self) -> Token {
        self.seen
    }
    pub fn writes(&self) -> &[WriteRec] {
        &self.writes
    }

    pub(super) fn on_msg(
        &mut self,
        cfg: &RedlockConfig,
        from: NodeId,
        msg: RedlockMsg,
        cx: &mut Ctx<RedlockNode>,
    ) {
        match msg {
            RedlockMsg::Read { token } => {
                if let Some(t) = token.filter(|_| cfg.fencing) {
                    self.seen = self.seen.max(t);
                }
                cx.send(from, RedlockMsg::ReadReply { value: self.value });
            }
            RedlockMsg::Write { value, token } => {
                let older = token.is_some_and(|t| t < self.seen);
                let accepted = !(older && cfg.fencing);
                self.writes.push(WriteRec {
                    at: cx.now,
                    client: from,
                    token,
                    value,
                    accepted,
                    older,
                });
                match token {
                    Some(t) if !accepted => {
                        cx.note(RedlockNote::Fenced {
                            token: t,
                            seen: self.seen,
                        });
                        cx.send(
                            from,
                            RedlockMsg::WriteRefused {
                                token: t,
                                seen: self.seen,
                            },
                        );
                    }
                    _ => {
                        self.value = value;
                        if let Some(t) = token.filter(|_| cfg.fencing) {
                            self.seen = self.seen.max(t);
                        }
                        cx.note(RedlockNote::Accepted {
                            value,
                            token,
                            older,
                        });
                        cx.send(from, RedlockMsg::WriteOk { value });
                    }
                }
            }
            _ => {}
        }
    }
}
