//! Consensus under random faults: Raft (3–9 servers) and Paxos (1–3 proposers, 3–7
//! acceptors), each with its "break it" switch (state that does not survive a crash).

use super::{duplicates, net, trial, world, Trial};
use crate::protocols::paxos::{PaxosConfig, PaxosNode};
use crate::protocols::raft::{current_leader, RaftCmd, RaftConfig, RaftNode};
use crate::sim::{heal_everything, Action, Chaos, NetConfig, SimRng, World, MS, SEC};

pub(super) const RAFT: &str = "every kind of fault for 4 s (crashes and restarts weighted up \
without persistence; loss and duplication up to 30 % / 20 %), then healing and one request \
that must commit everywhere within 10 s";
pub(super) const PAXOS: &str = "crashes, restarts, cuts, drops, loss and duplication for 3 s, \
proposals twice as often as each fault (crashes weighted up without persistence)";

pub(super) fn raft(seed: u64, persist: bool) -> Trial {
    let n = 3 + (seed % 7) as usize;
    let cfg = RaftConfig {
        persist,
        ..RaftConfig::default()
    };
    let net = NetConfig {
        duplicate: duplicates(seed),
        ..NetConfig::default()
    };
    let mut w = world(
        seed,
        net,
        Vec::new(),
        (0..n).map(|_| RaftNode::new(cfg.clone())).collect(),
    );
    let mut rng = SimRng::new(seed).fork(0xFA17);
    // Forgetting matters only across a restart: weight them up in the break-it mode.
    let chaos = Chaos {
        crash: if persist { 1 } else { 3 },
        restart: if persist { 1 } else { 3 },
        max_dup_tenths: 2,
        ..Chaos::default()
    };
    chaos.run(&mut w, &mut rng, 4 * SEC);
    heal_everything(&mut w, NetConfig::default());
    let live = commit_everywhere(&mut w, 1_000_000, 10 * SEC);
    trial(&w, live, &[])
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

pub(super) fn paxos(seed: u64, persist: bool) -> Trial {
    let w = if persist {
        paxos_run(seed, true, 1)
    } else {
        paxos_world(seed, false, 5, true)
    };
    trial(&w, true, &[])
}

/// A random Paxos cluster (1–3 proposers, 3–7 acceptors) under crashes, restarts, cuts,
/// drops and loss for 3 s, proposals twice as often as each fault; `restarts` weights
/// crashes and restarts (a forgotten promise needs a restart to matter).
pub fn paxos_run(seed: u64, persist: bool, restarts: u32) -> World<PaxosNode> {
    paxos_world(seed, persist, restarts, false)
}

/// [`paxos_run`]; `contended`: at least two proposers, and crashes only on acceptors (what
/// the "forgetful acceptors" switch needs to matter: a second value proposed while an
/// acceptor forgets what it promised or accepted).
fn paxos_world(seed: u64, persist: bool, restarts: u32, contended: bool) -> World<PaxosNode> {
    let mut rng = SimRng::new(seed).fork(0xBA5E);
    let proposers = 1 + rng.index(3);
    let cfg = PaxosConfig {
        proposers: if contended {
            proposers.max(2)
        } else {
            proposers
        },
        acceptors: 3 + rng.index(5),
        retry: 80 * MS,
        backoff: rng.chance(0.5),
        distinguished: false,
        persist,
    };
    let net = net(seed, (5 * MS, 25 * MS), 0.0);
    let mut w = world(seed, net.clone(), Vec::new(), PaxosNode::cluster(&cfg));
    let chaos = Chaos {
        gap: (5 * MS, 120 * MS),
        crash: restarts,
        restart: restarts,
        crash_on: contended.then(|| cfg.acceptor_ids().collect()),
        heal_all: 1,
        partition: 0,
        max_loss_tenths: 2,
        net,
        command: 2,
        max_dup_tenths: 2,
        ..Chaos::default()
    };
    chaos.run(&mut w, &mut rng, 3 * SEC);
    w
}
