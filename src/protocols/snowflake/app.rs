//! The app: asks every generator for an ID at a fixed period (and on command), and
//! collects the answers — where a duplicate shows. (Whether a generator's IDs increase is
//! judged in the order it issued them: the network may reorder the answers.)

use std::collections::BTreeMap;

use super::msg::{Id, SnowMsg, SnowNote, SnowTimer};
use super::node::{SnowConfig, SnowNode};
use crate::sim::{Ctx, NodeId, SimTime};

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
#[derive(Clone, Debug, Default)]
pub struct App {
    req: u64,
    /// Requests awaiting an answer: req → (generator, sent at).
    pending: BTreeMap<u64, (NodeId, SimTime)>,
    got: Vec<Got>,
    /// Every ID received, by value, with who issued it first.
    seen: BTreeMap<u64, NodeId>,
}

impl App {
    pub fn got(&self) -> &[Got] {
        &self.got
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
            match self.seen.get(&id.value()) {
                Some(&first) => {
                    got.duplicate_of = Some(first);
                    cx.note(SnowNote::Duplicate { id, first });
                }
                None => {
                    self.seen.insert(id.value(), from);
                }
            }
        }
        self.got.push(got);
    }
}
