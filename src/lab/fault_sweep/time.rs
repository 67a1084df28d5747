//! The time chapter under random faults, with drift, pauses and clock steps kept to the
//! roles whose clocks the lesson is about: leases (holders' clocks within the margin's
//! bound, and beyond it), a lock service with and without fencing tokens, Redlock with good
//! clocks and with jumping ones, the consensus lock with fencing, snowflake IDs across
//! clock steps, and the failure detectors' completeness when the monitor itself crashes.

use super::{duplicates, net, trial, world, Trial};
use crate::protocols::failure_detector::{Detector, FdConfig, FdNode, MONITOR};
use crate::protocols::lease::{LeaseConfig, LeaseNode, Mode as LeaseMode};
use crate::protocols::lock::{LockConfig, LockNode};
use crate::protocols::redlock::{
    Mode as RedlockMode, RedlockConfig, RedlockNode, MUTUAL_EXCLUSION, NO_LOST_UPDATE,
};
use crate::protocols::snowflake::{SnowConfig, SnowNode, Strategy};
use crate::sim::{heal_everything, Action, Chaos, NetConfig, SimRng, World, MS, SEC};

pub(super) const LEASE: &str = "cache or leader mode, 3 holders: crashes of any node, \
server–holder cuts, forward clock steps on the holders, 5 % loss, duplication; holders' \
clocks up to 9 % slow or 21–30 % fast (the break-it target: 30 % slow)";
pub(super) const LOCK: &str = "2 clients with jobs: pauses of up to 900 ms and clock steps \
of ±200 ms on any node, every clock drifting ±10 %, duplication";
pub(super) const REDLOCK: &str = "3 or 5 instances, 3 clients: crashes, cuts, partitions, \
drops, 2–10 % loss and duplication for 8 s (good clocks, no pauses); the rule checked is \
Redlock's own, mutual exclusion within the validity";
pub(super) const REDLOCK_JUMPS: &str = "as Redlock's safe target, plus clock steps of up to \
600 ms on the instances";
pub(super) const CONSENSUS_LOCK: &str = "the consensus lock with fencing: Redlock's network \
faults plus pauses and clock steps on every node; the rule checked is the storage's (no \
lost update), since pauses overlap the holders' beliefs by design";
pub(super) const SNOWFLAKE: &str = "4 generators drifting ±5 % with offsets, clock steps of \
±150 ms on the generators, duplication and loss";
pub(super) const FD: &str = "processes and the monitor crash and restart, pause, lose and \
duplicate heartbeats for 3 s; then the network heals and the monitor restarts: every \
process still down must be suspected by both detectors within 3 s";

pub(super) fn lease(seed: u64, beyond: bool) -> Trial {
    let mode = if seed.is_multiple_of(2) {
        LeaseMode::Cache
    } else {
        LeaseMode::Leader
    };
    let cfg = LeaseConfig {
        mode,
        holders: 3,
        recheck: true,
        work: if mode == LeaseMode::Leader {
            30 * MS
        } else {
            0
        },
        write_every: Some(250 * MS),
        ..LeaseConfig::default()
    };
    let holders: Vec<usize> = (1..=cfg.holders).collect();
    let net = net(seed, (5 * MS, 30 * MS), 0.05);
    let mut rng = SimRng::new(seed).fork(0x1EA5);
    // Within the bound: at most 9 % slow, or 21–30 % fast (a fast clock only gives a lease
    // up early); beyond it, 30 % slow.
    let drift = if beyond {
        (-300_000, -300_000)
    } else if rng.chance(0.5) {
        (-89_999, 0)
    } else {
        (210_000, 300_000)
    };
    let chaos = Chaos {
        gap: (100 * MS, 600 * MS),
        crash: 2,
        restart: 2,
        cut: 1,
        heal: 1,
        jump: 1,
        max_jump: 199 * MS,
        jump_back: false,
        jump_on: Some(holders.clone()),
        drift_on: holders,
        drift_ppm: drift,
        max_dup_tenths: 2,
        ..Chaos::none(net.clone())
    };
    let clocks = chaos.clocks(&mut rng, cfg.size());
    let mut w = world(seed, net.clone(), clocks, LeaseNode::cluster(&cfg));
    chaos.run(&mut w, &mut rng, 6 * SEC);
    heal_everything(&mut w, net);
    w.run_until(w.now() + SEC);
    trial(&w, true, &[])
}

/// A lock service with `clients` clients running jobs, under pauses, clock steps, drift on
/// every node and duplication for 5 s; `fencing` is the page's switch.
pub fn lock_run(seed: u64, clients: usize, fencing: bool) -> World<LockNode> {
    let cfg = LockConfig {
        clients,
        fencing,
        workload: Some(150 * MS),
        ..LockConfig::default()
    };
    let net = net(seed, (2 * MS, 30 * MS), 0.0);
    let mut rng = SimRng::new(seed).fork(0x10C4);
    let chaos = Chaos {
        gap: (50 * MS, 400 * MS),
        pause: 3,
        max_pause: 900 * MS,
        jump: 1,
        max_jump: 200 * MS,
        command: 1,
        drift_on: (0..cfg.size()).collect(),
        drift_ppm: (-100_000, 100_000),
        ..Chaos::none(net.clone())
    };
    let clocks = chaos.clocks(&mut rng, cfg.size());
    let mut w = world(seed, net, clocks, LockNode::cluster(&cfg));
    chaos.run(&mut w, &mut rng, 5 * SEC);
    w.run_until(6 * SEC);
    w
}

pub(super) fn lock(seed: u64, fencing: bool) -> Trial {
    trial(&lock_run(seed, 2 + (seed % 2) as usize, fencing), true, &[])
}

/// Redlock (or the consensus lock) with 3 clients on a steady workload under `chaos` for
/// 8 s, then healed and given 2 s.
pub fn redlock_run(cfg: &RedlockConfig, chaos: &Chaos, seed: u64) -> World<RedlockNode> {
    let net = NetConfig {
        duplicate: duplicates(seed),
        ..chaos.net.clone()
    };
    let cfg = RedlockConfig {
        clients: 3,
        ttl: 300 * MS,
        timeout: 60 * MS,
        workload: Some(400 * MS),
        ..cfg.clone()
    };
    let mut w = world(seed, net.clone(), Vec::new(), RedlockNode::cluster(&cfg));
    let mut rng = SimRng::new(seed).fork(0x10C4);
    chaos.run(&mut w, &mut rng, 8 * SEC);
    heal_everything(&mut w, net);
    w.run_until(w.now() + 2 * SEC);
    w
}

/// Redlock's faults: with `network`, crashes, cuts, partitions, drops and loss; pauses and
/// clock steps by weight.
pub fn redlock_faults(network: bool, pause: u32, jump: u32) -> Chaos {
    let n = u32::from(network);
    Chaos {
        crash: n,
        restart: n,
        cut: n,
        heal: n,
        partition: n,
        drop: n,
        loss: n,
        max_loss_tenths: 1,
        command: 0,
        pause,
        max_pause: 800 * MS,
        jump,
        max_jump: 600 * MS,
        net: NetConfig {
            latency_min: 2 * MS,
            latency_max: 20 * MS,
            loss: 0.02,
            duplicate: 0.0,
        },
        max_dup_tenths: 2,
        ..Chaos::default()
    }
}

pub(super) fn redlock(seed: u64, jumps: bool) -> Trial {
    let cfg = RedlockConfig {
        mode: RedlockMode::Redlock,
        servers: if seed.is_multiple_of(2) { 3 } else { 5 },
        fencing: false,
        work: if jumps { 200 * MS } else { 60 * MS },
        ..RedlockConfig::default()
    };
    let chaos = if jumps {
        Chaos {
            // The instances' clocks (the clients' are not what Redlock's argument rests on).
            jump_on: Some((0..cfg.servers).collect()),
            ..redlock_faults(true, 0, 6)
        }
    } else {
        redlock_faults(true, 0, 0)
    };
    // Redlock's own promise is mutual exclusion within the validity it computes. The
    // storage's (no lost increment) it cannot keep without fencing, even with good clocks:
    // a write sent near the end of the validity can land after the next holder's read
    // (5–13 seeds in 10,000 here) — Kleppmann's point, and what the page's fencing switch
    // and the consensus target are for.
    trial(&redlock_run(&cfg, &chaos, seed), true, &[MUTUAL_EXCLUSION])
}

pub(super) fn consensus_lock(seed: u64) -> Trial {
    let cfg = RedlockConfig {
        mode: RedlockMode::Consensus,
        servers: if seed.is_multiple_of(2) { 3 } else { 5 },
        fencing: true,
        work: 60 * MS,
        ..RedlockConfig::default()
    };
    // Pauses do make two clients believe they hold the lock at once (no lock service can
    // prevent it); fencing is what keeps the storage safe, and that is the rule here.
    let w = redlock_run(&cfg, &redlock_faults(true, 2, 2), seed);
    trial(&w, true, &[NO_LOST_UPDATE])
}

/// Four generators (every 7 ms an ID asked of one) whose clocks drift, start offset and are
/// stepped ±150 ms for 2 s.
pub fn snowflake_run(seed: u64, strategy: Strategy) -> World<SnowNode> {
    let cfg = SnowConfig {
        generators: 4,
        strategy,
        period: 7 * MS,
        same_worker: false,
    };
    let gens: Vec<usize> = (1..=cfg.generators).collect();
    let net = net(seed, (MS, 20 * MS), 0.0);
    let mut rng = SimRng::new(seed).fork(0x5F1A);
    let chaos = Chaos {
        gap: (50 * MS, 250 * MS),
        jump: 3,
        max_jump: 150 * MS,
        jump_on: Some(gens.clone()),
        loss: 1,
        max_loss_tenths: 1,
        max_dup_tenths: 2,
        drift_on: gens,
        drift_ppm: (-50_000, 50_000),
        ..Chaos::none(net.clone())
    };
    let mut clocks = chaos.clocks(&mut rng, cfg.size());
    for c in clocks.iter_mut().skip(1) {
        c.offset = rng.range_inclusive(0, 50) as i64 * MS as i64;
    }
    let mut w = world(seed, net.clone(), clocks, SnowNode::cluster(&cfg));
    chaos.run(&mut w, &mut rng, 2 * SEC);
    heal_everything(&mut w, net);
    w.run_until(w.now() + 200 * MS);
    w
}

pub(super) fn snowflake(seed: u64, ignore: bool) -> Trial {
    let strategy = if ignore {
        Strategy::Ignore
    } else {
        [Strategy::Wait, Strategy::Refuse, Strategy::Logical][(seed % 3) as usize]
    };
    trial(&snowflake_run(seed, strategy), true, &[])
}

/// Completeness (Chandra & Toueg): every crashed process is eventually suspected, for
/// good, by every correct monitor — including a monitor that restarted after the crash.
pub const COMPLETENESS: &str = "completeness: a crashed process is suspected";

pub(super) fn failure_detector(seed: u64) -> Trial {
    let cfg = FdConfig {
        processes: 3 + (seed % 3) as usize,
        ..FdConfig::default()
    };
    let net = net(seed, (5 * MS, 40 * MS), 0.0);
    let mut rng = SimRng::new(seed).fork(0xFD);
    let chaos = Chaos {
        gap: (50 * MS, 300 * MS),
        crash: 2,
        restart: 1,
        pause: 1,
        max_pause: 400 * MS,
        loss: 1,
        max_loss_tenths: 2,
        max_dup_tenths: 2,
        ..Chaos::none(net.clone())
    };
    let mut w = world(seed, net.clone(), Vec::new(), FdNode::cluster(&cfg));
    chaos.run(&mut w, &mut rng, 3 * SEC);
    // The network heals; the processes stay as they are; the monitor is up.
    w.apply(Action::HealAll);
    w.apply(Action::SetNet(net.clone()));
    w.apply(Action::Restart(MONITOR));
    w.run_until(w.now() + 3 * SEC);
    // (Accuracy is broken by design — every detector guesses — so only completeness is
    // checked here; the page counts the false suspicions.)
    let mut t = trial(&w, true, &[COMPLETENESS]);
    let down: Vec<usize> = (1..w.len()).filter(|&p| !w.is_alive(p)).collect();
    let m = w.node(MONITOR).monitor().expect("the monitor");
    for &p in &down {
        if !(m.is_suspected(p, Detector::Timeout) && m.is_suspected(p, Detector::Phi)) {
            t.broken(COMPLETENESS, || {
                format!("{COMPLETENESS}: P{p} is not suspected (processes down: {down:?})")
            });
        }
    }
    t
}
