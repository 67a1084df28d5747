//! Replication under random faults: primary-secondary (its durability promise), quorum
//! NWR (no stale read when W + R > N) and CAP's CP mode (no answer without a majority),
//! each with clients writing and reading steadily, and each page's "break it" switch.

use super::{net, trial, world, Trial};
use crate::protocols::cap::{CapConfig, CapNode, Mode as CapMode};
use crate::protocols::primary_secondary::{Mode, PsConfig, PsNode};
use crate::protocols::quorum::{QConfig, QNode, Repair};
use crate::sim::{heal_everything, Action, Chaos, NetConfig, SimRng, World, MS, SEC};

pub(super) const PS: &str = "crashes, restarts, cuts, partitions, drops, loss and \
duplication for 4 s under a steady workload, then healing and 3 s to settle";
pub(super) const QUORUM: &str = "crashes, restarts, cuts, partitions, drops, loss and \
duplication for 3 s, two clients writing and reading; random N, W, R and read repair";
pub(super) const CAP: &str = "crashes, restarts, cuts, partitions, drops, loss and \
duplication for 3 s, two clients writing and reading, 3 or 5 servers";

/// The faults of the replication chapter's sweeps: everything but commands (the clients'
/// workload runs on its own), loss up to 30 % and duplication up to 20 %.
fn faults(gap: (u64, u64), net: &NetConfig) -> Chaos {
    Chaos {
        gap,
        command: 0,
        heal_all: 1,
        net: net.clone(),
        max_dup_tenths: 2,
        ..Chaos::default()
    }
}

/// Primary-secondary in `mode` (a steady workload) under random faults for 4 s, then healed
/// and given 3 s; `ack_early` is the page's "break it" switch.
pub fn ps_run(mode: Mode, ack_early: bool, seed: u64) -> World<PsNode> {
    let cfg = PsConfig {
        mode,
        ack_early,
        workload: Some(60 * MS),
        ..PsConfig::default()
    };
    let net = net(seed, (5 * MS, 40 * MS), 0.0);
    let mut w = world(seed, net.clone(), Vec::new(), PsNode::cluster(&cfg));
    let mut r = SimRng::new(seed).fork(0x9515);
    faults((50 * MS, 400 * MS), &net).run(&mut w, &mut r, 4 * SEC);
    heal_everything(&mut w, net);
    for i in 0..w.len() {
        if !w.is_alive(i) {
            w.schedule(w.now(), Action::Restart(i));
        }
    }
    w.run_until(w.now() + 3 * SEC);
    w
}

pub(super) fn ps(seed: u64, ack_early: bool) -> Trial {
    let mode = if seed.is_multiple_of(2) {
        Mode::Sync
    } else {
        Mode::Semi(1)
    };
    let w = ps_run(mode, ack_early, seed);
    trial(&w, true, &[])
}

/// Quorum replication with `cfg` (two clients writing and reading every 60 ms) under random
/// faults for 3 s, then healed and given a second.
pub fn quorum_run(cfg: &QConfig, seed: u64) -> World<QNode> {
    let net = net(seed, (2 * MS, 40 * MS), 0.0);
    let cfg = QConfig {
        workload: Some(60 * MS),
        ..cfg.clone()
    };
    let mut w = world(seed, net.clone(), Vec::new(), QNode::cluster(&cfg));
    let mut r = SimRng::new(seed).fork(0x0A11);
    faults((50 * MS, 300 * MS), &net).run(&mut w, &mut r, 3 * SEC);
    heal_everything(&mut w, net);
    w.run_until(w.now() + SEC);
    w
}

pub(super) fn quorum(seed: u64, first_reply: bool) -> Trial {
    // Overlapping quorums only (the break-it switch breaks them from inside).
    let (n, w, r) = [(3, 2, 2), (5, 3, 3), (5, 1, 5), (5, 4, 2)][(seed % 4) as usize];
    let repair = [Repair::Off, Repair::Background, Repair::Blocking][(seed / 4 % 3) as usize];
    let cfg = QConfig {
        servers: n,
        n,
        w,
        r,
        repair,
        first_reply,
        ..QConfig::default()
    };
    trial(&quorum_run(&cfg, seed), true, &[])
}

/// CAP's servers with `cfg` (two clients every 50 ms) under random faults for 3 s, then
/// healed and given a second.
pub fn cap_run(cfg: &CapConfig, seed: u64) -> World<CapNode> {
    let net = net(seed, (2 * MS, 30 * MS), 0.0);
    let cfg = CapConfig {
        workload: Some(50 * MS),
        ..cfg.clone()
    };
    let mut w = world(seed, net.clone(), Vec::new(), CapNode::cluster(&cfg));
    faults((50 * MS, 300 * MS), &net).run(&mut w, &mut SimRng::new(seed).fork(0xCA9), 3 * SEC);
    heal_everything(&mut w, net);
    w.run_until(w.now() + SEC);
    w
}

pub(super) fn cap(seed: u64, minority_accepts: bool) -> Trial {
    let cfg = CapConfig {
        servers: if seed.is_multiple_of(2) { 3 } else { 5 },
        mode: CapMode::Cp,
        minority_accepts,
        ..CapConfig::default()
    };
    trial(&cap_run(&cfg, seed), true, &[])
}
