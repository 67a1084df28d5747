//! # Single-decree Basic Paxos
//!
//! Lamport, "Paxos Made Simple" (2001), §2. Roles are separate nodes: proposers
//! `P1..Pp`, acceptors `A1..Aa` and one learner `L`.
//!
//! - **Phase 1** (prepare/promise): a proposer picks a proposal number `n` (a
//!   [`Ballot`]: round, then proposer id, so numbers are unique and totally ordered) and
//!   sends *prepare(n)*. An acceptor that has promised nothing higher promises `n` and
//!   returns the highest-numbered proposal it has accepted.
//! - **Phase 2** (accept/accepted): with promises from a majority, the proposer sends
//!   *accept(n, v)* where `v` is the value of the highest-numbered accepted proposal among
//!   the promises, or its own value if there is none. An acceptor accepts unless it has
//!   promised a higher number.
//! - **Learning**: acceptors tell the learner (and the proposer) what they accepted; a value
//!   accepted by a majority for one number is *chosen*.
//! - **Progress** (§2.4): two proposers can keep pre-empting each other forever (livelock).
//!   Here a proposer retries on a timeout; with a fixed timeout and two proposers half a
//!   period apart, each prepare lands before the other's accept, round after round.
//!   Randomized back-off or a distinguished proposer ends it.
//! - **Persistence**: an acceptor must remember its promise and accepted proposal across a
//!   crash. The "break it" setting makes acceptors forget, and a second value can be chosen;
//!   [`PaxosMonitor`] catches it.

pub mod invariants;
pub mod msg;
pub mod node;
pub mod presets;

pub use invariants::PaxosMonitor;
pub use msg::{Ballot, PaxosCmd, PaxosMsg, PaxosNote, PaxosTimer, Value};
pub use node::{PaxosConfig, PaxosNode, PaxosRole, Phase};
pub use presets::PaxosPreset;
