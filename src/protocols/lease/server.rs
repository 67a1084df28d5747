//! The lease server (Gray & Cheriton, "Leases", SOSP 1989): it grants leases on the key
//! and holds a write back until no holder can still be serving the old value — every
//! holder with an unexpired lease has approved it (acknowledged the invalidation) or its
//! lease has expired on the server's clock. While a write waits no new lease is granted
//! (so writes are not starved). In leader mode the lease is exclusive: one holder, the
//! primary, until it stops renewing and the lease expires.

use std::collections::VecDeque;

use super::msg::{LeaseMsg, LeaseNote, LeaseTimer, Versioned};
use super::node::{LeaseConfig, LeaseNode, Mode};
use crate::sim::{Ctx, NodeId, RecentLog, SimTime, MS};

#[derive(Clone, Copy, Debug, PartialEq)]
struct Pending {
    writer: NodeId,
    id: u64,
    value: u64,
}

/// A write being held back: the holders whose approval it still needs.
#[derive(Clone, Debug, PartialEq)]
struct Waiting {
    write: Pending,
    needs: Vec<NodeId>,
    since: SimTime,
}

/// A lease the server granted (for the page and the judge): to whom, when (true time).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Grant {
    pub to: NodeId,
    pub at: SimTime,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Server {
    value: Versioned,
    /// Per holder (index = node id): its lease's expiry on the server's clock.
    leases: Vec<Option<SimTime>>,
    queue: VecDeque<Pending>,
    waiting: Option<Waiting>,
    /// The leases granted, and below the writes applied: the newest of each
    /// ([`RecentLog`]'s default).
    grants: RecentLog<Grant>,
    /// After a reboot the server does not know which leases it granted: it writes nothing
    /// until a whole period has passed on its clock.
    blind_until: Option<SimTime>,
    rebooted: bool,
    applied: RecentLog<Applied>,
}

/// A write the server applied (true time), and whether it waited for a lease to expire.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Applied {
    pub at: SimTime,
    pub value: Versioned,
    pub after_expiry: bool,
    /// How long it waited (true time since it started waiting).
    pub waited: SimTime,
}

impl Server {
    pub fn new(cfg: &LeaseConfig) -> Self {
        Server {
            value: Versioned::default(),
            leases: vec![None; cfg.size()],
            queue: VecDeque::new(),
            waiting: None,
            grants: RecentLog::default(),
            blind_until: None,
            rebooted: false,
            applied: RecentLog::default(),
        }
    }
    /// The value of record (every applied write).
    pub fn value(&self) -> Versioned {
        self.value
    }
    pub fn applied(&self) -> &RecentLog<Applied> {
        &self.applied
    }
    pub fn grants(&self) -> &RecentLog<Grant> {
        &self.grants
    }
    /// The holder of the latest lease granted (leader mode: the primary as the server sees it).
    pub fn latest_grantee(&self) -> Option<NodeId> {
        self.grants.last().map(|g| g.to)
    }
    /// Holders whose lease is unexpired at the server's local time `now`.
    pub fn holders_at(&self, now: SimTime) -> Vec<NodeId> {
        self.leases
            .iter()
            .enumerate()
            .filter(|(_, e)| e.is_some_and(|e| e > now))
            .map(|(i, _)| i)
            .collect()
    }
    /// Writes held back or queued.
    pub fn writes_waiting(&self) -> usize {
        self.queue.len() + usize::from(self.waiting.is_some())
    }
    /// The holders the waiting write still needs.
    pub fn waiting_for(&self) -> &[NodeId] {
        self.waiting.as_ref().map_or(&[], |w| &w.needs)
    }

    pub fn start(&mut self, cfg: &LeaseConfig, cx: &mut Ctx<LeaseNode>) {
        if self.rebooted {
            self.blind_until = Some(cx.local + cfg.period);
            cx.set_timer(LeaseTimer::WriteDue, cfg.period, cfg.period);
        }
    }

    pub fn crashed(&mut self, cfg: &LeaseConfig) {
        let value = self.value;
        let grants = std::mem::take(&mut self.grants);
        let applied = std::mem::take(&mut self.applied);
        *self = Server::new(cfg);
        self.value = value;
        self.grants = grants;
        self.applied = applied;
        self.rebooted = true;
    }

    fn blocked(&self, now: SimTime) -> bool {
        self.waiting.is_some()
            || !self.queue.is_empty()
            || self.blind_until.is_some_and(|b| now < b)
    }

    pub fn on_msg(
        &mut self,
        cfg: &LeaseConfig,
        from: NodeId,
        msg: LeaseMsg,
        cx: &mut Ctx<LeaseNode>,
    ) {
        let now = cx.local;
        match msg {
            LeaseMsg::Acquire { req } => {
                let others: Vec<NodeId> = self
                    .holders_at(now)
                    .into_iter()
                    .filter(|&h| h != from)
                    .collect();
                let renewal = self.leases[from].is_some_and(|e| e > now);
                if cfg.mode == Mode::Leader && renewal {
                    // The primary renews its lease (also while a write waits: it is the
                    // one applying it).
                    self.leases[from] = Some(now + cfg.period);
                    cx.send(
                        from,
                        LeaseMsg::Granted {
                            req,
                            period_ms: cfg.period / MS,
                            value: self.value,
                        },
                    );
                    // A write still waiting for its approval: the request (or the answer)
                    // was lost — ask again, or the renewing primary would hold it forever.
                    if self
                        .waiting
                        .as_ref()
                        .is_some_and(|w| w.needs.contains(&from))
                    {
                        let next = Versioned {
                            version: self.value.version + 1,
                            value: self.waiting.as_ref().map_or(0, |w| w.write.value),
                        };
                        cx.send(from, LeaseMsg::Invalidate { value: next });
                    }
                } else if self.blocked(now) {
                    // A write waits: no new lease (the value alone, for a cache's read).
                    match cfg.mode {
                        Mode::Cache => cx.send(
                            from,
                            LeaseMsg::Granted {
                                req,
                                period_ms: 0,
                                value: self.value,
                            },
                        ),
                        Mode::Leader => cx.send(
                            from,
                            LeaseMsg::Refused {
                                req,
                                holder: None,
                                left_ms: 0,
                            },
                        ),
                    }
                } else if cfg.mode == Mode::Leader && !others.is_empty() {
                    // Exclusive: held by another until its lease expires here.
                    let h = others[0];
                    let left = self.leases[h].map_or(0, |e| e.saturating_sub(now) / MS);
                    cx.send(
                        from,
                        LeaseMsg::Refused {
                            req,
                            holder: Some(h),
                            left_ms: left,
                        },
                    );
                } else {
                    self.leases[from] = Some(now + cfg.period);
                    self.grants.push_unmarked(Grant {
                        to: from,
                        at: cx.now,
                    });
                    cx.note(LeaseNote::Granted {
                        to: from,
                        period_ms: cfg.period / MS,
                    });
                    cx.send(
                        from,
                        LeaseMsg::Granted {
                            req,
                            period_ms: cfg.period / MS,
                            value: self.value,
                        },
                    );
                }
            }
            LeaseMsg::Ack { version } => {
                if let Some(w) = &mut self.waiting {
                    if version == self.value.version + 1 {
                        w.needs.retain(|&h| h != from);
                        // Its lease is given up (a cache) or carries the write (the leader).
                        if cfg.mode == Mode::Cache {
                            self.leases[from] = None;
                        }
                    }
                }
                self.try_apply(cfg, false, cx);
            }
            LeaseMsg::Write { id, value } => {
                self.queue.push_back(Pending {
                    writer: from,
                    id,
                    value,
                });
                self.next_write(cfg, cx);
            }
            LeaseMsg::Granted { .. }
            | LeaseMsg::Refused { .. }
            | LeaseMsg::Invalidate { .. }
            | LeaseMsg::Written { .. } => {}
        }
    }

    pub fn on_timer(&mut self, cfg: &LeaseConfig, timer: LeaseTimer, cx: &mut Ctx<LeaseNode>) {
        if timer == LeaseTimer::WriteDue {
            if self.blind_until.is_some_and(|b| cx.local >= b) {
                self.blind_until = None;
            }
            if self.waiting.is_some() {
                self.try_apply(cfg, true, cx);
            } else {
                self.next_write(cfg, cx);
            }
        }
    }

    /// Start the next queued write: ask every holder with a live lease to approve it, and
    /// wait at most until the last of those leases expires here.
    fn next_write(&mut self, cfg: &LeaseConfig, cx: &mut Ctx<LeaseNode>) {
        let now = cx.local;
        if self.waiting.is_some() || self.blind_until.is_some_and(|b| now < b) {
            return;
        }
        let Some(write) = self.queue.pop_front() else {
            return;
        };
        let needs = self.holders_at(now);
        let next = Versioned {
            version: self.value.version + 1,
            value: write.value,
        };
        for &h in &needs {
            cx.send(h, LeaseMsg::Invalidate { value: next });
        }
        let until = needs
            .iter()
            .filter_map(|&h| self.leases[h])
            .max()
            .unwrap_or(now);
        cx.note(LeaseNote::WriteWaits {
            version: next.version,
            holders: needs.len() as u64,
            wait_ms: until.saturating_sub(now) / MS,
        });
        self.waiting = Some(Waiting {
            write,
            needs,
            since: cx.now,
        });
        if until > now {
            cx.set_timer(LeaseTimer::WriteDue, until - now, until - now);
        }
        self.try_apply(cfg, false, cx);
    }

    /// Apply the waiting write once every holder it needed approved it or has expired.
    fn try_apply(&mut self, cfg: &LeaseConfig, timer: bool, cx: &mut Ctx<LeaseNode>) {
        let now = cx.local;
        let Some(w) = &mut self.waiting else { return };
        let leases = &self.leases;
        let before = w.needs.len();
        w.needs.retain(|&h| leases[h].is_some_and(|e| e > now));
        if !w.needs.is_empty() {
            return;
        }
        let expired = timer || w.needs.len() < before;
        let (write, since) = (w.write, w.since);
        self.waiting = None;
        self.value = Versioned {
            version: self.value.version + 1,
            value: write.value,
        };
        self.applied.push_unmarked(Applied {
            at: cx.now,
            value: self.value,
            after_expiry: expired,
            waited: cx.now - since,
        });
        cx.cancel_timer(LeaseTimer::WriteDue);
        cx.note(LeaseNote::Applied {
            version: self.value.version,
            value: write.value,
            after_expiry: expired,
        });
        cx.send(
            write.writer,
            LeaseMsg::Written {
                id: write.id,
                version: self.value.version,
            },
        );
        self.next_write(cfg, cx);
    }
}
