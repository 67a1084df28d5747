//! Named safety invariants, checked after every step of the world.

use super::node::{NodeId, Protocol};
use super::time::SimTime;

/// A broken rule: which one, which nodes, when, and a sentence of detail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// The rule's name as the paper gives it, e.g. "Election Safety".
    pub rule: &'static str,
    /// The nodes involved.
    pub nodes: Vec<NodeId>,
    /// When it was detected.
    pub at: SimTime,
    /// What exactly is wrong (English; the rule name is the translated part).
    pub detail: String,
}

/// A checker that watches the nodes after every step. It may keep history ("ghost
/// state"), e.g. which leader was seen for each term.
pub trait Monitor<P: Protocol> {
    /// Look at the nodes (and which are up) at `now`; report what is broken.
    fn check(&mut self, now: SimTime, nodes: &[&P], alive: &[bool], out: &mut Vec<Violation>);
}

/// A monitor that checks nothing.
#[derive(Clone, Debug, Default)]
pub struct NoMonitor;

impl<P: Protocol> Monitor<P> for NoMonitor {
    fn check(&mut self, _: SimTime, _: &[&P], _: &[bool], _: &mut Vec<Violation>) {}
}
