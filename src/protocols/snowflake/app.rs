//! The app: asks every generator for an ID at a fixed period (and on command), and
//! collects the answers — where a duplicate shows. (Whether a generator's IDs increase is
//! judged in the order it issued them: the network may reorder the answers.)

use std::collections::BTreeMap;

use super::generator::{FIRST_FEW, KEPT};
use super::msg::{Id, SnowMsg, SnowNote, SnowTimer};
use super::node::{SnowConfig, SnowNode};
use super::seen::SeenIds;
use crate::sim::{Ctx, NodeId, RecentLog, SimTime};

/// How long the app waits for an answer before it forgets the request.
pub const FORGET_AFTER: SimTime = 10 * crate::sim::SEC;

/// One answer as the app received it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Got {
    pub at: SimTime,
    pub from: NodeId,
    /// The ID, or `None`: refused.
    pub id: Option<Id>,
    /// From request to answer.
    pub latency: SimTime,
    /// Already issued, by this generator.
    pub duplicate_of: Option<NodeId>,
}

/// The app's state (its record survives: it is the experiment's).
#[derive(Clone, Debug)]
pub struct App {
    req: u64,
    /// Requests awaiting an answer: req → (generator, sent at).
    pending: BTreeMap<u64, (NodeId, SimTime)>,
    /// The answers: the newest [`KEPT`] and the first [`FIRST_FEW`] duplicates.
    got: RecentLog<Got>,
    /// The IDs received lately, with who issued each first.
    seen: SeenIds,
    /// Tallies of `got`, kept as it grows: duplicates, refusals, the slowest answer.
    duplicates: usize,
    refusals: usize,
    slowest: SimTime,
}

impl Default for App {
    fn default() -> Self {
        App {
            req: 0,
            pending: BTreeMap::new(),
            got: RecentLog::new(KEPT, FIRST_FEW),
            seen: SeenIds::default(),
            duplicates: 0,
            refusals: 0,
            slowest: 0,
        }
    }
}

impl App {
    /// The answers received (marked: a duplicate).
    pub fn got(&self) -> &RecentLog<Got> {
        &self.got
    }
    /// Duplicates received so far.
    pub fn duplicates(&self) -> usize {
        self.duplicates
    }
    /// Refusals received so far.
    pub fn refusals(&self) -> usize {
        self.refusals
    }
    /// The longest wait from a request to its answer.
    pub fn slowest(&self) -> SimTime {
        self.slowest
    }
    /// Requests still unanswered.
    pub fn pending(&self) -> usize {
        self.pending.len()
    }

    pub(super) fn start(&mut self, cfg: &SnowConfig, cx: &mut Ctx<SnowNode>) {
        if cfg.period > 0 {
            cx.set_timer(SnowTimer::Round, cfg.period, cfg.period);
        }
    }

    /// Ask every generator once.
    pub(super) fn ask(&mut self, cfg: &SnowConfig, cx: &mut Ctx<SnowNode>) {
        // A request unanswered for long was lost, or its generator is down: forget it
        // (an answer after all is told without its latency), so a dead generator does
        // not make the record grow for as long as it stays down.
        while let Some((_, &(_, sent))) = self.pending.first_key_value() {
            if cx.now.saturating_sub(sent) <= FORGET_AFTER {
                break;
            }
            self.pending.pop_first();
        }
        for g in 1..=cfg.generators {
            self.req += 1;
            self.pending.insert(self.req, (g, cx.now));
            cx.send(g, SnowMsg::Next { req: self.req });
        }
    }

    pub(super) fn on_timer(&mut self, cfg: &SnowConfig, timer: SnowTimer, cx: &mut Ctx<SnowNode>) {
        if timer == SnowTimer::Round {
            self.ask(cfg, cx);
            cx.set_timer(SnowTimer::Round, cfg.period, cfg.period);
        }
    }

    pub(super) fn on_msg(&mut self, from: NodeId, msg: SnowMsg, cx: &mut Ctx<SnowNode>) {
        let (req, id) = match msg {
            SnowMsg::Issued { req, id, .. } => (req, Some(id)),
            SnowMsg::Refused { req, .. } => (req, None),
            SnowMsg::Next { .. } => return,
        };
        let sent = self.pending.remove(&req).map_or(cx.now, |p| p.1);
        let mut got = Got {
            at: cx.now,
            from,
            id,
            latency: cx.now - sent,
            duplicate_of: None,
        };
        if let Some(id) = id {
            if let Some(first) = self.seen.insert_first(id, from) {
                got.duplicate_of = Some(first);
                cx.note(SnowNote::Duplicate { id, first });
            }
        }
        self.duplicates += usize::from(got.duplicate_of.is_some());
        self.refusals += usize::from(got.id.is_none());
        self.slowest = self.slowest.max(got.latency);
        self.got.push(got, got.duplicate_of.is_some());
    }
}
