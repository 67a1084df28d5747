//! The rewindable runner: a world plus its page's [`Adapter`], with the user's action log
//! and bounded checkpoints. [`Sim`] does for every protocol alike what the adapter does not
//! (messages, drops, the event log, the space-time diagram, rewind), and hides the
//! protocol's types behind [`PageSim`] so the controller can hold any page.

use crate::sim::{
    Action, LinkState, NodeId, Protocol, SimTime, TraceEvent, TraceKind, World, WorldConfig,
};
use crate::ui::core::action::UiAction;
use crate::ui::core::i18n::{t, CmdText, Key, Lang};
use crate::ui::core::plain_trace::{self, Detail, PlainEvent, PlainKind};
use crate::ui::core::scenario::Scenario;
use crate::ui::core::text::{Text, Tx};
use crate::ui::core::view::*;

/// A running page, whatever its protocol.
pub trait PageSim: Send + Sync {
    fn now(&self) -> SimTime;
    fn run_until(&mut self, t: SimTime);
    /// Process the next instant: its first event and any others at the same time (an
    /// action taken next lands where a replay puts it); false when nothing is left.
    fn step(&mut self) -> bool;
    fn act(&mut self, a: UiAction);
    fn view(&self, lang: Lang, drop_linger: SimTime) -> SimView;
    fn legend(&self, lang: Lang) -> LegendVis;
    fn len(&self) -> usize;
    /// The user's actions so far, with their times (what a shared link replays).
    fn log(&self) -> &[(SimTime, UiAction)];
    /// Replay a recorded log: its actions are applied when the clock reaches them.
    fn load_log(&mut self, log: Vec<(SimTime, UiAction)>);
    /// The furthest time this run has reached (the end of the timeline).
    fn horizon(&self) -> SimTime;
    /// Show the run as it was (or will be) at `t`: restore the nearest checkpoint at or
    /// before `t` and replay the recorded actions up to `t`.
    fn seek(&mut self, t: SimTime);
    /// A fingerprint of everything that happened so far (equal runs, equal prints).
    fn fingerprint(&self) -> u64;
    /// How many checkpoints are held (bounded).
    fn checkpoints(&self) -> usize;
    /// Which part of the run the space-time diagram shows from the next view on.
    fn set_space_time(&mut self, ask: SpaceTimeAsk);
    /// The message `id`: in flight, or still in the recent trace (delivered or dropped).
    fn message(&self, id: u64, lang: Lang) -> Option<MsgInfo>;
    fn space_time_ask(&self) -> SpaceTimeAsk;
    /// Engine events processed so far in the current world (work done, for tests and
    /// benches).
    fn events_processed(&self) -> u64;
    /// The recent trace as JSON (an array of events, narration in `lang`).
    fn trace_json(&self, lang: Lang) -> String;
    /// The templates the page gives its protocol's violation sentences (see
    /// [`Adapter::details`]).
    fn detail_templates(&self) -> &'static [Tx] {
        &[]
    }
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The run of a page whose code has not arrived yet (in the browser, its chunk is on its
/// way): nothing happens, nothing is drawn, and the controller builds the real run as soon
/// as the code is here (the scenario, with its actions, is kept meanwhile).
pub struct NoRun;

impl PageSim for NoRun {
    fn now(&self) -> SimTime {
        0
    }
    fn run_until(&mut self, _: SimTime) {}
    fn step(&mut self) -> bool {
        false
    }
    fn act(&mut self, _: UiAction) {}
    fn view(&self, _: Lang, _: SimTime) -> SimView {
        SimView::default()
    }
    fn legend(&self, _: Lang) -> LegendVis {
        LegendVis::default()
    }
    fn len(&self) -> usize {
        0
    }
    fn log(&self) -> &[(SimTime, UiAction)] {
        &[]
    }
    fn load_log(&mut self, _: Vec<(SimTime, UiAction)>) {}
    fn horizon(&self) -> SimTime {
        0
    }
    fn seek(&mut self, _: SimTime) {}
    fn fingerprint(&self) -> u64 {
        0
    }
    fn checkpoints(&self) -> usize {
        0
    }
    fn set_space_time(&mut self, _: SpaceTimeAsk) {}
    fn message(&self, _: u64, _: Lang) -> Option<MsgInfo> {
        None
    }
    fn space_time_ask(&self) -> SpaceTimeAsk {
        SpaceTimeAsk::default()
    }
    fn events_processed(&self) -> u64 {
        0
    }
    fn trace_json(&self, _: Lang) -> String {
        "[]".to_string()
    }
}

/// What a protocol tells the generic view builder.
pub trait Adapter: Clone + Send + Sync + 'static {
    type P: Protocol;
    /// Display names by node id.
    fn names(&self) -> &[String];
    fn node(&self, w: &World<Self::P>, id: NodeId, lang: Lang) -> NodeVis;
    fn msg_style(&self, m: &<Self::P as Protocol>::Msg) -> MsgStyle;
    /// Language-neutral detail for a message's tooltip (`T3 · +2`).
    fn msg_detail(&self, m: &<Self::P as Protocol>::Msg) -> String;
    /// What a message carries, field by field, for the inspector (the paper's names:
    /// `prevLogIndex`, `n`, ...). Empty: the inspector shows [`Adapter::msg_detail`].
    fn msg_fields(
        &self,
        _m: &<Self::P as Protocol>::Msg,
        _lang: Lang,
    ) -> Vec<(&'static crate::ui::core::text::Tx, String)> {
        Vec::new()
    }
    fn narrate(&self, lang: Lang, note: &<Self::P as Protocol>::Note) -> String;
    fn cmd_text(&self, cmd: &<Self::P as Protocol>::Cmd) -> CmdText;
    /// Turn a command button into a protocol command.
    fn command(
        &mut self,
        w: &World<Self::P>,
        node: NodeId,
        id: &str,
    ) -> Option<<Self::P as Protocol>::Cmd>;
    fn status(&self, w: &World<Self::P>, lang: Lang) -> Vec<StatusVis>;
    /// The legend's roles (none for pages without a cluster drawing).
    fn roles(&self, _lang: Lang) -> Vec<(Shape, &'static str, String)> {
        Vec::new()
    }
    /// The node labels' short notations, each an example as drawn and what it means
    /// (explained in the legend).
    fn notation(&self) -> &'static [(&'static str, Tx)] {
        &[]
    }
    /// The legend's message kinds.
    fn kinds(&self) -> Vec<MsgStyle> {
        Vec::new()
    }
    /// A measured-versus-theory chart, for pages that have one.
    fn chart(&self, _w: &World<Self::P>) -> Option<ChartVis> {
        None
    }
    /// Which narration deserves a labelled mark in the space-time diagram, and the node it
    /// names, if any ("voted for" S3).
    fn mark(&self, _note: &<Self::P as Protocol>::Note) -> Option<(Text, Option<NodeId>)> {
        None
    }
    /// Turn a command with typed text into a protocol command (pages with text input).
    fn input(
        &mut self,
        _w: &World<Self::P>,
        _node: NodeId,
        _id: &str,
        _text: &str,
    ) -> Option<<Self::P as Protocol>::Cmd> {
        None
    }
    /// The page's own per-frame data for its own body (see [`PageData`]).
    fn data(&self, _w: &World<Self::P>) -> Option<PageData> {
        None
    }
    /// The engine node a command given at `node` goes to (a page whose state lives in one
    /// node, like the ring's membership, sends every command there).
    fn target(&self, node: NodeId) -> NodeId {
        node
    }
    /// Client operations as intervals for the space-time diagram (pages with clients):
    /// those still open or ending at or after `from`, the diagram's left edge. A page reads
    /// its records from the newest end ([`since`]), so a frame costs what the diagram
    /// shows, not what the run has done.
    fn spans(
        &self,
        _w: &World<Self::P>,
        _lang: Lang,
        _from: SimTime,
    ) -> Vec<crate::ui::core::view::OpSpan> {
        Vec::new()
    }
    /// A timer's name in the inspector, with the time it has left ("Election timer
    /// 123 ms"); `None` leaves it out.
    fn timer_name(&self, _timer: &<Self::P as Protocol>::Timer) -> Option<Text> {
        None
    }
    /// The name of one of the protocol's safety rules (its monitor's rule id).
    fn rule_name(&self, _rule: &'static str) -> Text {
        Key::ViolationTitle.into()
    }
    /// The protocol's violation sentences in every language: each `Tx`'s English is the
    /// sentence as the monitor writes it ([`crate::sim::Detail`]), `{0}`, `{1}`… included,
    /// and its other languages put the same values in their own order.
    fn details(&self) -> &'static [Tx] {
        &[]
    }
}

/// A violation's detail in `lang`: the page's template for its sentence, or the English
/// sentence where the page has none (a test over every protocol's sentences keeps that
/// from happening).
pub fn render_detail(d: &crate::sim::Detail, templates: &[Tx], lang: Lang) -> String {
    match templates.iter().find(|t| t.en == d.sentence) {
        Some(t) => d.fill(t.get(lang)),
        None => d.english(),
    }
}

/// Trace events kept for the event log and drop animations.
pub const TRACE_CAPACITY: usize = 4_000;

/// The engine settings of a scenario.
pub fn world_config(sc: &Scenario) -> WorldConfig {
    WorldConfig {
        seed: sc.seed,
        net: sc.net_config(),
        trace_capacity: TRACE_CAPACITY,
        check_invariants: true,
        clocks: Vec::new(),
    }
}

/// `n` display names `prefix1..prefixN`.
pub fn numbered(prefix: &str, n: usize) -> Vec<String> {
    (1..=n).map(|i| format!("{prefix}{i}")).collect()
}

/// The newest part of a record kept in time order (a client's operations, a holder's
/// leases: each ends before the next begins, `end` is `None` while one is open): the
/// entries after the last one that ended before `from`, with the index of the first.
/// It reads from the newest end, so its cost is what it returns.
pub fn since<T>(items: &[T], from: SimTime, end: impl Fn(&T) -> Option<SimTime>) -> (usize, &[T]) {
    let first = items
        .iter()
        .rposition(|x| end(x).is_some_and(|e| e < from))
        .map_or(0, |i| i + 1);
    (first, &items[first..])
}

/// One client's operations in the diagram's window (see [`since`]) as spans: `at` gives an
/// operation's key, invocation and response, `look` its label and class.
pub fn op_spans<'a, O>(
    node: NodeId,
    ops: &'a [O],
    from: SimTime,
    at: impl Fn(&O) -> (u64, SimTime, Option<SimTime>) + 'a,
    look: impl Fn(&O) -> (String, &'static str) + 'a,
) -> impl Iterator<Item = OpSpan> + 'a {
    let (_, recent) = since(ops, from, |o| at(o).2);
    recent.iter().map(move |o| {
        let (key, t0, t1) = at(o);
        let (label, class) = look(o);
        OpSpan {
            key,
            node,
            t0,
            t1,
            label,
            class,
        }
    })
}

/// The most engine events a link's catch-up (`t=`) may run: at the heaviest settings a
/// virtual second costs up to half a million of them (gossip, 500 nodes gossiping every
/// 20 ms to 10 others), and a link ten minutes in would keep a student waiting for minutes.
/// Past this many the run stops short, where the same link always stops, and says so
/// (about 10 s of work in the browser; the page also stops at a wall-clock limit, for
/// pages whose events cost more).
pub const CATCH_UP_MAX_EVENTS: u64 = 10_000_000;
/// Virtual time run between two looks at the wall clock while catching up.
pub const CATCH_UP_STEP: SimTime = 100 * crate::sim::MS;

/// Where a link's catch-up stands after one more step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CatchUpStep {
    /// On its way: the time reached.
    Going(SimTime),
    /// At the link's moment.
    Arrived,
    /// Out of its budget of events ([`CATCH_UP_MAX_EVENTS`]): stopped at this time.
    StoppedShort(SimTime),
}

/// Run `sim` one step (at most [`CATCH_UP_STEP`]) toward `target`, within the budget.
pub fn catch_up_step(sim: &mut dyn PageSim, target: SimTime) -> CatchUpStep {
    let at = (sim.now() + CATCH_UP_STEP).min(target);
    sim.run_until(at);
    if at >= target {
        CatchUpStep::Arrived
    } else if sim.events_processed() >= CATCH_UP_MAX_EVENTS {
        CatchUpStep::StoppedShort(at)
    } else {
        CatchUpStep::Going(at)
    }
}

/// How much recent history the space-time diagram shows: ten of the longest message
/// flights, and at least 0.6 s.
pub fn space_time_window(latency_max: SimTime) -> SimTime {
    (600 * crate::sim::MS).max(10 * latency_max)
}

/// At most this many checkpoints are kept; past it, every other one is dropped and the
/// spacing doubles, so memory stays bounded however long the run.
pub const MAX_CHECKPOINTS: usize = 64;
/// Spacing of checkpoints at the start of a run.
pub const CHECKPOINT_EVERY: SimTime = crate::sim::SEC;

/// A saved moment of the run, for rewinding.
#[derive(Clone)]
struct Checkpoint<A: Adapter> {
    world: World<A::P>,
    adapter: A,
    /// How many logged actions had been applied.
    applied: usize,
}

/// What a rebuilt earlier diagram was made for: the ask, the language and the log's
/// generation.
type PastKey = (SpaceTimeAsk, Lang, u64);

/// A world plus its adapter: one running page, with its action log and checkpoints.
pub struct Sim<A: Adapter> {
    pub world: World<A::P>,
    pub adapter: A,
    log: Vec<(SimTime, UiAction)>,
    /// Index of the next logged action to apply (less than `log.len()` after a rewind).
    applied: usize,
    checkpoints: Vec<Checkpoint<A>>,
    spacing: SimTime,
    horizon: SimTime,
    /// The event-log lines of the last view, kept until the story or the language changes
    /// (they are the costliest part of a frame to rebuild).
    lines_cache: std::sync::Mutex<Option<(u64, Lang, Vec<LogLine>)>>,
    /// The space-time diagram's current time span (it narrows when traffic is dense; see
    /// [`plain_trace::fit_window`]). Zero until the first view.
    st_window: std::sync::Mutex<SimTime>,
    /// The part of the run the student asked the diagram to show.
    st_ask: SpaceTimeAsk,
    /// A diagram of an earlier moment, rebuilt by replay: kept until the ask, the
    /// language or the run's future changes (`generation`).
    st_past: std::sync::Mutex<Option<(PastKey, SpaceTimeVis)>>,
    /// Counts the changes to the action log that fork the run's future.
    generation: u64,
}

impl<A: Adapter> Sim<A> {
    pub fn new(world: World<A::P>, adapter: A) -> Self {
        let first = Checkpoint {
            world: world.clone(),
            adapter: adapter.clone(),
            applied: 0,
        };
        Sim::from_parts(world, adapter, Vec::new(), 0, vec![first], CHECKPOINT_EVERY)
    }

    /// A runner at `world`, with `applied` of `log` already applied.
    fn from_parts(
        world: World<A::P>,
        adapter: A,
        log: Vec<(SimTime, UiAction)>,
        applied: usize,
        checkpoints: Vec<Checkpoint<A>>,
        spacing: SimTime,
    ) -> Self {
        Sim {
            world,
            adapter,
            log,
            applied,
            checkpoints,
            spacing,
            horizon: 0,
            lines_cache: Default::default(),
            st_window: Default::default(),
            st_ask: SpaceTimeAsk::default(),
            st_past: Default::default(),
            generation: 0,
        }
    }

    /// The last checkpoint at or before `t` (the first one if none is).
    fn checkpoint_at(&self, t: SimTime) -> &Checkpoint<A> {
        self.checkpoints
            .iter()
            .rev()
            .find(|c| c.world.now() <= t)
            .unwrap_or(&self.checkpoints[0])
    }

    /// Schedule a preset's script (part of the world from time 0, not of the user's log).
    pub fn with_script(mut self, script: Vec<(SimTime, Action<<A::P as Protocol>::Cmd>)>) -> Self {
        for (at, a) in script {
            self.world.schedule(at, a);
        }
        self.checkpoints[0].world = self.world.clone();
        self
    }

    fn apply_now(&mut self, a: UiAction) {
        let action = match a {
            UiAction::Crash(n) => Action::Crash(n),
            UiAction::Restart(n) => Action::Restart(n),
            UiAction::Cut(a, b) => Action::Cut(a, b),
            UiAction::Heal(a, b) => Action::Heal(a, b),
            UiAction::Partition(g) => Action::Partition(g),
            UiAction::HealAll => Action::HealAll,
            UiAction::DropMsg(id) => Action::DropMsg(id),
            UiAction::SetNet(n) => Action::SetNet(n),
            UiAction::Pause(n, span) => Action::Pause(n, span),
            UiAction::ClockJump(n, delta) => Action::ClockJump(n, delta),
            UiAction::Command(n, id) => match self.adapter.command(&self.world, n, id) {
                Some(cmd) => Action::Command(self.adapter.target(n), cmd),
                None => return,
            },
            UiAction::Input(n, id, text) => match self.adapter.input(&self.world, n, id, &text) {
                Some(cmd) => Action::Command(self.adapter.target(n), cmd),
                None => return,
            },
        };
        self.world.apply(action);
    }

    /// Advance to `t`, applying logged actions at their times, checkpointing on the way.
    fn advance_to(&mut self, t: SimTime) {
        loop {
            let next_cp = self
                .checkpoints
                .last()
                .map_or(0, |c| c.world.now())
                .saturating_add(self.spacing);
            let next_action = self
                .log
                .get(self.applied)
                .map(|(at, _)| *at)
                .filter(|at| *at <= t);
            // Stop at whichever comes first: a logged action, a checkpoint, or `t`.
            let mut stop = t;
            if let Some(at) = next_action {
                stop = stop.min(at);
            }
            if next_cp <= t {
                stop = stop.min(next_cp);
            }
            self.world.run_until(stop.max(self.world.now()));
            // A checkpoint holds the state before the actions of its instant.
            if self.world.now() >= next_cp {
                self.checkpoint();
            }
            if next_action.is_some_and(|at| at <= self.world.now()) {
                let (_, a) = self.log[self.applied].clone();
                self.applied += 1;
                self.apply_now(a);
                continue;
            }
            if stop >= t {
                break;
            }
        }
        self.horizon = self.horizon.max(self.world.now());
    }

    fn checkpoint(&mut self) {
        self.checkpoints.push(Checkpoint {
            world: self.world.clone(),
            adapter: self.adapter.clone(),
            applied: self.applied,
        });
        if self.checkpoints.len() > MAX_CHECKPOINTS {
            // Keep the first and every other one after it; double the spacing.
            let mut i = 0;
            self.checkpoints.retain(|_| {
                i += 1;
                i % 2 == 1
            });
            self.spacing = self.spacing.saturating_mul(2);
        }
    }

    /// Acting in the past forks a new future: the old one (later actions, later
    /// checkpoints) is discarded.
    fn fork_here(&mut self) {
        if self.applied < self.log.len() || self.horizon > self.world.now() {
            self.generation += 1;
            self.log.truncate(self.applied);
            let now = self.world.now();
            self.checkpoints.retain(|c| c.world.now() <= now);
            self.horizon = now;
        }
    }
}

impl<A: Adapter> PageSim for Sim<A> {
    fn now(&self) -> SimTime {
        self.world.now()
    }
    fn run_until(&mut self, t: SimTime) {
        self.advance_to(t)
    }
    fn step(&mut self) -> bool {
        // A logged action due before the next event counts as the step.
        let next_event = self.world.next_event_time();
        if let Some((at, _)) = self.log.get(self.applied) {
            if next_event.is_none_or(|e| *at <= e) {
                let at = *at;
                self.advance_to(at);
                return true;
            }
        }
        let moved = self.world.step();
        if moved {
            // Finish the instant. A replay (a link, a scenario file, a seek) applies an
            // action after every event of its instant; an action taken after a Step that
            // left half an instant undone landed among them, and the link replayed another
            // run (issue 29: Step, then act, mismatched on 13 of 16 pages).
            // (`run_until` at this instant: `World::step` would skip a stale event and
            // run the next instant's.)
            let now = self.world.now();
            self.world.run_until(now);
        }
        self.horizon = self.horizon.max(self.world.now());
        moved
    }
    fn len(&self) -> usize {
        self.world.len()
    }

    fn act(&mut self, a: UiAction) {
        self.fork_here();
        self.log.push((self.world.now(), a.clone()));
        self.applied = self.log.len();
        self.apply_now(a);
    }

    fn log(&self) -> &[(SimTime, UiAction)] {
        &self.log
    }

    fn load_log(&mut self, log: Vec<(SimTime, UiAction)>) {
        self.generation += 1;
        self.log = log;
        self.applied = 0;
        self.horizon = self.horizon.max(self.log.last().map_or(0, |(at, _)| *at));
    }

    fn horizon(&self) -> SimTime {
        self.horizon
    }

    fn seek(&mut self, t: SimTime) {
        let cp = self.checkpoint_at(t).clone();
        self.world = cp.world;
        self.adapter = cp.adapter;
        self.applied = cp.applied;
        let horizon = self.horizon;
        self.advance_to(t);
        self.horizon = horizon.max(t);
    }

    fn fingerprint(&self) -> u64 {
        self.world.trace().hash()
    }

    fn checkpoints(&self) -> usize {
        self.checkpoints.len()
    }

    fn set_space_time(&mut self, ask: SpaceTimeAsk) {
        self.st_ask = ask;
    }

    fn space_time_ask(&self) -> SpaceTimeAsk {
        self.st_ask
    }

    fn message(&self, id: u64, lang: Lang) -> Option<MsgInfo> {
        let w = &self.world;
        let net = w.network();
        let info =
            |from: NodeId, to: NodeId, sent_at, arrive_at, msg: &<A::P as Protocol>::Msg, state| {
                let a = &self.adapter;
                let style = a.msg_style(msg);
                let mut fields = a.msg_fields(msg, lang);
                let detail = a.msg_detail(msg);
                if fields.is_empty() && !detail.is_empty() {
                    fields.push((&crate::ui::core::i18n::fields::CARRIES, detail));
                }
                MsgInfo {
                    id,
                    kind: style.key.get(lang).to_string(),
                    class: style.class,
                    badge: style.badge,
                    from: a.names()[from].clone(),
                    to: a.names()[to].clone(),
                    sent_at,
                    arrive_at,
                    state,
                    fields,
                }
            };
        if let Some(m) = net.in_flight().find(|m| m.id == id) {
            let state = if net.link(m.from, m.to) == LinkState::Cut {
                MsgState::Doomed
            } else {
                MsgState::Flying
            };
            return Some(info(m.from, m.to, m.sent_at, m.arrive_at, &m.msg, state));
        }
        // Gone: find how it ended, then what it carried, newest first.
        let mut ended = None;
        for ev in w.trace().recent().rev() {
            match &ev.kind {
                TraceKind::Delivered { id: i, .. } if *i == id => {
                    ended = Some(MsgState::Delivered(ev.at))
                }
                TraceKind::Dropped { id: i, .. } if *i == id => {
                    ended = Some(MsgState::Dropped(ev.at))
                }
                TraceKind::Sent {
                    id: i,
                    from,
                    to,
                    arrive_at,
                    msg,
                } if *i == id => {
                    let state = ended.unwrap_or(MsgState::Dropped(ev.at));
                    return Some(info(*from, *to, ev.at, *arrive_at, msg, state));
                }
                _ => {}
            }
        }
        None
    }

    fn events_processed(&self) -> u64 {
        self.world.events_processed()
    }

    fn detail_templates(&self) -> &'static [Tx] {
        self.adapter.details()
    }

    fn trace_json(&self, lang: Lang) -> String {
        let mut events = self
            .world
            .trace()
            .recent()
            .map(|ev| self.plain(ev, Detail::Full(lang)));
        plain_trace::trace_json(&mut events, lang, self.adapter.names())
    }

    fn legend(&self, lang: Lang) -> LegendVis {
        LegendVis {
            roles: self.adapter.roles(lang),
            kinds: self
                .adapter
                .kinds()
                .into_iter()
                .map(|k| (k.class, k.badge, k.key.get(lang).to_string()))
                .collect(),
            copies: (self.world.network().config.duplicate > 0.0)
                .then(|| t(lang, Key::DuplicateCopy).to_string()),
            notation: (self.adapter.notation().iter())
                .map(|(example, meaning)| (*example, meaning.get(lang).to_string()))
                .collect(),
        }
    }

    fn view(&self, lang: Lang, drop_linger: SimTime) -> SimView {
        let w = &self.world;
        let a = &self.adapter;
        let names = a.names();
        let now = w.now();
        let nodes = (0..w.len())
            .map(|id| {
                let mut n = a.node(w, id, lang);
                // Each running timer, with the time it has left (the ring's number).
                for x in w.timers(id) {
                    if let Some(name) = a.timer_name(&x.timer) {
                        n.details.push((
                            name.get(lang).to_string(),
                            format!(
                                "{} {}",
                                x.deadline.saturating_sub(now) / crate::sim::MS,
                                t(lang, Key::MsLeft)
                            ),
                        ));
                    }
                }
                // Imperfect time: a node's own clock beside true time, and a pause.
                let clock = w.clock(id);
                if !clock.is_perfect() {
                    n.details.push((
                        t(lang, Key::LocalClock).to_string(),
                        format!(
                            "{} ({} {}, {:+} ppm)",
                            crate::ui::core::view::signed_secs(w.local_time(id)),
                            t(lang, Key::TrueTime),
                            crate::sim::time::fmt_secs(now),
                            clock.drift_ppm()
                        ),
                    ));
                }
                if let Some(until) = w.paused_until(id) {
                    n.state = "paused";
                    n.label = format!(
                        "‖ {} {} ms · {}",
                        t(lang, Key::Paused),
                        until.saturating_sub(now) / crate::sim::MS,
                        n.label
                    );
                }
                n
            })
            .collect();
        let net = w.network();
        let msgs = net
            .in_flight()
            .map(|m| {
                let doomed = net.link(m.from, m.to) == LinkState::Cut;
                let mut progress = m.progress(now);
                if doomed {
                    progress = progress.min(CUT_POINT);
                }
                let style = a.msg_style(&m.msg);
                let detail = a.msg_detail(&m.msg);
                let title = format!(
                    "{} {}→{}{}{}{} — {}",
                    style.key.get(lang),
                    names[m.from],
                    names[m.to],
                    if detail.is_empty() { "" } else { " · " },
                    detail,
                    if m.copy_of.is_some() {
                        format!(" · {}", t(lang, Key::DuplicateCopy))
                    } else {
                        String::new()
                    },
                    t(lang, Key::ClickToDrop)
                );
                MsgVis {
                    id: m.id,
                    from: m.from,
                    to: m.to,
                    progress,
                    class: style.class,
                    badge: style.badge,
                    title,
                    doomed,
                    copy: m.copy_of.is_some(),
                }
            })
            .collect();

        let drops = plain_trace::drop_marks(
            &mut w
                .trace()
                .recent()
                .rev()
                .map(|ev| self.plain(ev, Detail::Marks)),
            now,
            drop_linger,
        );
        let newest = w.trace().story().next_back().map_or(0, |(seq, _)| *seq);
        let mut cache = self.lines_cache.lock().unwrap_or_else(|e| e.into_inner());
        let lines = match cache.as_ref() {
            Some((seq, l, lines)) if *seq == newest && *l == lang => lines.clone(),
            _ => {
                let mut story = w
                    .trace()
                    .story()
                    .rev()
                    // Repeated drops fold into one line: read further back for the rest.
                    .take(4 * MAX_LINES)
                    .map(|(seq, ev)| (*seq, self.plain(ev, Detail::Words(lang))));
                let lines = plain_trace::log_lines(&mut story, lang, names);
                *cache = Some((newest, lang, lines.clone()));
                lines
            }
        };
        drop(cache);
        let violations = w
            .violations()
            .iter()
            .map(|v| ViolationVis {
                rule_id: v.rule,
                rule: a.rule_name(v.rule).get(lang).to_string(),
                nodes: v
                    .nodes
                    .iter()
                    .map(|n| names[*n].clone())
                    .collect::<Vec<_>>()
                    .join(", "),
                at: v.at,
                detail: render_detail(&v.detail, a.details(), lang),
            })
            .collect();
        SimView {
            now,
            nodes,
            msgs,
            drops,
            cut: net.cut_links().collect(),
            lines,
            violations,
            status: a.status(w, lang),
            events: w.events_processed(),
            horizon: self.horizon.max(now),
            space_time: if w.len() <= 20 {
                self.space_time(lang)
            } else {
                SpaceTimeVis::default()
            },
            chart: a.chart(w),
            data: a.data(w),
        }
    }
}

impl<A: Adapter> Sim<A> {
    /// The space-time diagram the student asked for: up to now, or (scrolled back) up to
    /// an earlier moment, rebuilt from the nearest checkpoint, so the whole run can be
    /// looked at while memory stays as bounded as the checkpoints are.
    fn space_time(&self, lang: Lang) -> SpaceTimeVis {
        let now = self.world.now();
        let Some(end) = self.st_ask.end.filter(|end| *end < now) else {
            if let Some(w) = self.st_ask.window {
                let mut vis = self.space_time_of(lang, w, now);
                vis.zoomed = true;
                return vis;
            }
            // A run gone quiet: the diagram keeps its last burst in view.
            let widest = space_time_window(self.world.config().net.latency_max);
            if let Some((end, span)) = plain_trace::quiet_view(&mut self.activity(), now, widest) {
                let mut vis = self.space_time_of(lang, span, end);
                vis.quiet_since = self.activity().next();
                return vis;
            }
            return self.space_time_of(lang, self.fitted_window(), now);
        };
        let window = self
            .st_ask
            .window
            .unwrap_or_else(|| *self.st_window.lock().unwrap_or_else(|e| e.into_inner()))
            .max(1);
        let key = (self.st_ask, lang, self.generation);
        let mut past = self.st_past.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((k, vis)) = past.as_ref() {
            if *k == key {
                return vis.clone();
            }
        }
        // Replay from the last checkpoint before the diagram's top, without checkpointing.
        let from = end.saturating_sub(window);
        let cp = self.checkpoint_at(from);
        // No checkpoints of its own: it never checkpoints (spacing MAX).
        let mut scratch = Sim::from_parts(
            cp.world.clone(),
            cp.adapter.clone(),
            self.log.clone(),
            cp.applied,
            Vec::new(),
            SimTime::MAX,
        );
        scratch.advance_to(end);
        let mut vis = scratch.space_time_of(lang, window, end);
        vis.pinned = true;
        vis.zoomed = self.st_ask.window.is_some();
        *past = Some((key, vis.clone()));
        vis
    }

    /// The span fitted to the recent traffic (see [`plain_trace::fit_window`]).
    fn fitted_window(&self) -> SimTime {
        let w = &self.world;
        let now = w.now();
        let widest = space_time_window(w.config().net.latency_max);
        let mut current = self.st_window.lock().unwrap_or_else(|e| e.into_inner());
        let window = plain_trace::fit_window(&mut self.sends(), now, widest, *current);
        *current = window;
        window
    }

    /// The times of the recent trace's sends, newest first.
    fn sends(&self) -> impl Iterator<Item = SimTime> + '_ {
        self.world
            .trace()
            .recent()
            .rev()
            .filter(|ev| matches!(ev.kind, TraceKind::Sent { .. }))
            .map(|ev| ev.at)
    }

    /// The times of the recent trace's events the diagram draws (all but timers firing:
    /// messages, crashes, cuts, notes…), newest first.
    fn activity(&self) -> impl Iterator<Item = SimTime> + '_ {
        self.world
            .trace()
            .recent()
            .rev()
            .filter(|ev| !matches!(ev.kind, TraceKind::TimerFired { .. }))
            .map(|ev| ev.at)
    }

    /// The diagram of the `window` before `end` (this world's current moment, or earlier
    /// when the run has gone quiet).
    fn space_time_of(&self, lang: Lang, window: SimTime, end: SimTime) -> SpaceTimeVis {
        let w = &self.world;
        let alive: Vec<bool> = (0..w.len()).map(|n| w.is_alive(n)).collect();
        let mut events = w
            .trace()
            .recent()
            .rev()
            .filter(|ev| ev.at <= end)
            .map(|ev| self.plain(ev, Detail::Marks));
        let mut vis =
            plain_trace::space_time(&mut events, lang, window, end, &alive, self.adapter.names());
        let (from, to) = (vis.from, vis.to);
        // Pauses are drawn as spans on their node's line, like operations.
        let pauses = w.pauses().iter().enumerate().map(|(i, p)| OpSpan {
            key: u64::MAX - i as u64,
            node: p.node,
            t0: p.from,
            t1: Some(p.until.min(w.now())).filter(|_| w.now() >= p.until),
            label: format!("‖ {}", t(lang, Key::Paused)),
            class: "pause-span",
        });
        vis.spans = self
            .adapter
            .spans(w, lang, from)
            .into_iter()
            .chain(pauses)
            .filter(|s| s.t0 <= to && s.t1.is_none_or(|t| t >= from))
            .collect();
        vis
    }

    /// `ev` without protocol types, resolved as far as `detail` asks.
    fn plain(&self, ev: &TraceEvent<A::P>, detail: Detail) -> PlainEvent {
        let a = &self.adapter;
        let full = matches!(detail, Detail::Full(_));
        let kind = match &ev.kind {
            TraceKind::Sent {
                id,
                from,
                to,
                arrive_at,
                msg,
            } => PlainKind::Sent {
                id: *id,
                from: *from,
                to: *to,
                arrive_at: *arrive_at,
                style: a.msg_style(msg),
            },
            TraceKind::Delivered { id, from, to, .. } => PlainKind::Delivered {
                id: *id,
                from: *from,
                to: *to,
            },
            TraceKind::Dropped {
                id,
                from,
                to,
                reason,
                sent_at,
                arrive_at,
                msg,
            } => PlainKind::Dropped {
                id: *id,
                from: *from,
                to: *to,
                reason: *reason,
                sent_at: *sent_at,
                arrive_at: *arrive_at,
                style: a.msg_style(msg),
            },
            TraceKind::TimerFired { node, timer } => PlainKind::TimerFired {
                node: *node,
                timer: if full {
                    format!("{timer:?}")
                } else {
                    String::new()
                },
            },
            TraceKind::Note { node, note } => PlainKind::Note {
                node: *node,
                text: detail
                    .lang()
                    .map_or_else(String::new, |lang| a.narrate(lang, note)),
                mark: a.mark(note),
            },
            TraceKind::Command {
                node,
                cmd,
                scripted,
            } => PlainKind::Command {
                node: *node,
                cmd: a.cmd_text(cmd),
                scripted: *scripted,
                raw: if full {
                    format!("{cmd:?}")
                } else {
                    String::new()
                },
            },
            TraceKind::Crashed { node } => PlainKind::Crashed { node: *node },
            TraceKind::Restarted { node } => PlainKind::Restarted { node: *node },
            TraceKind::Paused { node, until } => PlainKind::Paused {
                node: *node,
                until: *until,
            },
            TraceKind::Resumed { node } => PlainKind::Resumed { node: *node },
            TraceKind::ClockJumped { node, delta } => PlainKind::ClockJumped {
                node: *node,
                delta: *delta,
            },
            TraceKind::LinkCut { a, b } => PlainKind::LinkCut { a: *a, b: *b },
            TraceKind::LinkHealed { a, b } => PlainKind::LinkHealed { a: *a, b: *b },
            TraceKind::Violation { rule } => PlainKind::Violation {
                rule,
                name: a.rule_name(rule),
            },
        };
        PlainEvent { at: ev.at, kind }
    }
}

/// The fraction of node `id`'s `timer` still to run (its ring), if it is set.
pub fn timer_left<P: Protocol>(w: &World<P>, id: NodeId, timer: &P::Timer) -> Option<f64> {
    w.timers(id)
        .iter()
        .find(|x| x.timer == *timer)
        .map(|x| crate::ui::core::view::fraction_left(x.set_at, x.deadline, w.now()))
}

/// Milliseconds, rounded down, for labels.
pub fn ms(t: SimTime) -> u64 {
    t / crate::sim::MS
}
