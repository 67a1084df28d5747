//! The 3PC page: three-phase commit (Skeen), which trades 2PC's blocking for a risk under
//! network partitions; the atomicity monitor shows when it materialises.

pub mod adapter;
pub mod texts;

use crate::ui::core::i18n::Key;
use crate::ui::core::page::PageDef;
use crate::ui::core::runner::PageSim;
use crate::ui::core::scenario::{PageSpec, Scenario};
use crate::ui::core::spec::{choice, num, Chapter, ParamSpec, PresetSpec, Relation};
use crate::ui::core::text::Text;
use crate::ui::core::tours::{every, step, Cue, Expect, Tour};

// The page's settings, each declared once: the settings panel, the link's parameter
// (name, range, default, clamping) and the adapter's config all read these constants.
pub const COORD_TIMEOUT: ParamSpec = num("ctimeout", &texts::COORD_TIMEOUT, 50, 10_000, 200);

pub const PART_TIMEOUT: ParamSpec = ParamSpec {
    relation: Relation::AtLeast(&COORD_TIMEOUT),
    ..num("ptimeout", &texts::PART_TIMEOUT, 50, 10_000, 400)
};

pub const TERM: ParamSpec = choice(
    "term",
    &texts::TERMINATION,
    &[Text::Page(&texts::TERM_OFF), Text::Page(&texts::TERM_ON)],
    0,
);

/// This page's settings, in the order the panel shows them.
const PARAMS: &[ParamSpec] = &[COORD_TIMEOUT, PART_TIMEOUT, TERM];

const PRESETS: &[PresetSpec] = &[
    PresetSpec {
        slug: "happy",
        label: Text::Key(Key::PresetHappy),
        about: &texts::ABOUT_HAPPY,
    },
    PresetSpec {
        slug: "coordinator-crash",
        label: Text::Page(&crate::ui::pages::two_pc::texts::PRESET_COORDINATOR_CRASH),
        about: &texts::ABOUT_COORDINATOR_CRASH,
    },
    PresetSpec {
        slug: "crash-mid-precommit",
        label: Text::Page(&texts::PRESET_CRASH_MID_PRECOMMIT),
        about: &texts::ABOUT_CRASH_MID_PRECOMMIT,
    },
    PresetSpec {
        slug: "partition",
        label: Text::Page(&texts::PRESET_PARTITION),
        about: &texts::ABOUT_PARTITION,
    },
    PresetSpec {
        slug: "partition-termination",
        label: Text::Page(&texts::PRESET_PARTITION_TERMINATION),
        about: &texts::ABOUT_PARTITION_TERMINATION,
    },
    PresetSpec {
        slug: "slow-network",
        label: Text::Page(&texts::PRESET_SLOW_NETWORK),
        about: &texts::ABOUT_SLOW_NETWORK,
    },
];

fn tours() -> Vec<Tour> {
    vec![Tour {
        slug: "3pc-no-blocking",
        title: &texts::TOUR_TITLE,
        hash: "#/3pc?preset=free&lmin=30&lmax=30&tour=3pc-no-blocking",
        steps: vec![
            step(0, Some(Expect::Command("begin".into())), &texts::TOUR1),
            // PreCommit reaches everyone 3 hops after Begin; DoCommit would 5 hops after.
            step(70, Some(Expect::Crash("coordinator".into())), &texts::TOUR2)
                .when(Cue::Shown("every participant is pre-committed", |v| {
                    every(v, "participant", "precommitted")
                }))
                .before(Cue::Shown("a participant committed", |v| {
                    v.nodes.iter().any(|n| n.state == "committed")
                })),
            step(600, None, &texts::TOUR3)
                .when(Cue::Shown("every participant committed on its own", |v| {
                    every(v, "participant", "committed")
                })),
        ],
    }]
}

pub static SPEC: PageSpec = PageSpec {
    slug: "3pc",
    chapter: Chapter::AtomicCommit,
    title: &texts::TITLE,
    blurb: &texts::BLURB,
    intro: &texts::INTRO,
    picture: texts::PICTURE,
    nodes: (2, 6, 4),
    nodes_label: Text::Page(&crate::ui::pages::two_pc::texts::PARTICIPANTS),
    params: PARAMS,
    presets: PRESETS,
    strips: Some(Text::Page(&crate::ui::pages::two_pc::texts::COMMIT_STRIPS)),
    commands: &["begin", "vote-no"],
    tours,
    preset_settings: adapter::preset_settings,
    cluster_size: crate::ui::pages::two_pc::with_coordinator,
    time_faults: true,
    ..PageSpec::DEFAULT
};

/// The 3PC page.
pub struct ThreePcPage;

impl PageDef for ThreePcPage {
    fn spec(&self) -> &'static PageSpec {
        &SPEC
    }
    fn build(&self, sc: &Scenario) -> Box<dyn PageSim> {
        Box::new(adapter::build(sc))
    }
}

crate::page_chunk!(page_three_pc, ThreePcPage);
