//! What a page declares about itself, as data: its settings (with ranges and relations),
//! its presets, and the chapter of the course notes it belongs to. Scenario parsing, the
//! settings panel, the home page and the tests read these.

use super::i18n::Key;
use super::text::{Text, Tx};

/// A relation one parameter must keep with another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    None,
    /// `self >= other`
    AtLeast(&'static str),
    /// `self <= other / 2`
    AtMostHalf(&'static str),
    /// `self <= other` (a quorum W or R within N)
    AtMost(&'static str),
    /// `self <=` the page's node count (N replicas within the servers)
    AtMostNodes,
}

/// One page-specific setting.
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

/// How long the inspector's pause button pauses a node (ms): the setting of a page with
/// time faults ([`crate::ui::core::scenario::PageSpec::time_faults`]).
pub const fn pause_param(default: u64) -> ParamSpec {
    ParamSpec {
        key: "pausems",
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
        key: "jumpms",
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
/// group pages by them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Chapter {
    Consensus,
    AtomicCommit,
    Replication,
    Membership,
    Partitioning,
    DataStructures,
    Time,
}

impl Chapter {
    /// Every chapter, in the notes' order.
    pub const ALL: [Chapter; 7] = [
        Chapter::Consensus,
        Chapter::AtomicCommit,
        Chapter::Replication,
        Chapter::Membership,
        Chapter::Partitioning,
        Chapter::DataStructures,
        Chapter::Time,
    ];

    /// The chapter's title (one of the app's common words).
    pub fn title(self) -> Key {
        match self {
            Chapter::Consensus => Key::ChapterConsensus,
            Chapter::AtomicCommit => Key::ChapterAtomicCommit,
            Chapter::Replication => Key::ChapterReplication,
            Chapter::Membership => Key::ChapterMembership,
            Chapter::Partitioning => Key::ChapterPartitioning,
            Chapter::DataStructures => Key::ChapterDataStructures,
            Chapter::Time => Key::ChapterTime,
        }
    }

    /// The chapter's name where room is short (the header's menu).
    pub fn short_title(self) -> Key {
        match self {
            Chapter::Time => Key::ChapterTimeShort,
            Chapter::Replication => Key::ChapterReplicationShort,
            c => c.title(),
        }
    }

    /// What the chapter will bring that no page shows yet (the mission's next pages).
    pub fn upcoming(self) -> Option<Key> {
        match self {
            Chapter::Consensus => Some(Key::SoonConsensus),
            Chapter::AtomicCommit => Some(Key::SoonAtomicCommit),
            // Every mechanism of these chapters is live.
            Chapter::Time
            | Chapter::Replication
            | Chapter::Membership
            | Chapter::Partitioning
            | Chapter::DataStructures => None,
        }
    }
}
