//! The world: nodes, network, timers and the event queue, advanced one event at a time.
//!
//! Every user action ([`Action`]) is applied at the current virtual time and appended to
//! the action log, so a run is a pure function of `(seed, config, actions)`:
//! [`World::replay`] rebuilds it exactly.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::clock::{ClockSpec, LocalClock};
use super::invariant::{Monitor, Violation};
use super::network::{DropReason, InFlight, LinkState, NetConfig, Network};
use super::node::{Ctx, Effect, NodeId, Protocol};
use super::rng::SimRng;
use super::shared_log::SharedLog;
use super::time::SimTime;
use super::trace::{Trace, TraceKind};

/// Settings of a run that are not the protocol's own.
#[derive(Clone, Debug, PartialEq)]
pub struct WorldConfig {
    /// The one seed of the run.
    pub seed: u64,
    /// Latency and loss.
    pub net: NetConfig,
    /// How many recent trace events to keep for the UI (0: fingerprint only).
    pub trace_capacity: usize,
    /// Check the protocol's invariants after every step.
    pub check_invariants: bool,
    /// Each node's local clock at time 0, by node id (missing: a perfect clock).
    pub clocks: Vec<ClockSpec>,
}

impl WorldConfig {
    /// A world for batch runs (sweeps, experiments, tests): no trace kept, invariants
    /// checked or not.
    pub fn batch(seed: u64, net: NetConfig, check_invariants: bool) -> Self {
        WorldConfig {
            seed,
            net,
            trace_capacity: 0,
            check_invariants,
            clocks: Vec::new(),
        }
    }
}

impl Default for WorldConfig {
    fn default() -> Self {
        WorldConfig {
            seed: 1,
            net: NetConfig::default(),
            trace_capacity: 512,
            check_invariants: true,
            clocks: Vec::new(),
        }
    }
}

/// A user's (or a test's) intervention, applied at a virtual time.
#[derive(Clone, Debug, PartialEq)]
pub enum Action<C> {
    /// The node stops: it receives nothing and its timers stop.
    Crash(NodeId),
    /// The node boots again with its persistent state.
    Restart(NodeId),
    /// Messages on this link are dropped from now on (also those already flying).
    Cut(NodeId, NodeId),
    /// The link carries messages again.
    Heal(NodeId, NodeId),
    /// Cut every link between different groups; nodes in no group are cut off from all.
    Partition(Vec<Vec<NodeId>>),
    /// Heal every link.
    HealAll,
    /// Drop one message in flight, by id.
    DropMsg(u64),
    /// A client request or teacher command to one node.
    Command(NodeId, C),
    /// Change the network's latency range and loss (affects messages sent from now on).
    SetNet(NetConfig),
    /// The node stops for this long (a GC pause, a VM freeze) and then carries on as if
    /// nothing happened: not a crash — its state survives, and what arrives meanwhile
    /// (messages, timers that come due, commands) waits and is handled when it resumes.
    Pause(NodeId, SimTime),
    /// The node's local clock is stepped by this many microseconds (negative: backward).
    ClockJump(NodeId, i64),
}

/// A timer a node has armed.
#[derive(Clone, Debug)]
pub struct ArmedTimer<T> {
    pub timer: T,
    pub set_at: SimTime,
    /// The true time it fires (moves when the node's clock jumps).
    pub deadline: SimTime,
    /// The local clock reading it fires at (timers run on the node's clock).
    pub local_deadline: i64,
    gen: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Due {
    Deliver(u64),
    Timer {
        node: NodeId,
        gen: u64,
    },
    /// A scripted action (a preset's "the coordinator crashes at 45 ms").
    Scripted(usize),
    /// A paused node's pause may be over.
    Resume(NodeId),
    /// A command that waited for its paused node (index into `held_cmds`).
    HeldCmd(usize),
}

/// A pause, for drawing: the node, when it began, when it ends (or ended).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PauseSpan {
    pub node: NodeId,
    pub from: SimTime,
    pub until: SimTime,
}

#[derive(Clone, Debug)]
struct Slot<P: Protocol> {
    proto: P,
    alive: bool,
    timers: Vec<ArmedTimer<P::Timer>>,
    timer_rng: SimRng,
    net_rng: SimRng,
    entropy_rng: SimRng,
    clock: LocalClock,
    /// Paused until then; what came due meanwhile waits in `held`, in order.
    paused_until: Option<SimTime>,
    held: Vec<Due>,
}

/// A cluster of `P` nodes on a simulated network.
#[derive(Clone, Debug)]
pub struct World<P: Protocol> {
    config: WorldConfig,
    now: SimTime,
    seq: u64,
    timer_gen: u64,
    queue: BinaryHeap<Reverse<(SimTime, u64, Due)>>,
    slots: Vec<Slot<P>>,
    net: Network<P::Msg>,
    trace: Trace<P>,
    /// Shared between clones (checkpoints), see [`SharedLog`].
    actions: SharedLog<(SimTime, Action<P::Cmd>)>,
    scripted: Vec<Action<P::Cmd>>,
    monitor: P::Monitor,
    violations: Vec<Violation>,
    events: u64,
    scratch: Vec<Effect<P>>,
    // Kept beside the slots so the monitor can see which nodes are up as one slice.
    alive_view: Vec<bool>,
    /// Commands given to paused nodes: (node, command, from a preset's script).
    held_cmds: Vec<(NodeId, P::Cmd, bool)>,
    /// Every pause so far, for drawing.
    pauses: Vec<PauseSpan>,
}

impl<P: Protocol> World<P> {
    /// A world whose nodes boot at time 0, in id order.
    pub fn new(config: WorldConfig, nodes: Vec<P>) -> Self {
        let root = SimRng::new(config.seed);
        let n = nodes.len();
        let slots = nodes
            .into_iter()
            .enumerate()
            .map(|(i, proto)| Slot {
                proto,
                alive: true,
                timers: Vec::new(),
                timer_rng: root.fork(i as u64 + 1),
                net_rng: root.fork(0x1_0000 + i as u64),
                entropy_rng: root.fork(0x2_0000 + i as u64),
                clock: LocalClock::new(config.clocks.get(i).copied().unwrap_or_default()),
                paused_until: None,
                held: Vec::new(),
            })
            .collect();
        let mut w = World {
            net: Network::new(config.net.clone()),
            trace: Trace::new(config.trace_capacity),
            config,
            now: 0,
            seq: 0,
            timer_gen: 0,
            queue: BinaryHeap::new(),
            slots,
            actions: SharedLog::default(),
            scripted: Vec::new(),
            monitor: P::Monitor::default(),
            violations: Vec::new(),
            events: 0,
            scratch: Vec::new(),
            alive_view: vec![true; n],
            held_cmds: Vec::new(),
            pauses: Vec::new(),
        };
        for i in 0..n {
            w.with_node(i, |p, cx| p.on_start(cx));
        }
        w.check();
        w
    }

    /// Rebuild a run from its inputs and advance it to `until`.
    pub fn replay(
        config: WorldConfig,
        nodes: Vec<P>,
        actions: &[(SimTime, Action<P::Cmd>)],
        until: SimTime,
    ) -> Self {
        let mut w = World::new(config, nodes);
        for (at, action) in actions {
            w.run_until(*at);
            w.apply(action.clone());
        }
        w.run_until(until);
        w
    }

    // ----- reading -------------------------------------------------------------------

    /// The current virtual time.
    pub fn now(&self) -> SimTime {
        self.now
    }
    /// The run's settings.
    pub fn config(&self) -> &WorldConfig {
        &self.config
    }
    /// How many nodes.
    pub fn len(&self) -> usize {
        self.slots.len()
    }
    /// A world always has nodes; kept for API symmetry with `len`.
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }
    /// A node's protocol state.
    pub fn node(&self, id: NodeId) -> &P {
        &self.slots[id].proto
    }
    /// Whether a node is up.
    pub fn is_alive(&self, id: NodeId) -> bool {
        self.slots[id].alive
    }
    /// A node's local clock (see [`crate::sim::clock`]).
    pub fn clock(&self, id: NodeId) -> &LocalClock {
        &self.slots[id].clock
    }
    /// What a node's local clock reads now.
    pub fn local_time(&self, id: NodeId) -> i64 {
        self.slots[id].clock.read(self.now)
    }
    /// Until when a node is paused, if it is.
    pub fn paused_until(&self, id: NodeId) -> Option<SimTime> {
        self.slots[id].paused_until
    }
    /// Every pause so far (the last may still be going on).
    pub fn pauses(&self) -> &[PauseSpan] {
        &self.pauses
    }
    /// The timers a node has armed.
    pub fn timers(&self, id: NodeId) -> &[ArmedTimer<P::Timer>] {
        &self.slots[id].timers
    }
    /// The network (links and messages in flight).
    pub fn network(&self) -> &Network<P::Msg> {
        &self.net
    }
    /// The trace.
    pub fn trace(&self) -> &Trace<P> {
        &self.trace
    }
    /// Every action applied so far, with its time.
    pub fn actions(&self) -> &SharedLog<(SimTime, Action<P::Cmd>)> {
        &self.actions
    }
    /// When the network's conditions were changed (latency, loss, duplication: a
    /// [`Action::SetNet`] of a script or of the user), in order.
    pub fn net_changes(&self) -> Vec<SimTime> {
        self.actions
            .iter()
            .filter(|(_, a)| matches!(a, Action::SetNet(_)))
            .map(|(at, _)| *at)
            .collect()
    }
    /// The safety monitor (its ghost state: what it has seen so far).
    pub fn monitor(&self) -> &P::Monitor {
        &self.monitor
    }

    /// Every invariant violation detected so far.
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }
    /// How many events (deliveries, drops, timer firings) were processed.
    pub fn events_processed(&self) -> u64 {
        self.events
    }
    /// The time of the next pending event, if any (stale entries included).
    pub fn next_event_time(&self) -> Option<SimTime> {
        self.queue.peek().map(|Reverse((t, _, _))| *t)
    }

    // ----- advancing -----------------------------------------------------------------

    /// Process the next event. Returns false when nothing is left to do.
    pub fn step(&mut self) -> bool {
        while let Some(Reverse((at, _, due))) = self.queue.pop() {
            if self.process(at, due) {
                self.events += 1;
                self.check();
                return true;
            }
        }
        false
    }

    /// Process every event due at or before `t`, then set the clock to `t`.
    pub fn run_until(&mut self, t: SimTime) {
        while let Some(Reverse((at, _, due))) = self.queue.peek().copied() {
            if at > t {
                break;
            }
            self.queue.pop();
            if self.process(at, due) {
                self.events += 1;
                self.check();
            }
        }
        self.now = self.now.max(t);
    }

    /// Apply `action` when the clock reaches `at` (in order with the other events of that
    /// instant). Used by presets; the action lands in the action log when it is applied.
    pub fn schedule(&mut self, at: SimTime, action: Action<P::Cmd>) {
        self.scripted.push(action);
        let idx = self.scripted.len() - 1;
        self.push(at.max(self.now), Due::Scripted(idx));
    }

    /// Apply a user action now, and record it in the action log.
    pub fn apply(&mut self, action: Action<P::Cmd>) {
        self.apply_from(action, false);
    }

    /// Apply an action now, and record it in the action log; `scripted` when a preset's
    /// script gave it (its command is then told as the preset's, not the user's).
    fn apply_from(&mut self, action: Action<P::Cmd>, scripted: bool) {
        self.actions.push((self.now, action.clone()));
        let now = self.now;
        match action {
            Action::Crash(id) if id < self.len() && self.slots[id].alive => {
                let slot = &mut self.slots[id];
                slot.alive = false;
                slot.timers.clear();
                slot.proto.on_crash();
                self.trace.record(now, TraceKind::Crashed { node: id });
                // A crash ends a pause: what waited is lost with the node.
                if self.slots[id].paused_until.take().is_some() {
                    self.end_pause_span(id);
                    for due in std::mem::take(&mut self.slots[id].held) {
                        if let Due::Deliver(mid) = due {
                            if let Some(m) = self.net.take(mid) {
                                self.deliver(m);
                            }
                        }
                    }
                }
            }
            Action::Pause(id, span) if id < self.len() && self.slots[id].alive && span > 0 => {
                let until = now.saturating_add(span);
                let slot = &mut self.slots[id];
                let was = slot.paused_until;
                slot.paused_until = Some(was.map_or(until, |w| w.max(until)));
                let until = slot.paused_until.unwrap_or(until);
                match self
                    .pauses
                    .iter_mut()
                    .rev()
                    .find(|p| p.node == id && was.is_some())
                {
                    Some(p) => p.until = until,
                    None => self.pauses.push(PauseSpan {
                        node: id,
                        from: now,
                        until,
                    }),
                }
                self.trace
                    .record(now, TraceKind::Paused { node: id, until });
                self.push(until, Due::Resume(id));
            }
            Action::ClockJump(id, delta) if id < self.len() && delta != 0 => {
                let slot = &mut self.slots[id];
                slot.clock.jump(now, delta);
                self.trace
                    .record(now, TraceKind::ClockJumped { node: id, delta });
                // Its timers run on its clock: each fires when the clock reads its deadline.
                let timers = std::mem::take(&mut self.slots[id].timers);
                for mut t in timers {
                    self.timer_gen += 1;
                    t.gen = self.timer_gen;
                    t.deadline = self.slots[id].clock.when_reads(t.local_deadline, now);
                    self.push(
                        t.deadline,
                        Due::Timer {
                            node: id,
                            gen: t.gen,
                        },
                    );
                    self.slots[id].timers.push(t);
                }
            }
            Action::Restart(id) if id < self.len() && !self.slots[id].alive => {
                self.slots[id].alive = true;
                self.trace.record(now, TraceKind::Restarted { node: id });
                self.with_node(id, |p, cx| p.on_start(cx));
            }
            Action::Cut(a, b)
                if a < self.len() && b < self.len() && self.net.set_link(a, b, LinkState::Cut) =>
            {
                self.trace.record(
                    now,
                    TraceKind::LinkCut {
                        a: a.min(b),
                        b: a.max(b),
                    },
                );
            }
            Action::Heal(a, b)
                if a < self.len() && b < self.len() && self.net.set_link(a, b, LinkState::Up) =>
            {
                self.trace.record(
                    now,
                    TraceKind::LinkHealed {
                        a: a.min(b),
                        b: a.max(b),
                    },
                );
            }
            Action::Partition(groups) => {
                let n = self.len();
                let group_of = |x: NodeId| groups.iter().position(|g| g.contains(&x));
                for a in 0..n {
                    for b in a + 1..n {
                        let same =
                            matches!((group_of(a), group_of(b)), (Some(x), Some(y)) if x == y);
                        let state = if same { LinkState::Up } else { LinkState::Cut };
                        if self.net.set_link(a, b, state) {
                            let kind = if same {
                                TraceKind::LinkHealed { a, b }
                            } else {
                                TraceKind::LinkCut { a, b }
                            };
                            self.trace.record(now, kind);
                        }
                    }
                }
            }
            Action::HealAll => {
                let cut: Vec<_> = self.net.cut_links().collect();
                for (a, b) in cut {
                    self.net.set_link(a, b, LinkState::Up);
                    self.trace.record(now, TraceKind::LinkHealed { a, b });
                }
            }
            Action::DropMsg(id) => {
                if let Some(m) = self.net.take(id) {
                    self.trace.record(
                        now,
                        TraceKind::Dropped {
                            id,
                            from: m.from,
                            to: m.to,
                            reason: DropReason::ByUser,
                            sent_at: m.sent_at,
                            arrive_at: m.arrive_at,
                            msg: m.msg,
                        },
                    );
                }
            }
            Action::Command(id, cmd) if id < self.len() => {
                self.trace.record(
                    now,
                    TraceKind::Command {
                        node: id,
                        cmd: cmd.clone(),
                        scripted,
                    },
                );
                if self.slots[id].paused_until.is_some() {
                    // It waits for the node to resume, like a message.
                    self.held_cmds.push((id, cmd, scripted));
                    let idx = self.held_cmds.len() - 1;
                    self.slots[id].held.push(Due::HeldCmd(idx));
                } else if self.slots[id].alive {
                    self.with_node(id, |p, cx| p.on_cmd(cmd, cx));
                }
            }
            Action::SetNet(net) => {
                self.config.net = net.clone();
                self.net.config = net;
            }
            _ => {}
        }
        self.check();
    }

    // ----- internals -----------------------------------------------------------------

    /// A pause cut short (by a crash) ends now on the drawing.
    fn end_pause_span(&mut self, id: NodeId) {
        let now = self.now;
        if let Some(p) = self.pauses.iter_mut().rev().find(|p| p.node == id) {
            p.until = p.until.min(now);
        }
    }

    fn push(&mut self, at: SimTime, due: Due) {
        self.seq += 1;
        self.queue.push(Reverse((at, self.seq, due)));
    }

    /// Handle one queue entry; false if it was stale (a cancelled timer, a message
    /// already dropped).
    fn process(&mut self, at: SimTime, due: Due) -> bool {
        // A paused node handles nothing: what comes due for it waits until it resumes.
        let for_node = match due {
            Due::Deliver(id) => self.net.get(id).map(|m| m.to),
            Due::Timer { node, .. } => Some(node),
            _ => None,
        };
        if let Some(node) = for_node.filter(|&n| self.slots[n].paused_until.is_some()) {
            self.slots[node].held.push(due);
            return false;
        }
        match due {
            Due::Resume(node) => {
                if self.slots[node].paused_until != Some(at) {
                    return false;
                }
                self.now = at;
                self.slots[node].paused_until = None;
                self.trace.record(at, TraceKind::Resumed { node });
                for held in std::mem::take(&mut self.slots[node].held) {
                    if self.process(at, held) {
                        self.check();
                    }
                }
                true
            }
            Due::HeldCmd(idx) => {
                let (node, cmd, _) = self.held_cmds[idx].clone();
                self.now = at;
                if self.slots[node].alive {
                    self.with_node(node, |p, cx| p.on_cmd(cmd, cx));
                }
                true
            }
            Due::Deliver(id) => {
                let Some(m) = self.net.take(id) else {
                    return false;
                };
                self.now = at;
                self.deliver(m);
                true
            }
            Due::Timer { node, gen } => {
                let slot = &mut self.slots[node];
                let Some(pos) = slot.timers.iter().position(|t| t.gen == gen) else {
                    return false;
                };
                let armed = slot.timers.swap_remove(pos);
                self.now = at;
                self.trace.record(
                    at,
                    TraceKind::TimerFired {
                        node,
                        timer: armed.timer.clone(),
                    },
                );
                self.with_node(node, |p, cx| p.on_timer(armed.timer, cx));
                true
            }
            Due::Scripted(idx) => {
                self.now = at;
                let action = self.scripted[idx].clone();
                self.apply_from(action, true);
                true
            }
        }
    }

    fn deliver(&mut self, m: InFlight<P::Msg>) {
        let InFlight {
            id,
            from,
            to,
            lost,
            msg,
            sent_at,
            arrive_at,
            ..
        } = m;
        let reason = if lost {
            Some(DropReason::Lost)
        } else if self.net.link(from, to) == LinkState::Cut {
            Some(DropReason::LinkCut)
        } else if !self.slots[to].alive {
            Some(DropReason::NodeDown)
        } else {
            None
        };
        match reason {
            Some(reason) => self.trace.record(
                self.now,
                TraceKind::Dropped {
                    id,
                    from,
                    to,
                    reason,
                    sent_at,
                    arrive_at,
                    msg,
                },
            ),
            None => {
                self.trace.record_delivered(self.now, id, from, to, &msg);
                self.with_node(to, |p, cx| p.on_msg(from, msg, cx));
            }
        }
    }

    /// Run a handler on node `id` and apply the effects it left.
    fn with_node(&mut self, id: NodeId, f: impl FnOnce(&mut P, &mut Ctx<P>)) {
        let entropy = self.slots[id].entropy_rng.next_u64();
        let mut cx = Ctx {
            id,
            now: self.now,
            local: self.slots[id].clock.time(self.now),
            cluster_size: self.slots.len(),
            effects: std::mem::take(&mut self.scratch),
            entropy,
        };
        f(&mut self.slots[id].proto, &mut cx);
        let mut effects = cx.effects;
        for e in effects.drain(..) {
            self.apply_effect(id, e);
        }
        self.scratch = effects;
    }

    fn apply_effect(&mut self, id: NodeId, e: Effect<P>) {
        let now = self.now;
        match e {
            Effect::Send { to, msg } => {
                if to == id || to >= self.slots.len() {
                    return;
                }
                let cfg = &self.net.config;
                let (lo, hi, loss, dup) =
                    (cfg.latency_min, cfg.latency_max, cfg.loss, cfg.duplicate);
                let rng = &mut self.slots[id].net_rng;
                let latency = rng.range_inclusive(lo, hi).max(1);
                let lost = rng.chance(loss);
                // A duplicate is drawn only when the rate is set (old runs draw as before),
                // and gets its own latency: the copy may overtake the original.
                let copy = (dup > 0.0 && !lost && rng.chance(dup))
                    .then(|| (rng.range_inclusive(lo, hi).max(1), msg.clone()));
                let original = self.put_on_wire(id, to, now + latency, lost, None, msg);
                if let Some((latency, msg)) = copy {
                    self.put_on_wire(id, to, now + latency, false, Some(original), msg);
                }
            }
            Effect::SetTimer { timer, min, max } => {
                let slot = &mut self.slots[id];
                slot.timers.retain(|t| t.timer != timer);
                let delay = slot.timer_rng.range_inclusive(min, max);
                // The delay is measured on the node's own clock.
                let (deadline, local_deadline) = if slot.clock.is_perfect() {
                    (now + delay, (now + delay) as i64)
                } else {
                    let local = slot.clock.read(now) + delay as i64;
                    (slot.clock.when_reads(local, now), local)
                };
                self.timer_gen += 1;
                let gen = self.timer_gen;
                self.slots[id].timers.push(ArmedTimer {
                    timer,
                    set_at: now,
                    deadline,
                    local_deadline,
                    gen,
                });
                self.push(deadline, Due::Timer { node: id, gen });
            }
            Effect::CancelTimer(timer) => self.slots[id].timers.retain(|t| t.timer != timer),
            Effect::Note(note) => self.trace.record(now, TraceKind::Note { node: id, note }),
        }
    }

    /// One message onto the wire and into the trace, due at `arrive_at`; returns its id.
    fn put_on_wire(
        &mut self,
        from: NodeId,
        to: NodeId,
        arrive_at: SimTime,
        lost: bool,
        copy_of: Option<u64>,
        msg: P::Msg,
    ) -> u64 {
        let now = self.now;
        let mid = self.net.next_id();
        self.trace.record_sent(now, mid, from, to, arrive_at, &msg);
        self.net.send(InFlight {
            id: mid,
            from,
            to,
            sent_at: now,
            arrive_at,
            lost,
            copy_of,
            msg,
        });
        self.push(arrive_at, Due::Deliver(mid));
        mid
    }

    fn check(&mut self) {
        if !self.config.check_invariants {
            return;
        }
        let nodes: Vec<&P> = self.slots.iter().map(|s| &s.proto).collect();
        for (a, s) in self.alive_view.iter_mut().zip(&self.slots) {
            *a = s.alive;
        }
        let before = self.violations.len();
        self.monitor
            .check(self.now, &nodes, &self.alive_view, &mut self.violations);
        for v in self.violations[before..].iter() {
            self.trace
                .record(self.now, TraceKind::Violation { rule: v.rule });
        }
    }
}
