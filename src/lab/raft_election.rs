//! Raft's Figure 16 (§9.3): how long a five-server cluster is without a leader after the
//! leader crashes, reproducing the paper's setup:
//!
//! - the servers' logs differ, so some candidates cannot win (three servers hold the whole
//!   log, the other two diverge after entry 20 with older entries: after the leader's
//!   crash, neither can gather more than two votes of five; a new leader repairs them a
//!   round trip per entry, so they still differ at the crash);
//! - the heartbeat interval is half the minimum election timeout;
//! - the leader crashes at a uniformly random moment within its heartbeat interval, after
//!   a heartbeat broadcast — so the smallest possible downtime is about half the minimum
//!   timeout.
//!
//! Two panels, as in the paper: the amount of randomness in the timeout (top), and the
//! minimum timeout scaled with the same 2× range (bottom). The network's broadcast time is
//! about 15 ms as in the paper (5–10 ms one way). [`PaperFigure::claims`] holds the paper's
//! own numbers for the same settings, to print beside the measured ones.

use super::Incremental;
use crate::protocols::raft::{current_leader, Entry, RaftConfig, RaftNode};
use crate::sim::{Action, NetConfig, SimRng, SimTime, World, WorldConfig, MS, SEC};

/// The top panel's timeout ranges (ms): more and more randomness.
pub const PAPER_RANGES: [(u64, u64); 6] = [
    (150, 150),
    (150, 151),
    (150, 155),
    (150, 175),
    (150, 200),
    (150, 300),
];
/// The bottom panel's ranges (ms): the minimum timeout scaled, randomness = the minimum.
pub const PAPER_MIN_RANGES: [(u64, u64); 5] =
    [(12, 24), (25, 50), (50, 100), (100, 200), (150, 300)];
/// A trial that has not elected anyone after this long is recorded at the cap.
pub const CAP: SimTime = 10 * SEC;
/// The whole log's length, and how many older-term entries a divergent server holds
/// after the common prefix (a range).
const FULL_LOG: usize = 60;
const DIVERGENT: (u64, u64) = (10, 50);

/// Which of Figure 16's two panels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaperFigure {
    /// Top: 150 ms minimum, more and more randomness.
    Randomness,
    /// Bottom: the minimum timeout scaled.
    MinTimeout,
}

/// A number the paper reports for one setting.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Claim {
    /// "consistently took longer than 10 seconds" (no randomness: split votes).
    Over(f64),
    Median(f64),
    Mean(f64),
    /// The slowest of 1,000 trials.
    Worst(f64),
}

impl PaperFigure {
    pub fn ranges(self) -> Vec<(u64, u64)> {
        match self {
            PaperFigure::Randomness => PAPER_RANGES.to_vec(),
            PaperFigure::MinTimeout => PAPER_MIN_RANGES.to_vec(),
        }
    }

    /// The paper's own numbers for `range` in this panel (§9.3's text).
    pub fn claims(self, range: (u64, u64)) -> Vec<Claim> {
        match (self, range) {
            (PaperFigure::Randomness, (150, 150)) => vec![Claim::Over(10_000.0)],
            (PaperFigure::Randomness, (150, 155)) => vec![Claim::Median(287.0)],
            (PaperFigure::Randomness, (150, 200)) => vec![Claim::Worst(513.0)],
            (PaperFigure::MinTimeout, (12, 24)) => vec![Claim::Mean(35.0), Claim::Worst(152.0)],
            _ => Vec::new(),
        }
    }
}

/// The five servers at the start of a trial, in term 2. Three hold the whole log: 20
/// entries of term 1 and 40 of term 2. Two diverge after entry 20 (Figure 7's kind): a
/// random number of term-1 entries an old leader never committed. Their last term is 1, so
/// neither can win a vote from the other three, and a leader repairs them one entry per
/// round trip back to entry 20 — still under way when the leader crashes.
fn servers(raft: &RaftConfig, rng: &mut SimRng) -> Vec<RaftNode> {
    let common = 20u64;
    let whole: Vec<Entry> = (1..=FULL_LOG as u64)
        .map(|cmd| Entry {
            term: if cmd <= common { 1 } else { 2 },
            cmd,
        })
        .collect();
    let a = rng.index(5);
    let b = (a + 1 + rng.index(4)) % 5;
    (0..5)
        .map(|i| {
            let log = if i != a && i != b {
                whole.clone()
            } else {
                let extra = rng.range_inclusive(DIVERGENT.0, DIVERGENT.1);
                let mut log = whole[..common as usize].to_vec();
                log.extend((1..=extra).map(|k| Entry {
                    term: 1,
                    cmd: 1_000 + k,
                }));
                log
            };
            RaftNode::with_state(raft.clone(), 2, None, log)
        })
        .collect()
}

/// One trial: returns the leaderless time in ms after the leader crashed (capped).
pub fn trial(seed: u64, range: (u64, u64), latency: (u64, u64)) -> f64 {
    let raft = RaftConfig {
        election_min: range.0 * MS,
        election_max: range.1 * MS,
        // §9.3: "the heartbeat interval, which was half of the minimum election timeout".
        heartbeat: (range.0 * MS / 2).max(MS),
        ..RaftConfig::default()
    };
    let net = NetConfig {
        latency_min: latency.0 * MS,
        latency_max: latency.1 * MS,
        loss: 0.0,
        duplicate: 0.0,
    };
    let cfg = WorldConfig::batch(seed, net, false);
    let mut rng = SimRng::new(seed).fork(0xF16);
    let mut w = World::new(cfg, servers(&raft, &mut rng));
    // A leader's first heartbeat broadcast goes out one interval after it won; it crashes
    // at a uniformly random moment before the next. With timeouts near the round trip a
    // leader may be deposed before that moment: then the next one is taken.
    let hb = raft.heartbeat;
    let crashed = loop {
        while current_leader(&w).is_none() {
            if !w.step() || w.now() > CAP {
                return CAP as f64 / MS as f64;
            }
        }
        let crash_at = w.now() + hb + rng.range_inclusive(0, hb - 1);
        w.run_until(crash_at);
        if let Some(l) = current_leader(&w) {
            break l;
        }
    };
    let term = w.node(crashed).term();
    let crashed_at = w.now();
    w.apply(Action::Crash(crashed));
    // Until a leader of a later term is elected.
    loop {
        if !w.step() || w.now() - crashed_at > CAP {
            return CAP as f64 / MS as f64;
        }
        if current_leader(&w).is_some_and(|l| w.node(l).term() > term) {
            return (w.now() - crashed_at) as f64 / MS as f64;
        }
    }
}

impl Incremental for ElectionExperiment {
    type Outcome = f64;
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
    pub figure: PaperFigure,
    pub ranges: Vec<(u64, u64)>,
    pub trials: usize,
    pub latency: (u64, u64),
    pub seed: u64,
    /// Leaderless times (ms), one list per range.
    pub results: Vec<Vec<f64>>,
}

impl ElectionExperiment {
    pub fn new(figure: PaperFigure, trials: usize, latency: (u64, u64), seed: u64) -> Self {
        let ranges = figure.ranges();
        let results = vec![Vec::new(); ranges.len()];
        ElectionExperiment {
            figure,
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

    fn run(figure: PaperFigure, trials: usize) -> ElectionExperiment {
        let mut e = ElectionExperiment::new(figure, trials, (5, 10), 1);
        while e.run_some(1_000) > 0 {}
        e
    }

    #[test]
    fn the_top_panel_shows_the_papers_claims_about_randomness() {
        let e = run(PaperFigure::Randomness, 300);
        let at = |r: (u64, u64)| &e.results[e.ranges.iter().position(|x| *x == r).unwrap()];
        let cap = (CAP / MS) as f64;
        // "In the absence of randomness, leader election consistently took longer than 10
        // seconds": every trial hits the cap.
        assert!(at((150, 150)).iter().all(|v| *v >= cap));
        // "Adding just 5 ms of randomness helps significantly" (median 287 ms there).
        assert!(quantile(at((150, 155)), 0.5) < 400.0);
        // "Using more randomness improves worst-case behavior".
        assert!(quantile(at((150, 200)), 0.99) < quantile(at((150, 155)), 0.99));
        assert!(at((150, 300)).iter().all(|v| *v < 1_000.0));
        // The floor of the paper's setup: a follower's timer was last reset by the
        // heartbeat broadcast at most one interval (75 ms) before the crash, so it fires at
        // least 150 − 75 ms after it, and a vote needs a round trip (≥ 10 ms). No trial
        // beats that, and with the crash uniform in the interval the fastest come close.
        let fastest = e.results.iter().flatten().copied().fold(f64::MAX, f64::min);
        assert!(fastest >= 150.0 - 75.0 + 10.0, "{fastest}");
        assert!(fastest < 150.0 - 75.0 + 30.0, "{fastest}");
    }

    #[test]
    fn the_bottom_panel_shrinks_downtime_with_the_minimum_timeout() {
        let e = run(PaperFigure::MinTimeout, 300);
        let means: Vec<f64> = (e.results.iter())
            .map(|v| v.iter().sum::<f64>() / v.len() as f64)
            .collect();
        assert!(means.windows(2).all(|w| w[0] < w[1]), "{means:?}");
        // 12–24 ms: tens of milliseconds on average (the paper: 35 ms on its faster
        // network; ours takes 5–10 ms each way, near that timeout's own size).
        assert!(means[0] < 100.0, "{means:?}");
        assert!(e.results.iter().flatten().all(|v| *v < (CAP / MS) as f64));
    }

    #[test]
    fn the_paper_s_numbers_are_there_for_its_settings() {
        assert_eq!(
            PaperFigure::Randomness.claims((150, 155)),
            vec![Claim::Median(287.0)]
        );
        assert_eq!(
            PaperFigure::MinTimeout.claims((12, 24)),
            vec![Claim::Mean(35.0), Claim::Worst(152.0)]
        );
        for f in [PaperFigure::Randomness, PaperFigure::MinTimeout] {
            assert!(f.ranges().iter().any(|r| !f.claims(*r).is_empty()));
        }
    }

    #[test]
    fn logs_differ_so_two_servers_cannot_win() {
        let mut rng = SimRng::new(3);
        let s = servers(&RaftConfig::default(), &mut rng);
        // Three whole logs (last term 2); two that end in older, term-1 entries.
        let whole: Vec<&RaftNode> = s.iter().filter(|n| n.last_log_term() == 2).collect();
        assert_eq!(whole.len(), 3);
        assert!(whole.iter().all(|n| n.log().len() == FULL_LOG));
        let behind: Vec<&RaftNode> = s.iter().filter(|n| n.last_log_term() == 1).collect();
        assert_eq!(behind.len(), 2);
        let extra = |n: &RaftNode| (n.log().len() - 20) as u64;
        assert!(behind
            .iter()
            .all(|n| (DIVERGENT.0..=DIVERGENT.1).contains(&extra(n))));
    }

    #[test]
    fn csv_has_a_row_per_trial() {
        let mut e = ElectionExperiment::new(PaperFigure::Randomness, 5, (5, 10), 2);
        e.run_some(5);
        assert_eq!(e.csv().lines().count(), 6);
    }
}
