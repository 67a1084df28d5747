//! The consistency-models page: a history of reads and writes drawn by hand (or one of the
//! textbook cases), checked on every edit for linearizability, sequential and causal
//! consistency and the session guarantees, each violation with its witness lit.

pub mod adapter;
#[cfg(target_arch = "wasm32")]
pub mod body;
pub mod texts;

use crate::ui::core::i18n::Key;
use crate::ui::core::page::PageDef;
use crate::ui::core::runner::PageSim;
use crate::ui::core::scenario::{PageSpec, Scenario};
use crate::ui::core::spec::{Chapter, PresetSpec};
use crate::ui::core::text::Text;
use crate::ui::core::tours::{step, Cue, Expect, Tour};
use crate::ui::core::view::SimView;

/// One preset per textbook history (`protocols::consistency::text::TEXTBOOK`, same order).
const PRESETS: &[PresetSpec] = &[
    PresetSpec {
        slug: "linearizable",
        label: Text::Page(&texts::P_LIN),
        about: &texts::A_LIN,
    },
    PresetSpec {
        slug: "stale-read",
        label: Text::Page(&texts::P_STALE),
        about: &texts::A_STALE,
    },
    PresetSpec {
        slug: "new-old",
        label: Text::Page(&texts::P_NEWOLD),
        about: &texts::A_NEWOLD,
    },
    PresetSpec {
        slug: "causal-not-sequential",
        label: Text::Page(&texts::P_CAUSAL),
        about: &texts::A_CAUSAL,
    },
    PresetSpec {
        slug: "ryw-failover",
        label: Text::Page(&texts::P_RYW),
        about: &texts::A_RYW,
    },
    PresetSpec {
        slug: "monotonic-reads",
        label: Text::Page(&texts::P_MR),
        about: &texts::A_MR,
    },
];

/// Whether the history on the page is linearizable: its strongest model, as the history
/// node's state (the adapter checks it; a tour's cue only reads it).
fn linearizable(v: &SimView) -> bool {
    v.nodes.first().is_some_and(|n| n.state == "linearizable")
}

fn tours() -> Vec<Tour> {
    vec![Tour {
        slug: "consistency-stale",
        title: &texts::TOUR_TITLE,
        hash: "#/consistency?preset=stale-read&tour=consistency-stale",
        steps: vec![
            step(0, None, &texts::TOUR1).before(Cue::Shown("linearizable", linearizable)),
            step(0, Some(Expect::Command("set".into())), &texts::TOUR2),
            step(0, None, &texts::TOUR3).when(Cue::Shown("linearizable", linearizable)),
        ],
    }]
}

fn one_node(_: &Scenario) -> usize {
    1
}

pub static SPEC: PageSpec = PageSpec {
    slug: "consistency",
    chapter: Chapter::Replication,
    title: &texts::TITLE,
    blurb: &texts::BLURB,
    intro: &texts::INTRO,
    picture: texts::PICTURE,
    nodes: (1, 1, 1),
    nodes_label: Text::Key(Key::Nodes),
    presets: PRESETS,
    commands: &["set"],
    network: false,
    space_time: false,
    tours,
    cluster_size: one_node,
    seeded: false,
    ..PageSpec::DEFAULT
};

/// The consistency-models page.
pub struct ConsistencyModelsPage;

impl PageDef for ConsistencyModelsPage {
    fn spec(&self) -> &'static PageSpec {
        &SPEC
    }
    fn build(&self, sc: &Scenario) -> Box<dyn PageSim> {
        Box::new(adapter::build(sc))
    }
    #[cfg(target_arch = "wasm32")]
    fn body(&self) -> Option<leptos::prelude::AnyView> {
        use crate::ui::components::consistency::ConsistencyPanel;
        use leptos::prelude::*;
        Some(view! { <body::HistoryEditor/><ConsistencyPanel auto=true/> }.into_any())
    }
}

crate::page_chunk!(page_consistency_models, ConsistencyModelsPage);
