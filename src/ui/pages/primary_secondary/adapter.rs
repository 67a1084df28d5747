//! How primary-secondary replication looks: the primary ⬢ with its high-water mark,
//! secondaries ● with what they store, candidates ◆ during a failover, clients ■ with
//! their operations; lost acknowledged writes marked red on the clients' strips.

use crate::protocols::consistency::record::{self, fingerprint, recorded, Seen, MAX_CHECKED_OPS};
use crate::protocols::primary_secondary::client::seen as seen_by;
use crate::protocols::primary_secondary::client::ClientOp;
use crate::protocols::primary_secondary::replica::Role;
use crate::protocols::primary_secondary::{
    invariants::current_primary, Mode, PsCmd, PsConfig, PsMsg, PsNode, PsNote, PsPreset, PsTimer,
    NO_LOST_WRITES,
};
use crate::sim::SimTime;
use crate::sim::{NodeId, World, MS};
use crate::ui::core::i18n::fields as F;
use crate::ui::core::i18n::{CmdText, Key, Lang};
use crate::ui::core::runner::{op_spans, timer_left, Adapter, Sim};
use crate::ui::core::scenario::Scenario;
use crate::ui::core::text::Tx;
use crate::ui::core::text::{tr, Text};
use crate::ui::core::view::{
    CellVis, CommandVis, DataCache, MsgStyle, NodeVis, OpSpan, PageData, Shape, StatusVis, StripVis,
};

use super::texts as tx;

/// Log entries and client operations a strip shows (the newest).
const SHOWN: usize = 10;

#[derive(Clone)]
pub struct PsAdapter {
    names: Vec<String>,
    cfg: PsConfig,
    /// The last history handed out, by a fingerprint of its operations.
    history: DataCache,
}

fn preset(slug: Option<&str>) -> Option<PsPreset> {
    PsPreset::ALL.into_iter().find(|p| Some(p.slug()) == slug)
}

/// The `mode` setting's values.
pub fn mode_of(sc: &Scenario) -> Mode {
    match sc.param(&super::MODE) {
        0 => Mode::Sync,
        1 => Mode::Semi(sc.param(&super::SEMI_K) as usize),
        _ => Mode::Async,
    }
}

/// A preset runs on a fixed latency with three replicas, in its own mode.
pub fn preset_settings(sc: &mut Scenario) {
    if let Some(p) = preset(sc.preset) {
        let latency = crate::protocols::primary_secondary::presets::LATENCY;
        sc.set_lossless_latency(latency, latency);
        sc.nodes = 2;
        let (mode, k) = match p.mode() {
            Mode::Sync => (0, 1),
            Mode::Semi(k) => (1, k as u64),
            Mode::Async => (2, 1),
        };
        sc.set_param(&super::MODE, mode);
        sc.set_param(&super::SEMI_K, k);
        sc.set_param(&super::RATE, 0);
    }
}

pub fn config(sc: &Scenario) -> PsConfig {
    let rate = sc.param(&super::RATE);
    PsConfig {
        replicas: sc.nodes + 1,
        mode: mode_of(sc),
        workload: (rate > 0).then(|| 1_000 * MS / rate),
        ack_early: sc.param(&super::ACK_EARLY) == 1,
        ..PsConfig::default()
    }
}

pub fn build(sc: &Scenario) -> Sim<PsAdapter> {
    let cfg = config(sc);
    let world = World::new(
        crate::ui::core::runner::world_config(sc),
        PsNode::cluster(&cfg),
    );
    let names = (0..cfg.size()).map(|i| cfg.name(i)).collect();
    let script = preset(sc.preset)
        .map(|p| p.script(&cfg))
        .unwrap_or_default();
    Sim::new(
        world,
        PsAdapter {
            names,
            cfg,
            history: Default::default(),
        },
    )
    .with_script(script)
}

const KINDS: [MsgStyle; 12] = [
    MsgStyle::page("msg-ps-append", "L", &tx::MSG_APPEND),
    MsgStyle::page("msg-ps-heartbeat", "♥", &tx::MSG_HEARTBEAT),
    MsgStyle::page("msg-ps-stored", "ok", &tx::MSG_APPEND_OK),
    MsgStyle::page("msg-ps-missing", "?", &tx::MSG_APPEND_NO),
    MsgStyle::page("msg-ps-vote", "V", &tx::MSG_VOTE),
    MsgStyle::page("msg-ps-vote-yes", "✓", &tx::MSG_VOTE_YES),
    MsgStyle::page("msg-ps-vote-no", "✗", &tx::MSG_VOTE_NO),
    MsgStyle::page("msg-ps-write", "W", &tx::MSG_WRITE),
    MsgStyle::page("msg-ps-read", "R", &tx::MSG_READ),
    MsgStyle::page("msg-ps-write-ok", "ok", &tx::MSG_WRITE_OK),
    MsgStyle::page("msg-ps-read-ok", "=", &tx::MSG_READ_OK),
    MsgStyle::page("msg-ps-redirect", "→", &tx::MSG_NOT_PRIMARY),
];

fn t(lang: Lang, x: &'static crate::ui::core::text::Tx) -> String {
    tr(lang, Text::Page(x)).to_string()
}

/// "synchronous (wait for all)" etc.
fn mode_text(lang: Lang, mode: Mode) -> String {
    match mode {
        Mode::Sync => t(lang, &tx::MODE_SYNC),
        Mode::Semi(k) => format!("{} · k = {k}", t(lang, &tx::MODE_SEMI)),
        Mode::Async => t(lang, &tx::MODE_ASYNC),
    }
}

/// A client operation as a strip cell: `W 31 ✓`, `R → 21`, a lost write in red.
fn op_cell(o: &ClientOp, lost: bool, lang: Lang) -> CellVis {
    let (top, main, class) = match (o.write, o.read, o.respond) {
        (Some(v), _, Some(_)) if lost => (t(lang, &tx::WRITE), format!("{v} ✗"), "op-lost"),
        (Some(v), _, Some(_)) => (t(lang, &tx::WRITE), format!("{v} ✓"), "op-done"),
        (Some(v), _, None) => (t(lang, &tx::WRITE), format!("{v} …"), "op-waiting"),
        (None, Some(r), Some(_)) => (t(lang, &tx::READ), format!("→ {r}"), "op-done"),
        (None, _, _) => (t(lang, &tx::READ), "…".into(), "op-waiting"),
    };
    let when = match o.respond {
        Some(r) => format!("{}–{} ms", o.invoke / MS, r / MS),
        None => format!("{} ms –", o.invoke / MS),
    };
    CellVis {
        title: format!(
            "{top} {main} · {when}{}",
            if lost {
                format!(" · {}", t(lang, &tx::LOST))
            } else {
                String::new()
            }
        ),
        value: main.clone(),
        top,
        main,
        sub: String::new(),
        class: class.into(),
        done: o.respond.is_some(),
    }
}

impl PsAdapter {
    fn primary(&self, w: &World<PsNode>) -> Option<NodeId> {
        let nodes: Vec<&PsNode> = (0..w.len()).map(|i| w.node(i)).collect();
        let alive: Vec<bool> = (0..w.len()).map(|i| w.is_alive(i)).collect();
        current_primary(&nodes, &alive)
    }
}

/// A client operation's key, invocation and response, for the space-time diagram.
fn at(o: &ClientOp) -> (u64, SimTime, Option<SimTime>) {
    (record::key(o.op), o.invoke, o.respond)
}

impl Adapter for PsAdapter {
    type P = PsNode;

    fn names(&self) -> &[String] {
        &self.names
    }

    fn node(&self, w: &World<PsNode>, id: NodeId, lang: Lang) -> NodeVis {
        let n = w.node(id);
        let alive = w.is_alive(id);
        let ring_of = |timer: PsTimer| timer_left(w, id, &timer);
        let vis = if let Some(r) = n.replica() {
            let (role, state, shape, tone, key) = match r.role() {
                Role::Primary { .. } => {
                    ("primary", "primary", Shape::Hexagon, "green", &tx::PRIMARY)
                }
                Role::Candidate { .. } => (
                    "candidate",
                    "candidate",
                    Shape::Diamond,
                    "amber",
                    &tx::CANDIDATE,
                ),
                Role::Secondary => (
                    "secondary",
                    "secondary",
                    Shape::Circle,
                    "blue",
                    &tx::SECONDARY,
                ),
            };
            let log = r.log();
            let hidden = log.len().saturating_sub(SHOWN);
            let cells = log
                .iter()
                .enumerate()
                .skip(hidden)
                .map(|(i, e)| CellVis {
                    top: format!("{}·e{}", i + 1, e.epoch),
                    main: e.value.to_string(),
                    sub: String::new(),
                    class: format!("t{}", e.epoch % 8),
                    value: e.value.to_string(),
                    done: i < r.hwm(),
                    title: format!(
                        "#{} · epoch {} · {} = {} · {}",
                        i + 1,
                        e.epoch,
                        self.names[e.op.0],
                        e.value,
                        if i < r.hwm() {
                            t(lang, &tx::HWM)
                        } else {
                            String::new()
                        }
                    ),
                })
                .collect();
            let mut details = vec![
                (tr(lang, Text::Key(Key::Status)).to_string(), t(lang, key)),
                (t(lang, &tx::EPOCH), r.epoch().to_string()),
                (t(lang, &tx::LOG_LEN), log.len().to_string()),
                (t(lang, &tx::HWM), r.hwm().to_string()),
            ];
            let mut aside = format!("{} {}", t(lang, &tx::HWM), r.hwm());
            if r.is_primary() {
                details.push((t(lang, &tx::PENDING), r.pending().to_string()));
                let stores: Vec<String> = (0..self.cfg.replicas)
                    .filter(|s| *s != id)
                    .map(|s| format!("{} {}", self.names[s], r.matched(s).unwrap_or(0)))
                    .collect();
                details.push((t(lang, &tx::STORES), stores.join(" · ")));
                aside = format!("{aside} · {} {}", t(lang, &tx::STORES), stores.join(" "));
            }
            let label = format!("{} · e{}", t(lang, key), r.epoch());
            NodeVis {
                id,
                name: self.names[id].clone(),
                role,
                state,
                shape,
                tone,
                crashed: false,
                badge: log.len().to_string(),
                label,
                ring: if r.is_primary() {
                    None
                } else {
                    ring_of(PsTimer::Failover)
                },
                term: Some(r.epoch()),
                details,
                commands: vec![],
                strip: StripVis {
                    hidden,
                    aside,
                    ..StripVis::from_cells(cells)
                },
            }
        } else {
            let c = n.client().expect("a node is a replica or a client");
            let lost = w.monitor().lost();
            let ops = c.history();
            let hidden = ops.len().saturating_sub(SHOWN);
            let cells = ops
                .iter()
                .skip(hidden)
                .map(|o| op_cell(o, lost.contains(&o.op), lang))
                .collect();
            let (state, label) = match c.waiting() {
                Some(o) => (
                    "waiting",
                    match o.write {
                        Some(v) => {
                            format!("{} {v} · {}", t(lang, &tx::WRITE), t(lang, &tx::WAITING))
                        }
                        None => format!("{} · {}", t(lang, &tx::READ), t(lang, &tx::WAITING)),
                    },
                ),
                None => ("idle", t(lang, &tx::IDLE)),
            };
            let badge = match c.waiting() {
                Some(o) => o.write.map_or("R…".into(), |v| format!("W{v}")),
                None => ops.last().map_or("–".into(), |o| match (o.write, o.read) {
                    (Some(v), _) => format!("{v}✓"),
                    (None, Some(r)) => format!("={r}"),
                    _ => "–".into(),
                }),
            };
            let idle = alive && c.waiting().is_none();
            NodeVis {
                id,
                name: self.names[id].clone(),
                role: "client",
                state,
                shape: Shape::Square,
                tone: if state == "waiting" { "violet" } else { "grey" },
                crashed: false,
                badge,
                label,
                ring: ring_of(PsTimer::Retry),
                term: None,
                details: vec![
                    (
                        tr(lang, Text::Key(Key::Status)).to_string(),
                        t(
                            lang,
                            if c.waiting().is_some() {
                                &tx::WAITING
                            } else {
                                &tx::IDLE
                            },
                        ),
                    ),
                    (t(lang, &tx::SENDS_TO), self.names[c.target()].clone()),
                    (t(lang, &tx::OPERATIONS), ops.len().to_string()),
                ],
                commands: vec![
                    CommandVis {
                        id: "write",
                        label: t(lang, &tx::WRITE),
                        enabled: idle,
                    },
                    CommandVis {
                        id: "read",
                        label: t(lang, &tx::READ),
                        enabled: idle,
                    },
                ],
                strip: StripVis {
                    hidden,
                    ..StripVis::from_cells(cells)
                },
            }
        };
        vis.crashed_if(!alive, lang)
    }

    fn msg_style(&self, m: &PsMsg) -> MsgStyle {
        KINDS[match m {
            PsMsg::Append { entries, .. } if !entries.is_empty() => 0,
            PsMsg::Append { .. } => 1,
            PsMsg::AppendReply { ok: true, .. } => 2,
            PsMsg::AppendReply { ok: false, .. } => 3,
            PsMsg::Vote { .. } => 4,
            PsMsg::VoteReply { granted: true, .. } => 5,
            PsMsg::VoteReply { granted: false, .. } => 6,
            PsMsg::Write { .. } => 7,
            PsMsg::Read { .. } => 8,
            PsMsg::WriteOk { .. } => 9,
            PsMsg::ReadOk { .. } => 10,
            PsMsg::NotPrimary { .. } => 11,
        }]
    }

    fn msg_detail(&self, m: &PsMsg) -> String {
        match m {
            PsMsg::Append {
                epoch,
                prev,
                entries,
                hwm,
                ..
            } => {
                let values: Vec<String> = entries.iter().map(|e| e.value.to_string()).collect();
                format!(
                    "e{epoch} · @{} [{}] · hwm {hwm}",
                    prev + 1,
                    values.join(",")
                )
            }
            PsMsg::AppendReply { epoch, len, .. } => format!("e{epoch} · {len}"),
            PsMsg::Vote { epoch, len, .. } => format!("e{epoch} · {len}"),
            PsMsg::VoteReply { epoch, .. } => format!("e{epoch}"),
            PsMsg::Write { value, .. } => value.to_string(),
            PsMsg::ReadOk { value, .. } => value.to_string(),
            PsMsg::NotPrimary { hint, .. } => hint.map_or("?".into(), |h| self.names[h].clone()),
            PsMsg::Read { .. } | PsMsg::WriteOk { .. } => String::new(),
        }
    }

    fn msg_fields(&self, m: &PsMsg, lang: Lang) -> Vec<(&'static Tx, String)> {
        let f = |k: &'static Tx, v: String| (k, v);
        match m {
            PsMsg::Append {
                epoch,
                prev,
                prev_epoch,
                entries,
                hwm,
            } => vec![
                f(&F::EPOCH, epoch.to_string()),
                f(&F::PREV, prev.to_string()),
                f(&F::PREV_EPOCH, prev_epoch.to_string()),
                f(
                    &F::ENTRIES,
                    format!(
                        "[{}]",
                        entries
                            .iter()
                            .map(|e| format!("{}:e{}", e.value, e.epoch))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ),
                f(&F::HWM, hwm.to_string()),
            ],
            PsMsg::AppendReply { epoch, ok, len } => vec![
                f(&F::EPOCH, epoch.to_string()),
                f(&F::OK, F::yes_no(lang, *ok)),
                f(&F::LEN, len.to_string()),
            ],
            PsMsg::Vote {
                epoch,
                last_epoch,
                len,
            } => vec![
                f(&F::EPOCH, epoch.to_string()),
                f(&F::LAST_EPOCH, last_epoch.to_string()),
                f(&F::LEN, len.to_string()),
            ],
            PsMsg::VoteReply { epoch, granted } => vec![
                f(&F::EPOCH, epoch.to_string()),
                f(&F::GRANTED, F::yes_no(lang, *granted)),
            ],
            PsMsg::Write { op, value } => vec![
                f(&F::OP, format!("{}#{}", self.names[op.0], op.1)),
                f(&F::VALUE, value.to_string()),
            ],
            PsMsg::Read { op } | PsMsg::WriteOk { op } => {
                vec![f(&F::OP, format!("{}#{}", self.names[op.0], op.1))]
            }
            PsMsg::ReadOk { op, value, index } => vec![
                f(&F::OP, format!("{}#{}", self.names[op.0], op.1)),
                f(&F::VALUE, value.to_string()),
                f(&F::INDEX, index.to_string()),
            ],
            PsMsg::NotPrimary { op, hint } => vec![
                f(&F::OP, format!("{}#{}", self.names[op.0], op.1)),
                f(&F::HINT, hint.map_or("–".into(), |h| self.names[h].clone())),
            ],
        }
    }

    fn timer_name(&self, timer: &PsTimer) -> Option<Text> {
        Some(Text::Page(match timer {
            PsTimer::Heartbeat => &tx::T_HEARTBEAT,
            PsTimer::Failover => &tx::T_FAILOVER,
            PsTimer::Retry => &tx::T_RETRY,
            PsTimer::Workload => &tx::T_WORKLOAD,
        }))
    }

    fn narrate(&self, lang: Lang, note: &PsNote) -> String {
        tx::narrate(lang, note, &self.names)
    }

    fn cmd_text(&self, cmd: &PsCmd) -> CmdText {
        CmdText::Named(Text::Page(match cmd {
            PsCmd::Write => &tx::WRITE,
            PsCmd::Read => &tx::READ,
        }))
    }

    fn command(&mut self, _w: &World<PsNode>, node: NodeId, id: &str) -> Option<PsCmd> {
        if !self.cfg.is_client(node) {
            return None;
        }
        match id {
            "write" => Some(PsCmd::Write),
            "read" => Some(PsCmd::Read),
            _ => None,
        }
    }

    fn status(&self, w: &World<PsNode>, lang: Lang) -> Vec<StatusVis> {
        let primary = self.primary(w);
        let lost = w.monitor().lost().len();
        let acked: usize = (0..w.len())
            .filter_map(|i| w.node(i).client())
            .map(|c| c.acked().count())
            .sum();
        let promise = self.cfg.promises_durability();
        vec![
            StatusVis {
                key: "mode",
                label: t(lang, &tx::STATUS_MODE),
                value: format!(
                    "{} · {}: {}",
                    mode_text(lang, self.cfg.mode),
                    t(lang, &tx::STATUS_PROMISE),
                    t(lang, if promise { &tx::YES } else { &tx::NO })
                ),
                alarm: false,
            },
            StatusVis {
                key: "primary",
                label: t(lang, &tx::STATUS_PRIMARY),
                value: primary.map_or(t(lang, &tx::NONE_YET), |p| {
                    format!(
                        "{} · e{}",
                        self.names[p],
                        w.node(p).replica().map_or(0, |r| r.epoch())
                    )
                }),
                alarm: false,
            },
            StatusVis {
                key: "hwm",
                label: t(lang, &tx::STATUS_HWM),
                value: primary
                    .and_then(|p| w.node(p).replica())
                    .map_or("–".into(), |r| format!("{} / {}", r.hwm(), r.log().len())),
                alarm: false,
            },
            StatusVis {
                key: "acked",
                label: t(lang, &tx::STATUS_ACKED),
                value: acked.to_string(),
                alarm: false,
            },
            StatusVis {
                key: "lost",
                label: t(lang, &tx::STATUS_LOST),
                value: lost.to_string(),
                alarm: lost > 0,
            },
        ]
    }

    fn roles(&self, lang: Lang) -> Vec<(Shape, &'static str, String)> {
        vec![
            (Shape::Hexagon, "green", t(lang, &tx::PRIMARY)),
            (Shape::Circle, "blue", t(lang, &tx::SECONDARY)),
            (Shape::Diamond, "amber", t(lang, &tx::CANDIDATE)),
            (
                Shape::Square,
                "violet",
                format!("{} · {}", t(lang, &tx::CLIENT), t(lang, &tx::WAITING)),
            ),
            (
                Shape::Square,
                "grey",
                format!("{} · {}", t(lang, &tx::CLIENT), t(lang, &tx::IDLE)),
            ),
            (
                Shape::Circle,
                "grey",
                tr(lang, Text::Key(Key::Crashed)).into(),
            ),
        ]
    }

    /// Failovers and dropped entries get marks; operations are intervals ([`Self::spans`]).
    fn mark(&self, note: &PsNote) -> Option<(Text, Option<NodeId>)> {
        match note {
            PsNote::Promoted { .. } => Some((Text::Page(&tx::PRIMARY), None)),
            PsNote::Truncated { .. } => Some((Text::Page(&tx::DROPPED), None)),
            _ => None,
        }
    }

    fn details(&self) -> &'static [crate::ui::core::text::Tx] {
        super::texts::DETAILS
    }

    fn rule_name(&self, rule: &'static str) -> Text {
        match rule {
            NO_LOST_WRITES => Text::Page(&tx::RULE_NO_LOST),
            _ => Text::Key(Key::ViolationTitle),
        }
    }

    fn notation(&self) -> &'static [(&'static str, crate::ui::core::text::Tx)] {
        super::texts::NOTATION
    }

    fn kinds(&self) -> Vec<MsgStyle> {
        KINDS.to_vec()
    }

    /// Each client operation from its invocation to its answer, on the client's line.
    fn spans(&self, w: &World<PsNode>, lang: Lang, from: SimTime) -> Vec<OpSpan> {
        let lost = w.monitor().lost();
        let (wr, rd) = (t(lang, &tx::SPAN_W), t(lang, &tx::SPAN_R));
        (0..w.len())
            .filter_map(|i| Some((i, w.node(i).client()?)))
            .flat_map(|(node, c)| {
                let (wr, rd) = (wr.clone(), rd.clone());
                op_spans(node, c.history(), from, at, move |o| {
                    match (o.write, o.read, o.respond) {
                        (Some(v), _, Some(_)) if lost.contains(&o.op) => {
                            (format!("{wr} {v} ✗"), "op-lost")
                        }
                        (Some(v), _, Some(_)) => (format!("{wr} {v}"), "op-write"),
                        (Some(v), _, None) => (format!("{wr} {v} …"), "op-waiting"),
                        (None, Some(r), Some(_)) => (format!("{rd} → {r}"), "op-read"),
                        (None, _, _) => (format!("{rd} …"), "op-waiting"),
                    }
                })
            })
            .collect()
    }

    /// The clients' history (rebuilt only when an operation starts or ends).
    fn data(&self, w: &World<PsNode>) -> Option<PageData> {
        let seen: Vec<Vec<Seen>> = (0..w.len())
            .filter_map(|i| w.node(i).client())
            .map(|c| seen_by(c, MAX_CHECKED_OPS + 1))
            .collect();
        Some(self.history.get(fingerprint(&seen), || {
            recorded(&seen, |n| self.names[n].clone(), record::key)
        }))
    }
}
