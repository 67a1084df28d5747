//! The Paxos page: Basic Paxos as in Lamport's "Paxos Made Simple" (proposers, acceptors,
//! a learner), with dueling proposers and forgetful acceptors to break it.

pub mod adapter;
pub mod texts;

use crate::ui::core::i18n::Key;
use crate::ui::core::page::PageDef;
use crate::ui::core::runner::PageSim;
use crate::ui::core::scenario::{PageSpec, Scenario};
use crate::ui::core::spec::{flag, num, Chapter, ParamSpec, PresetSpec};
use crate::ui::core::text::Text;
use crate::ui::core::tours::{in_state, step, Cue, Expect, Tour};

// The page's settings, each declared once: the settings panel, the link's parameter
// (name, range, default, clamping) and the adapter's config all read these constants.
pub const PROPOSERS: ParamSpec = num("proposers", &texts::PROPOSERS, 1, 3, 2);

pub const RETRY: ParamSpec = num("retry", &texts::RETRY_TIMEOUT, 20, 5_000, 150);

pub const BACKOFF: ParamSpec = flag("backoff", &texts::BACKOFF, 0);

pub const DISTINGUISHED: ParamSpec = flag("distinguished", &texts::DISTINGUISHED, 0);

pub const PERSIST: ParamSpec = flag("persist", &texts::PERSIST, 1);

/// This page's settings, in the order the panel shows them.
const PARAMS: &[ParamSpec] = &[PROPOSERS, RETRY, BACKOFF, DISTINGUISHED, PERSIST];

const PRESETS: &[PresetSpec] = &[
    PresetSpec {
        slug: "happy",
        label: Text::Key(Key::PresetHappy),
        about: &texts::ABOUT_HAPPY,
    },
    PresetSpec {
        slug: "proposer-dies",
        label: Text::Page(&texts::PRESET_PROPOSER_DIES),
        about: &texts::ABOUT_PROPOSER_DIES,
    },
    PresetSpec {
        slug: "duel",
        label: Text::Page(&texts::PRESET_DUEL),
        about: &texts::ABOUT_DUEL,
    },
    PresetSpec {
        slug: "minority-down",
        label: Text::Page(&texts::PRESET_MINORITY_DOWN),
        about: &texts::ABOUT_MINORITY_DOWN,
    },
    PresetSpec {
        slug: "acceptor-restarts",
        label: Text::Page(&texts::PRESET_ACCEPTOR_RESTARTS),
        about: &texts::ABOUT_ACCEPTOR_RESTARTS,
    },
];

fn tours() -> Vec<Tour> {
    vec![Tour {
        slug: "paxos-basics",
        title: &texts::TOUR_PAXOS_TITLE,
        hash: "#/paxos?preset=happy&tour=paxos-basics",
        steps: vec![
            step(0, None, &texts::TOUR_PAXOS1),
            step(
                165,
                Some(Expect::Crash("acceptor".into())),
                &texts::TOUR_PAXOS2,
            )
            .when(Cue::Shown("P1 sent its accepts", |v| {
                in_state(v, "P1", "accepting")
            }))
            .before(Cue::Shown("an acceptor accepted", |v| {
                v.nodes.iter().any(|n| n.state == "accepted")
            })),
            step(200, None, &texts::TOUR_PAXOS3).when(Cue::Shown("the learner learned", |v| {
                in_state(v, "L", "learned")
            })),
        ],
    }]
}

/// Proposers, then acceptors, then the learner.
fn cluster_size(sc: &Scenario) -> usize {
    sc.param(&PROPOSERS) as usize + sc.nodes + 1
}

pub static SPEC: PageSpec = PageSpec {
    slug: "paxos",
    chapter: Chapter::Consensus,
    title: &texts::TITLE,
    blurb: &texts::BLURB,
    intro: &texts::INTRO,
    picture: texts::PICTURE,
    nodes: (3, 7, 5),
    nodes_label: Text::Page(&texts::ACCEPTORS),
    params: PARAMS,
    presets: PRESETS,
    strips: Some(Text::Page(&texts::STRIPS)),
    commands: &["propose"],
    tours,
    preset_settings: adapter::preset_settings,
    cluster_size,
    time_faults: true,
    ..PageSpec::DEFAULT
};

/// The Paxos page.
pub struct PaxosPage;

impl PageDef for PaxosPage {
    fn spec(&self) -> &'static PageSpec {
        &SPEC
    }
    fn build(&self, sc: &Scenario) -> Box<dyn PageSim> {
        Box::new(adapter::build(sc))
    }
}

crate::page_chunk!(page_paxos, PaxosPage);
