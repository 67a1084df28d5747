//! The lock page: the paused holder loses an update without fencing and is refused with
//! it; the watchdog keeps a long job's lock; under random pauses, drift and jumps, fencing
//! never lets an older token through, and without it the monitor catches what happens.

use ds_playground::protocols::lock::client::Outcome;
use ds_playground::protocols::lock::invariants::{lost_updates, overlaps};
use ds_playground::protocols::lock::{LockConfig, LockNode, LockPreset, FENCED_WRITES};
use ds_playground::sim::{NetConfig, World, WorldConfig, MS, SEC};

fn preset(p: LockPreset, seed: u64) -> World<LockNode> {
    let (ttl, work, watchdog, fencing) = p.settings();
    let cfg = LockConfig {
        ttl,
        work,
        watchdog,
        fencing,
        ..LockConfig::default()
    };
    let lat = ds_playground::protocols::lock::presets::LATENCY;
    let net = NetConfig {
        latency_min: lat,
        latency_max: lat,
        loss: 0.0,
        duplicate: 0.0,
    };
    let mut w = World::new(WorldConfig::batch(seed, net, true), LockNode::cluster(&cfg));
    for (at, a) in p.script(&cfg) {
        w.schedule(at, a);
    }
    w.run_until(2 * SEC);
    w
}

fn nodes(w: &World<LockNode>) -> Vec<&LockNode> {
    (0..w.len()).map(|i| w.node(i)).collect()
}

#[test]
fn a_paused_holder_overwrites_its_successor_without_fencing() {
    for seed in 1..=5 {
        let w = preset(LockPreset::PausedHolder, seed);
        let (c1, c2) = (
            w.node(1).client().unwrap().jobs(),
            w.node(2).client().unwrap().jobs(),
        );
        assert_eq!(c1[0].granted.map(|g| g.1), Some(1));
        assert_eq!(
            c2[0].granted.map(|g| g.1),
            Some(2),
            "C2 got the lock after C1's expired"
        );
        assert_eq!(
            (c1[0].read, c1[0].wrote, c1[0].outcome),
            (Some(0), Some(1), Outcome::Written)
        );
        assert_eq!(
            (c2[0].read, c2[0].wrote, c2[0].outcome),
            (Some(0), Some(1), Outcome::Written)
        );
        assert_eq!(w.node(3).storage().unwrap().value(), 1);
        assert_eq!(
            lost_updates(&nodes(&w)),
            (2, 1),
            "two increments acknowledged, one lost"
        );
        assert_eq!(
            overlaps(&nodes(&w), w.now()).len(),
            1,
            "C1's and C2's critical sections overlapped"
        );
        assert_eq!(w.violations().len(), 1);
        assert_eq!(w.violations()[0].rule, FENCED_WRITES);
        // C1 wrote after C2, at 660 ms (it resumed at 650).
        let writes = w.node(3).storage().unwrap().writes();
        assert_eq!(
            writes
                .iter()
                .map(|x| (x.client, x.token, x.accepted))
                .collect::<Vec<_>>(),
            vec![(2, 2, true), (1, 1, true)]
        );
    }
}

#[test]
fn fencing_refuses_the_paused_holders_stale_write() {
    let w = preset(LockPreset::PausedHolderFenced, 1);
    let c1 = w.node(1).client().unwrap().jobs();
    assert_eq!(c1[0].outcome, Outcome::Refused);
    assert_eq!(w.node(3).storage().unwrap().value(), 1);
    assert_eq!(
        lost_updates(&nodes(&w)),
        (1, 0),
        "nothing acknowledged was lost"
    );
    assert!(w.violations().is_empty());
    // The sections still overlapped: the lock alone cannot prevent it; fencing makes it harmless.
    assert_eq!(overlaps(&nodes(&w), w.now()).len(), 1);
}

#[test]
fn the_watchdog_keeps_a_long_jobs_lock() {
    let w = preset(LockPreset::Watchdog, 1);
    let (c1, c2) = (
        w.node(1).client().unwrap().jobs(),
        w.node(2).client().unwrap().jobs(),
    );
    assert_eq!(
        (c1[0].outcome, c2[0].outcome),
        (Outcome::Written, Outcome::Written)
    );
    assert_eq!(w.node(3).storage().unwrap().value(), 2);
    assert!(overlaps(&nodes(&w), w.now()).is_empty());
    // Without the watchdog the 600 ms job outlives its 300 ms lock: C2 gets it meanwhile,
    // and when C1's watchdog-less job ends it writes over C2's — fenced here.
    let cfg = LockConfig {
        ttl: 300 * MS,
        work: 600 * MS,
        watchdog: false,
        ..LockConfig::default()
    };
    let net = NetConfig {
        latency_min: 10 * MS,
        latency_max: 10 * MS,
        loss: 0.0,
        duplicate: 0.0,
    };
    let mut w = World::new(WorldConfig::batch(1, net, true), LockNode::cluster(&cfg));
    for (at, a) in LockPreset::Watchdog.script(&cfg) {
        w.schedule(at, a);
    }
    w.run_until(2 * SEC);
    assert_eq!(
        w.node(1).client().unwrap().jobs()[0].outcome,
        Outcome::Refused
    );
    assert_eq!(overlaps(&nodes(&w), w.now()).len(), 1);
}

/// Overlapping critical sections by comparing every pair of jobs (the definition, slowly).
fn every_pair_overlapping(w: &World<LockNode>) -> Vec<(usize, usize, u64, u64)> {
    let sections: Vec<(usize, u64, u64)> = (1..=2)
        .flat_map(|c| {
            w.node(c)
                .client()
                .unwrap()
                .jobs()
                .iter()
                .filter_map(move |j| Some((c, j.granted?.0, j.end.unwrap_or(w.now()))))
        })
        .collect();
    let mut out = Vec::new();
    for (i, a) in sections.iter().enumerate() {
        for b in &sections[i + 1..] {
            if a.0 != b.0 && a.1 < b.2 && b.1 < a.2 {
                out.push((a.0.min(b.0), a.0.max(b.0), a.1.max(b.1), a.2.min(b.2)));
            }
        }
    }
    out
}

/// Random jobs, pauses, clock jumps and drift on every node.
fn chaos(seed: u64, fencing: bool) -> World<LockNode> {
    // The sweep command's run (src/lab/fault_sweep/time.rs): pauses, clock steps and drift
    // on every node, duplicated messages.
    ds_playground::lab::fault_sweep::lock_run(seed, 2, fencing)
}

#[test]
fn under_pauses_drift_and_jumps_fencing_never_lets_an_older_token_through_nor_loses_an_update() {
    let (mut jobs, mut broken) = (0, 0);
    for seed in 1..=60 {
        let w = chaos(seed, true);
        assert!(
            w.violations().is_empty(),
            "seed {seed}: {:?}",
            w.violations()
        );
        let s = w.node(3).storage().unwrap();
        let mut seen = 0;
        for x in s.writes().iter().filter(|x| x.accepted) {
            assert!(
                x.token >= seen,
                "seed {seed}: accepted token {} after {seen}",
                x.token
            );
            seen = x.token;
        }
        let (_, lost) = lost_updates(&nodes(&w));
        assert_eq!(
            lost, 0,
            "seed {seed}: fenced reads and writes lose no acknowledged increment"
        );
        jobs += (1..=2)
            .map(|c| w.node(c).client().unwrap().jobs().len())
            .sum::<usize>();
        let unfenced = chaos(seed, false);
        broken += usize::from(!unfenced.violations().is_empty());
        for run in [&w, &unfenced] {
            assert_eq!(
                overlaps(&nodes(run), run.now()),
                every_pair_overlapping(run),
                "seed {seed}: the sweep finds what comparing every pair finds"
            );
        }
    }
    assert!(jobs > 1_000, "{jobs}");
    assert!(
        broken >= 10,
        "without fencing the monitor catches stale writes: {broken} of 60 runs"
    );
}
