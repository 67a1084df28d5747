//! The consistent-hash ring page (Karger et al.): virtual nodes, the keys a join or leave
//! moves beside 1/N and beside hash mod N, load spread, preference lists.

pub mod adapter;
#[cfg(target_arch = "wasm32")]
pub mod body;
pub mod texts;

use crate::ui::core::page::PageDef;
use crate::ui::core::runner::PageSim;
use crate::ui::core::scenario::{PageSpec, Scenario};
use crate::ui::core::spec::{num, Chapter, ParamSpec};
use crate::ui::core::text::Text;
use crate::ui::core::tours::Tour;

// The page's settings, each declared once: the settings panel, the link's parameter
// (name, range, default, clamping) and the adapter's config all read these constants.
pub const VNODES: ParamSpec = num("vnodes", &texts::VIRTUAL_NODES, 1, 500, 100);

pub const KEYS: ParamSpec = num("keys", &texts::KEYS, 100, 100_000, 10_000);

pub const REPLICAS: ParamSpec = num("replicas", &texts::REPLICAS, 1, 5, 3);

/// This page's settings, in the order the panel shows them.
const PARAMS: &[ParamSpec] = &[VNODES, KEYS, REPLICAS];

fn tours() -> Vec<Tour> {
    Vec::new()
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
