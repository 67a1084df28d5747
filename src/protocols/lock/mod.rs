//! # Distributed lock with a TTL, the watchdog, and fencing tokens
//!
//! The course notes' distributed lock (分布式锁) and Kleppmann's argument about it (*How to
//! do distributed locking*, 2016; *Designing Data-Intensive Applications* §8.4, "The truth
//! is defined by the majority" / "Fencing tokens"):
//!
//! - A **lock service** grants the lock with an expiry (过期时间, TTL) measured on its own
//!   clock, so a holder that dies cannot block everyone for ever. Each grant carries a
//!   **fencing token** (栅栏令牌): a number that grows with every grant.
//! - A **client** takes the lock, reads a shared counter from the **storage** node,
//!   works for a while, and writes the counter plus one: an increment that is only safe if
//!   one client at a time does it. A **watchdog** (看门狗) renews the lock every third of
//!   the TTL while the work goes on.
//! - A **pause** (GC 停顿) longer than the TTL stops the holder — and its watchdog — in
//!   the middle of its work: the lock expires, another client takes it, and the first
//!   wakes up believing it still holds the lock, and writes. Without fencing the storage
//!   accepts both writes: one increment is lost. With fencing the storage remembers the
//!   highest token it has seen and refuses a write with an older one (no check a client
//!   does before writing can replace this: a pause can fall between the check and the
//!   write).

pub mod client;
pub mod invariants;
pub mod msg;
pub mod node;
pub mod presets;
pub mod server;
pub mod storage;

pub use invariants::{LockMonitor, FENCED_WRITES};
pub use msg::{LockCmd, LockMsg, LockNote, LockTimer};
pub use node::{LockConfig, LockNode, Role};
pub use presets::LockPreset;
