//! One adapter per protocol: how its nodes, messages, narration and commands look on the
//! page. [`build`] turns a scenario into a running page of the right protocol.

pub mod gossip;
pub mod paxos;
pub mod raft;
pub mod three_pc;
pub mod two_pc;

use crate::sim::{SimTime, WorldConfig};
use crate::ui::catalog::Page;
use crate::ui::scenario::Scenario;
use crate::ui::view::PageSim;

/// Trace events kept for the event log and drop animations.
pub const TRACE_CAPACITY: usize = 4_000;

/// The engine settings of a scenario.
pub fn world_config(sc: &Scenario) -> WorldConfig {
    WorldConfig {
        seed: sc.seed,
        net: sc.net_config(),
        trace_capacity: TRACE_CAPACITY,
        check_invariants: true,
    }
}

/// A running page for `sc`: its protocol, settings, preset script and the user's logged
/// actions (replayed as the clock reaches them), advanced to its start time.
pub fn build(sc: &Scenario) -> Box<dyn PageSim> {
    let mut sim: Box<dyn PageSim> = match sc.page {
        Page::Raft => Box::new(raft::build(sc)),
        Page::Paxos => Box::new(paxos::build(sc)),
        Page::TwoPc => Box::new(two_pc::build(sc)),
        Page::ThreePc => Box::new(three_pc::build(sc)),
        Page::Gossip => Box::new(gossip::build(sc)),
        Page::Ring | Page::Bloom => Box::new(crate::ui::view::NullSim),
    };
    sim.load_log(sc.actions.clone());
    if sc.start_ms > 0 {
        sim.run_until(sc.start_ms * crate::sim::MS);
    }
    sim
}

/// How many nodes a scenario's cluster has (node numbers in links are checked against it).
pub fn cluster_size(sc: &Scenario) -> usize {
    match sc.page {
        Page::Raft => sc.nodes,
        Page::Paxos => sc.param("proposers") as usize + sc.nodes + 1,
        Page::TwoPc | Page::ThreePc => sc.nodes + 1,
        Page::Gossip => sc.nodes,
        Page::Ring | Page::Bloom => 0,
    }
}

/// Apply what choosing `sc.preset` implies for the other settings (fixed latency, the
/// preset's cluster shape).
pub fn preset_settings(sc: &mut Scenario) {
    match sc.page {
        Page::Raft => {}
        Page::Paxos => paxos::preset_settings(sc),
        Page::TwoPc => two_pc::preset_settings(sc),
        Page::ThreePc => three_pc::preset_settings(sc),
        Page::Gossip => gossip::preset_settings(sc),
        Page::Ring | Page::Bloom => {}
    }
}

/// `n` display names `prefix1..prefixN`.
pub fn numbered(prefix: &str, n: usize) -> Vec<String> {
    (1..=n).map(|i| format!("{prefix}{i}")).collect()
}

/// Milliseconds, rounded down, for labels.
pub fn ms(t: SimTime) -> u64 {
    t / crate::sim::MS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{MS, SEC};
    use crate::ui::i18n::Lang;

    fn run(url: &str, until: SimTime) -> crate::ui::view::SimView {
        let (sc, notices) = Scenario::from_location("", url);
        assert!(notices.is_empty(), "{url}: {notices:?}");
        let mut sim = build(&sc);
        sim.run_until(until);
        sim.view(Lang::En, 50 * MS)
    }

    fn status<'a>(v: &'a crate::ui::view::SimView, key: &str) -> &'a crate::ui::view::StatusVis {
        v.status.iter().find(|s| s.key == key).unwrap()
    }

    #[test]
    fn presets_opened_from_a_link_reach_the_end_state_they_describe() {
        // Paxos livelock: nothing chosen, numbers climbing; with back-off it ends.
        let v = run("#/paxos?preset=duel", 3 * SEC);
        assert_eq!(status(&v, "chosen").value, "none yet");
        assert!(status(&v, "round").value.parse::<u64>().unwrap() >= 20);
        let v = run("#/paxos?preset=duel&backoff=1", 5 * SEC);
        assert_ne!(status(&v, "chosen").value, "none yet");
        // A proposer dies after phase 1: Y is chosen.
        let v = run("#/paxos?preset=proposer-dies", 2 * SEC);
        assert!(
            status(&v, "chosen").value.starts_with('Y'),
            "{:?}",
            status(&v, "chosen")
        );
        // 2PC coordinator crash: three blocked participants, alarm while it is down.
        let v = run("#/2pc?preset=coordinator-crash", 1500 * MS);
        assert!(
            status(&v, "blocked").value.starts_with("3 · ") && status(&v, "blocked").alarm,
            "{:?}",
            status(&v, "blocked")
        );
        assert!(v.nodes[1].label.contains("blocked"), "{}", v.nodes[1].label);
        let v = run("#/2pc?preset=coordinator-crash", 3 * SEC);
        assert_eq!(status(&v, "outcomes").value, "P1 ✓ · P2 ✓ · P3 ✓");
        // 3PC partition: the split and the monitor.
        let v = run("#/3pc?preset=partition", 2 * SEC);
        assert_eq!(status(&v, "outcomes").value, "P1 ✓ · P2 ✓ · P3 ✗ · P4 ✗");
        assert!(status(&v, "outcomes").alarm);
        assert_eq!(v.violations.len(), 1);
        assert!(v.lines.iter().any(|l| l.alarm));
        // 3PC coordinator crash: everyone commits without it.
        let v = run("#/3pc?preset=coordinator-crash", 2 * SEC);
        assert_eq!(status(&v, "outcomes").value, "P1 ✓ · P2 ✓ · P3 ✓ · P4 ✓");
        assert!(v.violations.is_empty());
    }

    #[test]
    fn every_page_and_preset_builds_runs_and_renders_in_both_languages() {
        for page in Page::ALL {
            let presets =
                std::iter::once(None).chain(page.spec().presets.iter().map(|p| Some(p.slug)));
            for preset in presets {
                let sc = Scenario {
                    preset,
                    ..Scenario::new(page)
                };
                let mut sim = build(&sc);
                sim.run_until(3 * crate::sim::SEC);
                for lang in [Lang::En, Lang::Zh] {
                    let v = sim.view(lang, 50 * crate::sim::MS);
                    assert_eq!(v.nodes.len(), sim.len(), "{page:?} {preset:?}");
                    if (preset.is_some() || page == Page::Raft) && !sim.is_empty() {
                        assert!(
                            !v.lines.is_empty(),
                            "{page:?} {preset:?}: something should have happened"
                        );
                    }
                    assert!(v
                        .nodes
                        .iter()
                        .all(|n| !n.name.is_empty() && !n.label.is_empty()));
                    let legend = sim.legend(lang);
                    assert!(sim.is_empty() || (legend.roles.len() >= 2 && legend.kinds.len() >= 4));
                }
            }
        }
    }
}
