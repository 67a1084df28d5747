//! The mean-field spread of a rumour, round by round, for `n` nodes, fanout `k` and
//! message loss `p` (each message independently lost):
//!
//! - push: a susceptible node escapes all `k·I` pushes: `s' = s·e^(−k·i·(1−p))`
//!   (Pittel 1987: full spread in `log₂ n + ln n` rounds for `k = 1`);
//! - pull: each of its `k` requests must reach an infected node and both messages arrive:
//!   `s' = s·(1 − i·(1−p)²)^k`;
//! - push-pull: both at once, `s' = s·e^(−k·i·(1−p))·(1 − i·(1−p)²)^k`
//!   (Karp et al. 2000: `log₃ n + O(log log n)` rounds).
//!
//! `i` is the infected fraction, `s = 1 − i`.

use super::node::Mode;

/// Expected infected count after each round `0..=rounds`, starting from one node.
pub fn curve(mode: Mode, n: usize, k: usize, loss: f64, rounds: usize) -> Vec<f64> {
    let n_f = n.max(1) as f64;
    let (k, q) = (k as f64, 1.0 - loss.clamp(0.0, 1.0));
    let mut i = 1.0 / n_f;
    let mut out = vec![i * n_f];
    for _ in 0..rounds {
        let s = 1.0 - i;
        let push = (-k * i * q).exp();
        let pull = (1.0 - i * q * q).powf(k);
        let s2 = match mode {
            Mode::Push => s * push,
            Mode::Pull => s * pull,
            Mode::PushPull => s * push * pull,
        };
        i = 1.0 - s2;
        out.push(i * n_f);
    }
    out
}

/// The round in which the expected number of susceptible nodes drops below one half.
pub fn full_spread_round(mode: Mode, n: usize, k: usize, loss: f64) -> Option<usize> {
    let c = curve(mode, n, k, loss, 200);
    c.iter().position(|&inf| n as f64 - inf < 0.5)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn push_with_fanout_one_follows_pittel() {
        // log2(1000) + ln(1000) ≈ 16.9 rounds.
        let r = full_spread_round(Mode::Push, 1000, 1, 0.0).unwrap();
        assert!((15..=19).contains(&r), "{r}");
    }

    #[test]
    fn push_pull_beats_push_and_loss_slows_everything() {
        let pp = full_spread_round(Mode::PushPull, 500, 1, 0.0).unwrap();
        let push = full_spread_round(Mode::Push, 500, 1, 0.0).unwrap();
        assert!(pp < push);
        assert!(full_spread_round(Mode::PushPull, 500, 1, 0.3).unwrap() > pp);
        assert!(full_spread_round(Mode::PushPull, 500, 3, 0.0).unwrap() < pp);
    }
}
