//! # Primary-secondary replication (主从复制)
//!
//! The course notes' primary-secondary protocol (Liu Jie, *Principles of distributed
//! systems*, §2.2; the same shape as MySQL's replication modes and Kafka's high-water
//! mark). Replicas `S1..Sn`, one of them the primary; clients `C1, C2` send it reads and
//! writes.
//!
//! - **Writes go to the primary**, which appends them to its log and ships the log to every
//!   secondary (an `Append` carries the entries after the secondary's last known position;
//!   the same message with no entries is the heartbeat).
//! - **When the client hears "ok"** depends on the mode: *synchronous* after every
//!   secondary stored the write, *semi-synchronous* after `k` of them, *asynchronous* at
//!   once (the primary's own copy only).
//! - **High-water mark** (高水位线): the last entry a majority of replicas store. Reads are
//!   served by the primary at the high-water mark, so a reader never sees a write that a
//!   failover could still take back.
//! - **Failover** (故障切换): a secondary that hears nothing from the primary for a failover
//!   timeout asks the others for their votes in a new epoch; a replica votes once per
//!   epoch, and only for a candidate whose log is at least as up to date as its own
//!   (the last entry's epoch, then the length: Raft's rule, §5.4.1). A majority makes it
//!   primary; its log is the truth, and the others drop whatever they hold beyond it.
//!   A write acknowledged from the old primary's copy alone (asynchronous mode) is then
//!   **lost**: the client was told "ok", and no replica has it any more.

pub mod client;
pub mod invariants;
pub mod msg;
pub mod node;
pub mod presets;
pub mod replica;

pub use invariants::{PsMonitor, NO_LOST_WRITES};
pub use msg::{Entry, OpId, PsCmd, PsMsg, PsNote, PsTimer};
pub use node::{Mode, PsConfig, PsNode};
pub use presets::PsPreset;
