//! # CAP under a partition (CAP 定理, BASE)
//!
//! A replicated register on 3–7 servers with a client on each end (Brewer's conjecture,
//! Gilbert & Lynch 2002; the course notes' CAP and BASE sections). When the network
//! splits, the servers must choose:
//!
//! - **CP**: every read and write needs a majority (a quorum register, ABD: a write stores
//!   `newest + 1` on a majority, a read writes the newest back), so the minority side
//!   **refuses** — consistent, not available there.
//! - **AP**: every server answers from its own copy — available on both sides, and the
//!   copies **diverge**. When they meet again (anti-entropy), the **last writer wins**
//!   (losing the other acknowledged write) or both writes stay as **siblings** until a
//!   client's write merges them (BASE: eventually consistent).
//!
//! Without a partition, PACELC's second half: CP pays a majority round trip on every
//! operation (latency), AP answers locally.

pub mod client;
pub mod invariants;
pub mod msg;
pub mod node;
pub mod presets;
pub mod server;

pub use invariants::{CapMonitor, CP_MAJORITY};
pub use msg::{CapCmd, CapMsg, CapNote, CapTimer, Item, OpId, Stamp, Value};
pub use node::{CapConfig, CapNode, Merge, Mode};
pub use presets::CapPreset;
