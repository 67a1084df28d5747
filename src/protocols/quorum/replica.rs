//! A storage replica: it holds the register's newest version it has seen, answers
//! version queries and reads with it, and stores a write only if its version is newer
//! (the notes' rule: the highest version wins). As a stand-in for an unreachable home
//! replica (sloppy quorum) it keeps the write aside with a hint and hands it over when
//! the home replica answers again (hinted handoff, Dynamo §4.6).

use super::msg::{absorb, Item, QMsg, QNote, QTimer, Value, Version};
use super::node::{QConfig, QNode};
use crate::sim::{Ctx, NodeId};

/// A write kept for a home replica that could not be reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hint {
    pub home: NodeId,
    pub version: Version,
    pub value: Value,
}

/// A replica's state; all of it is on disk (a crash loses nothing).
#[derive(Clone, Debug)]
pub struct Replica {
    /// The register: one write (version numbers), or concurrent siblings (vector clocks).
    items: Vec<Item>,
    hints: Vec<Hint>,
}

impl Default for Replica {
    fn default() -> Self {
        Replica {
            items: vec![(Version::default(), 0)],
            hints: Vec::new(),
        }
    }
}

impl Replica {
    /// The newest of its own writes (the highest version; with siblings, the last in
    /// version order).
    pub fn version(&self) -> Version {
        self.top().0
    }
    pub fn value(&self) -> Value {
        self.top().1
    }
    fn top(&self) -> Item {
        self.items.last().copied().unwrap_or_default()
    }
    /// Its own writes: one, or concurrent siblings (vector clocks).
    pub fn items(&self) -> &[Item] {
        &self.items
    }
    pub fn hints(&self) -> &[Hint] {
        &self.hints
    }
    /// What this node holds, its own or kept for another (a stand-in serves what it
    /// holds, as Dynamo's do), with the writes another has seen left out.
    pub fn held(&self) -> Vec<Item> {
        let mut all = self.items.clone();
        for h in &self.hints {
            absorb(&mut all, (h.version, h.value));
        }
        all
    }
    /// The newest version held (see [`Self::held`]).
    pub fn newest(&self) -> Item {
        self.held().last().copied().unwrap_or_default()
    }

    pub(super) fn start(&mut self, cfg: &QConfig, cx: &mut Ctx<QNode>) {
        if !self.hints.is_empty() {
            cx.set_timer(QTimer::Handoff, cfg.handoff, cfg.handoff);
        }
    }

    /// Keep `item` unless a write we hold has seen it (the highest version wins; with
    /// vector clocks concurrent writes become siblings).
    fn store(&mut self, (version, value): Item, cx: &mut Ctx<QNode>) {
        if absorb(&mut self.items, (version, value)) {
            cx.note(QNote::Stored {
                version,
                value,
                hint: None,
                siblings: self.items.len(),
            });
        } else if !self.items.iter().any(|i| i.0 == version) {
            cx.note(QNote::Older {
                version,
                held: self.version(),
            });
        }
    }

    /// A stand-in keeps a write aside for its home replica (one per home, or siblings).
    fn keep(&mut self, home: NodeId, (version, value): Item, cx: &mut Ctx<QNode>) {
        let mut mine: Vec<Item> = self
            .hints
            .iter()
            .filter(|h| h.home == home)
            .map(|h| (h.version, h.value))
            .collect();
        if absorb(&mut mine, (version, value)) {
            self.hints.retain(|h| h.home != home);
            self.hints.extend(mine.iter().map(|&(version, value)| Hint {
                home,
                version,
                value,
            }));
        }
        cx.note(QNote::Stored {
            version,
            value,
            hint: Some(home),
            siblings: 1,
        });
    }

    pub(super) fn on_msg(&mut self, cfg: &QConfig, from: NodeId, msg: QMsg, cx: &mut Ctx<QNode>) {
        match msg {
            // The version a write builds on: the newest held, or every sibling's clock merged.
            QMsg::VersionQuery { op } => cx.send(
                from,
                QMsg::VersionReply {
                    op,
                    version: super::msg::seen(&self.held()),
                },
            ),
            QMsg::Get { op } => cx.send(
                from,
                QMsg::GetReply {
                    op,
                    items: self.held(),
                },
            ),
            QMsg::Put { op, items, hint } => {
                match hint {
                    Some(home) if home != cx.id => {
                        for item in items {
                            self.keep(home, item, cx);
                        }
                        cx.set_timer(QTimer::Handoff, cfg.handoff, cfg.handoff);
                    }
                    _ => {
                        for item in items {
                            self.store(item, cx);
                        }
                    }
                }
                cx.send(from, QMsg::PutAck { op });
            }
            QMsg::Handoff { items } => {
                for &item in &items {
                    self.store(item, cx);
                }
                cx.send(from, QMsg::HandoffAck { items });
            }
            QMsg::HandoffAck { items } => {
                let before = self.hints.len();
                self.hints.retain(|h| {
                    !(h.home == from && items.iter().any(|i| h.version.covered_by(&i.0)))
                });
                if self.hints.len() < before {
                    let version = super::msg::seen(&items);
                    cx.note(QNote::HandedOff {
                        home: from,
                        version,
                    });
                }
            }
            QMsg::VersionReply { .. } | QMsg::PutAck { .. } | QMsg::GetReply { .. } => {}
        }
    }

    pub(super) fn on_timer(&mut self, cfg: &QConfig, timer: QTimer, cx: &mut Ctx<QNode>) {
        if timer == QTimer::Handoff && !self.hints.is_empty() {
            let mut homes: Vec<NodeId> = self.hints.iter().map(|h| h.home).collect();
            homes.sort_unstable();
            homes.dedup();
            for home in homes {
                let items = self
                    .hints
                    .iter()
                    .filter(|h| h.home == home)
                    .map(|h| (h.version, h.value))
                    .collect();
                cx.send(home, QMsg::Handoff { items });
            }
            cx.set_timer(QTimer::Handoff, cfg.handoff, cfg.handoff);
        }
    }
}
