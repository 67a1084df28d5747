//! Consistency models, checked on recorded histories of a single read/write register
//! (issue 13's checker, the ground truth behind the consistency-models page).
//!
//! A history is what clients saw: each operation's invocation and response times and
//! results (Herlihy & Wing 1990, §2). [`linearizable`] asks whether some order of the
//! operations respects real time and the register's rules; [`sequential`] drops real time
//! and keeps only each client's own order (Lamport 1979). Both are real searches with
//! memoisation and a budget: past it they answer [`Verdict::Unknown`] instead of hanging.

pub mod linearizable;
pub mod sequential;

pub use linearizable::linearizable;
pub use sequential::sequential;

use crate::sim::SimTime;

/// A register value; the register starts at [`History::initial`].
pub type Value = u64;

/// What an operation did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Op {
    Write(Value),
    /// A read and the value it returned (`None`: no response yet, so nothing to check).
    Read(Option<Value>),
}

/// One client operation: who, what, and the interval from invocation to response.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Operation {
    pub client: usize,
    pub op: Op,
    pub invoke: SimTime,
    /// `None`: still pending (a write may or may not have taken effect).
    pub respond: Option<SimTime>,
}

/// A recorded history of one register.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    pub initial: Value,
    pub ops: Vec<Operation>,
}

/// A checker's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// It holds: the witness order (indices into the history's operations; pending
    /// operations that never took effect are left out).
    Holds(Vec<usize>),
    /// No order exists.
    Violated,
    /// The search met its budget (states explored) before deciding.
    Unknown,
}

impl Verdict {
    pub fn holds(&self) -> bool {
        matches!(self, Verdict::Holds(_))
    }
}

/// States a search may explore before it answers [`Verdict::Unknown`].
pub const BUDGET: usize = 2_000_000;

/// A set of operation indices, as bits.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Bits(Vec<u64>);

impl Bits {
    pub(crate) fn new(n: usize) -> Bits {
        Bits(vec![0; n.div_ceil(64)])
    }
    pub(crate) fn has(&self, i: usize) -> bool {
        self.0[i / 64] >> (i % 64) & 1 == 1
    }
    pub(crate) fn with(&self, i: usize) -> Bits {
        let mut b = self.clone();
        b.0[i / 64] |= 1 << (i % 64);
        b
    }
}

/// The register after `op`, or `None` when `op` is a read that saw another value.
pub(crate) fn apply(value: Value, op: Op) -> Option<Value> {
    match op {
        Op::Write(v) => Some(v),
        Op::Read(Some(r)) if r != value => None,
        Op::Read(_) => Some(value),
    }
}

/// Operations that constrain an order: reads without a result say nothing and are left out.
pub(crate) fn relevant(h: &History) -> Vec<usize> {
    (0..h.ops.len())
        .filter(|&i| h.ops[i].op != Op::Read(None))
        .collect()
}
