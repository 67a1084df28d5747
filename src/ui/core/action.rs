//! What a user (or a test, or a link) can do to any page.

use crate::sim::{NetConfig, NodeId};

/// What the user can do to any page.
#[derive(Clone, Debug, PartialEq)]
pub enum UiAction {
    Crash(NodeId),
    Restart(NodeId),
    Cut(NodeId, NodeId),
    Heal(NodeId, NodeId),
    Partition(Vec<Vec<NodeId>>),
    HealAll,
    DropMsg(u64),
    SetNet(NetConfig),
    /// A protocol command by its id (`request`, `timeout`, `propose`, `begin`, `vote-no`).
    Command(NodeId, &'static str),
    /// Stop the node for this long (µs): a GC pause (pages of the time chapter).
    Pause(NodeId, crate::sim::SimTime),
    /// Step the node's clock by this many µs (negative: backward).
    ClockJump(NodeId, i64),
    /// A command with the text the user typed (the bloom filter's `insert` of a word).
    Input(NodeId, &'static str, String),
}
