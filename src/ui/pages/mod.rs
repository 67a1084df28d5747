//! One folder per page: its adapter (how the protocol looks, its narration and commands),
//! its texts (en + zh), its page definition ([`crate::ui::core::page::PageDef`]) and, where
//! it has one, its own body. A page is added here and in [`crate::ui::registry`].

pub mod bloom;
pub mod cap;
pub mod consistency_models;
pub mod failure_detector;
pub mod gossip;
pub mod lease;
pub mod lock;
pub mod paxos;
pub mod primary_secondary;
pub mod quorum;
pub mod raft;
pub mod redlock;
pub mod ring;
pub mod snowflake;
pub mod three_pc;
pub mod two_pc;
