//! One node type for the page: the monitor (node 0) or a monitored process.

use super::detector::Monitor;
use super::invariants::FdOracle;
use super::msg::{FdCmd, FdMsg, FdNote, FdTimer};
use super::process::Process;
use crate::sim::{Ctx, NodeId, Protocol, SimTime, MS};

/// The monitor's node id.
pub const MONITOR: NodeId = 0;

/// The page's settings.
#[derive(Clone, Debug, PartialEq)]
pub struct FdConfig {
    /// Monitored processes: node ids `1..=processes`.
    pub processes: usize,
    /// A process heartbeats this often (its own clock).
    pub period: SimTime,
    /// The fixed-timeout detector's timeout.
    pub timeout: SimTime,
    /// The φ detector's threshold Φ.
    pub threshold: f64,
    /// Inter-arrival times the φ detector remembers.
    pub window: usize,
}

impl Default for FdConfig {
    fn default() -> Self {
        FdConfig {
            processes: 2,
            period: 100 * MS,
            timeout: 250 * MS,
            threshold: 8.0,
            window: 100,
        }
    }
}

impl FdConfig {
    pub fn size(&self) -> usize {
        self.processes + 1
    }
    /// `M`, `P1..`.
    pub fn name(&self, id: NodeId) -> String {
        if id == MONITOR {
            "M".into()
        } else {
            format!("P{id}")
        }
    }
    pub fn period_ms(&self) -> f64 {
        self.period as f64 / MS as f64
    }
    /// How long φ takes to learn new network conditions: until its window holds only
    /// intervals seen under them (its size × the period).
    pub fn learning_span(&self) -> SimTime {
        self.window as SimTime * self.period
    }
    /// σ's floor: a tenth of the period (Akka's default ratio, 100 ms for 1 s).
    pub fn min_std_ms(&self) -> f64 {
        self.period_ms() / 10.0
    }
}

#[derive(Clone, Debug)]
pub enum Kind {
    Monitor(Monitor),
    Process(Process),
}

/// A node of the failure-detector page.
#[derive(Clone, Debug)]
pub struct FdNode {
    pub(super) cfg: FdConfig,
    pub kind: Kind,
}

impl FdNode {
    pub fn cluster(cfg: &FdConfig) -> Vec<FdNode> {
        (0..cfg.size())
            .map(|id| FdNode {
                cfg: cfg.clone(),
                kind: if id == MONITOR {
                    Kind::Monitor(Monitor::new(cfg))
                } else {
                    Kind::Process(Process::default())
                },
            })
            .collect()
    }
    pub fn config(&self) -> &FdConfig {
        &self.cfg
    }
    pub fn monitor(&self) -> Option<&Monitor> {
        match &self.kind {
            Kind::Monitor(m) => Some(m),
            Kind::Process(_) => None,
        }
    }
    pub fn process(&self) -> Option<&Process> {
        match &self.kind {
            Kind::Process(p) => Some(p),
            Kind::Monitor(_) => None,
        }
    }
}

impl Protocol for FdNode {
    type Msg = FdMsg;
    type Timer = FdTimer;
    type Cmd = FdCmd;
    type Note = FdNote;
    type Monitor = FdOracle;

    fn on_start(&mut self, cx: &mut Ctx<Self>) {
        let cfg = &self.cfg;
        match &mut self.kind {
            Kind::Process(p) => p.start(cfg, cx),
            Kind::Monitor(m) => m.start(cfg, cx),
        }
    }
    fn on_msg(&mut self, from: NodeId, msg: FdMsg, cx: &mut Ctx<Self>) {
        let cfg = &self.cfg;
        if let (Kind::Monitor(m), FdMsg::Heartbeat { incarnation, seq }) = (&mut self.kind, msg) {
            m.on_heartbeat(cfg, from, incarnation, seq, cx);
        }
    }
    fn on_timer(&mut self, timer: FdTimer, cx: &mut Ctx<Self>) {
        let cfg = &self.cfg;
        match &mut self.kind {
            Kind::Monitor(m) => m.on_timer(timer, cx),
            Kind::Process(p) => {
                if timer == FdTimer::Beat {
                    p.beat(cfg, cx);
                }
            }
        }
    }
    fn on_cmd(&mut self, cmd: FdCmd, _cx: &mut Ctx<Self>) {
        match cmd {}
    }
    fn on_crash(&mut self) {
        let cfg = &self.cfg;
        match &mut self.kind {
            Kind::Monitor(m) => m.crashed(cfg),
            Kind::Process(p) => p.crashed(),
        }
    }
}
