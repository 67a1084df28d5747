//! The engine's imperfect time: local clocks (drift, offset, jumps) that timers run on,
//! and pauses (a GC pause) during which a node handles nothing and after which it carries
//! on with what waited, in order — all replayed exactly from the action log.

use ds_playground::sim::{
    Action, ClockSpec, Ctx, NetConfig, NoMonitor, NodeId, Protocol, SimTime, World, WorldConfig, MS,
};

/// A node that ticks every 100 ms of its own clock and pings node 1; node 1 records what
/// arrives (true time, local time, sender's tick number).
#[derive(Clone, Debug, Default)]
struct Ticker {
    ticks: u64,
    /// (true time, local time) of each tick.
    tick_times: Vec<(SimTime, SimTime)>,
    /// (true time, tick number) of each ping received.
    got: Vec<(SimTime, u64)>,
    /// True times of commands handled.
    cmds: Vec<SimTime>,
}

impl Protocol for Ticker {
    type Msg = u64;
    type Timer = ();
    type Cmd = ();
    type Note = ();
    type Monitor = NoMonitor;
    fn on_start(&mut self, cx: &mut Ctx<Self>) {
        if cx.id == 0 {
            cx.set_timer((), 100 * MS, 100 * MS);
        }
    }
    fn on_msg(&mut self, _from: NodeId, n: u64, cx: &mut Ctx<Self>) {
        self.got.push((cx.now, n));
    }
    fn on_timer(&mut self, _: (), cx: &mut Ctx<Self>) {
        self.ticks += 1;
        self.tick_times.push((cx.now, cx.local));
        cx.send(1, self.ticks);
        cx.set_timer((), 100 * MS, 100 * MS);
    }
    fn on_cmd(&mut self, _: (), cx: &mut Ctx<Self>) {
        self.cmds.push(cx.now);
    }
}

fn world(clock0: ClockSpec) -> World<Ticker> {
    let cfg = WorldConfig {
        seed: 3,
        net: NetConfig {
            latency_min: 10 * MS,
            latency_max: 10 * MS,
            loss: 0.0,
            duplicate: 0.0,
        },
        trace_capacity: 10_000,
        clocks: vec![clock0],
        ..WorldConfig::default()
    };
    World::new(cfg, vec![Ticker::default(), Ticker::default()])
}

#[test]
fn timers_run_on_a_drifting_clock() {
    // 25 % fast: 100 local ms pass in 80 true ms.
    let mut w = world(ClockSpec {
        drift_ppm: 250_000,
        offset: 7 * MS as i64,
    });
    w.run_until(1_000 * MS);
    let t = &w.node(0).tick_times;
    assert_eq!(t.len(), 12, "{t:?}");
    assert_eq!(t[0], (80 * MS, 107 * MS));
    assert_eq!(t[4], (400 * MS, 507 * MS));
    assert_eq!(w.local_time(0), 1_257 * MS as i64);
    assert_eq!(
        w.local_time(1),
        1_000 * MS as i64,
        "node 1's clock is perfect"
    );
}

#[test]
fn a_clock_jump_moves_the_timers_that_run_on_it() {
    let mut w = world(ClockSpec::default());
    w.run_until(150 * MS);
    // Forward 60 ms at 150: the clock reads 210, past the tick due at local 200: it fires now.
    w.apply(Action::ClockJump(0, 60 * MS as i64));
    w.run_until(150 * MS);
    assert_eq!(w.node(0).tick_times.last(), Some(&(150 * MS, 210 * MS)));
    // Back 100 ms at 200 (clock 260 → 160): the next tick, due at local 310, comes at
    // true 350 instead of 250.
    w.run_until(200 * MS);
    w.apply(Action::ClockJump(0, -(100 * MS as i64)));
    w.run_until(1_000 * MS);
    let t = &w.node(0).tick_times;
    assert_eq!(t[2], (350 * MS, 310 * MS), "{t:?}");
}

#[test]
fn a_paused_node_handles_nothing_then_everything_in_order_and_keeps_its_state() {
    let mut w = world(ClockSpec::default());
    w.run_until(205 * MS); // ticks at 100, 200; pings arrive at 110 (and 210)
    w.apply(Action::Pause(1, 300 * MS)); // node 1 frozen 205..505
    w.apply(Action::Command(1, ())); // a request to it waits too
    w.apply(Action::Pause(0, 150 * MS)); // node 0 frozen 205..355: its 300 tick waits
    w.run_until(504 * MS);
    assert_eq!(
        w.node(1).got.len(),
        1,
        "nothing handled while paused: {:?}",
        w.node(1).got
    );
    assert_eq!(w.node(1).cmds, Vec::<SimTime>::new());
    assert_eq!(w.paused_until(1), Some(505 * MS));
    // Node 0's tick due at 300 fired when it resumed at 355, then on its clock.
    let t0: Vec<SimTime> = w.node(0).tick_times.iter().map(|t| t.0).collect();
    assert_eq!(t0, vec![100 * MS, 200 * MS, 355 * MS, 455 * MS]);
    w.run_until(505 * MS);
    // At 505 node 1 handles what waited, in the order it came: the command (205), ping 2
    // (due 210), ping 3 (sent at 355), ping 4 (sent at 455).
    let got: Vec<(SimTime, u64)> = w.node(1).got.clone();
    assert_eq!(
        got,
        vec![(110 * MS, 1), (505 * MS, 2), (505 * MS, 3), (505 * MS, 4)]
    );
    assert_eq!(w.node(1).cmds, vec![505 * MS]);
    assert_eq!(w.paused_until(1), None);
    assert_eq!(w.pauses().len(), 2);
    assert_eq!(
        (w.pauses()[0].from, w.pauses()[0].until),
        (205 * MS, 505 * MS)
    );
}

#[test]
fn a_crash_ends_a_pause_and_loses_what_waited() {
    let mut w = world(ClockSpec::default());
    w.run_until(105 * MS);
    w.apply(Action::Pause(1, 500 * MS));
    w.run_until(300 * MS);
    w.apply(Action::Crash(1));
    w.run_until(700 * MS);
    w.apply(Action::Restart(1));
    w.run_until(850 * MS);
    let got: Vec<u64> = w.node(1).got.iter().map(|g| g.1).collect();
    // Pings 1 and 2 waited and were lost with the crash; 3..6 hit a crashed node; 7, 8 arrive.
    assert_eq!(got, vec![7, 8], "{got:?}");
    assert_eq!(
        w.pauses()[0].until,
        300 * MS,
        "the pause drawn ends at the crash"
    );
}

#[test]
fn pauses_and_jumps_replay_exactly_from_the_action_log() {
    let mut w = world(ClockSpec {
        drift_ppm: -30_000,
        offset: 0,
    });
    let script: Vec<(SimTime, Action<()>)> = vec![
        (120 * MS, Action::Pause(1, 250 * MS)),
        (130 * MS, Action::ClockJump(0, 45 * MS as i64)),
        (200 * MS, Action::Command(1, ())),
        (260 * MS, Action::Pause(1, 100 * MS)),
        (300 * MS, Action::ClockJump(0, -(80 * MS as i64))),
        (410 * MS, Action::Pause(0, 90 * MS)),
    ];
    for (at, a) in &script {
        w.run_until(*at);
        w.apply(a.clone());
    }
    w.run_until(2_000 * MS);
    let cfg = w.config().clone();
    let again = World::replay(
        cfg,
        vec![Ticker::default(), Ticker::default()],
        &w.actions().to_vec(),
        2_000 * MS,
    );
    assert_eq!(again.trace().hash(), w.trace().hash());
    assert_eq!(again.node(1).got, w.node(1).got);
    assert_eq!(
        w.pauses().len(),
        2,
        "a second pause while paused extends the first"
    );
    assert_eq!(
        (w.pauses()[0].until, w.pauses()[1].until),
        (370 * MS, 500 * MS)
    );
}
