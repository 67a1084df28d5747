//! Consistency models, checked on recorded histories of a single read/write register
//! (issue 13's checker, the ground truth behind the consistency-models page).
//!
//! A history is what clients saw: each operation's invocation and response times and
//! results (Herlihy & Wing 1990, §2). [`linearizable`] asks whether some order of the
//! operations respects real time and the register's rules; [`sequential`] drops real time
//! and keeps only each client's own order (Lamport 1979). Both are real searches with
//! memoisation and a budget: past it they answer [`Verdict::Unknown`] instead of hanging.
//! [`causal`] keeps only what each client's view must respect (Ahamad et al. 1995), and
//! [`session`] checks the four session guarantees of Terry et al. (1994), each violation
//! with its witness. [`check`] runs them all and names the strongest model that holds.

pub mod causal;
pub mod counterexample;
pub mod linearizable;
pub mod play;
pub mod record;
pub mod sequential;
pub mod session;
pub mod text;

pub use causal::{causal, causal_per_client};
pub use linearizable::{linearizable, stale_read, StaleRead};
pub use sequential::sequential;
pub use session::{session, Guarantee, SessionViolation, WriteOrder};

use crate::sim::SimTime;

/// A history as a page recorded it, ready for the checker: the clients' names (client `k`
/// of the history is `clients[k]`) and each operation's key (how the page draws it, in
/// the history's order).
#[derive(Clone, Debug, PartialEq)]
pub struct Recorded {
    pub history: History,
    pub clients: Vec<String>,
    pub keys: Vec<u64>,
    /// Only the start of a longer history was handed over (more than
    /// [`record::MAX_CHECKED_OPS`] operations of one client): too long to check.
    pub cut: bool,
}

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
    /// The search met its budget before deciding: the states it explored, and the most
    /// operations it managed to place in one order (what remains is the rest).
    Unknown { explored: usize, deepest: usize },
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

/// The search both checkers share: a depth-first search for an order of operations from
/// `start`. `moves(state)` says `None` when every operation that must be placed is, else
/// lists the operations that may come next with the state each leads to. A state is
/// explored once (a failed state fails again); past [`BUDGET`] states the answer is
/// [`Verdict::Unknown`].
pub(crate) fn find_order<S: Ord + Clone>(
    start: S,
    moves: impl Fn(&S) -> Option<Vec<(usize, S)>>,
) -> Verdict {
    struct Search<S, M> {
        moves: M,
        seen: std::collections::BTreeSet<S>,
        order: Vec<usize>,
        explored: usize,
        deepest: usize,
    }
    impl<S: Ord + Clone, M: Fn(&S) -> Option<Vec<(usize, S)>>> Search<S, M> {
        /// `Some(found)`, or `None` past the budget.
        fn go(&mut self, state: &S) -> Option<bool> {
            let Some(next) = (self.moves)(state) else {
                return Some(true);
            };
            self.explored += 1;
            if self.explored > BUDGET {
                return None;
            }
            for (op, after) in next {
                if !self.seen.insert(after.clone()) {
                    continue;
                }
                self.order.push(op);
                self.deepest = self.deepest.max(self.order.len());
                match self.go(&after) {
                    Some(false) => {
                        self.order.pop();
                    }
                    decided => return decided,
                }
            }
            Some(false)
        }
    }
    let mut s = Search {
        moves,
        seen: Default::default(),
        order: Vec::new(),
        explored: 0,
        deepest: 0,
    };
    match s.go(&start) {
        Some(true) => Verdict::Holds(s.order),
        Some(false) => Verdict::Violated,
        None => Verdict::Unknown {
            explored: s.explored,
            deepest: s.deepest,
        },
    }
}

/// Operations that constrain an order: reads without a result say nothing and are left out.
pub(crate) fn relevant(h: &History) -> Vec<usize> {
    (0..h.ops.len())
        .filter(|&i| h.ops[i].op != Op::Read(None))
        .collect()
}

/// The consistency models, strongest first (each implies the ones after it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Model {
    Linearizable,
    Sequential,
    Causal,
    /// None of the above: at most eventually consistent (a finite history cannot show
    /// convergence, only its absence of the stronger orders).
    Eventual,
}

/// Everything the checker says about one history.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub linearizable: Verdict,
    pub sequential: Verdict,
    pub causal: Verdict,
    /// The session guarantees it breaks (empty: all four hold), writes ordered as a
    /// single primary orders them ([`WriteOrder::RealTime`]).
    pub session: Vec<SessionViolation>,
}

impl Report {
    /// The strongest model the history satisfies, or `None` when a search met its budget
    /// before that could be decided.
    pub fn strongest(&self) -> Option<Model> {
        for (v, m) in [
            (&self.linearizable, Model::Linearizable),
            (&self.sequential, Model::Sequential),
            (&self.causal, Model::Causal),
        ] {
            match v {
                Verdict::Holds(_) => return Some(m),
                Verdict::Unknown { .. } => return None,
                Verdict::Violated => {}
            }
        }
        Some(Model::Eventual)
    }
}

/// Check `h` against every model, stopping the stronger searches once a weaker one fails
/// (a history that is not causal is neither sequential nor linearizable).
pub fn check(h: &History) -> Report {
    let causal = causal(h);
    let sequential = if causal == Verdict::Violated {
        Verdict::Violated
    } else {
        sequential(h)
    };
    let linearizable = if sequential == Verdict::Violated {
        Verdict::Violated
    } else {
        linearizable(h)
    };
    Report {
        linearizable,
        sequential,
        causal,
        session: session(h, WriteOrder::RealTime),
    }
}
