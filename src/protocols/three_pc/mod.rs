//! # Three-phase commit
//!
//! Skeen, "Nonblocking Commit Protocols" (SIGMOD 1981). One coordinator `C`, participants
//! `P1..Pk`; phases CanCommit → PreCommit → DoCommit, with timeouts on both sides:
//!
//! - a participant that times out **before** PreCommit (it only voted yes) aborts;
//! - a participant that times out **after** PreCommit commits on its own (超时后默认提交):
//!   PreCommit means everyone voted yes;
//! - the coordinator aborts if votes or PreCommit acknowledgements do not all arrive.
//!
//! So a coordinator crash after PreCommit no longer blocks anyone (contrast 2PC). The price:
//! under a network partition, participants on one side may be told to abort while those
//! on the other side, already pre-committed, time out and commit. The atomicity monitor
//! catches exactly that.

pub mod msg;
pub mod node;
pub mod presets;

pub use super::two_pc::TpcCmd as ThreeCmd;
pub use msg::{TerminationRule, ThreeMsg, ThreeNote, ThreeTimer};
pub use node::{Coord3, Part3, ThreePcConfig, ThreePcNode};
pub use presets::ThreePcPreset;
