//! One node type for the whole page: a storage server or a client.

use super::client::Client;
use super::invariants::QMonitor;
use super::msg::{QCmd, QMsg, QNote, QTimer};
use super::replica::Replica;
use crate::sim::{Ctx, NodeId, Protocol, SimTime, MS};

/// Read repair (读修复): what a read does about replicas that answered with an older
/// version.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Repair {
    /// Nothing: they stay stale until the next write reaches them.
    Off,
    /// Send them the newest version and answer at once (Dynamo, Cassandra).
    Background,
    /// Write the newest version back to W replicas before answering (ABD): a later read
    /// can then never return an older value than this one did.
    Blocking,
}

/// The cluster's settings.
#[derive(Clone, Debug, PartialEq)]
pub struct QConfig {
    /// Storage servers: node ids `0..servers`. The key's home replicas are the first `n`;
    /// the others are stand-ins for a sloppy quorum.
    pub servers: usize,
    /// Clients: node ids `servers..servers + clients`.
    pub clients: usize,
    /// Replicas per key (副本数 N).
    pub n: usize,
    /// Acknowledgements a write needs (写票数 W).
    pub w: usize,
    /// Replies a read needs (读票数 R); also the version query's.
    pub r: usize,
    pub repair: Repair,
    /// Versions are vector clocks (one counter per client; concurrent writes kept as
    /// siblings) instead of version numbers.
    pub vector_clocks: bool,
    /// Sloppy quorum: when home replicas are silent, stand-ins take their writes (with a
    /// hint) and reads.
    pub sloppy: bool,
    /// How long a client waits for a phase's answers.
    pub timeout: SimTime,
    /// How often a stand-in tries to hand kept writes over.
    pub handoff: SimTime,
    /// The steady workload: each client starts an operation about this often.
    pub workload: Option<SimTime>,
    /// Percent of the workload's operations that are reads.
    pub read_share: u64,
    /// "Break it": a read returns the first reply's value, not the highest version's.
    pub first_reply: bool,
}

impl Default for QConfig {
    fn default() -> Self {
        QConfig {
            servers: 3,
            clients: 2,
            n: 3,
            w: 2,
            r: 2,
            repair: Repair::Off,
            vector_clocks: false,
            sloppy: false,
            timeout: 150 * MS,
            handoff: 200 * MS,
            workload: None,
            read_share: 50,
            first_reply: false,
        }
    }
}

impl QConfig {
    /// N, W and R brought into range: 1 ≤ N ≤ servers, 1 ≤ W, R ≤ N.
    pub fn clamped(mut self) -> QConfig {
        self.servers = self.servers.max(1);
        self.clients = self.clients.clamp(1, super::msg::CLOCK_SIZE);
        self.n = self.n.clamp(1, self.servers);
        self.w = self.w.clamp(1, self.n);
        self.r = self.r.clamp(1, self.n);
        self
    }
    pub fn size(&self) -> usize {
        self.servers + self.clients
    }
    pub fn is_client(&self, id: NodeId) -> bool {
        id >= self.servers
    }
    /// `S1..` for servers, `C1..` for clients.
    pub fn name(&self, id: NodeId) -> String {
        if self.is_client(id) {
            format!("C{}", id - self.servers + 1)
        } else {
            format!("S{}", id + 1)
        }
    }
    /// W + R > N: every read quorum meets every write quorum.
    pub fn overlapping(&self) -> bool {
        self.w + self.r > self.n
    }
    /// W > N/2: two writes' quorums meet too (no two conflicting writes both succeed
    /// unseen by each other).
    pub fn write_majority(&self) -> bool {
        2 * self.w > self.n
    }
    /// The page's promise: a read returns the newest write acknowledged before it began
    /// (W + R > N with a strict quorum; a sloppy quorum's stand-ins break the overlap).
    pub fn promises_fresh_reads(&self) -> bool {
        self.overlapping() && !self.sloppy
    }
}

/// What a node is.
#[derive(Clone, Debug)]
pub enum Kind {
    Server(Replica),
    Client(Client),
}

/// A node of the quorum page.
#[derive(Clone, Debug)]
pub struct QNode {
    pub(super) cfg: QConfig,
    pub kind: Kind,
}

impl QNode {
    pub fn cluster(cfg: &QConfig) -> Vec<QNode> {
        (0..cfg.size())
            .map(|id| QNode {
                cfg: cfg.clone(),
                kind: if cfg.is_client(id) {
                    Kind::Client(Client::new(cfg, id))
                } else {
                    Kind::Server(Replica::default())
                },
            })
            .collect()
    }
    pub fn config(&self) -> &QConfig {
        &self.cfg
    }
    pub fn server(&self) -> Option<&Replica> {
        match &self.kind {
            Kind::Server(r) => Some(r),
            Kind::Client(_) => None,
        }
    }
    pub fn client(&self) -> Option<&Client> {
        match &self.kind {
            Kind::Client(c) => Some(c),
            Kind::Server(_) => None,
        }
    }
}

impl Protocol for QNode {
    type Msg = QMsg;
    type Timer = QTimer;
    type Cmd = QCmd;
    type Note = QNote;
    type Monitor = QMonitor;

    fn on_start(&mut self, cx: &mut Ctx<Self>) {
        let cfg = &self.cfg;
        match &mut self.kind {
            Kind::Server(r) => r.start(cfg, cx),
            Kind::Client(c) => c.start(cfg, cx),
        }
    }

    fn on_msg(&mut self, from: NodeId, msg: QMsg, cx: &mut Ctx<Self>) {
        let cfg = &self.cfg;
        match &mut self.kind {
            Kind::Server(r) => r.on_msg(cfg, from, msg, cx),
            Kind::Client(c) => c.on_msg(cfg, from, msg, cx),
        }
    }

    fn on_timer(&mut self, timer: QTimer, cx: &mut Ctx<Self>) {
        let cfg = &self.cfg;
        match &mut self.kind {
            Kind::Server(r) => r.on_timer(cfg, timer, cx),
            Kind::Client(c) => c.on_timer(cfg, timer, cx),
        }
    }

    fn on_cmd(&mut self, cmd: QCmd, cx: &mut Ctx<Self>) {
        let cfg = &self.cfg;
        if let Kind::Client(c) = &mut self.kind {
            c.on_cmd(cfg, cmd, cx);
        }
    }

    fn offered_commands(&self, _serial: u64) -> Vec<QCmd> {
        match self.kind {
            Kind::Client(_) => vec![QCmd::Write, QCmd::Read],
            Kind::Server(_) => vec![],
        }
    }
    // A server's register and hints are on disk; a client keeps its record: a crash
    // loses nothing (the default `on_crash`).
}
