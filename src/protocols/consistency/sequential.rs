//! Sequential consistency (Lamport 1979): "the result of any execution is the same as if
//! the operations of all the processors were executed in some sequential order, and the
//! operations of each individual processor appear in this sequence in the order specified
//! by its program." Unlike linearizability, real time between clients does not count.
//!
//! The search interleaves the clients' programs: the next operation is the next one of
//! some client; a state (how far each client has got, the register's value) is explored
//! once. A client's trailing pending write may be left out.

use std::collections::BTreeSet;

use super::{apply, relevant, History, Value, Verdict, BUDGET};

/// Is `h` sequentially consistent? (Within [`BUDGET`] explored states.)
pub fn sequential(h: &History) -> Verdict {
    // Each client's operations in program order (by invocation).
    let clients = h.ops.iter().map(|o| o.client + 1).max().unwrap_or(0);
    let mut programs: Vec<Vec<usize>> = vec![Vec::new(); clients];
    for i in relevant(h) {
        programs[h.ops[i].client].push(i);
    }
    for p in &mut programs {
        p.sort_by_key(|&i| h.ops[i].invoke);
    }
    let mut s = Search {
        h,
        programs: &programs,
        seen: BTreeSet::new(),
        order: Vec::new(),
        explored: 0,
    };
    match s.go(vec![0; clients], h.initial) {
        Some(true) => Verdict::Holds(s.order),
        Some(false) => Verdict::Violated,
        None => Verdict::Unknown,
    }
}

struct Search<'a> {
    h: &'a History,
    programs: &'a [Vec<usize>],
    seen: BTreeSet<(Vec<usize>, Value)>,
    order: Vec<usize>,
    explored: usize,
}

impl Search<'_> {
    fn go(&mut self, at: Vec<usize>, value: Value) -> Option<bool> {
        // Done when what is left of every program is pending (never took effect).
        let finished = self.programs.iter().zip(&at).all(|(p, &k)| {
            p[k..].iter().all(|&i| self.h.ops[i].respond.is_none())
        });
        if finished {
            return Some(true);
        }
        self.explored += 1;
        if self.explored > BUDGET {
            return None;
        }
        for c in 0..self.programs.len() {
            let Some(&i) = self.programs[c].get(at[c]) else {
                continue;
            };
            let Some(next) = apply(value, self.h.ops[i].op) else {
                continue;
            };
            let mut moved = at.clone();
            moved[c] += 1;
            if !self.seen.insert((moved.clone(), next)) {
                continue;
            }
            self.order.push(i);
            match self.go(moved, next) {
                Some(true) => return Some(true),
                None => return None,
                Some(false) => {
                    self.order.pop();
                }
            }
        }
        Some(false)
    }
}
