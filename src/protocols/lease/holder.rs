//! A lease holder: a cache (cache mode) or a replica (leader mode). Every `duty_every` on
//! its own clock it serves a read: under a valid lease it answers from its copy without
//! asking anyone — checking the lease, doing `work`, then answering (and, with `recheck`,
//! checking again just before answering); without one it asks the server (a cache
//! serves that read with the value the server sends). It starts its lease at the moment it
//! *sent* the request, minus a margin, so that on a clock as fast as the server's its
//! lease always ends before the server's does (Gray & Cheriton §2: the holder's and the
//! server's clocks must agree within the margin).

use super::msg::{LeaseMsg, LeaseNote, LeaseTimer, Versioned};
use super::node::{LeaseConfig, LeaseNode, Mode, SERVER};
use crate::sim::{Ctx, NodeId, RecentLog, SimTime, MS};

/// A read the holder answered (true time, recorded for the judge and the drawing).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Read {
    pub at: SimTime,
    pub value: Versioned,
    /// From its copy under its lease (not fetched).
    pub local: bool,
    /// Answered as the primary (leader mode).
    pub as_primary: bool,
}

/// A stretch of true time during which the holder believed it held the lease (from the
/// grant's arrival to the lease's end on its clock, or to the last answer it gave on it).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Belief {
    pub from: SimTime,
    pub to: Option<SimTime>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Holder {
    value: Versioned,
    /// The lease's end on this holder's clock.
    lease_end: Option<SimTime>,
    /// An outstanding request: its number and when it was sent (local).
    asked: Option<(u64, SimTime)>,
    next_req: u64,
    /// A read waiting for the server's answer (cache without a lease).
    read_waiting: bool,
    /// Checked the lease and working on a read.
    working: bool,
    /// The reads it served, and the spans it believed it held the lease: the newest of
    /// each ([`RecentLog`]'s default), so a long run holds what its first minutes held.
    reads: RecentLog<Read>,
    beliefs: RecentLog<Belief>,
    aborted: u64,
    /// The newest write the server asked it to approve: a grant carrying an older value
    /// was overtaken on the network by that request, and is void.
    approved: u64,
    /// Who held the lease at the last refusal (narrated once, not at every retry).
    refused_by: Option<Option<NodeId>>,
}

impl Holder {
    pub fn value(&self) -> Versioned {
        self.value
    }
    pub fn reads(&self) -> &RecentLog<Read> {
        &self.reads
    }
    pub fn beliefs(&self) -> &RecentLog<Belief> {
        &self.beliefs
    }
    pub fn aborted(&self) -> u64 {
        self.aborted
    }
    pub fn working(&self) -> bool {
        self.working
    }
    /// Whether the lease is valid on this holder's clock at local time `local`.
    pub fn lease_valid(&self, local: SimTime) -> bool {
        self.lease_end.is_some_and(|e| e > local)
    }
    pub fn lease_end(&self) -> Option<SimTime> {
        self.lease_end
    }
    /// Believes it holds the lease now (its state: a lease not yet seen to end, or a read
    /// checked under it and not yet answered).
    pub fn believes(&self) -> bool {
        self.beliefs.last().is_some_and(|b| b.to.is_none())
    }

    pub fn start(&mut self, cfg: &LeaseConfig, cx: &mut Ctx<LeaseNode>) {
        cx.set_timer(LeaseTimer::Duty, cfg.duty_every, cfg.duty_every);
    }

    /// Volatile: the lease, the copy and any read in progress.
    pub fn crashed(&mut self) {
        self.lease_end = None;
        self.asked = None;
        self.read_waiting = false;
        self.working = false;
        if let Some(b) = self.beliefs.last_mut() {
            b.to.get_or_insert(b.from);
        }
    }

    fn ask(&mut self, cfg: &LeaseConfig, cx: &mut Ctx<LeaseNode>) {
        // A request unanswered for a whole period was lost: ask again.
        if self
            .asked
            .is_some_and(|(_, sent)| cx.local.saturating_sub(sent) >= cfg.period)
        {
            self.asked = None;
        }
        if self.asked.is_none() {
            self.next_req += 1;
            self.asked = Some((self.next_req, cx.local));
            cx.send(SERVER, LeaseMsg::Acquire { req: self.next_req });
        }
    }

    fn end_belief(&mut self, cx: &Ctx<LeaseNode>) {
        if self.working {
            return;
        }
        if let Some(b) = self.beliefs.last_mut() {
            if b.to.is_none() {
                b.to = Some(cx.now);
            }
        }
    }

    fn serve(&mut self, cfg: &LeaseConfig, local: bool, cx: &mut Ctx<LeaseNode>) {
        let as_primary = local && cfg.mode == Mode::Leader;
        self.reads.push_unmarked(Read {
            at: cx.now,
            value: self.value,
            local,
            as_primary,
        });
        cx.note(if local {
            LeaseNote::ServedLocal {
                version: self.value.version,
                as_primary,
            }
        } else {
            LeaseNote::ServedFetched {
                version: self.value.version,
            }
        });
    }

    pub fn on_timer(&mut self, cfg: &LeaseConfig, timer: LeaseTimer, cx: &mut Ctx<LeaseNode>) {
        let now = cx.local;
        match timer {
            LeaseTimer::Duty => {
                cx.set_timer(LeaseTimer::Duty, cfg.duty_every, cfg.duty_every);
                if self.lease_valid(now) {
                    // The leader renews as it goes (every duty, well within the period).
                    if cfg.mode == Mode::Leader {
                        self.ask(cfg, cx);
                    }
                    if self.working {
                        return;
                    }
                    if cfg.work == 0 {
                        self.serve(cfg, true, cx);
                    } else {
                        // Check, then work, then answer: the gap a pause can fall into.
                        self.working = true;
                        cx.note(LeaseNote::Checked {
                            left_ms: self.lease_end.unwrap_or(now).saturating_sub(now) / MS,
                        });
                        cx.set_timer(LeaseTimer::Work, cfg.work, cfg.work);
                    }
                } else {
                    self.ask(cfg, cx);
                    if cfg.mode == Mode::Cache {
                        self.read_waiting = true;
                    }
                }
            }
            LeaseTimer::Work => {
                self.working = false;
                if cfg.recheck && !self.lease_valid(now) {
                    self.aborted += 1;
                    cx.note(LeaseNote::Aborted);
                } else {
                    self.serve(cfg, true, cx);
                }
                if !self.lease_valid(now) {
                    self.end_belief(cx);
                }
            }
            LeaseTimer::LeaseEnd => {
                if !self.lease_valid(now) {
                    cx.note(LeaseNote::LeaseOver);
                    self.lease_end = None;
                    self.end_belief(cx);
                }
            }
            LeaseTimer::WriteDue | LeaseTimer::NextWrite => {}
        }
    }

    pub fn on_msg(&mut self, cfg: &LeaseConfig, msg: LeaseMsg, cx: &mut Ctx<LeaseNode>) {
        let now = cx.local;
        match msg {
            LeaseMsg::Granted {
                req,
                period_ms,
                value,
            } => {
                let Some((_, sent)) = self.asked.filter(|(r, _)| *r == req) else {
                    return;
                };
                self.asked = None;
                if value.version < self.approved {
                    // Granted before a write it has since approved: the value is old and
                    // the lease void. Ask again.
                    self.ask(cfg, cx);
                    return;
                }
                if value.version >= self.value.version {
                    self.value = value;
                }
                if period_ms > 0 {
                    // From the moment it asked, less the margin: never later than the
                    // server's own expiry, on clocks that agree.
                    let end = sent + (period_ms * MS).saturating_sub(cfg.margin);
                    if end > now {
                        let fresh = !self.believes();
                        self.lease_end = Some(end);
                        if fresh {
                            self.refused_by = None;
                            self.beliefs.push_unmarked(Belief {
                                from: cx.now,
                                to: None,
                            });
                            cx.note(LeaseNote::GotLease { until_ms: end / MS });
                        }
                        cx.set_timer(LeaseTimer::LeaseEnd, end - now, end - now);
                    }
                }
                if self.read_waiting {
                    self.read_waiting = false;
                    self.serve(cfg, false, cx);
                }
            }
            LeaseMsg::Refused { req, holder, .. } => {
                if self.asked.is_some_and(|(r, _)| r == req) {
                    self.asked = None;
                    if !self.lease_valid(now) && self.refused_by != Some(holder) {
                        self.refused_by = Some(holder);
                        cx.note(LeaseNote::Refused { holder });
                    }
                }
            }
            LeaseMsg::Invalidate { value } => {
                self.approved = self.approved.max(value.version);
                cx.note(LeaseNote::Invalidated {
                    version: value.version,
                });
                match cfg.mode {
                    // A cache gives its lease up: its next read asks the server.
                    Mode::Cache => {
                        self.lease_end = None;
                        cx.cancel_timer(LeaseTimer::LeaseEnd);
                        self.end_belief(cx);
                    }
                    // The primary takes the write — never an older one over a newer: an
                    // invalidation re-sent (or duplicated) by the network may arrive after
                    // the next write's, and serving it would be a stale read.
                    Mode::Leader => {
                        if value.version > self.value.version {
                            self.value = value;
                        }
                    }
                }
                cx.send(
                    SERVER,
                    LeaseMsg::Ack {
                        version: value.version,
                    },
                );
            }
            LeaseMsg::Acquire { .. }
            | LeaseMsg::Ack { .. }
            | LeaseMsg::Write { .. }
            | LeaseMsg::Written { .. } => {}
        }
    }
}
