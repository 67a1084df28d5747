//! Helpers shared by the native test files: building clusters and random fault schedules.
#![allow(dead_code)]

use ds_playground::protocols::raft::{RaftConfig, RaftNode};
use ds_playground::sim::{Chaos, NetConfig, SimRng, SimTime, World, WorldConfig};

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
#[allow(unused_imports)]
pub use ds_playground::protocols::raft::current_leader as leader;

/// The engine's fault scheduler with every kind of fault on, for `span` of virtual time:
/// kills, restarts, cuts, heals, partitions, drops, loss changes, forced timeouts and
/// client requests.
pub fn random_faults(w: &mut World<RaftNode>, rng: &mut SimRng, span: SimTime) -> usize {
    Chaos::default().run(w, rng, span)
}

/// Restart every node, heal every link, stop loss.
pub fn heal_everything(w: &mut World<RaftNode>) {
    ds_playground::sim::heal_everything(w, NetConfig::default());
}

/// Drive a client until `cmd` is committed on every live node, retrying against the
/// current leader every second. Returns the virtual time it took, or None past `limit`.
pub fn commit_everywhere(w: &mut World<RaftNode>, cmd: u64, limit: SimTime) -> Option<SimTime> {
    let start = w.now();
    ds_playground::lab::fault_sweep::commit_everywhere(w, cmd, limit).then(|| w.now() - start)
}
