//! The locks & fencing page: a lock with an expiry, a watchdog, a GC pause longer than
//! the expiry, and the fencing tokens that make the paused holder harmless — the first
//! page of the time chapter, on the engine's pauses and local clocks.

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

const DRIFTS: &[Text] = &[
    Text::Page(&texts::DRIFT_0),
    Text::Page(&texts::DRIFT_FAST),
    Text::Page(&texts::DRIFT_SLOW),
];

// The page's settings, each declared once: the settings panel, the link's parameter
// (name, range, default, clamping) and the adapter's config all read these constants.
pub const TTL: ParamSpec = num("ttl", &texts::TTL, 30, 5_000, 300);

pub const WORK: ParamSpec = num("work", &texts::WORK, 1, 5_000, 100);

pub const WATCHDOG: ParamSpec = flag("watchdog", &texts::WATCHDOG, 1);

pub const FENCING: ParamSpec = flag("fencing", &texts::FENCING, 1);

pub const DRIFT: ParamSpec = choice("drift", &texts::DRIFT, DRIFTS, 0);

pub const PAUSE_MS: ParamSpec = pause_param(500);

pub const JUMP_MS: ParamSpec = jump_param(100);

pub const RATE: ParamSpec = num("rate", &texts::RATE, 0, 10, 0);

/// This page's settings, in the order the panel shows them.
const PARAMS: &[ParamSpec] = &[TTL, WORK, WATCHDOG, FENCING, DRIFT, PAUSE_MS, JUMP_MS, RATE];

const PRESETS: &[PresetSpec] = &[
    PresetSpec {
        slug: "paused-holder",
        label: Text::Page(&texts::PRESET_PAUSED),
        about: &texts::ABOUT_PAUSED,
    },
    PresetSpec {
        slug: "paused-holder-fenced",
        label: Text::Page(&texts::PRESET_FENCED),
        about: &texts::ABOUT_FENCED,
    },
    PresetSpec {
        slug: "watchdog",
        label: Text::Page(&texts::PRESET_WATCHDOG),
        about: &texts::ABOUT_WATCHDOG,
    },
];

fn tours() -> Vec<Tour> {
    vec![Tour {
        slug: "paused-holder",
        title: &texts::TOUR_TITLE,
        hash: "#/lock?preset=paused-holder&tour=paused-holder",
        steps: vec![
            step(145, None, &texts::TOUR1)
                .when(Cue::Shown("C1 holds the lock", |v| {
                    in_state(v, "C1", "working")
                }))
                .before(Cue::Shown("C1 paused", |v| in_state(v, "C1", "paused"))),
            step(280, None, &texts::TOUR2).when(Cue::Shown(
                "C2 holds the lock with token 2 while C1 is paused",
                |v| figure(v, "lock") == "C2 #2" && in_state(v, "C1", "paused"),
            )),
            step(700, None, &texts::TOUR3).when(Cue::Alarm("lost")),
        ],
    }]
}

/// The lock service, the clients and the storage.
pub fn cluster_size(sc: &Scenario) -> usize {
    sc.nodes + 2
}

pub static SPEC: PageSpec = PageSpec {
    slug: "lock",
    chapter: Chapter::Time,
    title: &texts::TITLE,
    blurb: &texts::BLURB,
    intro: &texts::INTRO,
    picture: texts::PICTURE,
    nodes: (1, 4, 2),
    nodes_label: Text::Page(&texts::CLIENTS),
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

/// The locks & fencing page.
pub struct LockPage;

impl PageDef for LockPage {
    fn spec(&self) -> &'static PageSpec {
        &SPEC
    }
    fn build(&self, sc: &Scenario) -> Box<dyn PageSim> {
        Box::new(adapter::build(sc))
    }
}

crate::page_chunk!(page_lock, LockPage);
