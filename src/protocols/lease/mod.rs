//! # Leases: read leases on caches, and a leader lease
//!
//! The course notes' lease mechanism (租约, Gray & Cheriton, "Leases: An Efficient
//! Fault-Tolerant Mechanism for Distributed File Cache Consistency", SOSP 1989): a server
//! S grants a holder the right to serve the key from its copy for a period, without
//! asking; a write waits until every holder has given its lease up or the lease has
//! expired. Expiry is a matter of clocks: the holder counts its lease from the moment it
//! asked, less a margin, so it ends first — as long as its clock does not run slower than
//! the server's by more than margin/period (the page's bound). Break the bound (clock
//! drift) and a cache serves a value the server has overwritten.
//!
//! In **leader mode** the lease is exclusive: the holder is the primary and answers
//! reads locally. A primary that checks its lease, is paused longer than the lease, and
//! then answers, acts as primary while another has been made primary — the double-master
//! window; checking again before answering closes it (for a clock that keeps time).

pub mod holder;
pub mod invariants;
pub mod msg;
pub mod node;
pub mod presets;
pub mod server;
pub mod writer;

pub use invariants::{LeaseMonitor, NO_STALE_READ, ONE_PRIMARY};
pub use msg::{LeaseCmd, LeaseMsg, LeaseNote, LeaseTimer, Versioned};
pub use node::{LeaseConfig, LeaseNode, Mode, SERVER};
pub use presets::LeasePreset;
