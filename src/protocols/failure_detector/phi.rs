//! The φ accrual failure detector's arithmetic (Hayashibara, Défago, Yared, Katayama,
//! "The φ Accrual Failure Detector", SRDS 2004, §3): the monitor keeps a sliding window of
//! the last inter-arrival times of heartbeats, estimates their distribution as a normal
//! one (mean μ, standard deviation σ), and reads the time since the last heartbeat, `t`,
//! as a suspicion level
//!
//! ```text
//! φ(t) = −log10( P_later(t) ),   P_later(t) = 1 − F(t) = ½·erfc((t − μ) / (σ·√2))
//! ```
//!
//! the probability that a heartbeat still arrives later than `t`, on a log scale: φ = 1
//! means a 10 % chance of being wrong to suspect, φ = 3 a 0.1 % chance. A process is
//! suspected once φ passes a threshold Φ. Since φ grows with `t`, the monitor computes the
//! moment it will pass Φ ([`crossing`]) and sets one timer, instead of polling.

use std::collections::VecDeque;

/// The complementary error function, erfc(x) = 2/√π ∫ₓ^∞ e^(−s²) ds, by the Chebyshev
/// fit of Numerical Recipes (§6.2, `erfcc`): relative error below 1.2·10⁻⁷ everywhere.
pub fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let poly = -z * z - 1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    let r = t * poly.exp();
    if x >= 0.0 {
        r
    } else {
        2.0 - r
    }
}

/// The probability that a heartbeat arrives more than `elapsed` after the last one, the
/// inter-arrival times being normal with `mean` and `std` (all in ms).
pub fn p_later(elapsed: f64, mean: f64, std: f64) -> f64 {
    0.5 * erfc((elapsed - mean) / (std * std::f64::consts::SQRT_2))
}

/// The suspicion level φ after `elapsed` ms without a heartbeat (paper §3, eq. 1).
/// Capped at 300 (P_later below 10⁻³⁰⁰ is not representable).
pub fn phi(elapsed: f64, mean: f64, std: f64) -> f64 {
    let p = p_later(elapsed, mean, std);
    if p <= 0.0 {
        300.0
    } else {
        (-p.log10()).min(300.0)
    }
}

/// How long after the last heartbeat φ reaches `threshold` (ms): φ is increasing in the
/// elapsed time, so bisection finds it to well under a microsecond.
pub fn crossing(threshold: f64, mean: f64, std: f64) -> f64 {
    let (mut lo, mut hi) = (mean - 40.0 * std, mean + 40.0 * std);
    if phi(lo, mean, std) >= threshold {
        return lo.max(0.0);
    }
    for _ in 0..100 {
        let mid = 0.5 * (lo + hi);
        if phi(mid, mean, std) >= threshold {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    hi.max(0.0)
}

/// The sliding window of inter-arrival times (ms), with running sums for μ and σ.
#[derive(Clone, Debug, PartialEq)]
pub struct Window {
    capacity: usize,
    samples: VecDeque<f64>,
    sum: f64,
    sum_sq: f64,
    /// σ is never taken below this (ms): with perfectly regular heartbeats σ would be 0
    /// and the first late heartbeat an instant suspicion (Akka's `min-std-deviation`).
    min_std: f64,
}

impl Window {
    /// An empty window of `capacity` samples (at least 2).
    pub fn new(capacity: usize, min_std: f64) -> Self {
        Window {
            capacity: capacity.max(2),
            samples: VecDeque::new(),
            sum: 0.0,
            sum_sq: 0.0,
            min_std,
        }
    }

    /// A window started from an estimate of the heartbeat period (before two heartbeats
    /// have arrived there is no interval to measure): two samples `period ± period/4`, as
    /// Akka's implementation of the paper does.
    pub fn seeded(capacity: usize, period: f64, min_std: f64) -> Self {
        let mut w = Window::new(capacity, min_std);
        w.push(period - period / 4.0);
        w.push(period + period / 4.0);
        w
    }

    /// Add an inter-arrival time; the oldest leaves a full window.
    pub fn push(&mut self, interval: f64) {
        if self.samples.len() == self.capacity {
            if let Some(old) = self.samples.pop_front() {
                self.sum -= old;
                self.sum_sq -= old * old;
            }
        }
        self.samples.push_back(interval);
        self.sum += interval;
        self.sum_sq += interval * interval;
    }

    pub fn len(&self) -> usize {
        self.samples.len()
    }

    pub fn is_empty(&self) -> bool {
        self.samples.is_empty()
    }

    pub fn samples(&self) -> impl Iterator<Item = f64> + '_ {
        self.samples.iter().copied()
    }

    /// μ: the mean inter-arrival time.
    pub fn mean(&self) -> f64 {
        if self.samples.is_empty() {
            0.0
        } else {
            self.sum / self.samples.len() as f64
        }
    }

    /// σ: the (population) standard deviation, at least the minimum.
    pub fn std(&self) -> f64 {
        let n = self.samples.len() as f64;
        if n == 0.0 {
            return self.min_std;
        }
        let m = self.mean();
        (self.sum_sq / n - m * m).max(0.0).sqrt().max(self.min_std)
    }
}
