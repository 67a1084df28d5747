//! The Quorum NWR page: N replicas, W and R, version numbers, stale reads when the
//! quorums do not overlap, a failed write that is seen, read repair, sloppy quorum with
//! hinted handoff — and the stale-read experiment beside the PBS arithmetic.

pub mod adapter;
#[cfg(target_arch = "wasm32")]
pub mod lab_panel;
pub mod texts;

use crate::ui::core::page::PageDef;
use crate::ui::core::runner::PageSim;
use crate::ui::core::scenario::{PageSpec, Scenario};
use crate::ui::core::spec::{choice, flag, num, Chapter, ParamSpec, PresetSpec, Relation};
use crate::ui::core::text::Text;
use crate::ui::core::tours::{in_state, step, Cue, Tour};

const REPAIRS: &[Text] = &[
    Text::Page(&texts::REPAIR_OFF),
    Text::Page(&texts::REPAIR_BACKGROUND),
    Text::Page(&texts::REPAIR_BLOCKING),
];

const VERSION_KINDS: &[Text] = &[
    Text::Page(&texts::VERSION_NUMBERS),
    Text::Page(&texts::VECTOR_CLOCKS),
];

// 1 ≤ W, R ≤ N ≤ servers: out-of-range values are clamped with a notice.
// The page's settings, each declared once: the settings panel, the link's parameter
// (name, range, default, clamping) and the adapter's config all read these constants.
pub const N: ParamSpec = ParamSpec {
    relation: Relation::AtMostNodes,
    ..num("n", &texts::N, 1, 7, 3)
};

pub const W: ParamSpec = ParamSpec {
    relation: Relation::AtMost(&N),
    ..num("w", &texts::W, 1, 7, 2)
};

pub const R: ParamSpec = ParamSpec {
    relation: Relation::AtMost(&N),
    ..num("r", &texts::R, 1, 7, 2)
};

pub const REPAIR: ParamSpec = choice("repair", &texts::REPAIR, REPAIRS, 0);

pub const SLOPPY: ParamSpec = flag("sloppy", &texts::SLOPPY, 0);

pub const VERSIONS: ParamSpec = choice("versions", &texts::VERSIONS, VERSION_KINDS, 0);

pub const RATE: ParamSpec = num("rate", &texts::RATE, 0, 20, 0);

pub const FIRST_REPLY: ParamSpec = flag("firstreply", &texts::FIRST_REPLY, 0);

/// This page's settings, in the order the panel shows them.
const PARAMS: &[ParamSpec] = &[N, W, R, REPAIR, SLOPPY, VERSIONS, RATE, FIRST_REPLY];

// The happy path first: the page opens on it, and free play starts from its settings.
const PRESETS: &[PresetSpec] = &[
    PresetSpec {
        slug: "overlap",
        label: Text::Page(&texts::PRESET_OVERLAP),
        about: &texts::ABOUT_OVERLAP,
    },
    PresetSpec {
        slug: "stale-read",
        label: Text::Page(&texts::PRESET_STALE),
        about: &texts::ABOUT_STALE,
    },
    PresetSpec {
        slug: "failed-write-seen",
        label: Text::Page(&texts::PRESET_FAILED),
        about: &texts::ABOUT_FAILED,
    },
    PresetSpec {
        slug: "concurrent-writers",
        label: Text::Page(&texts::PRESET_CONCURRENT),
        about: &texts::ABOUT_CONCURRENT,
    },
    PresetSpec {
        slug: "sloppy-partition",
        label: Text::Page(&texts::PRESET_SLOPPY),
        about: &texts::ABOUT_SLOPPY,
    },
];

fn tours() -> Vec<Tour> {
    vec![Tour {
        slug: "quorum-stale",
        title: &texts::TOUR_TITLE,
        hash: "#/quorum?preset=stale-read&tour=quorum-stale",
        steps: vec![
            step(100, None, &texts::TOUR1).before(Cue::Shown("C1's write succeeded", |v| {
                in_state(v, "C1", "idle")
            })),
            // The write has succeeded; C2's read starts at 200 ms.
            step(90, None, &texts::TOUR2)
                .when(Cue::Shown("C1's write succeeded", |v| {
                    in_state(v, "C1", "idle")
                }))
                .before(Cue::Shown("C2 read", |v| !in_state(v, "C2", "idle"))),
            step(260, None, &texts::TOUR3).when(Cue::Alarm("stale")),
        ],
    }]
}

/// The servers and two clients.
pub fn cluster_size(sc: &Scenario) -> usize {
    sc.nodes + 2
}

pub static SPEC: PageSpec = PageSpec {
    slug: "quorum",
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

/// The Quorum NWR page.
pub struct QuorumPage;

impl PageDef for QuorumPage {
    fn spec(&self) -> &'static PageSpec {
        &SPEC
    }
    fn build(&self, sc: &Scenario) -> Box<dyn PageSim> {
        Box::new(adapter::build(sc))
    }
    /// The consistency checker for the run's history, and the stale-read experiment.
    #[cfg(target_arch = "wasm32")]
    fn extras(&self) -> Option<leptos::prelude::AnyView> {
        use crate::ui::components::consistency::ConsistencyPanel;
        use leptos::prelude::*;
        Some(view! { <ConsistencyPanel/><lab_panel::StalenessPanel/> }.into_any())
    }
}

crate::page_chunk!(page_quorum, QuorumPage);
