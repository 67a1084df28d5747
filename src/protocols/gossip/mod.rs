//! # Gossip (epidemic) dissemination
//!
//! Demers et al., "Epidemic Algorithms for Replicated Database Maintenance" (PODC 1987);
//! Karp et al., "Randomized Rumor Spreading" (FOCS 2000). Every `period` each node contacts
//! `fanout` random peers:
//!
//! - **push**: an infected (rumour-holding, still active) node sends the rumour;
//! - **pull**: a susceptible node asks, and an infected peer answers with the rumour;
//! - **push-pull**: both.
//!
//! **Rumour mongering** stops an infected node spreading: after `k` contacts with nodes
//! that already knew (counter), or with probability `1/k` after each such contact (coin).
//! Stopping early can leave **residue** — nodes never reached. **Anti-entropy** (every
//! `anti_entropy` rounds, a full exchange with one random peer) eventually reaches them.
//! [`theory`] gives the mean-field spread curve to compare with.

pub mod node;
pub mod theory;

pub use node::{
    GossipCmd, GossipConfig, GossipMsg, GossipNode, GossipNote, GossipTimer, Mode, Termination,
};
