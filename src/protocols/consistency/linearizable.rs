//! Linearizability (Herlihy & Wing 1990): the history is linearizable when some total
//! order of its operations (i) keeps every pair in real-time order — `a` before `b`
//! whenever `a` responded before `b` was invoked — and (ii) is a legal run of the register
//! (every read returns the latest write before it). Completed operations must all be in
//! the order; a pending write may or may not be.
//!
//! The search is Wing & Gong's: repeatedly take as the next linearization point any
//! remaining operation that no other remaining operation must precede, apply it, and
//! backtrack on an illegal read; with Lowe's memo (the Knossos approach) a state — the set
//! of operations linearized so far plus the register's value — is explored once.

use std::collections::BTreeSet;

use super::{apply, relevant, Bits, History, Value, Verdict, BUDGET};
use crate::sim::SimTime;

/// Is `h` linearizable? (Within [`BUDGET`] explored states, else [`Verdict::Unknown`].)
pub fn linearizable(h: &History) -> Verdict {
    let ops = relevant(h);
    let mut s = Search {
        h,
        ops: &ops,
        seen: BTreeSet::new(),
        order: Vec::new(),
        explored: 0,
    };
    match s.go(Bits::new(h.ops.len()), h.initial) {
        Some(true) => Verdict::Holds(s.order),
        Some(false) => Verdict::Violated,
        None => Verdict::Unknown,
    }
}

struct Search<'a> {
    h: &'a History,
    ops: &'a [usize],
    seen: BTreeSet<(Bits, Value)>,
    /// The linearization found so far (the witness when the search succeeds).
    order: Vec<usize>,
    explored: usize,
}

impl Search<'_> {
    /// `Some(found)`, or `None` past the budget.
    fn go(&mut self, done: Bits, value: Value) -> Option<bool> {
        let left: Vec<usize> = self.ops.iter().copied().filter(|&i| !done.has(i)).collect();
        // Every completed operation placed: pending writes may simply never take effect.
        if left.iter().all(|&i| self.h.ops[i].respond.is_none()) {
            return Some(true);
        }
        self.explored += 1;
        if self.explored > BUDGET {
            return None;
        }
        // Rule (i): `b` may go next only if no remaining `a` responded before `b` began.
        let horizon: SimTime = left
            .iter()
            .filter_map(|&i| self.h.ops[i].respond)
            .min()
            .unwrap_or(SimTime::MAX);
        for &b in &left {
            let op = &self.h.ops[b];
            if op.invoke > horizon {
                continue;
            }
            // Rule (ii): a read must see the current value.
            let Some(next) = apply(value, op.op) else {
                continue;
            };
            let state = (done.with(b), next);
            if !self.seen.insert(state.clone()) {
                continue;
            }
            self.order.push(b);
            match self.go(state.0, next) {
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
