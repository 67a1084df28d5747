//! One random-fault scheduler for every sweep: at random moments it kills and restarts
//! nodes, cuts and heals links, partitions the cluster, drops messages in flight, changes
//! the loss and duplication rates, pauses nodes and steps their clocks, and gives nodes the
//! commands their protocol offers ([`Protocol::offered_commands`]). Each kind of fault has
//! a weight; a weight of 0 turns it off (3PC's sweep, for instance, allows crashes but no
//! network faults). Node faults can be kept to a role (pause only the lock's clients, step
//! only the holders' clocks), and [`Chaos::clocks`] draws the drifting clocks a world starts
//! with, for the roles that have them.
//!
//! The schedule is drawn from its own [`SimRng`], so it is as reproducible as the run: a
//! failing seed prints a link that replays it.

use super::clock::ClockSpec;
use super::network::NetConfig;
use super::node::{NodeId, Protocol};
use super::rng::SimRng;
use super::time::{SimTime, MS};
use super::world::{Action, World};

/// How often each kind of fault is chosen (relative weights) and how the network may
/// change.
#[derive(Clone, Debug, PartialEq)]
pub struct Chaos {
    /// Time between two faults, uniform in `min..=max`.
    pub gap: (SimTime, SimTime),
    pub crash: u32,
    pub restart: u32,
    pub cut: u32,
    pub heal: u32,
    pub heal_all: u32,
    /// Split the nodes in two groups at a random point.
    pub partition: u32,
    /// Drop one message in flight.
    pub drop: u32,
    /// Set the loss rate to one of 0, 10, ... `max_loss_tenths` × 10 %.
    pub loss: u32,
    pub max_loss_tenths: u32,
    /// The latency the network keeps when the loss rate changes.
    pub net: NetConfig,
    /// A command the node's protocol offers right now.
    pub command: u32,
    /// Pause a node (a GC pause) for up to `max_pause`.
    pub pause: u32,
    pub max_pause: SimTime,
    /// Step a node's clock forward or back by up to `max_jump`.
    pub jump: u32,
    pub max_jump: SimTime,
    /// With the loss rate, set the duplication rate to one of 0, 10, ...
    /// `max_dup_tenths` × 10 % (0: the network never duplicates; nothing is drawn).
    pub max_dup_tenths: u32,
    /// The nodes crashes and restarts may hit (`None`: any).
    pub crash_on: Option<Vec<NodeId>>,
    /// The nodes pauses may hit (`None`: any).
    pub pause_on: Option<Vec<NodeId>>,
    /// The nodes whose clocks may be stepped (`None`: any).
    pub jump_on: Option<Vec<NodeId>>,
    /// Whether clock steps may go backward (else forward only: an NTP correction of a
    /// slow clock).
    pub jump_back: bool,
    /// The nodes whose clocks drift (see [`Chaos::clocks`]), and the range each one's rate
    /// is drawn from, in parts per million (negative: slow).
    pub drift_on: Vec<NodeId>,
    pub drift_ppm: (i64, i64),
}

impl Default for Chaos {
    /// Every kind of fault, with commands three times as likely as each fault.
    fn default() -> Self {
        Chaos {
            gap: (20 * MS, 400 * MS),
            crash: 1,
            restart: 1,
            cut: 1,
            heal: 1,
            heal_all: 0,
            partition: 1,
            drop: 1,
            loss: 1,
            max_loss_tenths: 3,
            net: NetConfig::default(),
            command: 3,
            pause: 0,
            max_pause: 500 * MS,
            jump: 0,
            max_jump: 200 * MS,
            max_dup_tenths: 0,
            crash_on: None,
            pause_on: None,
            jump_on: None,
            jump_back: true,
            drift_on: Vec::new(),
            drift_ppm: (0, 0),
        }
    }
}

impl Chaos {
    /// No fault at all (every weight 0) on `net`: a base for a sweep that turns on only
    /// the faults it is about.
    pub fn none(net: NetConfig) -> Chaos {
        Chaos {
            crash: 0,
            restart: 0,
            cut: 0,
            heal: 0,
            heal_all: 0,
            partition: 0,
            drop: 0,
            loss: 0,
            command: 0,
            pause: 0,
            jump: 0,
            net,
            ..Chaos::default()
        }
    }

    /// Only node crashes and restarts (no network fault, no command).
    pub fn crashes_only(gap: (SimTime, SimTime)) -> Chaos {
        Chaos {
            gap,
            crash: 1,
            restart: 1,
            max_loss_tenths: 0,
            max_pause: 0,
            max_jump: 0,
            ..Chaos::none(NetConfig::default())
        }
    }

    /// The clocks a world starts with: each `drift_on` node drifts at a rate drawn from
    /// `drift_ppm`; the others are perfect. Draws from `rng` once per drifting node.
    pub fn clocks(&self, rng: &mut SimRng, n: usize) -> Vec<ClockSpec> {
        let mut clocks = vec![ClockSpec::default(); n];
        let (lo, hi) = (self.drift_ppm.0, self.drift_ppm.1.max(self.drift_ppm.0));
        for &i in self.drift_on.iter().filter(|&&i| i < n) {
            clocks[i].drift_ppm = lo + rng.range_inclusive(0, (hi - lo) as u64) as i64;
        }
        clocks
    }

    /// The next fault for `w`, or `None` when the one drawn cannot apply (nothing in
    /// flight to drop, no command offered). `serial` numbers client requests.
    pub fn next_action<P: Protocol>(
        &self,
        w: &World<P>,
        rng: &mut SimRng,
        serial: &mut u64,
    ) -> Option<Action<P::Cmd>> {
        let n = w.len();
        let weights = [
            self.crash,
            self.restart,
            self.cut,
            self.heal,
            self.heal_all,
            self.partition,
            self.drop,
            self.loss,
            self.command,
            self.pause,
            self.jump,
        ];
        let total: u32 = weights.iter().sum();
        if total == 0 || n == 0 {
            return None;
        }
        let mut pick = rng.range_inclusive(0, total as u64 - 1) as u32;
        let kind = weights
            .iter()
            .position(|w| {
                if pick < *w {
                    true
                } else {
                    pick -= w;
                    false
                }
            })
            .unwrap_or(0);
        // A role's fault hits one of its nodes.
        let role = match kind {
            0 | 1 => self.crash_on.as_deref(),
            9 => self.pause_on.as_deref(),
            10 => self.jump_on.as_deref(),
            _ => None,
        };
        let a: NodeId = match role {
            Some([]) => return None,
            Some(r) => r[rng.index(r.len())].min(n - 1),
            None => rng.index(n),
        };
        let b: NodeId = if n > 1 {
            (a + 1 + rng.index(n - 1)) % n
        } else {
            a
        };
        Some(match kind {
            0 => Action::Crash(a),
            1 => Action::Restart(a),
            2 if n > 1 => Action::Cut(a, b),
            3 if n > 1 => Action::Heal(a, b),
            4 => Action::HealAll,
            5 if n > 1 => {
                let split = 1 + rng.index(n - 1);
                Action::Partition(vec![(0..split).collect(), (split..n).collect()])
            }
            6 => {
                let ids: Vec<u64> = w.network().in_flight().map(|m| m.id).collect();
                if ids.is_empty() {
                    return None;
                }
                Action::DropMsg(ids[rng.index(ids.len())])
            }
            7 => {
                let loss = rng.range_inclusive(0, self.max_loss_tenths as u64) as f64 * 0.1;
                let duplicate = match self.max_dup_tenths {
                    0 => 0.0,
                    m => rng.range_inclusive(0, m as u64) as f64 * 0.1,
                };
                Action::SetNet(NetConfig {
                    loss,
                    duplicate,
                    ..self.net.clone()
                })
            }
            8 => {
                if !w.is_alive(a) {
                    return None;
                }
                *serial += 1;
                let offered = w.node(a).offered_commands(*serial);
                if offered.is_empty() {
                    return None;
                }
                let i = rng.index(offered.len());
                Action::Command(a, offered.into_iter().nth(i)?)
            }
            9 => Action::Pause(a, rng.range_inclusive(MS, self.max_pause.max(MS))),
            10 => {
                let by = rng.range_inclusive(1, self.max_jump.max(1)) as i64;
                Action::ClockJump(
                    a,
                    if !self.jump_back || rng.chance(0.5) {
                        by
                    } else {
                        -by
                    },
                )
            }
            _ => return None,
        })
    }

    /// Inject faults into `w` for `span` of virtual time; returns how many were applied.
    pub fn run<P: Protocol>(&self, w: &mut World<P>, rng: &mut SimRng, span: SimTime) -> usize {
        let end = w.now().saturating_add(span);
        let mut serial = 0;
        let mut applied = 0;
        while w.now() < end {
            let t = w.now() + rng.range_inclusive(self.gap.0, self.gap.1.max(self.gap.0));
            w.run_until(t.min(end));
            if w.now() >= end {
                break;
            }
            if let Some(action) = self.next_action(w, rng, &mut serial) {
                w.apply(action);
                applied += 1;
            }
        }
        applied
    }
}

/// Restart every node, heal every link and give the network back `net` (no loss, no
/// duplicates).
pub fn heal_everything<P: Protocol>(w: &mut World<P>, net: NetConfig) {
    for i in 0..w.len() {
        w.apply(Action::Restart(i));
    }
    w.apply(Action::HealAll);
    w.apply(Action::SetNet(NetConfig {
        loss: 0.0,
        duplicate: 0.0,
        ..net
    }));
}
