//! The Redlock page: a lock on a majority of five independent servers, broken by one
//! server's clock jump (Kleppmann's example) and by a paused holder it cannot fence, beside
//! a consensus-backed lock on the same servers that a follower's clock cannot touch and
//! whose grant numbers fence the paused holder.

pub mod adapter;
pub mod texts;

use crate::ui::core::page::PageDef;
use crate::ui::core::runner::PageSim;
use crate::ui::core::scenario::{PageSpec, Scenario};
use crate::ui::core::spec::{
    choice, flag, jump_param, num, pause_param, Chapter, ParamSpec, PresetSpec,
};
use crate::ui::core::text::Text;
use crate::ui::core::tours::{figure, in_state, step, Cue, Tour};

const MODES: &[Text] = &[
    Text::Page(&texts::MODE_REDLOCK),
    Text::Page(&texts::MODE_CONSENSUS),
];

// The page's settings, each declared once: the settings panel, the link's parameter
// (name, range, default, clamping) and the adapter's config all read these constants.
pub const MODE: ParamSpec = choice("mode", &texts::MODE, MODES, 0);

pub const CLIENTS: ParamSpec = num("clients", &texts::CLIENTS, 2, 4, 2);

pub const TTL: ParamSpec = num("ttl", &texts::TTL, 30, 10_000, 500);

pub const WORK: ParamSpec = num("work", &texts::WORK, 1, 5_000, 300);

pub const TIMEOUT: ParamSpec = num("timeout", &texts::TIMEOUT, 5, 2_000, 100);

pub const FENCING: ParamSpec = flag("fencing", &texts::FENCING, 1);

pub const PAUSE_MS: ParamSpec = pause_param(1200);

pub const JUMP_MS: ParamSpec = jump_param(600);

pub const RATE: ParamSpec = num("rate", &texts::RATE, 0, 10, 0);

/// This page's settings, in the order the panel shows them.
const PARAMS: &[ParamSpec] = &[
    MODE, CLIENTS, TTL, WORK, TIMEOUT, FENCING, PAUSE_MS, JUMP_MS, RATE,
];

const PRESETS: &[PresetSpec] = &[
    PresetSpec {
        slug: "redlock-jump",
        label: Text::Page(&texts::PRESET_JUMP),
        about: &texts::ABOUT_JUMP,
    },
    PresetSpec {
        slug: "redlock-cuts",
        label: Text::Page(&texts::PRESET_CUTS),
        about: &texts::ABOUT_CUTS,
    },
    PresetSpec {
        slug: "redlock-pause",
        label: Text::Page(&texts::PRESET_PAUSE),
        about: &texts::ABOUT_PAUSE,
    },
    PresetSpec {
        slug: "consensus-jump",
        label: Text::Page(&texts::PRESET_CJUMP),
        about: &texts::ABOUT_CJUMP,
    },
    PresetSpec {
        slug: "consensus-pause",
        label: Text::Page(&texts::PRESET_CPAUSE),
        about: &texts::ABOUT_CPAUSE,
    },
];

fn tours() -> Vec<Tour> {
    vec![Tour {
        slug: "redlock-jump",
        title: &texts::TOUR_TITLE,
        hash: "#/redlock?preset=redlock-jump&tour=redlock-jump",
        steps: vec![
            step(210, None, &texts::TOUR1)
                .when(Cue::Shown("C1 holds the lock", |v| {
                    figure(v, "holders") == "C1"
                }))
                .before(Cue::Alarm("assumes")),
            // After S3's clock jumped (220 ms), before C2 asks (250 ms).
            step(20, None, &texts::TOUR2)
                .when(Cue::Alarm("assumes"))
                .before(Cue::Shown("C2 asked", |v| !in_state(v, "C2", "idle"))),
            step(80, None, &texts::TOUR3).when(Cue::Alarm("holders")),
            step(300, None, &texts::TOUR4).when(Cue::Alarm("lost")),
        ],
    }]
}

/// The servers, the clients and the storage.
pub fn cluster_size(sc: &Scenario) -> usize {
    sc.nodes + sc.param(&CLIENTS) as usize + 1
}

pub static SPEC: PageSpec = PageSpec {
    slug: "redlock",
    chapter: Chapter::Time,
    title: &texts::TITLE,
    blurb: &texts::BLURB,
    intro: &texts::INTRO,
    picture: texts::PICTURE,
    nodes: (1, 7, 5),
    nodes_label: Text::Page(&texts::SERVERS),
    params: PARAMS,
    presets: PRESETS,
    strips: Some(Text::Page(&texts::STRIPS)),
    commands: &["job"],
    tours,
    preset_settings: adapter::preset_settings,
    cluster_size,
    time_faults: true,
    nav_title: Some(&texts::NAV_TITLE),
    ..PageSpec::DEFAULT
};

/// The Redlock page.
pub struct RedlockPage;

impl PageDef for RedlockPage {
    fn spec(&self) -> &'static PageSpec {
        &SPEC
    }
    fn build(&self, sc: &Scenario) -> Box<dyn PageSim> {
        Box::new(adapter::build(sc))
    }
}

crate::page_chunk!(page_redlock, RedlockPage);
