//! Redlock against a consensus-backed lock: Kleppmann's clock jump makes two Redlock
//! clients hold the lock at once, and without the jump the same cuts are safe; a paused
//! holder loses an update under Redlock (nothing to fence with) and is refused under the
//! consensus lock's fencing token; sweeps of faults over seeds: the consensus lock with
//! fencing never loses an update, and Redlock's exclusion breaks only where clocks jump or
//! nodes pause.

use ds_playground::protocols::redlock::client::Outcome;
use ds_playground::protocols::redlock::invariants::{lost_updates, overlapping_validity};
use ds_playground::protocols::redlock::{
    Mode, Op, RedlockConfig, RedlockNode, RedlockPreset, MUTUAL_EXCLUSION, NO_LOST_UPDATE,
};
use ds_playground::sim::{Chaos, NetConfig, World, WorldConfig, MS, SEC};

fn preset(p: RedlockPreset, seed: u64) -> World<RedlockNode> {
    let cfg = p.config();
    let lat = ds_playground::protocols::redlock::presets::LATENCY;
    let net = NetConfig {
        latency_min: lat,
        latency_max: lat,
        loss: 0.0,
        duplicate: 0.0,
    };
    let mut w = World::new(
        WorldConfig::batch(seed, net, true),
        RedlockNode::cluster(&cfg),
    );
    for (at, a) in p.script(&cfg) {
        w.schedule(at, a);
    }
    w.run_until(3 * SEC);
    w
}

fn nodes(w: &World<RedlockNode>) -> Vec<&RedlockNode> {
    (0..w.len()).map(|i| w.node(i)).collect()
}

fn rules(w: &World<RedlockNode>) -> Vec<&'static str> {
    w.violations().iter().map(|v| v.rule).collect()
}

const C1: usize = 5;
const C2: usize = 6;
const DB: usize = 7;

#[test]
fn a_clock_jump_on_one_instance_gives_two_clients_the_lock() {
    for seed in 1..=5 {
        let w = preset(RedlockPreset::RedlockJump, seed);
        let (j1, j2) = (
            &w.node(C1).client().unwrap().jobs()[0],
            &w.node(C2).client().unwrap().jobs()[0],
        );
        assert_eq!(j1.yes, vec![0, 1, 2], "C1 holds S1–S3");
        assert_eq!(
            j2.yes,
            vec![2, 3, 4],
            "C2 holds S3–S5: S3's key had expired by its jumped clock"
        );
        let said_yes = |s: usize| {
            w.node(s)
                .instance()
                .unwrap()
                .sets()
                .iter()
                .map(|x| x.client)
                .collect::<Vec<_>>()
        };
        assert_eq!(said_yes(2), vec![C1, C2], "S3 said yes to both");
        assert_eq!((said_yes(0), said_yes(4)), (vec![C1], vec![C2]));
        assert_eq!(overlapping_validity(&nodes(&w)).len(), 1);
        assert_eq!(
            (j1.outcome, j2.outcome),
            (Outcome::Written, Outcome::Written)
        );
        assert_eq!(lost_updates(&nodes(&w)), (2, 1));
        assert_eq!(rules(&w), vec![MUTUAL_EXCLUSION, NO_LOST_UPDATE]);
        // The first violation is at C2's grant (350 ms: its timeout for S1, S2).
        assert_eq!(w.violations()[0].at, 350 * MS);
        assert_eq!(w.violations()[0].nodes, vec![C1, C2]);
    }
}

#[test]
fn without_the_jump_the_same_cuts_are_safe() {
    for seed in 1..=5 {
        let w = preset(RedlockPreset::RedlockCuts, seed);
        let (j1, j2) = (
            &w.node(C1).client().unwrap().jobs()[0],
            &w.node(C2).client().unwrap().jobs()[0],
        );
        assert!(j2.attempts > 1, "C2's first attempt got 2 of 5");
        assert!(
            j2.granted.unwrap() >= j1.end.unwrap(),
            "C2 got the lock after C1 released S3"
        );
        assert_eq!(j2.read, Some(1));
        assert_eq!(w.node(DB).storage().unwrap().value(), 2);
        assert!(w.violations().is_empty(), "{:?}", w.violations());
    }
}

#[test]
fn a_paused_redlock_holder_writes_over_its_successor() {
    for seed in 1..=5 {
        let w = preset(RedlockPreset::RedlockPause, seed);
        let (j1, j2) = (
            &w.node(C1).client().unwrap().jobs()[0],
            &w.node(C2).client().unwrap().jobs()[0],
        );
        assert!(
            j2.granted.unwrap() >= j1.valid_until.unwrap(),
            "C2 got it only after C1's validity ran out"
        );
        assert!(j2.end.unwrap() < j1.end.unwrap(), "C2 wrote before C1 woke");
        assert_eq!((j1.read, j2.read), (Some(0), Some(0)));
        assert_eq!(lost_updates(&nodes(&w)), (2, 1));
        assert_eq!(
            rules(&w),
            vec![NO_LOST_UPDATE],
            "validity windows never overlapped: the pause is what broke it"
        );
    }
}

#[test]
fn the_consensus_lock_ignores_a_followers_clock() {
    for seed in 1..=5 {
        let w = preset(RedlockPreset::ConsensusJump, seed);
        let (j1, j2) = (
            &w.node(C1).client().unwrap().jobs()[0],
            &w.node(C2).client().unwrap().jobs()[0],
        );
        assert_eq!(
            (j1.token, j2.token),
            (Some(1), Some(3)),
            "grant, release, grant"
        );
        assert!(j2.granted.unwrap() > j1.end.unwrap());
        assert_eq!(w.node(DB).storage().unwrap().value(), 2);
        assert!(w.violations().is_empty());
        let log = w.node(0).replica().unwrap().log();
        assert_eq!(
            log[..3],
            [
                Op::Grant { client: C1 },
                Op::Release { token: 1 },
                Op::Grant { client: C2 }
            ]
        );
        // S3's log holds the same entries (it got them although its clock jumped).
        assert_eq!(w.node(2).replica().unwrap().log()[..3], log[..3]);
    }
}

#[test]
fn the_consensus_locks_token_fences_the_paused_holder() {
    for seed in 1..=5 {
        let w = preset(RedlockPreset::ConsensusPause, seed);
        let (j1, j2) = (
            &w.node(C1).client().unwrap().jobs()[0],
            &w.node(C2).client().unwrap().jobs()[0],
        );
        assert_eq!(
            (j1.token, j2.token),
            (Some(1), Some(3)),
            "grant, expiry, grant"
        );
        assert_eq!(
            (j1.outcome, j2.outcome),
            (Outcome::Refused, Outcome::Written)
        );
        assert_eq!(w.node(DB).storage().unwrap().value(), 1);
        assert!(w.violations().is_empty());
        assert_eq!(
            w.node(0).replica().unwrap().log()[1],
            Op::Expire { token: 1 }
        );
    }
}

/// Random faults on a steady workload; what the rules say per mode.
fn sweep(
    mode: Mode,
    fencing: bool,
    servers: usize,
    work: u64,
    chaos: Chaos,
    seeds: u64,
) -> (usize, usize, u64) {
    let (mut exclusion, mut lost, mut written) = (0, 0, 0);
    for seed in 1..=seeds {
        let cfg = RedlockConfig {
            mode,
            fencing,
            servers,
            clients: 3,
            work: work * MS,
            ttl: 300 * MS,
            timeout: 60 * MS,
            workload: Some(400 * MS),
            ..RedlockConfig::default()
        };
        // The sweep command's run (src/lab/fault_sweep/time.rs), with duplication.
        let w = ds_playground::lab::fault_sweep::redlock_run(&cfg, &chaos, seed);
        let r = rules(&w);
        exclusion += r.contains(&MUTUAL_EXCLUSION) as usize;
        lost += r.contains(&NO_LOST_UPDATE) as usize;
        written += lost_updates(&nodes(&w)).0;
    }
    (exclusion, lost, written)
}

fn faults(net: bool, pause: u32, jump: u32) -> Chaos {
    ds_playground::lab::fault_sweep::redlock_faults(net, pause, jump)
}

#[test]
fn redlock_holds_with_good_clocks_and_no_pauses() {
    for servers in [3, 5] {
        let (exclusion, lost, written) =
            sweep(Mode::Redlock, false, servers, 60, faults(true, 0, 0), 40);
        assert_eq!(
            exclusion, 0,
            "crashes (with delayed restarts), cuts, loss: mutual exclusion holds"
        );
        // Without fencing the storage is not Redlock's to protect: over 10,000 seeds the
        // sweep command finds 5–13 runs where a write sent near the end of the validity
        // lands after the next holder's read. Rare, never zero.
        assert!(lost <= 1, "{lost} of 40 runs lost an increment");
        assert!(
            written > 200,
            "{written} increments: the faults left the lock usable"
        );
    }
}

#[test]
fn redlock_breaks_when_clocks_jump_or_holders_pause() {
    let (exclusion, _, _) = sweep(Mode::Redlock, false, 3, 200, faults(true, 0, 6), 60);
    assert!(
        exclusion >= 3,
        "clock jumps broke mutual exclusion in only {exclusion} of 60 runs"
    );
    let (exclusion, lost, _) = sweep(Mode::Redlock, false, 5, 60, faults(false, 3, 0), 60);
    assert!(lost >= 3, "pauses lost an update in only {lost} of 60 runs");
    // With good clocks a pause never makes two validity windows overlap (a paused
    // client's validity runs out while it sleeps): it breaks what the lock protects.
    assert_eq!(exclusion, 0);
}

#[test]
fn the_consensus_lock_with_fencing_never_loses_an_update() {
    for servers in [3, 5] {
        let (_, lost, written) = sweep(Mode::Consensus, true, servers, 60, faults(true, 2, 2), 60);
        assert_eq!(lost, 0);
        assert!(written > 200, "{written} increments");
    }
    let (_, lost, _) = sweep(Mode::Consensus, false, 5, 60, faults(false, 3, 0), 60);
    assert!(
        lost >= 3,
        "without fencing the pauses lose updates on the consensus lock too ({lost})"
    );
}
