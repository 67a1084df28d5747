//! The page controller: the only place that owns a [`World`]. Components read the
//! per-frame [`RaftView`] and send user actions through [`Ctl`].

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::protocols::raft::{RaftCmd, RaftNode};
use crate::sim::{Action, NodeId, SimTime, World, WorldConfig, MS};
use crate::ui::i18n::Lang;
use crate::ui::raft_view::RaftView;
use crate::ui::scenario::{Notice, Scenario};

/// Virtual microseconds per wall millisecond at 1× (50 ms of simulated time per second).
pub const VIRTUAL_US_PER_WALL_MS_AT_1X: f64 = 50.0;
/// Trace events kept for the event log and drop animations.
const TRACE_CAPACITY: usize = 4_000;

/// What the inspector shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Selection {
    None,
    Node(NodeId),
    Link(NodeId, NodeId),
}

/// Handles to the page's state; `Copy`, so every closure can hold one.
#[derive(Clone, Copy)]
pub struct Ctl {
    world: StoredValue<World<RaftNode>>,
    next_cmd: StoredValue<u64>,
    pub view: RwSignal<RaftView>,
    pub scenario: RwSignal<Scenario>,
    pub lang: RwSignal<Lang>,
    pub playing: RwSignal<bool>,
    pub selected: RwSignal<Selection>,
    pub notices: RwSignal<Vec<Notice>>,
}

fn build_world(sc: &Scenario) -> World<RaftNode> {
    let cfg = WorldConfig { seed: sc.seed, net: sc.net_config(), trace_capacity: TRACE_CAPACITY, check_invariants: true };
    World::new(cfg, (0..sc.nodes).map(|_| RaftNode::new(sc.raft_config())).collect())
}

impl Ctl {
    pub fn new(scenario: Scenario, notices: Vec<Notice>, lang: Lang) -> Ctl {
        let world = build_world(&scenario);
        let view = RaftView::build(&world, drop_linger(&scenario));
        let ctl = Ctl {
            world: StoredValue::new(world),
            next_cmd: StoredValue::new(1),
            view: RwSignal::new(view),
            scenario: RwSignal::new(scenario),
            lang: RwSignal::new(lang),
            playing: RwSignal::new(true),
            selected: RwSignal::new(Selection::None),
            notices: RwSignal::new(notices),
        };
        ctl.write_url();
        ctl
    }

    /// Rebuild the view from the world (after time moved or an action).
    pub fn refresh(&self) {
        let linger = drop_linger(&self.scenario.get_untracked());
        let v = self.world.with_value(|w| RaftView::build(w, linger));
        self.view.set(v);
    }

    /// Apply a user action now.
    pub fn act(&self, action: Action<RaftCmd>) {
        self.world.update_value(|w| w.apply(action));
        self.refresh();
    }

    /// Send a client request with the next command number to `node`.
    pub fn client_request(&self, node: NodeId) {
        let cmd = self.next_cmd.get_value();
        self.next_cmd.set_value(cmd + 1);
        self.act(Action::Command(node, RaftCmd::ClientRequest(cmd)));
    }

    /// Toggle the link between `a` and `b`.
    pub fn toggle_link(&self, a: NodeId, b: NodeId) {
        let cut = self.view.with_untracked(|v| v.cut.contains(&(a.min(b), a.max(b))));
        self.act(if cut { Action::Heal(a, b) } else { Action::Cut(a, b) });
    }

    /// Cut every link of `node`.
    pub fn isolate(&self, node: NodeId) {
        let n = self.view.with_untracked(|v| v.nodes.len());
        for other in (0..n).filter(|&o| o != node) {
            self.world.update_value(|w| w.apply(Action::Cut(node, other)));
        }
        self.refresh();
    }

    /// Split the cluster into a minority (the first ⌊n/2⌋ nodes) and a majority.
    pub fn split_cluster(&self) {
        let n = self.view.with_untracked(|v| v.nodes.len());
        let k = n / 2;
        self.act(Action::Partition(vec![(0..k).collect(), (k..n).collect()]));
    }

    /// Advance by a wall-clock interval at the current speed (called every frame).
    pub fn advance(&self, wall_ms: f64) {
        if !self.playing.get_untracked() {
            return;
        }
        let speed = self.scenario.with_untracked(|s| s.speed);
        let dt = (wall_ms.clamp(0.0, 100.0) * speed * VIRTUAL_US_PER_WALL_MS_AT_1X) as SimTime;
        self.world.update_value(|w| {
            let t = w.now() + dt;
            w.run_until(t)
        });
        self.refresh();
    }

    /// Process exactly one event (pauses first).
    pub fn step(&self) {
        self.playing.set(false);
        self.world.update_value(|w| {
            w.step();
        });
        self.refresh();
    }

    /// Start again from time 0 with the current scenario.
    pub fn reset(&self) {
        let sc = self.scenario.get_untracked();
        self.world.set_value(build_world(&sc));
        self.next_cmd.set_value(1);
        self.selected.set(Selection::None);
        self.refresh();
    }

    /// Change the scenario; settings the protocol was built with restart the run.
    pub fn update_scenario(&self, f: impl FnOnce(&mut Scenario)) {
        let before = self.scenario.get_untracked();
        let mut sc = before.clone();
        f(&mut sc);
        let notices = sc.normalize();
        if !notices.is_empty() {
            self.notices.set(notices);
        }
        self.scenario.set(sc.clone());
        self.write_url();
        let needs_restart = sc.seed != before.seed
            || sc.nodes != before.nodes
            || sc.raft_config() != before.raft_config();
        if needs_restart {
            self.reset();
        } else if sc.net_config() != before.net_config() {
            self.act(Action::SetNet(sc.net_config()));
        }
    }

    /// Put the scenario in the address bar (hash only, so any sub-path keeps working).
    pub fn write_url(&self) {
        let mut sc = self.scenario.get_untracked();
        sc.lang = Some(self.lang.get_untracked());
        let hash = sc.to_hash();
        if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&hash));
        }
    }
}

/// How long a dropped message's cross stays on screen (virtual time).
fn drop_linger(sc: &Scenario) -> SimTime {
    (sc.latency_max_ms * 2).max(20) * MS
}
