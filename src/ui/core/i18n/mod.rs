//! Translation tables: one per language ([`en`], [`zh`]). Each table is an exhaustive
//! `match`, so a string missing from one language is a compile error, not a blank label.
//! Chinese terms follow the course notes' glossary (shared/GLOSSARY.md).

pub mod en;
pub mod fields;
pub mod text;
pub mod zh;

use crate::sim::NodeId;
use text::Text;

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

/// Every fixed string of the interface (`Key::ALL` lists them for completeness tests).
macro_rules! keys {
    ($($k:ident),* $(,)?) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key { $($k),* }
        impl Key {
            /// Every key.
            pub const ALL: &'static [Key] = &[$(Key::$k),*];
        }
    };
}

keys! {
    AppTitle, AppTagline, LangToggle, Play, Pause, Step, Reset, Speed, SpeedHint, Seed,
    RandomSeed, Nodes, LatencyMin, LatencyMax, Loss, Duplicate, DuplicateCopy, HealAll, SplitCluster, Isolate,
    VirtualTime, Settings, Crashed, Kill, Restart, Cut, Heal, LinkUp, LinkCut, Inspector,
    InspectorHint, NodeActions, EventLog, EventLogEmpty, Legend, ClickToDrop, ClickToToggleLink,
    ViolationTitle, NoticeTitle, Dismiss, PanicMessage, KeyboardHint, Presets, FreePlay,
    PresetHappy, Status, Timeline, TimelineHint, Share, CopyLink, CopyLinkNow, CopyEmbed, More, Less, Copied, SpaceTime,
    SpaceTimeHint, MsLeft, MsgTitle, MsgSent, MsgArrives, MsgArrived, MsgDropped, MsgDoomed, MsgFlying, MsgCarries, MsgDrop, MsgNotKept, StEarlier, StLater, StZoomIn, StZoomOut, StFollow, StPinned, Experiments, ExperimentsAbout, Trials, Run, Cancel, ExportCsv, ExportSvg,
    ExportPng, ExportTrace, Median, P95, LeaderlessMs, TimeoutRange, Fig16Randomness, Fig16MinTimeout, Mean, Slowest, PaperSays, NoLeaderInCap, Tours, TourContinue,
    TourExit, TourWaiting, TourDone, TourPlaying, TourWaitingState, Theory, Measured, Round, InfectedOverTime, SweepGossip,
    SweepBloom, SweepRing,
    Home, HomeIntro,
    ComingSoon, PauseButtonMs, ClockButtonsMs, SaveScenario, OpenScenario,
    ConsistencyTitle, ConsistencyAbout, CheckRun, ModelLinearizable, ModelSequential, ModelCausal,
    ModelEventual, SessionRyw, SessionMr, SessionMw, SessionWfr, Holds, Broken, Undecided,
    StrongestModel, HistoryTooLong, NoOpsYet, WhyRyw, WhyMr, WhyMw, WhyWfr, NoLinearOrder,
    Paused, PauseNode, ClockJump, LocalClock, TrueTime, PageFetching, PageFetchFailed, TryAgain,
}

/// A fixed string in `lang`.
pub fn t(lang: Lang, key: Key) -> &'static str {
    match lang {
        Lang::En => en::text(key),
        Lang::Zh => zh::text(key),
    }
}

/// Display names of a page's nodes (`S1`, `P1`, `A2`, `C`, ...), indexed by id.
pub type Names<'a> = &'a [String];

/// A student's command as told in the log.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmdText {
    ClientRequest(u64),
    ForceTimeout,
    Propose,
    Begin,
    SetVoteNo(bool),
    /// A page's own command, by its name.
    Named(Text),
}

/// Something the engine did (not a protocol's own narration), to be told in the log.
#[derive(Clone, Debug, PartialEq)]
pub enum EngineEvent {
    Crashed(NodeId),
    Restarted(NodeId),
    /// Paused for this long.
    Paused(NodeId, crate::sim::SimTime),
    Resumed(NodeId),
    /// The clock stepped by this many µs.
    ClockJumped(NodeId, i64),
    LinkCut(NodeId, NodeId),
    LinkHealed(NodeId, NodeId),
    /// `what` is the message kind's name.
    Dropped {
        what: Text,
        from: NodeId,
        to: NodeId,
        reason: crate::sim::DropReason,
    },
    /// A command to a node; `true` when a preset's script gave it, not the user.
    Command(NodeId, CmdText, bool),
    /// The broken rule's name.
    Violation(Text),
}

/// An engine event in `lang`.
pub fn engine_event(lang: Lang, e: &EngineEvent, names: Names) -> String {
    match lang {
        Lang::En => en::engine_event(e, names),
        Lang::Zh => zh::engine_event(e, names),
    }
}

/// The line that counts the notices not listed.
pub fn more_notices(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("… and {n} more"),
        Lang::Zh => format!("……另有 {n} 条"),
    }
}

/// The progress line while a link's start time (`t=`) is being reached.
pub fn catching_up(lang: Lang, target: &str) -> String {
    match lang {
        Lang::En => format!("Running to {target}, where the link opens…"),
        Lang::Zh => format!("正在运行到链接的起始时刻 {target}……"),
    }
}

/// Over the space-time diagram of a run gone quiet: since when, and what it shows.
pub fn st_quiet_since(lang: Lang, since: &str) -> String {
    match lang {
        Lang::En => format!("quiet since {since}: showing the last exchange"),
        Lang::Zh => format!("自 {since} 起无活动：显示最后一轮交互"),
    }
}

/// What the address bar's link holds once a session outgrew it.
pub fn link_cut(lang: Lang, kept: usize, total: usize, until: &str) -> String {
    match lang {
        Lang::En => format!(
            "This session is longer than a link holds: the link (and a saved scenario) carries its first {kept} of {total} actions and opens at {until}, the last moment it reproduces exactly."
        ),
        Lang::Zh => format!(
            "本次会话超出了链接的容量：链接（以及保存的场景）只包含前 {kept} 个操作（共 {total} 个），并在 {until} 打开——这是它能精确重现的最后时刻。"
        ),
    }
}

/// One operation of a recorded history, for a checker's witness: "wrote 12 (0.160–0.200 s)".
pub fn op_text(lang: Lang, write: bool, value: u64, span: &str) -> String {
    match (lang, write) {
        (Lang::En, true) => format!("wrote {value} ({span})"),
        (Lang::En, false) => format!("read {value} ({span})"),
        (Lang::Zh, true) => format!("写入 {value}（{span}）"),
        (Lang::Zh, false) => format!("读到 {value}（{span}）"),
    }
}

/// A stale read in one sentence: `who` `read`, though `newer` (a client and its write)
/// had replaced the value it returned before the read began.
pub fn stale_sentence(lang: Lang, who: &str, read: &str, newer: &str) -> String {
    match lang {
        Lang::En => format!(
            "{who} {read}, though {newer}, which replaced that value before the read began."
        ),
        Lang::Zh => format!("{who} {read}，但 {newer} 已在这次读开始之前替换了这个值。"),
    }
}

/// What the verdicts were checked on: `n` operations, recorded up to `at` (a run's virtual
/// time; none for a history drawn by hand).
pub fn checked_sentence(lang: Lang, n: usize, at: Option<String>) -> String {
    match (lang, at) {
        (Lang::En, Some(at)) => format!("checked on {n} operations, recorded up to {at}"),
        (Lang::En, None) => format!("checked on {n} operations"),
        (Lang::Zh, Some(at)) => format!("基于截至 {at} 记录的 {n} 个操作检查"),
        (Lang::Zh, None) => format!("基于 {n} 个操作检查"),
    }
}

/// A model the checker could not decide within its budget: how far it searched (states,
/// wall-clock time) and what remains (operations it could not place in any order it tried).
pub fn undecided_sentence(
    lang: Lang,
    explored: usize,
    deepest: usize,
    of: usize,
    took_ms: u64,
) -> String {
    let left = of.saturating_sub(deepest);
    match lang {
        Lang::En => format!(
            "The search stopped at its budget after {explored} states ({took_ms} ms): its longest order placed {deepest} of {of} operations, {left} remain. A shorter or less faulty run decides."
        ),
        Lang::Zh => format!(
            "搜索在探索了 {explored} 个状态（{took_ms} 毫秒）后达到预算而停止：找到的最长顺序排入了 {of} 个操作中的 {deepest} 个，还剩 {left} 个。运行更短或故障更少时即可判定。"
        ),
    }
}

/// A model's counterexample: the `k` operations (`ops`, listed) that alone break it.
pub fn core_sentence(lang: Lang, k: usize, ops: &str) -> String {
    match lang {
        Lang::En => format!("These {k} operations alone already break it: {ops}."),
        Lang::Zh => format!("仅这 {k} 个操作就已违反它：{ops}。"),
    }
}

/// A broken session guarantee in one sentence: `who` did `first`, then `then`, and `why`
/// that breaks it (one of the `Why…` words).
pub fn witness_sentence(lang: Lang, who: &str, first: &str, then: &str, why: Key) -> String {
    match lang {
        Lang::En => format!("{who} {first}, then {then}: {}.", t(lang, why)),
        Lang::Zh => format!("{who} {first}，然后{then}：{}。", t(lang, why)),
    }
}

/// A problem found in the URL or a scenario, in `lang`.
pub fn notice(lang: Lang, n: &super::notice::Notice) -> String {
    match lang {
        Lang::En => en::notice(n),
        Lang::Zh => zh::notice(n),
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
            let verbatim = matches!(k, Key::LangToggle);
            assert!(
                verbatim || z.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{k:?}: {z}"
            );
        }
    }

    #[test]
    fn browser_tags_pick_a_language() {
        assert_eq!(Lang::from_tag("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr"), None);
    }
}
