//! The engine's scheduler with GC pauses and clock steps among its faults: protocols whose
//! safety does not rest on time (Raft, Paxos, a lock with fencing tokens checked by the
//! storage) stay safe under them, and Raft still commits once the network heals.

use ds_playground::lab::fault_sweep::{commit_everywhere, paxos_run};
use ds_playground::protocols::lock::{LockConfig, LockNode};
use ds_playground::protocols::raft::{RaftConfig, RaftNode};
use ds_playground::sim::{heal_everything, Chaos, NetConfig, SimRng, World, WorldConfig, MS, SEC};

fn timely(seed: u64) -> Chaos {
    Chaos {
        pause: 2,
        max_pause: (200 + seed % 5 * 200) * MS,
        jump: 2,
        max_jump: 300 * MS,
        ..Chaos::default()
    }
}

#[test]
fn raft_stays_safe_and_live_under_pauses_and_clock_steps() {
    let mut pauses = 0;
    for seed in 0..200u64 {
        let n = 3 + (seed % 3) as usize * 2;
        let mut w = World::new(
            WorldConfig::batch(seed, NetConfig::default(), true),
            (0..n)
                .map(|_| RaftNode::new(RaftConfig::default()))
                .collect(),
        );
        let mut rng = SimRng::new(seed).fork(0x71AE);
        timely(seed).run(&mut w, &mut rng, 4 * SEC);
        pauses += w.pauses().len();
        assert!(
            w.violations().is_empty(),
            "seed {seed}: {:?}",
            w.violations()
        );
        heal_everything(&mut w, NetConfig::default());
        assert!(
            commit_everywhere(&mut w, 7_000_000 + seed, 10 * SEC),
            "seed {seed}: no commit after healing"
        );
        assert!(
            w.violations().is_empty(),
            "seed {seed}: {:?}",
            w.violations()
        );
    }
    assert!(pauses >= 60, "the scheduler paused nodes ({pauses})");
}

#[test]
fn paxos_agrees_under_pauses_and_clock_steps() {
    for seed in 0..200u64 {
        // The sweep's run (crashes, cuts, drops, proposals), then pauses and steps on top.
        let mut w = paxos_run(seed, true, 1);
        let mut rng = SimRng::new(seed).fork(0x9A05);
        timely(seed).run(&mut w, &mut rng, 3 * SEC);
        assert!(
            w.violations().is_empty(),
            "seed {seed}: {:?}",
            w.violations()
        );
    }
}

#[test]
fn fencing_keeps_storage_safe_under_pauses_and_clock_steps() {
    let mut overlapping = 0;
    for seed in 0..200u64 {
        let cfg = LockConfig {
            clients: 3,
            workload: Some(150 * MS),
            ..LockConfig::default()
        };
        let mut w = World::new(
            WorldConfig::batch(
                seed,
                NetConfig {
                    latency_min: 5 * MS,
                    latency_max: 20 * MS,
                    loss: 0.0,
                    duplicate: 0.0,
                },
                true,
            ),
            LockNode::cluster(&cfg),
        );
        let mut rng = SimRng::new(seed).fork(0x10C4);
        let chaos = Chaos {
            pause: 3,
            max_pause: 700 * MS,
            jump: 1,
            max_jump: 300 * MS,
            ..Chaos::none(NetConfig::default())
        };
        chaos.run(&mut w, &mut rng, 5 * SEC);
        assert!(
            w.violations().is_empty(),
            "seed {seed}: {:?}",
            w.violations()
        );
        let nodes: Vec<&LockNode> = (0..w.len()).map(|i| w.node(i)).collect();
        overlapping += usize::from(
            !ds_playground::protocols::lock::invariants::overlaps(&nodes, w.now()).is_empty(),
        );
    }
    // The pauses did make critical sections overlap — fencing is what kept storage safe.
    assert!(
        overlapping >= 5,
        "{overlapping} runs with overlapping sections"
    );
}
