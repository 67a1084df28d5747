//! The gossip page: push, pull and push-pull epidemics (Demers et al., "Epidemic
//! Algorithms for Replicated Database Maintenance"), rumour mongering with its residue, and
//! anti-entropy; up to 500 nodes on a canvas, the infected count beside the theory.

pub mod adapter;
pub mod texts;

use crate::ui::core::i18n::Key;
use crate::ui::core::page::PageDef;
use crate::ui::core::runner::PageSim;
use crate::ui::core::scenario::{nodes_setting, PageSpec, Scenario};
use crate::ui::core::spec::{choice, num, Chapter, ParamSpec, PresetSpec};
use crate::ui::core::text::Text;
use crate::ui::core::tours::{figure, step, Cue, Expect, Tour};
use crate::ui::core::view::SimView;

// The page's settings, each declared once: the settings panel, the link's parameter
// (name, range, default, clamping) and the adapter's config all read these constants.
pub const MODE: ParamSpec = choice(
    "mode",
    &texts::GOSSIP_MODE,
    &[
        Text::Page(&texts::MODE_PUSH),
        Text::Page(&texts::MODE_PULL),
        Text::Page(&texts::MODE_PUSH_PULL),
    ],
    2,
);

pub const FANOUT: ParamSpec = num("fanout", &texts::FANOUT, 1, 10, 1);

pub const PERIOD: ParamSpec = num("period", &texts::PERIOD, 20, 5_000, 100);

pub const STOP: ParamSpec = choice(
    "stop",
    &texts::TERMINATION,
    &[
        Text::Page(&texts::STOP_NEVER),
        Text::Page(&texts::STOP_COUNTER),
        Text::Page(&texts::STOP_COIN),
    ],
    0,
);

pub const STOP_K: ParamSpec = num("stopk", &texts::STOP_K, 1, 10, 2);

pub const ANTI_ENTROPY: ParamSpec = num("ae", &texts::ANTI_ENTROPY, 0, 50, 0);

/// This page's settings, in the order the panel shows them.
const PARAMS: &[ParamSpec] = &[MODE, FANOUT, PERIOD, STOP, STOP_K, ANTI_ENTROPY];

const PRESETS: &[PresetSpec] = &[
    PresetSpec {
        slug: "spread",
        label: Text::Page(&texts::PRESET_SPREAD),
        about: &texts::ABOUT_SPREAD,
    },
    PresetSpec {
        slug: "mongering",
        label: Text::Page(&texts::PRESET_MONGERING),
        about: &texts::ABOUT_MONGERING,
    },
    PresetSpec {
        slug: "anti-entropy",
        label: Text::Page(&texts::PRESET_ANTI_ENTROPY),
        about: &texts::ABOUT_ANTI_ENTROPY,
    },
    PresetSpec {
        slug: "dead-nodes",
        label: Text::Page(&texts::PRESET_DEAD_NODES),
        about: &texts::ABOUT_DEAD_NODES,
    },
];

/// Whether at least `num / den` of the nodes have heard the rumour (the "infected"
/// figure reads `i / n`).
fn heard(v: &SimView, num: u64, den: u64) -> bool {
    let (i, n) = figure(v, "infected")
        .split_once(" / ")
        .unwrap_or(("0", "1"));
    let (i, n) = (i.parse::<u64>().unwrap_or(0), n.parse::<u64>().unwrap_or(1));
    i * den >= n * num
}

fn tours() -> Vec<Tour> {
    vec![Tour {
        slug: "gossip-rumour",
        title: &texts::TOUR_TITLE,
        // Rumour mongering: push, fanout 1, stop after the first useless contact.
        hash:
            "#/gossip?preset=free&mode=0&fanout=1&stop=1&stopk=1&lmin=5&lmax=10&tour=gossip-rumour",
        steps: vec![
            step(0, Some(Expect::Command("infect".into())), &texts::TOUR1),
            step(100, None, &texts::TOUR2)
                .when(Cue::Shown("a quarter of the nodes heard it", |v| {
                    heard(v, 1, 4)
                }))
                .before(Cue::Shown("the rumour reached nine in ten", |v| {
                    heard(v, 9, 10)
                })),
            step(500, None, &texts::TOUR3).when(Cue::Alarm("residue")),
        ],
    }]
}

pub static SPEC: PageSpec = PageSpec {
    slug: "gossip",
    chapter: Chapter::Membership,
    title: &texts::TITLE,
    blurb: &texts::BLURB,
    intro: &texts::INTRO,
    picture: texts::PICTURE,
    nodes: (8, 500, 100),
    nodes_label: Text::Key(Key::Nodes),
    params: PARAMS,
    presets: PRESETS,
    commands: &["infect"],
    space_time: false,
    tours,
    preset_settings: adapter::preset_settings,
    cluster_size: nodes_setting,
    same_runs_since: 2,
    ..PageSpec::DEFAULT
};

/// The gossip page.
pub struct GossipPage;

impl PageDef for GossipPage {
    fn spec(&self) -> &'static PageSpec {
        &SPEC
    }
    fn build(&self, sc: &Scenario) -> Box<dyn PageSim> {
        Box::new(adapter::build(sc))
    }
    #[cfg(target_arch = "wasm32")]
    fn extras(&self) -> Option<leptos::prelude::AnyView> {
        use crate::lab::sweep::SweepKind;
        use crate::ui::components::sweep::SweepPanel;
        use leptos::prelude::*;
        Some(view! { <SweepPanel kind=SweepKind::GossipRounds/> }.into_any())
    }
}

crate::page_chunk!(page_gossip, GossipPage);
