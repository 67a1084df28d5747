//! Atomic commitment under random faults: 2PC (2–6 participants, some voting no) and 3PC
//! with its synchrony assumption kept, and without it (partitions: its known failure).

use super::{net, trial, world, Trial};
use crate::protocols::three_pc::{ThreePcConfig, ThreePcNode};
use crate::protocols::two_pc::{TpcCmd, TwoPcConfig, TwoPcNode};
use crate::sim::{heal_everything, Action, Chaos, NetConfig, Protocol, SimRng, World, MS, SEC};

pub(super) const TWO_PC: &str = "crashes, restarts, cuts, partitions and drops for 2 s, \
messages duplicated (0–20 %), then healing and 5 s to finish";
pub(super) const THREE_PC: &str = "crashes and restarts only, no loss, the participant timeout \
above the synchrony bound, duplication 0–20 %; the termination protocol on in half the runs";
pub(super) const THREE_PC_CUTS: &str = "as 3PC's safe target, plus cuts, partitions and drops";

pub(super) fn two_pc(seed: u64) -> Trial {
    let w = two_pc_run(seed);
    let k = w.len() - 1;
    let live = (1..=k).all(|p| {
        !matches!(
            w.node(p).state(),
            crate::protocols::two_pc::PartState::Prepared { .. }
        )
    });
    trial(&w, live, &[])
}

/// A random 2PC transaction (2–6 participants, some voting no) under crashes, restarts,
/// cuts and drops for 2 s, then healed and given five seconds to finish.
pub fn two_pc_run(seed: u64) -> World<TwoPcNode> {
    let mut rng = SimRng::new(seed).fork(0x2C);
    let k = 2 + rng.index(5);
    let cfg = TwoPcConfig {
        participants: k,
        ..TwoPcConfig::default()
    };
    let net = net(seed, (5 * MS, 40 * MS), 0.0);
    let mut w = world(seed, net.clone(), Vec::new(), TwoPcNode::cluster(&cfg));
    commit_faults(&mut w, &mut rng, net, k, true);
    w
}

pub(super) fn three_pc(seed: u64, partitions: bool) -> Trial {
    use crate::protocols::three_pc::Part3;
    let mut rng = SimRng::new(seed).fork(0x3C);
    let k = 2 + rng.index(5);
    let net = net(seed, (5 * MS, 40 * MS), 0.0);
    let mut cfg = ThreePcConfig {
        participants: k,
        termination: rng.chance(0.5),
        ..ThreePcConfig::default()
    };
    // Above the synchrony bound, by a random margin.
    cfg.part_timeout = cfg.least_safe_part_timeout(net.latency_min, net.latency_max)
        + rng.range_inclusive(1, 200) * MS;
    let mut w = world(seed, net.clone(), Vec::new(), ThreePcNode::cluster(&cfg));
    commit_faults(&mut w, &mut rng, net, k, partitions);
    let live =
        (1..=k).all(|p| !matches!(w.node(p).state(), Part3::Uncertain | Part3::PreCommitted));
    trial(&w, live, &[])
}

/// Some participants vote no, the coordinator begins, faults for 2 s (crashes and
/// restarts; with `network`, also cuts, heals and drops), then everything heals and the
/// protocol gets five seconds to finish.
fn commit_faults<P: Protocol<Cmd = TpcCmd>>(
    w: &mut World<P>,
    rng: &mut SimRng,
    net: NetConfig,
    k: usize,
    network: bool,
) {
    for p in 1..=k {
        if rng.chance(0.15) {
            w.apply(Action::Command(p, TpcCmd::SetVoteNo(true)));
        }
    }
    w.schedule(
        rng.range_inclusive(0, 50) * MS,
        Action::Command(0, TpcCmd::Begin),
    );
    faults_then_heal(w, rng, 2 * SEC, net, network, u32::from(network) * 2);
}

/// The engine's fault scheduler for `span`: kills and restarts, plus (with `network`) link
/// cuts, heals and drops; then everything heals and restarts and the protocol gets five
/// seconds to finish.
pub fn commit_chaos<P: Protocol>(
    w: &mut World<P>,
    rng: &mut SimRng,
    span: u64,
    net: NetConfig,
    network: bool,
) {
    faults_then_heal(w, rng, span, net, network, 0);
}

/// [`commit_chaos`] with partitions (the cluster split in two) weighted `partition`
/// against each other fault.
fn faults_then_heal<P: Protocol>(
    w: &mut World<P>,
    rng: &mut SimRng,
    span: u64,
    net: NetConfig,
    network: bool,
    partition: u32,
) {
    let gap = (5 * MS, 150 * MS);
    let chaos = if network {
        Chaos {
            gap,
            partition,
            loss: 0,
            heal_all: 1,
            command: 0,
            ..Chaos::default()
        }
    } else {
        Chaos::crashes_only(gap)
    };
    chaos.run(w, rng, span);
    heal_everything(w, net);
    w.run_until(span + 5 * SEC);
}
