//! Raft under random faults over many seeds: safety (no invariant ever breaks) and
//! liveness (once everything heals, a leader is elected and a request commits everywhere
//! within a bounded virtual time).
//!
//! `RAFT_SEEDS=N` runs more seeds than the default 1,000.

mod common;

use common::*;
use ds_playground::sim::{SimRng, MS, SEC};

fn seeds() -> u64 {
    std::env::var("RAFT_SEEDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000)
}

#[test]
fn random_faults_never_break_safety_and_the_cluster_recovers() {
    let mut worst_recovery = 0;
    let mut total_events = 0;
    for seed in 0..seeds() {
        let n = 3 + (seed % 7) as usize; // 3 to 9 nodes
        let mut w = raft_world(seed, n);
        let mut rng = SimRng::new(seed).fork(0xFA17);
        let faults = random_faults(&mut w, &mut rng, 4 * SEC);
        assert!(
            faults >= 5,
            "seed {seed}: the scheduler injected only {faults} faults"
        );
        assert!(
            w.violations().is_empty(),
            "seed {seed} ({n} nodes): {:?}\nreplay: #/raft?seed={seed}&nodes={n}",
            w.violations()
        );

        heal_everything(&mut w);
        let took = commit_everywhere(&mut w, 1_000_000, 10 * SEC).unwrap_or_else(|| {
            panic!("seed {seed} ({n} nodes): no commit within 10 s after healing")
        });
        worst_recovery = worst_recovery.max(took);
        assert!(
            w.violations().is_empty(),
            "seed {seed}: {:?}",
            w.violations()
        );
        // Every live node agrees on the whole committed prefix.
        let shortest = (0..n).map(|i| w.node(i).commit_index()).min().unwrap() as usize;
        for i in 1..n {
            assert_eq!(
                w.node(i).log()[..shortest],
                w.node(0).log()[..shortest],
                "seed {seed}"
            );
        }
        total_events += w.events_processed();
    }
    println!(
        "worst recovery {} ms over {} seeds, {} events",
        worst_recovery / MS,
        seeds(),
        total_events
    );
}

#[test]
fn a_healthy_cluster_elects_exactly_one_leader_quickly() {
    for seed in 0..200 {
        let mut w = raft_world(seed, 5);
        let mut at = None;
        while w.now() < 3 * SEC {
            let t = w.now() + MS;
            w.run_until(t);
            if leader(&w).is_some() {
                at = Some(w.now());
                break;
            }
        }
        let at = at.unwrap_or_else(|| panic!("seed {seed}: no leader in 3 s"));
        // The first timeout fires within 300 ms; a split vote costs another round or two.
        assert!(at <= 1_500 * MS, "seed {seed}: leader only at {at}");
        w.run_until(at + 2 * SEC);
        let leaders: Vec<usize> = (0..5)
            .filter(|&i| w.node(i).role() == ds_playground::protocols::raft::Role::Leader)
            .collect();
        assert_eq!(
            leaders.len(),
            1,
            "seed {seed}: a stable cluster keeps one leader"
        );
    }
}

#[test]
fn duplicated_refusals_from_a_forgetful_follower_do_not_multiply_the_streams() {
    // "No persistence": a follower that restarts has forgotten the log the leader's
    // matchIndex says it holds, so every AppendEntries it gets is refused without teaching
    // the leader anything. Before the fix each refusal was retried at once, and with every
    // message duplicated each copy started another stream: the messages in flight doubled
    // every round trip (the sweep's seed 155 ran out of memory). Now such a refusal waits
    // for the heartbeat: one stream per follower.
    use ds_playground::protocols::raft::{current_leader, RaftCmd, RaftConfig, RaftNode};
    use ds_playground::sim::{Action, NetConfig, World, WorldConfig};
    let cfg = RaftConfig {
        persist: false,
        ..RaftConfig::default()
    };
    let net = NetConfig {
        duplicate: 1.0,
        ..NetConfig::default()
    };
    let mut w = World::new(
        WorldConfig::batch(3, net, false),
        (0..3).map(|_| RaftNode::new(cfg.clone())).collect(),
    );
    w.run_until(2 * SEC);
    let leader = current_leader(&w).expect("a leader");
    for k in 0..5 {
        w.apply(Action::Command(leader, RaftCmd::ClientRequest(100 + k)));
    }
    w.run_until(3 * SEC);
    let follower = (leader + 1) % 3;
    w.apply(Action::Crash(follower));
    w.apply(Action::Restart(follower));
    let mut most = 0;
    while w.now() < 6 * SEC {
        let t = w.now() + 10 * MS;
        w.run_until(t);
        let flying = w.network().in_flight().count();
        most = most.max(flying);
        assert!(
            flying < 200,
            "{flying} messages in flight at {} ms",
            w.now() / MS
        );
    }
    assert!(most > 0);
}
