//! Paxos: scripted scenarios from the textbook, the livelock and its two cures, and
//! random-fault sweeps (safety with persistence; the "break it" mode caught).

use ds_playground::protocols::paxos::{PaxosCmd, PaxosConfig, PaxosNode, Phase};
use ds_playground::sim::{Action, NetConfig, SimTime, World, WorldConfig, MS, SEC};

fn world(seed: u64, cfg: &PaxosConfig, lat: (u64, u64)) -> World<PaxosNode> {
    let net = NetConfig {
        latency_min: lat.0 * MS,
        latency_max: lat.1 * MS,
        loss: 0.0,
        duplicate: 0.0,
    };
    World::new(WorldConfig::batch(seed, net, true), PaxosNode::cluster(cfg))
}

fn learned(w: &World<PaxosNode>) -> Option<u64> {
    w.node(w.len() - 1).learned().map(|(_, v)| v)
}

fn chosen_at(w: &mut World<PaxosNode>, limit: SimTime) -> Option<SimTime> {
    while w.now() < limit {
        if learned(w).is_some() {
            return Some(w.now());
        }
        let t = w.now() + MS;
        w.run_until(t);
    }
    None
}

/// The dueling-proposers preset: P2 starts half a retry period after P1.
fn duel(seed: u64, backoff: bool, distinguished: bool) -> World<PaxosNode> {
    let cfg = PaxosConfig {
        proposers: 2,
        acceptors: 5,
        retry: 60 * MS,
        backoff,
        distinguished,
        persist: true,
    };
    let mut w = world(seed, &cfg, (20, 22));
    w.schedule(0, Action::Command(0, PaxosCmd::Propose));
    w.schedule(30 * MS, Action::Command(1, PaxosCmd::Propose));
    w
}

#[test]
fn happy_path_one_proposer_gets_its_value_chosen_and_learned() {
    let cfg = PaxosConfig {
        proposers: 1,
        acceptors: 3,
        ..PaxosConfig::default()
    };
    let mut w = world(1, &cfg, (10, 15));
    w.apply(Action::Command(0, PaxosCmd::Propose));
    let at = chosen_at(&mut w, SEC).expect("chosen");
    assert!(at <= 60 * MS, "two round trips plus the learner hop: {at}");
    assert_eq!(learned(&w), Some(1));
    assert!(matches!(w.node(0).phase(), Phase::Chosen { v: 1, .. }));
    assert!(w.violations().is_empty());
}

#[test]
fn dueling_proposers_livelock_without_backoff() {
    for seed in 0..20 {
        let mut w = duel(seed, false, false);
        assert_eq!(
            chosen_at(&mut w, 3 * SEC),
            None,
            "seed {seed}: the duel should go on"
        );
        assert!(
            w.node(0).attempts() >= 20 && w.node(1).attempts() >= 20,
            "seed {seed}: both keep retrying"
        );
        assert!(
            w.node(2).promised().unwrap().round >= 20,
            "proposal numbers keep climbing"
        );
    }
}

#[test]
fn randomized_backoff_ends_the_livelock() {
    for seed in 0..50 {
        let mut w = duel(seed, true, false);
        assert!(
            chosen_at(&mut w, 5 * SEC).is_some(),
            "seed {seed}: back-off should let one proposer finish"
        );
        assert!(w.violations().is_empty());
    }
}

#[test]
fn a_distinguished_proposer_ends_the_livelock() {
    for seed in 0..20 {
        let mut w = duel(seed, false, true);
        assert!(chosen_at(&mut w, 2 * SEC).is_some(), "seed {seed}");
        assert_eq!(learned(&w), Some(1), "P1 is the distinguished proposer");
        assert!(matches!(w.node(1).phase(), Phase::GaveUp));
    }
}

#[test]
fn a_proposer_that_dies_after_phase_2_started_has_its_value_adopted() {
    // P1's accept reached a majority before it died: P2 must adopt X, not propose Y.
    let cfg = PaxosConfig {
        proposers: 2,
        acceptors: 3,
        ..PaxosConfig::default()
    };
    let mut w = world(3, &cfg, (10, 10));
    w.apply(Action::Command(0, PaxosCmd::Propose));
    w.run_until(25 * MS); // promises back at 20 ms, accepts land at 30 ms
    w.apply(Action::Crash(0));
    w.run_until(100 * MS);
    assert_eq!(
        learned(&w),
        Some(1),
        "X was chosen the moment a majority accepted it"
    );
    w.apply(Action::Command(1, PaxosCmd::Propose));
    w.run_until(w.now() + 500 * MS);
    assert!(
        matches!(w.node(1).phase(), Phase::Chosen { v: 1, .. }),
        "{:?}",
        w.node(1).phase()
    );
}

#[test]
fn a_proposer_that_dies_after_phase_1_leaves_no_value_behind() {
    let cfg = PaxosConfig {
        proposers: 2,
        acceptors: 3,
        ..PaxosConfig::default()
    };
    let mut w = world(3, &cfg, (10, 10));
    w.apply(Action::Command(0, PaxosCmd::Propose));
    w.run_until(15 * MS); // prepares landed, promises on their way back
    w.apply(Action::Crash(0));
    w.run_until(100 * MS);
    assert_eq!(learned(&w), None);
    w.apply(Action::Command(1, PaxosCmd::Propose));
    chosen_at(&mut w, SEC).expect("P2 finishes");
    assert_eq!(
        learned(&w),
        Some(2),
        "nothing was accepted, so P2's own value is chosen"
    );
}

#[test]
fn a_minority_of_acceptors_down_does_not_stop_progress_but_a_majority_does() {
    let cfg = PaxosConfig {
        proposers: 1,
        acceptors: 5,
        ..PaxosConfig::default()
    };
    let mut w = world(4, &cfg, (10, 15));
    w.apply(Action::Crash(1));
    w.apply(Action::Crash(2));
    w.apply(Action::Command(0, PaxosCmd::Propose));
    assert!(chosen_at(&mut w, SEC).is_some());
    let mut w = world(4, &cfg, (10, 15));
    for a in 1..4 {
        w.apply(Action::Crash(a));
    }
    w.apply(Action::Command(0, PaxosCmd::Propose));
    assert_eq!(chosen_at(&mut w, 2 * SEC), None, "no majority, no choice");
}

/// The "break it" scenario as a script: X is chosen by A1–A3; A1 restarts and forgets;
/// A2 and A3 are unreachable; P2 hears only from A1, A4, A5 and gets Y chosen.
fn forgetful_acceptors(persist: bool) -> World<PaxosNode> {
    let cfg = PaxosConfig {
        proposers: 2,
        acceptors: 5,
        persist,
        ..PaxosConfig::default()
    };
    let (a1, a2, a3, a4, a5) = (2, 3, 4, 5, 6);
    let mut w = world(7, &cfg, (10, 10));
    w.apply(Action::Cut(0, a4));
    w.apply(Action::Cut(0, a5));
    w.apply(Action::Command(0, PaxosCmd::Propose));
    w.run_until(200 * MS);
    assert_eq!(learned(&w), Some(1));
    w.apply(Action::Crash(a1));
    w.apply(Action::Restart(a1));
    w.apply(Action::Cut(1, a2));
    w.apply(Action::Cut(1, a3));
    w.apply(Action::Command(1, PaxosCmd::Propose));
    w.run_until(SEC);
    w
}

#[test]
fn break_it_forgetful_acceptors_let_a_second_value_be_chosen_and_the_monitor_says_so() {
    let w = forgetful_acceptors(false);
    let rules: Vec<_> = w.violations().iter().map(|v| v.rule).collect();
    assert!(
        rules.contains(&ds_playground::protocols::paxos::invariants::ONE_VALUE),
        "{rules:?}"
    );
    // With persistence the same script is safe: A1 reports X and P2 adopts it.
    let w = forgetful_acceptors(true);
    assert!(w.violations().is_empty(), "{:?}", w.violations());
    assert!(matches!(w.node(1).phase(), Phase::Chosen { v: 1, .. }));
}

/// Random faults on a random Paxos cluster; `restarts` weights crashes and restarts
/// (a forgotten promise needs a restart to matter).
fn random_run(seed: u64, persist: bool) -> World<PaxosNode> {
    random_run_with(seed, persist, 1)
}

fn random_run_with(seed: u64, persist: bool, restarts: u32) -> World<PaxosNode> {
    ds_playground::lab::fault_sweep::paxos_run(seed, persist, restarts)
}

#[test]
fn random_faults_never_choose_two_values_with_persistence() {
    let seeds: u64 = std::env::var("PAXOS_SEEDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000);
    let mut chosen_runs = 0;
    for seed in 0..seeds {
        let w = random_run(seed, true);
        assert!(
            w.violations().is_empty(),
            "seed {seed}: {:?}",
            w.violations()
        );
        chosen_runs += learned(&w).is_some() as u32;
    }
    assert!(
        chosen_runs as u64 > seeds / 2,
        "the sweep should mostly reach a decision ({chosen_runs}/{seeds})"
    );
}

#[test]
fn random_faults_catch_the_break_it_mode_and_forgetting_is_the_cause() {
    // Forgetful acceptors (persist off) must, in some of these seeds, let two different
    // values be chosen; the monitor names exactly that rule; and the very same schedules
    // with persistent acceptors choose one value (so the forgetting is what broke it).
    let caught: Vec<u64> = (0..1_000)
        .filter(|&seed| !random_run_with(seed, false, 3).violations().is_empty())
        .collect();
    assert!(
        !caught.is_empty(),
        "forgetful acceptors should be caught choosing two values in some seed"
    );
    for &seed in &caught {
        let broken = random_run_with(seed, false, 3);
        assert!(
            broken
                .violations()
                .iter()
                .any(|v| v.rule == ds_playground::protocols::paxos::invariants::ONE_VALUE),
            "seed {seed}: {:?}",
            broken.violations()
        );
        assert!(
            random_run_with(seed, true, 3).violations().is_empty(),
            "seed {seed}: the same schedule with persistence must be safe"
        );
    }
    println!("break-it caught in {} of 1000 seeds", caught.len());
}

/// Issue 12: the "acceptor restarts" preset shows what stable storage is for. With it, the
/// restarted acceptor tells P2 about X and X stays the one value; with the "break it" box
/// unticked, the same script chooses two values and the monitor names the rule.
#[test]
fn the_acceptor_restarts_preset_shows_the_forgotten_acceptance_choosing_a_second_value() {
    use ds_playground::ui::core::i18n::Lang;
    use ds_playground::ui::core::scenario::Scenario;
    use ds_playground::ui::registry;
    let page = registry::pages()
        .into_iter()
        .find(|p| p.slug() == "paxos")
        .unwrap();
    for persist in [1, 0] {
        let mut sc = Scenario {
            preset: Some("acceptor-restarts"),
            ..Scenario::new(page)
        };
        sc.apply_preset_settings();
        sc.set_param(&ds_playground::ui::pages::paxos::PERSIST, persist);
        let (sc, notices) = Scenario::from_location("", &sc.to_hash());
        assert!(notices.is_empty(), "{notices:?}");
        let mut sim = registry::build(&sc);
        sim.run_until(2 * SEC);
        let v = sim.view(Lang::En, MS);
        let said = v
            .lines
            .iter()
            .map(|l| l.text.clone())
            .collect::<Vec<_>>()
            .join("\n");
        if persist == 1 {
            assert!(v.violations.is_empty(), "{:?}", v.violations);
            assert!(said.contains("read its promise"), "{said}");
            assert!(!said.contains("forgot"), "{said}");
        } else {
            assert_eq!(
                v.violations.iter().map(|x| x.rule_id).collect::<Vec<_>>(),
                vec![ds_playground::protocols::paxos::invariants::ONE_VALUE],
                "{said}"
            );
            assert!(said.contains("forgot its promise"), "{said}");
            // The report names the values as the picture does.
            let detail = &v.violations[0].detail;
            assert!(
                detail.starts_with("value X was chosen") && detail.contains("then value Y"),
                "{detail}"
            );
        }
    }
}

/// Issue 12: after a Nack, a proposer's label says it was preempted and by which round —
/// the round the status shows as the highest — instead of still "preparing" an abandoned
/// number; and its badge shows the value it proposes once accepting (maybe adopted).
#[test]
fn a_preempted_proposer_says_so_and_agrees_with_the_status() {
    use ds_playground::ui::core::i18n::Lang;
    use ds_playground::ui::core::scenario::Scenario;
    use ds_playground::ui::registry;
    let page = registry::pages()
        .into_iter()
        .find(|p| p.slug() == "paxos")
        .unwrap();
    let mut preempted_seen = 0;
    for seed in 0..10 {
        let mut sc = Scenario {
            seed,
            preset: Some("duel"),
            ..Scenario::new(page)
        };
        sc.apply_preset_settings();
        // With randomized back-off (the page's tick box), a proposer hears the Nack while
        // its attempt is still under way.
        sc.set_param(&ds_playground::ui::pages::paxos::BACKOFF, 1);
        let mut sim = registry::build(&sc);
        let mut t = 0;
        while t < 2 * SEC {
            t += 5 * MS;
            sim.run_until(t);
            let v = sim.view(Lang::En, MS);
            let highest: u64 = v
                .status
                .iter()
                .find(|s| s.key == "round")
                .unwrap()
                .value
                .parse()
                .unwrap();
            for n in v.nodes.iter().filter(|n| n.role == "proposer") {
                if n.state == "preempted" {
                    preempted_seen += 1;
                    let said: u64 = n
                        .label
                        .split("preempted by round ")
                        .nth(1)
                        .and_then(|r| r.split_whitespace().next())
                        .and_then(|r| r.parse().ok())
                        .unwrap_or_else(|| panic!("{}", n.label));
                    assert!(
                        said <= highest && said > 0,
                        "{} vs status {highest}",
                        n.label
                    );
                } else {
                    assert!(!n.label.contains("preempted"), "{}", n.label);
                }
                if n.state == "accepting" || n.state == "chosen" {
                    // The strip's cell holds (ballot, value): the badge is that value.
                    assert_eq!(n.badge, n.strip.cells[0].main, "{}", n.label);
                }
            }
        }
    }
    assert!(preempted_seen > 0, "the duel preempts proposers");
}
