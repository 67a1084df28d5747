//! English strings.

use super::{node_name as s, EngineEvent, Key};
use crate::protocols::raft::RaftNote;
use crate::sim::DropReason;
use crate::ui::scenario::Notice;

pub fn text(key: Key) -> &'static str {
    match key {
        Key::AppTitle => "Distributed Systems Playground",
        Key::AppTagline => "Real protocol state machines on a virtual clock. Break things and watch.",
        Key::LangToggle => "中文",
        Key::NavRaft => "Raft",
        Key::Play => "Play",
        Key::Pause => "Pause",
        Key::Step => "Step",
        Key::Reset => "Reset",
        Key::Speed => "Speed",
        Key::SpeedHint => "1× = 50 ms of simulated time per second",
        Key::RandomSeed => "Random seed",
        Key::Seed => "Seed",
        Key::Nodes => "Nodes",
        Key::ElectionMin => "Election timeout min (ms)",
        Key::ElectionMax => "Election timeout max (ms)",
        Key::Heartbeat => "Heartbeat (ms)",
        Key::LatencyMin => "Latency min (ms)",
        Key::LatencyMax => "Latency max (ms)",
        Key::Loss => "Message loss (%)",
        Key::Apply => "Apply & restart",
        Key::HealAll => "Heal all links",
        Key::SplitCluster => "Partition: minority | majority",
        Key::Isolate => "Isolate (cut all its links)",
        Key::VirtualTime => "Virtual time",
        Key::Settings => "Settings",
        Key::Follower => "Follower",
        Key::Candidate => "Candidate",
        Key::Leader => "Leader",
        Key::Crashed => "Crashed",
        Key::Term => "Term",
        Key::VotedFor => "Voted for",
        Key::CommitIndex => "Commit index",
        Key::Log => "Log",
        Key::NextIndex => "nextIndex",
        Key::MatchIndex => "matchIndex",
        Key::Nobody => "nobody",
        Key::Kill => "Kill",
        Key::Restart => "Restart",
        Key::ForceTimeout => "Force timeout",
        Key::ClientRequest => "Client request",
        Key::Cut => "Cut",
        Key::Heal => "Heal",
        Key::LinkUp => "link up",
        Key::LinkCut => "link cut",
        Key::Inspector => "Inspector",
        Key::InspectorHint => "Click a node to kill, restart or send it a request; click a link to cut or heal it; click a flying message to drop it.",
        Key::NodeActions => "Node actions",
        Key::LinkActions => "Link",
        Key::EventLog => "Event log",
        Key::EventLogEmpty => "Nothing has happened yet. Press Play.",
        Key::Logs => "Logs (index · term · command)",
        Key::Committed => "committed",
        Key::Legend => "Legend",
        Key::MsgRequestVote => "RequestVote",
        Key::MsgVoteGranted => "vote granted",
        Key::MsgVoteRefused => "vote refused",
        Key::MsgAppendEntries => "AppendEntries",
        Key::MsgHeartbeat => "heartbeat",
        Key::MsgAppendOk => "append OK",
        Key::MsgAppendFail => "append rejected",
        Key::MsgRedirect => "redirected request",
        Key::ClickToDrop => "click to drop this message",
        Key::ClickToToggleLink => "click to cut or heal this link",
        Key::ViolationTitle => "Invariant violated",
        Key::RuleElectionSafety => "Election Safety",
        Key::RuleLogMatching => "Log Matching",
        Key::RuleLeaderCompleteness => "Leader Completeness",
        Key::RuleStateMachineSafety => "State Machine Safety",
        Key::NoticeTitle => "Some settings in the link were not used",
        Key::Dismiss => "Dismiss",
        Key::PanicMessage => "Something went wrong inside the simulator. Reload the page; your scenario is in the address bar.",
        Key::KeyboardHint => "Keys: Space play/pause · → step · 1–9 select node",
        Key::Ms => "ms",
    }
}

pub fn raft_note(note: &RaftNote) -> String {
    match *note {
        RaftNote::StartedElection { term } => format!("election timeout: became candidate and started an election for term {term}"),
        RaftNote::BecameLeader { term, votes } => format!("won the election for term {term} with {votes} votes and became leader"),
        RaftNote::SteppedDown { term, from } => format!("saw term {term} from {} and stepped down to follower", s(from)),
        RaftNote::GrantedVote { term, to } => format!("voted for {} in term {term}", s(to)),
        RaftNote::RefusedVoteLog { term, to } => format!("refused {} in term {term}: the candidate's log is behind", s(to)),
        RaftNote::RefusedVoteAlreadyVoted { term, to, voted_for } => {
            format!("refused {} in term {term}: already voted for {}", s(to), s(voted_for))
        }
        RaftNote::RejectedAppend { prev_log_index } => format!("rejected AppendEntries: no matching entry at index {prev_log_index}"),
        RaftNote::TruncatedLog { from_index } => format!("deleted conflicting entries from index {from_index} on"),
        RaftNote::AppendedEntries { count, last_index } => {
            let noun = if count == 1 { "entry" } else { "entries" };
            format!("appended {count} {noun}; log now ends at {last_index}")
        }
        RaftNote::BackedOff { follower, next_index } => format!("{} rejected: retrying from nextIndex {next_index}", s(follower)),
        RaftNote::Committed { index } => format!("commit index advanced to {index}"),
        RaftNote::AcceptedRequest { cmd, index } => format!("accepted client command {cmd} at index {index}"),
        RaftNote::RedirectedRequest { cmd, leader } => format!("is not the leader: redirected command {cmd} to {}", s(leader)),
        RaftNote::RejectedRequest { cmd } => format!("knows no leader: command {cmd} is rejected; the client must retry"),
        RaftNote::Booted { term, log_len } => format!("started as follower in term {term} with {log_len} log entries"),
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

pub fn engine_event(e: &EngineEvent) -> String {
    match e {
        EngineEvent::Crashed(n) => format!("{} crashed", s(*n)),
        EngineEvent::Restarted(n) => format!("{} restarted", s(*n)),
        EngineEvent::LinkCut(a, b) => format!("link {}–{} cut", s(*a), s(*b)),
        EngineEvent::LinkHealed(a, b) => format!("link {}–{} healed", s(*a), s(*b)),
        EngineEvent::Dropped { what, from, to, reason: r } => format!("{} {}→{} {}", text(*what), s(*from), s(*to), reason(*r)),
        EngineEvent::ClientRequest { node, cmd } => format!("a client sent command {cmd} to {}", s(*node)),
        EngineEvent::ForcedTimeout(n) => format!("you forced {}'s election timeout", s(*n)),
        EngineEvent::Violation(k) => format!("INVARIANT VIOLATED: {}", text(*k)),
    }
}

pub fn notice(n: &Notice) -> String {
    match n {
        Notice::Malformed { field, value } => format!("“{field}={value}” is not a valid value; the default was used."),
        Notice::Clamped { field, value, to } => format!("“{field}={value}” is out of range; it was set to {to}."),
        Notice::UnknownField { field } => format!("“{field}” is not a setting this page knows; it was ignored."),
        Notice::UnknownPage { page } => format!("There is no page “{page}”; showing Raft."),
    }
}
