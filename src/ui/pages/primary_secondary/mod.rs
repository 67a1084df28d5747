//! The primary-secondary page: replication with a primary, synchronous / semi-synchronous
//! / asynchronous acknowledgement, the high-water mark and failover by vote — and the
//! acknowledged writes an asynchronous primary takes down with it.

pub mod adapter;
pub mod texts;

use crate::ui::core::page::PageDef;
use crate::ui::core::runner::PageSim;
use crate::ui::core::scenario::{PageSpec, Scenario};
use crate::ui::core::spec::{choice, flag, num, Chapter, ParamSpec, PresetSpec};
use crate::ui::core::text::Text;
use crate::ui::core::tours::{figure, node, step, Cue, Tour};

const MODES: &[Text] = &[
    Text::Page(&texts::MODE_SYNC),
    Text::Page(&texts::MODE_SEMI),
    Text::Page(&texts::MODE_ASYNC),
];

// The page's settings, each declared once: the settings panel, the link's parameter
// (name, range, default, clamping) and the adapter's config all read these constants.
pub const MODE: ParamSpec = choice("mode", &texts::MODE, MODES, 0);

pub const SEMI_K: ParamSpec = num("k", &texts::SEMI_K, 1, 6, 1);

pub const RATE: ParamSpec = num("rate", &texts::RATE, 0, 20, 0);

pub const ACK_EARLY: ParamSpec = flag("ackearly", &texts::ACK_EARLY, 0);

/// This page's settings, in the order the panel shows them.
const PARAMS: &[ParamSpec] = &[MODE, SEMI_K, RATE, ACK_EARLY];

const PRESETS: &[PresetSpec] = &[
    PresetSpec {
        slug: "sync-failover",
        label: Text::Page(&texts::PRESET_SYNC),
        about: &texts::ABOUT_SYNC,
    },
    PresetSpec {
        slug: "semi-failover",
        label: Text::Page(&texts::PRESET_SEMI),
        about: &texts::ABOUT_SEMI,
    },
    PresetSpec {
        slug: "async-loss",
        label: Text::Page(&texts::PRESET_ASYNC),
        about: &texts::ABOUT_ASYNC,
    },
    PresetSpec {
        slug: "sync-stall",
        label: Text::Page(&texts::PRESET_STALL),
        about: &texts::ABOUT_STALL,
    },
    PresetSpec {
        slug: "primary-isolated",
        label: Text::Page(&texts::PRESET_ISOLATED),
        about: &texts::ABOUT_ISOLATED,
    },
];

fn tours() -> Vec<Tour> {
    vec![Tour {
        slug: "ps-async",
        title: &texts::TOUR_TITLE,
        hash: "#/primary-secondary?preset=async-loss&tour=ps-async",
        steps: vec![
            step(0, None, &texts::TOUR1),
            // C2's write is in S1's log, answered at once (180 ms), and S1 has not crashed
            // yet (195 ms).
            step(185, None, &texts::TOUR2)
                .when(Cue::Shown("S1 appended C2's write", |v| {
                    node(v, "S1").is_some_and(|n| n.badge == "2")
                }))
                .before(Cue::Shown("S1 crashed", |v| {
                    node(v, "S1").is_some_and(|n| n.crashed)
                })),
            step(700, None, &texts::TOUR3).when(Cue::Shown(
                "a secondary is the new primary with the write lost",
                |v| {
                    v.nodes
                        .iter()
                        .any(|n| n.role == "primary" && n.name != "S1")
                        && figure(v, "lost") == "1"
                },
            )),
            step(250, None, &texts::TOUR4).when(Cue::Shown("C2 read 11", |v| {
                node(v, "C2").is_some_and(|n| n.state == "idle" && n.badge.contains("11"))
            })),
        ],
    }]
}

/// The primary, its secondaries and two clients.
pub fn cluster_size(sc: &Scenario) -> usize {
    sc.nodes + 1 + 2
}

pub static SPEC: PageSpec = PageSpec {
    slug: "primary-secondary",
    chapter: Chapter::Replication,
    title: &texts::TITLE,
    blurb: &texts::BLURB,
    intro: &texts::INTRO,
    picture: texts::PICTURE,
    nodes: (2, 6, 2),
    nodes_label: Text::Page(&texts::REPLICAS),
    params: PARAMS,
    presets: PRESETS,
    strips: Some(Text::Page(&texts::STRIPS)),
    commands: &["write", "read"],
    tours,
    preset_settings: adapter::preset_settings,
    cluster_size,
    time_faults: true,
    ..PageSpec::DEFAULT
};

/// The primary-secondary page.
pub struct PrimarySecondaryPage;

impl PageDef for PrimarySecondaryPage {
    fn spec(&self) -> &'static PageSpec {
        &SPEC
    }
    fn build(&self, sc: &Scenario) -> Box<dyn PageSim> {
        Box::new(adapter::build(sc))
    }
    /// The run's history, sent to the consistency checker.
    #[cfg(target_arch = "wasm32")]
    fn extras(&self) -> Option<leptos::prelude::AnyView> {
        use crate::ui::components::consistency::ConsistencyPanel;
        use leptos::prelude::*;
        Some(view! { <ConsistencyPanel/> }.into_any())
    }
}

crate::page_chunk!(page_primary_secondary, PrimarySecondaryPage);
