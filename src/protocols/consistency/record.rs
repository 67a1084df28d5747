//! Turning what the replication pages' clients saw into a checkable history.
//!
//! A client tells its operations as [`Seen`]: an operation it gave up on (refused, timed
//! out, failed) is special — a write it gave up on may still have taken effect (a replica
//! stored it), so it stays open forever, on a client index of its own (a client's own
//! operations must stay one after another); a read it gave up on says nothing and is left
//! out.

use super::{History, Op, Operation, Recorded};
use crate::sim::{NodeId, SimTime};

/// One operation as a client saw it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Seen {
    /// (client node, its sequence number): the operation's identity on the page.
    pub id: (NodeId, u64),
    pub op: Op,
    pub invoke: SimTime,
    pub respond: Option<SimTime>,
    /// The client gave up on it.
    pub gave_up: bool,
}

/// Longest history a page checks (the searches' budget is sized for a few hundred); a
/// page hands over at most one operation more per client, enough to say "too long" without
/// reading a long run's whole record on every frame.
pub const MAX_CHECKED_OPS: usize = 400;

/// The history of `clients` (each its operations, oldest first) and each operation's id.
pub fn history(clients: &[Vec<Seen>]) -> (History, Vec<(NodeId, u64)>) {
    let (mut ops, mut ids) = (Vec::new(), Vec::new());
    let mut extra = clients.len();
    for (i, seen) in clients.iter().enumerate() {
        for s in seen {
            let client = match (s.gave_up, s.op) {
                (true, Op::Read(_)) => continue,
                (true, Op::Write(_)) => {
                    extra += 1;
                    extra - 1
                }
                _ => i,
            };
            ops.push(Operation {
                client,
                op: s.op,
                invoke: s.invoke,
                respond: s.respond,
            });
            ids.push(s.id);
        }
    }
    (History { initial: 0, ops }, ids)
}

/// The checker's input for `clients`: names from `name` (by node), an abandoned write's
/// client named after its writer with ✗, keys from `key`.
pub fn recorded(
    clients: &[Vec<Seen>],
    name: impl Fn(NodeId) -> String,
    key: impl Fn((NodeId, u64)) -> u64,
) -> Recorded {
    let (history, ids) = history(clients);
    let mut names: Vec<String> = clients
        .iter()
        .map(|c| c.first().map_or(String::new(), |s| name(s.id.0)))
        .collect();
    for k in names.len()..history.ops.iter().map(|o| o.client + 1).max().unwrap_or(0) {
        let writer = history
            .ops
            .iter()
            .zip(&ids)
            .find(|(o, _)| o.client == k)
            .map(|(_, id)| id.0);
        names.push(writer.map_or(String::new(), |w| format!("{} ✗", name(w))));
    }
    Recorded {
        cut: clients.iter().any(|c| c.len() > MAX_CHECKED_OPS),
        keys: ids.into_iter().map(key).collect(),
        history,
        clients: names,
    }
}

/// An operation's key on a page's diagram and in the checker's witnesses.
pub fn key((client, seq): (NodeId, u64)) -> u64 {
    client as u64 * 1_000_000 + seq
}

/// A fingerprint of what a page's clients saw (rebuild the history only when it changes).
pub fn fingerprint(clients: &[Vec<Seen>]) -> u64 {
    clients.iter().flatten().fold(0u64, |h, s| {
        let op = match s.op {
            Op::Write(v) => v,
            Op::Read(v) => v.map_or(u64::MAX - 1, |v| v + (1 << 40)),
        };
        [
            s.invoke,
            s.respond.unwrap_or(u64::MAX),
            op,
            u64::from(s.gave_up),
        ]
        .into_iter()
        .fold(h, |h, x| (h ^ x).wrapping_mul(0x100_0000_01B3))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abandoned_writes_stay_open_on_their_own_client_and_abandoned_reads_go() {
        let s = |seq, op, invoke, respond, gave_up| Seen {
            id: (7, seq),
            op,
            invoke,
            respond,
            gave_up,
        };
        let c = vec![vec![
            s(1, Op::Write(11), 0, None, true),
            s(2, Op::Read(None), 10, None, true),
            s(3, Op::Read(Some(11)), 20, Some(30), false),
        ]];
        let r = recorded(&c, |n| format!("C{n}"), |(n, q)| n as u64 * 100 + q);
        assert_eq!(r.history.ops.len(), 2);
        assert_eq!(
            (r.history.ops[0].client, r.history.ops[0].respond),
            (1, None)
        );
        assert_eq!(r.history.ops[1].client, 0);
        assert_eq!(r.clients, vec!["C7".to_string(), "C7 ✗".to_string()]);
        assert_eq!(r.keys, vec![701, 703]);
    }
}
