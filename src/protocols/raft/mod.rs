//! # Raft
//!
//! Ongaro & Ousterhout, "In Search of an Understandable Consensus Algorithm" (USENIX ATC
//! 2014). This module follows the paper's Figure 2 rule by rule:
//!
//! - **Election** (§5.2): a follower that hears nothing for a randomized election timeout
//!   becomes a candidate, increments `currentTerm`, votes for itself and sends
//!   `RequestVote`. A majority of votes makes it leader; a message with a higher term turns
//!   any node back into a follower.
//! - **Voting** (§5.4.1): a node grants at most one vote per term, and only to a candidate
//!   whose log is at least as up-to-date as its own (last term, then last index).
//! - **Log replication** (§5.3): the leader sends `AppendEntries` with
//!   `prevLogIndex`/`prevLogTerm`; a follower rejects a mismatch, and the leader backs
//!   `nextIndex` off by one and retries, which repairs divergent logs (Figure 7).
//! - **Commit** (§5.4.2): the leader advances `commitIndex` only by counting replicas of
//!   an entry from its *current* term.
//! - **Persistence**: `currentTerm`, `votedFor` and `log` survive a crash; `commitIndex`,
//!   the role and the leader's `nextIndex[]`/`matchIndex[]` do not.
//!
//! Invariants from Figure 3 are checked live by [`invariants::RaftMonitor`].

pub mod invariants;
pub mod log;
pub mod msg;
pub mod node;
pub mod presets;

pub use invariants::RaftMonitor;
pub use log::RaftLog;
pub use msg::{Entry, RaftCmd, RaftMsg, RaftNote, RaftTimer};
pub use node::{HardState, InFlightAppend, RaftConfig, RaftNode, Role, Volatile};
pub use presets::RaftPreset;

/// The live leader with the highest term, if any (a deposed leader may not know it yet):
/// who a client, a test or an experiment talks to.
pub fn current_leader(w: &crate::sim::World<RaftNode>) -> Option<crate::sim::NodeId> {
    (0..w.len())
        .filter(|&i| w.is_alive(i) && w.node(i).role() == Role::Leader)
        .max_by_key(|&i| w.node(i).term())
}
