//! Quorum NWR: every preset's outcome, the W + R > N promise under random faults (and its
//! "break it" setting caught), stale reads where the promise is not made, and the
//! measured stale-read rate beside the PBS model's.

use ds_playground::protocols::consistency::{linearizable, Verdict};
use ds_playground::protocols::quorum::client::history;
use ds_playground::protocols::quorum::{
    QCmd, QConfig, QNode, QPreset, Repair, Version, NO_STALE_READS,
};
use ds_playground::sim::{Action, NetConfig, World, WorldConfig, MS, SEC};

fn fixed(latency: u64) -> NetConfig {
    NetConfig {
        latency_min: latency,
        latency_max: latency,
        loss: 0.0,
        duplicate: 0.0,
    }
}

fn preset(p: QPreset, seed: u64) -> World<QNode> {
    preset_with(p, seed, p.vector_clocks())
}

fn preset_with(p: QPreset, seed: u64, vector_clocks: bool) -> World<QNode> {
    let (servers, n, w, r, repair, sloppy) = p.settings();
    let cfg = QConfig {
        servers,
        n,
        w,
        r,
        repair,
        sloppy,
        vector_clocks,
        ..QConfig::default()
    };
    let mut world = World::new(
        WorldConfig::batch(
            seed,
            fixed(ds_playground::protocols::quorum::presets::LATENCY),
            true,
        ),
        QNode::cluster(&cfg),
    );
    for (at, a) in p.script(&cfg) {
        world.schedule(at, a);
    }
    world.run_until(2 * SEC);
    world
}

fn ops(w: &World<QNode>, client: usize) -> Vec<ds_playground::protocols::quorum::client::ClientOp> {
    w.node(client).client().unwrap().history().to_vec()
}

#[test]
fn w_plus_r_at_most_n_returns_a_stale_read_after_two_lost_messages() {
    for seed in 1..=5 {
        let w = preset(QPreset::StaleRead, seed);
        let c1 = ops(&w, 3);
        assert_eq!(c1.len(), 1);
        assert!(
            c1[0].respond.is_some() && !c1[0].failed,
            "W = 1: S1 alone acknowledges"
        );
        let c2 = ops(&w, 4);
        assert_eq!(
            c2[0].read,
            Some(0),
            "seed {seed}: C2 read the initial value"
        );
        assert_eq!(
            w.monitor().stale().iter().copied().collect::<Vec<_>>(),
            vec![(4, 1)]
        );
        // Not promised (W + R = 2 ≤ N = 3): counted, not a violation.
        assert!(w.violations().is_empty());
        assert_eq!(
            w.node(1).server().unwrap().version(),
            Version::default(),
            "S2 never got it"
        );
    }
}

#[test]
fn overlapping_quorums_see_the_write_and_read_repair_fixes_the_stale_replica() {
    let w = preset(QPreset::Overlap, 1);
    let c2 = ops(&w, 4);
    assert_eq!(c2[0].read, Some(11), "S2 is in both quorums");
    assert!(w.monitor().stale().is_empty());
    let v = Version {
        counter: 1,
        writer: 1,
        ..Version::default()
    };
    assert_eq!(
        w.node(2).server().unwrap().version(),
        v,
        "S3 was repaired by the read"
    );
    assert_eq!(ops(&w, 3)[1].read, Some(11));
    assert!(w.violations().is_empty());
}

#[test]
fn a_failed_write_is_not_rolled_back_and_a_later_read_returns_it() {
    let w = preset(QPreset::FailedWriteSeen, 1);
    let c1 = ops(&w, 3);
    assert!(
        c1[0].failed && c1[0].respond.is_none(),
        "one ack of W = 2: failed"
    );
    assert_eq!(w.node(0).server().unwrap().value(), 11, "S1 keeps it");
    let c2 = ops(&w, 4);
    assert_eq!(c2[0].read, Some(11));
    assert_eq!(
        w.monitor()
            .failed_seen()
            .iter()
            .copied()
            .collect::<Vec<_>>(),
        vec![(4, 1)]
    );
    // Not a stale read: a failed write may take effect at any time, or never.
    assert!(w.monitor().stale().is_empty());
    // The first read alone is linearizable.
    let (mut h, _) = history((0..w.len()).filter_map(|i| w.node(i).client()));
    h.ops.retain(|o| o.invoke < 400 * MS);
    assert!(linearizable(&h).holds());
}

#[test]
fn a_sloppy_quorum_stays_available_under_a_partition_and_hands_writes_over_after() {
    let w = preset(QPreset::SloppyPartition, 1);
    let c1 = ops(&w, 5);
    assert!(
        c1[0].sloppy && c1[0].respond.is_some(),
        "the write succeeded on stand-ins"
    );
    let c2 = ops(&w, 6);
    assert_eq!(c2[0].read, Some(0), "the home replicas S1, S2 missed it");
    assert!(w.monitor().stale().contains(&(6, 1)));
    assert!(
        w.violations().is_empty(),
        "a sloppy quorum does not promise fresh reads"
    );
    // Hinted handoff after the partition healed.
    for s in 0..2 {
        assert_eq!(
            w.node(s).server().unwrap().value(),
            11,
            "S{} got it handed over",
            s + 1
        );
    }
    assert!((0..5).all(|s| w.node(s).server().unwrap().hints().is_empty()));
    assert_eq!(c2[1].read, Some(11));
}

/// A world of `cfg` with two clients writing and reading steadily under random faults.
fn chaos_run(cfg: &QConfig, seed: u64) -> World<QNode> {
    // The sweep command's quorum run (src/lab/fault_sweep/replication.rs): faults with
    // loss and duplication.
    ds_playground::lab::fault_sweep::quorum_run(cfg, seed)
}

#[test]
fn under_random_faults_overlapping_strict_quorums_never_read_stale() {
    let mut reads = 0;
    for seed in 1..=40 {
        for (n, w_, r) in [(3, 2, 2), (5, 3, 3), (5, 1, 5), (5, 4, 2)] {
            for repair in [Repair::Off, Repair::Background, Repair::Blocking] {
                let cfg = QConfig {
                    servers: n,
                    n,
                    w: w_,
                    r,
                    repair,
                    ..QConfig::default()
                };
                let w = chaos_run(&cfg, seed);
                assert!(
                    w.violations().is_empty(),
                    "seed {seed} N={n} W={w_} R={r}: {:?}",
                    w.violations()
                );
                assert!(w.monitor().stale().is_empty());
                reads += (0..w.len())
                    .filter_map(|i| w.node(i).client())
                    .flat_map(|c| c.history())
                    .filter(|o| o.read.is_some())
                    .count();
            }
        }
    }
    assert!(
        reads > 5_000,
        "the sweep read enough to mean something: {reads}"
    );
}

/// N = 3, W = 2, R = 2: C1's write misses S2 (a lost put); C2's read asks S2 and S3 (its
/// request to S1 is lost): S2's old version arrives first, S3's new one second.
fn first_reply_world(first_reply: bool) -> World<QNode> {
    let cfg = QConfig {
        first_reply,
        ..QConfig::default()
    };
    let mut w = World::new(
        WorldConfig::batch(1, fixed(20 * MS), true),
        QNode::cluster(&cfg),
    );
    w.schedule(100 * MS, Action::Command(3, QCmd::Write));
    w.schedule(150 * MS, Action::Cut(3, 1));
    w.schedule(170 * MS, Action::Heal(3, 1));
    w.schedule(190 * MS, Action::Cut(4, 0));
    w.schedule(200 * MS, Action::Command(4, QCmd::Read));
    w.run_until(SEC);
    w
}

#[test]
fn the_break_it_setting_is_caught_and_partial_quorums_read_stale() {
    let sound = first_reply_world(false);
    assert_eq!(ops(&sound, 4)[0].read, Some(11), "the highest version wins");
    assert!(sound.violations().is_empty());
    let broken = first_reply_world(true);
    assert_eq!(
        ops(&broken, 4)[0].read,
        Some(0),
        "the first reply was S2's old version"
    );
    assert_eq!(broken.violations().len(), 1);
    assert_eq!(broken.violations()[0].rule, NO_STALE_READS);
    let stale: usize = (1..=20)
        .map(|seed| {
            let cfg = QConfig {
                servers: 5,
                n: 5,
                w: 1,
                r: 1,
                ..QConfig::default()
            };
            let w = chaos_run(&cfg, seed);
            assert!(w.violations().is_empty(), "W + R ≤ N promises nothing");
            w.monitor().stale().len()
        })
        .sum();
    assert!(
        stale >= 20,
        "N = 5, W = R = 1 reads stale under faults: {stale}"
    );
}

#[test]
fn a_seen_failed_write_can_be_unseen_unless_read_repair_writes_it_back() {
    // The failed-write preset: C2 reads 11 (the failed write, from S1), then reads S2 and S3.
    let (servers, n, w_, r, _, sloppy) = QPreset::FailedWriteSeen.settings();
    for repair in [Repair::Off, Repair::Background, Repair::Blocking] {
        let cfg = QConfig {
            servers,
            n,
            w: w_,
            r,
            repair,
            sloppy,
            ..QConfig::default()
        };
        let mut w = World::new(
            WorldConfig::batch(1, fixed(20 * MS), true),
            QNode::cluster(&cfg),
        );
        for (at, a) in QPreset::FailedWriteSeen.script(&cfg) {
            w.schedule(at, a);
        }
        w.run_until(2 * SEC);
        let reads: Vec<Option<u64>> = ops(&w, 4).iter().map(|o| o.read).collect();
        let (h, _) = history((0..w.len()).filter_map(|i| w.node(i).client()));
        let lin = linearizable(&h);
        match repair {
            // Nothing wrote 11 beyond S1: the second read goes back in time.
            Repair::Off => {
                assert_eq!(reads, vec![Some(11), Some(0)]);
                assert_eq!(lin, Verdict::Violated);
            }
            // Repair reached S2 and S3 before the second read (background: by luck of
            // timing; blocking: before the first read answered).
            _ => {
                assert_eq!(reads, vec![Some(11), Some(11)], "{repair:?}");
                assert!(lin.holds());
            }
        }
    }
}

#[test]
fn blocking_read_repair_keeps_histories_linearizable_under_load() {
    // W + R > N with blocking repair is ABD: linearizable.
    for seed in 1..=30 {
        let net = NetConfig {
            latency_min: MS,
            latency_max: 60 * MS,
            loss: 0.0,
            duplicate: 0.0,
        };
        let cfg = QConfig {
            servers: 5,
            n: 5,
            w: 3,
            r: 3,
            clients: 3,
            repair: Repair::Blocking,
            workload: Some(20 * MS),
            read_share: 70,
            ..QConfig::default()
        };
        let mut w = World::new(WorldConfig::batch(seed, net, true), QNode::cluster(&cfg));
        w.run_until(2 * SEC);
        let (h, _) = history((0..w.len()).filter_map(|i| w.node(i).client()));
        assert!(h.ops.len() > 40);
        assert!(linearizable(&h).holds(), "seed {seed}: ABD is linearizable");
    }
}

#[test]
fn concurrent_writers_become_siblings_with_vector_clocks_and_one_is_lost_with_numbers() {
    for seed in 1..=5 {
        let w = preset(QPreset::ConcurrentWriters, seed);
        let (c1, c2) = (ops(&w, 3), ops(&w, 4));
        // Both writes were acknowledged, with clocks neither of which has seen the other.
        let (v1, v2) = (c1[0].version.unwrap(), c2[0].version.unwrap());
        assert!(c1[0].respond.is_some() && c2[0].respond.is_some());
        assert!(
            v1.concurrent(&v2),
            "seed {seed}: {v1} and {v2} are concurrent"
        );
        // C1's read returned both values: siblings.
        let mut both = vec![c1[1].read.unwrap()];
        both.extend(&c1[1].siblings);
        both.sort();
        assert_eq!(
            both,
            vec![11, 12],
            "seed {seed}: the read returned both writes"
        );
        // C1's next write has seen both and replaced them everywhere.
        let v3 = c1[2].version.unwrap();
        assert!(
            v1.covered_by(&v3) && v2.covered_by(&v3),
            "{v3} descends from both"
        );
        assert_eq!(
            (c2[1].read, c2[1].siblings.len()),
            (Some(31), 0),
            "C2 reads one value (C1's third operation wrote 31)"
        );
        for s in 0..3 {
            assert_eq!(
                w.node(s).server().unwrap().items(),
                &[(v3, 31)],
                "S{} holds only the merge",
                s + 1
            );
        }
        assert!(w.violations().is_empty() && w.monitor().stale().is_empty());
    }
    // The same actions with version numbers: both writes acknowledged, one silently gone.
    let w = preset_with(QPreset::ConcurrentWriters, 1, false);
    let (c1, c2) = (ops(&w, 3), ops(&w, 4));
    assert!(c1[0].respond.is_some() && c2[0].respond.is_some() && !c1[0].failed && !c2[0].failed);
    assert_eq!(
        (c1[1].read, c1[1].siblings.len()),
        (Some(12), 0),
        "C2's tie-breaking number won; 11 is lost"
    );
}

#[test]
fn vector_clocks_under_random_faults_never_read_stale_and_siblings_appear() {
    let (mut reads, mut sibling_reads) = (0, 0);
    for seed in 1..=30 {
        for (n, w_, r) in [(3, 2, 2), (5, 3, 3), (3, 1, 3)] {
            for repair in [Repair::Off, Repair::Background, Repair::Blocking] {
                let cfg = QConfig {
                    servers: n,
                    n,
                    w: w_,
                    r,
                    repair,
                    vector_clocks: true,
                    ..QConfig::default()
                };
                let w = chaos_run(&cfg, seed);
                assert!(
                    w.violations().is_empty(),
                    "seed {seed} N={n} W={w_} R={r} {repair:?}: {:?}",
                    w.violations()
                );
                for c in (0..w.len()).filter_map(|i| w.node(i).client()) {
                    for o in c.history().iter().filter(|o| o.read.is_some()) {
                        reads += 1;
                        sibling_reads += usize::from(!o.siblings.is_empty());
                    }
                }
                // Every replica's items are pairwise concurrent (none has seen another).
                for s in (0..n).filter_map(|i| w.node(i).server()) {
                    let items = s.items();
                    for (i, a) in items.iter().enumerate() {
                        for b in &items[i + 1..] {
                            assert!(
                                a.0.concurrent(&b.0),
                                "seed {seed}: {} and {} kept together",
                                a.0,
                                b.0
                            );
                        }
                    }
                }
            }
        }
    }
    assert!(reads > 3_000, "{reads}");
    assert!(
        sibling_reads > 20,
        "concurrent writers made siblings that reads returned: {sibling_reads}"
    );
}

#[test]
fn clients_answer_the_buttons() {
    let cfg = QConfig::default();
    let mut w = World::new(
        WorldConfig::batch(1, fixed(10 * MS), true),
        QNode::cluster(&cfg),
    );
    w.schedule(0, Action::Command(3, QCmd::Write));
    w.schedule(5 * MS, Action::Command(3, QCmd::Read));
    w.run_until(SEC);
    let c1 = ops(&w, 3);
    assert_eq!(c1.len(), 1, "a click while waiting is not sent");
    assert_eq!(
        c1[0].version,
        Some(Version {
            counter: 1,
            writer: 1,
            ..Version::default()
        })
    );
    assert_eq!(
        c1[0].respond,
        Some(40 * MS),
        "query and put: two round trips"
    );
}

/// Issue 29: the monitor reads each history once as it grows (a read against the
/// acknowledged writes merged so far); its stale reads are exactly the definition's — a
/// read that has not seen some write acknowledged before it began, looked up against
/// every history — on runs with faults, with version numbers and vector clocks, and
/// quorums that overlap and that do not.
#[test]
fn the_incremental_monitor_finds_exactly_the_stale_reads_the_definition_finds() {
    use ds_playground::protocols::quorum::invariants::missed_write;
    let mut stale_seen = 0;
    for seed in 1..=40u64 {
        let (n, w, r) = [(3, 1, 1), (3, 2, 2), (5, 2, 2), (5, 1, 3)][(seed % 4) as usize];
        let cfg = QConfig {
            servers: n,
            n,
            w,
            r,
            vector_clocks: seed % 3 == 0,
            ..QConfig::default()
        };
        let world = ds_playground::lab::fault_sweep::quorum_run(&cfg, seed);
        let histories: Vec<&[ds_playground::protocols::quorum::client::ClientOp]> = (0..world
            .len())
            .filter_map(|i| world.node(i).client())
            .map(|c| c.history())
            .collect();
        let expected: std::collections::BTreeSet<_> = histories
            .iter()
            .flat_map(|h| h.iter())
            .filter(|o| o.write.is_none() && o.respond.is_some() && !o.failed)
            .filter(|o| {
                o.version
                    .is_some_and(|got| missed_write(&histories, o.invoke, got).is_some())
            })
            .map(|o| o.op)
            .collect();
        assert_eq!(world.monitor().stale(), &expected, "seed {seed}");
        stale_seen += expected.len();
    }
    assert!(
        stale_seen > 20,
        "the runs had stale reads to find: {stale_seen}"
    );
}
