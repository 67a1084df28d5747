//! The network model: messages in flight with their send and arrival times, a latency
//! range, a loss probability, and the state of every link (up or cut).
//!
//! A message crosses one link. If the link is cut when the message arrives, or the
//! destination is down, it is dropped on arrival (the UI shows it hitting the cut).

use std::collections::{BTreeMap, BTreeSet};

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
}

impl Default for NetConfig {
    fn default() -> Self {
        NetConfig { latency_min: 10 * MS, latency_max: 15 * MS, loss: 0.0 }
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
    in_flight: BTreeMap<u64, InFlight<M>>,
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
        Network { config, cut: BTreeSet::new(), in_flight: BTreeMap::new(), next_id: 1 }
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

    /// Put a message on the wire; the caller has drawn its latency and loss.
    pub(crate) fn send(&mut self, from: NodeId, to: NodeId, sent_at: SimTime, arrive_at: SimTime, lost: bool, msg: M) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        self.in_flight.insert(id, InFlight { id, from, to, sent_at, arrive_at, lost, msg });
        id
    }

    /// Remove a message from the wire (it arrived, or was dropped).
    pub(crate) fn take(&mut self, id: u64) -> Option<InFlight<M>> {
        self.in_flight.remove(&id)
    }

    /// A message still on the wire.
    pub fn get(&self, id: u64) -> Option<&InFlight<M>> {
        self.in_flight.get(&id)
    }

    /// Messages on the wire, oldest first.
    pub fn in_flight(&self) -> impl Iterator<Item = &InFlight<M>> {
        self.in_flight.values()
    }

    /// How many messages are on the wire.
    pub fn in_flight_count(&self) -> usize {
        self.in_flight.len()
    }
}
