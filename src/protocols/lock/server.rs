//! The lock service: one lock, granted to one client at a time until its expiry on the
//! service's own clock (a TTL), renewed by the holder's watchdog, and handed to the next
//! client once it has expired. Every grant gets a new fencing token, one more than the
//! last.

use super::msg::{LockMsg, LockNote, LockTimer, Token};
use super::node::{LockConfig, LockNode};
use crate::sim::{Ctx, NodeId, SimTime};

/// A grant: who holds the lock, with which token, until when (service clock).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Grant {
    pub client: NodeId,
    pub token: Token,
    pub until: SimTime,
}

/// The lock service's state (on disk: a restart keeps the holder and the counter).
#[derive(Clone, Debug, Default)]
pub struct LockServer {
    holder: Option<Grant>,
    last_token: Token,
    /// Every grant so far, in order (the page's strip).
    grants: Vec<Grant>,
}

impl LockServer {
    /// The holder, if its lock has not run out at `local` (the service's clock).
    pub fn holder(&self, local: SimTime) -> Option<Grant> {
        self.holder.filter(|g| local < g.until)
    }
    pub fn grants(&self) -> &[Grant] {
        &self.grants
    }
    pub fn last_token(&self) -> Token {
        self.last_token
    }

    pub(super) fn on_msg(
        &mut self,
        cfg: &LockConfig,
        from: NodeId,
        msg: LockMsg,
        cx: &mut Ctx<LockNode>,
    ) {
        let now = cx.local;
        match msg {
            LockMsg::Acquire => match self.holder(now) {
                // Held by another whose lock has not run out (by this service's clock).
                Some(g) if g.client != from => {
                    cx.note(LockNote::Refused { holder: g.token });
                    cx.send(from, LockMsg::Busy);
                }
                // Free (or expired): a new grant with the next fencing token.
                _ => {
                    self.last_token += 1;
                    let g = Grant {
                        client: from,
                        token: self.last_token,
                        until: now + cfg.ttl,
                    };
                    self.holder = Some(g);
                    self.grants.push(g);
                    cx.note(LockNote::Granted { token: g.token });
                    cx.send(
                        from,
                        LockMsg::Granted {
                            token: g.token,
                            ttl: cfg.ttl,
                        },
                    );
                    cx.set_timer(LockTimer::Expire, cfg.ttl, cfg.ttl);
                }
            },
            LockMsg::Renew { token } => match self.holder(now) {
                Some(g) if g.token == token => {
                    let g = Grant {
                        until: now + cfg.ttl,
                        ..g
                    };
                    self.holder = Some(g);
                    if let Some(last) = self.grants.last_mut() {
                        last.until = g.until;
                    }
                    cx.note(LockNote::Extended { token });
                    cx.send(
                        from,
                        LockMsg::Renewed {
                            token,
                            ttl: cfg.ttl,
                        },
                    );
                    cx.set_timer(LockTimer::Expire, cfg.ttl, cfg.ttl);
                }
                // Too late: the lock ran out (and may be someone else's).
                _ => cx.send(from, LockMsg::Expired { token }),
            },
            LockMsg::Release { token } if self.holder.is_some_and(|g| g.token == token) => {
                self.holder = None;
                if let Some(last) = self.grants.last_mut() {
                    last.until = last.until.min(now);
                }
                cx.cancel_timer(LockTimer::Expire);
                cx.note(LockNote::Released { token });
            }
            _ => {}
        }
    }

    pub(super) fn on_timer(&mut self, timer: LockTimer, cx: &mut Ctx<LockNode>) {
        if timer == LockTimer::Expire {
            if let Some(g) = self.holder.filter(|g| cx.local >= g.until) {
                self.holder = None;
                cx.note(LockNote::Expired { token: g.token });
            }
        }
    }
}
