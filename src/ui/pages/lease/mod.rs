//! The lease page: read leases on caches (a write waits for approval or expiry) and a
//! leader lease, with clock drift against the margin's bound and a paused primary.

pub mod adapter;
pub mod texts;

use crate::ui::core::page::PageDef;
use crate::ui::core::runner::PageSim;
use crate::ui::core::scenario::{PageSpec, Scenario};
use crate::ui::core::spec::{
    choice, flag, jump_param, num, pause_param, Chapter, ParamSpec, PresetSpec,
};
use crate::ui::core::text::Text;
use crate::ui::core::tours::{figure, in_state, node, step, Cue, Tour};

const MODES: &[Text] = &[
    Text::Page(&texts::MODE_CACHE),
    Text::Page(&texts::MODE_LEADER),
];
const DRIFTS: &[Text] = &[
    Text::Page(&texts::DRIFT_NONE),
    Text::Page(&texts::DRIFT_SLOW5),
    Text::Page(&texts::DRIFT_SLOW25),
    Text::Page(&texts::DRIFT_FAST25),
];

// The page's settings, each declared once: the settings panel, the link's parameter
// (name, range, default, clamping) and the adapter's config all read these constants.
pub const MODE: ParamSpec = choice("mode", &texts::MODE, MODES, 0);

pub const PERIOD: ParamSpec = num("period", &texts::PERIOD, 20, 10_000, 400);

pub const MARGIN: ParamSpec = num("margin", &texts::MARGIN, 0, 10_000, 40);

pub const EVERY: ParamSpec = num("every", &texts::EVERY, 10, 5_000, 100);

pub const WORK: ParamSpec = num("work", &texts::WORK, 0, 5_000, 0);

pub const RECHECK: ParamSpec = flag("recheck", &texts::RECHECK, 0);

pub const WRITES: ParamSpec = num("writes", &texts::WRITES, 0, 60_000, 700);

pub const DRIFT: ParamSpec = choice("drift", &texts::DRIFT, DRIFTS, 0);

pub const PAUSE_MS: ParamSpec = pause_param(600);

pub const JUMP_MS: ParamSpec = jump_param(200);

/// This page's settings, in the order the panel shows them.
const PARAMS: &[ParamSpec] = &[
    MODE, PERIOD, MARGIN, EVERY, WORK, RECHECK, WRITES, DRIFT, PAUSE_MS, JUMP_MS,
];

const PRESETS: &[PresetSpec] = &[
    PresetSpec {
        slug: "cache-cut",
        label: Text::Page(&texts::PRESET_CUT),
        about: &texts::ABOUT_CUT,
    },
    PresetSpec {
        slug: "cache-drift-broken",
        label: Text::Page(&texts::PRESET_BROKEN),
        about: &texts::ABOUT_BROKEN,
    },
    PresetSpec {
        slug: "cache-drift-within",
        label: Text::Page(&texts::PRESET_WITHIN),
        about: &texts::ABOUT_WITHIN,
    },
    PresetSpec {
        slug: "leader-pause",
        label: Text::Page(&texts::PRESET_PAUSE),
        about: &texts::ABOUT_PAUSE,
    },
    PresetSpec {
        slug: "leader-pause-recheck",
        label: Text::Page(&texts::PRESET_RECHECK),
        about: &texts::ABOUT_RECHECK,
    },
];

fn tours() -> Vec<Tour> {
    vec![Tour {
        slug: "slow-clock",
        title: &texts::TOUR_TITLE,
        hash: "#/lease?preset=cache-drift-broken&tour=slow-clock",
        steps: vec![
            // Before W's first write (300 ms): both caches hold their leases.
            step(250, None, &texts::TOUR1)
                .when(Cue::Shown("both caches hold leases", |v| {
                    in_state(v, "C1", "holds") && in_state(v, "C2", "holds")
                }))
                .before(Cue::Shown("S applied the write", |v| {
                    node(v, "S").is_some_and(|n| n.badge != "v0")
                })),
            // After the cut (650 ms) and the second write (700 ms), while S waits.
            step(460, None, &texts::TOUR2)
                .when(Cue::Shown("S waits for C1's lease", |v| {
                    figure(v, "waits").contains("C1")
                }))
                .before(Cue::Alarm("stale")),
            step(300, None, &texts::TOUR3).when(Cue::Alarm("stale")),
        ],
    }]
}

/// The server, the holders and the writer.
pub fn cluster_size(sc: &Scenario) -> usize {
    sc.nodes + 2
}

pub static SPEC: PageSpec = PageSpec {
    slug: "lease",
    chapter: Chapter::Time,
    title: &texts::TITLE,
    blurb: &texts::BLURB,
    intro: &texts::INTRO,
    picture: texts::PICTURE,
    nodes: (1, 5, 2),
    nodes_label: Text::Page(&texts::HOLDERS),
    params: PARAMS,
    presets: PRESETS,
    strips: Some(Text::Page(&texts::STRIPS)),
    commands: &["write"],
    tours,
    preset_settings: adapter::preset_settings,
    cluster_size,
    time_faults: true,
    ..PageSpec::DEFAULT
};

/// The lease page.
pub struct LeasePage;

impl PageDef for LeasePage {
    fn spec(&self) -> &'static PageSpec {
        &SPEC
    }
    fn build(&self, sc: &Scenario) -> Box<dyn PageSim> {
        Box::new(adapter::build(sc))
    }
}

crate::page_chunk!(page_lease, LeasePage);
