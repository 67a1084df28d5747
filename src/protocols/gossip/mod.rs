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
//!
//! **Rounds are synchronous**: every node's round starts at the same multiple of `period`,
//! and a node passes on only what it knew when the round began (a pull is answered from
//! that snapshot; a node infected during a round pushes from the next one). News thus
//! moves one hop per round, as in the papers' model, and [`theory`] gives the finite-`n`
//! spread to compare with. Round `r` is the time `[r·period, (r+1)·period)`.

pub mod node;
pub mod theory;

pub use node::{
    GossipCmd, GossipConfig, GossipMsg, GossipNode, GossipNote, GossipTimer, Mode, Termination,
};

use crate::sim::SimTime;

/// The round (see the module's note) that time `t` falls in.
pub fn round_of(t: SimTime, period: SimTime) -> u64 {
    t / period.max(1)
}

/// Rounds of gossip that ran from the round in which the rumour started to the round in
/// which the last node learned it, given when each node learned it (`None` if some node
/// has not). A node reached by a message sent at round `r`'s tick counts `r` rounds after
/// the start; the starting node counts zero.
pub fn rounds_to_reach(
    heard: impl IntoIterator<Item = Option<SimTime>>,
    period: SimTime,
) -> Option<u64> {
    let rounds: Vec<u64> = heard
        .into_iter()
        .map(|t| t.map(|t| round_of(t, period)))
        .collect::<Option<_>>()?;
    Some(rounds.iter().max()? - rounds.iter().min()?)
}
