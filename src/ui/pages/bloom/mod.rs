//! The bloom filter page (Bloom, 1970): m bits, k hash functions, the three query outcomes
//! and the measured false-positive rate beside (1 − e^(−kn/m))^k; cache penetration.

pub mod adapter;
#[cfg(target_arch = "wasm32")]
pub mod body;
pub mod texts;

use crate::ui::core::i18n::Key;
use crate::ui::core::page::PageDef;
use crate::ui::core::runner::PageSim;
use crate::ui::core::scenario::{PageSpec, Scenario};
use crate::ui::core::spec::{num, Chapter, ParamSpec};
use crate::ui::core::text::Text;
use crate::ui::core::tours::{step, Expect, Tour};

// The page's settings, each declared once: the settings panel, the link's parameter
// (name, range, default, clamping) and the adapter's config all read these constants.
pub const BITS: ParamSpec = num("m", &texts::BITS, 8, 4_096, 256);

pub const HASHES: ParamSpec = num("k", &texts::HASH_FUNCTIONS, 1, 16, 3);

/// This page's settings, in the order the panel shows them.
const PARAMS: &[ParamSpec] = &[BITS, HASHES];

fn tours() -> Vec<Tour> {
    let doing = |id: &str| Some(Expect::Command(id.into()));
    vec![Tour {
        slug: "bloom-maybe",
        title: &texts::TOUR_TITLE,
        hash: "#/bloom?tour=bloom-maybe",
        steps: vec![
            step(0, doing("insert"), &texts::TOUR1),
            step(0, doing("query"), &texts::TOUR2),
            step(0, doing("measure"), &texts::TOUR3),
            step(0, doing("penetrate"), &texts::TOUR4),
        ],
    }]
}

/// The filter is one node.
fn one_node(_: &Scenario) -> usize {
    1
}

pub static SPEC: PageSpec = PageSpec {
    slug: "bloom",
    chapter: Chapter::DataStructures,
    title: &texts::TITLE,
    blurb: &texts::BLURB,
    intro: &texts::INTRO,
    picture: texts::PICTURE,
    nodes: (1, 1, 1),
    nodes_label: Text::Key(Key::Nodes),
    params: PARAMS,
    commands: &["insert", "query", "insert-random", "measure", "penetrate"],
    network: false,
    space_time: false,
    tours,
    cluster_size: one_node,
    ..PageSpec::DEFAULT
};

/// The bloom page.
pub struct BloomPage;

impl PageDef for BloomPage {
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
        Some(
            view! { <body::BloomPage/><SweepPanel kind=SweepKind::BloomFalsePositives/> }
                .into_any(),
        )
    }
}

crate::page_chunk!(page_bloom, BloomPage);
