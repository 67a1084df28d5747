//! Sequential consistency (Lamport 1979): "the result of any execution is the same as if
//! the operations of all the processors were executed in some sequential order, and the
//! operations of each individual processor appear in this sequence in the order specified
//! by its program." Unlike linearizability, real time between clients does not count.
//!
//! The search interleaves the clients' programs: the next operation is the next one of
//! some client; a state (how far each client has got, the register's value) is explored
//! once. A client's trailing pending write may be left out.

use super::{apply, find_order, relevant, History, Verdict};

/// Is `h` sequentially consistent? (Within [`super::BUDGET`] explored states.) A state is
/// (how far each client has got, register value).
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
    find_order((vec![0usize; clients], h.initial), |(at, value)| {
        // Done when what is left of every program is pending (never took effect).
        let finished = programs
            .iter()
            .zip(at)
            .all(|(p, &k)| p[k..].iter().all(|&i| h.ops[i].respond.is_none()));
        if finished {
            return None;
        }
        Some(
            (0..programs.len())
                .filter_map(|c| {
                    let &i = programs[c].get(at[c])?;
                    let next = apply(*value, h.ops[i].op)?;
                    let mut moved = at.clone();
                    moved[c] += 1;
                    Some((i, (moved, next)))
                })
                .collect(),
        )
    })
}
