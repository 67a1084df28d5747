//! One page per protocol, composing components.

pub mod raft;
