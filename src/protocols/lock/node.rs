//! One node type for the page: the lock service, a client, or the storage.

use super::client::Client;
use super::invariants::LockMonitor;
use super::msg::{LockCmd, LockMsg, LockNote, LockTimer};
use super::server::LockServer;
use super::storage::Storage;
use crate::sim::{Ctx, NodeId, Protocol, SimTime, MS};

/// The page's settings.
#[derive(Clone, Debug, PartialEq)]
pub struct LockConfig {
    /// Clients: node ids `1..=clients` (node 0 is the lock service, the last the storage).
    pub clients: usize,
    /// The lock's expiry (过期时间), on the lock service's clock.
    pub ttl: SimTime,
    /// How long a client works between reading and writing the counter.
    pub work: SimTime,
    /// The watchdog renews the lock every third of the TTL while the work goes on.
    pub watchdog: bool,
    /// Storage refuses a write whose fencing token is older than one it has seen.
    pub fencing: bool,
    /// A client asks again for a busy lock after this long.
    pub retry: SimTime,
    /// The steady workload: each client starts a job about this often.
    pub workload: Option<SimTime>,
}

impl Default for LockConfig {
    fn default() -> Self {
        LockConfig {
            clients: 2,
            ttl: 300 * MS,
            work: 100 * MS,
            watchdog: true,
            fencing: true,
            retry: 50 * MS,
            workload: None,
        }
    }
}

impl LockConfig {
    pub fn size(&self) -> usize {
        self.clients + 2
    }
    pub fn storage(&self) -> NodeId {
        self.clients + 1
    }
    pub fn role(&self, id: NodeId) -> Role {
        match id {
            0 => Role::Service,
            i if i == self.storage() => Role::Storage,
            _ => Role::Client,
        }
    }
    /// `L` (the lock service), `C1..`, `DB`.
    pub fn name(&self, id: NodeId) -> String {
        match self.role(id) {
            Role::Service => "L".into(),
            Role::Storage => "DB".into(),
            Role::Client => format!("C{id}"),
        }
    }
}

/// What a node is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Service,
    Client,
    Storage,
}

#[derive(Clone, Debug)]
pub enum Kind {
    Service(LockServer),
    Client(Client),
    Storage(Storage),
}

/// A node of the lock page.
#[derive(Clone, Debug)]
pub struct LockNode {
    pub(super) cfg: LockConfig,
    pub kind: Kind,
}

impl LockNode {
    pub fn cluster(cfg: &LockConfig) -> Vec<LockNode> {
        (0..cfg.size())
            .map(|id| LockNode {
                cfg: cfg.clone(),
                kind: match cfg.role(id) {
                    Role::Service => Kind::Service(LockServer::default()),
                    Role::Client => Kind::Client(Client::default()),
                    Role::Storage => Kind::Storage(Storage::default()),
                },
            })
            .collect()
    }
    pub fn config(&self) -> &LockConfig {
        &self.cfg
    }
    pub fn service(&self) -> Option<&LockServer> {
        match &self.kind {
            Kind::Service(s) => Some(s),
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

impl Protocol for LockNode {
    type Msg = LockMsg;
    type Timer = LockTimer;
    type Cmd = LockCmd;
    type Note = LockNote;
    type Monitor = LockMonitor;

    fn on_start(&mut self, cx: &mut Ctx<Self>) {
        let cfg = &self.cfg;
        if let Kind::Client(c) = &mut self.kind {
            c.start(cfg, cx);
        }
    }

    fn on_msg(&mut self, from: NodeId, msg: LockMsg, cx: &mut Ctx<Self>) {
        let cfg = &self.cfg;
        match &mut self.kind {
            Kind::Service(s) => s.on_msg(cfg, from, msg, cx),
            Kind::Client(c) => c.on_msg(cfg, msg, cx),
            Kind::Storage(s) => s.on_msg(cfg, from, msg, cx),
        }
    }

    fn on_timer(&mut self, timer: LockTimer, cx: &mut Ctx<Self>) {
        let cfg = &self.cfg;
        match &mut self.kind {
            Kind::Service(s) => s.on_timer(timer, cx),
            Kind::Client(c) => c.on_timer(cfg, timer, cx),
            Kind::Storage(_) => {}
        }
    }

    fn on_cmd(&mut self, cmd: LockCmd, cx: &mut Ctx<Self>) {
        let cfg = &self.cfg;
        if let Kind::Client(c) = &mut self.kind {
            match cmd {
                LockCmd::Job => c.job(cfg, cx),
            }
        }
    }

    fn on_crash(&mut self) {
        // The lock service keeps its grants and its token counter on disk; a client forgets
        // the job in progress (its record stays: it is the experiment's).
        if let Kind::Client(c) = &mut self.kind {
            c.crashed();
        }
    }

    fn offered_commands(&self, _serial: u64) -> Vec<LockCmd> {
        match self.kind {
            Kind::Client(_) => vec![LockCmd::Job],
            _ => vec![],
        }
    }
}
