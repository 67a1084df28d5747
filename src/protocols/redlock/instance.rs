//! A Redlock server: one independent Redis instance holding the lock's key. It knows
//! nothing of the other instances; it expires the key by its own clock (a clock that jumps
//! forward expires it early — Redlock's broken assumption).

use super::msg::{RedlockMsg, RedlockNote};
use super::node::{RedlockConfig, RedlockNode};
use crate::sim::{Ctx, NodeId, SimTime};

/// The key: whose random value it holds, until when by this instance's clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub client: NodeId,
    pub value: u64,
    pub until: SimTime,
}

/// One `SET … NX` the instance granted (an observer's record, true time: tests and
/// tools read which clients an instance said yes to).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SetRec {
    pub at: SimTime,
    pub client: NodeId,
    pub value: u64,
}

/// An instance's state. In memory only: a restart forgets the key — so, as the Redlock
/// article requires of instances without persistence, a restarted instance stays
/// unavailable for one TTL ("delayed restarts"), until every key it may have held has
/// expired anyway.
#[derive(Clone, Debug, Default)]
pub struct Instance {
    key: Option<Key>,
    sets: Vec<SetRec>,
    started: bool,
    /// After a restart: refuses every SET until then (its clock).
    blind_until: Option<SimTime>,
}

impl Instance {
    /// The key, if it has not expired at `local` (this instance's clock).
    pub fn key(&self, local: SimTime) -> Option<Key> {
        self.key.filter(|k| local < k.until)
    }
    pub fn sets(&self) -> &[SetRec] {
        &self.sets
    }

    /// After a restart, until when (its clock) it refuses to set the key.
    pub fn blind_until(&self, local: SimTime) -> Option<SimTime> {
        self.blind_until.filter(|&u| local < u)
    }

    pub(super) fn crashed(&mut self) {
        self.key = None;
    }

    pub(super) fn start(&mut self, cfg: &RedlockConfig, cx: &mut Ctx<RedlockNode>) {
        if self.started {
            self.blind_until = Some(cx.local + cfg.ttl);
        }
        self.started = true;
    }

    pub(super) fn on_msg(
        &mut self,
        _cfg: &RedlockConfig,
        from: NodeId,
        msg: RedlockMsg,
        cx: &mut Ctx<RedlockNode>,
    ) {
        let now = cx.local;
        match msg {
            // Delayed restart: it may have held a key it forgot; it says no until that
            // key would have expired.
            RedlockMsg::Set { value, .. } if self.blind_until(now).is_some() => {
                cx.send(from, RedlockMsg::SetBusy { value })
            }
            // SET lock value NX PX ttl: only if no live key (by this instance's clock).
            RedlockMsg::Set { value, ttl } => match self.key(now) {
                Some(k) if k.value != value => {
                    cx.note(RedlockNote::KeyHeld {
                        client: k.client,
                        left: k.until - now,
                    });
                    cx.send(from, RedlockMsg::SetBusy { value });
                }
                _ => {
                    if let Some(old) = self.key.filter(|k| k.value != value) {
                        cx.note(RedlockNote::KeyExpired { client: old.client });
                    }
                    self.key = Some(Key {
                        client: from,
                        value,
                        until: now + ttl,
                    });
                    self.sets.push(SetRec {
                        at: cx.now,
                        client: from,
                        value,
                    });
                    cx.note(RedlockNote::KeySet { client: from, ttl });
                    cx.send(from, RedlockMsg::SetOk { value });
                }
            },
            // The release script: delete only if the key still holds the caller's value.
            RedlockMsg::Del { value } => {
                if let Some(k) = self.key.filter(|k| k.value == value) {
                    self.key = None;
                    if now < k.until {
                        cx.note(RedlockNote::KeyDeleted { client: k.client });
                    }
                }
            }
            _ => {}
        }
    }
}
