//! Gossip: push-pull reaches every node of a connected cluster, rounds to full spread lie
//! near the mean-field value, rumour mongering leaves residue that anti-entropy mops up.

use ds_playground::protocols::gossip::theory::full_spread_round;
use ds_playground::protocols::gossip::{GossipCmd, GossipConfig, GossipNode, Mode, Termination};
use ds_playground::sim::{Action, NetConfig, World, WorldConfig, MS, SEC};

fn run(seed: u64, n: usize, cfg: &GossipConfig, until_s: u64) -> World<GossipNode> {
    let net = NetConfig {
        latency_min: 5 * MS,
        latency_max: 10 * MS,
        loss: 0.0,
    };
    let mut w = World::new(
        WorldConfig {
            seed,
            net,
            trace_capacity: 0,
            check_invariants: false,
        },
        GossipNode::cluster(cfg, n),
    );
    w.apply(Action::Command(0, GossipCmd::Infect));
    w.run_until(until_s * SEC);
    w
}

/// The round (counted from the start) in which the last node was infected.
fn full_round(w: &World<GossipNode>, period: u64) -> Option<u64> {
    (0..w.len())
        .map(|i| w.node(i).infected_at().map(|t| t / period + 1))
        .collect::<Option<Vec<_>>>()
        .map(|v| v.into_iter().max().unwrap())
}

#[test]
fn push_pull_reaches_everyone_near_the_analytic_round_count() {
    // Tolerance: the mean over 40 seeds lies within ±1.5 rounds of the mean-field value.
    for (n, k) in [(100, 1), (500, 1), (500, 2)] {
        let cfg = GossipConfig {
            mode: Mode::PushPull,
            fanout: k,
            ..GossipConfig::default()
        };
        let rounds: Vec<f64> = (0..40)
            .map(|seed| {
                let w = run(seed, n, &cfg, 10);
                full_round(&w, cfg.period.max(1))
                    .unwrap_or_else(|| panic!("n={n} seed={seed}: someone never heard"))
                    as f64
            })
            .collect();
        let mean = rounds.iter().sum::<f64>() / rounds.len() as f64;
        let theory = full_spread_round(Mode::PushPull, n, k, 0.0).unwrap() as f64;
        assert!(
            (mean - theory).abs() <= 1.5,
            "n={n} k={k}: measured {mean:.2} rounds, theory {theory}"
        );
    }
}

#[test]
fn rumour_mongering_leaves_residue_and_anti_entropy_clears_it() {
    let monger = GossipConfig {
        mode: Mode::Push,
        fanout: 1,
        termination: Termination::Counter(1),
        ..GossipConfig::default()
    };
    let residue: usize = (0..20)
        .map(|s| run(s, 200, &monger, 10))
        .map(|w| (0..w.len()).filter(|&i| !w.node(i).infected()).count())
        .sum();
    assert!(
        residue > 20 * 5,
        "push with counter k=1 should leave residue (Demers: ~20 %), got {residue} over 20 runs"
    );
    let fixed = GossipConfig {
        anti_entropy: 5,
        ..monger
    };
    for s in 0..20 {
        let w = run(s, 200, &fixed, 30);
        assert!(
            (0..w.len()).all(|i| w.node(i).infected()),
            "seed {s}: anti-entropy reaches everyone"
        );
    }
}

#[test]
fn a_partitioned_node_is_never_reached() {
    let cfg = GossipConfig::default();
    let net = NetConfig {
        latency_min: 5 * MS,
        latency_max: 10 * MS,
        loss: 0.0,
    };
    let mut w = World::new(
        WorldConfig {
            seed: 1,
            net,
            trace_capacity: 0,
            check_invariants: false,
        },
        GossipNode::cluster(&cfg, 50),
    );
    for other in 0..49 {
        w.apply(Action::Cut(49, other));
    }
    w.apply(Action::Command(0, GossipCmd::Infect));
    w.run_until(10 * SEC);
    assert_eq!((0..50).filter(|&i| w.node(i).infected()).count(), 49);
}
