//! One node type for the page: the app that asks for IDs, or a generator.

use super::app::App;
use super::generator::Generator;
use super::invariants::SnowMonitor;
use super::msg::{SnowCmd, SnowMsg, SnowNote, SnowTimer};
use crate::sim::{Ctx, NodeId, Protocol, SimTime, MS};

/// What a generator does when its clock reads a millisecond before the last one it used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strategy {
    /// Hold the request until the clock passes the last timestamp (late answers).
    Wait,
    /// Answer with an error (unavailable until the clock catches up).
    Refuse,
    /// Keep the last timestamp and count on in the sequence (a logical clock).
    Logical,
    /// "Break it": use the clock as it reads — the same IDs again.
    Ignore,
}

/// The page's settings.
#[derive(Clone, Debug, PartialEq)]
pub struct SnowConfig {
    /// Generators: node ids `1..=generators` (node 0 is the app).
    pub generators: usize,
    pub strategy: Strategy,
    /// The app asks every generator this often.
    pub period: SimTime,
    /// G2 is given G1's worker id (a configuration mistake).
    pub same_worker: bool,
}

impl Default for SnowConfig {
    fn default() -> Self {
        SnowConfig {
            generators: 3,
            strategy: Strategy::Wait,
            period: 50 * MS,
            same_worker: false,
        }
    }
}

impl SnowConfig {
    pub fn size(&self) -> usize {
        self.generators + 1
    }
    /// `App`, `G1..`.
    pub fn name(&self, id: NodeId) -> String {
        if id == 0 {
            "App".into()
        } else {
            format!("G{id}")
        }
    }
    /// Generator `id`'s worker id: its number, except G2 = G1 when misconfigured.
    pub fn worker(&self, id: NodeId) -> u64 {
        if self.same_worker && id == 2 {
            1
        } else {
            id as u64
        }
    }
}

#[derive(Clone, Debug)]
pub enum Kind {
    App(App),
    Generator(Generator),
}

/// A node of the snowflake page.
#[derive(Clone, Debug)]
pub struct SnowNode {
    pub(super) cfg: SnowConfig,
    pub kind: Kind,
}

impl SnowNode {
    pub fn cluster(cfg: &SnowConfig) -> Vec<SnowNode> {
        (0..cfg.size())
            .map(|id| SnowNode {
                cfg: cfg.clone(),
                kind: if id == 0 {
                    Kind::App(App::default())
                } else {
                    Kind::Generator(Generator::new(cfg.worker(id)))
                },
            })
            .collect()
    }
    pub fn config(&self) -> &SnowConfig {
        &self.cfg
    }
    pub fn app(&self) -> Option<&App> {
        match &self.kind {
            Kind::App(a) => Some(a),
            Kind::Generator(_) => None,
        }
    }
    pub fn generator(&self) -> Option<&Generator> {
        match &self.kind {
            Kind::Generator(g) => Some(g),
            Kind::App(_) => None,
        }
    }
}

impl Protocol for SnowNode {
    type Msg = SnowMsg;
    type Timer = SnowTimer;
    type Cmd = SnowCmd;
    type Note = SnowNote;
    type Monitor = SnowMonitor;

    fn on_start(&mut self, cx: &mut Ctx<Self>) {
        let cfg = &self.cfg;
        if let Kind::App(a) = &mut self.kind {
            a.start(cfg, cx);
        }
    }
    fn on_msg(&mut self, from: NodeId, msg: SnowMsg, cx: &mut Ctx<Self>) {
        let cfg = &self.cfg;
        match &mut self.kind {
            Kind::App(a) => a.on_msg(from, msg, cx),
            Kind::Generator(g) => g.on_msg(cfg, from, msg, cx),
        }
    }
    fn on_timer(&mut self, timer: SnowTimer, cx: &mut Ctx<Self>) {
        let cfg = &self.cfg;
        match &mut self.kind {
            Kind::App(a) => a.on_timer(cfg, timer, cx),
            Kind::Generator(g) => g.on_timer(cfg, timer, cx),
        }
    }
    fn on_cmd(&mut self, cmd: SnowCmd, cx: &mut Ctx<Self>) {
        let cfg = &self.cfg;
        if let (Kind::App(a), SnowCmd::Ask) = (&mut self.kind, cmd) {
            a.ask(cfg, cx);
        }
    }
    fn on_crash(&mut self) {
        // A generator that keeps its last timestamp only in memory restarts without it —
        // as real ones do; its clock is its only guard.
        if let Kind::Generator(g) = &mut self.kind {
            g.crashed();
        }
    }
    fn offered_commands(&self, _serial: u64) -> Vec<SnowCmd> {
        match self.kind {
            Kind::App(_) => vec![SnowCmd::Ask],
            Kind::Generator(_) => vec![],
        }
    }
}
