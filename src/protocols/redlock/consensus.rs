//! The consensus-backed lock: the lock is a state machine replicated on a log. The leader
//! (fixed: S1; the Raft page shows the election) appends every decision — grant, release,
//! expiry — and applies it once a majority of servers hold the entry (Raft §5.3's commit
//! rule, without terms: there is one leader). So:
//!
//! - a grant survives the crash of any minority, and a minority cut off decides nothing;
//! - an expiry is decided by one clock only, the leader's, and written down; a follower's
//!   clock plays no part, so a jump there changes nothing;
//! - the grant's log index only grows: it is the fencing token (ZooKeeper's zxid).
//!
//! A client may ask any server (ZooKeeper's clients connect to any); a follower forwards
//! to the leader and relays the answer.

use super::msg::{Op, RedlockMsg, RedlockNote, RedlockTimer, Token};
use super::node::{RedlockConfig, RedlockNode};
use crate::sim::{Ctx, NodeId, SimTime, MS};

/// The leader re-sends what followers lack and checks the holder's expiry this often.
pub const TICK: SimTime = 20 * MS;

/// The lock's holder as the leader applied it; `until` on the leader's clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Holder {
    pub client: NodeId,
    pub token: Token,
    pub until: SimTime,
}

/// A server of the consensus lock. The log and the applied state are on disk; what the
/// leader has heard from followers and whom it owes an answer are not.
#[derive(Clone, Debug)]
pub struct Replica {
    log: Vec<Op>,
    commit: u64,
    holder: Option<Holder>,
    /// Leader: how long each server's log is, as far as it knows.
    acked: Vec<u64>,
    /// Leader: answers owed when a grant commits (log index, where to send it).
    owed: Vec<(u64, NodeId)>,
}

impl Replica {
    pub fn new(servers: usize) -> Replica {
        Replica {
            log: Vec::new(),
            commit: 0,
            holder: None,
            acked: vec![0; servers],
            owed: Vec::new(),
        }
    }
    pub fn log(&self) -> &[Op] {
        &self.log
    }
    /// Leader: entries applied (on a majority).
    pub fn commit(&self) -> u64 {
        self.commit
    }
    /// Leader: the holder it applied (it may have run out on its clock, not yet expired).
    pub fn holder(&self) -> Option<Holder> {
        self.holder
    }
    fn pending(&self) -> bool {
        self.commit < self.log.len() as u64
    }

    pub(super) fn crashed(&mut self) {
        self.acked.iter_mut().for_each(|a| *a = 0);
        self.owed.clear();
    }

    pub(super) fn start(&mut self, _cfg: &RedlockConfig, cx: &mut Ctx<RedlockNode>) {
        if cx.id == RedlockConfig::LEADER {
            self.acked[cx.id] = self.log.len() as u64;
            cx.set_timer(RedlockTimer::Tick, TICK, TICK);
        }
    }

    fn append(&mut self, op: Op, cx: &mut Ctx<RedlockNode>) -> u64 {
        self.log.push(op);
        let index = self.log.len() as u64;
        self.acked[cx.id] = index;
        cx.note(RedlockNote::Appended { index, op });
        for f in 0..self.acked.len() {
            if f != cx.id {
                cx.send(f, RedlockMsg::Append { index, op });
            }
        }
        index
    }

    /// Commit every entry a majority holds, in order, and apply it.
    fn advance(&mut self, cfg: &RedlockConfig, cx: &mut Ctx<RedlockNode>) {
        while self.pending() {
            let next = self.commit + 1;
            if self.acked.iter().filter(|&&a| a >= next).count() < cfg.majority() {
                break;
            }
            self.commit = next;
            let op = self.log[next as usize - 1];
            cx.note(RedlockNote::Committed { index: next, op });
            match op {
                // The lock's time starts when the grant is applied, on the leader's clock.
                Op::Grant { client } => {
                    self.holder = Some(Holder {
                        client,
                        token: next,
                        until: cx.local + cfg.ttl,
                    });
                    for (_, to) in self.owed.iter().filter(|o| o.0 == next) {
                        cx.send(
                            *to,
                            RedlockMsg::Granted {
                                client,
                                token: next,
                                ttl: cfg.ttl,
                            },
                        );
                    }
                    self.owed.retain(|o| o.0 != next);
                }
                Op::Expire { token } | Op::Release { token } => {
                    if self.holder.is_some_and(|h| h.token == token) {
                        self.holder = None;
                    }
                }
            }
        }
    }

    /// The leader's expiry rule: a holder whose time is up on the leader's clock is
    /// expired by a log entry (nothing else is decided meanwhile).
    fn expire_if_due(&mut self, cx: &mut Ctx<RedlockNode>) {
        if let Some(h) = self.holder.filter(|h| cx.local >= h.until) {
            if !self.pending() {
                self.append(Op::Expire { token: h.token }, cx);
            }
        }
    }

    pub(super) fn on_msg(
        &mut self,
        cfg: &RedlockConfig,
        from: NodeId,
        msg: RedlockMsg,
        cx: &mut Ctx<RedlockNode>,
    ) {
        let leader = RedlockConfig::LEADER;
        if cx.id != leader {
            match msg {
                // A follower passes clients' requests to the leader…
                RedlockMsg::Acquire { client } | RedlockMsg::Release { client, .. }
                    if from != leader =>
                {
                    cx.note(RedlockNote::Forwarded { client });
                    cx.send(leader, msg);
                }
                // …and the leader's answers back.
                RedlockMsg::Granted { client, .. } | RedlockMsg::Busy { client } => {
                    cx.send(client, msg)
                }
                // Replication: entries in order; the reply says how long the log is.
                RedlockMsg::Append { index, op } => {
                    if index == self.log.len() as u64 + 1 {
                        self.log.push(op);
                    }
                    cx.send(
                        from,
                        RedlockMsg::AppendOk {
                            len: self.log.len() as u64,
                        },
                    );
                }
                _ => {}
            }
            return;
        }
        match msg {
            RedlockMsg::Acquire { client } => {
                self.expire_if_due(cx);
                match self.holder {
                    // Its own grant (an answer was lost): the same token again.
                    Some(h) if h.client == client && !self.pending() => {
                        cx.send(
                            from,
                            RedlockMsg::Granted {
                                client,
                                token: h.token,
                                ttl: h.until.saturating_sub(cx.local),
                            },
                        );
                    }
                    // Held by another, or a decision is on its way to a majority.
                    Some(_) => {
                        cx.note(RedlockNote::Refused { client });
                        cx.send(from, RedlockMsg::Busy { client });
                    }
                    None if self.pending() => {
                        cx.note(RedlockNote::Refused { client });
                        cx.send(from, RedlockMsg::Busy { client });
                    }
                    None => {
                        let index = self.append(Op::Grant { client }, cx);
                        self.owed.push((index, from));
                    }
                }
            }
            // A release while another entry is on its way is dropped: the expiry frees it.
            RedlockMsg::Release { token, .. }
                if self.holder.is_some_and(|h| h.token == token) && !self.pending() =>
            {
                self.append(Op::Release { token }, cx);
            }
            RedlockMsg::AppendOk { len } => {
                self.acked[from] = self.acked[from].max(len);
                self.advance(cfg, cx);
            }
            _ => {}
        }
    }

    pub(super) fn on_timer(
        &mut self,
        _cfg: &RedlockConfig,
        timer: RedlockTimer,
        cx: &mut Ctx<RedlockNode>,
    ) {
        if timer != RedlockTimer::Tick {
            return;
        }
        self.expire_if_due(cx);
        // Re-send the next entry each follower lacks (lost messages, restarts).
        let len = self.log.len() as u64;
        for f in 0..self.acked.len() {
            if f != cx.id && self.acked[f] < len {
                let index = self.acked[f] + 1;
                cx.send(
                    f,
                    RedlockMsg::Append {
                        index,
                        op: self.log[index as usize - 1],
                    },
                );
            }
        }
        cx.set_timer(RedlockTimer::Tick, TICK, TICK);
    }
}
