//! What the Raft page shows, read from the world once per frame. Components read only
//! this snapshot, never protocol fields, and never mutate anything.

use crate::protocols::raft::{Entry, RaftCmd, RaftMsg, RaftNode, RaftNote, RaftTimer, Role};
use crate::sim::{DropReason, NodeId, SimTime, TraceKind, Violation, World};
use crate::ui::i18n::{rule_key, EngineEvent, Key};

/// A node's role as drawn; `Crashed` overrides the protocol role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleView {
    Follower,
    Candidate,
    Leader,
    Crashed,
}

impl RoleView {
    /// The value of the `data-role` attribute.
    pub fn attr(self) -> &'static str {
        match self {
            RoleView::Follower => "follower",
            RoleView::Candidate => "candidate",
            RoleView::Leader => "leader",
            RoleView::Crashed => "crashed",
        }
    }
    pub fn key(self) -> Key {
        match self {
            RoleView::Follower => Key::Follower,
            RoleView::Candidate => Key::Candidate,
            RoleView::Leader => Key::Leader,
            RoleView::Crashed => Key::Crashed,
        }
    }
}

/// One node as drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeView {
    pub id: NodeId,
    pub role: RoleView,
    pub term: u64,
    pub voted_for: Option<NodeId>,
    pub commit_index: u64,
    pub log: Vec<Entry>,
    pub leader_hint: Option<NodeId>,
    pub votes: usize,
    /// Fraction of the election timeout still to run (1 = just reset), if armed.
    pub election_left: Option<f64>,
    pub next_index: Vec<u64>,
    pub match_index: Vec<u64>,
}

/// The kinds of message, told apart by colour and label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MsgKind {
    RequestVote,
    VoteGranted,
    VoteRefused,
    AppendEntries,
    Heartbeat,
    AppendOk,
    AppendFail,
    Redirect,
}

impl MsgKind {
    pub fn of(m: &RaftMsg) -> MsgKind {
        match m {
            RaftMsg::RequestVote { .. } => MsgKind::RequestVote,
            RaftMsg::Vote { granted: true, .. } => MsgKind::VoteGranted,
            RaftMsg::Vote { granted: false, .. } => MsgKind::VoteRefused,
            RaftMsg::AppendEntries { entries, .. } if entries.is_empty() => MsgKind::Heartbeat,
            RaftMsg::AppendEntries { .. } => MsgKind::AppendEntries,
            RaftMsg::AppendReply { success: true, .. } => MsgKind::AppendOk,
            RaftMsg::AppendReply { success: false, .. } => MsgKind::AppendFail,
            RaftMsg::Redirect { .. } => MsgKind::Redirect,
        }
    }
    pub const ALL: [MsgKind; 8] = [
        MsgKind::RequestVote,
        MsgKind::VoteGranted,
        MsgKind::VoteRefused,
        MsgKind::AppendEntries,
        MsgKind::Heartbeat,
        MsgKind::AppendOk,
        MsgKind::AppendFail,
        MsgKind::Redirect,
    ];
    pub fn key(self) -> Key {
        match self {
            MsgKind::RequestVote => Key::MsgRequestVote,
            MsgKind::VoteGranted => Key::MsgVoteGranted,
            MsgKind::VoteRefused => Key::MsgVoteRefused,
            MsgKind::AppendEntries => Key::MsgAppendEntries,
            MsgKind::Heartbeat => Key::MsgHeartbeat,
            MsgKind::AppendOk => Key::MsgAppendOk,
            MsgKind::AppendFail => Key::MsgAppendFail,
            MsgKind::Redirect => Key::MsgRedirect,
        }
    }
    /// A two-character badge drawn on the message (language-neutral protocol names).
    pub fn badge(self) -> &'static str {
        match self {
            MsgKind::RequestVote => "RV",
            MsgKind::VoteGranted => "✓",
            MsgKind::VoteRefused => "✗",
            MsgKind::AppendEntries => "AE",
            MsgKind::Heartbeat => "♥",
            MsgKind::AppendOk => "ok",
            MsgKind::AppendFail => "✗",
            MsgKind::Redirect => "→",
        }
    }
    /// The CSS class that colours it.
    pub fn class(self) -> &'static str {
        match self {
            MsgKind::RequestVote => "msg-rv",
            MsgKind::VoteGranted => "msg-vote-yes",
            MsgKind::VoteRefused => "msg-vote-no",
            MsgKind::AppendEntries => "msg-ae",
            MsgKind::Heartbeat => "msg-hb",
            MsgKind::AppendOk => "msg-ae-ok",
            MsgKind::AppendFail => "msg-ae-no",
            MsgKind::Redirect => "msg-redirect",
        }
    }
}

/// A message in flight as drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct MsgView {
    pub id: u64,
    pub from: NodeId,
    pub to: NodeId,
    /// 0 at the sender, 1 at the receiver. A message on a cut link stops at the cut.
    pub progress: f64,
    pub kind: MsgKind,
    pub term: Option<u64>,
    pub entries: usize,
    /// Its link is cut: it will be dropped on arrival.
    pub doomed: bool,
}

/// A recently dropped message, drawn as a fading cross.
#[derive(Clone, Debug, PartialEq)]
pub struct DropMark {
    pub id: u64,
    pub from: NodeId,
    pub to: NodeId,
    pub progress: f64,
    /// 0 = just dropped, 1 = about to disappear.
    pub age: f64,
}

/// One line of the event log.
#[derive(Clone, Debug, PartialEq)]
pub enum LineItem {
    Note(RaftNote),
    Engine(EngineEvent),
}

/// A line of the event log.
#[derive(Clone, Debug, PartialEq)]
pub struct LogLine {
    pub seq: u64,
    pub at: SimTime,
    pub node: Option<NodeId>,
    pub item: LineItem,
}

/// The whole Raft page's state for one frame.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct RaftView {
    pub now: SimTime,
    pub nodes: Vec<NodeView>,
    pub msgs: Vec<MsgView>,
    pub drops: Vec<DropMark>,
    pub cut: Vec<(NodeId, NodeId)>,
    pub lines: Vec<LogLine>,
    pub violations: Vec<Violation>,
    pub events: u64,
}

/// Where a message on a cut link stops: the cut mark is drawn at the link's middle.
pub const CUT_POINT: f64 = 0.5;
/// How many event-log lines the view keeps.
pub const MAX_LINES: usize = 200;

impl RaftView {
    /// Read the world. `drop_linger` is how long (virtual time) a drop stays visible.
    pub fn build(w: &World<RaftNode>, drop_linger: SimTime) -> RaftView {
        let now = w.now();
        let nodes = (0..w.len())
            .map(|id| {
                let n = w.node(id);
                let role = if !w.is_alive(id) {
                    RoleView::Crashed
                } else {
                    match n.role() {
                        Role::Follower => RoleView::Follower,
                        Role::Candidate => RoleView::Candidate,
                        Role::Leader => RoleView::Leader,
                    }
                };
                let election_left = w.timers(id).iter().find(|t| t.timer == RaftTimer::Election).map(|t| {
                    let span = t.deadline.saturating_sub(t.set_at).max(1) as f64;
                    (t.deadline.saturating_sub(now) as f64 / span).clamp(0.0, 1.0)
                });
                NodeView {
                    id,
                    role,
                    term: n.term(),
                    voted_for: n.voted_for(),
                    commit_index: n.commit_index(),
                    log: n.log().to_vec(),
                    leader_hint: n.leader_hint(),
                    votes: n.votes().len(),
                    election_left,
                    next_index: n.next_index().to_vec(),
                    match_index: n.match_index().to_vec(),
                }
            })
            .collect();
        let net = w.network();
        let msgs = net
            .in_flight()
            .map(|m| {
                let doomed = net.link(m.from, m.to) == crate::sim::LinkState::Cut;
                let mut progress = m.progress(now);
                if doomed {
                    progress = progress.min(CUT_POINT);
                }
                let entries = match &m.msg {
                    RaftMsg::AppendEntries { entries, .. } => entries.len(),
                    _ => 0,
                };
                MsgView { id: m.id, from: m.from, to: m.to, progress, kind: MsgKind::of(&m.msg), term: m.msg.term(), entries, doomed }
            })
            .collect();

        let mut drops = Vec::new();
        let mut lines = Vec::new();
        let total = w.trace().total();
        for (back, ev) in w.trace().recent().rev().enumerate() {
            let seq = total - back as u64;
            let fresh = now.saturating_sub(ev.at) < drop_linger;
            if !fresh && lines.len() >= MAX_LINES {
                break;
            }
            let (node, item) = match &ev.kind {
                TraceKind::Note { node, note } => (Some(*node), LineItem::Note(*note)),
                TraceKind::Crashed { node } => (Some(*node), LineItem::Engine(EngineEvent::Crashed(*node))),
                TraceKind::Restarted { node } => (Some(*node), LineItem::Engine(EngineEvent::Restarted(*node))),
                TraceKind::LinkCut { a, b } => (None, LineItem::Engine(EngineEvent::LinkCut(*a, *b))),
                TraceKind::LinkHealed { a, b } => (None, LineItem::Engine(EngineEvent::LinkHealed(*a, *b))),
                TraceKind::Command { node, cmd } => {
                    let e = match cmd {
                        RaftCmd::ClientRequest(c) => EngineEvent::ClientRequest { node: *node, cmd: *c },
                        RaftCmd::ForceTimeout => EngineEvent::ForcedTimeout(*node),
                    };
                    (Some(*node), LineItem::Engine(e))
                }
                TraceKind::Violation { rule } => (None, LineItem::Engine(EngineEvent::Violation(rule_key(rule)))),
                TraceKind::Dropped { id, from, to, reason, sent_at, arrive_at, msg } => {
                    if fresh {
                        let progress = match reason {
                            DropReason::LinkCut => CUT_POINT,
                            DropReason::Lost => 0.85,
                            DropReason::NodeDown => 0.95,
                            DropReason::ByUser => {
                                let span = arrive_at.saturating_sub(*sent_at).max(1) as f64;
                                (ev.at.saturating_sub(*sent_at) as f64 / span).clamp(0.0, 1.0)
                            }
                        };
                        let age = now.saturating_sub(ev.at) as f64 / drop_linger.max(1) as f64;
                        drops.push(DropMark { id: *id, from: *from, to: *to, progress, age });
                    }
                    let what = MsgKind::of(msg).key();
                    (None, LineItem::Engine(EngineEvent::Dropped { what, from: *from, to: *to, reason: *reason }))
                }
                TraceKind::Sent { .. } | TraceKind::Delivered { .. } | TraceKind::TimerFired { .. } => continue,
            };
            if lines.len() < MAX_LINES {
                lines.push(LogLine { seq, at: ev.at, node, item });
            }
        }
        RaftView {
            now,
            nodes,
            msgs,
            drops,
            cut: net.cut_links().collect(),
            lines,
            violations: w.violations().to_vec(),
            events: w.events_processed(),
        }
    }

    /// The live leader with the highest term.
    pub fn leader(&self) -> Option<&NodeView> {
        self.nodes.iter().filter(|n| n.role == RoleView::Leader).max_by_key(|n| n.term)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocols::raft::RaftConfig;
    use crate::sim::{Action, WorldConfig, MS, SEC};

    #[test]
    fn the_view_shows_roles_messages_cuts_and_narration() {
        let nodes = (0..5).map(|_| RaftNode::new(RaftConfig::default())).collect();
        let mut w = World::new(WorldConfig { seed: 4, trace_capacity: 4000, ..WorldConfig::default() }, nodes);
        w.run_until(SEC);
        let v = RaftView::build(&w, 30 * MS);
        let leader = v.leader().expect("a leader after 1 s").id;
        assert_eq!(v.nodes.iter().filter(|n| n.role == RoleView::Leader).count(), 1);
        assert!(v.lines.iter().any(|l| matches!(l.item, LineItem::Note(RaftNote::BecameLeader { .. }))));
        w.apply(Action::Crash(leader));
        w.apply(Action::Cut(0, 1));
        let v = RaftView::build(&w, 30 * MS);
        assert_eq!(v.nodes[leader].role, RoleView::Crashed);
        assert_eq!(v.cut, vec![(0, 1)]);
        assert!(matches!(v.lines[0].item, LineItem::Engine(EngineEvent::LinkCut(0, 1))));
        // Messages on a cut link never pass the cut mark.
        w.run_until(w.now() + 400 * MS);
        let v = RaftView::build(&w, 30 * MS);
        for m in &v.msgs {
            assert!((0.0..=1.0).contains(&m.progress));
            if m.doomed {
                assert!(m.progress <= CUT_POINT);
            }
        }
        assert!(v.nodes.iter().filter(|n| n.role != RoleView::Crashed).all(|n| n.election_left.is_some() || n.role == RoleView::Leader));
    }
}
