//! 2PC and 3PC: every preset's outcome (committed, aborted, blocked, inconsistent), and
//! random-fault sweeps for atomicity.

use ds_playground::protocols::atomic_commit::ATOMICITY;
use ds_playground::protocols::three_pc::{Part3, ThreePcConfig, ThreePcNode, ThreePcPreset};
use ds_playground::protocols::two_pc::{PartState, TpcCmd, TwoPcConfig, TwoPcNode, TwoPcPreset};
use ds_playground::sim::{
    heal_everything, Action, Chaos, NetConfig, Protocol, SimRng, World, WorldConfig, MS, SEC,
};

fn world<P: Protocol>(
    seed: u64,
    net: NetConfig,
    nodes: Vec<P>,
    script: Vec<(u64, Action<P::Cmd>)>,
) -> World<P> {
    let mut w = World::new(WorldConfig::batch(seed, net, true), nodes);
    for (at, a) in script {
        w.schedule(at, a);
    }
    w
}

fn two_pc(preset: TwoPcPreset, k: usize) -> World<TwoPcNode> {
    let cfg = TwoPcConfig {
        participants: k,
        ..TwoPcConfig::default()
    };
    world(
        1,
        TwoPcPreset::net(),
        TwoPcNode::cluster(&cfg),
        preset.script(&cfg),
    )
}

fn states(w: &World<TwoPcNode>) -> Vec<PartState> {
    (1..w.len()).map(|i| w.node(i).state()).collect()
}

#[test]
fn two_pc_happy_path_commits_everywhere_and_releases_locks() {
    let mut w = two_pc(TwoPcPreset::HappyPath, 4);
    w.run_until(SEC);
    assert!(
        states(&w).iter().all(|s| *s == PartState::Committed),
        "{:?}",
        states(&w)
    );
    assert_eq!(w.node(0).acks().len(), 4);
    assert!(w.violations().is_empty());
}

#[test]
fn two_pc_one_no_vote_aborts_everyone() {
    let mut w = two_pc(TwoPcPreset::VoteNo, 4);
    w.run_until(SEC);
    assert!(
        states(&w).iter().all(|s| *s == PartState::Aborted),
        "{:?}",
        states(&w)
    );
}

#[test]
fn two_pc_a_participant_down_during_prepare_makes_the_coordinator_time_out_and_abort() {
    let mut w = two_pc(TwoPcPreset::ParticipantDown, 3);
    w.run_until(SEC);
    assert_eq!(
        states(&w),
        vec![PartState::Aborted, PartState::Init, PartState::Aborted]
    );
    assert_eq!(
        w.node(0).logged(),
        Some(ds_playground::protocols::atomic_commit::Outcome::Abort)
    );
}

#[test]
fn two_pc_coordinator_crash_before_the_decision_blocks_every_yes_voter_until_recovery() {
    let mut w = two_pc(TwoPcPreset::CoordinatorCrashBeforeDecision, 3);
    w.run_until(2 * SEC);
    assert!(!w.is_alive(0));
    for i in 1..=3 {
        match w.node(i).state() {
            PartState::Prepared { since } => assert!(
                w.now() - since > 1_700 * MS,
                "P{i} blocked only since {since}"
            ),
            s => panic!("P{i} should be blocked holding locks, is {s:?}"),
        }
        assert!(w.node(i).holds_locks());
    }
    w.run_until(3 * SEC);
    assert!(w.is_alive(0), "the preset restarts the coordinator");
    assert!(
        states(&w).iter().all(|s| *s == PartState::Committed),
        "recovered from its log: {:?}",
        states(&w)
    );
    assert!(w.violations().is_empty());
}

#[test]
fn two_pc_coordinator_crash_mid_commit_leaves_some_committed_and_the_rest_blocked() {
    let mut w = two_pc(TwoPcPreset::CoordinatorCrashMidCommit, 3);
    w.run_until(SEC);
    let s = states(&w);
    assert_eq!(s[0], PartState::Committed);
    assert!(
        matches!(s[1], PartState::Prepared { .. }) && matches!(s[2], PartState::Prepared { .. }),
        "{s:?}"
    );
    w.run_until(3 * SEC);
    assert!(states(&w).iter().all(|s| *s == PartState::Committed));
    assert!(w.violations().is_empty(), "blocked is not inconsistent");
}

#[test]
fn two_pc_never_commits_and_aborts_one_transaction_under_random_faults() {
    let (mut started, mut decided, mut committed) = (0, 0, 0);
    for seed in 0..1_000u64 {
        // The sweep command's 2PC target, seed by seed (src/lab/fault_sweep.rs).
        let w = ds_playground::lab::fault_sweep::two_pc_run(seed);
        let k = w.len() - 1;
        assert!(
            w.violations().is_empty(),
            "seed {seed}: {:?}",
            w.violations()
        );
        let states: Vec<PartState> = (1..=k).map(|p| w.node(p).state()).collect();
        // A run where the coordinator was down when Begin came never starts a
        // transaction: every participant is still in Init, and nothing is owed.
        started += states.iter().any(|s| *s != PartState::Init) as u32;
        // Nobody is left in doubt (holding locks, waiting for a decision); a participant
        // still in Init never got prepare, voted nothing and holds nothing.
        let in_doubt = states
            .iter()
            .any(|s| matches!(s, PartState::Prepared { .. }));
        assert!(
            !in_doubt,
            "seed {seed}: still in doubt after healing: {states:?}"
        );
        decided += states
            .iter()
            .any(|s| matches!(s, PartState::Committed | PartState::Aborted))
            as u32;
        committed += states.iter().all(|s| *s == PartState::Committed) as u32;
    }
    // After everything heals, the coordinator's log lets every participant finish: a
    // sweep where transactions never reach a decision (or never commit) tests nothing.
    println!("2PC sweep: {started} of 1000 runs started, {decided} decided, {committed} committed everywhere");
    assert!(
        started >= 800,
        "only {started} of 1000 runs started a transaction"
    );
    assert!(committed >= 100, "only {committed} of 1000 runs committed");
}

/// The engine's fault scheduler (see `lab::fault_sweep::commit_chaos`).
fn random_faults<P: Protocol>(w: &mut World<P>, rng: &mut SimRng, span: u64, network_faults: bool) {
    let net = w.config().net.clone();
    ds_playground::lab::fault_sweep::commit_chaos(w, rng, span, net, network_faults);
}

fn three_pc(preset: ThreePcPreset, k: usize) -> World<ThreePcNode> {
    let cfg = ThreePcConfig {
        participants: k,
        ..ThreePcConfig::default()
    };
    world(
        1,
        ThreePcPreset::net(),
        ThreePcNode::cluster(&cfg),
        preset.script(&cfg),
    )
}

fn states3(w: &World<ThreePcNode>) -> Vec<Part3> {
    (1..w.len()).map(|i| w.node(i).state()).collect()
}

#[test]
fn three_pc_happy_path_commits() {
    let mut w = three_pc(ThreePcPreset::HappyPath, 3);
    w.run_until(SEC);
    assert!(
        states3(&w).iter().all(|s| *s == Part3::Committed),
        "{:?}",
        states3(&w)
    );
}

#[test]
fn three_pc_coordinator_crash_after_precommit_does_not_block_anyone() {
    let mut w = three_pc(ThreePcPreset::CoordinatorCrashAfterPreCommit, 3);
    w.run_until(400 * MS);
    assert!(states3(&w).iter().all(|s| *s == Part3::PreCommitted));
    w.run_until(SEC);
    assert!(!w.is_alive(0), "the coordinator never came back");
    assert!(
        states3(&w).iter().all(|s| *s == Part3::Committed),
        "timeouts after PreCommit commit: {:?}",
        states3(&w)
    );
    assert!(w.violations().is_empty());
}

#[test]
fn three_pc_partition_after_precommit_breaks_atomicity_and_the_monitor_fires() {
    let mut w = three_pc(ThreePcPreset::PartitionAfterPreCommit, 4);
    w.run_until(2 * SEC);
    assert_eq!(
        states3(&w),
        vec![
            Part3::Committed,
            Part3::Committed,
            Part3::Aborted,
            Part3::Aborted
        ]
    );
    let v = &w.violations()[0];
    assert_eq!(v.rule, ATOMICITY);
    // It fires at the first commit on the cut-off side, after P3 and P4 had aborted.
    assert_eq!(
        v.detail.english(),
        "P1 committed while P3, P4 aborted",
        "{:?}",
        v.detail
    );
}

#[test]
fn three_pc_stays_atomic_without_partitions_or_lost_messages() {
    let (mut started, mut decided, mut committed) = (0, 0, 0);
    for seed in 0..1_000u64 {
        let mut rng = SimRng::new(seed).fork(0x3C);
        let k = 2 + rng.index(5);
        let cfg = ThreePcConfig {
            participants: k,
            ..ThreePcConfig::default()
        };
        let net = NetConfig {
            latency_min: 5 * MS,
            latency_max: 40 * MS,
            loss: 0.0,
            duplicate: 0.0,
        };
        let mut w = world(seed, net, ThreePcNode::cluster(&cfg), vec![]);
        for p in 1..=k {
            if rng.chance(0.1) {
                w.apply(Action::Command(p, TpcCmd::SetVoteNo(true)));
            }
        }
        w.schedule(
            rng.range_inclusive(0, 50) * MS,
            Action::Command(0, TpcCmd::Begin),
        );
        random_faults(&mut w, &mut rng, 2 * SEC, false);
        assert!(
            w.violations().is_empty(),
            "seed {seed} ({k} participants): {:?}",
            w.violations()
        );
        let states: Vec<Part3> = (1..=k).map(|p| w.node(p).state()).collect();
        // A run where the coordinator was down when Begin came never starts a
        // transaction: every participant is still in Init, and nothing is owed.
        started += states.iter().any(|s| *s != Part3::Init) as u32;
        // Nobody is left in doubt (holding locks, waiting for a decision); a participant
        // still in Init never got prepare, voted nothing and holds nothing.
        let in_doubt = states
            .iter()
            .any(|s| matches!(s, Part3::Uncertain | Part3::PreCommitted));
        assert!(
            !in_doubt,
            "seed {seed}: still in doubt after healing: {states:?}"
        );
        decided += states
            .iter()
            .any(|s| matches!(s, Part3::Committed | Part3::Aborted)) as u32;
        committed += states.iter().all(|s| *s == Part3::Committed) as u32;
    }
    println!("3PC sweep: {started} of 1000 runs started, {decided} decided, {committed} committed everywhere");
    assert!(
        started >= 800,
        "only {started} of 1000 runs started a transaction"
    );
    assert!(committed >= 100, "only {committed} of 1000 runs committed");
}

fn three_pc_preset(
    preset: ThreePcPreset,
    k: usize,
    seed: u64,
    termination: bool,
) -> World<ThreePcNode> {
    let (c, p) = preset.timeouts();
    let cfg = ThreePcConfig {
        participants: k,
        coord_timeout: c,
        part_timeout: p,
        termination,
        ..ThreePcConfig::default()
    };
    world(
        seed,
        preset.network(),
        ThreePcNode::cluster(&cfg),
        preset.script(&cfg),
    )
}

#[test]
fn three_pc_coordinator_dying_mid_precommit_splits_the_decision_unless_participants_ask() {
    let mut w = three_pc_preset(ThreePcPreset::CrashMidPreCommit, 4, 1, false);
    w.run_until(2 * SEC);
    assert_eq!(states3(&w)[0], Part3::Aborted, "P1 timed out uncertain");
    assert!(states3(&w)[1..].iter().all(|s| *s == Part3::Committed));
    assert_eq!(w.violations()[0].rule, ATOMICITY);
    // Skeen's termination protocol: P1 asks before deciding and hears "pre-committed".
    let mut w = three_pc_preset(ThreePcPreset::CrashMidPreCommit, 4, 1, true);
    w.run_until(2 * SEC);
    assert!(
        states3(&w).iter().all(|s| *s == Part3::Committed),
        "{:?}",
        states3(&w)
    );
    assert!(w.violations().is_empty(), "{:?}", w.violations());
}

#[test]
fn three_pc_termination_protocol_cannot_see_across_a_partition() {
    let mut w = three_pc_preset(ThreePcPreset::PartitionWithTermination, 4, 1, true);
    w.run_until(2 * SEC);
    assert_eq!(
        states3(&w),
        vec![
            Part3::Committed,
            Part3::Committed,
            Part3::Aborted,
            Part3::Aborted
        ]
    );
    assert_eq!(w.violations()[0].rule, ATOMICITY);
}

#[test]
fn three_pc_timeouts_shorter_than_the_latency_spread_break_atomicity_with_one_crash() {
    // The preset's timeouts satisfy ptimeout ≥ ctimeout but not ptimeout > ctimeout +
    // (max − min): one crash, no partition, no loss, and most seeds split the decision.
    let cfg = ThreePcConfig {
        coord_timeout: 400 * MS,
        ..ThreePcConfig::default()
    };
    assert!(410 * MS < cfg.least_safe_part_timeout(10 * MS, 200 * MS));
    let broken = (0..200)
        .filter(|&seed| {
            let mut w = three_pc_preset(ThreePcPreset::SlowNetwork, 4, seed, false);
            w.run_until(5 * SEC);
            !w.violations().is_empty()
        })
        .count();
    assert!(broken >= 100, "only {broken} of 200 seeds broke");
    let mut w = three_pc_preset(ThreePcPreset::SlowNetwork, 4, 1, false);
    w.run_until(5 * SEC);
    assert!(!w.violations().is_empty(), "the page's seed shows it");
}

/// 3PC with random crashes (no partitions, no loss) under random latency ranges and
/// timeouts: with the participant timeout above the bound, never a split decision (with or
/// without the termination protocol); below it, the same schedules do split.
#[test]
fn three_pc_is_atomic_exactly_when_the_synchrony_bound_holds() {
    let mut split_below = 0;
    for seed in 0..600u64 {
        let mut rng = SimRng::new(seed).fork(0x5C);
        let k = 2 + rng.index(4);
        let lo = rng.range_inclusive(1, 50) * MS;
        let hi = lo + rng.range_inclusive(0, 150) * MS;
        let coord = 2 * hi + rng.range_inclusive(1, 100) * MS;
        let net = NetConfig {
            latency_min: lo,
            latency_max: hi,
            loss: 0.0,
            duplicate: 0.0,
        };
        for (part, safe) in [
            (coord + (hi - lo) + MS, true),
            (coord + (hi - lo) / 4, false),
        ] {
            for termination in [false, true] {
                let cfg = ThreePcConfig {
                    participants: k,
                    coord_timeout: coord,
                    part_timeout: part,
                    termination,
                    ..ThreePcConfig::default()
                };
                assert_eq!(part > cfg.least_safe_part_timeout(lo, hi), safe);
                let mut w = world(seed, net.clone(), ThreePcNode::cluster(&cfg), vec![]);
                w.schedule(10 * MS, Action::Command(0, TpcCmd::Begin));
                let mut r = SimRng::new(seed).fork(0xC4A5);
                Chaos::crashes_only((5 * MS, 150 * MS)).run(&mut w, &mut r, 2 * SEC);
                heal_everything(&mut w, net.clone());
                w.run_until(8 * SEC);
                if safe {
                    assert!(
                        w.violations().is_empty(),
                        "seed {seed}: k={k} latency {lo}..{hi} ctimeout {coord} ptimeout {part} termination {termination}: {:?}",
                        w.violations()
                    );
                } else if !termination {
                    split_below += !w.violations().is_empty() as u32;
                }
            }
        }
    }
    println!("below the bound, {split_below} of 600 crash schedules split the decision");
    assert!(
        split_below >= 5,
        "below the bound nothing ever split: {split_below}"
    );
}
