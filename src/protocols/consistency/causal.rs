//! Causal consistency (Ahamad, Neiger, Burns, Kohli & Hutto, "Causal memory", 1995). The
//! causal order is each client's program order together with *writes-into* (a write
//! precedes every read that returns its value), closed transitively. The history is
//! causally consistent when, for every client, some order of **all the writes and that
//! client's own reads** respects the causal order and is a legal run of the register.
//! Unlike sequential consistency, two clients may see concurrent writes in different
//! orders.
//!
//! Values are taken to be written once (the pages write unique values); a read of a value
//! nobody wrote, or one that causally precedes its own write, is never consistent.

use super::{apply, find_order, relevant, Bits, History, Op, Verdict};

/// Causal predecessors of every operation (indices into `h.ops`), or `None` when the
/// causal order has a cycle or a read returns a value nobody wrote.
pub(crate) fn causal_order(h: &History) -> Option<Vec<Bits>> {
    let n = h.ops.len();
    let ops = relevant(h);
    // Direct edges: program order (consecutive operations of a client) and writes-into.
    let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
    let clients = h.ops.iter().map(|o| o.client + 1).max().unwrap_or(0);
    for c in 0..clients {
        let mut mine: Vec<usize> = ops
            .iter()
            .copied()
            .filter(|&i| h.ops[i].client == c)
            .collect();
        mine.sort_by_key(|&i| h.ops[i].invoke);
        for pair in mine.windows(2) {
            preds[pair[1]].push(pair[0]);
        }
    }
    for &r in &ops {
        if let Op::Read(Some(v)) = h.ops[r].op {
            if v == h.initial {
                continue;
            }
            let w = ops.iter().copied().find(|&i| h.ops[i].op == Op::Write(v))?;
            preds[r].push(w);
        }
    }
    // Transitive closure by depth-first search from each operation.
    let mut closure = vec![Bits::new(n); n];
    for &i in &ops {
        let mut seen = Bits::new(n);
        let mut stack = preds[i].clone();
        while let Some(p) = stack.pop() {
            if p == i {
                return None;
            }
            if !seen.has(p) {
                seen = seen.with(p);
                stack.extend(preds[p].iter().copied());
            }
        }
        closure[i] = seen;
    }
    Some(closure)
}

/// Per client: can it see the writes in an order that respects causality? (`Holds` with
/// that client's order of all writes and its reads.)
pub fn causal_per_client(h: &History) -> Vec<Verdict> {
    let clients = h.ops.iter().map(|o| o.client + 1).max().unwrap_or(0);
    let Some(before) = causal_order(h) else {
        return vec![Verdict::Violated; clients.max(1)];
    };
    let ops = relevant(h);
    (0..clients)
        .map(|c| {
            let view: Vec<usize> = ops
                .iter()
                .copied()
                .filter(|&i| matches!(h.ops[i].op, Op::Write(_)) || h.ops[i].client == c)
                .collect();
            find_order((Bits::new(h.ops.len()), h.initial), |(done, value)| {
                let left: Vec<usize> = view.iter().copied().filter(|&i| !done.has(i)).collect();
                // A pending write never read may simply not have taken effect.
                if left.iter().all(|&i| h.ops[i].respond.is_none()) {
                    return None;
                }
                Some(
                    left.iter()
                        .copied()
                        // Every causal predecessor this client sees is already placed.
                        .filter(|&i| view.iter().all(|&p| !before[i].has(p) || done.has(p)))
                        .filter_map(|i| {
                            apply(*value, h.ops[i].op).map(|next| (i, (done.with(i), next)))
                        })
                        .collect(),
                )
            })
        })
        .collect()
}

/// Is `h` causally consistent? `Unknown` when some client's search met the budget.
pub fn causal(h: &History) -> Verdict {
    let per = causal_per_client(h);
    if per.contains(&Verdict::Violated) {
        Verdict::Violated
    } else if let Some(unknown) = per.iter().find(|v| matches!(v, Verdict::Unknown { .. })) {
        unknown.clone()
    } else {
        Verdict::Holds(Vec::new())
    }
}
