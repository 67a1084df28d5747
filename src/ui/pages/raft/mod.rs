//! The Raft page: leader election and log replication (Ongaro & Ousterhout, Figure 2), with
//! the safety properties of Figure 3 checked after every event.

pub mod adapter;
pub mod texts;

use crate::ui::core::i18n::Key;
use crate::ui::core::page::PageDef;
use crate::ui::core::runner::PageSim;
use crate::ui::core::scenario::{nodes_setting, PageSpec, Scenario};
use crate::ui::core::spec::{num, Chapter, ParamSpec, PresetSpec, Relation};
use crate::ui::core::text::Text;
use crate::ui::core::tours::{figure, step, Cue, Expect, Tour};

// The page's settings, each declared once: the settings panel, the link's parameter
// (name, range, default, clamping) and the adapter's config all read these constants.
pub const ELECTION_MIN: ParamSpec = num("emin", &texts::ELECTION_MIN, 20, 10_000, 150);

pub const ELECTION_MAX: ParamSpec = ParamSpec {
    relation: Relation::AtLeast(&ELECTION_MIN),
    ..num("emax", &texts::ELECTION_MAX, 20, 10_000, 300)
};

pub const HEARTBEAT: ParamSpec = ParamSpec {
    relation: Relation::AtMostHalf(&ELECTION_MIN),
    ..num("hb", &texts::HEARTBEAT, 5, 5_000, 50)
};

/// This page's settings, in the order the panel shows them.
const PARAMS: &[ParamSpec] = &[ELECTION_MIN, ELECTION_MAX, HEARTBEAT];

const PRESETS: &[PresetSpec] = &[
    PresetSpec {
        slug: "split-vote",
        label: Text::Page(&texts::PRESET_SPLIT_VOTE),
        about: &texts::ABOUT_SPLIT_VOTE,
    },
    PresetSpec {
        slug: "partitioned-leader",
        label: Text::Page(&texts::PRESET_PARTITIONED_LEADER),
        about: &texts::ABOUT_PARTITIONED_LEADER,
    },
    PresetSpec {
        slug: "log-repair",
        label: Text::Page(&texts::PRESET_LOG_REPAIR),
        about: &texts::ABOUT_LOG_REPAIR,
    },
    PresetSpec {
        slug: "commit-rule",
        label: Text::Page(&texts::PRESET_COMMIT_RULE),
        about: &texts::ABOUT_COMMIT_RULE,
    },
];

fn tours() -> Vec<Tour> {
    let crash = |r: &str| Some(Expect::Crash(r.into()));
    vec![Tour {
        slug: "raft-election",
        title: &texts::TOUR_RAFT_TITLE,
        hash: "#/raft?seed=3&nodes=5&tour=raft-election",
        steps: vec![
            step(0, None, &texts::TOUR_RAFT1),
            step(260, crash("leader"), &texts::TOUR_RAFT2),
            // "One follower ... won. Now send a client request to a follower": shown once
            // the new leader's heartbeats reached the others (a follower that has not
            // heard from it yet would turn the request away).
            step(
                450,
                Some(Expect::Command("request".into())),
                &texts::TOUR_RAFT3,
            )
            .when(Cue::Shown(
                "a leader every other live server follows",
                |v| {
                    let live = || v.nodes.iter().filter(|n| !n.crashed);
                    live().any(|n| n.role == "leader")
                        && live().all(|n| n.role == "leader" || n.state == "following")
                },
            )),
            step(250, None, &texts::TOUR_RAFT4).when(Cue::Shown("the request is committed", |v| {
                figure(v, "commit") != "0"
            })),
        ],
    }]
}

pub static SPEC: PageSpec = PageSpec {
    slug: "raft",
    chapter: Chapter::Consensus,
    title: &texts::TITLE,
    blurb: &texts::BLURB,
    intro: &texts::INTRO,
    picture: texts::PICTURE,
    nodes: (3, 9, 5),
    nodes_label: Text::Key(Key::Nodes),
    params: PARAMS,
    presets: PRESETS,
    strips: Some(Text::Page(&texts::STRIPS)),
    commands: &["request", "timeout"],
    tours,
    preset_settings: adapter::preset_settings,
    cluster_size: nodes_setting,
    same_runs_since: 2,
    opens_on_preset: false,
    time_faults: true,
    ..PageSpec::DEFAULT
};

/// The Raft page.
pub struct RaftPage;

impl PageDef for RaftPage {
    fn spec(&self) -> &'static PageSpec {
        &SPEC
    }
    fn build(&self, sc: &Scenario) -> Box<dyn PageSim> {
        Box::new(adapter::build(sc))
    }
    #[cfg(target_arch = "wasm32")]
    fn extras(&self) -> Option<leptos::prelude::AnyView> {
        use crate::ui::components::experiments::ExperimentsPanel;
        use leptos::prelude::*;
        Some(view! { <ExperimentsPanel/> }.into_any())
    }
}

crate::page_chunk!(page_raft, RaftPage);
