//! # Two-phase commit
//!
//! Gray, "Notes on Data Base Operating Systems" (1978); Bernstein, Hadzilacos & Goodman,
//! ch. 7. One coordinator `C`, participants `P1..Pk`.
//!
//! - **Prepare phase** (准备阶段): the coordinator sends *prepare*; each participant votes.
//!   A *yes* vote is a promise: the participant force-writes a prepared record and holds
//!   its locks until it learns the decision. A *no* vote aborts it at once.
//! - **Commit phase** (提交阶段): all yes ⇒ commit, otherwise (or on a vote timeout) abort.
//!   The coordinator force-writes the decision to its log *before* sending it, then sends
//!   it to the participants one after another.
//! - **Blocking** (同步阻塞): a yes voter cannot decide alone. If the coordinator crashes
//!   after collecting votes but before the decision is out, every yes voter is blocked,
//!   holding locks, asking the coordinator again and again, until it restarts and recovers
//!   from its log (a logged decision is re-sent; no logged decision means presumed abort).

pub mod msg;
pub mod node;
pub mod presets;

pub use msg::{TpcCmd, TpcMsg, TpcNote, TpcTimer};
pub use node::{CoordPhase, PartState, TwoPcConfig, TwoPcNode};
pub use presets::TwoPcPreset;
