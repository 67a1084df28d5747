//! Raft's Figure 16 (top): how long a cluster is without a leader after the leader
//! crashes, for election timeouts with more or less randomness (150–150 ms up to
//! 150–300 ms). Each trial: five servers elect a leader, the leader crashes, and we measure
//! the virtual time until another server becomes leader. Trials are capped (`CAP`).

use super::Incremental;
use crate::protocols::raft::{RaftConfig, RaftNode, Role};
use crate::sim::{Action, NetConfig, SimTime, World, WorldConfig, MS, SEC};

/// The paper's timeout ranges (ms).
pub const PAPER_RANGES: [(u64, u64); 6] = [
    (150, 150),
    (150, 151),
    (150, 155),
    (150, 175),
    (150, 200),
    (150, 300),
];
/// A trial that has not elected anyone after this long is recorded at the cap.
pub const CAP: SimTime = 10 * SEC;

/// One trial: returns the leaderless time in ms after the leader crashed (capped).
pub fn trial(seed: u64, range: (u64, u64), latency: (u64, u64)) -> f64 {
    let raft = RaftConfig {
        election_min: range.0 * MS,
        election_max: range.1 * MS,
        ..RaftConfig::default()
    };
    let cfg = WorldConfig {
        seed,
        net: NetConfig {
            latency_min: latency.0 * MS,
            latency_max: latency.1 * MS,
            loss: 0.0,
        },
        trace_capacity: 0,
        check_invariants: false,
    };
    let mut w = World::new(cfg, (0..5).map(|_| RaftNode::new(raft.clone())).collect());
    let leader =
        |w: &World<RaftNode>| (0..5).find(|&i| w.is_alive(i) && w.node(i).role() == Role::Leader);
    // Elect a first leader, let it settle one heartbeat, then crash it.
    let first = loop {
        if !w.step() || w.now() > CAP {
            return CAP as f64 / MS as f64;
        }
        if let Some(l) = leader(&w) {
            break l;
        }
    };
    let t = w.now() + 2 * raft.heartbeat;
    w.run_until(t);
    let crashed_at = w.now();
    w.apply(Action::Crash(first));
    loop {
        if !w.step() || w.now() - crashed_at > CAP {
            return CAP as f64 / MS as f64;
        }
        if leader(&w).is_some() {
            return (w.now() - crashed_at) as f64 / MS as f64;
        }
    }
}

impl Incremental for ElectionExperiment {
    fn points(&self) -> usize {
        self.ranges.len()
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
        trial(seed, self.ranges[point], self.latency)
    }
}

/// The whole experiment, run incrementally (see [`Incremental`]).
#[derive(Clone, Debug)]
pub struct ElectionExperiment {
    pub ranges: Vec<(u64, u64)>,
    pub trials: usize,
    pub latency: (u64, u64),
    pub seed: u64,
    /// Leaderless times (ms), one list per range.
    pub results: Vec<Vec<f64>>,
}

impl ElectionExperiment {
    pub fn new(ranges: Vec<(u64, u64)>, trials: usize, latency: (u64, u64), seed: u64) -> Self {
        let results = vec![Vec::new(); ranges.len()];
        ElectionExperiment {
            ranges,
            trials,
            latency,
            seed,
            results,
        }
    }

    /// `range_min,range_max,trial,leaderless_ms` rows with a header.
    pub fn csv(&self) -> String {
        let mut s = String::from("timeout_min_ms,timeout_max_ms,trial,leaderless_ms\n");
        for (r, values) in self.results.iter().enumerate() {
            for (i, v) in values.iter().enumerate() {
                s.push_str(&format!(
                    "{},{},{},{}\n",
                    self.ranges[r].0,
                    self.ranges[r].1,
                    i,
                    crate::decimal::Fixed(*v, 3)
                ));
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lab::{quantile, Incremental};

    #[test]
    fn more_randomness_elects_faster_as_in_figure_16() {
        let mut e =
            ElectionExperiment::new(vec![(150, 150), (150, 155), (150, 300)], 200, (5, 10), 1);
        while e.run_some(50) > 0 {}
        assert!(e.finished());
        let median: Vec<f64> = e.results.iter().map(|r| quantile(r, 0.5)).collect();
        let p95: Vec<f64> = e.results.iter().map(|r| quantile(r, 0.95)).collect();
        // No randomness: split votes drag on; a little helps a lot; 150–300 is quick.
        assert!(p95[0] > 2.0 * p95[2], "{p95:?}");
        assert!(median[2] < 400.0, "{median:?}");
        // A follower's timer was last reset by a heartbeat at most one heartbeat interval
        // (50 ms) before the crash, so it fires at least 150 − 50 ms after it; then a vote
        // needs a round trip (2 × 5 ms at least). No trial may beat that bound, and the
        // fastest come close to it (the timer that fires first wins when nothing splits).
        let fastest = e.results.iter().flatten().copied().fold(f64::MAX, f64::min);
        assert!(fastest >= 150.0 - 50.0 + 2.0 * 5.0, "{fastest}");
        assert!(fastest < 150.0 + 50.0, "{fastest}");
    }

    #[test]
    fn csv_has_a_row_per_trial() {
        let mut e = ElectionExperiment::new(vec![(150, 300)], 5, (5, 10), 2);
        e.run_some(100);
        assert_eq!(e.csv().lines().count(), 6);
    }
}
