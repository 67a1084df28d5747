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

use super::{apply, find_order, relevant, Bits, History, Op, Verdict};
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

/// A stale read, the commonest reason a history is not linearizable: read `read` returned
/// the value of `write` (or the initial value: `None`), though `newer`, another write,
/// began after that write finished and finished before the read began — so the value was
/// already replaced when the read started. Some such triple is a witness of a violation;
/// a violated history need not have one (the search decides, this only explains).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StaleRead {
    pub read: usize,
    pub write: Option<usize>,
    pub newer: usize,
}

/// The first stale read in `h`, if there is one (values written once).
pub fn stale_read(h: &History) -> Option<StaleRead> {
    let before = |a: usize, b: usize| h.ops[a].respond.is_some_and(|t| t < h.ops[b].invoke);
    let writes: Vec<usize> = (0..h.ops.len())
        .filter(|&i| matches!(h.ops[i].op, Op::Write(_)))
        .collect();
    (0..h.ops.len()).find_map(|r| {
        let Op::Read(Some(v)) = h.ops[r].op else {
            return None;
        };
        let source = writes
            .iter()
            .copied()
            .find(|&w| h.ops[w].op == Op::Write(v));
        if source.is_none() && v != h.initial {
            return None;
        }
        writes
            .iter()
            .copied()
            .filter(|&n| Some(n) != source && before(n, r))
            .find(|&n| source.is_none_or(|w| before(w, n)))
            .map(|newer| StaleRead {
                read: r,
                write: source,
                newer,
            })
    })
}
