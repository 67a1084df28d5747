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

use super::{apply, find_order, relevant, Bits, History, Verdict};
use crate::sim::SimTime;

/// Is `h` linearizable? (Within [`super::BUDGET`] explored states, else
/// [`Verdict::Unknown`].) A state is (operations linearized so far, register value).
pub fn linearizable(h: &History) -> Verdict {
    let ops = relevant(h);
    find_order((Bits::new(h.ops.len()), h.initial), |(done, value)| {
        let left: Vec<usize> = ops.iter().copied().filter(|&i| !done.has(i)).collect();
        // Every completed operation placed: pending writes may simply never take effect.
        if left.iter().all(|&i| h.ops[i].respond.is_none()) {
            return None;
        }
        // Rule (i): `b` may go next only if no remaining `a` responded before `b` began.
        let horizon: SimTime = left
            .iter()
            .filter_map(|&i| h.ops[i].respond)
            .min()
            .unwrap_or(SimTime::MAX);
        Some(
            left.iter()
                .filter(|&&b| h.ops[b].invoke <= horizon)
                // Rule (ii): a read must see the current value.
                .filter_map(|&b| apply(*value, h.ops[b].op).map(|next| (b, (done.with(b), next))))
                .collect(),
        )
    })
}
