//! The network's duplication fault: a message that is not lost may arrive twice, each copy
//! with its own latency; at rate 0 the engine draws nothing for it (runs recorded before the
//! fault existed replay unchanged); links carry the rate.

use ds_playground::protocols::raft::{RaftConfig, RaftNode};
use ds_playground::sim::{
    Action, Ctx, NetConfig, NoMonitor, NodeId, Protocol, World, WorldConfig, MS, SEC,
};
use ds_playground::ui::core::action::UiAction;
use ds_playground::ui::core::action_log::{decode, encode};

/// Node 0 sends node 1 one numbered message every 10 ms; node 1 counts what arrives.
#[derive(Clone, Debug, Default)]
struct Pinger {
    sent: u64,
    got: Vec<u64>,
}

impl Protocol for Pinger {
    type Msg = u64;
    type Timer = ();
    type Cmd = ();
    type Note = ();
    type Monitor = NoMonitor;
    fn on_start(&mut self, cx: &mut Ctx<Self>) {
        if cx.id == 0 {
            cx.set_timer((), 10 * MS, 10 * MS);
        }
    }
    fn on_msg(&mut self, _from: NodeId, n: u64, _cx: &mut Ctx<Self>) {
        self.got.push(n);
    }
    fn on_timer(&mut self, _: (), cx: &mut Ctx<Self>) {
        self.sent += 1;
        cx.send(1, self.sent);
        cx.set_timer((), 10 * MS, 10 * MS);
    }
    fn on_cmd(&mut self, _: (), _cx: &mut Ctx<Self>) {}
}

fn net(loss: f64, duplicate: f64) -> NetConfig {
    NetConfig {
        latency_min: 5 * MS,
        latency_max: 40 * MS,
        loss,
        duplicate,
    }
}

fn pings(seed: u64, n: NetConfig) -> World<Pinger> {
    let mut w = World::new(
        WorldConfig::batch(seed, n, false),
        vec![Pinger::default(), Pinger::default()],
    );
    w.run_until(10 * SEC + 5 * MS);
    w
}

#[test]
fn every_message_arrives_twice_at_rate_one_and_copies_may_overtake() {
    let w = pings(7, net(0.0, 1.0));
    let sent = w.node(0).sent;
    let got = &w.node(1).got;
    // (the last few are still in flight at the end)
    assert!(
        got.len() as u64 >= 2 * (sent - 4),
        "{} of {sent}",
        got.len()
    );
    for k in 1..=sent - 4 {
        assert_eq!(got.iter().filter(|&&g| g == k).count(), 2, "message {k}");
    }
    // Each copy has its own latency: somewhere a later message arrives between the two
    // copies of an earlier one.
    let interleaved = (1..=sent - 4).any(|k| {
        let first = got.iter().position(|&g| g == k).unwrap();
        let second = got.iter().rposition(|&g| g == k).unwrap();
        got[first..second].iter().any(|&g| g != k)
    });
    assert!(interleaved, "{got:?}");
}

#[test]
fn a_rate_duplicates_about_that_share_and_never_a_lost_message() {
    let w = pings(11, net(0.3, 0.2));
    let sent = w.node(0).sent as f64;
    let got = &w.node(1).got;
    let distinct = {
        let mut d = got.clone();
        d.sort();
        d.dedup();
        d.len() as f64
    };
    let dups = got.len() as f64 - distinct;
    // ~70 % arrive, ~20 % of those twice (1,000 messages: a few percent either way).
    assert!(
        (0.62..0.78).contains(&(distinct / sent)),
        "{distinct} of {sent}"
    );
    assert!(
        (0.14..0.26).contains(&(dups / distinct)),
        "{dups} of {distinct}"
    );
}

#[test]
fn a_rate_changes_the_run_and_the_same_seed_replays_it() {
    // (At rate 0 the run is the one recorded before the fault existed: the format-0 link
    // fixtures, `tests/link_fixtures.rs`, replay to their recorded fingerprints.)
    let run = |seed: u64, dup: f64| {
        let mut w = World::new(
            WorldConfig::batch(seed, net(0.1, dup), true),
            (0..5)
                .map(|_| RaftNode::new(RaftConfig::default()))
                .collect(),
        );
        w.schedule(700 * MS, Action::Crash(0));
        w.run_until(3 * SEC);
        w.trace().hash()
    };
    assert_ne!(run(1, 0.0), run(1, 0.3));
    assert_eq!(run(1, 0.3), run(1, 0.3));
}

#[test]
fn links_carry_the_rate_and_old_links_read_as_before() {
    let nodes = 5;
    let a = UiAction::SetNet(net(0.1, 0.25));
    let s = encode(std::slice::from_ref(&(100 * MS, a.clone())));
    assert!(s.ends_with("n5:40:10:25"), "{s}");
    assert_eq!(decode(&s, nodes, &[]).0[0].1, a);
    let old = UiAction::SetNet(net(0.1, 0.0));
    let s = encode(std::slice::from_ref(&(100 * MS, old.clone())));
    assert!(s.ends_with("n5:40:10"), "{s}");
    assert_eq!(decode(&s, nodes, &[]).0[0].1, old);
    for bad in ["100000n5:40:10:", "100000n5:40:10:91", "100000n5:40:10:1:1"] {
        assert!(decode(bad, nodes, &[]).0.is_empty(), "{bad}");
    }
}
