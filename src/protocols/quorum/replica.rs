//! A storage replica: it holds the register's newest version it has seen, answers
//! version queries and reads with it, and stores a write only if its version is newer
//! (the notes' rule: the highest version wins). As a stand-in for an unreachable home
//! replica (sloppy quorum) it keeps the write aside with a hint and hands it over when
//! the home replica answers again (hinted handoff, Dynamo §4.6).

use super::msg::{QMsg, QNote, QTimer, Value, Version};
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
#[derive(Clone, Debug, Default)]
pub struct Replica {
    version: Version,
    value: Value,
    hints: Vec<Hint>,
}

impl Replica {
    pub fn version(&self) -> Version {
        self.version
    }
    pub fn value(&self) -> Value {
        self.value
    }
    pub fn hints(&self) -> &[Hint] {
        &self.hints
    }
    /// The newest version this node holds, its own or kept for another (a stand-in
    /// serves what it holds, as Dynamo's do).
    pub fn newest(&self) -> (Version, Value) {
        self.hints
            .iter()
            .map(|h| (h.version, h.value))
            .chain([(self.version, self.value)])
            .max_by_key(|(v, _)| *v)
            .unwrap_or_default()
    }

    pub(super) fn start(&mut self, cfg: &QConfig, cx: &mut Ctx<QNode>) {
        if !self.hints.is_empty() {
            cx.set_timer(QTimer::Handoff, cfg.handoff, cfg.handoff);
        }
    }

    /// Keep `version` if it is newer than what we hold: the highest version wins.
    fn store(&mut self, version: Version, value: Value, cx: &mut Ctx<QNode>) {
        if version > self.version {
            self.version = version;
            self.value = value;
            cx.note(QNote::Stored { version, value, hint: None });
        } else if version < self.version {
            cx.note(QNote::Older { version, held: self.version });
        }
    }

    pub(super) fn on_msg(&mut self, cfg: &QConfig, from: NodeId, msg: QMsg, cx: &mut Ctx<QNode>) {
        match msg {
            QMsg::VersionQuery { op } => {
                cx.send(from, QMsg::VersionReply { op, version: self.newest().0 })
            }
            QMsg::Get { op } => {
                let (version, value) = self.newest();
                cx.send(from, QMsg::GetReply { op, version, value });
            }
            QMsg::Put { op, version, value, hint } => {
                match hint {
                    // A stand-in keeps the write aside for its home replica.
                    Some(home) if home != cx.id => {
                        match self.hints.iter_mut().find(|h| h.home == home) {
                            Some(h) if h.version >= version => {}
                            Some(h) => *h = Hint { home, version, value },
                            None => self.hints.push(Hint { home, version, value }),
                        }
                        cx.note(QNote::Stored { version, value, hint: Some(home) });
                        cx.set_timer(QTimer::Handoff, cfg.handoff, cfg.handoff);
                    }
                    _ => self.store(version, value, cx),
                }
                cx.send(from, QMsg::PutAck { op });
            }
            QMsg::Handoff { version, value } => {
                self.store(version, value, cx);
                cx.send(from, QMsg::HandoffAck { version });
            }
            QMsg::HandoffAck { version } => {
                let before = self.hints.len();
                self.hints.retain(|h| !(h.home == from && h.version <= version));
                if self.hints.len() < before {
                    cx.note(QNote::HandedOff { home: from, version });
                }
            }
            QMsg::VersionReply { .. } | QMsg::PutAck { .. } | QMsg::GetReply { .. } => {}
        }
    }

    pub(super) fn on_timer(&mut self, cfg: &QConfig, timer: QTimer, cx: &mut Ctx<QNode>) {
        if timer == QTimer::Handoff && !self.hints.is_empty() {
            for h in &self.hints {
                cx.send(h.home, QMsg::Handoff { version: h.version, value: h.value });
            }
            cx.set_timer(QTimer::Handoff, cfg.handoff, cfg.handoff);
        }
    }
}
