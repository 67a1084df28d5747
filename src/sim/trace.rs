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
    Sent {
        id: u64,
        from: NodeId,
        to: NodeId,
        arrive_at: SimTime,
        msg: P::Msg,
    },
    Delivered {
        id: u64,
        from: NodeId,
        to: NodeId,
        msg: P::Msg,
    },
    /// `sent_at`/`arrive_at` let a view place the drop where the message was.
    Dropped {
        id: u64,
        from: NodeId,
        to: NodeId,
        reason: DropReason,
        sent_at: SimTime,
        arrive_at: SimTime,
        msg: P::Msg,
    },
    TimerFired {
        node: NodeId,
        timer: P::Timer,
    },
    Note {
        node: NodeId,
        note: P::Note,
    },
    /// A command to a node: from the user, or from a preset's script (`scripted`).
    Command {
        node: NodeId,
        cmd: P::Cmd,
        scripted: bool,
    },
    Crashed {
        node: NodeId,
    },
    Restarted {
        node: NodeId,
    },
    LinkCut {
        a: NodeId,
        b: NodeId,
    },
    LinkHealed {
        a: NodeId,
        b: NodeId,
    },
    /// The node stopped (a GC pause) until `until`.
    Paused {
        node: NodeId,
        until: SimTime,
    },
    /// A paused node carries on.
    Resumed {
        node: NodeId,
    },
    /// The node's clock was stepped by `delta` µs.
    ClockJumped {
        node: NodeId,
        delta: i64,
    },
    /// An invariant broke; see [`crate::sim::Violation`].
    Violation {
        rule: &'static str,
    },
}

/// The fingerprint of a send. A message's content is hashed once, here; its delivery or
/// drop is identified by its id.
fn sent_fingerprint<M: Hash, H: Hasher>(
    h: &mut H,
    id: u64,
    from: NodeId,
    to: NodeId,
    arrive_at: SimTime,
    msg: &M,
) {
    (0u8, id, from, to, arrive_at, msg).hash(h)
}

fn delivered_fingerprint<H: Hasher>(h: &mut H, id: u64, from: NodeId, to: NodeId) {
    (1u8, id, from, to).hash(h)
}

impl<P: Protocol> TraceKind<P> {
    fn fingerprint<H: Hasher>(&self, h: &mut H) {
        match self {
            TraceKind::Sent {
                id,
                from,
                to,
                arrive_at,
                msg,
            } => sent_fingerprint(h, *id, *from, *to, *arrive_at, msg),
            TraceKind::Delivered { id, from, to, .. } => delivered_fingerprint(h, *id, *from, *to),
            TraceKind::Dropped {
                id,
                from,
                to,
                reason,
                ..
            } => (2u8, id, from, to, reason).hash(h),
            TraceKind::TimerFired { node, timer } => (3u8, node, timer).hash(h),
            TraceKind::Note { node, note } => (4u8, node, note).hash(h),
            TraceKind::Command { node, cmd, .. } => (5u8, node, cmd).hash(h),
            TraceKind::Crashed { node } => (6u8, node).hash(h),
            TraceKind::Restarted { node } => (7u8, node).hash(h),
            TraceKind::LinkCut { a, b } => (8u8, a, b).hash(h),
            TraceKind::LinkHealed { a, b } => (9u8, a, b).hash(h),
            TraceKind::Paused { node, until } => (11u8, node, until).hash(h),
            TraceKind::Resumed { node } => (12u8, node).hash(h),
            TraceKind::ClockJumped { node, delta } => (13u8, node, delta).hash(h),
            TraceKind::Violation { rule } => (10u8, rule).hash(h),
        }
    }
}

/// The recent trace (bounded) plus a running fingerprint of the whole trace.
#[derive(Clone, Debug)]
pub struct Trace<P: Protocol> {
    recent: VecDeque<TraceEvent<P>>,
    capacity: usize,
    /// The narration-worthy events only (not sends, deliveries, timer firings), so that a
    /// flood of messages never pushes the story out; with their sequence numbers.
    story: VecDeque<(u64, TraceEvent<P>)>,
    hasher: Fnv64,
    total: u64,
}

impl<P: Protocol> Trace<P> {
    /// Keep at most `capacity` recent events (0 keeps none but still fingerprints).
    pub fn new(capacity: usize) -> Self {
        Trace {
            recent: VecDeque::new(),
            capacity,
            story: VecDeque::new(),
            hasher: Fnv64::default(),
            total: 0,
        }
    }

    pub(crate) fn record(&mut self, at: SimTime, kind: TraceKind<P>) {
        at.hash(&mut self.hasher);
        kind.fingerprint(&mut self.hasher);
        self.keep(at, || kind);
    }

    /// Record a send without cloning the message unless the event is kept.
    pub(crate) fn record_sent(
        &mut self,
        at: SimTime,
        id: u64,
        from: NodeId,
        to: NodeId,
        arrive_at: SimTime,
        msg: &P::Msg,
    ) {
        at.hash(&mut self.hasher);
        sent_fingerprint(&mut self.hasher, id, from, to, arrive_at, msg);
        self.keep(at, || TraceKind::Sent {
            id,
            from,
            to,
            arrive_at,
            msg: msg.clone(),
        });
    }

    /// Record a delivery without cloning the message unless the event is kept.
    pub(crate) fn record_delivered(
        &mut self,
        at: SimTime,
        id: u64,
        from: NodeId,
        to: NodeId,
        msg: &P::Msg,
    ) {
        at.hash(&mut self.hasher);
        delivered_fingerprint(&mut self.hasher, id, from, to);
        self.keep(at, || TraceKind::Delivered {
            id,
            from,
            to,
            msg: msg.clone(),
        });
    }

    fn keep(&mut self, at: SimTime, kind: impl FnOnce() -> TraceKind<P>) {
        self.total += 1;
        if self.capacity == 0 {
            return;
        }
        let ev = TraceEvent { at, kind: kind() };
        if !matches!(
            ev.kind,
            TraceKind::Sent { .. } | TraceKind::Delivered { .. } | TraceKind::TimerFired { .. }
        ) {
            if self.story.len() == (self.capacity / 8).max(1) {
                self.story.pop_front();
            }
            self.story.push_back((self.total, ev.clone()));
        }
        if self.recent.len() == self.capacity {
            self.recent.pop_front();
        }
        self.recent.push_back(ev);
    }

    /// The recent narration-worthy events with their sequence numbers, oldest first.
    pub fn story(&self) -> impl DoubleEndedIterator<Item = &(u64, TraceEvent<P>)> {
        self.story.iter()
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

/// Narration-only detail a note carries (say, the role a Raft server left): shown to the
/// student, but not part of the run's fingerprint, which hashes what happened. So telling
/// a step better never makes an old link's run look different.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Aside<T>(pub T);

impl<T> std::hash::Hash for Aside<T> {
    fn hash<H: std::hash::Hasher>(&self, _: &mut H) {}
}
