//! One folder per protocol: each is a sans-IO state machine on the [`crate::sim`] engine.

pub mod atomic_commit;
pub mod bloom;
pub mod cap;
pub mod consistency;
pub mod failure_detector;
pub mod gossip;
pub mod hash_ring;
pub mod lease;
pub mod lock;
pub mod paxos;
pub mod primary_secondary;
pub mod quorum;
pub mod raft;
pub mod redlock;
pub mod snowflake;
pub mod stable_hash;
pub mod three_pc;
pub mod two_pc;
