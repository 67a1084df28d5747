//! Translation tables: one per language ([`en`], [`zh`]). Each table is an exhaustive
//! `match`, so a string missing from one language is a compile error, not a blank label.
//! Chinese terms follow the course notes' glossary (shared/GLOSSARY.md).

pub mod en;
pub mod zh;

use crate::protocols::raft::RaftNote;
use crate::sim::NodeId;

/// An interface language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Zh,
}

impl Lang {
    /// The code used in URLs (`lang=en`, `lang=zh`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }
    /// Parse a URL code or a browser language tag such as `zh-CN` or `en-GB`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let t = tag.trim().to_ascii_lowercase();
        if t.starts_with("zh") {
            Some(Lang::Zh)
        } else if t.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }
    /// The other language (for the toggle).
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }
}

/// Every fixed string of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    AppTitle,
    AppTagline,
    LangToggle,
    NavRaft,
    Play,
    Pause,
    Step,
    Reset,
    Speed,
    SpeedHint,
    Seed,
    RandomSeed,
    Nodes,
    ElectionMin,
    ElectionMax,
    Heartbeat,
    LatencyMin,
    LatencyMax,
    Loss,
    Apply,
    HealAll,
    SplitCluster,
    Isolate,
    VirtualTime,
    Settings,
    Follower,
    Candidate,
    Leader,
    Crashed,
    Term,
    VotedFor,
    CommitIndex,
    Log,
    NextIndex,
    MatchIndex,
    Nobody,
    Kill,
    Restart,
    ForceTimeout,
    ClientRequest,
    Cut,
    Heal,
    LinkUp,
    LinkCut,
    Inspector,
    InspectorHint,
    NodeActions,
    LinkActions,
    EventLog,
    EventLogEmpty,
    Logs,
    Committed,
    Legend,
    MsgRequestVote,
    MsgVoteGranted,
    MsgVoteRefused,
    MsgAppendEntries,
    MsgHeartbeat,
    MsgAppendOk,
    MsgAppendFail,
    MsgRedirect,
    ClickToDrop,
    ClickToToggleLink,
    ViolationTitle,
    RuleElectionSafety,
    RuleLogMatching,
    RuleLeaderCompleteness,
    RuleStateMachineSafety,
    NoticeTitle,
    Dismiss,
    PanicMessage,
    KeyboardHint,
    Ms,
}

impl Key {
    /// Every key, for completeness tests.
    pub const ALL: &'static [Key] = &[
        Key::AppTitle, Key::AppTagline, Key::LangToggle, Key::NavRaft, Key::Play, Key::Pause, Key::Step, Key::Reset,
        Key::Speed, Key::SpeedHint, Key::Seed, Key::RandomSeed, Key::Nodes, Key::ElectionMin, Key::ElectionMax, Key::Heartbeat, Key::LatencyMin, Key::LatencyMax, Key::Loss,
        Key::Apply, Key::HealAll, Key::SplitCluster, Key::Isolate, Key::VirtualTime, Key::Settings, Key::Follower, Key::Candidate, Key::Leader, Key::Crashed,
        Key::Term, Key::VotedFor, Key::CommitIndex, Key::Log, Key::NextIndex, Key::MatchIndex, Key::Nobody, Key::Kill,
        Key::Restart, Key::ForceTimeout, Key::ClientRequest, Key::Cut, Key::Heal, Key::LinkUp, Key::LinkCut, Key::Inspector,
        Key::InspectorHint, Key::NodeActions, Key::LinkActions, Key::EventLog, Key::EventLogEmpty, Key::Logs, Key::Committed,
        Key::Legend, Key::MsgRequestVote, Key::MsgVoteGranted, Key::MsgVoteRefused, Key::MsgAppendEntries, Key::MsgHeartbeat,
        Key::MsgAppendOk, Key::MsgAppendFail, Key::MsgRedirect, Key::ClickToDrop, Key::ClickToToggleLink, Key::ViolationTitle,
        Key::RuleElectionSafety, Key::RuleLogMatching, Key::RuleLeaderCompleteness, Key::RuleStateMachineSafety,
        Key::NoticeTitle, Key::Dismiss, Key::PanicMessage, Key::KeyboardHint, Key::Ms,
    ];
}

/// A fixed string in `lang`.
pub fn t(lang: Lang, key: Key) -> &'static str {
    match lang {
        Lang::En => en::text(key),
        Lang::Zh => zh::text(key),
    }
}

/// A node's display name: `S1` for id 0.
pub fn node_name(id: NodeId) -> String {
    format!("S{}", id + 1)
}

/// Raft narration in `lang`.
pub fn raft_note(lang: Lang, note: &RaftNote) -> String {
    match lang {
        Lang::En => en::raft_note(note),
        Lang::Zh => zh::raft_note(note),
    }
}

/// Something the engine did (not a protocol's own narration), to be told in the log.
#[derive(Clone, Debug, PartialEq)]
pub enum EngineEvent {
    Crashed(NodeId),
    Restarted(NodeId),
    LinkCut(NodeId, NodeId),
    LinkHealed(NodeId, NodeId),
    /// `what` is the message kind's translation key.
    Dropped { what: Key, from: NodeId, to: NodeId, reason: crate::sim::DropReason },
    ClientRequest { node: NodeId, cmd: u64 },
    ForcedTimeout(NodeId),
    Violation(Key),
}

/// An engine event in `lang`.
pub fn engine_event(lang: Lang, e: &EngineEvent) -> String {
    match lang {
        Lang::En => en::engine_event(e),
        Lang::Zh => zh::engine_event(e),
    }
}

/// A problem found in the URL or a scenario, in `lang`.
pub fn notice(lang: Lang, n: &super::scenario::Notice) -> String {
    match lang {
        Lang::En => en::notice(n),
        Lang::Zh => zh::notice(n),
    }
}

/// The translation key of an invariant's name.
pub fn rule_key(rule: &str) -> Key {
    use crate::protocols::raft::invariants as inv;
    match rule {
        inv::ELECTION_SAFETY => Key::RuleElectionSafety,
        inv::LOG_MATCHING => Key::RuleLogMatching,
        inv::LEADER_COMPLETENESS => Key::RuleLeaderCompleteness,
        _ => Key::RuleStateMachineSafety,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_text_in_both_languages_and_they_differ() {
        for &k in Key::ALL {
            let (e, z) = (t(Lang::En, k), t(Lang::Zh, k));
            assert!(!e.trim().is_empty() && !z.trim().is_empty(), "{k:?}");
            // Chinese strings must actually be Chinese (a copied English string is a bug),
            // except for protocol names used verbatim in both.
            let verbatim = matches!(k, Key::NavRaft | Key::Ms | Key::LangToggle);
            assert!(verbatim || z.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{k:?}: {z}");
        }
    }

    #[test]
    fn glossary_terms_are_used() {
        assert_eq!(t(Lang::Zh, Key::Leader), "领导者");
        assert_eq!(t(Lang::Zh, Key::Follower), "跟随者");
        assert_eq!(t(Lang::Zh, Key::Candidate), "候选者");
        assert_eq!(t(Lang::Zh, Key::Term), "任期");
        assert_eq!(t(Lang::Zh, Key::CommitIndex), "提交索引");
        assert!(raft_note(Lang::Zh, &RaftNote::StartedElection { term: 4 }).contains("选举超时"));
    }

    #[test]
    fn browser_tags_pick_a_language() {
        assert_eq!(Lang::from_tag("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr"), None);
    }
}
