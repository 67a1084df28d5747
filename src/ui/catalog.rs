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
    Gossip,
    Ring,
    Bloom,
}

/// How a page is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Nodes exchanging messages on the engine (SVG).
    Cluster,
    /// Many nodes on the engine, drawn on a canvas.
    Crowd,
    /// The consistent-hash ring.
    Ring,
    /// The bloom filter.
    Bloom,
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
    /// Shown as a choice among these labels (values 0, 1, 2, ...).
    pub choices: &'static [Key],
}

const fn num(key: &'static str, label: Key, min: u64, max: u64, default: u64) -> ParamSpec {
    ParamSpec {
        key,
        label,
        min,
        max,
        default,
        toggle: false,
        relation: Relation::None,
        choices: &[],
    }
}

const fn choice(key: &'static str, label: Key, choices: &'static [Key], default: u64) -> ParamSpec {
    ParamSpec {
        key,
        label,
        min: 0,
        max: choices.len() as u64 - 1,
        default,
        toggle: false,
        relation: Relation::None,
        choices,
    }
}

const fn flag(key: &'static str, label: Key, default: u64) -> ParamSpec {
    ParamSpec {
        key,
        label,
        min: 0,
        max: 1,
        default,
        toggle: true,
        relation: Relation::None,
        choices: &[],
    }
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
    pub kind: Kind,
}

const RAFT_PARAMS: &[ParamSpec] = &[
    num("emin", Key::ElectionMin, 20, 10_000, 150),
    ParamSpec {
        relation: Relation::AtLeast("emin"),
        ..num("emax", Key::ElectionMax, 20, 10_000, 300)
    },
    ParamSpec {
        relation: Relation::AtMostHalf("emin"),
        ..num("hb", Key::Heartbeat, 5, 5_000, 50)
    },
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
    ParamSpec {
        relation: Relation::AtLeast("ctimeout"),
        ..num("ptimeout", Key::PartTimeout, 50, 10_000, 400)
    },
];

const GOSSIP_PARAMS: &[ParamSpec] = &[
    choice(
        "mode",
        Key::GossipMode,
        &[Key::ModePush, Key::ModePull, Key::ModePushPull],
        2,
    ),
    num("fanout", Key::Fanout, 1, 10, 1),
    num("period", Key::Period, 20, 5_000, 100),
    choice(
        "stop",
        Key::Termination,
        &[Key::StopNever, Key::StopCounter, Key::StopCoin],
        0,
    ),
    num("stopk", Key::StopK, 1, 10, 2),
    num("ae", Key::AntiEntropy, 0, 50, 0),
];

const RING_PARAMS: &[ParamSpec] = &[
    num("vnodes", Key::VirtualNodes, 1, 500, 100),
    num("keys", Key::Keys, 100, 100_000, 10_000),
    num("replicas", Key::Replicas, 1, 5, 3),
];

const BLOOM_PARAMS: &[ParamSpec] = &[
    num("m", Key::Bits, 8, 4_096, 256),
    num("k", Key::HashFunctions, 1, 16, 3),
];

const GOSSIP_PRESETS: &[PresetSpec] = &[
    PresetSpec {
        slug: "spread",
        label: Key::PresetSpread,
        about: Key::AboutGossipSpread,
    },
    PresetSpec {
        slug: "mongering",
        label: Key::PresetMongering,
        about: Key::AboutGossipMongering,
    },
    PresetSpec {
        slug: "anti-entropy",
        label: Key::PresetAntiEntropy,
        about: Key::AboutGossipAntiEntropy,
    },
    PresetSpec {
        slug: "dead-nodes",
        label: Key::PresetDeadNodes,
        about: Key::AboutGossipDeadNodes,
    },
];

const PAXOS_PRESETS: &[PresetSpec] = &[
    PresetSpec {
        slug: "happy",
        label: Key::PresetHappy,
        about: Key::AboutPaxosHappy,
    },
    PresetSpec {
        slug: "proposer-dies",
        label: Key::PresetProposerDies,
        about: Key::AboutPaxosProposerDies,
    },
    PresetSpec {
        slug: "duel",
        label: Key::PresetDuel,
        about: Key::AboutPaxosDuel,
    },
    PresetSpec {
        slug: "minority-down",
        label: Key::PresetMinorityDown,
        about: Key::AboutPaxosMinorityDown,
    },
    PresetSpec {
        slug: "acceptor-restarts",
        label: Key::PresetAcceptorRestarts,
        about: Key::AboutPaxosAcceptorRestarts,
    },
];

const TWO_PC_PRESETS: &[PresetSpec] = &[
    PresetSpec {
        slug: "happy",
        label: Key::PresetHappy,
        about: Key::AboutTpcHappy,
    },
    PresetSpec {
        slug: "vote-no",
        label: Key::PresetVoteNo,
        about: Key::AboutTpcVoteNo,
    },
    PresetSpec {
        slug: "participant-down",
        label: Key::PresetParticipantDown,
        about: Key::AboutTpcParticipantDown,
    },
    PresetSpec {
        slug: "coordinator-crash",
        label: Key::PresetCoordinatorCrash,
        about: Key::AboutTpcCoordinatorCrash,
    },
    PresetSpec {
        slug: "partial-commit",
        label: Key::PresetPartialCommit,
        about: Key::AboutTpcPartialCommit,
    },
];

const THREE_PC_PRESETS: &[PresetSpec] = &[
    PresetSpec {
        slug: "happy",
        label: Key::PresetHappy,
        about: Key::AboutThreeHappy,
    },
    PresetSpec {
        slug: "coordinator-crash",
        label: Key::PresetCoordinatorCrash,
        about: Key::AboutThreeCoordinatorCrash,
    },
    PresetSpec {
        slug: "partition",
        label: Key::PresetPartition,
        about: Key::AboutThreePartition,
    },
];

const SPECS: [PageSpec; 7] = [
    PageSpec {
        page: Page::Raft,
        slug: "raft",
        nav: Key::NavRaft,
        nodes: (3, 9, 5),
        nodes_label: Key::Nodes,
        params: RAFT_PARAMS,
        presets: &[],
        strips: Key::Logs,
        intro: Key::IntroRaft,
        kind: Kind::Cluster,
    },
    PageSpec {
        page: Page::Paxos,
        slug: "paxos",
        nav: Key::NavPaxos,
        nodes: (3, 7, 5),
        nodes_label: Key::Acceptors,
        params: PAXOS_PARAMS,
        presets: PAXOS_PRESETS,
        strips: Key::PaxosStrips,
        intro: Key::IntroPaxos,
        kind: Kind::Cluster,
    },
    PageSpec {
        page: Page::TwoPc,
        slug: "2pc",
        nav: Key::NavTwoPc,
        nodes: (2, 6, 3),
        nodes_label: Key::Participants,
        params: TWO_PC_PARAMS,
        presets: TWO_PC_PRESETS,
        strips: Key::CommitStrips,
        intro: Key::IntroTwoPc,
        kind: Kind::Cluster,
    },
    PageSpec {
        page: Page::ThreePc,
        slug: "3pc",
        nav: Key::NavThreePc,
        nodes: (2, 6, 4),
        nodes_label: Key::Participants,
        params: THREE_PC_PARAMS,
        presets: THREE_PC_PRESETS,
        strips: Key::CommitStrips,
        intro: Key::IntroThreePc,
        kind: Kind::Cluster,
    },
    PageSpec {
        page: Page::Gossip,
        slug: "gossip",
        nav: Key::NavGossip,
        nodes: (8, 500, 100),
        nodes_label: Key::Nodes,
        params: GOSSIP_PARAMS,
        presets: GOSSIP_PRESETS,
        strips: Key::Logs,
        intro: Key::IntroGossip,
        kind: Kind::Crowd,
    },
    PageSpec {
        page: Page::Ring,
        slug: "ring",
        nav: Key::NavRing,
        nodes: (1, 20, 5),
        nodes_label: Key::PhysicalNodes,
        params: RING_PARAMS,
        presets: &[],
        strips: Key::Logs,
        intro: Key::IntroRing,
        kind: Kind::Ring,
    },
    PageSpec {
        page: Page::Bloom,
        slug: "bloom",
        nav: Key::NavBloom,
        nodes: (1, 1, 1),
        nodes_label: Key::Nodes,
        params: BLOOM_PARAMS,
        presets: &[],
        strips: Key::Logs,
        intro: Key::IntroBloom,
        kind: Kind::Bloom,
    },
];

impl Page {
    pub const ALL: [Page; 7] = [
        Page::Raft,
        Page::Paxos,
        Page::TwoPc,
        Page::ThreePc,
        Page::Gossip,
        Page::Ring,
        Page::Bloom,
    ];

    pub fn spec(self) -> &'static PageSpec {
        SPECS
            .iter()
            .find(|s| s.page == self)
            .expect("every page has a spec")
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
