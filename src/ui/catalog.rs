//! The pages of the app and what each one offers: its node range, its own parameters
//! (with ranges and relations), and its presets. Scenario parsing, the settings panel and
//! the adapters all read this one table.

use crate::ui::i18n::Key;

/// A protocol page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Page {
    Raft,
    Paxos,
    TwoPc,
    ThreePc,
}

/// A relation one parameter must keep with another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    None,
    /// `self >= other`
    AtLeast(&'static str),
    /// `self <= other / 2`
    AtMostHalf(&'static str),
}

/// One page-specific setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParamSpec {
    /// The URL name.
    pub key: &'static str,
    pub label: Key,
    pub min: u64,
    pub max: u64,
    pub default: u64,
    /// Shown as a checkbox (0 / 1).
    pub toggle: bool,
    pub relation: Relation,
}

const fn num(key: &'static str, label: Key, min: u64, max: u64, default: u64) -> ParamSpec {
    ParamSpec { key, label, min, max, default, toggle: false, relation: Relation::None }
}

const fn flag(key: &'static str, label: Key, default: u64) -> ParamSpec {
    ParamSpec { key, label, min: 0, max: 1, default, toggle: true, relation: Relation::None }
}

/// A prepared scenario a page offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PresetSpec {
    pub slug: &'static str,
    pub label: Key,
    /// What the student should watch for.
    pub about: Key,
}

/// Everything a page declares.
#[derive(Clone, Copy, Debug)]
pub struct PageSpec {
    pub page: Page,
    pub slug: &'static str,
    pub nav: Key,
    /// (min, max, default) of the `nodes` setting.
    pub nodes: (u64, u64, u64),
    /// What `nodes` counts on this page.
    pub nodes_label: Key,
    pub params: &'static [ParamSpec],
    pub presets: &'static [PresetSpec],
    /// Title of the per-node state strips.
    pub strips: Key,
    /// One paragraph introducing the protocol.
    pub intro: Key,
}

const RAFT_PARAMS: &[ParamSpec] = &[
    num("emin", Key::ElectionMin, 20, 10_000, 150),
    ParamSpec { relation: Relation::AtLeast("emin"), ..num("emax", Key::ElectionMax, 20, 10_000, 300) },
    ParamSpec { relation: Relation::AtMostHalf("emin"), ..num("hb", Key::Heartbeat, 5, 5_000, 50) },
];

const PAXOS_PARAMS: &[ParamSpec] = &[
    num("proposers", Key::Proposers, 1, 3, 2),
    num("retry", Key::RetryTimeout, 20, 5_000, 150),
    flag("backoff", Key::Backoff, 0),
    flag("distinguished", Key::Distinguished, 0),
    flag("persist", Key::Persist, 1),
];

const TWO_PC_PARAMS: &[ParamSpec] = &[num("timeout", Key::VoteTimeout, 50, 10_000, 300)];

const THREE_PC_PARAMS: &[ParamSpec] = &[
    num("ctimeout", Key::CoordTimeout, 50, 10_000, 200),
    ParamSpec { relation: Relation::AtLeast("ctimeout"), ..num("ptimeout", Key::PartTimeout, 50, 10_000, 400) },
];

const PAXOS_PRESETS: &[PresetSpec] = &[
    PresetSpec { slug: "happy", label: Key::PresetHappy, about: Key::AboutPaxosHappy },
    PresetSpec { slug: "proposer-dies", label: Key::PresetProposerDies, about: Key::AboutPaxosProposerDies },
    PresetSpec { slug: "duel", label: Key::PresetDuel, about: Key::AboutPaxosDuel },
    PresetSpec { slug: "minority-down", label: Key::PresetMinorityDown, about: Key::AboutPaxosMinorityDown },
    PresetSpec { slug: "acceptor-restarts", label: Key::PresetAcceptorRestarts, about: Key::AboutPaxosAcceptorRestarts },
];

const TWO_PC_PRESETS: &[PresetSpec] = &[
    PresetSpec { slug: "happy", label: Key::PresetHappy, about: Key::AboutTpcHappy },
    PresetSpec { slug: "vote-no", label: Key::PresetVoteNo, about: Key::AboutTpcVoteNo },
    PresetSpec { slug: "participant-down", label: Key::PresetParticipantDown, about: Key::AboutTpcParticipantDown },
    PresetSpec { slug: "coordinator-crash", label: Key::PresetCoordinatorCrash, about: Key::AboutTpcCoordinatorCrash },
    PresetSpec { slug: "partial-commit", label: Key::PresetPartialCommit, about: Key::AboutTpcPartialCommit },
];

const THREE_PC_PRESETS: &[PresetSpec] = &[
    PresetSpec { slug: "happy", label: Key::PresetHappy, about: Key::AboutThreeHappy },
    PresetSpec { slug: "coordinator-crash", label: Key::PresetCoordinatorCrash, about: Key::AboutThreeCoordinatorCrash },
    PresetSpec { slug: "partition", label: Key::PresetPartition, about: Key::AboutThreePartition },
];

const SPECS: [PageSpec; 4] = [
    PageSpec { page: Page::Raft, slug: "raft", nav: Key::NavRaft, nodes: (3, 9, 5), nodes_label: Key::Nodes, params: RAFT_PARAMS, presets: &[], strips: Key::Logs, intro: Key::IntroRaft },
    PageSpec { page: Page::Paxos, slug: "paxos", nav: Key::NavPaxos, nodes: (3, 7, 5), nodes_label: Key::Acceptors, params: PAXOS_PARAMS, presets: PAXOS_PRESETS, strips: Key::PaxosStrips, intro: Key::IntroPaxos },
    PageSpec { page: Page::TwoPc, slug: "2pc", nav: Key::NavTwoPc, nodes: (2, 6, 3), nodes_label: Key::Participants, params: TWO_PC_PARAMS, presets: TWO_PC_PRESETS, strips: Key::CommitStrips, intro: Key::IntroTwoPc },
    PageSpec { page: Page::ThreePc, slug: "3pc", nav: Key::NavThreePc, nodes: (2, 6, 4), nodes_label: Key::Participants, params: THREE_PC_PARAMS, presets: THREE_PC_PRESETS, strips: Key::CommitStrips, intro: Key::IntroThreePc },
];

impl Page {
    pub const ALL: [Page; 4] = [Page::Raft, Page::Paxos, Page::TwoPc, Page::ThreePc];

    pub fn spec(self) -> &'static PageSpec {
        SPECS.iter().find(|s| s.page == self).expect("every page has a spec")
    }
    pub fn slug(self) -> &'static str {
        self.spec().slug
    }
    pub fn from_slug(slug: &str) -> Option<Page> {
        SPECS.iter().find(|s| s.slug == slug).map(|s| s.page)
    }
}

impl PageSpec {
    pub fn param(&self, key: &str) -> Option<&'static ParamSpec> {
        self.params.iter().find(|p| p.key == key)
    }
    pub fn preset(&self, slug: &str) -> Option<&'static PresetSpec> {
        self.presets.iter().find(|p| p.slug == slug)
    }
}
