//! The network model: messages in flight with their send and arrival times, a latency
//! range, a loss probability, and the state of every link (up or cut).
//!
//! A message crosses one link. If the link is cut when the message arrives, or the
//! destination is down, it is dropped on arrival (the UI shows it hitting the cut).

use std::collections::{BTreeSet, VecDeque};

use super::node::NodeId;
use super::time::{SimTime, MS};

/// Latency and loss settings.
#[derive(Clone, Debug, PartialEq)]
pub struct NetConfig {
    /// Shortest one-way delay.
    pub latency_min: SimTime,
    /// Longest one-way delay.
    pub latency_max: SimTime,
    /// Probability that a message is lost in transit, `0.0..=1.0`.
    pub loss: f64,
    /// Probability that a message that is not lost is delivered twice, `0.0..=1.0`: the
    /// network (a retransmitting link, a broker redelivering) puts a second copy on the
    /// wire, with its own latency. At 0 the engine draws nothing for it, so runs recorded
    /// before duplication existed replay unchanged.
    pub duplicate: f64,
}

impl Default for NetConfig {
    fn default() -> Self {
        NetConfig {
            latency_min: 10 * MS,
            latency_max: 15 * MS,
            loss: 0.0,
            duplicate: 0.0,
        }
    }
}

/// Whether a link carries messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LinkState {
    /// Messages pass.
    Up,
    /// Messages on this link are dropped on arrival.
    Cut,
}

/// Why a message never reached its destination.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DropReason {
    /// Random loss (the loss slider).
    Lost,
    /// The link was cut when the message arrived.
    LinkCut,
    /// The destination was down when the message arrived.
    NodeDown,
    /// A user dropped this very message.
    ByUser,
}

/// A message on the wire.
#[derive(Clone, Debug)]
pub struct InFlight<M> {
    /// Unique, sequential id (stable across replays).
    pub id: u64,
    pub from: NodeId,
    pub to: NodeId,
    pub sent_at: SimTime,
    pub arrive_at: SimTime,
    /// Decided at send time: this message will be lost.
    pub lost: bool,
    /// The network's second copy of message `id` (the duplication fault), if it is one.
    pub copy_of: Option<u64>,
    pub msg: M,
}

impl<M> InFlight<M> {
    /// How far along its link the message is at `now`, `0.0..=1.0`.
    pub fn progress(&self, now: SimTime) -> f64 {
        if self.arrive_at <= self.sent_at {
            return 1.0;
        }
        let p = now.saturating_sub(self.sent_at) as f64 / (self.arrive_at - self.sent_at) as f64;
        p.clamp(0.0, 1.0)
    }
}

/// Links and the messages crossing them.
#[derive(Clone, Debug)]
pub struct Network<M> {
    pub config: NetConfig,
    cut: BTreeSet<(NodeId, NodeId)>,
    /// Slot `i` holds message `base + i` (None once it arrived or was dropped). Ids are
    /// sequential and messages mostly arrive in order, so the front drains quickly.
    in_flight: VecDeque<Option<InFlight<M>>>,
    base: u64,
    live: usize,
    next_id: u64,
}

/// The canonical (smaller id first) key of the link between `a` and `b`.
pub fn link_key(a: NodeId, b: NodeId) -> (NodeId, NodeId) {
    if a < b {
        (a, b)
    } else {
        (b, a)
    }
}

impl<M: Clone> Network<M> {
    pub fn new(config: NetConfig) -> Self {
        Network {
            config,
            cut: BTreeSet::new(),
            in_flight: VecDeque::new(),
            base: 1,
            live: 0,
            next_id: 1,
        }
    }

    /// State of the link between `a` and `b`.
    pub fn link(&self, a: NodeId, b: NodeId) -> LinkState {
        if self.cut.contains(&link_key(a, b)) {
            LinkState::Cut
        } else {
            LinkState::Up
        }
    }

    /// Cut or heal a link. Returns whether anything changed.
    pub fn set_link(&mut self, a: NodeId, b: NodeId, state: LinkState) -> bool {
        if a == b {
            return false;
        }
        match state {
            LinkState::Cut => self.cut.insert(link_key(a, b)),
            LinkState::Up => self.cut.remove(&link_key(a, b)),
        }
    }

    /// All cut links.
    pub fn cut_links(&self) -> impl Iterator<Item = (NodeId, NodeId)> + '_ {
        self.cut.iter().copied()
    }

    /// The id the next message sent will get.
    pub(crate) fn next_id(&self) -> u64 {
        self.next_id
    }

    /// Put a message on the wire; the caller has drawn its latency and loss and gave it
    /// [`Network::next_id`].
    pub(crate) fn send(&mut self, m: InFlight<M>) -> u64 {
        let id = self.next_id;
        debug_assert_eq!(m.id, id, "a message goes on the wire under the next id");
        self.next_id += 1;
        self.in_flight.push_back(Some(m));
        self.live += 1;
        id
    }

    fn slot(&self, id: u64) -> Option<usize> {
        id.checked_sub(self.base)
            .map(|i| i as usize)
            .filter(|&i| i < self.in_flight.len())
    }

    /// Remove a message from the wire (it arrived, or was dropped).
    pub(crate) fn take(&mut self, id: u64) -> Option<InFlight<M>> {
        let m = self.slot(id).and_then(|i| self.in_flight[i].take())?;
        self.live -= 1;
        while let Some(None) = self.in_flight.front() {
            self.in_flight.pop_front();
            self.base += 1;
        }
        Some(m)
    }

    /// A message still on the wire.
    pub fn get(&self, id: u64) -> Option<&InFlight<M>> {
        self.slot(id).and_then(|i| self.in_flight[i].as_ref())
    }

    /// Messages on the wire, oldest first.
    pub fn in_flight(&self) -> impl Iterator<Item = &InFlight<M>> {
        self.in_flight.iter().flatten()
    }

    /// How many messages are on the wire.
    pub fn in_flight_count(&self) -> usize {
        self.live
    }
}
