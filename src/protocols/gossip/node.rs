//! One gossiping node.

use crate::sim::invariant::NoMonitor;
use crate::sim::{Ctx, NodeId, Protocol, SimTime, MS};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    Push,
    Pull,
    PushPull,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Termination {
    /// Spread forever.
    Never,
    /// Stop after `k` contacts that already knew.
    Counter(u32),
    /// After each contact that already knew, stop with probability `1/k`.
    Coin(u32),
}

#[derive(Clone, Debug, PartialEq)]
pub struct GossipConfig {
    pub mode: Mode,
    pub fanout: usize,
    pub period: SimTime,
    pub termination: Termination,
    /// Every this many rounds, a full exchange with one random peer (0: off).
    pub anti_entropy: u32,
}

impl Default for GossipConfig {
    fn default() -> Self {
        GossipConfig {
            mode: Mode::PushPull,
            fanout: 1,
            period: 100 * MS,
            termination: Termination::Never,
            anti_entropy: 0,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GossipMsg {
    /// "Here is the rumour."
    Push,
    /// The receiver of a push says whether it already knew (the rumour monger's feedback).
    PushAck {
        knew: bool,
    },
    /// "Do you have the rumour?"
    PullRequest,
    PullReply {
        rumour: bool,
    },
    /// Anti-entropy: a full exchange of state.
    Sync {
        rumour: bool,
    },
    SyncReply {
        rumour: bool,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GossipTimer {
    Round,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GossipCmd {
    /// Start the rumour here.
    Infect,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GossipNote {
    Started,
    Infected {
        from: NodeId,
        by_pull: bool,
        by_sync: bool,
    },
    StoppedSpreading,
}

#[derive(Clone, Debug)]
pub struct GossipNode {
    cfg: GossipConfig,
    infected_at: Option<SimTime>,
    active: bool,
    wasted: u32,
}

impl GossipNode {
    pub fn new(cfg: GossipConfig) -> Self {
        GossipNode {
            cfg,
            infected_at: None,
            active: false,
            wasted: 0,
        }
    }
    pub fn cluster(cfg: &GossipConfig, n: usize) -> Vec<GossipNode> {
        (0..n).map(|_| GossipNode::new(cfg.clone())).collect()
    }
    pub fn config(&self) -> &GossipConfig {
        &self.cfg
    }
    pub fn infected(&self) -> bool {
        self.infected_at.is_some()
    }
    pub fn infected_at(&self) -> Option<SimTime> {
        self.infected_at
    }
    /// Whether it knew the rumour when the current round began: what it passes on during
    /// this round (synchronous rounds, see the module's note).
    fn knew_at_round_start(&self, now: SimTime) -> bool {
        let start = super::round_of(now, self.cfg.period) * self.cfg.period.max(1);
        self.infected_at.is_some_and(|t| t < start)
    }
    /// Still spreading (rumour mongering not yet stopped).
    pub fn active(&self) -> bool {
        self.active
    }

    fn infect(&mut self, cx: &mut Ctx<Self>, from: NodeId, by_pull: bool, by_sync: bool) {
        if self.infected_at.is_none() {
            self.infected_at = Some(cx.now);
            self.active = true;
            cx.note(GossipNote::Infected {
                from,
                by_pull,
                by_sync,
            });
        }
    }

    fn wasted_contact(&mut self, cx: &mut Ctx<Self>) {
        if !self.active {
            return;
        }
        self.wasted += 1;
        let stop = match self.cfg.termination {
            Termination::Never => false,
            Termination::Counter(k) => self.wasted >= k,
            Termination::Coin(k) => cx.below(k.max(1) as u64) == 0,
        };
        if stop {
            self.active = false;
            cx.note(GossipNote::StoppedSpreading);
        }
    }
}

impl Protocol for GossipNode {
    type Msg = GossipMsg;
    type Timer = GossipTimer;
    type Cmd = GossipCmd;
    type Note = GossipNote;
    type Monitor = NoMonitor;

    fn on_start(&mut self, cx: &mut Ctx<Self>) {
        // Rounds tick at multiples of the period for every node.
        let next = (cx.now / self.cfg.period + 1) * self.cfg.period - cx.now;
        cx.set_timer(GossipTimer::Round, next, next);
    }

    fn on_msg(&mut self, from: NodeId, msg: GossipMsg, cx: &mut Ctx<Self>) {
        match msg {
            GossipMsg::Push => {
                let knew = self.infected();
                self.infect(cx, from, false, false);
                cx.send(from, GossipMsg::PushAck { knew });
            }
            GossipMsg::PushAck { knew: true } => self.wasted_contact(cx),
            GossipMsg::PushAck { knew: false } => {}
            GossipMsg::PullRequest => {
                // Answered from the round's snapshot: news learned this round waits a round.
                let rumour = self.knew_at_round_start(cx.now);
                cx.send(from, GossipMsg::PullReply { rumour });
            }
            GossipMsg::PullReply { rumour: true } => self.infect(cx, from, true, false),
            GossipMsg::PullReply { rumour: false } => {}
            GossipMsg::Sync { rumour } => {
                let mine = self.knew_at_round_start(cx.now);
                if rumour {
                    self.infect(cx, from, false, true);
                }
                cx.send(from, GossipMsg::SyncReply { rumour: mine });
            }
            GossipMsg::SyncReply { rumour: true } => self.infect(cx, from, false, true),
            GossipMsg::SyncReply { rumour: false } => {}
        }
    }

    fn on_timer(&mut self, _: GossipTimer, cx: &mut Ctx<Self>) {
        let k = self.cfg.fanout;
        let push = matches!(self.cfg.mode, Mode::Push | Mode::PushPull) && self.active;
        let pull = matches!(self.cfg.mode, Mode::Pull | Mode::PushPull) && !self.infected();
        if push {
            for p in cx.random_peers(k) {
                cx.send(p, GossipMsg::Push);
            }
        }
        if pull {
            for p in cx.random_peers(k) {
                cx.send(p, GossipMsg::PullRequest);
            }
        }
        let round = super::round_of(cx.now, self.cfg.period);
        if self.cfg.anti_entropy > 0 && round.is_multiple_of(self.cfg.anti_entropy as u64) {
            let rumour = self.infected();
            for p in cx.random_peers(1) {
                cx.send(p, GossipMsg::Sync { rumour });
            }
        }
        cx.set_timer(GossipTimer::Round, self.cfg.period, self.cfg.period);
    }

    fn on_cmd(&mut self, cmd: GossipCmd, cx: &mut Ctx<Self>) {
        match cmd {
            GossipCmd::Infect => {
                if !self.infected() {
                    self.infected_at = Some(cx.now);
                    self.active = true;
                    cx.note(GossipNote::Started);
                }
            }
        }
    }
    /// Any node can start the rumour.
    /// Everything a gossip node holds is its replica of the data (the rumour, when it
    /// learned it, whether it still spreads it): all of it is on disk and survives a crash.
    fn on_crash(&mut self) {}

    fn offered_commands(&self, _serial: u64) -> Vec<GossipCmd> {
        vec![GossipCmd::Infect]
    }
}
