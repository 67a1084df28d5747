//! The trace: everything that happened, in order. It drives the event log, the animation
//! of arrivals and drops, and the determinism fingerprint used by tests.

use std::collections::VecDeque;
use std::hash::{Hash, Hasher};

use super::hash::Fnv64;
use super::network::DropReason;
use super::node::{NodeId, Protocol};
use super::time::SimTime;

/// One thing that happened at a virtual time.
#[derive(Clone, Debug)]
pub struct TraceEvent<P: Protocol> {
    pub at: SimTime,
    pub kind: TraceKind<P>,
}

/// What happened.
#[derive(Clone, Debug)]
pub enum TraceKind<P: Protocol> {
    Sent { id: u64, from: NodeId, to: NodeId, arrive_at: SimTime, msg: P::Msg },
    Delivered { id: u64, from: NodeId, to: NodeId, msg: P::Msg },
    /// `sent_at`/`arrive_at` let a view place the drop where the message was.
    Dropped { id: u64, from: NodeId, to: NodeId, reason: DropReason, sent_at: SimTime, arrive_at: SimTime, msg: P::Msg },
    TimerFired { node: NodeId, timer: P::Timer },
    Note { node: NodeId, note: P::Note },
    Command { node: NodeId, cmd: P::Cmd },
    Crashed { node: NodeId },
    Restarted { node: NodeId },
    LinkCut { a: NodeId, b: NodeId },
    LinkHealed { a: NodeId, b: NodeId },
    /// An invariant broke; see [`crate::sim::Violation`].
    Violation { rule: &'static str },
}

impl<P: Protocol> TraceKind<P> {
    fn fingerprint<H: Hasher>(&self, h: &mut H) {
        match self {
            TraceKind::Sent { id, from, to, arrive_at, msg } => (0u8, id, from, to, arrive_at, msg).hash(h),
            TraceKind::Delivered { id, from, to, msg } => (1u8, id, from, to, msg).hash(h),
            TraceKind::Dropped { id, from, to, reason, sent_at, arrive_at, msg } => (2u8, id, from, to, reason, sent_at, arrive_at, msg).hash(h),
            TraceKind::TimerFired { node, timer } => (3u8, node, timer).hash(h),
            TraceKind::Note { node, note } => (4u8, node, note).hash(h),
            TraceKind::Command { node, cmd } => (5u8, node, cmd).hash(h),
            TraceKind::Crashed { node } => (6u8, node).hash(h),
            TraceKind::Restarted { node } => (7u8, node).hash(h),
            TraceKind::LinkCut { a, b } => (8u8, a, b).hash(h),
            TraceKind::LinkHealed { a, b } => (9u8, a, b).hash(h),
            TraceKind::Violation { rule } => (10u8, rule).hash(h),
        }
    }
}

/// The recent trace (bounded) plus a running fingerprint of the whole trace.
#[derive(Clone, Debug)]
pub struct Trace<P: Protocol> {
    recent: VecDeque<TraceEvent<P>>,
    capacity: usize,
    hasher: Fnv64,
    total: u64,
}

impl<P: Protocol> Trace<P> {
    /// Keep at most `capacity` recent events (0 keeps none but still fingerprints).
    pub fn new(capacity: usize) -> Self {
        Trace { recent: VecDeque::new(), capacity, hasher: Fnv64::default(), total: 0 }
    }

    pub(crate) fn record(&mut self, at: SimTime, kind: TraceKind<P>) {
        at.hash(&mut self.hasher);
        kind.fingerprint(&mut self.hasher);
        self.total += 1;
        if self.capacity == 0 {
            return;
        }
        if self.recent.len() == self.capacity {
            self.recent.pop_front();
        }
        self.recent.push_back(TraceEvent { at, kind });
    }

    /// A fingerprint of every event recorded so far: equal runs have equal hashes.
    pub fn hash(&self) -> u64 {
        self.hasher.finish()
    }

    /// How many events were recorded in all.
    pub fn total(&self) -> u64 {
        self.total
    }

    /// The recent events, oldest first.
    pub fn recent(&self) -> impl DoubleEndedIterator<Item = &TraceEvent<P>> + ExactSizeIterator {
        self.recent.iter()
    }
}
