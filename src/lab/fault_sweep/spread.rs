//! Epidemic spread under random faults: push-pull gossip (anti-entropy never stops) must
//! reach every node once the network heals, whatever crashed, was cut off or lost and
//! duplicated messages meanwhile.

use super::{net, trial, world, Trial};
use crate::protocols::gossip::{GossipCmd, GossipConfig, GossipNode, Mode};
use crate::sim::{heal_everything, Action, Chaos, SimRng, MS, SEC};

pub(super) const GOSSIP: &str = "10–60 nodes, push-pull, fanout 1–2: crashes, restarts, cuts, \
partitions, drops, loss and duplication for 2 s from the first infection, then healing: \
everyone must have heard within 10 s";

/// Liveness as a rule of the sweep: after healing, the rumour reaches everyone.
pub const EVERYONE_HEARS: &str = "push-pull gossip reaches every node after healing";

pub(super) fn gossip(seed: u64) -> Trial {
    let mut rng = SimRng::new(seed).fork(0x6055);
    let n = 10 + rng.index(51);
    let cfg = GossipConfig {
        mode: Mode::PushPull,
        fanout: 1 + rng.index(2),
        ..GossipConfig::default()
    };
    let net = net(seed, (5 * MS, 10 * MS), 0.0);
    let mut w = world(seed, net.clone(), Vec::new(), GossipNode::cluster(&cfg, n));
    w.apply(Action::Command(rng.index(n), GossipCmd::Infect));
    let chaos = Chaos {
        gap: (20 * MS, 200 * MS),
        command: 0,
        net: net.clone(),
        max_dup_tenths: 2,
        ..Chaos::default()
    };
    chaos.run(&mut w, &mut rng, 2 * SEC);
    heal_everything(&mut w, net);
    let end = w.now() + 10 * SEC;
    while w.now() < end && !(0..n).all(|i| w.node(i).infected()) {
        let t = w.now() + cfg.period;
        w.run_until(t);
    }
    let everyone = (0..n).all(|i| w.node(i).infected());
    let mut t = trial(&w, everyone, &[]);
    if !everyone {
        t.broken(EVERYONE_HEARS, || format!("{EVERYONE_HEARS} ({n} nodes)"));
    }
    t
}
