//! What a page declares about itself, as data: its settings (with ranges and relations),
//! its presets, and the chapter of the course notes it belongs to. Scenario parsing, the
//! settings panel, the home page and the tests read these.

use super::i18n::Key;
use super::text::{tx, Text, Tx};

/// A relation one parameter must keep with another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    None,
    /// `self >= other`
    AtLeast(&'static ParamSpec),
    /// `self <= other / 2`
    AtMostHalf(&'static ParamSpec),
    /// `self <= other` (a quorum W or R within N)
    AtMost(&'static ParamSpec),
    /// `self <=` the page's node count (N replicas within the servers)
    AtMostNodes,
}

/// One page-specific setting, declared once as a `pub const` in its page's folder: the
/// settings panel, the link's parameter (name, range, default, clamping notice) and the
/// adapter's config all read that constant ([`crate::ui::core::scenario::Scenario::param`]),
/// so a setting's name is written once and a misspelt one does not compile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParamSpec {
    /// The URL name.
    pub key: &'static str,
    pub label: Text,
    pub min: u64,
    pub max: u64,
    pub default: u64,
    /// Shown as a checkbox (0 / 1).
    pub toggle: bool,
    pub relation: Relation,
    /// Shown as a choice among these labels (values 0, 1, 2, ...).
    pub choices: &'static [Text],
}

/// A numeric setting in `min..=max`.
pub const fn num(
    key: &'static str,
    label: &'static Tx,
    min: u64,
    max: u64,
    default: u64,
) -> ParamSpec {
    ParamSpec {
        key,
        label: Text::Page(label),
        min,
        max,
        default,
        toggle: false,
        relation: Relation::None,
        choices: &[],
    }
}

/// A setting chosen among labelled values `0..choices.len()`.
pub const fn choice(
    key: &'static str,
    label: &'static Tx,
    choices: &'static [Text],
    default: u64,
) -> ParamSpec {
    ParamSpec {
        key,
        label: Text::Page(label),
        min: 0,
        max: choices.len() as u64 - 1,
        default,
        toggle: false,
        relation: Relation::None,
        choices,
    }
}

/// An on/off setting (0 / 1).
pub const fn flag(key: &'static str, label: &'static Tx, default: u64) -> ParamSpec {
    ParamSpec {
        key,
        label: Text::Page(label),
        min: 0,
        max: 1,
        default,
        toggle: true,
        relation: Relation::None,
        choices: &[],
    }
}

/// The link names of [`pause_param`] and [`jump_param`], which the runner looks up on
/// every page that has time faults.
pub const PAUSE_KEY: &str = "pausems";
pub const JUMP_KEY: &str = "jumpms";

/// How long the inspector's pause button pauses a node (ms): the setting of a page with
/// time faults ([`crate::ui::core::scenario::PageSpec::time_faults`]).
pub const fn pause_param(default: u64) -> ParamSpec {
    ParamSpec {
        key: PAUSE_KEY,
        label: Text::Key(Key::PauseButtonMs),
        min: 10,
        max: crate::ui::core::action_log::MAX_PAUSE_MS,
        default,
        toggle: false,
        relation: Relation::None,
        choices: &[],
    }
}

/// How far the inspector's clock buttons step a node's clock (ms).
pub const fn jump_param(default: u64) -> ParamSpec {
    ParamSpec {
        key: JUMP_KEY,
        label: Text::Key(Key::ClockButtonsMs),
        min: 1,
        max: crate::ui::core::action_log::MAX_JUMP_MS,
        default,
        toggle: false,
        relation: Relation::None,
        choices: &[],
    }
}

/// A prepared scenario a page offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PresetSpec {
    pub slug: &'static str,
    pub label: Text,
    /// What the student should watch for.
    pub about: &'static Tx,
}

/// The chapters of the course notes, in their order; the home page and the navigation
/// group pages by them. Each chapter's texts live with it ([`Chapter::texts`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Chapter {
    Consensus,
    AtomicCommit,
    Replication,
    Membership,
    Partitioning,
    LoadBalancing,
    DataStructures,
    Time,
}

/// A chapter's words: its title, a shorter name where room is short (the header's menu),
/// and what it will bring that no page shows yet (the mission's next pages).
pub struct ChapterTexts {
    pub title: Tx,
    pub short: Option<Tx>,
    pub coming: Option<Tx>,
}

const CONSENSUS: ChapterTexts = ChapterTexts {
    title: tx("Consensus", "共识"),
    short: None,
    coming: Some(tx(
        "Coming: PBFT, ZAB, Raft membership changes.",
        "即将推出：PBFT（拜占庭容错）、ZAB 协议、Raft 成员变更。",
    )),
};
const ATOMIC_COMMIT: ChapterTexts = ChapterTexts {
    title: tx("Atomic commit & transactions", "原子提交与分布式事务"),
    short: None,
    coming: Some(tx(
        "Coming: TCC and Saga.",
        "即将推出：TCC 补偿事务、Saga 事务。",
    )),
};
const REPLICATION: ChapterTexts = ChapterTexts {
    title: tx("Replication & quorums", "复制与 Quorum"),
    short: Some(tx("Replication", "复制")),
    coming: None,
};
const MEMBERSHIP: ChapterTexts = ChapterTexts {
    title: tx("Membership & failure detection", "成员管理与故障检测"),
    short: None,
    coming: None,
};
const PARTITIONING: ChapterTexts = ChapterTexts {
    title: tx("Partitioning", "数据分区"),
    short: None,
    coming: None,
};
const LOAD_BALANCING: ChapterTexts = ChapterTexts {
    title: tx("Load balancing", "负载均衡"),
    short: None,
    coming: Some(tx(
        "Coming: round robin, weighted round robin, random, least connections, source hashing and consistent hashing, side by side on one stream of requests.",
        "即将推出：轮询、加权轮询、随机、最少连接、源地址哈希与一致性哈希，在同一请求流上并排比较。",
    )),
};
const DATA_STRUCTURES: ChapterTexts = ChapterTexts {
    title: tx("Data structures", "数据结构"),
    short: None,
    coming: None,
};
const TIME: ChapterTexts = ChapterTexts {
    title: tx("Time, leases & locks", "时间、租约与锁"),
    short: Some(tx("Time", "时间")),
    coming: None,
};

impl Chapter {
    /// Every chapter, in the notes' order.
    pub const ALL: [Chapter; 8] = [
        Chapter::Consensus,
        Chapter::AtomicCommit,
        Chapter::Replication,
        Chapter::Membership,
        Chapter::Partitioning,
        Chapter::LoadBalancing,
        Chapter::DataStructures,
        Chapter::Time,
    ];

    /// The chapter's words.
    pub fn texts(self) -> &'static ChapterTexts {
        match self {
            Chapter::Consensus => &CONSENSUS,
            Chapter::AtomicCommit => &ATOMIC_COMMIT,
            Chapter::Replication => &REPLICATION,
            Chapter::Membership => &MEMBERSHIP,
            Chapter::Partitioning => &PARTITIONING,
            Chapter::LoadBalancing => &LOAD_BALANCING,
            Chapter::DataStructures => &DATA_STRUCTURES,
            Chapter::Time => &TIME,
        }
    }

    /// The chapter's title.
    pub fn title(self) -> Text {
        Text::Page(&self.texts().title)
    }

    /// The chapter's name where room is short (the header's menu).
    pub fn short_title(self) -> Text {
        self.texts().short.as_ref().map_or(self.title(), Text::Page)
    }

    /// What the chapter will bring that no page shows yet.
    pub fn upcoming(self) -> Option<Text> {
        self.texts().coming.as_ref().map(Text::Page)
    }
}
