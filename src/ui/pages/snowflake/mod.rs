//! The snowflake IDs page: timestamp | worker id | sequence, a clock stepped backwards
//! under four strategies, and two generators sharing a worker id.

pub mod adapter;
pub mod texts;

use crate::ui::core::page::PageDef;
use crate::ui::core::runner::PageSim;
use crate::ui::core::scenario::{PageSpec, Scenario};
use crate::ui::core::spec::{
    choice, flag, jump_param, num, pause_param, Chapter, ParamSpec, PresetSpec,
};
use crate::ui::core::text::Text;
use crate::ui::core::tours::{step, Cue, Tour};

const STRATEGIES: &[Text] = &[
    Text::Page(&texts::S_WAIT),
    Text::Page(&texts::S_REFUSE),
    Text::Page(&texts::S_LOGICAL),
    Text::Page(&texts::S_IGNORE),
];

// The page's settings, each declared once: the settings panel, the link's parameter
// (name, range, default, clamping) and the adapter's config all read these constants.
pub const STRATEGY: ParamSpec = choice("strategy", &texts::STRATEGY, STRATEGIES, 0);

pub const SAME_WORKER: ParamSpec = flag("sameworker", &texts::SAME_WORKER, 0);

pub const PERIOD: ParamSpec = num("period", &texts::PERIOD, 0, 2_000, 50);

pub const JUMP_MS: ParamSpec = jump_param(100);

pub const PAUSE_MS: ParamSpec = pause_param(300);

/// This page's settings, in the order the panel shows them.
const PARAMS: &[ParamSpec] = &[STRATEGY, SAME_WORKER, PERIOD, JUMP_MS, PAUSE_MS];

const PRESETS: &[PresetSpec] = &[
    PresetSpec {
        slug: "clock-back-ignore",
        label: Text::Page(&texts::PRESET_IGNORE),
        about: &texts::ABOUT_IGNORE,
    },
    PresetSpec {
        slug: "clock-back-wait",
        label: Text::Page(&texts::PRESET_WAIT),
        about: &texts::ABOUT_WAIT,
    },
    PresetSpec {
        slug: "clock-back-refuse",
        label: Text::Page(&texts::PRESET_REFUSE),
        about: &texts::ABOUT_REFUSE,
    },
    PresetSpec {
        slug: "clock-back-logical",
        label: Text::Page(&texts::PRESET_LOGICAL),
        about: &texts::ABOUT_LOGICAL,
    },
    PresetSpec {
        slug: "same-worker",
        label: Text::Page(&texts::PRESET_SAME),
        about: &texts::ABOUT_SAME,
    },
];

fn tours() -> Vec<Tour> {
    vec![Tour {
        slug: "clock-back",
        title: &texts::TOUR_TITLE,
        hash: "#/snowflake?preset=clock-back-ignore&tour=clock-back",
        steps: vec![
            step(400, None, &texts::TOUR1).before(Cue::Alarm("dups")),
            step(300, None, &texts::TOUR2).when(Cue::Alarm("dups")),
            step(200, None, &texts::TOUR3),
        ],
    }]
}

/// The app and the generators.
pub fn cluster_size(sc: &Scenario) -> usize {
    sc.nodes + 1
}

pub static SPEC: PageSpec = PageSpec {
    slug: "snowflake",
    chapter: Chapter::Time,
    title: &texts::TITLE,
    blurb: &texts::BLURB,
    intro: &texts::INTRO,
    picture: texts::PICTURE,
    nodes: (2, 8, 3),
    nodes_label: Text::Page(&texts::GENERATORS),
    params: PARAMS,
    presets: PRESETS,
    strips: Some(Text::Page(&texts::STRIPS)),
    commands: &["ask"],
    tours,
    preset_settings: adapter::preset_settings,
    cluster_size,
    time_faults: true,
    nav_title: Some(&texts::NAV_TITLE),
    ..PageSpec::DEFAULT
};

/// The snowflake IDs page.
pub struct SnowflakePage;

impl PageDef for SnowflakePage {
    fn spec(&self) -> &'static PageSpec {
        &SPEC
    }
    fn build(&self, sc: &Scenario) -> Box<dyn PageSim> {
        Box::new(adapter::build(sc))
    }
}

crate::page_chunk!(page_snowflake, SnowflakePage);
