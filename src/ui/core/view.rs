//! What a page shows, read from the world once per frame, already translated.
//! Components read only this, never protocol fields.

use crate::sim::{NodeId, SimTime};
use crate::ui::core::i18n::{t, Key, Lang};
use crate::ui::core::text::Text;

/// A node's outline (paired with colour, so roles never rely on colour alone).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Circle,
    Diamond,
    Hexagon,
    Square,
}

impl Shape {
    pub fn attr(self) -> &'static str {
        match self {
            Shape::Circle => "circle",
            Shape::Diamond => "diamond",
            Shape::Hexagon => "hexagon",
            Shape::Square => "square",
        }
    }
    /// A character for legends.
    pub fn symbol(self) -> &'static str {
        match self {
            Shape::Circle => "●",
            Shape::Diamond => "◆",
            Shape::Hexagon => "⬢",
            Shape::Square => "■",
        }
    }
}

/// A command button in the inspector (`data-testid="action-<id>"`).
#[derive(Clone, Debug, PartialEq)]
pub struct CommandVis {
    pub id: &'static str,
    pub label: String,
    pub enabled: bool,
}

/// One cell of a node's state strip (a Raft log entry, a Paxos proposal, ...).
#[derive(Clone, Debug, PartialEq)]
pub struct CellVis {
    pub top: String,
    pub main: String,
    pub sub: String,
    /// Extra CSS classes (colour by term, state).
    pub class: String,
    /// `data-value`.
    pub value: String,
    /// `data-done`: committed, chosen, decided.
    pub done: bool,
    pub title: String,
}

/// A node's state strip.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct StripVis {
    pub cells: Vec<CellVis>,
    /// Older cells not shown.
    pub hidden: usize,
    /// `data-commit`: how many are done (Raft: the commit index).
    pub done: u64,
    /// `data-len`: how many there are in all.
    pub len: u64,
    /// A short note at the strip's end (a Raft follower's nextIndex and matchIndex as the
    /// leader keeps them).
    pub aside: String,
    /// No row for this node: its state is on the node itself (a page with many nodes keeps
    /// the rows the lesson is about on the first screen).
    pub skip: bool,
}

impl StripVis {
    /// A strip showing all of `cells` (none hidden); `done` and `len` counted from them.
    pub fn from_cells(cells: Vec<CellVis>) -> StripVis {
        let done = cells.iter().filter(|c| c.done).count() as u64;
        StripVis {
            len: cells.len() as u64,
            done,
            cells,
            hidden: 0,
            aside: String::new(),
            skip: false,
        }
    }
}

/// One node as drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeVis {
    pub id: NodeId,
    pub name: String,
    /// `data-role`: `leader`, `acceptor`, `coordinator`, ... or `crashed`.
    pub role: &'static str,
    /// `data-state`: a finer state (`prepared`, `committed`, `preparing`, ...).
    pub state: &'static str,
    pub shape: Shape,
    /// Colour class: `blue`, `amber`, `green`, `red`, `violet`, `grey`.
    pub tone: &'static str,
    pub crashed: bool,
    /// The short second line inside the node (`T3`, `n=4`, `X`).
    pub badge: String,
    /// The label next to the node (translated).
    pub label: String,
    /// A timer running down, as the fraction left.
    pub ring: Option<f64>,
    /// Raft's term (`data-term`).
    pub term: Option<u64>,
    /// Inspector rows.
    pub details: Vec<(String, String)>,
    pub commands: Vec<CommandVis>,
    pub strip: StripVis,
}

impl NodeVis {
    /// A node with nothing but a name and a label (the single node that holds a data
    /// structure's state on the ring and bloom pages).
    pub fn plain(
        id: NodeId,
        name: &str,
        role: &'static str,
        shape: Shape,
        label: String,
    ) -> NodeVis {
        NodeVis {
            id,
            name: name.to_string(),
            role,
            state: role,
            shape,
            tone: "blue",
            crashed: false,
            badge: String::new(),
            label,
            ring: None,
            term: None,
            details: Vec::new(),
            commands: Vec::new(),
            strip: StripVis::default(),
        }
    }

    /// Restyle as crashed when the node is down: grey, no timer ring, `crashed` role, and
    /// its label prefixed with "crashed".
    pub fn crashed_if(mut self, down: bool, lang: Lang) -> NodeVis {
        if down {
            self.crashed = true;
            self.role = "crashed";
            self.tone = "grey";
            self.ring = None;
            self.label = format!("{} · {}", t(lang, Key::Crashed), self.label);
        }
        self
    }
}

/// A message in flight.
#[derive(Clone, Debug, PartialEq)]
pub struct MsgVis {
    pub id: u64,
    pub from: NodeId,
    pub to: NodeId,
    /// 0 at the sender, 1 at the receiver; a message on a cut link stops at the cut.
    pub progress: f64,
    pub class: &'static str,
    pub badge: &'static str,
    pub title: String,
    pub doomed: bool,
    /// The network's duplicate of another message in flight (drawn dashed).
    pub copy: bool,
}

/// Where a message the student clicked is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MsgState {
    Flying,
    /// On a cut link: it will be lost when it reaches the cut.
    Doomed,
    Delivered(SimTime),
    Dropped(SimTime),
}

/// One message as the inspector shows it (RaftScope's message detail): its kind, ends,
/// times and what it carries, with the protocol's own field names.
#[derive(Clone, Debug, PartialEq)]
pub struct MsgInfo {
    pub id: u64,
    pub kind: String,
    pub class: &'static str,
    pub badge: &'static str,
    pub from: String,
    pub to: String,
    pub sent_at: SimTime,
    pub arrive_at: SimTime,
    pub state: MsgState,
    /// (field, value), e.g. (`prevLogIndex`, "3"): the field's name in both languages
    /// (the inspector shows the reader's), its value as the page wrote it.
    pub fields: Vec<(&'static crate::ui::core::text::Tx, String)>,
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

/// A line of the event log.
#[derive(Clone, Debug, PartialEq)]
pub struct LogLine {
    pub seq: u64,
    /// The message this line is about, if any (for hover highlighting).
    pub msg: Option<u64>,
    pub at: SimTime,
    pub node: Option<NodeId>,
    pub who: Option<String>,
    pub text: String,
    pub alarm: bool,
}

/// A broken invariant, ready to show.
#[derive(Clone, Debug, PartialEq)]
pub struct ViolationVis {
    pub rule_id: &'static str,
    pub rule: String,
    pub nodes: String,
    pub at: SimTime,
    pub detail: String,
}

/// A headline figure of the page (`data-testid="status-<key>"`).
#[derive(Clone, Debug, PartialEq)]
pub struct StatusVis {
    pub key: &'static str,
    pub label: String,
    pub value: String,
    pub alarm: bool,
}

/// How a kind of message looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MsgStyle {
    pub class: &'static str,
    pub badge: &'static str,
    pub key: Text,
}

impl MsgStyle {
    /// A kind of message named by the page's own text.
    pub const fn page(
        class: &'static str,
        badge: &'static str,
        key: &'static crate::ui::core::text::Tx,
    ) -> MsgStyle {
        MsgStyle {
            class,
            badge,
            key: Text::Page(key),
        }
    }
}

/// The legend of a page.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct LegendVis {
    pub roles: Vec<(Shape, &'static str, String)>,
    pub kinds: Vec<(&'static str, &'static str, String)>,
    /// What a dashed ring means, on a network that duplicates messages.
    pub copies: Option<String>,
    /// The short notations of the node labels (an example as drawn, and what it means):
    /// Raft's "→S3" and "1/5", primary-secondary's "e3", …
    pub notation: Vec<(&'static str, String)>,
}

/// How a message's arrow ends in the space-time diagram.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArrowEnd {
    Delivered,
    Dropped,
    /// Still flying: the arrow ends where the message is now.
    Flying,
}

/// One message in the space-time diagram.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrow {
    pub id: u64,
    pub from: NodeId,
    pub to: NodeId,
    pub t0: SimTime,
    pub t1: SimTime,
    /// For a flying message, how far along it is at `t1`.
    pub progress: f64,
    pub end: ArrowEnd,
    pub class: &'static str,
}

/// A labelled state change on a node's time line (became leader, voted, committed, ...).
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub node: NodeId,
    pub at: SimTime,
    pub label: String,
}

/// The message-sequence (Lamport) diagram of the recent past: one line per node, time
/// downwards.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct SpaceTimeVis {
    pub from: SimTime,
    pub to: SimTime,
    /// How much time the diagram's height stands for (`to - from` once the run is longer).
    pub window: SimTime,
    /// Sorted by message id.
    pub arrows: Vec<Arrow>,
    pub marks: Vec<Mark>,
    /// Spans when a node was down.
    pub down: Vec<(NodeId, SimTime, SimTime)>,
    /// The diagram shows an earlier moment than the run's (the student scrolled back).
    pub pinned: bool,
    /// The run has been quiet since this moment, and the diagram ends shortly after it
    /// to keep the last burst of messages legible ([`crate::ui::core::plain_trace::quiet_view`]).
    pub quiet_since: Option<SimTime>,
    /// The span was chosen by the student (zoom), not fitted to the traffic.
    pub zoomed: bool,
    /// Client operations overlapping the shown span, each an interval on its client's line.
    pub spans: Vec<OpSpan>,
}

/// One client operation as an interval on the space-time diagram: from its invocation to
/// its response (`None`: still waiting).
#[derive(Clone, Debug, PartialEq)]
pub struct OpSpan {
    /// Stable across frames (the checker's witnesses name operations by it).
    pub key: u64,
    pub node: NodeId,
    pub t0: SimTime,
    pub t1: Option<SimTime>,
    /// "W 12", "R → 11".
    pub label: String,
    /// `op-write`, `op-read`, `op-waiting`, `op-lost`.
    pub class: &'static str,
}

/// What part of the run the space-time diagram should show: the student's scrolling and
/// zoom. The default follows the run's current moment (and so the timeline scrubber) with
/// a span fitted to the traffic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct SpaceTimeAsk {
    /// Show the run up to this moment instead of up to now (scrolled back).
    pub end: Option<SimTime>,
    /// Show this much time (zoomed) instead of the fitted span.
    pub window: Option<SimTime>,
}

/// A measured curve beside the one theory predicts (gossip's infected count per round).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ChartVis {
    pub measured: Vec<f64>,
    pub theory: Vec<f64>,
    /// The y-axis maximum (the node count).
    pub max: f64,
}

/// A page's own per-frame data for its own body (the ring's layout, the filter's bits),
/// produced by its adapter and read by its body, which knows the type. Compared by
/// identity: an adapter hands out the same `Arc` while nothing changed.
#[derive(Clone)]
pub struct PageData(pub std::sync::Arc<dyn std::any::Any + Send + Sync>);

impl PageData {
    /// The data as the page's own type.
    pub fn get<T: 'static>(&self) -> Option<&T> {
        self.0.downcast_ref::<T>()
    }
    /// Changes whenever the data is replaced (for a body's redraw caches).
    pub fn generation(&self) -> usize {
        std::sync::Arc::as_ptr(&self.0) as *const u8 as usize
    }
}

impl PartialEq for PageData {
    fn eq(&self, other: &PageData) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for PageData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PageData@{:x}", self.generation())
    }
}

/// A page's whole state for one frame.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct SimView {
    pub now: SimTime,
    pub nodes: Vec<NodeVis>,
    pub msgs: Vec<MsgVis>,
    pub drops: Vec<DropMark>,
    pub cut: Vec<(NodeId, NodeId)>,
    pub lines: Vec<LogLine>,
    pub violations: Vec<ViolationVis>,
    pub status: Vec<StatusVis>,
    pub events: u64,
    /// The end of the timeline (the furthest time reached).
    pub horizon: SimTime,
    pub space_time: SpaceTimeVis,
    pub chart: Option<ChartVis>,
    /// The page's own data, for pages with their own body.
    pub data: Option<PageData>,
}

/// Where a message on a cut link stops: the cut mark is drawn at the link's middle.
pub const CUT_POINT: f64 = 0.5;
/// How many event-log lines the view keeps.
pub const MAX_LINES: usize = 100;

/// The fraction of a timer still to run at `now`.
pub fn fraction_left(set_at: SimTime, deadline: SimTime, now: SimTime) -> f64 {
    let span = deadline.saturating_sub(set_at).max(1) as f64;
    (deadline.saturating_sub(now) as f64 / span).clamp(0.0, 1.0)
}

/// The last data a page handed out, kept by a fingerprint of what it was built from, so
/// a frame that changed nothing (no client operation started or ended) reuses it.
#[derive(Clone, Default)]
pub struct DataCache(std::sync::Arc<std::sync::Mutex<Option<(u64, PageData)>>>);

impl DataCache {
    /// The data for `key`, built by `build` only when the key changed.
    pub fn get<T: std::any::Any + Send + Sync>(
        &self,
        key: u64,
        build: impl FnOnce() -> T,
    ) -> PageData {
        let mut cache = self.0.lock().unwrap_or_else(|e| e.into_inner());
        match cache.as_ref() {
            Some((k, data)) if *k == key => data.clone(),
            _ => {
                let data = PageData(std::sync::Arc::new(build()));
                *cache = Some((key, data.clone()));
                data
            }
        }
    }
}

/// A clock reading in seconds with milliseconds, signed (a clock stepped back near the
/// start can read below zero): `1.234 s`, `−0.050 s`.
pub fn signed_secs(us: i64) -> String {
    let sign = if us < 0 { "−" } else { "" };
    format!("{sign}{}", crate::sim::time::fmt_secs(us.unsigned_abs()))
}
