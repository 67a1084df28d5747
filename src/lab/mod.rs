//! Experiments: many seeded trials of a protocol on the same engine, summarised as
//! distributions. Pure and incremental (`run_some`), so the browser can run them a slice
//! per frame with a progress bar and a cancel button.

pub mod detectors;
pub mod fault_sweep;
pub mod raft_election;
pub mod sweep;

/// The empirical CDF of `values`: sorted `(value, fraction ≤ value)` points.
pub fn cdf(values: &[f64]) -> Vec<(f64, f64)> {
    let mut v: Vec<f64> = values.to_vec();
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len().max(1) as f64;
    v.iter()
        .enumerate()
        .map(|(i, x)| (*x, (i + 1) as f64 / n))
        .collect()
}

/// The `q` quantile (0..=1) of `values`.
pub fn quantile(values: &[f64], q: f64) -> f64 {
    let mut v: Vec<f64> = values.to_vec();
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(|a, b| a.total_cmp(b));
    v[((v.len() - 1) as f64 * q.clamp(0.0, 1.0)).round() as usize]
}

/// An experiment of `points × trials` seeded trials, run a few at a time.
pub trait Incremental {
    /// What one trial measures (a number for most; several for experiments that compare
    /// detectors in one run).
    type Outcome: Clone;
    /// How many settings are compared (timeout ranges, values of N, ...).
    fn points(&self) -> usize;
    fn trials(&self) -> usize;
    fn seed(&self) -> u64;
    /// Measurements so far, one list per point.
    fn results(&self) -> &[Vec<Self::Outcome>];
    fn results_mut(&mut self) -> &mut Vec<Vec<Self::Outcome>>;
    /// One trial at `point` with `seed`.
    fn run_trial(&self, point: usize, seed: u64) -> Self::Outcome;

    fn total(&self) -> usize {
        self.points() * self.trials()
    }
    fn done(&self) -> usize {
        self.results().iter().map(|r| r.len()).sum()
    }
    fn finished(&self) -> bool {
        self.done() >= self.total()
    }
    /// Run up to `n` more trials (points filled in order); returns how many ran.
    fn run_some(&mut self, n: usize) -> usize {
        let mut ran = 0;
        while ran < n && !self.finished() {
            let point = self
                .results()
                .iter()
                .position(|r| r.len() < self.trials())
                .expect("not finished");
            let seed = self.seed() ^ ((point as u64) << 32) ^ self.results()[point].len() as u64;
            let v = self.run_trial(point, seed);
            self.results_mut()[point].push(v);
            ran += 1;
        }
        ran
    }
}

pub mod quorum_staleness;
pub mod raft_catchup;
