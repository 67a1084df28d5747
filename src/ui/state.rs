//! The page controller: the only place that owns a running simulation. Components read the
//! per-frame [`SimView`] and send user actions through [`Ctl`].

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::sim::{NodeId, SimTime, MS};
use crate::ui::core::action::UiAction;
use crate::ui::core::i18n::Lang;
use crate::ui::core::notice::Notice;
use crate::ui::core::page::Catalogue;
use crate::ui::core::runner::{catch_up_step, CatchUpStep, NoRun, PageSim};
use crate::ui::core::scenario::{LinkCut, Page, Scenario};
use crate::ui::core::tour_run::TourRun;
use crate::ui::core::tours;
use crate::ui::core::view::{LegendVis, SimView, SpaceTimeAsk};

/// Virtual microseconds per wall millisecond at 1× (50 ms of simulated time per second).
pub const VIRTUAL_US_PER_WALL_MS_AT_1X: f64 = 50.0;

/// What the inspector shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Selection {
    None,
    Node(NodeId),
    Link(NodeId, NodeId),
    /// A message (in flight, or an arrow of the space-time diagram).
    Msg(u64),
}

/// Whether the page's code (in the browser, its own chunk) is here to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Code {
    /// Here: the run is the page's.
    Here,
    /// On its way: the run is a [`NoRun`] and the address bar is left as the reader gave it.
    Fetching,
    /// The fetch failed (the page offers to try again).
    Failed,
}

/// Handles to the page's state; `Copy`, so every closure can hold one.
#[derive(Clone, Copy)]
pub struct Ctl {
    /// The pages this app can open (the registry, handed over by the shell).
    pub catalogue: &'static dyn Catalogue,
    sim: StoredValue<Box<dyn PageSim>>,
    pub view: RwSignal<SimView>,
    pub legend: RwSignal<LegendVis>,
    pub scenario: RwSignal<Scenario>,
    pub lang: RwSignal<Lang>,
    pub playing: RwSignal<bool>,
    pub selected: RwSignal<Selection>,
    pub notices: RwSignal<Vec<Notice>>,
    /// The message under the pointer (in the cluster, the diagram or the log).
    pub hovered: RwSignal<Option<u64>>,
    /// Client operations the consistency checker named as a witness (their diagram keys).
    pub witness: RwSignal<Vec<u64>>,
    pub tour: RwSignal<Option<TourRun>>,
    /// The home page is showing (the run is paused behind it and the URL left alone).
    pub home: RwSignal<bool>,
    /// The session outgrew what a link holds: what the address bar's link still carries.
    pub link_cut: RwSignal<Option<LinkCut>>,
    /// The run is being brought to the link's start time (`t=`) in slices.
    pub catching_up: RwSignal<Option<CatchUp>>,
    /// Whether the page's code is here (see [`Code`]).
    pub code: RwSignal<Code>,
    /// Address-bar writes after actions: (a write is held back, one is due when it ends).
    url_throttle: StoredValue<(bool, bool)>,
}

/// A run on its way to the link's start time (`t=`): each frame runs a slice of it, so the
/// page stays responsive and shows its progress however far the link reaches.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CatchUp {
    /// Where it is going, and how far it has come.
    pub target: SimTime,
    pub at: SimTime,
    /// Play once there.
    resume: bool,
    /// When it began (wall clock, ms).
    began_ms: f64,
}

/// Real time one frame spends catching up (ms): the rest of the frame draws the progress.
const CATCH_UP_SLICE_MS: f64 = 12.0;
/// Real time a link's catch-up may take in all (ms), beside its budget of events: where
/// events cost more than gossip's, the run stops short here (and says so).
const CATCH_UP_MAX_WALL_MS: f64 = 15_000.0;

/// After an action, the address bar is rewritten at most this often (ms): a burst of
/// clicks re-encodes the action log a few times a second, not once per click.
const URL_EVERY_MS: u32 = 250;

impl Ctl {
    /// The controller of `scenario`'s page; behind the home page no page is built (nor its
    /// code fetched) until the reader opens one.
    pub fn new(
        catalogue: &'static dyn Catalogue,
        scenario: Scenario,
        notices: Vec<Notice>,
        lang: Lang,
        home: bool,
    ) -> Ctl {
        let scenario_autoplay = scenario.autoplay && !home;
        let ctl = Ctl {
            catalogue,
            view: RwSignal::new(SimView::default()),
            legend: RwSignal::new(LegendVis::default()),
            sim: StoredValue::new(Box::new(NoRun)),
            scenario: RwSignal::new(scenario),
            lang: RwSignal::new(lang),
            playing: RwSignal::new(scenario_autoplay),
            selected: RwSignal::new(Selection::None),
            notices: RwSignal::new(notices),
            hovered: RwSignal::new(None),
            witness: RwSignal::new(Vec::new()),
            tour: RwSignal::new(None),
            home: RwSignal::new(home),
            link_cut: RwSignal::new(None),
            catching_up: RwSignal::new(None),
            code: RwSignal::new(Code::Fetching),
            url_throttle: StoredValue::new((false, false)),
        };
        if !home {
            ctl.rebuild();
        }
        ctl
    }

    /// The run was just built at time 0: go to the link's start time (in slices, see
    /// [`CatchUp`]), or start its tour now.
    fn begin(&self, start_ms: u64, play: bool) {
        if start_ms == 0 {
            self.catching_up.set(None);
            self.start_tour();
            return;
        }
        self.playing.set(false);
        self.catching_up.set(Some(CatchUp {
            target: start_ms.saturating_mul(MS),
            at: 0,
            resume: play,
            began_ms: super::clock::now_ms(),
        }));
    }

    /// One frame's share of the catch-up.
    fn catch_up_slice(&self, c: CatchUp) {
        let t0 = super::clock::now_ms();
        let mut step = CatchUpStep::Going(c.at);
        self.sim.update_value(|s| loop {
            step = catch_up_step(&mut **s, c.target);
            let going = matches!(step, CatchUpStep::Going(_));
            if !going || super::clock::now_ms() - t0 > CATCH_UP_SLICE_MS {
                break;
            }
        });
        if let CatchUpStep::Going(at) = step {
            if super::clock::now_ms() - c.began_ms > CATCH_UP_MAX_WALL_MS {
                step = CatchUpStep::StoppedShort(at);
            }
        }
        match step {
            CatchUpStep::Arrived => {
                self.catching_up.set(None);
                self.refresh();
                self.start_tour();
                if c.resume {
                    self.playing.set(true);
                }
            }
            CatchUpStep::StoppedShort(at) => {
                // Too far at these settings: stay here, paused, and say so.
                self.catching_up.set(None);
                self.refresh();
                self.notices.update(|n| {
                    n.push(Notice::StoppedShort {
                        target: crate::sim::time::fmt_secs(c.target),
                        at: crate::sim::time::fmt_secs(at),
                    })
                });
            }
            // Only the progress bar changes meanwhile: drawing every slice's state (a
            // whole new log, diagram and set of messages each time) would cost more than
            // the running.
            CatchUpStep::Going(at) => self.catching_up.set(Some(CatchUp { at, ..c })),
        }
    }

    /// Start the scenario's tour (if it has one) from its first step.
    fn start_tour(&self) {
        let steps = self
            .scenario
            .with_untracked(|s| {
                let spec = s.spec();
                s.tour
                    .as_deref()
                    .map(|t| tours::parse(t, &(spec.tours)(), spec.commands).0)
            })
            .unwrap_or_default();
        let now = self.sim.with_value(|s| s.now());
        let run = TourRun::start(steps, now);
        let started = run.is_some();
        self.tour.set(run);
        if started {
            self.playing.set(true);
        }
    }

    /// Pause on the current step and show it.
    fn show_step(&self) {
        let log_len = self.sim.with_value(|s| s.log().len());
        self.playing.set(false);
        self.view.with_untracked(|v| {
            self.tour.update(|t| {
                if let Some(t) = t {
                    t.show(v, log_len);
                }
            })
        });
    }

    /// Go on to the next step (the Continue button, or the student's expected action).
    pub fn next_step(&self) {
        let now = self.sim.with_value(|s| s.now());
        self.tour.update(|t| {
            if let Some(t) = t {
                t.next(now);
            }
        });
        if self
            .tour
            .with_untracked(|t| t.as_ref().is_some_and(|t| !t.done))
        {
            self.playing.set(true);
        }
    }

    /// Leave the tour (the run goes on as free play).
    pub fn exit_tour(&self) {
        self.tour.set(None);
        self.scenario.update(|s| s.tour = None);
        self.write_url();
    }

    /// After a user action: does it complete the step the tour waits on?
    fn check_tour(&self) {
        let answered = self.tour.with_untracked(|t| {
            t.as_ref()
                .is_some_and(|t| self.sim.with_value(|s| t.answered(s.log())))
        });
        if answered {
            self.next_step();
        }
    }

    /// Rebuild the view from the simulation (after time moved, an action, a language change).
    pub fn refresh(&self) {
        let linger = self.scenario.with_untracked(Scenario::drop_linger);
        let lang = self.lang.get_untracked();
        let v = self.sim.with_value(|s| s.view(lang, linger));
        self.view.set(v);
    }

    /// Switch language: every string in the view is rebuilt.
    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        self.legend.set(self.sim.with_value(|s| s.legend(lang)));
        self.refresh();
        self.write_url();
    }

    /// Apply a user action now (it joins the log, and the link).
    pub fn act(&self, action: UiAction) {
        self.sim.update_value(|s| s.act(action));
        self.refresh();
        self.write_url_soon();
        self.check_tour();
    }

    /// Rewrite the address bar now if none was written in the last [`URL_EVERY_MS`], else
    /// once that time is up (the first click shows at once; a burst ends in one write).
    fn write_url_soon(&self) {
        let (held, _) = self.url_throttle.get_value();
        if held {
            self.url_throttle.set_value((true, true));
            return;
        }
        self.write_url();
        self.url_throttle.set_value((true, false));
        let ctl = *self;
        gloo_timers::callback::Timeout::new(URL_EVERY_MS, move || {
            // The page may have been replaced meanwhile (its state disposed): then nothing.
            let Some((_, due)) = ctl.url_throttle.try_get_value() else {
                return;
            };
            ctl.url_throttle.set_value((false, false));
            if due && ctl.home.try_get_untracked().is_some() {
                ctl.write_url();
            }
        })
        .forget();
    }

    /// Toggle the link between `a` and `b`.
    pub fn toggle_link(&self, a: NodeId, b: NodeId) {
        let cut = self
            .view
            .with_untracked(|v| v.cut.contains(&(a.min(b), a.max(b))));
        self.act(if cut {
            UiAction::Heal(a, b)
        } else {
            UiAction::Cut(a, b)
        });
    }

    /// Cut every link of `node`.
    pub fn isolate(&self, node: NodeId) {
        let n = self.view.with_untracked(|v| v.nodes.len());
        self.sim.update_value(|s| {
            for other in (0..n).filter(|&o| o != node) {
                s.act(UiAction::Cut(node, other));
            }
        });
        self.refresh();
        self.write_url_soon();
    }

    /// Split the cluster into a minority (the first ⌊n/2⌋ nodes) and a majority.
    pub fn split_cluster(&self) {
        let n = self.view.with_untracked(|v| v.nodes.len());
        let k = n / 2;
        self.act(UiAction::Partition(vec![
            (0..k).collect(),
            (k..n).collect(),
        ]));
    }

    /// Advance by a wall-clock interval at the current speed (called every frame).
    pub fn advance(&self, wall_ms: f64) {
        if let Some(c) = self.catching_up.get_untracked() {
            self.catch_up_slice(c);
            return;
        }
        if !self.playing.get_untracked() {
            return;
        }
        let speed = self.scenario.with_untracked(|s| s.speed);
        let dt = (wall_ms.clamp(0.0, 100.0) * speed * VIRTUAL_US_PER_WALL_MS_AT_1X) as SimTime;
        // A tour step due within this frame stops the clock exactly at its moment; one
        // that waits for a state plays on until the state is there (see TourRun::play).
        let target = self.sim.with_value(|s| s.now()) + dt;
        let (mut ready, mut waiting_changed) = (false, false);
        self.tour.update_untracked(|run| {
            self.sim.update_value(|s| match run.as_mut() {
                Some(t) => {
                    let lang = self.lang.get_untracked();
                    let linger = self.scenario.with_untracked(Scenario::drop_linger);
                    let was = t.waiting;
                    ready = t.play(s.as_mut(), target, lang, linger);
                    waiting_changed = t.waiting != was;
                }
                None => s.run_until(target),
            })
        });
        self.refresh();
        // Playing changes no more than `waiting`: only that change reaches the tour panel
        // (it is redrawn on every write).
        if waiting_changed {
            self.tour.notify();
        }
        if ready {
            self.show_step();
        }
    }

    /// Process exactly one event (pauses first).
    pub fn step(&self) {
        self.playing.set(false);
        self.sim.update_value(|s| {
            s.step();
        });
        self.refresh();
    }

    /// Start again from time 0 with the current scenario (the user's actions are cleared).
    pub fn reset(&self) {
        self.scenario.update(|s| {
            s.actions.clear();
            s.start_ms = 0;
        });
        self.rebuild();
    }

    /// Load a scenario as a link states it (actions and start time included).
    pub fn load(&self, sc: Scenario, notices: Vec<Notice>) {
        self.home.set(false);
        self.playing.set(sc.autoplay);
        self.scenario.set(sc);
        self.notices.set(notices);
        self.rebuild();
    }

    /// Build the run from the scenario as it stands (fetching the page's code first when
    /// it is not here yet).
    pub fn rebuild(&self) {
        let sc = self.scenario.get_untracked();
        let Some(sim) = self.catalogue.built_at_zero(&sc) else {
            self.fetch_code(sc.page);
            return;
        };
        self.set_code(Code::Here);
        self.legend.set(sim.legend(self.lang.get_untracked()));
        self.sim.set_value(sim);
        self.selected.set(Selection::None);
        self.refresh();
        self.begin(sc.start_ms, self.playing.get_untracked());
        self.write_url();
    }

    /// Say whether the page's code is here, only when that changes: the shell rebuilds the
    /// page's view on every change, and a setting's rebuild (code here before and after)
    /// must not remove the input whose event is running.
    fn set_code(&self, code: Code) {
        if self.code.get_untracked() != code {
            self.code.set(code);
        }
    }

    /// Fetch `page`'s code, then build its run, unless the reader has gone to another page
    /// meanwhile. Until then the run is a [`NoRun`] and the scenario, actions included,
    /// waits in [`Ctl::scenario`].
    fn fetch_code(&self, page: Page) {
        self.sim.set_value(Box::new(NoRun));
        self.legend.set(LegendVis::default());
        self.catching_up.set(None);
        self.set_code(Code::Fetching);
        self.refresh();
        let ctl = *self;
        leptos::task::spawn_local(async move {
            let fetched = ctl.catalogue.load(page).await.is_ok();
            // The app may have been taken down, or the reader gone elsewhere.
            let Some(now_on) = ctl.scenario.try_with_untracked(|s| s.page) else {
                return;
            };
            if now_on != page || ctl.home.get_untracked() {
                return;
            }
            if fetched {
                ctl.rebuild();
            } else {
                ctl.set_code(Code::Failed);
            }
        });
    }

    /// Fetch `page`'s code in the background (the reader points at its link), so that
    /// opening it is immediate; a failure is forgotten (opening it tries again).
    pub fn prefetch(&self, page: Page) {
        if self.catalogue.loaded(page).is_some() {
            return;
        }
        let load = self.catalogue.load(page);
        leptos::task::spawn_local(async move {
            let _ = load.await;
        });
    }

    /// Show the run at virtual time `t` (pauses; pressing play continues from there). The
    /// space-time diagram follows: it shows the run up to `t`.
    pub fn seek(&self, t: SimTime) {
        self.playing.set(false);
        self.catching_up.set(None);
        self.sim.update_value(|s| s.seek(t));
        self.space_time(|a| a.end = None);
    }

    /// Scroll or zoom the space-time diagram (the run itself does not move).
    pub fn space_time(&self, f: impl FnOnce(&mut SpaceTimeAsk)) {
        self.sim.update_value(|s| {
            let mut ask = s.space_time_ask();
            f(&mut ask);
            s.set_space_time(ask);
        });
        self.refresh();
    }

    /// The message `id` as the inspector shows it.
    pub fn message(&self, id: u64) -> Option<crate::ui::core::view::MsgInfo> {
        let lang = self.lang.get_untracked();
        self.sim.with_value(|s| s.message(id, lang))
    }

    /// The current run's recent trace as JSON.
    pub fn trace_json(&self) -> String {
        let lang = self.lang.get_untracked();
        self.sim.with_value(|s| s.trace_json(lang))
    }

    /// The scenario that reproduces this run: its settings plus the user's actions so far.
    /// A session past what a link holds gets the part it holds (see [`LinkCut`]).
    pub fn share_scenario(&self, embed: bool) -> Scenario {
        self.share_scenario_cut(embed).0
    }

    fn share_scenario_cut(&self, embed: bool) -> (Scenario, Option<LinkCut>) {
        let mut sc = self.scenario.get_untracked();
        sc.lang = Some(self.lang.get_untracked());
        sc.start_ms = 0;
        if embed {
            sc.embed = true;
        }
        let cut = self.sim.with_value(|s| sc.set_link_actions(s.log()));
        (sc, cut)
    }

    /// The link that reproduces this run.
    pub fn share_hash(&self, embed: bool) -> String {
        self.share_scenario(embed).to_hash()
    }

    /// The link that opens this run paused at this moment (`t=`, to the millisecond: the
    /// run is first shown at that millisecond, so the screen and the link agree).
    pub fn share_hash_now(&self) -> String {
        let now = self.sim.with_value(|s| s.now());
        let ms = now / MS;
        if ms * MS != now {
            self.seek(ms * MS);
        }
        self.playing.set(false);
        let mut sc = self.share_scenario(false);
        sc.start_ms = ms;
        sc.autoplay = false;
        sc.to_hash()
    }

    /// Change the scenario; settings that shape the world restart the run.
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
        if sc.world_key() != before.world_key() {
            self.reset();
        }
    }

    /// Run a preset (or free play with `None`) from time 0.
    pub fn choose_preset(&self, preset: Option<&'static str>) {
        self.update_scenario(|sc| {
            sc.preset = preset;
            sc.apply_preset_settings();
        });
        self.reset();
        self.playing.set(true);
    }

    /// Go to another page, keeping speed, language and embedding.
    pub fn set_page(&self, page: Page) {
        let cur = self.scenario.get_untracked();
        let was_home = self.home.get_untracked();
        self.home.set(false);
        if cur.page == page && !was_home {
            return;
        }
        self.scenario.set(Scenario {
            speed: cur.speed,
            lang: cur.lang,
            embed: cur.embed,
            ..Scenario::new(page)
        });
        self.tour.set(None);
        self.playing.set(true);
        self.reset();
    }

    /// Show the home page: the run pauses behind it.
    pub fn go_home(&self) {
        self.home.set(true);
        self.playing.set(false);
        self.tour.set(None);
    }

    /// Put the scenario and the user's actions in the address bar (hash only, so any
    /// sub-path keeps working).
    pub fn write_url(&self) {
        // Behind the home page, or while the page's code is on its way (its run holds
        // none of the link's actions yet), the address stays as it is.
        if self.home.get_untracked() || self.code.get_untracked() != Code::Here {
            return;
        }
        let embed = self.scenario.with_untracked(|s| s.embed);
        let (sc, cut) = self.share_scenario_cut(embed);
        if self.link_cut.get_untracked() != cut {
            self.link_cut.set(cut);
        }
        let hash = sc.to_hash();
        if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&hash));
        }
    }
}
