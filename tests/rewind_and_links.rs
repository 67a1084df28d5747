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

/// A random scenario of `page`: preset (or none), every setting drawn in its range,
/// seed, latency and loss; normalised as the settings panel would.
fn random_scenario(rng: &mut SimRng, page: Page) -> Scenario {
    let spec = page.spec();
    let mut sc = Scenario::new(page);
    let presets = spec.presets.len();
    if presets > 0 {
        let pick = rng.index(presets + 1);
        sc.preset = spec.presets.get(pick).map(|p| p.slug);
        sc.apply_preset_settings();
    }
    sc.seed = rng.range_inclusive(0, 1_000_000);
    let (lo, hi, _) = spec.nodes;
    if rng.chance(0.5) {
        sc.nodes = rng.range_inclusive(lo, hi.min(lo + 12)) as usize;
    }
    for p in spec.params {
        if rng.chance(0.4) {
            // Keep timers short enough that something happens within the run.
            let hi = p.max.min(p.min.max(1) * 20);
            sc.set_param(p, rng.range_inclusive(p.min, hi.max(p.min)));
        }
    }
    if spec.network && rng.chance(0.5) {
        sc.latency_min_ms = rng.range_inclusive(1, 40);
        sc.latency_max_ms = sc.latency_min_ms + rng.range_inclusive(0, 40);
        sc.loss_pct = rng.range_inclusive(0, 3) * 10;
        sc.dup_pct = rng.range_inclusive(0, 2) * 10;
    }
    sc.normalize();
    sc
}

#[test]
fn a_copied_link_replays_the_run_for_a_thousand_random_scenarios() {
    let pages = registry::pages();
    let mut mismatches = Vec::new();
    for case in 0..1_050u64 {
        let mut rng = SimRng::new(case).fork(0x11AC);
        let page = pages[case as usize % pages.len()];
        let sc = random_scenario(&mut rng, page);
        let n = sc.cluster_size().max(1);
        let mut sim = build(&sc);
        let end = 1_200 * MS;
        while sim.now() < end {
            let t = sim.now() + rng.range_inclusive(20 * MS, 200 * MS);
            sim.run_until(t.min(end));
            // As a student does: pause, Step a few events, then act (Step must finish an
            // instant, or the action lands among its events and the link replays another
            // run).
            if rng.chance(0.5) {
                for _ in 0..rng.range_inclusive(1, 4) {
                    sim.step();
                }
            }
            let action = if page.spec().network && n > 1 {
                random_action(&mut rng, page, n, sim.as_ref())
            } else {
                // Data-structure pages: their own commands (the filter's with a word).
                let cmds = page.spec().commands;
                let c = cmds[rng.index(cmds.len())];
                match c {
                    "insert" | "query" => UiAction::Input(0, c, format!("w {}", rng.index(50))),
                    _ => UiAction::Command(rng.index(n), c),
                }
            };
            sim.act(action);
        }
        // What "Copy link" writes: the scenario plus the log, from time 0.
        let shared = Scenario {
            actions: sim.log().to_vec(),
            ..sc.clone()
        };
        let link = shared.to_hash();
        let (back, notices) = Scenario::from_location("", &link);
        if !notices.is_empty() || back.world_key() != sc.world_key() {
            mismatches.push(format!(
                "{link}: {notices:?} / {:?} vs {:?}",
                back.world_key(),
                sc.world_key()
            ));
            continue;
        }
        let mut again = build(&back);
        again.run_until(sim.now());
        if again.fingerprint() != sim.fingerprint() {
            mismatches.push(format!("{link}: different run"));
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches[..mismatches.len().min(5)].join("\n")
    );
}

/// Issue 11: `#/raft?nodes=9&t=3000` with 5,000 client requests in its link took 28 s to
/// load (every request started another replication chain). With one stream per follower
/// the work is linear: a bounded number of engine events per request.
#[test]
fn five_thousand_requests_in_a_link_load_with_linear_work() {
    use ds_playground::sim::MS;
    let act: Vec<String> = (0..5_000u64)
        .map(|i| format!("{}x{}request", 500_000 + i * 500, 1 + i % 9))
        .collect();
    let link = format!("#/raft?v=2&nodes=9&t=3000&act={}", act.join(","));
    let (sc, notices) = ds_playground::ui::core::scenario::Scenario::from_location("", &link);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(sc.actions.len(), 5_000);
    let mut sim = ds_playground::ui::registry::build(&sc);
    sim.run_until(3_000 * MS);
    let events = sim.events_processed();
    assert!(events < 5_000 * 5, "{events} events for 5,000 requests");
}

/// Issue 11: a session longer than a link holds. The link carries the actions that fit
/// and opens at the last moment before the first it leaves out; reopened, it is the same
/// run as the session up to that moment.
#[test]
fn a_session_past_the_link_budget_links_to_its_last_exact_moment() {
    use ds_playground::ui::core::action_log::LINK_BUDGET;
    let page = registry::pages()
        .into_iter()
        .find(|p| p.slug() == "raft")
        .unwrap();
    let mut rng = SimRng::new(3);
    // Every 5 ms an action (most of them "heal all", now and then a kill, a restart or a
    // request): far more than a link's budget within a minute.
    let actions: Vec<(SimTime, UiAction)> = (1..=20_000u64)
        .map(|i| {
            let a = match rng.index(20) {
                0 => UiAction::Crash(rng.index(5)),
                1 => UiAction::Restart(rng.index(5)),
                2 => UiAction::Command(rng.index(5), "request"),
                _ => UiAction::HealAll,
            };
            (i * 5 * MS, a)
        })
        .collect();
    let session = Scenario {
        actions: actions.clone(),
        ..Scenario::new(page)
    };
    let mut shared = session.clone();
    let cut = shared
        .set_link_actions(&actions)
        .expect("the session is past the budget");
    assert_eq!(cut.total, 20_000);
    assert!(cut.kept > 5_000 && cut.kept < 20_000, "{cut:?}");
    let hash = shared.to_hash();
    assert!(hash.len() < LINK_BUDGET + 500, "{}", hash.len());
    let (back, notices) = Scenario::from_location("", &hash);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(back.actions, actions[..cut.kept]);
    assert_eq!(back.start_ms, cut.until_ms);
    assert!(cut.until_ms * MS < actions[cut.kept].0);
    let mut original = build(&session);
    original.run_until(cut.until_ms * MS);
    let reopened = build(&back);
    assert_eq!(reopened.now(), original.now());
    assert_eq!(reopened.fingerprint(), original.fingerprint());
    // A session that fits goes whole.
    let mut small = Scenario::new(page);
    assert_eq!(small.set_link_actions(&actions[..100]), None);
    assert_eq!(small.actions, actions[..100]);
}

/// Issue 12: the picture of a moment must not depend on how you got there. Play a run live
/// (small frame-sized steps with random actions), then at several moments compare the
/// whole view with the view of a fresh run of the same scenario and actions sought to the
/// same moment, and with the live run itself sought back there.
#[test]
fn the_view_after_live_play_equals_the_view_after_a_seek() {
    use ds_playground::ui::core::i18n::Lang;
    for page in engine_pages() {
        for seed in 0..6u64 {
            let sc = Scenario {
                seed,
                preset: None,
                ..Scenario::new(page)
            };
            let mut rng = SimRng::new(seed).fork(0x11FE);
            let n = sc.cluster_size();
            let mut live = build(&sc);
            let mut t = 0;
            for frame in 1..=300u64 {
                // 16.7 ms of wall time at 1×–10×: 0.8–8 ms of virtual time per frame.
                t += rng.range_inclusive(800, 8_000);
                live.run_until(t);
                if rng.index(40) == 0 {
                    let a = random_action(&mut rng, page, n, live.as_ref());
                    live.act(a);
                }
                if frame % 60 == 0 {
                    let seen = live.view(Lang::En, 50 * MS);
                    let fresh = {
                        let mut s = build(&Scenario {
                            actions: live.log().to_vec(),
                            ..sc.clone()
                        });
                        s.seek(t);
                        s.view(Lang::En, 50 * MS)
                    };
                    assert_eq!(seen.nodes, fresh.nodes, "{page:?} seed {seed} at {t} µs");
                    assert_eq!(seen.msgs, fresh.msgs, "{page:?} seed {seed} at {t} µs");
                    assert_eq!(seen.status, fresh.status, "{page:?} seed {seed} at {t} µs");
                    assert_eq!(seen.lines, fresh.lines, "{page:?} seed {seed} at {t} µs");
                    assert_eq!(seen.space_time, fresh.space_time, "{page:?} seed {seed}");
                    assert_eq!(seen.chart, fresh.chart, "{page:?} seed {seed}");
                }
            }
        }
    }
}

/// Issue 12: the space-time diagram keeps the whole run. Scrolled back to an earlier
/// moment (rebuilt from a checkpoint), it shows exactly what a run stopped at that moment
/// shows, on every engine page, long after the live trace has moved on.
#[test]
fn the_diagram_scrolled_back_shows_the_run_as_it_was() {
    use ds_playground::ui::core::i18n::Lang;
    use ds_playground::ui::core::view::SpaceTimeAsk;
    for page in engine_pages() {
        for seed in 0..3u64 {
            let mut sc = Scenario {
                seed,
                preset: None,
                ..Scenario::new(page)
            };
            // Small enough to be drawn with a diagram (gossip opens with a crowd).
            sc.nodes = sc.nodes.min(12);
            let mut rng = SimRng::new(seed).fork(0x5CA1);
            let n = sc.cluster_size();
            assert!(n <= 20, "{page:?}");
            let mut live = build(&sc);
            let mut t = 0;
            while t < 40 * SEC {
                t += rng.range_inclusive(50 * MS, 400 * MS);
                live.run_until(t);
                if rng.index(4) == 0 {
                    let a = random_action(&mut rng, page, n, live.as_ref());
                    live.act(a);
                }
            }
            for (end, window) in [
                (1_234 * MS, 600 * MS),
                (17 * SEC, 300 * MS),
                (39 * SEC, 2 * SEC),
            ] {
                let ask = SpaceTimeAsk {
                    end: Some(end),
                    window: Some(window),
                };
                live.set_space_time(ask);
                let seen = live.view(Lang::En, 50 * MS).space_time;
                assert!(seen.pinned && seen.zoomed, "{page:?}");
                assert_eq!((seen.to, seen.window), (end, window), "{page:?}");
                let mut then = build(&Scenario {
                    actions: live.log().to_vec(),
                    ..sc.clone()
                });
                then.run_until(end);
                then.set_space_time(SpaceTimeAsk {
                    end: None,
                    window: Some(window),
                });
                let mut expected = then.view(Lang::En, 50 * MS).space_time;
                expected.pinned = true;
                assert_eq!(seen, expected, "{page:?} seed {seed} at {end} µs");
            }
            // Following again: the diagram ends now — or, on a run gone quiet, shortly
            // after its last activity, and says since when.
            live.set_space_time(SpaceTimeAsk::default());
            let v = live.view(Lang::En, 50 * MS);
            let st = &v.space_time;
            if st.to != v.now {
                let q = st.quiet_since.expect("ends early only when quiet");
                assert!(
                    q < st.to && st.to < v.now,
                    "{page:?}: {q} {} {}",
                    st.to,
                    v.now
                );
            }
            assert!(!st.pinned);
        }
    }
}
