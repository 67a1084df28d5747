//! Helpers shared by the native test files: building clusters and random fault schedules.
#![allow(dead_code)]

use ds_playground::protocols::raft::{RaftCmd, RaftConfig, RaftNode, Role};
use ds_playground::sim::{Action, NetConfig, SimRng, SimTime, World, WorldConfig, MS, SEC};

pub fn raft_world(seed: u64, n: usize) -> World<RaftNode> {
    let cfg = WorldConfig {
        seed,
        trace_capacity: 0,
        ..WorldConfig::default()
    };
    World::new(
        cfg,
        (0..n)
            .map(|_| RaftNode::new(RaftConfig::default()))
            .collect(),
    )
}

/// The id of the live leader with the highest term, if any.
pub fn leader(w: &World<RaftNode>) -> Option<usize> {
    (0..w.len())
        .filter(|&i| w.is_alive(i) && w.node(i).role() == Role::Leader)
        .max_by_key(|&i| w.node(i).term())
}

/// Apply random faults for `span` of virtual time: kills, restarts, cuts, heals,
/// partitions, drops of in-flight messages, loss changes and client requests.
pub fn random_faults(w: &mut World<RaftNode>, rng: &mut SimRng, span: SimTime, next_cmd: &mut u64) {
    let n = w.len();
    let end = w.now() + span;
    while w.now() < end {
        let t = w.now() + rng.range_inclusive(20 * MS, 400 * MS);
        w.run_until(t.min(end));
        let a = rng.index(n);
        let b = (a + 1 + rng.index(n - 1)) % n;
        let action = match rng.index(10) {
            0 => Action::Crash(a),
            1 => Action::Restart(a),
            2 => Action::Cut(a, b),
            3 => Action::Heal(a, b),
            4 => {
                let ids: Vec<u64> = w.network().in_flight().map(|m| m.id).collect();
                if ids.is_empty() {
                    continue;
                }
                Action::DropMsg(ids[rng.index(ids.len())])
            }
            5 => {
                let split = 1 + rng.index(n - 1);
                Action::Partition(vec![(0..split).collect(), (split..n).collect()])
            }
            6 => Action::SetNet(NetConfig {
                loss: rng.index(4) as f64 * 0.1,
                ..NetConfig::default()
            }),
            7 => Action::Command(a, RaftCmd::ForceTimeout),
            _ => {
                *next_cmd += 1;
                Action::Command(a, RaftCmd::ClientRequest(*next_cmd))
            }
        };
        w.apply(action);
    }
}

/// Restart every node, heal every link, stop loss.
pub fn heal_everything(w: &mut World<RaftNode>) {
    for i in 0..w.len() {
        w.apply(Action::Restart(i));
    }
    w.apply(Action::HealAll);
    w.apply(Action::SetNet(NetConfig::default()));
}

/// Drive a client until `cmd` is committed on every live node, retrying against the
/// current leader every `retry`. Returns the virtual time it took, or None past `limit`.
pub fn commit_everywhere(w: &mut World<RaftNode>, cmd: u64, limit: SimTime) -> Option<SimTime> {
    let start = w.now();
    let retry = SEC;
    let mut last_try: Option<SimTime> = None;
    while w.now() - start <= limit {
        if let Some(l) = leader(w) {
            if last_try.is_none_or(|t| w.now() - t >= retry) {
                w.apply(Action::Command(l, RaftCmd::ClientRequest(cmd)));
                last_try = Some(w.now());
            }
        }
        let done = (0..w.len()).filter(|&i| w.is_alive(i)).all(|i| {
            let node = w.node(i);
            node.log()[..node.commit_index() as usize]
                .iter()
                .any(|e| e.cmd == cmd)
        });
        if done {
            return Some(w.now() - start);
        }
        let t = w.now() + 5 * MS;
        w.run_until(t);
    }
    None
}
