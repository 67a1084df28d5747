//! English strings.

use super::{CmdText, EngineEvent, Key, Lang, Names};
use crate::sim::DropReason;
use crate::ui::core::notice::Notice;

pub fn text(key: Key) -> &'static str {
    match key {
        Key::PauseButtonMs => "Pause button: how long (ms)",
        Key::ClockButtonsMs => "Clock buttons: how far (ms)",
        Key::ConsistencyTitle => "Consistency of this run",
        Key::ConsistencyAbout => "The clients' operations (invocation, response, value) form a history; the checker decides which consistency model it satisfies — linearizability by Wing & Gong's search, sequential and causal consistency by their own searches — and which session guarantees it breaks, with the operations that show it.",
        Key::CheckRun => "Check the history so far",
        Key::ModelLinearizable => "Linearizable (strong consistency)",
        Key::ModelSequential => "Sequentially consistent",
        Key::ModelCausal => "Causally consistent",
        Key::ModelEventual => "Only eventually consistent (at best)",
        Key::SessionRyw => "Read your writes",
        Key::SessionMr => "Monotonic reads",
        Key::SessionMw => "Monotonic writes",
        Key::SessionWfr => "Writes follow reads",
        Key::Holds => "holds",
        Key::Broken => "broken",
        Key::Undecided => "undecided within the checker's budget",
        Key::StrongestModel => "Strongest model",
        Key::HistoryTooLong => "This history is longer than the page checks (at most 400 operations): lower the workload rate or check earlier in the run.",
        Key::NoOpsYet => "No operations yet: let the clients read and write first.",
        Key::WhyRyw => "it did not see its own write",
        Key::WhyMr => "a later read went back to an older write",
        Key::WhyMw => "it saw a client's writes out of the order they were made",
        Key::WhyWfr => "a write made after reading a value was seen before that value",
        Key::NoLinearOrder => "no order of the operations keeps both real time and the register's rules",
        Key::SaveScenario => "Save scenario file",
        Key::OpenScenario => "Open scenario file",
        Key::Home => "Home",
        Key::HomeIntro => "Pick a mechanism from the course notes. Every page runs the real state machine on a virtual clock: kill nodes, cut links, drop messages, rewind, and share the exact run as a link.",
        Key::ComingSoon => "coming soon",
        Key::AppTitle => "Distributed Systems Playground",
        Key::AppTagline => "Real protocol state machines on a virtual clock. Break things and watch.",
        Key::LangToggle => "中文",
        Key::Play => "Play",
        Key::Pause => "Pause",
        Key::Step => "Step",
        Key::Reset => "Reset",
        Key::Speed => "Speed",
        Key::SpeedHint => "1× = 50 ms of simulated time per second",
        Key::RandomSeed => "Random seed",
        Key::Seed => "Seed",
        Key::Nodes => "Nodes",
        Key::LatencyMin => "Latency min (ms)",
        Key::LatencyMax => "Latency max (ms)",
        Key::Loss => "Message loss (%)",
        Key::Duplicate => "Messages duplicated (%)",
        Key::DuplicateCopy => "a duplicate the network made",
        Key::HealAll => "Heal all links",
        Key::SplitCluster => "Partition: minority | majority",
        Key::Isolate => "Isolate (cut all its links)",
        Key::VirtualTime => "Virtual time",
        Key::Settings => "Settings",
        Key::Crashed => "Crashed",
        Key::Kill => "Kill",
        Key::Paused => "paused",
        Key::PauseNode => "Pause",
        Key::ClockJump => "Clock",
        Key::LocalClock => "Local clock",
        Key::TrueTime => "True time",
        Key::Restart => "Restart",
        Key::Cut => "Cut",
        Key::Heal => "Heal",
        Key::LinkUp => "link up",
        Key::LinkCut => "link cut",
        Key::Inspector => "Inspector",
        Key::InspectorHint => "Click a node to kill, restart or send it a request; click a link to cut or heal it; click a flying message (or an arrow in the space-time diagram) to see what it carries and drop it.",
        Key::NodeActions => "Node actions",
        Key::EventLog => "Event log",
        Key::EventLogEmpty => "Nothing has happened yet. Press Play.",
        Key::Legend => "Legend",
        Key::ClickToDrop => "click to see what it carries (and drop it)",
        Key::ClickToToggleLink => "click to cut or heal this link",
        Key::ViolationTitle => "Invariant violated",
        Key::NoticeTitle => "Some settings in the link were not used",
        Key::Dismiss => "Dismiss",
        Key::PageFetching => "Loading this page…",
        Key::PageFetchFailed => "This page could not be downloaded (the connection may have dropped). Your scenario is kept in the address bar.",
        Key::TryAgain => "Try again",
        Key::PanicMessage => "Something went wrong inside the simulator. Reload the page; your scenario is in the address bar.",
        Key::KeyboardHint => "Keys: Space play/pause · → step · ← back · 1–9 select node",
        Key::Presets => "Presets",
        Key::FreePlay => "Free play",
        Key::PresetHappy => "Happy path",
        Key::Timeline => "Timeline",
        Key::TimelineHint => "Drag back to see any earlier moment; press play to continue from there. Acting in the past starts a new future.",
        Key::Share => "Share",
        Key::CopyLink => "Copy link (from the start)",
        Key::CopyLinkNow => "Copy link at this moment",
        Key::More => "more ▾",
        Key::Less => "less ▴",
        Key::CopyEmbed => "Copy embed code",
        Key::Copied => "Copied — or select the text below",
        Key::SpaceTime => "Space-time diagram",
        Key::SpaceTimeHint => "One line per node, time flows down; each arrow is a message (✕: dropped). Hover to find it in the cluster. Scroll (or ▲ ▼) to go back through the run; + and − zoom.",
        Key::MsLeft => "ms left",
        Key::MsgTitle => "Message",
        Key::MsgSent => "Sent at",
        Key::MsgArrives => "Arrives at",
        Key::MsgArrived => "Delivered at",
        Key::MsgDropped => "Dropped at",
        Key::MsgDoomed => "its link is cut: it will be lost at the cut",
        Key::MsgFlying => "in flight",
        Key::MsgCarries => "Carries",
        Key::MsgDrop => "✕ Drop this message",
        Key::MsgNotKept => "This message is older than the trace the page keeps.",
        Key::StEarlier => "Earlier (scroll up)",
        Key::StLater => "Later (scroll down)",
        Key::StZoomIn => "Zoom in (less time)",
        Key::StZoomOut => "Zoom out (more time)",
        Key::StFollow => "Follow the run",
        Key::StPinned => "showing an earlier moment",
        Key::Experiments => "Experiments",
        Key::ExperimentsAbout => "Raft paper, Figure 16 (§9.3), in the paper's setup: five servers whose logs differ (three hold the whole log, two diverge with older entries, so those two cannot win), heartbeats every half minimum timeout, and the leader crashed at a random moment within its heartbeat interval. We time how long the cluster is without a leader. Top panel: more and more randomness in the timeout; bottom panel: the minimum timeout scaled. The paper's own numbers are beside ours; our network takes 5–10 ms each way.",
        Key::Trials => "Trials per range",
        Key::Run => "Run",
        Key::Cancel => "Cancel",
        Key::ExportCsv => "Export CSV",
        Key::ExportSvg => "Export SVG",
        Key::ExportPng => "Export PNG",
        Key::ExportTrace => "Export this run’s trace (JSON)",
        Key::Median => "median",
        Key::P95 => "95th percentile",
        Key::LeaderlessMs => "time without a leader (ms, log scale)",
        Key::TimeoutRange => "election timeout",
        Key::Fig16Randomness => "Top: randomness in the timeout",
        Key::Fig16MinTimeout => "Bottom: the minimum timeout",
        Key::Mean => "mean",
        Key::Slowest => "slowest",
        Key::PaperSays => "the paper",
        Key::NoLeaderInCap => "no leader within 10 s",
        Key::Tours => "Guided tours",
        Key::TourContinue => "Continue",
        Key::TourExit => "Exit tour",
        Key::TourWaiting => "Do it in the cluster to continue.",
        Key::TourDone => "End of the tour. Keep experimenting!",
        Key::TourPlaying => "Playing on to the next step…",
        Key::TourWaitingState => "Still playing: the next step waits until the cluster reaches the state it describes.",
        Key::Theory => "theory",
        Key::Measured => "measured",
        Key::Round => "round",
        Key::InfectedOverTime => "Infected nodes per round",
        Key::SweepGossip => "Rounds until everyone is infected, against N (push-pull, fanout 1): the mean of many runs beside the mean-field prediction.",
        Key::SweepBloom => "False-positive rate against the number of items n (m = 1024 bits, k = 5): measured beside (1 − e^(−kn/m))^k.",
        Key::SweepRing => "Load spread (max / mean keys per node) against virtual nodes per node (10 nodes, 10,000 keys): more virtual nodes, less skew.",
        Key::Status => "Status",
    }
}

fn reason(r: DropReason) -> &'static str {
    match r {
        DropReason::Lost => "lost in the network",
        DropReason::LinkCut => "hit a cut link",
        DropReason::NodeDown => "reached a crashed node",
        DropReason::ByUser => "dropped by you",
    }
}

/// A command a user gave, told beside the node's name (so never naming it again).
fn command(c: CmdText) -> String {
    match c {
        CmdText::ClientRequest(cmd) => format!("a client sent it command {cmd}"),
        CmdText::ForceTimeout => "you forced its election timeout".into(),
        CmdText::Propose => "you asked it to propose".into(),
        CmdText::Begin => "you started the transaction here".into(),
        CmdText::SetVoteNo(true) => "you set it to vote no".into(),
        CmdText::SetVoteNo(false) => "you set it to vote yes".into(),
        CmdText::Named(t) => format!("you gave it the command “{}”", t.get(Lang::En)),
    }
}

/// A command the preset's script gave (never "you").
fn scripted_command(c: CmdText) -> String {
    match c {
        CmdText::ClientRequest(cmd) => format!("a client sent it command {cmd}"),
        CmdText::ForceTimeout => "the scenario forces its election timeout".into(),
        CmdText::Propose => "the scenario asks it to propose".into(),
        CmdText::Begin => "the scenario starts the transaction here".into(),
        CmdText::SetVoteNo(true) => "the scenario sets it to vote no".into(),
        CmdText::SetVoteNo(false) => "the scenario sets it to vote yes".into(),
        CmdText::Named(t) => format!("the scenario gives it the command “{}”", t.get(Lang::En)),
    }
}

pub fn engine_event(e: &EngineEvent, names: Names) -> String {
    let s = |id: &usize| names[*id].clone();
    match e {
        EngineEvent::Crashed(_) => "crashed".into(),
        EngineEvent::Restarted(_) => "restarted".into(),
        EngineEvent::Paused(_, span) => format!(
            "paused for {} ms (a GC pause: it handles nothing until then, and remembers everything)",
            span / crate::sim::MS
        ),
        EngineEvent::Resumed(_) => "resumed: carries on as if no time had passed".into(),
        EngineEvent::ClockJumped(_, d) => format!(
            "its clock jumped {} {} ms",
            if *d >= 0 { "forward" } else { "back" },
            d.unsigned_abs() / crate::sim::MS
        ),
        EngineEvent::LinkCut(a, b) => format!("link {}–{} cut", s(a), s(b)),
        EngineEvent::LinkHealed(a, b) => format!("link {}–{} healed", s(a), s(b)),
        EngineEvent::Dropped {
            what,
            from,
            to,
            reason: r,
        } => format!(
            "{} {}→{} {}",
            what.get(Lang::En),
            s(from),
            s(to),
            reason(*r)
        ),
        EngineEvent::Command(_, c, false) => command(*c),
        EngineEvent::Command(_, c, true) => scripted_command(*c),
        EngineEvent::Violation(k) => format!("INVARIANT VIOLATED: {}", k.get(Lang::En)),
    }
}

pub fn notice(n: &Notice) -> String {
    match n {
        Notice::Malformed { field, value } => {
            format!("“{field}={value}” is not a valid value; the default was used.")
        }
        Notice::Clamped { field, value, to } => {
            format!("“{field}={value}” is out of range; it was set to {to}.")
        }
        Notice::UnknownField { field } => {
            format!("“{field}” is not a setting this page knows; it was ignored.")
        }
        Notice::LinkVersion { found, newer: true } => format!("This link was made by a newer version of the app (format {found}); the run may differ from the one it was made from."),
        Notice::LinkVersion { found, newer: false } => format!("This link comes from an older version of the app (format {found}) whose runs this version draws differently; the run may differ from the one it was made from."),
        Notice::UnknownPage { page } => format!("There is no page “{page}”; showing Raft."),
        Notice::More { count } => super::more_notices(Lang::En, *count),
        Notice::StoppedShort { target, at } => format!("This link opens at {target}, but at its settings the run takes too long to get there: it stopped at {at}. Press play to go on from here."),
    }
}
