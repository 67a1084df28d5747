//! # Bloom filter
//!
//! Bloom, "Space/Time Trade-offs in Hash Coding with Allowable Errors" (CACM 1970). An
//! `m`-bit array and `k` hash functions: inserting sets the `k` bits of an item; a query
//! answers "definitely not present" if any of its bits is 0, otherwise "maybe present".
//! There are no false negatives; the false-positive rate after `n` insertions is about
//! `(1 − e^(−kn/m))^k`, smallest for `k = (m/n) ln 2`. The `k` positions come from double
//! hashing (Kirsch & Mitzenmacher 2006): `h1 + i·h2 mod m`.

pub mod play;

use crate::protocols::stable_hash::hash;

/// What a query found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QueryOutcome {
    /// Some bit is 0: the item was certainly never inserted.
    DefiniteMiss,
    /// All bits are 1 and the item was inserted.
    TrueHit,
    /// All bits are 1 but the item was never inserted.
    FalsePositive,
}

/// A bloom filter that also remembers the true set, so the page can tell a true hit from a
/// false positive.
#[derive(Clone, Debug)]
pub struct BloomFilter {
    bits: Vec<bool>,
    k: usize,
    inserted: std::collections::BTreeSet<String>,
}

impl BloomFilter {
    pub fn new(m: usize, k: usize) -> Self {
        BloomFilter {
            bits: vec![false; m.max(1)],
            k: k.max(1),
            inserted: Default::default(),
        }
    }
    pub fn m(&self) -> usize {
        self.bits.len()
    }
    pub fn k(&self) -> usize {
        self.k
    }
    pub fn n(&self) -> usize {
        self.inserted.len()
    }
    pub fn bits(&self) -> &[bool] {
        &self.bits
    }
    pub fn ones(&self) -> usize {
        self.bits.iter().filter(|b| **b).count()
    }
    pub fn contains_truly(&self, item: &str) -> bool {
        self.inserted.contains(item)
    }

    /// The `k` bit positions of `item`.
    pub fn positions(&self, item: &str) -> Vec<usize> {
        let m = self.m() as u64;
        let h1 = hash(item, 1);
        let h2 = hash(item, 2) | 1;
        (0..self.k as u64)
            .map(|i| (h1.wrapping_add(i.wrapping_mul(h2)) % m) as usize)
            .collect()
    }

    pub fn insert(&mut self, item: &str) {
        for p in self.positions(item) {
            self.bits[p] = true;
        }
        self.inserted.insert(item.to_string());
    }

    /// The filter's answer, judged against the true set.
    pub fn query(&self, item: &str) -> QueryOutcome {
        if self.positions(item).iter().any(|&p| !self.bits[p]) {
            QueryOutcome::DefiniteMiss
        } else if self.contains_truly(item) {
            QueryOutcome::TrueHit
        } else {
            QueryOutcome::FalsePositive
        }
    }
}

/// The textbook false-positive rate `(1 − e^(−kn/m))^k`.
pub fn expected_fp_rate(m: usize, k: usize, n: usize) -> f64 {
    (1.0 - (-(k as f64) * n as f64 / m.max(1) as f64).exp()).powi(k as i32)
}

/// The `k` that minimises the false-positive rate for `m` bits and `n` items.
pub fn optimal_k(m: usize, n: usize) -> usize {
    if n == 0 {
        return 1;
    }
    ((m as f64 / n as f64) * std::f64::consts::LN_2)
        .round()
        .clamp(1.0, 16.0) as usize
}

/// The cache-penetration scenario: requests for keys that do not exist. Without a filter
/// every one reaches the database; with one, only the false positives do.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Penetration {
    pub requests: usize,
    pub db_hits_without_filter: usize,
    pub db_hits_with_filter: usize,
}

/// Send `requests` lookups for absent keys `absent-0..` against `filter`.
pub fn cache_penetration(filter: &BloomFilter, requests: usize) -> Penetration {
    let with = (0..requests)
        .filter(|i| filter.query(&format!("absent-{i}")) == QueryOutcome::FalsePositive)
        .count();
    Penetration {
        requests,
        db_hits_without_filter: requests,
        db_hits_with_filter: with,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_a_false_negative() {
        for (m, k) in [(8, 1), (64, 3), (256, 5), (4096, 16)] {
            let mut f = BloomFilter::new(m, k);
            for i in 0..500 {
                f.insert(&format!("item-{i}"));
                for j in 0..=i {
                    assert_ne!(
                        f.query(&format!("item-{j}")),
                        QueryOutcome::DefiniteMiss,
                        "m={m} k={k}"
                    );
                }
            }
        }
    }

    #[test]
    fn measured_false_positive_rate_matches_the_formula() {
        // Tolerance: within 20 % relative (or 0.005 absolute) of the formula, averaged
        // over 20 seeds (insert sets) of 20,000 absent queries each.
        for (m, k, n) in [(1024, 3, 100), (1024, 7, 100), (4096, 4, 800), (256, 2, 64)] {
            let mut rates = Vec::new();
            for seed in 0..20 {
                let mut f = BloomFilter::new(m, k);
                for i in 0..n {
                    f.insert(&format!("s{seed}-in-{i}"));
                }
                let fp = (0..20_000)
                    .filter(|i| f.query(&format!("s{seed}-out-{i}")) == QueryOutcome::FalsePositive)
                    .count();
                rates.push(fp as f64 / 20_000.0);
            }
            let measured = rates.iter().sum::<f64>() / rates.len() as f64;
            let expected = expected_fp_rate(m, k, n);
            assert!(
                (measured - expected).abs() <= (0.2 * expected).max(0.005),
                "m={m} k={k} n={n}: {measured} vs {expected}"
            );
        }
    }

    #[test]
    fn optimal_k_is_m_over_n_ln2() {
        assert_eq!(optimal_k(1024, 100), 7);
        assert_eq!(optimal_k(4096, 1), 16);
        assert_eq!(optimal_k(64, 100), 1);
    }

    #[test]
    fn the_filter_stops_cache_penetration() {
        let mut f = BloomFilter::new(2048, 5);
        for i in 0..200 {
            f.insert(&format!("user-{i}"));
        }
        let p = cache_penetration(&f, 10_000);
        assert_eq!(p.db_hits_without_filter, 10_000);
        assert!(p.db_hits_with_filter < 300, "{p:?}");
    }
}
