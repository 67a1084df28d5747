//! How fast a rumour spreads among `n` nodes, round by round, in the synchronous-round
//! model the node implements (Demers et al. 1987; Karp et al. 2000): in each round every
//! node acts on what it knew when the round began, so news moves at most one hop a round.
//!
//! With `I` of `n` nodes infected at the start of a round, fanout `k` (distinct peers,
//! chosen uniformly among the other `n − 1`) and each message lost independently with
//! probability `p` (`q = 1 − p`), one susceptible node stays susceptible with probability
//! ([`escape`])
//!
//! - push: none of the `I` infected nodes reaches it: `(1 − k·q/(n−1))^I`;
//! - pull: none of its `k` requests reaches an infected node and comes back:
//!   `Σ_j H(j; n−1, I, k)·(1 − q²)^j` over the hypergeometric count `j` of infected peers
//!   among its `k` picks (for `k = 1`: `1 − q²·I/(n−1)`);
//! - push-pull: both at once (the choices are independent), the product.
//!
//! These are the finite-`n` forms; the large-`n` limits (`e^(−k·i)` for push, Pittel 1987:
//! `log₂ n + ln n` rounds; `log₃ n + O(log log n)` for push-pull) are off by up to about a
//! round at `n ≤ 100` (`tests/gossip.rs` tells them apart).
//!
//! [`spread`] follows the exact distribution of `I` round by round (a Markov chain on
//! `0..=n`), not just its mean, because what a run measures — the round in which the last
//! node hears — depends on the whole distribution:
//!
//! - pull: each susceptible pulls on its own, so the newly infected are
//!   `Bin(n − I, 1 − escape)`;
//! - push: the `I` pushers' targets collide, so the newly infected are the distinct
//!   susceptible nodes hit, followed pusher by pusher (each hits `j` new ones with the
//!   hypergeometric chance of `j` among its `k` picks, each push arriving with `q`); a
//!   binomial here would let the first round infect no one a third of the time, and comes
//!   out about half a round slow;
//! - push-pull: the pushed ones, plus each other susceptible's own pull.

use super::node::{Mode, Termination};

/// Rounds after which [`spread`] stops if the rumour has still not reached everyone.
const MAX_ROUNDS: usize = 2_000;
/// [`spread`] stops when this little probability is left that someone has not heard.
const TAIL: f64 = 1e-9;

/// Probability that one susceptible node is still susceptible after a round that started
/// with `infected` of `n` nodes infected.
pub fn escape(mode: Mode, n: usize, k: usize, loss: f64, infected: usize) -> f64 {
    if n < 2 {
        return 1.0;
    }
    let q = 1.0 - loss.clamp(0.0, 1.0);
    let others = n - 1;
    let k = k.min(others);
    let push = || (1.0 - k as f64 * q / others as f64).powi(infected as i32);
    let pull = || pull_escape(others, k, q, infected, &ln_factorials(others));
    match mode {
        Mode::Push => push(),
        Mode::Pull => pull(),
        Mode::PushPull => push() * pull(),
    }
}

/// Probability that none of a susceptible node's `k` distinct picks among its `others`
/// peers, `infected` of them infected, brings the rumour back: the hypergeometric count
/// `j` of infected picks, each answer getting through (request and reply) with `q²`.
fn pull_escape(others: usize, k: usize, q: f64, infected: usize, ln_fact: &[f64]) -> f64 {
    let miss = 1.0 - q * q;
    (0..=k.min(infected))
        .map(|j| hypergeometric(others, infected, k, j, ln_fact) * miss.powi(j as i32))
        .sum()
}

/// `ln C(n, r)` from a table of `ln k!`.
fn ln_choose(n: usize, r: usize, ln_fact: &[f64]) -> f64 {
    ln_fact[n] - ln_fact[r] - ln_fact[n - r]
}

/// `P(j successes)` drawing `draws` without replacement from `total` items, `marked` of
/// which are successes.
fn hypergeometric(total: usize, marked: usize, draws: usize, j: usize, ln_fact: &[f64]) -> f64 {
    if marked > total || draws > total || j > marked || j > draws || draws - j > total - marked {
        return 0.0;
    }
    (ln_choose(marked, j, ln_fact) + ln_choose(total - marked, draws - j, ln_fact)
        - ln_choose(total, draws, ln_fact))
    .exp()
}

/// The rumour's spread from one node, round by round, under the chain described above.
#[derive(Clone, Debug, PartialEq)]
pub struct Spread {
    /// Expected number infected after `r` rounds (`expected[0] = 1`).
    pub expected: Vec<f64>,
    /// Probability that every node has heard after `r` rounds.
    pub done_by: Vec<f64>,
    /// Whether the distribution was followed until less than [`TAIL`] was left.
    pub complete: bool,
}

impl Spread {
    /// Mean number of rounds until the last node hears (`None` if the rumour may never
    /// reach everyone within [`MAX_ROUNDS`], as with every message lost).
    pub fn mean_rounds(&self) -> Option<f64> {
        self.complete
            .then(|| self.done_by.iter().map(|d| 1.0 - d).sum())
    }
    /// Standard deviation of that round count.
    pub fn sd_rounds(&self) -> Option<f64> {
        let mean = self.mean_rounds()?;
        // E[T²] = Σ_r (2r + 1)·P(T > r).
        let second: f64 = (self.done_by.iter().enumerate())
            .map(|(r, d)| (2 * r + 1) as f64 * (1.0 - d))
            .sum();
        Some((second - mean * mean).max(0.0).sqrt())
    }
}

/// Follows the distribution of the infected count from one node until everyone has heard
/// (all but [`TAIL`] of the probability), [`MAX_ROUNDS`] pass, or [`WORK_BUDGET`] steps
/// have been spent (extreme loss: the result is then incomplete and says so).
pub fn spread(mode: Mode, n: usize, k: usize, loss: f64) -> Spread {
    let n = n.max(1);
    let chain = Chain::new(mode, n, k, loss);
    let mut dist = vec![0.0; n + 1];
    dist[1.min(n)] = 1.0;
    let mut expected = vec![1.0];
    let mut done_by = vec![dist[n]];
    let mut work = 0usize;
    while 1.0 - done_by.last().unwrap() > TAIL && done_by.len() <= MAX_ROUNDS && work < WORK_BUDGET
    {
        dist = chain.round(&dist, &mut work);
        expected.push(dist.iter().enumerate().map(|(i, p)| i as f64 * p).sum());
        done_by.push(dist[n]);
    }
    let complete = 1.0 - done_by.last().unwrap() <= TAIL;
    Spread {
        expected,
        done_by,
        complete,
    }
}

/// How many elementary steps [`spread`] may take (about 0.1 s natively, well under a
/// second in the browser); the usual settings need under a hundredth of it.
const WORK_BUDGET: usize = 40_000_000;

/// One round's transition of the infected count.
///
/// Newly infected nodes are tracked as `u`, the susceptible nodes not yet reached this
/// round. Pulls come first (each susceptible on its own: binomial), then pushes, one
/// pusher at a time: a pusher's `k` distinct picks among its `n − 1` others include `x` of
/// the `u` unreached nodes with the hypergeometric chance `H(x; n−1, u, k)`, and each of
/// those pushes arrives with `q`. The order does not matter (a node is infected if either
/// reaches it), and a pusher's step depends on `u` alone, so the states of every starting
/// count share one pass: a state that starts with `i` infected joins the pass when `i`
/// pushers remain. After the round, `n − u` have heard.
struct Chain {
    mode: Mode,
    n: usize,
    /// `push_step[u][j]`: chance one pusher newly reaches `j` of `u` unreached nodes.
    push_step: Vec<Vec<f64>>,
    /// Chance a susceptible's pulls bring the rumour back, by the infected count.
    pull_hit: Vec<f64>,
    ln_fact: Vec<f64>,
}

impl Chain {
    fn new(mode: Mode, n: usize, k: usize, loss: f64) -> Chain {
        let loss = loss.clamp(0.0, 1.0);
        let q = 1.0 - loss;
        let k = k.min(n.saturating_sub(1));
        let ln_fact = ln_factorials(n);
        let push_step = (0..n)
            .map(|u| {
                let mut t = vec![0.0; k.min(u) + 1];
                for x in 0..=k.min(u) {
                    let hx = hypergeometric(n.saturating_sub(1), u, k, x, &ln_fact);
                    for (j, tj) in t.iter_mut().enumerate().take(x + 1) {
                        *tj += hx * thinned(x, j, q, &ln_fact);
                    }
                }
                normalise(&mut t);
                t
            })
            .collect();
        let others = n.saturating_sub(1);
        let pull_hit = (0..=n)
            .map(|i| 1.0 - pull_escape(others, k, q, i, &ln_fact))
            .collect();
        Chain {
            mode,
            n,
            push_step,
            pull_hit,
            ln_fact,
        }
    }

    /// The distribution of the infected count after one more round.
    fn round(&self, dist: &[f64], work: &mut usize) -> Vec<f64> {
        let n = self.n;
        let pushes = self.mode != Mode::Pull;
        let pulls = self.mode != Mode::Push;
        // unreached[u] over the pass; states join it as their pusher count comes up.
        let mut unreached = vec![0.0; n + 1];
        let (mut lo, mut hi) = (n, 0);
        let mut pmf = Vec::new();
        for i in (1..n).rev() {
            let mass = dist[i];
            if mass >= NEGLIGIBLE {
                let s = n - i;
                if pulls {
                    let from = binomial(s, self.pull_hit[i], &self.ln_fact, &mut pmf);
                    for (j, p) in pmf.iter().enumerate() {
                        let u = s - from - j;
                        unreached[u] += mass * p;
                        lo = lo.min(u);
                        hi = hi.max(u);
                    }
                    *work += pmf.len();
                } else {
                    unreached[s] += mass;
                    lo = lo.min(s);
                    hi = hi.max(s);
                }
            }
            if pushes && lo <= hi {
                // One pusher's step for every state with at least `i` pushers left.
                let mut next = vec![0.0; n + 1];
                for u in lo..=hi {
                    let m = unreached[u];
                    if m < NEGLIGIBLE {
                        continue;
                    }
                    for (j, p) in self.push_step[u].iter().enumerate() {
                        next[u - j] += m * p;
                    }
                    *work += self.push_step[u].len();
                }
                unreached = next;
                lo = lo.saturating_sub(self.push_step.get(lo).map_or(0, |t| t.len() - 1));
                while lo < hi && unreached[lo] < NEGLIGIBLE {
                    lo += 1;
                }
                while hi > lo && unreached[hi] < NEGLIGIBLE {
                    hi -= 1;
                }
            }
        }
        let mut next = vec![0.0; n + 1];
        next[n] = dist[n];
        for (u, m) in unreached.iter().enumerate() {
            next[n - u] += m;
        }
        next
    }
}

/// `P(j of x arrive)` when each arrives with probability `q` (a binomial term).
fn thinned(x: usize, j: usize, q: f64, ln_fact: &[f64]) -> f64 {
    if q >= 1.0 {
        return if j == x { 1.0 } else { 0.0 };
    }
    if q <= 0.0 {
        return if j == 0 { 1.0 } else { 0.0 };
    }
    (ln_choose(x, j, ln_fact) + j as f64 * q.ln() + (x - j) as f64 * (1.0 - q).ln()).exp()
}

/// Probability below which a state or a binomial term is left out (far below [`TAIL`]:
/// what is dropped over a whole run stays under 1e-12).
const NEGLIGIBLE: f64 = 1e-18;

fn ln_factorials(n: usize) -> Vec<f64> {
    let mut out = vec![0.0; n + 1];
    for i in 1..=n {
        out[i] = out[i - 1] + (i as f64).ln();
    }
    out
}

/// The terms of the binomial pmf `Bin(m, p)` that are not negligible, into `out`; returns
/// the count of the first one. Computed in log space, outward from the mode, so nothing
/// underflows and a run costs about the spread of the distribution, not `m`.
fn binomial(m: usize, p: f64, ln_fact: &[f64], out: &mut Vec<f64>) -> usize {
    out.clear();
    if p <= 0.0 || p >= 1.0 {
        out.push(1.0);
        return if p <= 0.0 { 0 } else { m };
    }
    let (lp, lq) = (p.ln(), (1.0 - p).ln());
    let term = |j: usize| (ln_choose(m, j, ln_fact) + j as f64 * lp + (m - j) as f64 * lq).exp();
    let mode = ((m as f64 + 1.0) * p).floor().min(m as f64) as usize;
    let mut lo = mode;
    while lo > 0 && term(lo - 1) >= NEGLIGIBLE {
        lo -= 1;
    }
    let mut hi = mode;
    while hi < m && term(hi + 1) >= NEGLIGIBLE {
        hi += 1;
    }
    out.extend((lo..=hi).map(term));
    normalise(out);
    lo
}

/// Scales `v` to sum to one. The terms come from differences of log-factorials near 6,000
/// for n = 1,000, which carry relative errors near 1e-12: without this, a thousand pushers
/// a round would leak probability faster than [`TAIL`].
fn normalise(v: &mut [f64]) {
    let total: f64 = v.iter().sum();
    if total > 0.0 {
        v.iter_mut().for_each(|x| *x /= total);
    }
}

/// The residue of push rumour mongering with feedback: the fraction of nodes that never
/// hear, in the epidemic model of Demers et al. (1987, §1.4). A spreader that meets a node
/// which already knew loses interest with probability `1/k`; the differential equations
/// `ds/dt = −s·i`, `di/dt = s·i − (1/k)(1 − s)·i` end where `s = e^(−(k+1)(1−s))`. The
/// counter variant (stop after `k` such meetings) leaves the same residue in this model
/// and, measured here, in the runs too (`tests/gossip.rs`).
pub fn mongering_residue(k: u32) -> f64 {
    let k = k.max(1) as f64;
    // Fixed-point iteration from 0 climbs monotonically to the smaller root (s = 1 is the
    // other, trivial one).
    let mut s = 0.0;
    for _ in 0..10_000 {
        let next = (-(k + 1.0) * (1.0 - s)).exp();
        if (next - s).abs() < 1e-15 {
            return next;
        }
        s = next;
    }
    s
}

/// The expected number infected after each round `0..=rounds` under push rumour mongering
/// with feedback, one round at a time (finite `n`, mean field). With `A` spreaders, a
/// susceptible node is reached with `1 − (1 − f·q/(n−1))^A`; each of a spreader's `f`
/// pushes is useless (it reached a node that knew, and the reply came back) with
/// `q²·(1 − new/(A·f·q))`. Coin: each useless push stops the spreader with `1/k`. Counter:
/// spreaders are tracked by how many useless pushes they have had, stopping at `k`.
pub fn mongering_curve(
    n: usize,
    fanout: usize,
    termination: Termination,
    loss: f64,
    rounds: usize,
) -> Vec<f64> {
    let n_f = n.max(2) as f64;
    let f = fanout.clamp(1, n.max(2) - 1);
    let q = 1.0 - loss.clamp(0.0, 1.0);
    let (classes, k) = match termination {
        Termination::Counter(k) => (k.max(1) as usize, k.max(1) as f64),
        Termination::Coin(k) => (1, k.max(1) as f64),
        Termination::Never => (1, f64::INFINITY),
    };
    // spreaders[j]: expected spreaders with j useless pushes so far (counter), or all (coin).
    let mut spreaders = vec![0.0; classes];
    spreaders[0] = 1.0;
    let mut infected = 1.0f64;
    let mut out = vec![infected];
    let ln_fact = ln_factorials(f);
    for _ in 0..rounds {
        let active: f64 = spreaders.iter().sum();
        let susceptible = (n_f - infected).max(0.0);
        let new = susceptible * (1.0 - (1.0 - f as f64 * q / (n_f - 1.0)).powf(active));
        let delivered = active * f as f64 * q;
        let useless = if delivered > 0.0 {
            q * q * (1.0 - new / delivered).clamp(0.0, 1.0)
        } else {
            0.0
        };
        let mut next = vec![0.0; classes];
        match termination {
            Termination::Counter(_) => {
                for (j, a) in spreaders.iter().enumerate() {
                    for u in 0..=f {
                        let to = j + u;
                        if to < classes {
                            next[to] += a * thinned(f, u, useless, &ln_fact);
                        }
                    }
                }
            }
            Termination::Coin(_) | Termination::Never => {
                next[0] = spreaders[0] * (1.0 - useless / k).powi(f as i32);
            }
        }
        next[0] += new;
        spreaders = next;
        infected += new;
        out.push(infected);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_distribution_is_a_distribution() {
        for mode in [Mode::Push, Mode::Pull, Mode::PushPull] {
            let s = spread(mode, 64, 2, 0.1);
            assert!(s.complete);
            assert!(s.done_by.windows(2).all(|w| w[0] <= w[1] + 1e-12));
            assert!(s.expected.windows(2).all(|w| w[0] <= w[1] + 1e-9));
            assert!((s.expected.last().unwrap() - 64.0).abs() < 1e-6);
        }
        let (mut pmf, ln_fact) = (Vec::new(), ln_factorials(500));
        for p in [1e-6, 0.3, 0.999] {
            binomial(500, p, &ln_fact, &mut pmf);
            assert!((pmf.iter().sum::<f64>() - 1.0).abs() < 1e-12, "{p}");
            assert!(pmf.len() < 200, "only the terms that matter");
        }
        let h: f64 = (0..=3)
            .map(|j| hypergeometric(9, 4, 3, j, &ln_factorials(9)))
            .sum();
        assert!((h - 1.0).abs() < 1e-12);
    }

    #[test]
    fn the_finite_forms_are_exact_where_they_can_be_checked_by_hand() {
        // n = 2: the one susceptible hears in round 1 if the one message gets through.
        let s = spread(Mode::Push, 2, 1, 0.0);
        assert_eq!(s.mean_rounds(), Some(1.0));
        assert!((escape(Mode::Push, 2, 1, 0.25, 1) - 0.25).abs() < 1e-12);
        // Pull, k = 1: 1 − q²·I/(n−1).
        let e = escape(Mode::Pull, 11, 1, 0.5, 4);
        assert!((e - (1.0 - 0.25 * 0.4)).abs() < 1e-12, "{e}");
        // Pull, k = n − 1: it asks everyone.
        assert!(escape(Mode::Pull, 11, 10, 0.0, 1).abs() < 1e-12);
        // Push-pull is the product.
        let pp = escape(Mode::PushPull, 50, 2, 0.1, 7);
        let prod = escape(Mode::Push, 50, 2, 0.1, 7) * escape(Mode::Pull, 50, 2, 0.1, 7);
        assert!((pp - prod).abs() < 1e-15);
    }

    #[test]
    fn push_with_fanout_one_approaches_pittel_for_large_n() {
        // log2(n) + ln(n) + O(1) (Pittel 1987).
        for n in [1_000usize, 4_000] {
            let mean = spread(Mode::Push, n, 1, 0.0).mean_rounds().unwrap();
            let pittel = (n as f64).log2() + (n as f64).ln();
            assert!((mean - pittel).abs() < 2.0, "n={n}: {mean} vs {pittel}");
        }
    }

    #[test]
    fn push_pull_beats_push_and_loss_slows_everything() {
        let mean = |m, k, l| spread(m, 500, k, l).mean_rounds().unwrap();
        let pp = mean(Mode::PushPull, 1, 0.0);
        assert!(pp < mean(Mode::Push, 1, 0.0));
        assert!(pp < mean(Mode::Pull, 1, 0.0));
        assert!(mean(Mode::PushPull, 1, 0.3) > pp);
        assert!(mean(Mode::PushPull, 3, 0.0) < pp);
        assert_eq!(spread(Mode::PushPull, 20, 1, 1.0).mean_rounds(), None);
    }

    #[test]
    fn mongering_residue_solves_demers_equation() {
        // s = e^(−(k+1)(1−s)): 0.203 for k = 1, 0.0595 for k = 2, 0.0198 for k = 3.
        for (k, want) in [(1, 0.2032), (2, 0.0595), (3, 0.0198)] {
            let s = mongering_residue(k);
            assert!((s - (-((k + 1) as f64) * (1.0 - s)).exp()).abs() < 1e-12);
            assert!((s - want).abs() < 1e-4, "k={k}: {s}");
        }
    }

    #[test]
    fn the_mongering_curve_ends_near_the_residue() {
        for k in [1, 2, 3] {
            for term in [Termination::Coin(k), Termination::Counter(k)] {
                let c = mongering_curve(10_000, 1, term, 0.0, 200);
                let residue = 1.0 - c.last().unwrap() / 10_000.0;
                let ode = mongering_residue(k);
                assert!(
                    (residue - ode).abs() < 0.25 * ode,
                    "{term:?}: {residue} vs {ode}"
                );
            }
        }
        let never = mongering_curve(500, 1, Termination::Never, 0.0, 60);
        assert!(never.last().unwrap() > &499.0);
    }
}
