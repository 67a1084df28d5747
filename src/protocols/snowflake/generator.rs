//! A snowflake generator: stamps each request with its own clock's millisecond, its worker
//! id and a sequence number that counts requests within one millisecond (Twitter's
//! snowflake). Its clock is the node's local clock: drift, offset and jumps included.

use super::msg::{Id, SnowMsg, SnowNote, SnowTimer, Stamped};
use super::node::{SnowConfig, SnowNode, Strategy};
use crate::sim::{Ctx, NodeId, RecentLog, SimTime, MS};

/// The sequence's largest value (12 bits); past it the generator waits for the next ms.
pub const MAX_SEQ: u64 = 4095;

/// How many of the first red entries (an ID stamped by a clock gone back, a duplicate
/// received) a record keeps in sight, however old.
pub const FIRST_FEW: usize = 8;
/// How many of the newest entries a record keeps (the rest are counted only, so a run of
/// hours holds no more than its first minute).
pub const KEPT: usize = 256;

/// A generator's state (in memory only: a restart forgets the last timestamp).
#[derive(Clone, Debug)]
pub struct Generator {
    worker: u64,
    /// The last millisecond used, and the sequence within it.
    last: Option<(u64, u64)>,
    /// The highest millisecond ever used (after a step back and "ignore", above `last`).
    high: Option<u64>,
    /// Requests held until the clock passes the last timestamp (strategy "wait").
    waiting: Vec<(NodeId, u64)>,
    /// The IDs issued: (true time, ID, how it was stamped) — the newest [`KEPT`] and the
    /// first [`FIRST_FEW`] stamped by a clock gone back.
    issued: RecentLog<(SimTime, Id, Stamped)>,
    refused: u64,
}

impl Generator {
    pub fn new(worker: u64) -> Generator {
        Generator {
            worker,
            last: None,
            high: None,
            waiting: Vec::new(),
            issued: RecentLog::new(KEPT, FIRST_FEW),
            refused: 0,
        }
    }
    pub fn worker(&self) -> u64 {
        self.worker
    }
    /// The IDs issued (marked: stamped by a clock gone back).
    pub fn issued(&self) -> &RecentLog<(SimTime, Id, Stamped)> {
        &self.issued
    }
    pub fn refused(&self) -> u64 {
        self.refused
    }
    /// Requests held until its clock catches up.
    pub fn waiting(&self) -> usize {
        self.waiting.len()
    }
    /// The last millisecond it used.
    pub fn last_ms(&self) -> Option<u64> {
        self.last.map(|l| l.0)
    }

    pub(super) fn crashed(&mut self) {
        self.last = None;
        self.high = None;
        self.waiting.clear();
    }

    fn send(&mut self, to: NodeId, req: u64, id: Id, how: Stamped, cx: &mut Ctx<SnowNode>) {
        // Re-treading milliseconds already used (possible only when a step back was
        // ignored): told as such, whatever the branch that stamped it.
        let retread = self
            .high
            .is_some_and(|h| id.ms < h || (id.ms == h && self.last.is_some_and(|l| l.0 != h)));
        let how = if retread { Stamped::Backwards } else { how };
        self.high = Some(self.high.map_or(id.ms, |h| h.max(id.ms)));
        self.last = Some((id.ms, id.seq));
        self.issued
            .push((cx.now, id, how), how == Stamped::Backwards);
        cx.note(SnowNote::Issued { id });
        cx.send(to, SnowMsg::Issued { req, id, how });
    }

    /// Answer one request at the clock's current millisecond (`waited`: it was held).
    fn answer(
        &mut self,
        cfg: &SnowConfig,
        to: NodeId,
        req: u64,
        waited: bool,
        cx: &mut Ctx<SnowNode>,
    ) {
        let how = if waited {
            Stamped::AfterWait
        } else {
            Stamped::Clock
        };
        let ms = cx.local / MS;
        let worker = self.worker;
        match self.last {
            // The clock moved forward: a new millisecond, sequence 0.
            None => self.send(to, req, Id { ms, worker, seq: 0 }, how, cx),
            Some((last, _)) if ms > last => self.send(to, req, Id { ms, worker, seq: 0 }, how, cx),
            // The same millisecond: the next sequence number (or wait for the next ms).
            Some((last, seq)) if ms == last => {
                if seq < MAX_SEQ {
                    self.send(
                        to,
                        req,
                        Id {
                            ms,
                            worker,
                            seq: seq + 1,
                        },
                        how,
                        cx,
                    )
                } else {
                    self.hold(to, req, last, cx)
                }
            }
            // The clock moved backwards: it reads a millisecond already used.
            Some((last, seq)) => {
                cx.note(SnowNote::Backwards {
                    now_ms: ms,
                    last_ms: last,
                });
                match cfg.strategy {
                    Strategy::Wait => self.hold(to, req, last, cx),
                    Strategy::Refuse => {
                        self.refused += 1;
                        cx.note(SnowNote::Refusing {
                            behind_ms: last - ms,
                        });
                        cx.send(
                            to,
                            SnowMsg::Refused {
                                req,
                                behind_ms: last - ms,
                            },
                        );
                    }
                    Strategy::Logical => {
                        cx.note(SnowNote::Logical { last_ms: last });
                        if seq < MAX_SEQ {
                            self.send(
                                to,
                                req,
                                Id {
                                    ms: last,
                                    worker,
                                    seq: seq + 1,
                                },
                                Stamped::Logical,
                                cx,
                            )
                        } else {
                            self.send(
                                to,
                                req,
                                Id {
                                    ms: last + 1,
                                    worker,
                                    seq: 0,
                                },
                                Stamped::Logical,
                                cx,
                            )
                        }
                    }
                    // Break it: the clock as it reads, the sequence from 0 — IDs issued before.
                    Strategy::Ignore => {
                        self.send(to, req, Id { ms, worker, seq: 0 }, Stamped::Backwards, cx)
                    }
                }
            }
        }
    }

    /// Keep the request until the clock reads past `last` (a timer on the node's clock).
    fn hold(&mut self, to: NodeId, req: u64, last: u64, cx: &mut Ctx<SnowNode>) {
        if self.waiting.is_empty() {
            cx.note(SnowNote::Waiting { last_ms: last });
            let ahead = (last + 1) * MS - cx.local.min((last + 1) * MS);
            cx.set_timer(SnowTimer::CaughtUp, ahead.max(1), ahead.max(1));
        }
        self.waiting.push((to, req));
    }

    pub(super) fn on_msg(
        &mut self,
        cfg: &SnowConfig,
        from: NodeId,
        msg: SnowMsg,
        cx: &mut Ctx<SnowNode>,
    ) {
        if let SnowMsg::Next { req } = msg {
            if self.waiting.is_empty() {
                self.answer(cfg, from, req, false, cx);
            } else {
                // Behind the requests already waiting, in order.
                self.waiting.push((from, req));
            }
        }
    }

    pub(super) fn on_timer(&mut self, cfg: &SnowConfig, timer: SnowTimer, cx: &mut Ctx<SnowNode>) {
        if timer == SnowTimer::CaughtUp {
            for (to, req) in std::mem::take(&mut self.waiting) {
                if self.waiting.is_empty() {
                    self.answer(cfg, to, req, true, cx);
                } else {
                    self.waiting.push((to, req));
                }
            }
        }
    }
}
