//! The 2PC page: two-phase commit with a logged decision (Gray; Bernstein et al.), and its
//! classic failure: a coordinator crash blocks every participant that voted yes.

pub mod adapter;
pub mod texts;

use crate::ui::core::i18n::Key;
use crate::ui::core::page::PageDef;
use crate::ui::core::runner::PageSim;
use crate::ui::core::scenario::{PageSpec, Scenario};
use crate::ui::core::spec::{num, Chapter, ParamSpec, PresetSpec};
use crate::ui::core::text::Text;
use crate::ui::core::tours::{every, in_state, step, Cue, Expect, Tour};

// The page's settings, each declared once: the settings panel, the link's parameter
// (name, range, default, clamping) and the adapter's config all read these constants.
pub const TIMEOUT: ParamSpec = num("timeout", &texts::VOTE_TIMEOUT, 50, 10_000, 300);

/// This page's settings, in the order the panel shows them.
const PARAMS: &[ParamSpec] = &[TIMEOUT];

const PRESETS: &[PresetSpec] = &[
    PresetSpec {
        slug: "happy",
        label: Text::Key(Key::PresetHappy),
        about: &texts::ABOUT_HAPPY,
    },
    PresetSpec {
        slug: "vote-no",
        label: Text::Page(&texts::PRESET_VOTE_NO),
        about: &texts::ABOUT_VOTE_NO,
    },
    PresetSpec {
        slug: "participant-down",
        label: Text::Page(&texts::PRESET_PARTICIPANT_DOWN),
        about: &texts::ABOUT_PARTICIPANT_DOWN,
    },
    PresetSpec {
        slug: "coordinator-crash",
        label: Text::Page(&texts::PRESET_COORDINATOR_CRASH),
        about: &texts::ABOUT_COORDINATOR_CRASH,
    },
    PresetSpec {
        slug: "partial-commit",
        label: Text::Page(&texts::PRESET_PARTIAL_COMMIT),
        about: &texts::ABOUT_PARTIAL_COMMIT,
    },
];

fn tours() -> Vec<Tour> {
    let crash = |r: &str| Some(Expect::Crash(r.into()));
    vec![Tour {
        slug: "2pc-blocking",
        title: &texts::TOUR_TPC_TITLE,
        hash: "#/2pc?preset=free&lmin=30&lmax=30&tour=2pc-blocking",
        steps: vec![
            step(0, Some(Expect::Command("begin".into())), &texts::TOUR_TPC1),
            step(70, crash("coordinator"), &texts::TOUR_TPC2)
                .when(Cue::Shown(
                    "every participant voted yes, commit logged",
                    |v| every(v, "participant", "prepared") && in_state(v, "C", "sending"),
                ))
                .before(Cue::Shown("a participant committed", |v| {
                    v.nodes.iter().any(|n| n.state == "committed")
                })),
            step(1_000, Some(Expect::Restart), &texts::TOUR_TPC3).when(Cue::Alarm("blocked")),
            step(300, None, &texts::TOUR_TPC4).when(Cue::Shown("everyone committed", |v| {
                every(v, "participant", "committed")
            })),
        ],
    }]
}

/// The coordinator and its participants.
pub fn with_coordinator(sc: &Scenario) -> usize {
    sc.nodes + 1
}

pub static SPEC: PageSpec = PageSpec {
    slug: "2pc",
    chapter: Chapter::AtomicCommit,
    title: &texts::TITLE,
    blurb: &texts::BLURB,
    intro: &texts::INTRO,
    picture: texts::PICTURE,
    nodes: (2, 6, 3),
    nodes_label: Text::Page(&texts::PARTICIPANTS),
    params: PARAMS,
    presets: PRESETS,
    strips: Some(Text::Page(&texts::COMMIT_STRIPS)),
    commands: &["begin", "vote-no"],
    tours,
    preset_settings: adapter::preset_settings,
    cluster_size: with_coordinator,
    time_faults: true,
    ..PageSpec::DEFAULT
};

/// The 2PC page.
pub struct TwoPcPage;

impl PageDef for TwoPcPage {
    fn spec(&self) -> &'static PageSpec {
        &SPEC
    }
    fn build(&self, sc: &Scenario) -> Box<dyn PageSim> {
        Box::new(adapter::build(sc))
    }
}

crate::page_chunk!(page_two_pc, TwoPcPage);
