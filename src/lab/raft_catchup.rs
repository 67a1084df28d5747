//! How much work a Raft leader spends bringing a lagging follower up to date: a follower
//! is down while the leader takes `gap` requests, then restarts; we count the engine's
//! events until its log matches the leader's. With one replication stream per follower
//! and the follower's length as a hint on rejection, that is linear in the gap (a batch of
//! `max_batch` entries per round trip, plus heartbeats): the bench prints it per entry
//! (`raft.catchup_events_per_entry`).

use crate::protocols::raft::{current_leader, RaftCmd, RaftConfig, RaftNode};
use crate::sim::{Action, NetConfig, World, WorldConfig, MS, SEC};

/// What one catch-up cost.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CatchUp {
    /// Engine events from the follower's restart until its log matched.
    pub events: u64,
    /// Virtual time that took (µs).
    pub took: u64,
}

/// A 5-server cluster (10–15 ms latency); one follower is down while the leader takes
/// `gap` requests (one every millisecond), then restarts. `None` if it had not caught up
/// within a minute of virtual time.
pub fn catch_up(seed: u64, gap: u64) -> Option<CatchUp> {
    let net = NetConfig {
        latency_min: 10 * MS,
        latency_max: 15 * MS,
        loss: 0.0,
        duplicate: 0.0,
    };
    let mut w = World::new(
        WorldConfig::batch(seed, net, false),
        (0..5)
            .map(|_| RaftNode::new(RaftConfig::default()))
            .collect(),
    );
    while current_leader(&w).is_none() && w.now() < 10 * SEC {
        w.step();
    }
    let l = current_leader(&w)?;
    let lagging = (l + 1) % 5;
    w.apply(Action::Crash(lagging));
    for cmd in 0..gap {
        w.apply(Action::Command(l, RaftCmd::ClientRequest(cmd)));
        let t = w.now() + MS;
        w.run_until(t);
    }
    // Let the others finish replicating before the follower comes back.
    let t = w.now() + SEC;
    w.run_until(t);
    let (start_events, start) = (w.events_processed(), w.now());
    w.apply(Action::Restart(lagging));
    while w.now() - start < 60 * SEC {
        let current = current_leader(&w)?;
        if w.node(lagging).log() == w.node(current).log() {
            return Some(CatchUp {
                events: w.events_processed() - start_events,
                took: w.now() - start,
            });
        }
        if !w.step() {
            break;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catching_up_is_linear_in_the_gap() {
        // Before one stream per follower: 852 events for a gap of 100, 90,423 for 400.
        let per_entry: Vec<f64> = [100, 400, 1_000]
            .iter()
            .map(|&gap| {
                let c = catch_up(1, gap).expect("caught up");
                c.events as f64 / gap as f64
            })
            .collect();
        assert!(per_entry.iter().all(|e| *e <= 10.0), "{per_entry:?}");
        // Linear: the cost per entry does not grow with the gap.
        assert!(per_entry[2] <= per_entry[0] * 1.5, "{per_entry:?}");
    }
}
