//! Proposers, acceptors and the learner as one node type.

use super::msg::{Ballot, PaxosCmd, PaxosMsg, PaxosNote, PaxosTimer, Value};
use super::PaxosMonitor;
use crate::sim::{Ctx, NodeId, Protocol, SimTime, MS};

/// Cluster shape and behaviour switches.
#[derive(Clone, Debug, PartialEq)]
pub struct PaxosConfig {
    pub proposers: usize,
    pub acceptors: usize,
    /// A proposer that has not seen its value chosen retries after this long.
    pub retry: SimTime,
    /// Randomize the retry delay between `retry` and `3 × retry` (breaks livelock).
    pub backoff: bool,
    /// Only proposer P1 keeps retrying; the others give up after one failed attempt.
    pub distinguished: bool,
    /// Acceptors keep their promise and accepted proposal across a crash (the paper's
    /// requirement). `false` is the "break it" mode.
    pub persist: bool,
}

impl Default for PaxosConfig {
    fn default() -> Self {
        PaxosConfig {
            proposers: 2,
            acceptors: 5,
            retry: 150 * MS,
            backoff: false,
            distinguished: false,
            persist: true,
        }
    }
}

/// Which role a node id plays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaxosRole {
    Proposer(usize),
    Acceptor(usize),
    Learner,
}

impl PaxosConfig {
    pub fn size(&self) -> usize {
        self.proposers + self.acceptors + 1
    }
    pub fn majority(&self) -> usize {
        self.acceptors / 2 + 1
    }
    pub fn role_of(&self, id: NodeId) -> PaxosRole {
        if id < self.proposers {
            PaxosRole::Proposer(id)
        } else if id < self.proposers + self.acceptors {
            PaxosRole::Acceptor(id - self.proposers)
        } else {
            PaxosRole::Learner
        }
    }
    pub fn acceptor_ids(&self) -> std::ops::Range<NodeId> {
        self.proposers..self.proposers + self.acceptors
    }
    pub fn learner_id(&self) -> NodeId {
        self.proposers + self.acceptors
    }
    /// `P1`, `A3`, `L`.
    pub fn name(&self, id: NodeId) -> String {
        match self.role_of(id) {
            PaxosRole::Proposer(i) => format!("P{}", i + 1),
            PaxosRole::Acceptor(i) => format!("A{}", i + 1),
            PaxosRole::Learner => "L".into(),
        }
    }
    /// Proposer `i`'s own value.
    pub fn value_of(&self, proposer: NodeId) -> Value {
        proposer as Value + 1
    }
}

/// Where a proposer is in its current attempt.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Phase {
    #[default]
    Idle,
    Preparing {
        n: Ballot,
        promises: Vec<(NodeId, Option<(Ballot, Value)>)>,
    },
    Accepting {
        n: Ballot,
        v: Value,
        acks: Vec<NodeId>,
    },
    Chosen {
        n: Ballot,
        v: Value,
    },
    GaveUp,
}

/// One Paxos node's state.
#[derive(Clone, Debug)]
pub struct PaxosNode {
    cfg: PaxosConfig,
    id: NodeId,
    disk: PaxosDisk,
    mem: PaxosMemory,
    /// "Break it" mode: the last crash wiped a promise or an acceptance (told on restart).
    forgot: bool,
}

/// What a node keeps on stable storage. Paxos Made Simple §2.3: "an acceptor must
/// remember this information even if it fails and then restarts" — its promise and what it
/// accepted (forgotten only in the page's "break it" mode). A proposer keeps its round
/// counter (so it never reuses a proposal number) and its attempt count; the learner keeps
/// its tallies and what it learned.
#[derive(Clone, Debug, Default, PartialEq)]
struct PaxosDisk {
    round: u64,
    attempts: u64,
    promised: Option<Ballot>,
    accepted: Option<(Ballot, Value)>,
    votes: Vec<(Ballot, Value, Vec<NodeId>)>,
    learned: Option<(Ballot, Value)>,
}

/// What a proposer holds in memory only (its current attempt): lost at once on a crash.
#[derive(Clone, Debug, Default, PartialEq)]
struct PaxosMemory {
    phase: Phase,
    /// Proposer: a Nack told it of this higher number during its current attempt, which is
    /// therefore lost; it waits for its retry timer (cleared when it tries again).
    preempted_by: Option<Ballot>,
}

impl PaxosNode {
    pub fn new(cfg: PaxosConfig, id: NodeId) -> Self {
        PaxosNode {
            cfg,
            id,
            disk: PaxosDisk::default(),
            mem: PaxosMemory::default(),
            forgot: false,
        }
    }

    /// A whole cluster: proposers, acceptors, learner.
    pub fn cluster(cfg: &PaxosConfig) -> Vec<PaxosNode> {
        (0..cfg.size())
            .map(|i| PaxosNode::new(cfg.clone(), i))
            .collect()
    }

    pub fn config(&self) -> &PaxosConfig {
        &self.cfg
    }
    pub fn role(&self) -> PaxosRole {
        self.cfg.role_of(self.id)
    }
    pub fn phase(&self) -> &Phase {
        &self.mem.phase
    }
    /// Proposer: the higher number that preempted its current attempt, if one did.
    pub fn preempted_by(&self) -> Option<Ballot> {
        self.mem.preempted_by
    }
    /// Proposer: the highest round it has used or seen.
    pub fn round(&self) -> u64 {
        self.disk.round
    }
    pub fn attempts(&self) -> u64 {
        self.disk.attempts
    }
    /// Acceptor: the highest number promised.
    pub fn promised(&self) -> Option<Ballot> {
        self.disk.promised
    }
    /// Acceptor: the proposal accepted last.
    pub fn accepted(&self) -> Option<(Ballot, Value)> {
        self.disk.accepted
    }
    /// Learner (or a proposer that saw its own value chosen): the chosen value.
    pub fn learned(&self) -> Option<(Ballot, Value)> {
        match (&self.mem.phase, self.disk.learned) {
            (Phase::Chosen { n, v }, _) => Some((*n, *v)),
            (_, l) => l,
        }
    }

    fn retry_timer(&self, cx: &mut Ctx<Self>) {
        let r = self.cfg.retry;
        let max = if self.cfg.backoff { 3 * r } else { r };
        cx.set_timer(PaxosTimer::Retry, r, max);
    }

    fn start_round(&mut self, cx: &mut Ctx<Self>) {
        self.disk.round += 1;
        self.disk.attempts += 1;
        let n = Ballot {
            round: self.disk.round,
            proposer: self.id,
        };
        self.mem.phase = Phase::Preparing {
            n,
            promises: Vec::new(),
        };
        self.mem.preempted_by = None;
        cx.note(PaxosNote::SentPrepare { n });
        for a in self.cfg.acceptor_ids() {
            cx.send(a, PaxosMsg::Prepare { n });
        }
        self.retry_timer(cx);
    }

    fn proposer_msg(&mut self, from: NodeId, msg: PaxosMsg, cx: &mut Ctx<Self>) {
        let majority = self.cfg.majority();
        match msg {
            PaxosMsg::Promise { n, accepted } => {
                let Phase::Preparing { n: mine, promises } = &mut self.mem.phase else {
                    return;
                };
                if n != *mine || promises.iter().any(|(a, _)| *a == from) {
                    return;
                }
                promises.push((from, accepted));
                if promises.len() >= majority {
                    // "v is the value of the highest-numbered proposal among the responses,
                    // or is any value selected by the proposer if none was reported."
                    let prior = promises
                        .iter()
                        .filter_map(|(_, acc)| *acc)
                        .max_by_key(|(b, _)| *b);
                    let own = self.cfg.value_of(self.id);
                    let v = prior.map_or(own, |(_, v)| v);
                    let n = *mine;
                    self.mem.phase = Phase::Accepting {
                        n,
                        v,
                        acks: Vec::new(),
                    };
                    cx.note(PaxosNote::SentAccept {
                        n,
                        v,
                        adopted: v != own,
                    });
                    for a in self.cfg.acceptor_ids() {
                        cx.send(a, PaxosMsg::Accept { n, v });
                    }
                }
            }
            PaxosMsg::Nack { n, promised } => {
                self.disk.round = self.disk.round.max(promised.round);
                let current = match &self.mem.phase {
                    Phase::Preparing { n: m, .. } | Phase::Accepting { n: m, .. } => Some(*m),
                    _ => None,
                };
                if current == Some(n) {
                    self.mem.preempted_by = Some(promised);
                    cx.note(PaxosNote::Preempted { n, by: promised });
                }
            }
            PaxosMsg::Accepted { n, v } => {
                let Phase::Accepting { n: mine, acks, .. } = &mut self.mem.phase else {
                    return;
                };
                if n != *mine || acks.contains(&from) {
                    return;
                }
                acks.push(from);
                if acks.len() >= majority {
                    self.mem.phase = Phase::Chosen { n, v };
                    cx.cancel_timer(PaxosTimer::Retry);
                    cx.note(PaxosNote::LearnedChosen { v, n });
                }
            }
            _ => {}
        }
    }

    fn acceptor_msg(&mut self, from: NodeId, msg: PaxosMsg, cx: &mut Ctx<Self>) {
        match msg {
            PaxosMsg::Prepare { n } => match self.disk.promised {
                Some(p) if p > n => {
                    cx.note(PaxosNote::RefusedPrepare { n, promised: p });
                    cx.send(from, PaxosMsg::Nack { n, promised: p });
                }
                _ => {
                    self.disk.promised = Some(n);
                    cx.note(PaxosNote::Promised {
                        n,
                        to: from,
                        accepted: self.disk.accepted,
                    });
                    cx.send(
                        from,
                        PaxosMsg::Promise {
                            n,
                            accepted: self.disk.accepted,
                        },
                    );
                }
            },
            PaxosMsg::Accept { n, v } => match self.disk.promised {
                Some(p) if p > n => {
                    cx.note(PaxosNote::RefusedAccept { n, promised: p });
                    cx.send(from, PaxosMsg::Nack { n, promised: p });
                }
                _ => {
                    self.disk.promised = Some(n);
                    self.disk.accepted = Some((n, v));
                    cx.note(PaxosNote::AcceptedValue { n, v });
                    cx.send(from, PaxosMsg::Accepted { n, v });
                    cx.send(self.cfg.learner_id(), PaxosMsg::Accepted { n, v });
                }
            },
            _ => {}
        }
    }

    fn learner_msg(&mut self, from: NodeId, msg: PaxosMsg, cx: &mut Ctx<Self>) {
        let PaxosMsg::Accepted { n, v } = msg else {
            return;
        };
        let majority = self.cfg.majority();
        let entry = match self.disk.votes.iter().position(|(b, _, _)| *b == n) {
            Some(i) => &mut self.disk.votes[i],
            None => {
                self.disk.votes.push((n, v, Vec::new()));
                self.disk.votes.last_mut().unwrap()
            }
        };
        if !entry.2.contains(&from) {
            entry.2.push(from);
        }
        if entry.2.len() >= majority && self.disk.learned.map(|(b, _)| b) != Some(n) {
            self.disk.learned = Some((n, v));
            cx.note(PaxosNote::LearnedChosen { v, n });
        }
    }
}

impl Protocol for PaxosNode {
    type Msg = PaxosMsg;
    type Timer = PaxosTimer;
    type Cmd = PaxosCmd;
    type Note = PaxosNote;
    type Monitor = PaxosMonitor;

    fn on_start(&mut self, cx: &mut Ctx<Self>) {
        if let PaxosRole::Acceptor(_) = self.role() {
            if std::mem::take(&mut self.forgot) {
                cx.note(PaxosNote::ForgotEverything);
            } else if self.disk.promised.is_some() || self.disk.accepted.is_some() {
                cx.note(PaxosNote::Recovered {
                    promised: self.disk.promised,
                    accepted: self.disk.accepted,
                });
            }
        }
    }

    fn on_msg(&mut self, from: NodeId, msg: PaxosMsg, cx: &mut Ctx<Self>) {
        match self.role() {
            PaxosRole::Proposer(_) => self.proposer_msg(from, msg, cx),
            PaxosRole::Acceptor(_) => self.acceptor_msg(from, msg, cx),
            PaxosRole::Learner => self.learner_msg(from, msg, cx),
        }
    }

    fn on_timer(&mut self, _: PaxosTimer, cx: &mut Ctx<Self>) {
        let n = match &self.mem.phase {
            Phase::Preparing { n, .. } | Phase::Accepting { n, .. } => *n,
            _ => return,
        };
        cx.note(PaxosNote::RetryTimeout { n });
        if self.cfg.distinguished && self.id != 0 {
            self.mem.phase = Phase::GaveUp;
            cx.note(PaxosNote::GaveUp);
        } else {
            self.start_round(cx);
        }
    }

    fn on_cmd(&mut self, cmd: PaxosCmd, cx: &mut Ctx<Self>) {
        if let (PaxosCmd::Propose, PaxosRole::Proposer(_)) = (cmd, self.role()) {
            if !matches!(self.mem.phase, Phase::Chosen { .. }) {
                self.start_round(cx);
            }
        }
    }

    /// Only proposers propose.
    fn offered_commands(&self, _serial: u64) -> Vec<PaxosCmd> {
        match self.role() {
            PaxosRole::Proposer(_) => vec![PaxosCmd::Propose],
            _ => Vec::new(),
        }
    }

    /// The current attempt is lost; the disk survives (in "break it" mode the acceptor's
    /// promise and accepted value are lost too).
    fn on_crash(&mut self) {
        self.mem = PaxosMemory::default();
        if !self.cfg.persist {
            self.forgot = self.disk.promised.is_some() || self.disk.accepted.is_some();
            self.disk.promised = None;
            self.disk.accepted = None;
        }
    }
}
