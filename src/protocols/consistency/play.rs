//! The consistency-models page's history as an engine node: every edit is a command (in
//! the action log, the link and undone by rewind), so a hand-drawn history is shared and
//! rewound like any run.

use super::text::{format, parse, TextError};
use super::History;
use crate::sim::{Ctx, NoMonitor, NodeId, Protocol};

/// The edited history and the last edit's verdict.
#[derive(Clone, Debug, Default)]
pub struct HistoryNode {
    history: History,
    /// The last rejected text and why (cleared by an accepted one).
    rejected: Option<(String, TextError)>,
    edits: u64,
}

/// Replace the history with the one this text describes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SetHistory(pub String);

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum HistoryNote {
    /// The history now has `ops` operations.
    Set { ops: usize },
    /// The text was not a history; the old one stays.
    Rejected,
}

impl HistoryNode {
    pub fn history(&self) -> &History {
        &self.history
    }
    pub fn text(&self) -> String {
        format(&self.history)
    }
    pub fn rejected(&self) -> Option<&(String, TextError)> {
        self.rejected.as_ref()
    }
    /// Accepted edits so far (a version for caches).
    pub fn edits(&self) -> u64 {
        self.edits
    }
}

impl Protocol for HistoryNode {
    type Msg = ();
    type Timer = ();
    type Cmd = SetHistory;
    type Note = HistoryNote;
    type Monitor = NoMonitor;

    fn on_start(&mut self, _: &mut Ctx<Self>) {}
    fn on_msg(&mut self, _: NodeId, _: (), _: &mut Ctx<Self>) {}
    fn on_timer(&mut self, _: (), _: &mut Ctx<Self>) {}
    fn on_cmd(&mut self, SetHistory(text): SetHistory, cx: &mut Ctx<Self>) {
        match parse(&text) {
            Ok(h) => {
                cx.note(HistoryNote::Set { ops: h.ops.len() });
                self.history = h;
                self.rejected = None;
                self.edits += 1;
            }
            Err(e) => {
                cx.note(HistoryNote::Rejected);
                self.rejected = Some((text, e));
            }
        }
    }
}
