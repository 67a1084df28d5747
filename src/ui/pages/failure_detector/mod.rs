//! The failure-detector page: heartbeats to a monitor that runs a fixed timeout and φ
//! accrual side by side, its plot of arrivals and φ, and the trade-off experiment.

pub mod adapter;
#[cfg(target_arch = "wasm32")]
mod lab_panel;
#[cfg(target_arch = "wasm32")]
mod plot;
pub mod texts;

use crate::ui::core::page::PageDef;
use crate::ui::core::runner::PageSim;
use crate::ui::core::scenario::{PageSpec, Scenario};
use crate::ui::core::spec::{jump_param, num, pause_param, Chapter, ParamSpec, PresetSpec};
use crate::ui::core::text::Text;
use crate::ui::core::tours::{figure, step, Cue, Tour};
use crate::ui::core::view::SimView;

// The page's settings, each declared once: the settings panel, the link's parameter
// (name, range, default, clamping) and the adapter's config all read these constants.
pub const PERIOD: ParamSpec = num("period", &texts::PERIOD, 10, 5_000, 100);

pub const TIMEOUT: ParamSpec = num("timeout", &texts::TIMEOUT, 10, 60_000, 250);

pub const PHI: ParamSpec = num("phi", &texts::THRESHOLD, 1, 16, 8);

pub const WINDOW: ParamSpec = num("window", &texts::WINDOW, 2, 1_000, 100);

pub const PAUSE_MS: ParamSpec = pause_param(1_500);

pub const JUMP_MS: ParamSpec = jump_param(200);

/// This page's settings, in the order the panel shows them.
const PARAMS: &[ParamSpec] = &[PERIOD, TIMEOUT, PHI, WINDOW, PAUSE_MS, JUMP_MS];

const PRESETS: &[PresetSpec] = &[
    PresetSpec {
        slug: "crash",
        label: Text::Page(&texts::PRESET_CRASH),
        about: &texts::ABOUT_CRASH,
    },
    PresetSpec {
        slug: "jitter-rises",
        label: Text::Page(&texts::PRESET_JITTER),
        about: &texts::ABOUT_JITTER,
    },
    PresetSpec {
        slug: "gc-pause",
        label: Text::Page(&texts::PRESET_PAUSE),
        about: &texts::ABOUT_PAUSE,
    },
    PresetSpec {
        slug: "lossy",
        label: Text::Page(&texts::PRESET_LOSSY),
        about: &texts::ABOUT_LOSSY,
    },
];

/// The network has changed (the "since φ learnt" chip has left its dash).
fn changed(v: &SimView) -> bool {
    !matches!(figure(v, "learnt"), "" | "–")
}

/// φ's window has learnt the network as it is now (the chip counts, no longer "learning").
fn learnt(v: &SimView) -> bool {
    let counts: Vec<&str> = figure(v, "learnt").split(" | ").collect();
    counts.len() == 2 && counts.iter().all(|c| c.parse::<u64>().is_ok())
}

fn tours() -> Vec<Tour> {
    vec![Tour {
        slug: "late-or-dead",
        title: &texts::TOUR_TITLE,
        hash: "#/failure-detector?preset=jitter-rises&tour=late-or-dead",
        steps: vec![
            step(3_000, None, &texts::TOUR1).before(Cue::Shown("the network changed", changed)),
            // The network changes at 4 s ("has just turned irregular").
            step(1_500, None, &texts::TOUR2).when(Cue::Shown("the network changed", changed)),
            step(24_500, None, &texts::TOUR3)
                .when(Cue::Shown("φ has learnt the new network", learnt)),
        ],
    }]
}

/// The monitor and the processes.
pub fn cluster_size(sc: &Scenario) -> usize {
    sc.nodes + 1
}

pub static SPEC: PageSpec = PageSpec {
    slug: "failure-detector",
    chapter: Chapter::Membership,
    title: &texts::TITLE,
    blurb: &texts::BLURB,
    intro: &texts::INTRO,
    picture: texts::PICTURE,
    nodes: (1, 4, 2),
    nodes_label: Text::Page(&texts::PROCESSES),
    params: PARAMS,
    presets: PRESETS,
    tours,
    preset_settings: adapter::preset_settings,
    cluster_size,
    time_faults: true,
    nav_title: Some(&texts::NAV_TITLE),
    ..PageSpec::DEFAULT
};

/// The failure-detector page.
pub struct FailureDetectorPage;

impl PageDef for FailureDetectorPage {
    fn spec(&self) -> &'static PageSpec {
        &SPEC
    }
    fn build(&self, sc: &Scenario) -> Box<dyn PageSim> {
        Box::new(adapter::build(sc))
    }
    #[cfg(target_arch = "wasm32")]
    fn drawing(&self) -> Option<leptos::prelude::AnyView> {
        use leptos::prelude::*;
        Some(view! { <plot::PhiPlot/> }.into_any())
    }
    #[cfg(target_arch = "wasm32")]
    fn extras(&self) -> Option<leptos::prelude::AnyView> {
        use leptos::prelude::*;
        Some(view! { <lab_panel::TradeOffPanel/> }.into_any())
    }
}

crate::page_chunk!(page_failure_detector, FailureDetectorPage);
