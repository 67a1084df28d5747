//! Random fault schedules over many seeds, per protocol, with the engine's scheduler
//! ([`crate::sim::Chaos`]): what `cargo run --release --bin sweep` runs. Each target is
//! one protocol under one fault model; the safe ones must show no violation, and the
//! "break it" ones (a protocol without its persistence, 3PC under partitions) must be
//! caught by the monitors on some seeds.

use crate::protocols::paxos::{PaxosConfig, PaxosNode};
use crate::protocols::raft::{current_leader, RaftCmd, RaftConfig, RaftNode};
use crate::protocols::three_pc::{ThreePcConfig, ThreePcNode};
use crate::protocols::two_pc::{TpcCmd, TwoPcConfig, TwoPcNode};
use crate::sim::{
    heal_everything, Action, Chaos, NetConfig, Protocol, SimRng, Violation, World, WorldConfig, MS,
    SEC,
};

/// A protocol under a fault model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// Raft, 3–9 servers, every kind of fault for 4 s, then healing and one client request
    /// that must commit everywhere within 10 s.
    Raft,
    /// The same, with servers that forget their persistent state on a crash.
    RaftForgetful,
    /// Paxos, 1–3 proposers and 3–7 acceptors, crashes, cuts, drops and loss for 3 s.
    Paxos,
    /// The same, with acceptors that forget their promises on a crash (§2.3's warning).
    PaxosForgetful,
    /// 2PC, 2–6 participants, crashes, cuts and drops for 2 s, then healing.
    TwoPc,
    /// 3PC with its synchrony assumption kept: crashes only, no loss, the participant
    /// timeout above the bound; the termination protocol on in half the runs.
    ThreePc,
    /// 3PC with cuts and drops (partitions): its known failure.
    ThreePcPartitions,
}

impl Target {
    pub const ALL: [Target; 7] = [
        Target::Raft,
        Target::RaftForgetful,
        Target::Paxos,
        Target::PaxosForgetful,
        Target::TwoPc,
        Target::ThreePc,
        Target::ThreePcPartitions,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Target::Raft => "raft",
            Target::RaftForgetful => "raft (break it: no persistence)",
            Target::Paxos => "paxos",
            Target::PaxosForgetful => "paxos (break it: forgetful acceptors)",
            Target::TwoPc => "2pc",
            Target::ThreePc => "3pc (synchrony kept)",
            Target::ThreePcPartitions => "3pc (break it: partitions)",
        }
    }

    /// Whether the monitors must stay silent on every seed (else: must fire on some).
    pub fn safe(self) -> bool {
        !matches!(
            self,
            Target::RaftForgetful | Target::PaxosForgetful | Target::ThreePcPartitions
        )
    }

    /// Run one seed.
    pub fn run(self, seed: u64) -> Trial {
        match self {
            Target::Raft => raft(seed, true),
            Target::RaftForgetful => raft(seed, false),
            Target::Paxos => paxos(seed, true),
            Target::PaxosForgetful => paxos(seed, false),
            Target::TwoPc => two_pc(seed),
            Target::ThreePc => three_pc(seed, false),
            Target::ThreePcPartitions => three_pc(seed, true),
        }
    }
}

/// What one seed did.
#[derive(Clone, Debug)]
pub struct Trial {
    pub violations: Vec<Violation>,
    /// Events the engine processed (a measure of the seed's cost).
    pub events: u64,
    /// Liveness after healing, where the target checks it (Raft: the request committed
    /// everywhere; 2PC/3PC: no participant left in doubt).
    pub live: bool,
}

fn world<P: Protocol>(seed: u64, net: NetConfig, nodes: Vec<P>) -> World<P> {
    World::new(WorldConfig::batch(seed, net, true), nodes)
}

fn trial<P: Protocol>(w: &World<P>, live: bool) -> Trial {
    Trial {
        violations: w.violations().to_vec(),
        events: w.events_processed(),
        live,
    }
}

fn raft(seed: u64, persist: bool) -> Trial {
    let n = 3 + (seed % 7) as usize;
    let cfg = RaftConfig {
        persist,
        ..RaftConfig::default()
    };
    let mut w = world(
        seed,
        NetConfig::default(),
        (0..n).map(|_| RaftNode::new(cfg.clone())).collect(),
    );
    let mut rng = SimRng::new(seed).fork(0xFA17);
    // Forgetting matters only across a restart: weight them up in the break-it mode.
    let chaos = Chaos {
        crash: if persist { 1 } else { 3 },
        restart: if persist { 1 } else { 3 },
        ..Chaos::default()
    };
    chaos.run(&mut w, &mut rng, 4 * SEC);
    heal_everything(&mut w, NetConfig::default());
    let live = commit_everywhere(&mut w, 1_000_000, 10 * SEC);
    trial(&w, live)
}

/// Drive a client until `cmd` is committed on every live server (retrying against the
/// current leader every second), within `limit`.
pub fn commit_everywhere(w: &mut World<RaftNode>, cmd: u64, limit: u64) -> bool {
    let start = w.now();
    let mut last_try: Option<u64> = None;
    while w.now() - start <= limit {
        if let Some(l) = current_leader(w) {
            if last_try.is_none_or(|t| w.now() - t >= SEC) {
                w.apply(Action::Command(l, RaftCmd::ClientRequest(cmd)));
                last_try = Some(w.now());
            }
        }
        let done = (0..w.len()).filter(|&i| w.is_alive(i)).all(|i| {
            let node = w.node(i);
            // (A server that forgot its log may claim a commit index past its end.)
            (node.log().iter())
                .take(node.commit_index() as usize)
                .any(|e| e.cmd == cmd)
        });
        if done {
            return true;
        }
        let t = w.now() + 5 * MS;
        w.run_until(t);
    }
    false
}

fn paxos(seed: u64, persist: bool) -> Trial {
    let w = paxos_run(seed, persist, if persist { 1 } else { 3 });
    trial(&w, true)
}

/// A random Paxos cluster (1–3 proposers, 3–7 acceptors) under crashes, restarts, cuts,
/// drops and loss for 3 s, proposals twice as often as each fault; `restarts` weights
/// crashes and restarts (a forgotten promise needs a restart to matter).
pub fn paxos_run(seed: u64, persist: bool, restarts: u32) -> World<PaxosNode> {
    let mut rng = SimRng::new(seed).fork(0xBA5E);
    let cfg = PaxosConfig {
        proposers: 1 + rng.index(3),
        acceptors: 3 + rng.index(5),
        retry: 80 * MS,
        backoff: rng.chance(0.5),
        distinguished: false,
        persist,
    };
    let net = NetConfig {
        latency_min: 5 * MS,
        latency_max: 25 * MS,
        loss: 0.0,
    };
    let mut w = world(seed, net.clone(), PaxosNode::cluster(&cfg));
    let chaos = Chaos {
        gap: (5 * MS, 120 * MS),
        crash: restarts,
        restart: restarts,
        heal_all: 1,
        partition: 0,
        max_loss_tenths: 2,
        net,
        command: 2,
        ..Chaos::default()
    };
    chaos.run(&mut w, &mut rng, 3 * SEC);
    w
}

fn two_pc(seed: u64) -> Trial {
    let w = two_pc_run(seed);
    let k = w.len() - 1;
    let live = (1..=k).all(|p| {
        !matches!(
            w.node(p).state(),
            crate::protocols::two_pc::PartState::Prepared { .. }
        )
    });
    trial(&w, live)
}

/// A random 2PC transaction (2–6 participants, some voting no) under crashes, restarts,
/// cuts and drops for 2 s, then healed and given five seconds to finish.
pub fn two_pc_run(seed: u64) -> World<TwoPcNode> {
    let mut rng = SimRng::new(seed).fork(0x2C);
    let k = 2 + rng.index(5);
    let cfg = TwoPcConfig {
        participants: k,
        ..TwoPcConfig::default()
    };
    let net = NetConfig {
        latency_min: 5 * MS,
        latency_max: 40 * MS,
        loss: 0.0,
    };
    let mut w = world(seed, net.clone(), TwoPcNode::cluster(&cfg));
    commit_faults(&mut w, &mut rng, net, k, true);
    w
}

fn three_pc(seed: u64, partitions: bool) -> Trial {
    use crate::protocols::three_pc::Part3;
    let mut rng = SimRng::new(seed).fork(0x3C);
    let k = 2 + rng.index(5);
    let net = NetConfig {
        latency_min: 5 * MS,
        latency_max: 40 * MS,
        loss: 0.0,
    };
    let mut cfg = ThreePcConfig {
        participants: k,
        termination: rng.chance(0.5),
        ..ThreePcConfig::default()
    };
    // Above the synchrony bound, by a random margin.
    cfg.part_timeout = cfg.least_safe_part_timeout(net.latency_min, net.latency_max)
        + rng.range_inclusive(1, 200) * MS;
    let mut w = world(seed, net.clone(), ThreePcNode::cluster(&cfg));
    commit_faults(&mut w, &mut rng, net, k, partitions);
    let live =
        (1..=k).all(|p| !matches!(w.node(p).state(), Part3::Uncertain | Part3::PreCommitted));
    trial(&w, live)
}

/// Some participants vote no, the coordinator begins, faults for 2 s (crashes and
/// restarts; with `network`, also cuts, heals and drops), then everything heals and the
/// protocol gets five seconds to finish.
fn commit_faults<P: Protocol<Cmd = TpcCmd>>(
    w: &mut World<P>,
    rng: &mut SimRng,
    net: NetConfig,
    k: usize,
    network: bool,
) {
    for p in 1..=k {
        if rng.chance(0.15) {
            w.apply(Action::Command(p, TpcCmd::SetVoteNo(true)));
        }
    }
    w.schedule(
        rng.range_inclusive(0, 50) * MS,
        Action::Command(0, TpcCmd::Begin),
    );
    commit_chaos(w, rng, 2 * SEC, net, network);
}

/// The engine's fault scheduler for `span`: kills and restarts, plus (with `network`) link
/// cuts, heals and drops; then everything heals and restarts and the protocol gets five
/// seconds to finish.
pub fn commit_chaos<P: Protocol>(
    w: &mut World<P>,
    rng: &mut SimRng,
    span: u64,
    net: NetConfig,
    network: bool,
) {
    let gap = (5 * MS, 150 * MS);
    let chaos = if network {
        Chaos {
            gap,
            partition: 0,
            loss: 0,
            heal_all: 1,
            command: 0,
            ..Chaos::default()
        }
    } else {
        Chaos::crashes_only(gap)
    };
    chaos.run(w, rng, span);
    heal_everything(w, net);
    w.run_until(span + 5 * SEC);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_safe_targets_stay_safe_and_the_break_it_targets_are_caught() {
        // A small slice of what the sweep command runs (it runs 10,000 seeds each).
        for target in Target::ALL {
            let seeds = 0..200;
            let caught = seeds
                .clone()
                .filter(|&s| !target.run(s).violations.is_empty())
                .count();
            if target.safe() {
                assert_eq!(caught, 0, "{}", target.name());
            } else {
                assert!(caught > 0, "{}: never caught in 200 seeds", target.name());
            }
        }
    }
}
