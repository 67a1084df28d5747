//! Rewind and shared links: seeking to time t (checkpoint + replay of the action log) gives
//! exactly the run's state at t, and a link's scenario + action log rebuilds the same run.

use ds_playground::sim::{SimRng, SimTime, MS, SEC};
use ds_playground::ui::core::action::UiAction;
use ds_playground::ui::core::runner::{PageSim, MAX_CHECKPOINTS};
use ds_playground::ui::core::scenario::{Page, Scenario};
use ds_playground::ui::registry::{self, build};

/// The registry's pages that run on the engine.
fn engine_pages() -> impl Iterator<Item = Page> {
    registry::pages().into_iter().filter(|p| p.spec().network)
}

fn random_action(rng: &mut SimRng, page: Page, n: usize, sim: &dyn PageSim) -> UiAction {
    let a = rng.index(n);
    let b = (a + 1 + rng.index(n - 1)) % n;
    match rng.index(8) {
        0 => UiAction::Crash(a),
        1 => UiAction::Restart(a),
        2 => UiAction::Cut(a, b),
        3 => UiAction::Heal(a, b),
        4 => UiAction::HealAll,
        5 => {
            // Drop some message in flight (an id from the view; harmless if already gone).
            let v = sim.view(ds_playground::ui::core::i18n::Lang::En, MS);
            v.msgs
                .first()
                .map_or(UiAction::HealAll, |m| UiAction::DropMsg(m.id))
        }
        // One of the commands the page offers at node `a` right now (its inspector's
        // enabled buttons), e.g. "begin" at a 2PC coordinator.
        _ => {
            let v = sim.view(ds_playground::ui::core::i18n::Lang::En, MS);
            let offered: Vec<&'static str> = v.nodes[a]
                .commands
                .iter()
                .filter(|c| c.enabled)
                .map(|c| c.id)
                .collect();
            assert!(offered.iter().all(|c| page.spec().commands.contains(c)));
            if offered.is_empty() {
                UiAction::HealAll
            } else {
                UiAction::Command(a, offered[rng.index(offered.len())])
            }
        }
    }
}

/// Run `span` with random actions; record the fingerprint at every 250 ms mark.
fn original(sc: &Scenario, seed: u64, span: SimTime) -> (Box<dyn PageSim>, Vec<(SimTime, u64)>) {
    let mut rng = SimRng::new(seed).fork(0x5EE);
    let n = sc.cluster_size();
    let mut sim = build(sc);
    let mut marks = Vec::new();
    let mut t = 0;
    while t < span {
        let next_mark = (t / (250 * MS) + 1) * 250 * MS;
        let act_at = t + rng.range_inclusive(10 * MS, 400 * MS);
        if act_at < next_mark {
            sim.run_until(act_at);
            let a = random_action(&mut rng, sc.page, n, sim.as_ref());
            sim.act(a);
            t = act_at;
        } else {
            sim.run_until(next_mark);
            marks.push((next_mark, sim.fingerprint()));
            t = next_mark;
        }
    }
    (sim, marks)
}

#[test]
fn seeking_back_and_forth_reproduces_the_original_run_exactly() {
    for page in engine_pages() {
        for seed in 0..25u64 {
            let sc = Scenario {
                seed,
                preset: None,
                ..Scenario::new(page)
            };
            let (mut sim, marks) = original(&sc, seed, 20 * SEC);
            let end = sim.fingerprint();
            let mut rng = SimRng::new(seed);
            for _ in 0..8 {
                let (t, print) = marks[rng.index(marks.len())];
                sim.seek(t);
                assert_eq!(sim.now(), t);
                assert_eq!(
                    sim.fingerprint(),
                    print,
                    "{page:?} seed {seed}: seek to {t} diverged"
                );
            }
            // Playing on from a rewound point replays the recorded future.
            sim.seek(marks[3].0);
            sim.run_until(20 * SEC);
            assert_eq!(
                sim.fingerprint(),
                end,
                "{page:?} seed {seed}: the replayed future differs"
            );
            assert!(sim.checkpoints() <= MAX_CHECKPOINTS);
        }
    }
}

#[test]
fn a_link_rebuilds_the_same_run() {
    for page in engine_pages() {
        for seed in 0..25u64 {
            let sc = Scenario {
                seed,
                preset: None,
                ..Scenario::new(page)
            };
            let (sim, _) = original(&sc, seed, 10 * SEC);
            let shared = Scenario {
                actions: sim.log().to_vec(),
                ..sc.clone()
            };
            let (back, notices) = Scenario::from_location("", &shared.to_hash());
            assert!(notices.is_empty(), "{page:?}: {notices:?}");
            assert_eq!(back.actions, shared.actions);
            let mut replay = build(&back);
            replay.run_until(10 * SEC);
            assert_eq!(
                replay.fingerprint(),
                sim.fingerprint(),
                "{page:?} seed {seed}"
            );
        }
    }
}

#[test]
fn acting_in_the_past_forks_a_new_future() {
    let sc = Scenario {
        seed: 3,
        ..Scenario::new(registry::page("raft").unwrap())
    };
    let (mut sim, marks) = original(&sc, 3, 10 * SEC);
    let before = sim.log().len();
    let t = marks[10].0;
    sim.seek(t);
    sim.act(UiAction::Crash(0));
    assert_eq!(sim.horizon(), t, "the old future is gone");
    assert!(sim.log().len() < before);
    assert!(sim.log().iter().all(|(at, _)| *at <= t));
}

#[test]
fn memory_stays_bounded_over_an_hour() {
    let sc = Scenario {
        seed: 1,
        ..Scenario::new(registry::page("raft").unwrap())
    };
    let mut sim = build(&sc);
    sim.run_until(3_600 * SEC);
    assert!(
        sim.checkpoints() <= MAX_CHECKPOINTS,
        "{}",
        sim.checkpoints()
    );
    let t = 1_234 * SEC;
    let print = {
        let mut fresh = build(&sc);
        fresh.run_until(t);
        fresh.fingerprint()
    };
    sim.seek(t);
    assert_eq!(sim.fingerprint(), print);
}
