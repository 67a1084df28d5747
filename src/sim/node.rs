//! The contract between the engine and a protocol: a sans-IO state machine that reacts to
//! messages, timers and commands by returning [`Effect`]s through a [`Ctx`].

use std::fmt::Debug;
use std::hash::Hash;

use super::time::SimTime;

/// A node's index in the cluster, `0..n`. Shown to people as `S1..Sn`.
pub type NodeId = usize;

/// A protocol's node: pure, deterministic, and unaware of the network and the clock except
/// through [`Ctx`]. It never sends, sleeps or draws randomness itself.
pub trait Protocol: Clone + Debug + Send + Sync + 'static {
    /// Messages exchanged between nodes.
    type Msg: Clone + Debug + Hash + Send + Sync + 'static;
    /// Named timers; setting a timer that is already set replaces it.
    type Timer: Clone + Debug + PartialEq + Hash + Send + Sync + 'static;
    /// Client requests and teacher actions delivered to one node.
    type Cmd: Clone + Debug + Hash + Send + Sync + 'static;
    /// Narration events, translated by the UI.
    type Note: Clone + Debug + Hash + Send + Sync + 'static;
    /// The checker of this protocol's safety rules (see [`crate::sim::Monitor`]).
    type Monitor: crate::sim::Monitor<Self> + Clone + Debug + Default + Send + Sync + 'static;

    /// Called when the node boots, and again after a restart (after [`Protocol::on_crash`]).
    fn on_start(&mut self, cx: &mut Ctx<Self>);
    /// A message from `from` arrived.
    fn on_msg(&mut self, from: NodeId, msg: Self::Msg, cx: &mut Ctx<Self>);
    /// A timer fired.
    fn on_timer(&mut self, timer: Self::Timer, cx: &mut Ctx<Self>);
    /// A client request or teacher action arrived.
    fn on_cmd(&mut self, cmd: Self::Cmd, cx: &mut Ctx<Self>);
    /// The node crashed: drop volatile state, keep what the paper says is persistent.
    fn on_crash(&mut self) {}
    /// The commands this node accepts now (a client's request, a teacher's action): what
    /// the engine's fault scheduler ([`crate::sim::Chaos`]) may give it. `serial` is a
    /// fresh number for requests that carry one. The default offers none.
    fn offered_commands(&self, _serial: u64) -> Vec<Self::Cmd> {
        Vec::new()
    }
}

/// Something a node asks the world to do. Effects are data, so every step can be logged,
/// replayed and tested.
#[derive(Clone, Debug)]
pub enum Effect<P: Protocol> {
    /// Put `msg` on the network towards `to`.
    Send { to: NodeId, msg: P::Msg },
    /// Arm `timer` to fire after a delay the world draws uniformly from `min..=max`.
    SetTimer {
        timer: P::Timer,
        min: SimTime,
        max: SimTime,
    },
    /// Disarm `timer` if it is set.
    CancelTimer(P::Timer),
    /// Tell the student what just happened and why.
    Note(P::Note),
}

/// What a node sees of the world while it handles one event, and where it leaves effects.
pub struct Ctx<P: Protocol> {
    /// This node.
    pub id: NodeId,
    /// The current virtual (true) time. Protocols of the time chapter must not act on it:
    /// they read [`Ctx::local`]; it stays for recording what an outside observer saw (a
    /// client's history) and for the protocols whose nodes share one perfect clock.
    pub now: SimTime,
    /// What this node's local clock reads (drift, offset, jumps: [`crate::sim::clock`]);
    /// equal to `now` for a perfect clock. Timers run on it.
    pub local: SimTime,
    /// How many nodes the cluster has (ids `0..cluster_size`).
    pub cluster_size: usize,
    pub(crate) effects: Vec<Effect<P>>,
    /// Randomness the world drew for this handler from the node's own stream (gossip's
    /// peer choice); a node still never touches a global RNG.
    pub(crate) entropy: u64,
}

impl<P: Protocol> Ctx<P> {
    /// A context for driving a node directly (unit tests, tools).
    pub fn new(id: NodeId, now: SimTime, cluster_size: usize) -> Self {
        Ctx {
            id,
            now,
            local: now,
            cluster_size,
            effects: Vec::new(),
            entropy: id as u64 ^ now,
        }
    }

    /// A random number from the world's stream for this node (deterministic per seed).
    pub fn random(&mut self) -> u64 {
        self.entropy = self.entropy.wrapping_add(0x9E37_79B9_7F4A_7C15);
        crate::sim::rng::mix(self.entropy)
    }

    /// A uniform number in `0..n` (`n ≥ 1`), exactly unbiased: Lemire's widening multiply,
    /// redrawing the rare values that would favour some results.
    pub fn below(&mut self, n: u64) -> u64 {
        let n = n.max(1);
        let threshold = n.wrapping_neg() % n;
        loop {
            let wide = self.random() as u128 * n as u128;
            if (wide as u64) >= threshold {
                return (wide >> 64) as u64;
            }
        }
    }

    /// `count` distinct random peers (fewer if the cluster is smaller), each pick uniform
    /// among the other nodes not yet picked.
    pub fn random_peers(&mut self, count: usize) -> Vec<NodeId> {
        let others = self.cluster_size.saturating_sub(1);
        let want = count.min(others);
        let mut out = Vec::with_capacity(want);
        while out.len() < want {
            let i = self.below(others as u64) as NodeId;
            let p = if i >= self.id { i + 1 } else { i };
            if !out.contains(&p) {
                out.push(p);
            }
        }
        out
    }

    /// Send `msg` to `to`.
    pub fn send(&mut self, to: NodeId, msg: P::Msg) {
        self.effects.push(Effect::Send { to, msg });
    }

    /// Every other node's id.
    pub fn peers(&self) -> impl Iterator<Item = NodeId> + 'static {
        let me = self.id;
        (0..self.cluster_size).filter(move |&p| p != me)
    }

    /// Arm `timer` after a random delay in `min..=max`.
    pub fn set_timer(&mut self, timer: P::Timer, min: SimTime, max: SimTime) {
        self.effects.push(Effect::SetTimer { timer, min, max });
    }

    /// Disarm `timer`.
    pub fn cancel_timer(&mut self, timer: P::Timer) {
        self.effects.push(Effect::CancelTimer(timer));
    }

    /// Narrate.
    pub fn note(&mut self, note: P::Note) {
        self.effects.push(Effect::Note(note));
    }

    /// The effects left so far (for tests that drive a node by hand).
    pub fn effects(&self) -> &[Effect<P>] {
        &self.effects
    }

    /// Take the effects left so far.
    pub fn take_effects(&mut self) -> Vec<Effect<P>> {
        std::mem::take(&mut self.effects)
    }
}
