//! The page's rule: **IDs are unique, and increasing per generator** — what snowflake
//! promises while each clock only moves forward and worker ids are distinct. The monitor
//! checks every ID each generator issues, in the order it issued them, and reports the
//! first duplicate (of any generator's) or decrease.

use super::node::SnowNode;
use super::seen::SeenIds;
use crate::sim::{Detail, Monitor, SimTime, Violation};

/// A violation sentence ([`Detail`]): the values go where `{0}`, `{1}`… stand.
pub const ID_WENT_BACK: &str = "{0} issued {1} after {2}";
/// A violation sentence ([`Detail`]): the values go where `{0}`, `{1}`… stand.
pub const ID_REISSUED: &str = "{0} issued {1}, which {2} had issued before";

pub const UNIQUE_IDS: &str = "IDs unique and increasing per generator";

#[derive(Clone, Debug, Default)]
pub struct SnowMonitor {
    /// Per node: IDs already judged.
    judged: Vec<usize>,
    /// The IDs issued lately, with who issued each first.
    seen: SeenIds,
    reported: bool,
}

impl Monitor<SnowNode> for SnowMonitor {
    fn check(
        &mut self,
        now: SimTime,
        nodes: &[&SnowNode],
        _alive: &[bool],
        out: &mut Vec<Violation>,
    ) {
        self.judged.resize(nodes.len(), 0);
        for (node, n) in nodes.iter().enumerate() {
            let Some(g) = n.generator() else { continue };
            // The record holds the newest IDs; the monitor, called after every event, reads
            // them as they come (an event that issued more than the record holds at once
            // — a long wait released — is judged on the newest it holds).
            self.judged[node] = self.judged[node].max(g.issued().first_recent());
            while let Some(&(_, id, _)) = g.issued().get(self.judged[node]) {
                let prev = self.judged[node]
                    .checked_sub(1)
                    .and_then(|i| g.issued().get(i))
                    .map(|e| e.1);
                self.judged[node] += 1;
                let cfg = n.config();
                let before = self.seen.insert_first(id, node);
                let detail = if let Some(first) = before {
                    Detail::new(
                        ID_REISSUED,
                        vec![
                            cfg.name(node).to_string(),
                            id.to_string(),
                            cfg.name(first).to_string(),
                        ],
                    )
                } else if let Some(prev) = prev.filter(|p| id.value() < p.value()) {
                    Detail::new(
                        ID_WENT_BACK,
                        vec![cfg.name(node).to_string(), id.to_string(), prev.to_string()],
                    )
                } else {
                    continue;
                };
                if !self.reported {
                    self.reported = true;
                    out.push(Violation {
                        rule: UNIQUE_IDS,
                        nodes: vec![node],
                        at: now,
                        detail,
                    });
                }
            }
        }
    }
}
