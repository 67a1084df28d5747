//! One node type for the CAP page: a server or a client.

use super::client::Client;
use super::invariants::CapMonitor;
use super::msg::{CapCmd, CapMsg, CapNote, CapTimer};
use super::server::Server;
use crate::sim::{Ctx, NodeId, Protocol, SimTime, MS};

/// What the servers choose when the network splits (CAP: a partition forces a choice).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Consistency: every operation needs a majority; the minority side refuses.
    Cp,
    /// Availability: every server answers from its own copy; copies diverge and
    /// reconcile later (BASE: basically available, soft state, eventually consistent).
    Ap,
}

/// How AP copies reconcile when they meet again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Merge {
    /// Last writer wins: the write with the later stamp stays; the other is lost.
    Lww,
    /// Concurrent writes are kept side by side; a client's next write merges them.
    Siblings,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CapConfig {
    /// Servers: node ids `0..servers`.
    pub servers: usize,
    /// Clients: node ids `servers..servers + clients`; C1 talks to S1, C2 to the last
    /// server (the two ends of the cluster, so a partition puts them on different sides).
    pub clients: usize,
    pub mode: Mode,
    pub merge: Merge,
    /// CP: how long a server waits for a majority before it refuses.
    pub quorum_timeout: SimTime,
    /// How long a client waits for its server.
    pub client_timeout: SimTime,
    /// AP: the anti-entropy period.
    pub sync: SimTime,
    pub workload: Option<SimTime>,
    pub read_share: u64,
    /// "Break it" (CP): a server without a majority answers from its own copy anyway.
    pub minority_accepts: bool,
}

impl Default for CapConfig {
    fn default() -> Self {
        CapConfig {
            servers: 3,
            clients: 2,
            mode: Mode::Cp,
            merge: Merge::Lww,
            quorum_timeout: 150 * MS,
            client_timeout: 400 * MS,
            sync: 150 * MS,
            workload: None,
            read_share: 50,
            minority_accepts: false,
        }
    }
}

impl CapConfig {
    pub fn size(&self) -> usize {
        self.servers + self.clients
    }
    pub fn majority(&self) -> usize {
        self.servers / 2 + 1
    }
    pub fn is_client(&self, id: NodeId) -> bool {
        id >= self.servers
    }
    pub fn name(&self, id: NodeId) -> String {
        if self.is_client(id) {
            format!("C{}", id - self.servers + 1)
        } else {
            format!("S{}", id + 1)
        }
    }
    /// The server a client talks to: C1 the first, C2 the last (others alternate).
    pub fn home_of(&self, client: NodeId) -> NodeId {
        if (client - self.servers).is_multiple_of(2) {
            0
        } else {
            self.servers - 1
        }
    }
    /// The two sides of the page's partition: the majority S1.. with C1, the minority
    /// with C2.
    pub fn sides(&self) -> [Vec<NodeId>; 2] {
        let m = self.majority();
        let mut a: Vec<NodeId> = (0..m).collect();
        let mut b: Vec<NodeId> = (m..self.servers).collect();
        for c in self.servers..self.size() {
            if self.home_of(c) < m {
                a.push(c)
            } else {
                b.push(c)
            }
        }
        [a, b]
    }
}

#[derive(Clone, Debug)]
pub enum Kind {
    Server(Server),
    Client(Client),
}

#[derive(Clone, Debug)]
pub struct CapNode {
    pub(super) cfg: CapConfig,
    pub kind: Kind,
}

impl CapNode {
    pub fn cluster(cfg: &CapConfig) -> Vec<CapNode> {
        (0..cfg.size())
            .map(|id| CapNode {
                cfg: cfg.clone(),
                kind: if cfg.is_client(id) {
                    Kind::Client(Client::new(cfg, id))
                } else {
                    Kind::Server(Server::new(cfg, id))
                },
            })
            .collect()
    }
    pub fn config(&self) -> &CapConfig {
        &self.cfg
    }
    pub fn server(&self) -> Option<&Server> {
        match &self.kind {
            Kind::Server(s) => Some(s),
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

impl Protocol for CapNode {
    type Msg = CapMsg;
    type Timer = CapTimer;
    type Cmd = CapCmd;
    type Note = CapNote;
    type Monitor = CapMonitor;

    fn on_start(&mut self, cx: &mut Ctx<Self>) {
        let cfg = &self.cfg;
        match &mut self.kind {
            Kind::Server(s) => s.start(cfg, cx),
            Kind::Client(c) => c.start(cfg, cx),
        }
    }
    fn on_msg(&mut self, from: NodeId, msg: CapMsg, cx: &mut Ctx<Self>) {
        let cfg = &self.cfg;
        match &mut self.kind {
            Kind::Server(s) => s.on_msg(cfg, from, msg, cx),
            Kind::Client(c) => c.on_msg(msg, cx),
        }
    }
    fn on_timer(&mut self, timer: CapTimer, cx: &mut Ctx<Self>) {
        let cfg = &self.cfg;
        match &mut self.kind {
            Kind::Server(s) => s.on_timer(cfg, timer, cx),
            Kind::Client(c) => c.on_timer(cfg, timer, cx),
        }
    }
    fn on_cmd(&mut self, cmd: CapCmd, cx: &mut Ctx<Self>) {
        let cfg = &self.cfg;
        if let Kind::Client(c) = &mut self.kind {
            c.on_cmd(cfg, cmd, cx);
        }
    }
    fn offered_commands(&self, _serial: u64) -> Vec<CapCmd> {
        match self.kind {
            Kind::Client(_) => vec![CapCmd::Write, CapCmd::Read],
            Kind::Server(_) => vec![],
        }
    }
    /// A server's items are on disk; the operation it was coordinating is lost (its
    /// client times out).
    fn on_crash(&mut self) {
        if let Kind::Server(s) = &mut self.kind {
            s.crash();
        }
    }
}
