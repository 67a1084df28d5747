//! # Consistent hashing
//!
//! Karger et al., "Consistent Hashing and Random Trees" (STOC 1997); virtual nodes as in
//! Dynamo (DeCandia et al., SOSP 2007). Physical nodes place `v` virtual points each on a
//! 64-bit ring (hash of `"N{id}#{i}"`); a key belongs to the first point clockwise of its
//! hash. Adding or removing a node moves only the keys in the arcs it gains or loses —
//! about `1/N` of them — whereas `hash(key) mod N` placement moves most keys. A key's
//! preference list is the next `R` distinct physical nodes clockwise.

pub mod membership;

use crate::protocols::stable_hash::hash;

/// A ring of physical nodes (ids need not be contiguous) with `vnodes` points each.
#[derive(Clone, Debug, PartialEq)]
pub struct Ring {
    vnodes: usize,
    nodes: Vec<u32>,
    /// (position, physical node), sorted by position.
    points: Vec<(u64, u32)>,
}

/// The hash of key `i` (keys are `key-0`, `key-1`, ...).
pub fn key_hash(i: usize) -> u64 {
    hash(&format!("key-{i}"), 0)
}

impl Ring {
    pub fn new(nodes: &[u32], vnodes: usize) -> Ring {
        let mut r = Ring {
            vnodes: vnodes.max(1),
            nodes: Vec::new(),
            points: Vec::new(),
        };
        for &n in nodes {
            r.add(n);
        }
        r
    }
    /// The physical nodes, in ascending order.
    pub fn nodes(&self) -> &[u32] {
        &self.nodes
    }
    pub fn vnodes(&self) -> usize {
        self.vnodes
    }
    pub fn points(&self) -> &[(u64, u32)] {
        &self.points
    }

    pub fn add(&mut self, node: u32) {
        if self.nodes.contains(&node) {
            return;
        }
        self.nodes.push(node);
        self.nodes.sort_unstable();
        for i in 0..self.vnodes {
            self.points.push((hash(&format!("N{node}#{i}"), 7), node));
        }
        self.points.sort_unstable();
    }

    pub fn remove(&mut self, node: u32) {
        self.nodes.retain(|n| *n != node);
        self.points.retain(|(_, n)| *n != node);
    }

    fn first_at_or_after(&self, h: u64) -> usize {
        let i = self.points.partition_point(|(p, _)| *p < h);
        if i == self.points.len() {
            0
        } else {
            i
        }
    }

    /// The owner of a hashed key.
    pub fn owner(&self, h: u64) -> Option<u32> {
        (!self.points.is_empty()).then(|| self.points[self.first_at_or_after(h)].1)
    }

    /// The next `r` distinct physical nodes clockwise of `h`.
    pub fn preference_list(&self, h: u64, r: usize) -> Vec<u32> {
        let mut out = Vec::new();
        if self.points.is_empty() {
            return out;
        }
        let start = self.first_at_or_after(h);
        for j in 0..self.points.len() {
            let n = self.points[(start + j) % self.points.len()].1;
            if !out.contains(&n) {
                out.push(n);
                if out.len() == r.min(self.nodes.len()) {
                    break;
                }
            }
        }
        out
    }

    /// A key's clockwise walk from its hash `h`: the ring point at which it meets each of
    /// its `r` preference nodes, in order (the first is its owner). Each point is where
    /// the walk stops for that node: its position and the node.
    pub fn walk(&self, h: u64, r: usize) -> Vec<(u64, u32)> {
        let mut out: Vec<(u64, u32)> = Vec::new();
        if self.points.is_empty() {
            return out;
        }
        let start = self.first_at_or_after(h);
        for j in 0..self.points.len() {
            let (pos, n) = self.points[(start + j) % self.points.len()];
            if !out.iter().any(|(_, m)| *m == n) {
                out.push((pos, n));
                if out.len() == r.min(self.nodes.len()) {
                    break;
                }
            }
        }
        out
    }

    /// Where to name each node on the ring: the middle of the longest arc it owns (a
    /// point owns the arc from the point before it, counter-clockwise, up to itself).
    pub fn label_points(&self) -> Vec<(u32, u64)> {
        let mut best: Vec<(u32, u64, u64)> = Vec::new(); // node, arc length, middle
        let len = self.points.len();
        for (i, &(pos, n)) in self.points.iter().enumerate() {
            let prev = self.points[(i + len - 1) % len].0;
            // One point alone owns the whole circle.
            let arc = if len == 1 {
                u64::MAX
            } else {
                pos.wrapping_sub(prev)
            };
            let mid = prev.wrapping_add(arc / 2);
            match best.iter_mut().find(|b| b.0 == n) {
                Some(b) if b.1 < arc => *b = (n, arc, mid),
                Some(_) => {}
                None => best.push((n, arc, mid)),
            }
        }
        best.sort_unstable();
        best.into_iter().map(|(n, _, mid)| (n, mid)).collect()
    }

    /// Owners of keys `0..keys`.
    pub fn assign(&self, keys: usize) -> Vec<u32> {
        self.assign_hashed(&key_hashes(keys))
    }

    /// Owners of keys given by their hashes (see [`key_hashes`]): a page that recomputes
    /// often hashes its keys once.
    pub fn assign_hashed(&self, hashes: &[u64]) -> Vec<u32> {
        hashes
            .iter()
            .map(|h| self.owner(*h).unwrap_or(u32::MAX))
            .collect()
    }
}

/// The hashes of keys `0..keys` ([`key_hash`] of each).
pub fn key_hashes(keys: usize) -> Vec<u64> {
    (0..keys).map(key_hash).collect()
}

/// Owners under `hash(key) mod N` placement (nodes in sorted order).
pub fn assign_mod_n(nodes: &[u32], keys: usize) -> Vec<u32> {
    assign_mod_n_hashed(nodes, &key_hashes(keys))
}

/// [`assign_mod_n`] for keys given by their hashes.
pub fn assign_mod_n_hashed(nodes: &[u32], hashes: &[u64]) -> Vec<u32> {
    hashes
        .iter()
        .map(|h| {
            if nodes.is_empty() {
                u32::MAX
            } else {
                nodes[(h % nodes.len() as u64) as usize]
            }
        })
        .collect()
}

/// How many positions differ between two assignments.
pub fn moved(before: &[u32], after: &[u32]) -> usize {
    before.iter().zip(after).filter(|(a, b)| a != b).count()
}

/// Load statistics: (mean, max/mean, standard deviation) of keys per node.
pub fn load_stats(assignment: &[u32], nodes: &[u32]) -> (f64, f64, f64) {
    stats_of_counts(&key_counts(assignment, nodes))
}

/// Keys per node, in the order of `nodes` (one pass over the assignment).
pub fn key_counts(assignment: &[u32], nodes: &[u32]) -> Vec<usize> {
    let mut sorted: Vec<(u32, usize)> = nodes.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    sorted.sort_unstable();
    let mut counts = vec![0; nodes.len()];
    for owner in assignment {
        if let Ok(j) = sorted.binary_search_by_key(owner, |p| p.0) {
            counts[sorted[j].1] += 1;
        }
    }
    counts
}

/// (mean, max/mean, standard deviation) of per-node key counts.
pub fn stats_of_counts(counts: &[usize]) -> (f64, f64, f64) {
    if counts.is_empty() {
        return (0.0, 0.0, 0.0);
    }
    let counts: Vec<f64> = counts.iter().map(|c| *c as f64).collect();
    let mean = counts.iter().sum::<f64>() / counts.len() as f64;
    let max = counts.iter().cloned().fold(0.0, f64::max);
    let var = counts.iter().map(|c| (c - mean).powi(2)).sum::<f64>() / counts.len() as f64;
    (mean, if mean > 0.0 { max / mean } else { 0.0 }, var.sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_keys_walk_meets_its_preference_list_in_order_and_each_node_is_named_on_its_own_arc() {
        let ring = Ring::new(&[0, 1, 2, 3, 4], 20);
        for i in 0..200 {
            let h = key_hash(i);
            let walk = ring.walk(h, 3);
            let nodes: Vec<u32> = walk.iter().map(|w| w.1).collect();
            assert_eq!(nodes, ring.preference_list(h, 3));
            assert_eq!(Some(nodes[0]), ring.owner(h));
            // Each stop is that node's point, and the walk goes clockwise from the key.
            let from = |p: u64| p.wrapping_sub(h);
            assert!(walk.windows(2).all(|w| from(w[0].0) < from(w[1].0)));
            for (pos, n) in &walk {
                assert!(ring.points().contains(&(*pos, *n)));
                assert_eq!(ring.owner(*pos), Some(*n));
            }
        }
        let labels = ring.label_points();
        assert_eq!(
            labels.iter().map(|l| l.0).collect::<Vec<_>>(),
            vec![0, 1, 2, 3, 4]
        );
        for (n, mid) in labels {
            assert_eq!(
                ring.owner(mid),
                Some(n),
                "N{n}'s label sits on an arc it owns"
            );
        }
        let one = Ring::new(&[3], 1);
        assert_eq!(one.owner(one.label_points()[0].1), Some(3));
    }

    #[test]
    fn key_counts_match_counting_each_node_and_hashed_assignment_matches() {
        let nodes = [7u32, 2, 11, 5];
        let ring = Ring::new(&nodes, 50);
        let owners = ring.assign(5_000);
        assert_eq!(owners, ring.assign_hashed(&key_hashes(5_000)));
        let counts = key_counts(&owners, &nodes);
        for (n, c) in nodes.iter().zip(&counts) {
            assert_eq!(*c, owners.iter().filter(|o| *o == n).count());
        }
        assert_eq!(counts.iter().sum::<usize>(), 5_000);
        assert_eq!(
            assign_mod_n(&nodes, 300),
            assign_mod_n_hashed(&nodes, &key_hashes(300))
        );
    }

    #[test]
    fn a_join_moves_about_one_nth_and_only_keys_the_new_node_takes() {
        // Tolerance: within ±35 % of 1/N with 200 virtual nodes and 20,000 keys.
        for n in [2u32, 5, 10, 19] {
            let nodes: Vec<u32> = (0..n).collect();
            let mut ring = Ring::new(&nodes, 200);
            let before = ring.assign(20_000);
            ring.add(n);
            let after = ring.assign(20_000);
            let m = moved(&before, &after);
            // Every moved key moved to the new node: only the affected arcs changed hands.
            assert!(before.iter().zip(&after).all(|(b, a)| b == a || *a == n));
            let expected = 20_000.0 / (n + 1) as f64;
            assert!(
                (m as f64 - expected).abs() < 0.35 * expected,
                "N={n}: moved {m}, expected ≈{expected}"
            );
        }
    }

    #[test]
    fn a_leave_moves_only_the_leavers_keys() {
        let mut ring = Ring::new(&[0, 1, 2, 3, 4], 100);
        let before = ring.assign(10_000);
        ring.remove(2);
        let after = ring.assign(10_000);
        assert!(before.iter().zip(&after).all(|(b, a)| b == a || *b == 2));
        assert_eq!(
            moved(&before, &after),
            before.iter().filter(|o| **o == 2).count()
        );
    }

    #[test]
    fn mod_n_moves_most_keys() {
        let before = assign_mod_n(&[0, 1, 2, 3, 4], 10_000);
        let after = assign_mod_n(&[0, 1, 2, 3, 4, 5], 10_000);
        let m = moved(&before, &after);
        assert!(m > 7_500, "mod-N should move about 5/6 of keys, moved {m}");
    }

    #[test]
    fn more_virtual_nodes_spread_load_more_evenly() {
        let nodes: Vec<u32> = (0..10).collect();
        let spread = |v| load_stats(&Ring::new(&nodes, v).assign(50_000), &nodes).1;
        assert!(
            spread(1) > spread(50) && spread(50) > spread(500),
            "{} {} {}",
            spread(1),
            spread(50),
            spread(500)
        );
        assert!(spread(500) < 1.15);
    }

    #[test]
    fn preference_lists_are_distinct_physical_nodes_and_shift_when_one_leaves() {
        let mut ring = Ring::new(&[0, 1, 2, 3, 4], 50);
        let h = key_hash(42);
        let list = ring.preference_list(h, 3);
        assert_eq!(list.len(), 3);
        assert!(list[0] != list[1] && list[1] != list[2] && list[0] != list[2]);
        assert_eq!(list[0], ring.owner(h).unwrap());
        ring.remove(list[0]);
        let after = ring.preference_list(h, 3);
        assert_eq!(after[..2], list[1..], "the next replicas move up");
    }
}
