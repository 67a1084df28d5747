//! One node type for the whole page: a replica (primary or secondary) or a client.

use super::client::Client;
use super::invariants::PsMonitor;
use super::msg::{PsCmd, PsMsg, PsNote, PsTimer};
use super::replica::Replica;
use crate::sim::{Ctx, NodeId, Protocol, SimTime, MS};

/// When the primary tells a client "ok".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// After every secondary stored the write (同步复制).
    Sync,
    /// After this many secondaries stored it (半同步).
    Semi(usize),
    /// At once, from the primary's own copy (异步复制).
    Async,
}

/// The cluster's settings.
#[derive(Clone, Debug, PartialEq)]
pub struct PsConfig {
    /// Replicas (the primary and its secondaries): node ids `0..replicas`.
    pub replicas: usize,
    /// Clients: node ids `replicas..replicas + clients`.
    pub clients: usize,
    pub mode: Mode,
    /// How often the primary sends appends (and heartbeats).
    pub heartbeat: SimTime,
    /// A secondary that hears nothing from the primary this long (a random point in the
    /// range) starts a failover.
    pub failover: (SimTime, SimTime),
    /// A client whose answer is this late tries the next replica.
    pub retry: SimTime,
    /// The steady workload: each client starts an operation about this often (`None`:
    /// only when clicked).
    pub workload: Option<SimTime>,
    /// Percent of the workload's operations that are reads.
    pub read_share: u64,
    /// "Break it": the primary acknowledges a write as soon as it has sent it on, before
    /// any secondary confirmed it (whatever the mode says).
    pub ack_early: bool,
}

impl Default for PsConfig {
    fn default() -> Self {
        PsConfig {
            replicas: 3,
            clients: 2,
            mode: Mode::Sync,
            heartbeat: 40 * MS,
            failover: (250 * MS, 400 * MS),
            retry: 300 * MS,
            workload: None,
            read_share: 30,
            ack_early: false,
        }
    }
}

impl PsConfig {
    pub fn size(&self) -> usize {
        self.replicas + self.clients
    }
    /// Replicas a vote or the high-water mark needs.
    pub fn majority(&self) -> usize {
        self.replicas / 2 + 1
    }
    pub fn is_client(&self, id: NodeId) -> bool {
        id >= self.replicas
    }
    /// `S1..` for replicas, `C1..` for clients.
    pub fn name(&self, id: NodeId) -> String {
        if self.is_client(id) {
            format!("C{}", id - self.replicas + 1)
        } else {
            format!("S{}", id + 1)
        }
    }
    /// Secondaries that must store a write before the client hears "ok".
    pub fn acks_needed(&self) -> usize {
        let secondaries = self.replicas - 1;
        match self.mode {
            Mode::Sync => secondaries,
            Mode::Semi(k) => k.min(secondaries),
            Mode::Async => 0,
        }
    }
    /// Whether the mode promises that no acknowledged write is ever lost: an acknowledged
    /// write is then on a majority, and the vote's up-to-date rule elects only a replica
    /// that has it.
    pub fn promises_durability(&self) -> bool {
        self.acks_needed() + 1 >= self.majority()
    }
}

/// What a node is.
#[derive(Clone, Debug)]
pub enum Kind {
    Replica(Replica),
    Client(Client),
}

/// A node of the primary-secondary page.
#[derive(Clone, Debug)]
pub struct PsNode {
    pub(super) cfg: PsConfig,
    pub(super) id: NodeId,
    pub kind: Kind,
}

impl PsNode {
    /// The replicas (S1 the first primary, in epoch 1) and the clients.
    pub fn cluster(cfg: &PsConfig) -> Vec<PsNode> {
        (0..cfg.size())
            .map(|id| PsNode {
                cfg: cfg.clone(),
                id,
                kind: if cfg.is_client(id) {
                    Kind::Client(Client::new(cfg, id))
                } else {
                    Kind::Replica(Replica::new(cfg, id))
                },
            })
            .collect()
    }
    pub fn config(&self) -> &PsConfig {
        &self.cfg
    }
    pub fn id(&self) -> NodeId {
        self.id
    }
    pub fn replica(&self) -> Option<&Replica> {
        match &self.kind {
            Kind::Replica(r) => Some(r),
            Kind::Client(_) => None,
        }
    }
    pub fn client(&self) -> Option<&Client> {
        match &self.kind {
            Kind::Client(c) => Some(c),
            Kind::Replica(_) => None,
        }
    }
}

impl Protocol for PsNode {
    type Msg = PsMsg;
    type Timer = PsTimer;
    type Cmd = PsCmd;
    type Note = PsNote;
    type Monitor = PsMonitor;

    fn on_start(&mut self, cx: &mut Ctx<Self>) {
        let cfg = &self.cfg;
        match &mut self.kind {
            Kind::Replica(r) => r.start(cfg, cx),
            Kind::Client(c) => c.start(cfg, cx),
        }
    }

    fn on_msg(&mut self, from: NodeId, msg: PsMsg, cx: &mut Ctx<Self>) {
        let cfg = &self.cfg;
        match &mut self.kind {
            Kind::Replica(r) => r.on_msg(cfg, from, msg, cx),
            Kind::Client(c) => c.on_msg(cfg, msg, cx),
        }
    }

    fn on_timer(&mut self, timer: PsTimer, cx: &mut Ctx<Self>) {
        let cfg = &self.cfg;
        match &mut self.kind {
            Kind::Replica(r) => r.on_timer(cfg, timer, cx),
            Kind::Client(c) => c.on_timer(cfg, timer, cx),
        }
    }

    fn on_cmd(&mut self, cmd: PsCmd, cx: &mut Ctx<Self>) {
        let cfg = &self.cfg;
        if let Kind::Client(c) = &mut self.kind {
            c.on_cmd(cfg, cmd, cx);
        }
    }

    /// Clients write and read.
    fn offered_commands(&self, _serial: u64) -> Vec<PsCmd> {
        match self.kind {
            Kind::Client(_) => vec![PsCmd::Write, PsCmd::Read],
            Kind::Replica(_) => vec![],
        }
    }

    /// A replica keeps its log, epoch and vote (its disk); its role and the primary's
    /// bookkeeping are lost. A client keeps its history.
    fn on_crash(&mut self) {
        if let Kind::Replica(r) = &mut self.kind {
            r.crash();
        }
    }
}
