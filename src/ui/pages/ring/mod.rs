//! The consistent-hash ring page (Karger et al.): virtual nodes, the keys a join or leave
//! moves beside 1/N and beside hash mod N, load spread, preference lists.

pub mod adapter;
#[cfg(target_arch = "wasm32")]
pub mod body;
pub mod texts;

use crate::protocols::hash_ring::membership::RingLayout;
use crate::ui::core::page::PageDef;
use crate::ui::core::runner::PageSim;
use crate::ui::core::scenario::{PageSpec, Scenario};
use crate::ui::core::spec::{num, Chapter, ParamSpec, PresetSpec};
use crate::ui::core::text::Text;
use crate::ui::core::tours::{step, Cue, Expect, Tour};
use crate::ui::core::view::SimView;

// The page's settings, each declared once: the settings panel, the link's parameter
// (name, range, default, clamping) and the adapter's config all read these constants.
pub const VNODES: ParamSpec = num("vnodes", &texts::VIRTUAL_NODES, 1, 500, 100);

pub const KEYS: ParamSpec = num("keys", &texts::KEYS, 100, 100_000, 10_000);

pub const REPLICAS: ParamSpec = num("replicas", &texts::REPLICAS, 1, 5, 3);

/// This page's settings, in the order the panel shows them.
const PARAMS: &[ParamSpec] = &[VNODES, KEYS, REPLICAS];

/// The key whose walk and preference list the page shows first.
pub const SHOWN_KEY: usize = 42;

const PRESETS: &[PresetSpec] = &[
    PresetSpec {
        slug: "one-vnode",
        label: Text::Page(&texts::PRESET_ONE_VNODE),
        about: &texts::ABOUT_ONE_VNODE,
    },
    PresetSpec {
        slug: "join",
        label: Text::Page(&texts::PRESET_JOIN),
        about: &texts::ABOUT_JOIN,
    },
    PresetSpec {
        slug: "leave",
        label: Text::Page(&texts::PRESET_LEAVE),
        about: &texts::ABOUT_LEAVE,
    },
    PresetSpec {
        slug: "replicas",
        label: Text::Page(&texts::PRESET_REPLICAS),
        about: &texts::ABOUT_REPLICAS,
    },
];

/// The last membership change, as the page shows it: a join (`true`) or a leave.
fn last_change(v: &SimView) -> Option<bool> {
    v.data
        .as_ref()
        .and_then(|d| d.get::<RingLayout>())
        .and_then(|l| l.last.as_ref().map(|c| c.added))
}

fn tours() -> Vec<Tour> {
    let doing = |id: &str| Some(Expect::Command(id.into()));
    vec![Tour {
        slug: "ring-walk",
        title: &texts::TOUR_TITLE,
        hash: "#/ring?preset=free&tour=ring-walk",
        steps: vec![
            step(0, None, &texts::TOUR1),
            step(0, doing("join"), &texts::TOUR2),
            step(20, None, &texts::TOUR3).when(Cue::Shown("a node joined", |v| {
                last_change(v) == Some(true)
            })),
            step(0, doing("leave"), &texts::TOUR4),
            step(20, None, &texts::TOUR5)
                .when(Cue::Shown("a node left", |v| last_change(v) == Some(false))),
        ],
    }]
}

/// Node numbers in links name ring ids (numbered from 1 as every node in a link:
/// `x6leave` removes N5).
fn ring_ids(_: &Scenario) -> usize {
    crate::protocols::hash_ring::membership::MAX_ID as usize
}

pub static SPEC: PageSpec = PageSpec {
    slug: "ring",
    chapter: Chapter::Partitioning,
    title: &texts::TITLE,
    blurb: &texts::BLURB,
    intro: &texts::INTRO,
    picture: texts::PICTURE,
    nodes: (1, 20, 5),
    nodes_label: Text::Page(&texts::PHYSICAL_NODES),
    params: PARAMS,
    presets: PRESETS,
    preset_settings: adapter::preset_settings,
    // Free play is the ring as links before the presets showed it (a link without a
    // preset still opens the same ring).
    opens_on_preset: false,
    seeded: false,
    commands: &["join", "leave"],
    network: false,
    space_time: false,
    tours,
    cluster_size: ring_ids,
    ..PageSpec::DEFAULT
};

/// The ring page.
pub struct RingPage;

impl PageDef for RingPage {
    fn spec(&self) -> &'static PageSpec {
        &SPEC
    }
    fn build(&self, sc: &Scenario) -> Box<dyn PageSim> {
        Box::new(adapter::build(sc))
    }
    #[cfg(target_arch = "wasm32")]
    fn body(&self) -> Option<leptos::prelude::AnyView> {
        use crate::lab::sweep::SweepKind;
        use crate::ui::components::sweep::SweepPanel;
        use leptos::prelude::*;
        Some(view! { <body::RingPage/><SweepPanel kind=SweepKind::RingSpread/> }.into_any())
    }
}

crate::page_chunk!(page_ring, RingPage);
