//! Parameter sweeps with a theory line: many seeded trials at each `x`, the mean beside
//! what the formula predicts.
//!
//! - gossip: rounds until everyone is infected (push-pull, fanout 1) against `N`;
//! - bloom: false-positive rate against the number of items `n` (m = 1024, k = 5);
//! - ring: max/mean load against virtual nodes per node (10 nodes, 10,000 keys).

use super::Incremental;
use crate::decimal::{fixed, Fixed, Num};
use crate::protocols::bloom::{expected_fp_rate, BloomFilter, QueryOutcome};
use crate::protocols::gossip::theory::spread;
use crate::protocols::gossip::{rounds_to_reach, GossipCmd, GossipConfig, GossipNode, Mode};
use crate::protocols::hash_ring::{load_stats, Ring};
use crate::sim::{Action, NetConfig, SimTime, World, WorldConfig, MS, SEC};

/// Which sweep.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SweepKind {
    GossipRounds,
    BloomFalsePositives,
    RingSpread,
}

impl SweepKind {
    pub fn xs(self) -> Vec<f64> {
        match self {
            SweepKind::GossipRounds => vec![16.0, 32.0, 64.0, 128.0, 256.0, 512.0],
            SweepKind::BloomFalsePositives => (1..=8).map(|i| (i * 50) as f64).collect(),
            SweepKind::RingSpread => vec![1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0],
        }
    }

    /// One trial's measurement at `x`.
    pub fn trial(self, x: f64, seed: u64) -> f64 {
        match self {
            SweepKind::GossipRounds => {
                let cfg = GossipConfig {
                    mode: Mode::PushPull,
                    fanout: 1,
                    ..GossipConfig::default()
                };
                rounds_to_everyone(seed, x as usize, &cfg, 30 * SEC).map_or(f64::NAN, |r| r as f64)
            }
            SweepKind::BloomFalsePositives => {
                let mut f = BloomFilter::new(1024, 5);
                for i in 0..x as usize {
                    f.insert(&format!("t{seed}-in-{i}"));
                }
                let fp = (0..2_000)
                    .filter(|i| f.query(&format!("t{seed}-out-{i}")) == QueryOutcome::FalsePositive)
                    .count();
                fp as f64 / 2_000.0
            }
            SweepKind::RingSpread => {
                let nodes: Vec<u32> = (0..10).map(|i| i + 100 * (seed as u32 % 1_000)).collect();
                load_stats(&Ring::new(&nodes, x as usize).assign(10_000), &nodes).1
            }
        }
    }

    /// What theory predicts at `x` (none for the ring's spread).
    pub fn theory(self, x: f64) -> Option<f64> {
        match self {
            SweepKind::GossipRounds => spread(Mode::PushPull, x as usize, 1, 0.0).mean_rounds(),
            SweepKind::BloomFalsePositives => Some(expected_fp_rate(1024, 5, x as usize)),
            SweepKind::RingSpread => None,
        }
    }

    pub fn log_x(self) -> bool {
        !matches!(self, SweepKind::BloomFalsePositives)
    }
}

/// A gossip cluster of `n` on a 5–10 ms network, the rumour started at node 0 at time 0.
pub fn gossip_world(seed: u64, n: usize, cfg: &GossipConfig) -> World<GossipNode> {
    let net = NetConfig {
        latency_min: 5 * MS,
        latency_max: 10 * MS,
        loss: 0.0,
        duplicate: 0.0,
    };
    let mut w = World::new(
        WorldConfig::batch(seed, net, false),
        GossipNode::cluster(cfg, n),
    );
    w.apply(Action::Command(0, GossipCmd::Infect));
    w
}

/// Rounds of gossip until every node of [`gossip_world`] heard, running a round at a time
/// and stopping there (`None` if someone has not heard by `limit`).
pub fn rounds_to_everyone(seed: u64, n: usize, cfg: &GossipConfig, limit: SimTime) -> Option<u64> {
    let mut w = gossip_world(seed, n, cfg);
    let mut t = 0;
    while !(0..n).all(|i| w.node(i).infected()) {
        if t >= limit {
            return None;
        }
        t += cfg.period;
        w.run_until(t);
    }
    rounds_to_reach((0..n).map(|i| w.node(i).infected_at()), cfg.period)
}

impl Incremental for Sweep {
    type Outcome = f64;
    fn points(&self) -> usize {
        self.xs.len()
    }
    fn trials(&self) -> usize {
        self.trials
    }
    fn seed(&self) -> u64 {
        self.seed
    }
    fn results(&self) -> &[Vec<f64>] {
        &self.results
    }
    fn results_mut(&mut self) -> &mut Vec<Vec<f64>> {
        &mut self.results
    }
    fn run_trial(&self, point: usize, seed: u64) -> f64 {
        self.kind.trial(self.xs[point], seed)
    }
}

/// A sweep run incrementally (see [`Incremental`]).
#[derive(Clone, Debug)]
pub struct Sweep {
    pub kind: SweepKind,
    pub xs: Vec<f64>,
    pub trials: usize,
    pub seed: u64,
    pub results: Vec<Vec<f64>>,
}

impl Sweep {
    pub fn new(kind: SweepKind, trials: usize, seed: u64) -> Sweep {
        let xs = kind.xs();
        let results = vec![Vec::new(); xs.len()];
        Sweep {
            kind,
            xs,
            trials,
            seed,
            results,
        }
    }
    /// Mean per `x` (for the `x`s that have results).
    pub fn means(&self) -> Vec<(f64, f64)> {
        self.xs
            .iter()
            .zip(&self.results)
            .filter(|(_, r)| !r.is_empty())
            .map(|(x, r)| (*x, r.iter().sum::<f64>() / r.len() as f64))
            .collect()
    }
    pub fn csv(&self) -> String {
        let mut s = String::from("x,trial,value,theory\n");
        for (x, r) in self.xs.iter().zip(&self.results) {
            let th = self.kind.theory(*x).map_or(String::new(), |t| fixed(t, 6));
            for (i, v) in r.iter().enumerate() {
                s.push_str(&format!("{},{i},{},{th}\n", Num(*x), Fixed(*v, 6)));
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Mean and standard error of the mean of `v`.
    fn mean_se(v: &[f64]) -> (f64, f64) {
        let n = v.len() as f64;
        let mean = v.iter().sum::<f64>() / n;
        let var = v.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0);
        (mean, (var / n).sqrt())
    }

    #[test]
    fn sweeps_follow_their_theory() {
        // Each point's mean over its trials may differ from theory by four standard errors
        // of that mean (from the trials' own spread; a normal mean strays that far in about
        // 1 of 16,000 points) plus the model's known gap: for gossip 0.1 round (the binomial
        // model's error, measured over 1,000 seeds in tests/gossip.rs), for bloom the
        // formula's gap to k distinct cells. The tolerance itself must stay under what the
        // sweep is there to show (one round; a fifth of the rate) wherever the trials hold
        // enough events to tell: for bloom, where over 400 false positives are expected in
        // the point's 80,000 queries (a relative standard error under 5 %); below that the
        // rate is too small for 40 trials to pin it to a fifth.
        for (kind, trials) in [
            (SweepKind::GossipRounds, 40),
            (SweepKind::BloomFalsePositives, 40),
        ] {
            let mut s = Sweep::new(kind, trials, 1);
            while s.run_some(100) > 0 {}
            for (x, values) in s.xs.iter().zip(&s.results) {
                let (mean, se) = mean_se(values);
                let th = kind.theory(*x).unwrap();
                let gap = match kind {
                    SweepKind::GossipRounds => 0.1,
                    _ => {
                        let (m, k, n) = (1024.0f64, 5, *x as i32);
                        (th - (1.0 - (1.0 - k as f64 / m).powi(n)).powi(k)).abs()
                    }
                };
                let tolerance = 4.0 * se + gap;
                let too_loose = match kind {
                    SweepKind::GossipRounds => 1.0,
                    _ if th * 2_000.0 * trials as f64 >= 400.0 => 0.2 * th,
                    _ => f64::INFINITY,
                };
                assert!(
                    (mean - th).abs() <= tolerance,
                    "{kind:?} at {x}: measured {mean}, theory {th} (± {tolerance})"
                );
                assert!(
                    tolerance < too_loose,
                    "{kind:?} at {x}: ± {tolerance} cannot tell"
                );
            }
        }
        let mut ring = Sweep::new(SweepKind::RingSpread, 3, 1);
        while ring.run_some(100) > 0 {}
        let m = ring.means();
        assert!(
            m.first().unwrap().1 > m.last().unwrap().1,
            "more virtual nodes, less skew: {m:?}"
        );
    }
}
