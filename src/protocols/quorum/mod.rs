//! # Quorum NWR (Dynamo-style quorum replication)
//!
//! The course notes' Quorum NWR mechanism (Liu Jie, *Principles of distributed systems*,
//! §2.4; DeCandia et al., *Dynamo*, SOSP 2007, §4.5–4.6): one key on `N` replicas (副本数
//! N), a write acknowledged by `W` of them (写票数 W), a read answered by `R` (读票数 R).
//!
//! - **Version numbers** (版本号): a write first asks R replicas for their version and
//!   goes out as the newest plus one; a replica keeps a write only if it is newer than
//!   what it holds; a read returns the highest version among its R replies.
//! - **W + R > N**: every read quorum shares a replica with every write quorum, so a read
//!   sees every write acknowledged before it began. With W + R ≤ N it can miss it: a
//!   **stale read**, marked on the history.
//! - **A failed write is not rolled back**: a write that reached fewer than W replicas is
//!   reported failed, yet the replicas that stored it keep it and a later read can
//!   return it.
//! - **Read repair** (读修复): the newest version a read found goes back to the replicas
//!   that answered with an older one (in the background, or before answering).
//! - **Sloppy quorum and hinted handoff** (Dynamo §4.6): when home replicas are silent,
//!   the next servers stand in, keep the write with a hint, and hand it over when the
//!   home replica is reachable again. Writes stay available under a partition — and a
//!   read on the home replicas can miss a write that "succeeded" on stand-ins.

pub mod client;
pub mod invariants;
pub mod msg;
pub mod node;
pub mod presets;
pub mod replica;
pub mod theory;

pub use invariants::{QMonitor, NO_STALE_READS};
pub use msg::{OpId, QCmd, QMsg, QNote, QTimer, Value, Version};
pub use node::{QConfig, QNode, Repair};
pub use presets::QPreset;
