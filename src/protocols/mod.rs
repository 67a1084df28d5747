//! One folder per protocol: each is a sans-IO state machine on the [`crate::sim`] engine.

pub mod paxos;
pub mod raft;
