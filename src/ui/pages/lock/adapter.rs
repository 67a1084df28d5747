//! How the lock page looks: the lock service ● (green: held; grey: free) with its grants,
//! clients ■ (amber: acquiring; green: holding; grey: idle), the storage ⬢ with every
//! write it received; writes with an older token, accepted or refused, in red.

use crate::protocols::lock::client::{Job, Outcome};
use crate::protocols::lock::invariants::{lost_updates, overlaps};
use crate::protocols::lock::{
    LockCmd, LockConfig, LockMsg, LockNode, LockNote, LockPreset, LockTimer, Role, FENCED_WRITES,
};
use crate::sim::SimTime;
use crate::sim::{ClockSpec, NodeId, World, MS};
use crate::ui::core::i18n::fields as F;
use crate::ui::core::i18n::{CmdText, Key, Lang};
use crate::ui::core::runner::{since, timer_left, Adapter, Sim};
use crate::ui::core::scenario::Scenario;
use crate::ui::core::text::Tx;
use crate::ui::core::text::{tr, Text};
use crate::ui::core::view::{
    CellVis, CommandVis, MsgStyle, NodeVis, OpSpan, Shape, StatusVis, StripVis,
};

use super::texts as tx;

/// Cells a strip shows (the newest).
const SHOWN: usize = 10;

/// The lock service's clock drift per `drift` choice, in ppm.
const DRIFTS: [i64; 3] = [0, 300_000, -300_000];

#[derive(Clone)]
pub struct LockAdapter {
    names: Vec<String>,
    cfg: LockConfig,
}

fn preset(slug: Option<&str>) -> Option<LockPreset> {
    LockPreset::ALL.into_iter().find(|p| Some(p.slug()) == slug)
}

/// A preset runs on a fixed latency, two clients and its own TTL, work and switches.
pub fn preset_settings(sc: &mut Scenario) {
    if let Some(p) = preset(sc.preset) {
        let latency = crate::protocols::lock::presets::LATENCY;
        sc.set_lossless_latency(latency, latency);
        let (ttl, work, watchdog, fencing) = p.settings();
        sc.nodes = 2;
        sc.set_param(&super::TTL, ttl / MS);
        sc.set_param(&super::WORK, work / MS);
        sc.set_param(&super::WATCHDOG, u64::from(watchdog));
        sc.set_param(&super::FENCING, u64::from(fencing));
        sc.set_param(&super::DRIFT, 0);
        sc.set_param(&super::RATE, 0);
    }
}

pub fn config(sc: &Scenario) -> LockConfig {
    let rate = sc.param(&super::RATE);
    LockConfig {
        clients: sc.nodes,
        ttl: sc.param(&super::TTL) * MS,
        work: sc.param(&super::WORK) * MS,
        watchdog: sc.param(&super::WATCHDOG) == 1,
        fencing: sc.param(&super::FENCING) == 1,
        workload: (rate > 0).then(|| 1_000 * MS / rate),
        ..LockConfig::default()
    }
}

pub fn build(sc: &Scenario) -> Sim<LockAdapter> {
    let cfg = config(sc);
    let drift = DRIFTS[(sc.param(&super::DRIFT) as usize).min(DRIFTS.len() - 1)];
    let world_cfg = crate::sim::WorldConfig {
        clocks: vec![ClockSpec {
            drift_ppm: drift,
            offset: 0,
        }],
        ..crate::ui::core::runner::world_config(sc)
    };
    let world = World::new(world_cfg, LockNode::cluster(&cfg));
    let names = (0..cfg.size()).map(|i| cfg.name(i)).collect();
    let script = preset(sc.preset)
        .map(|p| p.script(&cfg))
        .unwrap_or_default();
    Sim::new(world, LockAdapter { names, cfg }).with_script(script)
}

const KINDS: [MsgStyle; 12] = [
    MsgStyle::page("msg-q-query", "?", &tx::MSG_ACQUIRE),
    MsgStyle::page("msg-q-ack", "#", &tx::MSG_GRANTED),
    MsgStyle::page("msg-ps-missing", "…", &tx::MSG_BUSY),
    MsgStyle::page("msg-q-handoff", "↻", &tx::MSG_RENEW),
    MsgStyle::page("msg-q-handoff-ack", "✓", &tx::MSG_RENEWED),
    MsgStyle::page("msg-q-hinted", "!", &tx::MSG_EXPIRED),
    MsgStyle::page("msg-q-version", "↓", &tx::MSG_RELEASE),
    MsgStyle::page("msg-q-get", "R", &tx::MSG_READ),
    MsgStyle::page("msg-q-value", "=", &tx::MSG_VALUE),
    MsgStyle::page("msg-q-put", "W", &tx::MSG_WRITE),
    MsgStyle::page("msg-q-ack", "ok", &tx::MSG_OK),
    MsgStyle::page("msg-ps-missing", "✗", &tx::MSG_FENCED),
];

fn t(lang: Lang, x: &'static crate::ui::core::text::Tx) -> String {
    tr(lang, Text::Page(x)).to_string()
}

fn job_cell(j: &Job, overlapped: bool, lang: Lang) -> CellVis {
    let token = j.granted.map_or("–".into(), |g| format!("#{}", g.1));
    let (main, class, word) = match j.outcome {
        Outcome::Written => (
            format!(
                "{}→{} ✓",
                j.read.unwrap_or_default(),
                j.wrote.unwrap_or_default()
            ),
            if overlapped { "op-lost" } else { "op-done" },
            &tx::WRITTEN,
        ),
        Outcome::Refused => (
            format!("{} ✗", j.wrote.unwrap_or_default()),
            "op-lost",
            &tx::REFUSED,
        ),
        Outcome::Abandoned => ("✗".into(), "op-waiting", &tx::ABANDONED),
        Outcome::Running => ("…".into(), "op-waiting", &tx::ACQUIRING),
    };
    let when = match j.end {
        Some(e) => format!("{}–{} ms", j.start / MS, e / MS),
        None => format!("{} ms –", j.start / MS),
    };
    CellVis {
        title: format!(
            "{} {token} · {} · {when}",
            t(lang, &tx::TOKEN),
            t(lang, word)
        ),
        value: main.clone(),
        top: token,
        main,
        sub: String::new(),
        class: class.into(),
        done: j.outcome != Outcome::Running,
    }
}

impl LockAdapter {
    fn service_vis(&self, w: &World<LockNode>, id: NodeId, lang: Lang) -> NodeVis {
        let s = w.node(id).service().expect("node 0 is the lock service");
        let local = w.clock(id).time(w.now());
        let holder = s.holder(local);
        let cells = s
            .grants()
            .iter()
            .rev()
            .take(SHOWN)
            .rev()
            .map(|g| CellVis {
                top: format!("#{}", g.token),
                main: format!("→{}", self.names[g.client]),
                sub: String::new(),
                class: if holder.is_some_and(|h| h.token == g.token) {
                    "op-write".into()
                } else {
                    "op-done".into()
                },
                value: format!("{}:{}", g.token, self.names[g.client]),
                done: true,
                title: format!(
                    "{} #{} → {}",
                    t(lang, &tx::TOKEN),
                    g.token,
                    self.names[g.client]
                ),
            })
            .collect::<Vec<_>>();
        let hidden = s.grants().len().saturating_sub(SHOWN);
        let (label, badge) = match holder {
            Some(g) => (
                format!(
                    "{} {} #{} · {} {}",
                    t(lang, &tx::HELD_BY),
                    self.names[g.client],
                    g.token,
                    (g.until - local) / MS,
                    t(lang, &tx::LEFT_ITS_CLOCK)
                ),
                format!("#{}", g.token),
            ),
            None => (t(lang, &tx::FREE), "–".into()),
        };
        NodeVis {
            id,
            name: self.names[id].clone(),
            role: "lock-service",
            state: if holder.is_some() { "held" } else { "free" },
            shape: Shape::Circle,
            tone: if holder.is_some() { "green" } else { "grey" },
            crashed: false,
            badge,
            label: format!("{} · {label}", t(lang, &tx::SERVICE)),
            ring: timer_left(w, id, &LockTimer::Expire),
            term: None,
            details: vec![
                (tr(lang, Text::Key(Key::Status)).to_string(), label),
                (t(lang, &tx::TOKEN), s.last_token().to_string()),
            ],
            commands: vec![],
            strip: StripVis {
                hidden,
                ..StripVis::from_cells(cells)
            },
        }
    }

    fn client_vis(
        &self,
        w: &World<LockNode>,
        id: NodeId,
        lang: Lang,
        overlapping: &[NodeId],
    ) -> NodeVis {
        let c = w.node(id).client().expect("a client");
        let local = w.clock(id).time(w.now());
        let phase = c.phase_name();
        let (tone, word) = match phase {
            "acquiring" => ("amber", &tx::ACQUIRING),
            "reading" => ("green", &tx::READING),
            "working" => ("green", &tx::WORKING),
            "writing" => ("blue", &tx::WRITING),
            _ => ("grey", &tx::IDLE),
        };
        let lease = match (c.holds(), c.lease_until()) {
            (Some(_), Some(u)) if local < u => {
                format!("{} {} ms", t(lang, &tx::LEASE_LEFT), (u - local) / MS)
            }
            (Some(_), _) => t(lang, &tx::EXPIRED_OWN),
            _ => String::new(),
        };
        let jobs = c.jobs();
        let hidden = jobs.len().saturating_sub(SHOWN);
        let cells = jobs
            .iter()
            .skip(hidden)
            .map(|j| {
                job_cell(
                    j,
                    overlapping.contains(&id) && j.outcome == Outcome::Written,
                    lang,
                )
            })
            .collect();
        let label = match c.holds() {
            Some(token) => format!("{} #{token} · {}", t(lang, word), lease),
            None => t(lang, word),
        };
        let ring = match phase {
            "working" => timer_left(w, id, &LockTimer::Work),
            "acquiring" => timer_left(w, id, &LockTimer::Retry),
            _ => None,
        };
        let alive = w.is_alive(id);
        NodeVis {
            id,
            name: self.names[id].clone(),
            role: "client",
            state: phase,
            shape: Shape::Square,
            tone,
            crashed: false,
            badge: c.holds().map_or("–".into(), |t| format!("#{t}")),
            label,
            ring,
            term: None,
            details: vec![
                (tr(lang, Text::Key(Key::Status)).to_string(), t(lang, word)),
                (
                    t(lang, &tx::TOKEN),
                    c.holds().map_or("–".into(), |t| t.to_string()),
                ),
                (t(lang, &tx::LEASE_LEFT), lease),
                (t(lang, &tx::JOBS), jobs.len().to_string()),
            ],
            commands: vec![CommandVis {
                id: "job",
                label: t(lang, &tx::JOB),
                enabled: alive && !c.busy(),
            }],
            strip: StripVis {
                hidden,
                ..StripVis::from_cells(cells)
            },
        }
    }

    fn storage_vis(&self, w: &World<LockNode>, id: NodeId, lang: Lang) -> NodeVis {
        let s = w.node(id).storage().expect("the last node is the storage");
        let writes = s.writes();
        let hidden = writes.len().saturating_sub(SHOWN);
        let cells = writes
            .iter()
            .skip(hidden)
            .map(|x| {
                let (mark, class, word) = match (x.accepted, x.older) {
                    (true, false) => ("✓", "op-done", &tx::WRITTEN),
                    (true, true) => ("⚠", "op-lost", &tx::OLD_TOKEN),
                    (false, _) => ("✗", "op-lost", &tx::REFUSED),
                };
                CellVis {
                    top: format!("#{} {}", x.token, self.names[x.client]),
                    main: format!("{} {mark}", x.value),
                    sub: String::new(),
                    class: class.into(),
                    value: format!("{}#{}{mark}", x.value, x.token),
                    done: x.accepted,
                    title: format!(
                        "{} {} · {} #{} · {} · {} ms",
                        self.names[x.client],
                        x.value,
                        t(lang, &tx::TOKEN),
                        x.token,
                        t(lang, word),
                        x.at / MS
                    ),
                }
            })
            .collect();
        let label = format!(
            "{} {} · {} #{}",
            t(lang, &tx::COUNTER),
            s.value(),
            t(lang, &tx::SEEN_SHORT),
            s.seen()
        );
        NodeVis {
            id,
            name: self.names[id].clone(),
            role: "storage",
            state: "storage",
            shape: Shape::Hexagon,
            tone: "violet",
            crashed: false,
            badge: s.value().to_string(),
            label,
            ring: None,
            term: None,
            details: vec![
                (t(lang, &tx::COUNTER), s.value().to_string()),
                (t(lang, &tx::HIGHEST_TOKEN), s.seen().to_string()),
            ],
            commands: vec![],
            strip: StripVis {
                hidden,
                ..StripVis::from_cells(cells)
            },
        }
    }
}

impl Adapter for LockAdapter {
    type P = LockNode;

    fn names(&self) -> &[String] {
        &self.names
    }

    fn node(&self, w: &World<LockNode>, id: NodeId, lang: Lang) -> NodeVis {
        let vis = match self.cfg.role(id) {
            Role::Service => self.service_vis(w, id, lang),
            Role::Storage => self.storage_vis(w, id, lang),
            Role::Client => {
                let nodes: Vec<&LockNode> = (0..w.len()).map(|i| w.node(i)).collect();
                let overlapping: Vec<NodeId> = overlaps(&nodes, w.now())
                    .iter()
                    .flat_map(|o| [o.0, o.1])
                    .collect();
                self.client_vis(w, id, lang, &overlapping)
            }
        };
        vis.crashed_if(!w.is_alive(id), lang)
    }

    fn msg_style(&self, m: &LockMsg) -> MsgStyle {
        KINDS[match m {
            LockMsg::Acquire => 0,
            LockMsg::Granted { .. } => 1,
            LockMsg::Busy => 2,
            LockMsg::Renew { .. } => 3,
            LockMsg::Renewed { .. } => 4,
            LockMsg::Expired { .. } => 5,
            LockMsg::Release { .. } => 6,
            LockMsg::Read { .. } => 7,
            LockMsg::ReadReply { .. } => 8,
            LockMsg::Write { .. } => 9,
            LockMsg::WriteOk { .. } => 10,
            LockMsg::WriteRefused { .. } => 11,
        }]
    }

    fn msg_detail(&self, m: &LockMsg) -> String {
        match m {
            LockMsg::Granted { token, ttl } => format!("#{token} · {} ms", ttl / MS),
            LockMsg::Renew { token }
            | LockMsg::Expired { token }
            | LockMsg::Release { token }
            | LockMsg::Read { token } => format!("#{token}"),
            LockMsg::Renewed { token, ttl } => format!("#{token} · {} ms", ttl / MS),
            LockMsg::ReadReply { value } | LockMsg::WriteOk { value } => value.to_string(),
            LockMsg::Write { value, token } => format!("{value} · #{token}"),
            LockMsg::WriteRefused { token, seen } => format!("#{token} < #{seen}"),
            LockMsg::Acquire | LockMsg::Busy => String::new(),
        }
    }

    fn msg_fields(&self, m: &LockMsg, _lang: Lang) -> Vec<(&'static Tx, String)> {
        let f = |k: &'static Tx, v: String| (k, v);
        match m {
            LockMsg::Granted { token, ttl } | LockMsg::Renewed { token, ttl } => vec![
                f(&F::TOKEN, token.to_string()),
                f(&F::TTL, format!("{} ms", ttl / MS)),
            ],
            LockMsg::Renew { token }
            | LockMsg::Expired { token }
            | LockMsg::Release { token }
            | LockMsg::Read { token } => vec![f(&F::TOKEN, token.to_string())],
            LockMsg::ReadReply { value } | LockMsg::WriteOk { value } => {
                vec![f(&F::VALUE, value.to_string())]
            }
            LockMsg::Write { value, token } => {
                vec![
                    f(&F::VALUE, value.to_string()),
                    f(&F::TOKEN, token.to_string()),
                ]
            }
            LockMsg::WriteRefused { token, seen } => {
                vec![
                    f(&F::TOKEN, token.to_string()),
                    f(&F::SEEN, seen.to_string()),
                ]
            }
            LockMsg::Acquire | LockMsg::Busy => vec![],
        }
    }

    fn timer_name(&self, timer: &LockTimer) -> Option<Text> {
        Some(Text::Page(match timer {
            LockTimer::Retry => &tx::T_RETRY,
            LockTimer::Renew => &tx::T_RENEW,
            LockTimer::Work => &tx::T_WORK,
            LockTimer::Workload => &tx::T_WORKLOAD,
            LockTimer::Expire => &tx::T_EXPIRE,
        }))
    }

    fn narrate(&self, lang: Lang, note: &LockNote) -> String {
        tx::narrate(lang, note)
    }

    fn cmd_text(&self, cmd: &LockCmd) -> CmdText {
        CmdText::Named(Text::Page(match cmd {
            LockCmd::Job => &tx::JOB,
        }))
    }

    fn command(&mut self, _w: &World<LockNode>, node: NodeId, id: &str) -> Option<LockCmd> {
        (self.cfg.role(node) == Role::Client && id == "job").then_some(LockCmd::Job)
    }

    fn status(&self, w: &World<LockNode>, lang: Lang) -> Vec<StatusVis> {
        let nodes: Vec<&LockNode> = (0..w.len()).map(|i| w.node(i)).collect();
        let local = w.clock(0).time(w.now());
        let holder = w.node(0).service().and_then(|s| s.holder(local));
        let overlapped = overlaps(&nodes, w.now());
        let (acked, lost) = lost_updates(&nodes);
        let s = w.node(self.cfg.storage()).storage();
        let refused = s.map_or(0, |s| s.writes().iter().filter(|x| !x.accepted).count());
        vec![
            StatusVis {
                key: "lock",
                label: t(lang, &tx::STATUS_LOCK),
                value: holder.map_or(t(lang, &tx::FREE), |g| {
                    format!("{} #{}", self.names[g.client], g.token)
                }),
                alarm: false,
            },
            StatusVis {
                key: "fencing",
                label: t(lang, &tx::STATUS_FENCING),
                value: t(lang, if self.cfg.fencing { &tx::ON } else { &tx::OFF }),
                alarm: !self.cfg.fencing,
            },
            StatusVis {
                key: "overlap",
                label: t(lang, &tx::STATUS_OVERLAP),
                value: overlapped.first().map_or("0".into(), |o| {
                    format!(
                        "{} ({}, {})",
                        overlapped.len(),
                        self.names[o.0],
                        self.names[o.1]
                    )
                }),
                alarm: !overlapped.is_empty(),
            },
            StatusVis {
                key: "lost",
                label: t(lang, &tx::STATUS_LOST),
                value: format!("{acked} / {} / {lost}", s.map_or(0, |s| s.value())),
                alarm: lost > 0,
            },
            StatusVis {
                key: "refused",
                label: t(lang, &tx::STATUS_REFUSED),
                value: refused.to_string(),
                alarm: false,
            },
        ]
    }

    fn roles(&self, lang: Lang) -> Vec<(Shape, &'static str, String)> {
        vec![
            (
                Shape::Circle,
                "green",
                format!("{} · {}", t(lang, &tx::SERVICE), t(lang, &tx::HELD_BY)),
            ),
            (
                Shape::Circle,
                "grey",
                format!("{} · {}", t(lang, &tx::SERVICE), t(lang, &tx::FREE)),
            ),
            (
                Shape::Square,
                "amber",
                format!("{} · {}", t(lang, &tx::CLIENT), t(lang, &tx::ACQUIRING)),
            ),
            (
                Shape::Square,
                "green",
                format!("{} · {}", t(lang, &tx::CLIENT), t(lang, &tx::HOLDS)),
            ),
            (
                Shape::Square,
                "blue",
                format!("{} · {}", t(lang, &tx::CLIENT), t(lang, &tx::WRITING)),
            ),
            (Shape::Hexagon, "violet", t(lang, &tx::STORAGE)),
            (
                Shape::Circle,
                "grey",
                tr(lang, Text::Key(Key::Crashed)).into(),
            ),
        ]
    }

    fn mark(&self, note: &LockNote) -> Option<(Text, Option<NodeId>)> {
        match note {
            LockNote::Expired { .. } => Some((Text::Page(&tx::MSG_EXPIRED), None)),
            LockNote::Accepted { older: true, .. } => Some((Text::Page(&tx::OLD_TOKEN), None)),
            LockNote::Fenced { .. } => Some((Text::Page(&tx::MSG_FENCED), None)),
            _ => None,
        }
    }

    fn details(&self) -> &'static [crate::ui::core::text::Tx] {
        super::texts::DETAILS
    }

    fn rule_name(&self, rule: &'static str) -> Text {
        match rule {
            FENCED_WRITES => Text::Page(&tx::RULE_FENCED),
            _ => Text::Key(Key::ViolationTitle),
        }
    }

    fn kinds(&self) -> Vec<MsgStyle> {
        KINDS.to_vec()
    }

    /// Each client's critical section, from its grant to its write's answer; red where
    /// two overlapped.
    fn spans(&self, w: &World<LockNode>, lang: Lang, from: SimTime) -> Vec<OpSpan> {
        let nodes: Vec<&LockNode> = (0..w.len()).map(|i| w.node(i)).collect();
        let overlapping: Vec<NodeId> = overlaps(&nodes, w.now())
            .iter()
            .flat_map(|o| [o.0, o.1])
            .collect();
        (0..w.len())
            .filter_map(|i| Some((i, w.node(i).client()?)))
            .flat_map(|(node, c)| {
                let overlapping = overlapping.clone();
                let (first, jobs) = since(c.jobs(), from, |j| j.end);
                jobs.iter().enumerate().filter_map(move |(k, j)| {
                    let k = first + k;
                    let (t0, token) = j.granted?;
                    Some(OpSpan {
                        key: ((node as u64) << 32) | k as u64,
                        node,
                        t0,
                        t1: j.end,
                        label: format!("{} #{token}", t(lang, &tx::HOLDS)),
                        class: match j.outcome {
                            Outcome::Refused => "op-lost",
                            _ if overlapping.contains(&node) => "op-lost",
                            Outcome::Running => "op-waiting",
                            _ => "op-write",
                        },
                    })
                })
            })
            .collect()
    }
}
