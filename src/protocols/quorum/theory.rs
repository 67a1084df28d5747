//! What the quorum arithmetic predicts for stale reads (Bailis et al., *Probabilistically
//! Bounded Staleness for Practical Partial Quorums*, VLDB 2012).
//!
//! - [`missed_quorum`]: if a write reached only its W replicas and a read asks R of the N
//!   at random, it misses all of them with probability C(N−W, R) / C(N, R) (PBS §3.1) —
//!   zero exactly when W + R > N.
//! - [`wars`]: PBS's WARS model of one write then one read, with every message's one-way
//!   delay drawn from the network's own range (uniform, whole microseconds): the write
//!   is acknowledged when W acks are back; the read starts at that moment, and a replica
//!   answers with the new version if the write reached it before the read's request did;
//!   the read takes the R fastest answers. Its stale fraction over many draws is what a
//!   run on the engine should measure.

use crate::sim::rng::SimRng as Rng;
use crate::sim::SimTime;

/// C(n, k).
fn choose(n: usize, k: usize) -> f64 {
    if k > n {
        return 0.0;
    }
    (0..k).fold(1.0, |acc, i| acc * (n - i) as f64 / (i + 1) as f64)
}

/// The probability that R replicas chosen at random miss all W that hold a write.
pub fn missed_quorum(n: usize, w: usize, r: usize) -> f64 {
    choose(n - w.min(n), r) / choose(n, r)
}

/// The stale fraction of `trials` WARS draws for (N, W, R) with one-way delays uniform in
/// `lo..=hi` µs.
pub fn wars(
    n: usize,
    w: usize,
    r: usize,
    lo: SimTime,
    hi: SimTime,
    trials: usize,
    seed: u64,
) -> f64 {
    let mut rng = Rng::new(seed);
    let d = |rng: &mut Rng| rng.range_inclusive(lo, hi).max(1);
    let mut stale = 0;
    for _ in 0..trials {
        let put: Vec<SimTime> = (0..n).map(|_| d(&mut rng)).collect();
        let mut acked: Vec<SimTime> = put.iter().map(|p| p + d(&mut rng)).collect();
        acked.sort_unstable();
        let commit = acked[w - 1];
        // (answer's arrival, fresh?) per replica.
        let mut answers: Vec<(SimTime, bool)> = put
            .iter()
            .map(|&p| {
                let ask = commit + d(&mut rng);
                (ask + d(&mut rng), p <= ask)
            })
            .collect();
        answers.sort_unstable_by_key(|a| a.0);
        if !answers[..r].iter().any(|a| a.1) {
            stale += 1;
        }
    }
    stale as f64 / trials.max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closed_form_is_zero_exactly_when_quorums_overlap() {
        for n in 1..=7 {
            for w in 1..=n {
                for r in 1..=n {
                    assert_eq!(
                        missed_quorum(n, w, r) == 0.0,
                        w + r > n,
                        "N={n} W={w} R={r}"
                    );
                }
            }
        }
        // N = 3, W = 1, R = 1: the read's one replica is one of the two without the write.
        assert!((missed_quorum(3, 1, 1) - 2.0 / 3.0).abs() < 1e-12);
        assert!((missed_quorum(5, 2, 2) - 0.3).abs() < 1e-12);
    }

    #[test]
    fn wars_is_bounded_by_the_closed_form_and_zero_with_overlap() {
        let (lo, hi) = (1_000, 100_000);
        for (n, w, r) in [(3, 1, 1), (5, 1, 2), (5, 2, 2), (3, 2, 2), (5, 3, 3)] {
            let p = wars(n, w, r, lo, hi, 20_000, 7);
            if w + r > n {
                assert_eq!(p, 0.0);
            } else {
                assert!(
                    p > 0.0 && p < missed_quorum(n, w, r),
                    "N={n} W={w} R={r}: {p}"
                );
            }
        }
        // No spread: every copy lands before any read request does.
        assert_eq!(wars(3, 1, 1, 10_000, 10_000, 1_000, 7), 0.0);
    }
}
