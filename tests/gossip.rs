//! Gossip: the measured rounds to full spread match the finite-n model over many seeds,
//! push-pull reaches every node of a connected cluster, rumour mongering leaves residue that
//! anti-entropy mops up.

use ds_playground::lab::sweep::gossip_world;
use ds_playground::protocols::gossip::theory::{mongering_curve, mongering_residue, spread};
use ds_playground::protocols::gossip::{
    rounds_to_reach, GossipConfig, GossipNode, Mode, Termination,
};
use ds_playground::sim::{Action, NetConfig, World, MS, SEC};

fn run(seed: u64, n: usize, cfg: &GossipConfig, until_s: u64) -> World<GossipNode> {
    let mut w = gossip_world(seed, n, cfg);
    w.run_until(until_s * SEC);
    w
}

/// Rounds until everyone heard (the sweep's own measurement).
fn rounds_to_everyone(seed: u64, n: usize, cfg: &GossipConfig) -> u64 {
    ds_playground::lab::sweep::rounds_to_everyone(seed, n, cfg, 60 * SEC)
        .unwrap_or_else(|| panic!("n={n} seed={seed}: someone never heard"))
}

/// The old page's theory: the large-n mean-field limit (push `s·e^(−k·i)`, pull
/// `s·(1−i)^k`), read off where fewer than half a node is expected left. Kept here only to
/// show that the test below can tell it from the finite-n model.
fn large_n_limit_rounds(mode: Mode, n: usize, k: usize) -> f64 {
    let (mut i, k) = (1.0 / n as f64, k as f64);
    for r in 0.. {
        if n as f64 * (1.0 - i) < 0.5 {
            return r as f64;
        }
        let s = 1.0 - i;
        let (push, pull) = ((-k * i).exp(), (1.0 - i).powf(k));
        i = 1.0
            - match mode {
                Mode::Push => s * push,
                Mode::Pull => s * pull,
                Mode::PushPull => s * push * pull,
            };
    }
    unreachable!()
}

#[test]
fn rounds_to_full_spread_match_the_finite_n_model_over_a_thousand_seeds() {
    // For each mode and size, 1,000 seeds. The measured mean may stray from the model's
    // mean by four standard errors (from the seeds' own spread: a normal mean strays that
    // far 1 time in 16,000), and the measured standard deviation from the model's by
    // four of its own standard errors (sd/√(2·seeds)). The tolerance is at most 0.2 round,
    // so counting one round too many fails it, and so does the large-n limit the page
    // used before (checked below where it differs by more).
    let seeds = 1_000;
    let mut told_apart = 0;
    for mode in [Mode::Push, Mode::Pull, Mode::PushPull] {
        for (n, k) in [(16, 1), (100, 1), (500, 1), (100, 3)] {
            let cfg = GossipConfig {
                mode,
                fanout: k,
                ..GossipConfig::default()
            };
            let r: Vec<f64> = (0..seeds)
                .map(|s| rounds_to_everyone(s, n, &cfg) as f64)
                .collect();
            let mean = r.iter().sum::<f64>() / seeds as f64;
            let sd =
                (r.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (seeds - 1) as f64).sqrt();
            let se = sd / (seeds as f64).sqrt();
            let model = spread(mode, n, k, 0.0);
            let (m_mean, m_sd) = (model.mean_rounds().unwrap(), model.sd_rounds().unwrap());
            let tolerance = 4.0 * se;
            let what = format!(
                "{mode:?} n={n} k={k}: measured {mean:.3} ± {sd:.3}, model {m_mean:.3} ± {m_sd:.3}"
            );
            assert!(
                tolerance <= 0.2,
                "{what}: ± {tolerance:.3} is too loose to tell"
            );
            assert!(
                (mean - m_mean).abs() <= tolerance,
                "{what} (± {tolerance:.3})"
            );
            let sd_tolerance = 4.0 * m_sd / (2.0 * seeds as f64).sqrt();
            assert!((sd - m_sd).abs() <= sd_tolerance, "{what}: spread");
            assert!(
                (mean + 1.0 - m_mean).abs() > tolerance,
                "{what}: one round more"
            );
            if n <= 100 && k == 1 {
                let old = large_n_limit_rounds(mode, n, k);
                if (old - m_mean).abs() > 2.0 * tolerance {
                    assert!((mean - old).abs() > tolerance, "{what}: limit {old}");
                    told_apart += 1;
                }
            }
        }
    }
    // The large-n limit's threshold (an integer) lands near the finite-n mean in some
    // small cases (pull n = 100: 10 against 9.79; push-pull n = 16: 4 against 4.15); in
    // the others (push n = 16 and 100, push-pull n = 100) it is off by over 0.4 round
    // and the test tells them apart.
    assert!(told_apart >= 3, "{told_apart}");
}

#[test]
fn push_pull_reaches_everyone_when_messages_are_lost_too() {
    // With 20 % loss the model's mean is slower; 200 seeds, same four-standard-error rule.
    let cfg = GossipConfig::default();
    let mut net_loss = |seed| {
        let mut w = gossip_world(seed, 100, &cfg);
        w.apply(Action::SetNet(NetConfig {
            latency_min: 5 * MS,
            latency_max: 10 * MS,
            loss: 0.2,
            duplicate: 0.0,
        }));
        let mut t = 0;
        while !(0..100).all(|i| w.node(i).infected()) {
            t += cfg.period;
            w.run_until(t);
        }
        rounds_to_reach((0..100).map(|i| w.node(i).infected_at()), cfg.period).unwrap() as f64
    };
    let r: Vec<f64> = (0..200).map(&mut net_loss).collect();
    let mean = r.iter().sum::<f64>() / 200.0;
    let sd = (r.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / 199.0).sqrt();
    let model = spread(Mode::PushPull, 100, 1, 0.2).mean_rounds().unwrap();
    assert!(
        (mean - model).abs() <= 4.0 * sd / 200f64.sqrt(),
        "measured {mean:.3} ± {sd:.3}, model {model:.3}"
    );
    assert!(model > spread(Mode::PushPull, 100, 1, 0.0).mean_rounds().unwrap() + 0.5);
}

#[test]
fn rumour_mongering_leaves_residue_and_anti_entropy_clears_it() {
    let monger = GossipConfig {
        mode: Mode::Push,
        fanout: 1,
        termination: Termination::Counter(1),
        ..GossipConfig::default()
    };
    // Every one of 20 runs leaves residue (about 20 %, see the test above; a run with
    // none has probability near 0.8^200 per run), and anti-entropy then reaches everyone.
    for s in 0..20 {
        let w = run(s, 200, &monger, 10);
        assert!(
            (0..w.len()).any(|i| !w.node(i).infected()),
            "seed {s}: no residue"
        );
    }
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
    let mut w = gossip_world(1, 50, &cfg);
    for other in 0..49 {
        w.apply(Action::Cut(49, other));
    }
    w.run_until(10 * SEC);
    assert_eq!((0..50).filter(|&i| w.node(i).infected()).count(), 49);
}

#[test]
fn rumour_mongering_leaves_the_residue_demers_predicts() {
    // Push, fanout 1, feedback; 1,000 nodes, 200 seeds per variant. The mean residue may
    // stray from s = e^(−(k+1)(1−s)) by four standard errors of the mean (from the seeds'
    // spread) plus 0.002 for the model's large-n limit (at n = 1,000 the runs sit within
    // 0.001 of it); the tolerance stays under a fifth of the residue, so a spreader that
    // never stopped (no residue) or stopped at once (nearly all residue) fails.
    let n = 1_000;
    for k in 1..=3 {
        for termination in [Termination::Counter(k), Termination::Coin(k)] {
            let cfg = GossipConfig {
                mode: Mode::Push,
                fanout: 1,
                termination,
                ..GossipConfig::default()
            };
            let r: Vec<f64> = (0..200)
                .map(|s| {
                    let w = run(s, n, &cfg, 10);
                    assert!((0..n).all(|i| !w.node(i).active()), "the rumour died out");
                    (0..n).filter(|&i| !w.node(i).infected()).count() as f64 / n as f64
                })
                .collect();
            let mean = r.iter().sum::<f64>() / 200.0;
            let sd = (r.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / 199.0).sqrt();
            let tolerance = 4.0 * sd / 200f64.sqrt() + 0.002;
            let model = mongering_residue(k);
            let curve = mongering_curve(n, 1, termination, 0.0, 100);
            let curve_residue = 1.0 - curve.last().unwrap() / n as f64;
            let what = format!(
                "{termination:?}: measured {mean:.4} ± {sd:.4}, model {model:.4}, by rounds {curve_residue:.4}"
            );
            assert!(
                tolerance < 0.2 * model,
                "{what}: ± {tolerance:.4} is too loose"
            );
            assert!((mean - model).abs() <= tolerance, "{what}");
            eprintln!("{what}");
        }
    }
}
