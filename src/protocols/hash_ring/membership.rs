//! The ring as a run on the engine. One node holds the ring's membership; a join or a
//! leave is a command, so it enters the action log, travels in shared links and is undone
//! by rewind like any fault on the other pages. What is drawn (each key's owner, which keys
//! moved, what `hash mod N` would have moved) is derived from the membership by
//! [`RingLayout::of`], never stored in the run, so checkpoints stay a few bytes.

use std::sync::Arc;

use super::{assign_mod_n_hashed, moved, Ring};
use crate::sim::{Ctx, NoMonitor, NodeId, Protocol};

/// Ids a physical node can have (`N0`..`N63`); at most [`MAX_MEMBERS`] at once.
pub const MAX_ID: u32 = 64;
/// At most this many physical nodes on the ring.
pub const MAX_MEMBERS: usize = 20;

/// A change of membership.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RingCmd {
    /// A new physical node joins (the next unused id).
    Join,
    /// Physical node `N{id}` leaves.
    Leave(u32),
}

/// What the ring did, for the narration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RingNote {
    Joined {
        node: u32,
        members: usize,
    },
    Left {
        node: u32,
        members: usize,
    },
    /// The ring is full, or the last node cannot leave, or the node is not on the ring.
    Refused,
}

/// The membership before and after the last change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LastChange {
    pub added: bool,
    pub node: u32,
    pub before: Vec<u32>,
}

/// The node that holds the ring's membership (sans-IO: it only reacts to commands).
#[derive(Clone, Debug)]
pub struct RingNode {
    vnodes: usize,
    members: Vec<u32>,
    next_id: u32,
    last: Option<LastChange>,
}

impl RingNode {
    /// A ring of physical nodes `N0..N{nodes-1}` with `vnodes` virtual nodes each.
    pub fn new(nodes: usize, vnodes: usize) -> RingNode {
        let nodes = nodes.clamp(1, MAX_MEMBERS) as u32;
        RingNode {
            vnodes: vnodes.max(1),
            members: (0..nodes).collect(),
            next_id: nodes,
            last: None,
        }
    }
    /// The physical nodes on the ring, ascending.
    pub fn members(&self) -> &[u32] {
        &self.members
    }
    pub fn vnodes(&self) -> usize {
        self.vnodes
    }
    /// The last join or leave, if any.
    pub fn last(&self) -> Option<&LastChange> {
        self.last.as_ref()
    }
}

impl Protocol for RingNode {
    type Msg = ();
    type Timer = ();
    type Cmd = RingCmd;
    type Note = RingNote;
    type Monitor = NoMonitor;

    fn on_start(&mut self, _: &mut Ctx<Self>) {}
    fn on_msg(&mut self, _: NodeId, _: (), _: &mut Ctx<Self>) {}
    fn on_timer(&mut self, _: (), _: &mut Ctx<Self>) {}

    fn on_cmd(&mut self, cmd: RingCmd, cx: &mut Ctx<Self>) {
        let before = self.members.clone();
        let (added, node) = match cmd {
            RingCmd::Join if self.members.len() < MAX_MEMBERS && self.next_id < MAX_ID => {
                let id = self.next_id;
                self.next_id += 1;
                self.members.push(id);
                self.members.sort_unstable();
                (true, id)
            }
            RingCmd::Leave(id) if self.members.len() > 1 && self.members.contains(&id) => {
                self.members.retain(|m| *m != id);
                (false, id)
            }
            _ => {
                cx.note(RingNote::Refused);
                return;
            }
        };
        let members = self.members.len();
        cx.note(if added {
            RingNote::Joined { node, members }
        } else {
            RingNote::Left { node, members }
        });
        self.last = Some(LastChange {
            added,
            node,
            before,
        });
    }

    fn offered_commands(&self, _: u64) -> Vec<RingCmd> {
        let mut out = vec![RingCmd::Join];
        out.extend(self.members.iter().map(|m| RingCmd::Leave(*m)));
        out
    }
}

/// Everything the page draws, derived from a [`RingNode`] and the keys' hashes.
#[derive(Debug)]
pub struct RingLayout {
    pub ring: Ring,
    pub hashes: Arc<Vec<u64>>,
    /// Each key's owner now.
    pub owners: Vec<u32>,
    /// Which keys the last change moved.
    pub moved_mask: Vec<bool>,
    /// How many keys the last change moved, and how many `hash mod N` would have moved.
    pub moved: usize,
    pub mod_n: usize,
    pub last: Option<LastChange>,
}

impl RingLayout {
    /// The layout of `node`'s ring for the keys with these hashes.
    pub fn of(node: &RingNode, hashes: Arc<Vec<u64>>) -> RingLayout {
        let ring = Ring::new(node.members(), node.vnodes());
        let owners = ring.assign_hashed(&hashes);
        let (moved_mask, moved_count, mod_n) = match node.last() {
            Some(c) => {
                let before = Ring::new(&c.before, node.vnodes()).assign_hashed(&hashes);
                let mask: Vec<bool> = before.iter().zip(&owners).map(|(a, b)| a != b).collect();
                let mod_n = moved(
                    &assign_mod_n_hashed(&c.before, &hashes),
                    &assign_mod_n_hashed(node.members(), &hashes),
                );
                (mask, moved(&before, &owners), mod_n)
            }
            None => (vec![false; hashes.len()], 0, 0),
        };
        RingLayout {
            ring,
            hashes,
            owners,
            moved_mask,
            moved: moved_count,
            mod_n,
            last: node.last().cloned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocols::hash_ring::key_hashes;
    use crate::sim::{Action, World, WorldConfig, SEC};

    fn world(nodes: usize) -> World<RingNode> {
        World::new(WorldConfig::default(), vec![RingNode::new(nodes, 100)])
    }

    #[test]
    fn a_join_moves_about_one_key_in_n_plus_one_and_mod_n_moves_most() {
        let hashes = Arc::new(key_hashes(20_000));
        let mut w = world(9);
        w.apply(Action::Command(0, RingCmd::Join));
        let l = RingLayout::of(w.node(0), hashes.clone());
        assert_eq!(w.node(0).members().len(), 10);
        assert_eq!(l.last.as_ref().map(|c| (c.added, c.node)), Some((true, 9)));
        // 1/10 of 20,000 keys is 2,000; 100 virtual nodes keep the share within ±25 %
        // (the spread of a node's share with v = 100 is about 1/sqrt(v) = 10 %).
        assert!((1_500..=2_500).contains(&l.moved), "{}", l.moved);
        assert_eq!(l.moved, l.moved_mask.iter().filter(|m| **m).count());
        // mod N moves 1 - 1/10 of the keys: about 18,000.
        assert!(l.mod_n > 16_000, "{}", l.mod_n);
        // Every moved key went to the new node.
        for (i, m) in l.moved_mask.iter().enumerate() {
            if *m {
                assert_eq!(l.owners[i], 9);
            }
        }
    }

    #[test]
    fn leaves_and_refusals() {
        let mut w = world(2);
        w.apply(Action::Command(0, RingCmd::Leave(1)));
        assert_eq!(w.node(0).members(), &[0]);
        // The last node cannot leave, and an unknown node cannot.
        w.apply(Action::Command(0, RingCmd::Leave(0)));
        w.apply(Action::Command(0, RingCmd::Leave(7)));
        assert_eq!(w.node(0).members(), &[0]);
        let refused = w
            .trace()
            .recent()
            .filter(|e| {
                matches!(
                    e.kind,
                    crate::sim::TraceKind::Note {
                        note: RingNote::Refused,
                        ..
                    }
                )
            })
            .count();
        assert_eq!(refused, 2);
        // Joins take fresh ids (N1 left: the next joiner is N2), up to the limit.
        w.apply(Action::Command(0, RingCmd::Join));
        assert_eq!(w.node(0).members(), &[0, 2]);
        for _ in 0..40 {
            w.apply(Action::Command(0, RingCmd::Join));
        }
        assert_eq!(w.node(0).members().len(), MAX_MEMBERS);
        w.run_until(SEC);
    }
}
