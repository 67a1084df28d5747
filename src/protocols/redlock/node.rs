//! One node type for the page: a lock server (a Redis instance or a consensus replica), a
//! client, or the storage.

use super::client::Client;
use super::consensus::Replica;
use super::instance::Instance;
use super::invariants::RedlockMonitor;
use super::msg::{RedlockCmd, RedlockMsg, RedlockNote, RedlockTimer};
use super::storage::Storage;
use crate::sim::{Ctx, NodeId, Protocol, SimTime, MS};

/// Which lock service the servers run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Independent instances, a majority of yeses counted by the client.
    Redlock,
    /// One replicated log, a fixed leader, fencing tokens.
    Consensus,
}

/// The page's settings.
#[derive(Clone, Debug, PartialEq)]
pub struct RedlockConfig {
    pub mode: Mode,
    /// Lock servers: node ids `0..servers`.
    pub servers: usize,
    /// Clients: the next `clients` ids; the storage is the last node.
    pub clients: usize,
    /// The lock's expiry (过期时间).
    pub ttl: SimTime,
    /// How long a client works between reading and writing the counter.
    pub work: SimTime,
    /// Consensus mode: the storage refuses a write with an older token than one it has seen.
    pub fencing: bool,
    /// How long a client waits for answers (Redlock: per attempt; consensus: per server).
    pub timeout: SimTime,
    /// A failed attempt is retried after this, plus up to as much again at random
    /// (Redlock's desynchronising delay).
    pub retry: SimTime,
    /// The steady workload: each client starts a job about this often.
    pub workload: Option<SimTime>,
}

impl Default for RedlockConfig {
    fn default() -> Self {
        RedlockConfig {
            mode: Mode::Redlock,
            servers: 5,
            clients: 2,
            ttl: 500 * MS,
            work: 300 * MS,
            fencing: true,
            timeout: 100 * MS,
            retry: 100 * MS,
            workload: None,
        }
    }
}

impl RedlockConfig {
    pub fn size(&self) -> usize {
        self.servers + self.clients + 1
    }
    pub fn storage(&self) -> NodeId {
        self.servers + self.clients
    }
    /// A majority of the servers (N/2 + 1).
    pub fn majority(&self) -> usize {
        self.servers / 2 + 1
    }
    /// The consensus service's fixed leader.
    pub const LEADER: NodeId = 0;
    /// Redlock's allowance for the servers' clocks drifting during a lock: TTL·1 % + 2 ms
    /// (the reference implementation's clock drift factor).
    pub fn drift_allowance(&self) -> SimTime {
        self.ttl / 100 + 2 * MS
    }
    pub fn role(&self, id: NodeId) -> Role {
        if id < self.servers {
            Role::Server
        } else if id == self.storage() {
            Role::Storage
        } else {
            Role::Client
        }
    }
    /// `S1..`, `C1..`, `DB`.
    pub fn name(&self, id: NodeId) -> String {
        match self.role(id) {
            Role::Server => format!("S{}", id + 1),
            Role::Client => format!("C{}", id - self.servers + 1),
            Role::Storage => "DB".into(),
        }
    }
}

/// What a node is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Server,
    Client,
    Storage,
}

#[derive(Clone, Debug)]
pub enum Kind {
    Instance(Instance),
    Replica(Replica),
    Client(Client),
    Storage(Storage),
}

/// A node of the Redlock page.
#[derive(Clone, Debug)]
pub struct RedlockNode {
    pub(super) cfg: RedlockConfig,
    pub kind: Kind,
}

impl RedlockNode {
    pub fn cluster(cfg: &RedlockConfig) -> Vec<RedlockNode> {
        (0..cfg.size())
            .map(|id| RedlockNode {
                cfg: cfg.clone(),
                kind: match (cfg.role(id), cfg.mode) {
                    (Role::Server, Mode::Redlock) => Kind::Instance(Instance::default()),
                    (Role::Server, Mode::Consensus) => Kind::Replica(Replica::new(cfg.servers)),
                    (Role::Client, _) => Kind::Client(Client::default()),
                    (Role::Storage, _) => Kind::Storage(Storage::default()),
                },
            })
            .collect()
    }
    pub fn config(&self) -> &RedlockConfig {
        &self.cfg
    }
    pub fn instance(&self) -> Option<&Instance> {
        match &self.kind {
            Kind::Instance(s) => Some(s),
            _ => None,
        }
    }
    pub fn replica(&self) -> Option<&Replica> {
        match &self.kind {
            Kind::Replica(r) => Some(r),
            _ => None,
        }
    }
    pub fn client(&self) -> Option<&Client> {
        match &self.kind {
            Kind::Client(c) => Some(c),
            _ => None,
        }
    }
    pub fn storage(&self) -> Option<&Storage> {
        match &self.kind {
            Kind::Storage(s) => Some(s),
            _ => None,
        }
    }
}

impl Protocol for RedlockNode {
    type Msg = RedlockMsg;
    type Timer = RedlockTimer;
    type Cmd = RedlockCmd;
    type Note = RedlockNote;
    type Monitor = RedlockMonitor;

    fn on_start(&mut self, cx: &mut Ctx<Self>) {
        let cfg = &self.cfg;
        match &mut self.kind {
            Kind::Client(c) => c.start(cfg, cx),
            Kind::Replica(r) => r.start(cfg, cx),
            Kind::Instance(s) => s.start(cfg, cx),
            Kind::Storage(_) => {}
        }
    }

    fn on_msg(&mut self, from: NodeId, msg: RedlockMsg, cx: &mut Ctx<Self>) {
        let cfg = &self.cfg;
        match &mut self.kind {
            Kind::Instance(s) => s.on_msg(cfg, from, msg, cx),
            Kind::Replica(r) => r.on_msg(cfg, from, msg, cx),
            Kind::Client(c) => c.on_msg(cfg, from, msg, cx),
            Kind::Storage(s) => s.on_msg(cfg, from, msg, cx),
        }
    }

    fn on_timer(&mut self, timer: RedlockTimer, cx: &mut Ctx<Self>) {
        let cfg = &self.cfg;
        match &mut self.kind {
            Kind::Replica(r) => r.on_timer(cfg, timer, cx),
            Kind::Client(c) => c.on_timer(cfg, timer, cx),
            _ => {}
        }
    }

    fn on_cmd(&mut self, cmd: RedlockCmd, cx: &mut Ctx<Self>) {
        let cfg = &self.cfg;
        if let Kind::Client(c) = &mut self.kind {
            match cmd {
                RedlockCmd::Job => c.job(cfg, cx),
            }
        }
    }

    fn on_crash(&mut self) {
        // A Redis instance without persistence forgets its keys (the Redlock article's
        // "delayed restart" advice exists because of this); a replica keeps its log on disk
        // and forgets what it had not yet heard back; a client forgets its job.
        match &mut self.kind {
            Kind::Instance(s) => s.crashed(),
            Kind::Replica(r) => r.crashed(),
            Kind::Client(c) => c.crashed(),
            Kind::Storage(_) => {}
        }
    }

    fn offered_commands(&self, _serial: u64) -> Vec<RedlockCmd> {
        match self.kind {
            Kind::Client(_) => vec![RedlockCmd::Job],
            _ => vec![],
        }
    }
}
