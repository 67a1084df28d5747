//! The page's rule: **storage never accepts a write with an older fencing token than one
//! it has already seen** — so whoever lost the lock (expired while paused) cannot
//! overwrite the work of whoever got it next. Fencing promises it; with fencing off the
//! monitor reports the first such write.
//!
//! Counted beside it, in every setting: critical sections that overlapped (two clients
//! between their grant and their write's answer at the same moment), and lost updates
//! (increments acknowledged minus the counter's value).

use super::client::{Job, Outcome};
use super::node::LockNode;
use crate::sim::Detail;
use crate::sim::{Monitor, NodeId, SimTime, Violation};

/// A violation sentence ([`Detail`]): the values go where `{0}`, `{1}`… stand.
pub const OLDER_TOKEN_ACCEPTED: &str =
    "{0} accepted {1}'s write with token {2} after it had seen token {3}";

pub const FENCED_WRITES: &str = "storage never accepts an older fencing token";

#[derive(Clone, Debug, Default)]
pub struct LockMonitor {
    judged: usize,
    reported: bool,
}

/// A job's critical section: from its grant to the answer to its write (or its end).
fn section(j: &Job, now: SimTime) -> Option<(SimTime, SimTime)> {
    let (from, _) = j.granted?;
    Some((from, j.end.unwrap_or(now)))
}

/// Pairs of clients whose critical sections overlapped: (client, client, from, to).
pub fn overlaps(nodes: &[&LockNode], now: SimTime) -> Vec<(NodeId, NodeId, SimTime, SimTime)> {
    let sections: Vec<(NodeId, SimTime, SimTime)> = nodes
        .iter()
        .enumerate()
        .filter_map(|(id, n)| Some((id, n.client()?)))
        .flat_map(|(id, c)| {
            c.jobs()
                .iter()
                .filter_map(move |j| section(j, now).map(|(a, b)| (id, a, b)))
        })
        .collect();
    overlapping(&sections)
}

/// Pairs of windows of different clients that overlapped, given as (client, from, to):
/// (client, client, from, to) of each overlap, in the order of the windows' list.
/// A sweep in order of start: each window is compared only with the earlier-started
/// ones still open when it starts (one or two, a lock being exclusive), not with every
/// window of the run — pages ask for this every frame.
pub fn overlapping(
    windows: &[(NodeId, SimTime, SimTime)],
) -> Vec<(NodeId, NodeId, SimTime, SimTime)> {
    let mut by_start: Vec<usize> = (0..windows.len()).collect();
    by_start.sort_by_key(|&i| windows[i].1);
    let mut open: Vec<usize> = Vec::new();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for i in by_start {
        let b = windows[i];
        open.retain(|&k| windows[k].2 > b.1);
        for &k in &open {
            let a = windows[k];
            if a.0 != b.0 && a.1 < b.2 && b.1 < a.2 {
                pairs.push((k.min(i), k.max(i)));
            }
        }
        open.push(i);
    }
    pairs.sort_unstable();
    pairs
        .into_iter()
        .map(|(i, j)| {
            let (a, b) = (windows[i], windows[j]);
            (a.0.min(b.0), a.0.max(b.0), a.1.max(b.1), a.2.min(b.2))
        })
        .collect()
}

/// Increments the clients were told succeeded, and how many of them the counter lacks.
pub fn lost_updates(nodes: &[&LockNode]) -> (u64, u64) {
    let acked = nodes
        .iter()
        .filter_map(|n| n.client())
        .flat_map(|c| c.jobs())
        .filter(|j| j.outcome == Outcome::Written)
        .count() as u64;
    let value = nodes
        .iter()
        .find_map(|n| n.storage())
        .map_or(0, |s| s.value());
    (acked, acked.saturating_sub(value))
}

impl Monitor<LockNode> for LockMonitor {
    fn check(
        &mut self,
        now: SimTime,
        nodes: &[&LockNode],
        _alive: &[bool],
        out: &mut Vec<Violation>,
    ) {
        let Some((id, s)) = nodes
            .iter()
            .enumerate()
            .find_map(|(i, n)| Some((i, n.storage()?)))
        else {
            return;
        };
        while let Some(w) = s.writes().get(self.judged) {
            self.judged += 1;
            if w.accepted && w.older && !self.reported {
                self.reported = true;
                let cfg = nodes[id].config();
                out.push(Violation {
                    rule: FENCED_WRITES,
                    nodes: vec![id, w.client],
                    at: now,
                    detail: Detail::new(
                        OLDER_TOKEN_ACCEPTED,
                        vec![
                            cfg.name(id).to_string(),
                            cfg.name(w.client).to_string(),
                            w.token.to_string(),
                            s.writes()[..self.judged - 1]
                                .iter()
                                .filter(|x| x.accepted)
                                .map(|x| x.token)
                                .max()
                                .unwrap_or_default()
                                .to_string(),
                        ],
                    ),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::overlapping;

    #[test]
    fn overlapping_windows_of_different_clients_only() {
        // Client 0 twice back to back, client 1 across the seam, client 2 long after.
        let w = [
            (0, 0, 10),
            (0, 10, 20),
            (1, 8, 12),
            (2, 30, 40),
            (1, 35, 36),
        ];
        assert_eq!(
            overlapping(&w),
            vec![(0, 1, 8, 10), (0, 1, 10, 12), (1, 2, 35, 36)],
        );
        // Touching windows do not overlap.
        assert!(overlapping(&[(0, 0, 10), (1, 10, 20)]).is_empty());
    }
}
