//! A counterexample for any model: the fewest operations of a history that already break
//! it. Found by removal (delta debugging, one operation at a time): an operation is left
//! out when the history without it still fails, so every operation kept is needed — take
//! any one away and what is left satisfies the model. A write stays as long as a kept read
//! returns its value (without it, that read would fail for a reason the history does not
//! have).

use super::{History, Op, Verdict};

/// The largest history a counterexample is searched for (each step is a full check).
pub const MAX_OPS: usize = 24;

/// Indices of a 1-minimal set of `h`'s operations that `check` still finds violated, or
/// `None` when `h` itself is not (or is too long to search).
pub fn minimal_core(h: &History, check: impl Fn(&History) -> Verdict) -> Option<Vec<usize>> {
    if h.ops.len() > MAX_OPS || check(h) != Verdict::Violated {
        return None;
    }
    let mut kept: Vec<usize> = (0..h.ops.len()).collect();
    let sub = |ids: &[usize]| History {
        initial: h.initial,
        ops: ids.iter().map(|&i| h.ops[i]).collect(),
    };
    let mut i = 0;
    while i < kept.len() {
        let op = h.ops[kept[i]];
        let read_of_it = |v| kept.iter().any(|&k| h.ops[k].op == Op::Read(Some(v)));
        let needed_write = matches!(op.op, Op::Write(v) if v != h.initial && read_of_it(v));
        let without: Vec<usize> = kept.iter().copied().filter(|&k| k != kept[i]).collect();
        if !needed_write && check(&sub(&without)) == Verdict::Violated {
            kept = without;
        } else {
            i += 1;
        }
    }
    Some(kept)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocols::consistency::text::{format, parse, TEXTBOOK};
    use crate::protocols::consistency::{causal, linearizable, sequential};

    #[test]
    fn each_textbook_violation_shrinks_to_operations_that_are_all_needed() {
        type Check = fn(&History) -> Verdict;
        let models: [(&str, Check); 3] = [
            ("linearizable", linearizable),
            ("sequential", sequential),
            ("causal", causal),
        ];
        let mut found = 0;
        for (name, text) in TEXTBOOK {
            let h = parse(text).unwrap();
            for (model, check) in models {
                let Some(core) = minimal_core(&h, check) else {
                    assert_ne!(check(&h), Verdict::Violated, "{name}: {model}");
                    continue;
                };
                found += 1;
                let sub = |ids: &[usize]| History {
                    initial: h.initial,
                    ops: ids.iter().map(|&i| h.ops[i]).collect(),
                };
                assert_eq!(check(&sub(&core)), Verdict::Violated, "{name}: {model}");
                // Every operation kept is needed (or is a write a kept read returns).
                for (j, &i) in core.iter().enumerate() {
                    let rest: Vec<usize> = core.iter().copied().filter(|&k| k != i).collect();
                    let is_read_write = matches!(h.ops[i].op, Op::Write(v)
                        if core.iter().any(|&k| h.ops[k].op == Op::Read(Some(v))));
                    assert!(
                        is_read_write || check(&sub(&rest)) != Verdict::Violated,
                        "{name}: {model}: operation {j} of {} is not needed",
                        format(&sub(&core))
                    );
                }
            }
        }
        assert!(found >= 4, "{found} counterexamples");
        // Seen in opposite orders: all four reads and the two writes they return.
        let h = parse(TEXTBOOK[3].1).unwrap();
        assert_eq!(minimal_core(&h, sequential).map(|c| c.len()), Some(6));
        // New, then old, by one client: causal breaks on three operations; an unrelated
        // write is left out.
        let h = parse("A w1 0-10; B r1 20-30; B r0 40-50; C w7 0-5").unwrap();
        assert_eq!(minimal_core(&h, causal), Some(vec![0, 1, 2]));
        // The stale read: the write and the read that missed it, nothing else.
        let h = parse("A w1 0-10; C w5 100-110; B r0 20-30").unwrap();
        let core = minimal_core(&h, linearizable).unwrap();
        assert_eq!(
            format(&History {
                initial: h.initial,
                ops: core.iter().map(|&i| h.ops[i]).collect()
            }),
            "A w1 0-10; B r0 20-30"
        );
    }
}
