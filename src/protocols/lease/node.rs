//! One node type for the page: the lease server S (node 0), the lease holders (caches or
//! replicas) and the writer W (last).

use super::holder::Holder;
use super::invariants::LeaseMonitor;
use super::msg::{LeaseCmd, LeaseMsg, LeaseNote, LeaseTimer};
use super::server::Server;
use super::writer::Writer;
use crate::sim::{Ctx, NodeId, Protocol, SimTime, MS};

/// The server's node id.
pub const SERVER: NodeId = 0;

/// What the leases are for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Read leases to caches (many at once); a write waits for all of them (Gray &
    /// Cheriton 1989).
    Cache,
    /// One leader lease: its holder is the primary and serves reads locally.
    Leader,
}

/// The page's settings.
#[derive(Clone, Debug, PartialEq)]
pub struct LeaseConfig {
    pub mode: Mode,
    /// Holders: node ids `1..=holders`; the writer is `holders + 1`.
    pub holders: usize,
    /// The lease period, on the server's clock.
    pub period: SimTime,
    /// The holder ends its lease this much earlier than the period (against drift).
    pub margin: SimTime,
    /// A holder serves a read this often (its own clock).
    pub duty_every: SimTime,
    /// Between checking the lease and answering (the holder's work on the read).
    pub work: SimTime,
    /// Check the lease again just before answering.
    pub recheck: bool,
    /// The writer writes this often (none: by click).
    pub write_every: Option<SimTime>,
}

impl Default for LeaseConfig {
    fn default() -> Self {
        LeaseConfig {
            mode: Mode::Cache,
            holders: 2,
            period: 400 * MS,
            margin: 40 * MS,
            duty_every: 100 * MS,
            work: 0,
            recheck: false,
            write_every: Some(700 * MS),
        }
    }
}

impl LeaseConfig {
    pub fn size(&self) -> usize {
        self.holders + 2
    }
    pub fn writer(&self) -> NodeId {
        self.holders + 1
    }
    /// `S`, `C1..` (caches) or `R1..` (replicas), `W`.
    pub fn name(&self, id: NodeId) -> String {
        match id {
            SERVER => "S".into(),
            i if i == self.writer() => "W".into(),
            i => format!("{}{i}", if self.mode == Mode::Cache { "C" } else { "R" }),
        }
    }
    /// The largest relative slowness of a holder's clock (against the server's) that the
    /// margin covers: a lease of `period − margin` on a clock running slower by this
    /// fraction still ends before the server's `period` (the page's bound).
    pub fn slowness_bound(&self) -> f64 {
        self.margin as f64 / self.period as f64
    }
}

#[derive(Clone, Debug)]
pub enum Kind {
    Server(Server),
    Holder(Holder),
    Writer(Writer),
}

/// A node of the lease page.
#[derive(Clone, Debug)]
pub struct LeaseNode {
    pub(super) cfg: LeaseConfig,
    pub kind: Kind,
}

impl LeaseNode {
    pub fn cluster(cfg: &LeaseConfig) -> Vec<LeaseNode> {
        (0..cfg.size())
            .map(|id| LeaseNode {
                cfg: cfg.clone(),
                kind: match id {
                    SERVER => Kind::Server(Server::new(cfg)),
                    i if i == cfg.writer() => Kind::Writer(Writer::default()),
                    _ => Kind::Holder(Holder::default()),
                },
            })
            .collect()
    }
    pub fn config(&self) -> &LeaseConfig {
        &self.cfg
    }
    pub fn server(&self) -> Option<&Server> {
        match &self.kind {
            Kind::Server(s) => Some(s),
            _ => None,
        }
    }
    pub fn holder(&self) -> Option<&Holder> {
        match &self.kind {
            Kind::Holder(h) => Some(h),
            _ => None,
        }
    }
    pub fn writer(&self) -> Option<&Writer> {
        match &self.kind {
            Kind::Writer(w) => Some(w),
            _ => None,
        }
    }
}

impl Protocol for LeaseNode {
    type Msg = LeaseMsg;
    type Timer = LeaseTimer;
    type Cmd = LeaseCmd;
    type Note = LeaseNote;
    type Monitor = LeaseMonitor;

    fn on_start(&mut self, cx: &mut Ctx<Self>) {
        let cfg = &self.cfg;
        match &mut self.kind {
            Kind::Holder(h) => h.start(cfg, cx),
            Kind::Writer(w) => w.start(cfg, cx),
            Kind::Server(s) => s.start(cfg, cx),
        }
    }
    fn on_msg(&mut self, from: NodeId, msg: LeaseMsg, cx: &mut Ctx<Self>) {
        let cfg = &self.cfg;
        match &mut self.kind {
            Kind::Server(s) => s.on_msg(cfg, from, msg, cx),
            Kind::Holder(h) => h.on_msg(cfg, msg, cx),
            Kind::Writer(w) => w.on_msg(msg, cx),
        }
    }
    fn on_timer(&mut self, timer: LeaseTimer, cx: &mut Ctx<Self>) {
        let cfg = &self.cfg;
        match &mut self.kind {
            Kind::Server(s) => s.on_timer(cfg, timer, cx),
            Kind::Holder(h) => h.on_timer(cfg, timer, cx),
            Kind::Writer(w) => w.on_timer(cfg, timer, cx),
        }
    }
    fn on_cmd(&mut self, cmd: LeaseCmd, cx: &mut Ctx<Self>) {
        if let (Kind::Writer(w), LeaseCmd::Write) = (&mut self.kind, cmd) {
            w.write(cx);
        }
    }
    fn on_crash(&mut self) {
        let cfg = self.cfg.clone();
        match &mut self.kind {
            // The server keeps its value and version (on disk); its leases it must assume
            // still run: it waits one period before writing (see `Server::crashed`).
            Kind::Server(s) => s.crashed(&cfg),
            Kind::Holder(h) => h.crashed(),
            Kind::Writer(_) => {}
        }
    }
    fn offered_commands(&self, _serial: u64) -> Vec<LeaseCmd> {
        match self.kind {
            Kind::Writer(_) => vec![LeaseCmd::Write],
            _ => vec![],
        }
    }
}
