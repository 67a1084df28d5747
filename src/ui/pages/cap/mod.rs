//! The CAP page: one partition, two choices — CP refuses on the minority side, AP answers
//! everywhere and reconciles later (last writer wins, or siblings) — with availability
//! and staleness counted per side, and PACELC's latency price without a partition.

pub mod adapter;
pub mod texts;

use crate::ui::core::page::PageDef;
use crate::ui::core::runner::PageSim;
use crate::ui::core::scenario::{PageSpec, Scenario};
use crate::ui::core::spec::{choice, flag, num, Chapter, ParamSpec, PresetSpec};
use crate::ui::core::text::Text;
use crate::ui::core::tours::{node, step, Cue, Tour};

const MODES: &[Text] = &[Text::Page(&texts::MODE_CP), Text::Page(&texts::MODE_AP)];
const MERGES: &[Text] = &[
    Text::Page(&texts::MERGE_LWW),
    Text::Page(&texts::MERGE_SIBLINGS),
];

// The page's settings, each declared once: the settings panel, the link's parameter
// (name, range, default, clamping) and the adapter's config all read these constants.
pub const MODE: ParamSpec = choice("mode", &texts::MODE, MODES, 0);

pub const MERGE: ParamSpec = choice("merge", &texts::MERGE, MERGES, 0);

pub const RATE: ParamSpec = num("rate", &texts::RATE, 0, 20, 0);

pub const MINORITY: ParamSpec = flag("minority", &texts::BREAK, 0);

/// This page's settings, in the order the panel shows them.
const PARAMS: &[ParamSpec] = &[MODE, MERGE, RATE, MINORITY];

const PRESETS: &[PresetSpec] = &[
    PresetSpec {
        slug: "cp-partition",
        label: Text::Page(&texts::PRESET_CP),
        about: &texts::ABOUT_CP,
    },
    PresetSpec {
        slug: "ap-lww",
        label: Text::Page(&texts::PRESET_LWW),
        about: &texts::ABOUT_LWW,
    },
    PresetSpec {
        slug: "ap-siblings",
        label: Text::Page(&texts::PRESET_SIBLINGS),
        about: &texts::ABOUT_SIBLINGS,
    },
    PresetSpec {
        slug: "pacelc",
        label: Text::Page(&texts::PRESET_PACELC),
        about: &texts::ABOUT_PACELC,
    },
];

fn tours() -> Vec<Tour> {
    vec![Tour {
        slug: "cap-choice",
        title: &texts::TOUR_TITLE,
        hash: "#/cap?preset=cp-partition&tour=cap-choice",
        steps: vec![
            step(250, None, &texts::TOUR1)
                .before(Cue::Shown("the network split", |v| !v.cut.is_empty())),
            step(580, None, &texts::TOUR2).when(Cue::Alarm("side-b")),
            step(1_200, None, &texts::TOUR3).when(Cue::Shown("C2 read C1's write", |v| {
                v.cut.is_empty() && node(v, "C2").is_some_and(|n| n.badge == "=21")
            })),
        ],
    }]
}

/// The servers and two clients.
pub fn cluster_size(sc: &Scenario) -> usize {
    sc.nodes + 2
}

pub static SPEC: PageSpec = PageSpec {
    slug: "cap",
    chapter: Chapter::Replication,
    title: &texts::TITLE,
    blurb: &texts::BLURB,
    intro: &texts::INTRO,
    picture: texts::PICTURE,
    nodes: (3, 7, 3),
    nodes_label: Text::Page(&texts::SERVERS),
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

/// The CAP page.
pub struct CapPage;

impl PageDef for CapPage {
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

crate::page_chunk!(page_cap, CapPage);
