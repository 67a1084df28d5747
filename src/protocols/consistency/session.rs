//! Session guarantees (Terry, Demers, Petersen, Spreitzer, Theimer & Welch, "Session
//! guarantees for weakly consistent replicated data", 1994), checked on a register whose
//! values are written once. Each names two operations a client saw in the wrong order:
//!
//! - **Read your writes** (读写一致性): after a client's write, its reads see that write or
//!   a later one — not the initial value, not a write that causally precedes it.
//! - **Monotonic reads** (单调读): a client's later read never returns a write older than
//!   one an earlier read returned.
//!
//! "Older" is the order in which the system applies writes ([`WriteOrder`]): at least the
//! causal order; for a system with one copy in charge (a primary, a register behind a
//! quorum) also real time — a write that finished before another began was applied first.
//! - **Monotonic writes**: a client's writes are seen in the order it made them — nobody
//!   reads its second write and later its first.
//! - **Writes follow reads**: a write made after reading `x` is seen after `x` — nobody
//!   reads the later write and then `x`.

use super::{relevant, History, Op};

// (Values are written once: a read's source is the one write of its value.)

/// One of the four guarantees.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Guarantee {
    ReadYourWrites,
    MonotonicReads,
    MonotonicWrites,
    WritesFollowReads,
}

impl Guarantee {
    pub const ALL: [Guarantee; 4] = [
        Guarantee::ReadYourWrites,
        Guarantee::MonotonicReads,
        Guarantee::MonotonicWrites,
        Guarantee::WritesFollowReads,
    ];
}

/// A broken guarantee and its witness: the client whose session shows it, the operation
/// that set the expectation (a write, or an earlier read) and the read that broke it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionViolation {
    pub guarantee: Guarantee,
    pub client: usize,
    pub first: usize,
    pub then: usize,
}

/// Which writes count as older than which.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WriteOrder {
    /// Causally before (program order and writes-into): what every causally consistent
    /// store respects, so a causal history breaks no guarantee.
    Causal,
    /// Causally before, or finished before the other began: the order a primary (or any
    /// single arbiter of writes) gives them. The pages use this one.
    RealTime,
}

/// Every client's operations, in program order.
fn programs(h: &History) -> Vec<Vec<usize>> {
    let clients = h.ops.iter().map(|o| o.client + 1).max().unwrap_or(0);
    let mut p: Vec<Vec<usize>> = vec![Vec::new(); clients];
    for i in relevant(h) {
        p[h.ops[i].client].push(i);
    }
    for list in &mut p {
        list.sort_by_key(|&i| h.ops[i].invoke);
    }
    p
}

/// The write a read returned (`None`: the initial value, or nobody's).
fn source(h: &History, read: usize) -> Option<usize> {
    match h.ops[read].op {
        Op::Read(Some(v)) => h.ops.iter().position(|o| o.op == Op::Write(v)),
        _ => None,
    }
}

/// The first violation of each guarantee, if any (in [`Guarantee::ALL`]'s order), with
/// writes ordered by `order`.
pub fn session(h: &History, order: WriteOrder) -> Vec<SessionViolation> {
    let progs = programs(h);
    let causal = super::causal::causal_order(h);
    // Write `a` was applied before write `b`.
    let older = |a: usize, b: usize| {
        causal.as_ref().is_some_and(|c| c[b].has(a))
            || (order == WriteOrder::RealTime
                && h.ops[a].respond.is_some_and(|t| t < h.ops[b].invoke))
    };
    let is_read = |i: usize| matches!(h.ops[i].op, Op::Read(Some(_)));
    let is_write = |i: usize| matches!(h.ops[i].op, Op::Write(_));
    let reads_initial = |i: usize| h.ops[i].op == Op::Read(Some(h.initial));
    let mut found: Vec<SessionViolation> = Vec::new();
    let mut report = |g: Guarantee, client: usize, first: usize, then: usize| {
        if !found.iter().any(|v| v.guarantee == g) {
            found.push(SessionViolation {
                guarantee: g,
                client,
                first,
                then,
            });
        }
    };
    // "x must be seen before y": for monotonic writes, a client's writes in order; for
    // writes follow reads, the write a client read before its own next writes.
    let mut must_precede: Vec<(usize, usize, Guarantee)> = Vec::new();
    for p in &progs {
        for (k, &a) in p.iter().enumerate() {
            for &b in &p[k + 1..] {
                if is_write(a) && is_write(b) {
                    must_precede.push((a, b, Guarantee::MonotonicWrites));
                }
                if is_read(a) && is_write(b) {
                    if let Some(x) = source(h, a) {
                        must_precede.push((x, b, Guarantee::WritesFollowReads));
                    }
                }
            }
        }
    }
    for (c, p) in progs.iter().enumerate() {
        for (k, &a) in p.iter().enumerate() {
            for &b in p[k + 1..].iter().filter(|&&b| is_read(b)) {
                let sb = source(h, b);
                // Read your writes: `a` is this client's write.
                if is_write(a) && sb != Some(a) {
                    let older = match sb {
                        None => reads_initial(b),
                        Some(x) => older(x, a),
                    };
                    if older {
                        report(Guarantee::ReadYourWrites, c, a, b);
                    }
                }
                if !is_read(a) {
                    continue;
                }
                let sa = source(h, a);
                if sa == sb {
                    continue;
                }
                // Monotonic reads: `b` returned something older than `a` did.
                let went_back = match (sa, sb) {
                    (Some(_), None) => reads_initial(b),
                    (Some(x), Some(y)) => older(y, x),
                    _ => false,
                };
                if went_back {
                    report(Guarantee::MonotonicReads, c, a, b);
                }
                // The other two: `a` saw y, `b` then saw x, though x must precede y.
                if let (Some(y), Some(x)) = (sa, sb) {
                    for &(first, second, g) in &must_precede {
                        if first == x && second == y {
                            report(g, c, a, b);
                        }
                    }
                }
            }
        }
    }
    found.sort_by_key(|v| v.guarantee);
    found
}
