//! CAP under a partition: the same split under CP (the minority refuses) and AP (both
//! sides answer, the copies diverge, then last writer wins or siblings), PACELC's latency
//! without a partition, CP's rule under random faults and its "break it" caught.

use ds_playground::protocols::cap::client::ClientOp;
use ds_playground::protocols::cap::presets::LATENCY;
use ds_playground::protocols::cap::{CapConfig, CapNode, CapPreset, Merge, Mode, CP_MAJORITY};
use ds_playground::sim::{NetConfig, World, WorldConfig, MS, SEC};

fn fixed() -> NetConfig {
    NetConfig {
        latency_min: LATENCY,
        latency_max: LATENCY,
        loss: 0.0,
        duplicate: 0.0,
    }
}

fn preset(p: CapPreset, minority_accepts: bool) -> World<CapNode> {
    let (mode, merge) = p.mode();
    let cfg = CapConfig {
        mode,
        merge,
        minority_accepts,
        ..CapConfig::default()
    };
    let mut w = World::new(WorldConfig::batch(1, fixed(), true), CapNode::cluster(&cfg));
    for (at, a) in p.script(&cfg) {
        w.schedule(at, a);
    }
    w.run_until(3 * SEC);
    w
}

fn ops(w: &World<CapNode>, c: usize) -> Vec<ClientOp> {
    w.node(c).client().unwrap().history().to_vec()
}

/// (write value or read value, refused) per operation.
fn brief(w: &World<CapNode>, c: usize) -> Vec<(Option<u64>, bool)> {
    ops(w, c)
        .iter()
        .map(|o| (o.write.or(o.value()), o.refused))
        .collect()
}

#[test]
fn cp_refuses_on_the_minority_side_and_stays_consistent() {
    let w = preset(CapPreset::CpPartition, false);
    // C1 (majority side): its writes and read succeed.
    assert_eq!(
        brief(&w, 3),
        vec![(Some(11), false), (Some(21), false), (Some(21), false)]
    );
    // C2 (minority side): write and read refused; after healing it reads C1's 21.
    assert_eq!(
        brief(&w, 4),
        vec![(Some(12), true), (None, true), (Some(21), false)]
    );
    assert!(w.monitor().stale().is_empty());
    assert!(w.violations().is_empty());
}

#[test]
fn cp_broken_lets_the_minority_accept_and_the_monitor_catches_it() {
    let w = preset(CapPreset::CpPartition, true);
    assert!(!ops(&w, 4)[0].refused, "the minority answered alone");
    assert_eq!(w.violations().len(), 1);
    assert_eq!(w.violations()[0].rule, CP_MAJORITY);
}

#[test]
fn ap_answers_on_both_sides_and_last_writer_wins_loses_a_write() {
    let w = preset(CapPreset::ApLww, false);
    // Both sides answer during the partition, each its own value.
    assert_eq!(
        brief(&w, 3),
        vec![(Some(11), false), (Some(21), false), (Some(21), false)]
    );
    assert_eq!(brief(&w, 4)[..2], [(Some(12), false), (Some(12), false)]);
    // After healing: 21 (the later write) everywhere; C2's acknowledged 12 is lost.
    assert_eq!(brief(&w, 4)[2], (Some(21), false));
    for s in 0..3 {
        assert_eq!(w.node(s).server().unwrap().newest().value, 21);
    }
    assert_eq!(
        w.monitor().lost().iter().copied().collect::<Vec<_>>(),
        vec![(4, 1)]
    );
    // C1's read during the partition is fine; C2's read of 12 missed C1's 21 (acknowledged
    // at 540 ms, before C2's read at 600 ms): stale.
    assert!(w.monitor().stale().contains(&(4, 2)));
    assert!(w.violations().is_empty(), "AP promised no such thing");
}

#[test]
fn ap_siblings_keep_both_writes_until_a_client_merges_them() {
    let w = preset(CapPreset::ApSiblings, false);
    let c2 = ops(&w, 4);
    let mut sib = c2[2].read.clone();
    sib.sort();
    assert_eq!(sib, vec![12, 21], "C2 reads both concurrent writes");
    assert!(w.monitor().lost().is_empty(), "nothing is dropped");
    // C2's next write (42) merged them: one value everywhere.
    for s in 0..3 {
        let items = w.node(s).server().unwrap().items();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].value, 42);
    }
    assert_eq!(ops(&w, 3).last().unwrap().read, vec![42]);
}

#[test]
fn without_a_partition_cp_pays_a_majority_round_trip_and_ap_answers_locally() {
    let latency = |mode| {
        let cfg = CapConfig {
            mode,
            ..CapConfig::default()
        };
        let mut w = World::new(WorldConfig::batch(1, fixed(), true), CapNode::cluster(&cfg));
        for (at, a) in CapPreset::Pacelc.script(&cfg) {
            w.schedule(at, a);
        }
        w.run_until(2 * SEC);
        let all: Vec<u64> = (3..5)
            .flat_map(|c| ops(&w, c))
            .map(|o| o.respond.unwrap() - o.invoke)
            .collect();
        assert_eq!(all.len(), 6);
        all.iter().max().copied().unwrap()
    };
    // Client to server and back (40 ms); CP adds two majority round trips (80 ms).
    assert_eq!(latency(Mode::Ap), 40 * MS);
    assert_eq!(latency(Mode::Cp), 120 * MS);
}

#[test]
fn under_random_faults_cp_never_accepts_without_a_majority_and_never_reads_stale() {
    let mut answered = 0;
    for seed in 1..=50 {
        for servers in [3, 5] {
            let cfg = CapConfig {
                servers,
                ..CapConfig::default()
            };
            // The sweep command's run (src/lab/fault_sweep/replication.rs): faults with
            // loss and duplication.
            let w = ds_playground::lab::fault_sweep::cap_run(&cfg, seed);
            assert!(
                w.violations().is_empty(),
                "seed {seed}: {:?}",
                w.violations()
            );
            assert!(
                w.monitor().stale().is_empty(),
                "seed {seed}: a CP read went stale"
            );
            answered += (servers..servers + 2)
                .flat_map(|c| ops(&w, c))
                .filter(|o| o.respond.is_some())
                .count();
        }
    }
    println!("answered {answered}");
    assert!(
        answered > 2_000,
        "enough operations answered to mean something: {answered}"
    );
}

#[test]
fn ap_copies_converge_after_the_partition_heals() {
    for merge in [Merge::Lww, Merge::Siblings] {
        for seed in 1..=20 {
            let net = NetConfig {
                latency_min: 2 * MS,
                latency_max: 30 * MS,
                loss: 0.0,
                duplicate: 0.0,
            };
            let cfg = CapConfig {
                servers: 5,
                mode: Mode::Ap,
                merge,
                workload: Some(40 * MS),
                ..CapConfig::default()
            };
            let mut w = World::new(
                WorldConfig::batch(seed, net.clone(), true),
                CapNode::cluster(&cfg),
            );
            w.schedule(
                200 * MS,
                ds_playground::sim::Action::Partition(cfg.sides().to_vec()),
            );
            w.schedule(1_500 * MS, ds_playground::sim::Action::HealAll);
            // The clients stop (crashed: no more writes); anti-entropy runs on.
            w.schedule(2 * SEC, ds_playground::sim::Action::Crash(5));
            w.schedule(2 * SEC, ds_playground::sim::Action::Crash(6));
            w.run_until(3 * SEC);
            let items: Vec<Vec<u64>> = (0..5)
                .map(|s| {
                    let mut v: Vec<u64> = w
                        .node(s)
                        .server()
                        .unwrap()
                        .items()
                        .iter()
                        .map(|i| i.value)
                        .collect();
                    v.sort();
                    v
                })
                .collect();
            assert!(
                items.windows(2).all(|p| p[0] == p[1]),
                "{merge:?} seed {seed}: the copies converged: {items:?}"
            );
        }
    }
}
