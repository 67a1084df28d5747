//! How the quorum page looks: servers ● (green: hold the newest version anywhere; amber:
//! an older one; cyan: concurrent siblings; violet: a stand-in keeping writes for
//! others), clients ■ with their operations; stale reads and failed writes marked red.

use crate::protocols::consistency::record::{self, fingerprint, recorded, Seen, MAX_CHECKED_OPS};
use crate::protocols::quorum::client::{seen as seen_by, Client, ClientOp};
use crate::protocols::quorum::msg::{absorb, Item};
use crate::protocols::quorum::{
    QCmd, QConfig, QMsg, QNode, QNote, QPreset, QTimer, Repair, NO_STALE_READS,
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

/// Client operations a strip shows (the newest).
const SHOWN: usize = 10;

#[derive(Clone)]
pub struct QuorumAdapter {
    names: Vec<String>,
    cfg: QConfig,
    /// The last history handed out, by a fingerprint of its operations.
    history: DataCache,
}

fn preset(slug: Option<&str>) -> Option<QPreset> {
    QPreset::ALL.into_iter().find(|p| Some(p.slug()) == slug)
}

/// A preset runs on a fixed latency with its own servers, N, W, R and switches.
pub fn preset_settings(sc: &mut Scenario) {
    if let Some(p) = preset(sc.preset) {
        let latency = crate::protocols::quorum::presets::LATENCY;
        sc.set_lossless_latency(latency, latency);
        let (servers, n, w, r, repair, sloppy) = p.settings();
        sc.nodes = servers;
        sc.set_param(&super::N, n as u64);
        sc.set_param(&super::W, w as u64);
        sc.set_param(&super::R, r as u64);
        sc.set_param(
            &super::REPAIR,
            match repair {
                Repair::Off => 0,
                Repair::Background => 1,
                Repair::Blocking => 2,
            },
        );
        sc.set_param(&super::SLOPPY, u64::from(sloppy));
        sc.set_param(&super::VERSIONS, u64::from(p.vector_clocks()));
        sc.set_param(&super::RATE, 0);
    }
}

pub fn config(sc: &Scenario) -> QConfig {
    let rate = sc.param(&super::RATE);
    QConfig {
        servers: sc.nodes,
        n: sc.param(&super::N) as usize,
        w: sc.param(&super::W) as usize,
        r: sc.param(&super::R) as usize,
        repair: match sc.param(&super::REPAIR) {
            0 => Repair::Off,
            1 => Repair::Background,
            _ => Repair::Blocking,
        },
        sloppy: sc.param(&super::SLOPPY) == 1,
        vector_clocks: sc.param(&super::VERSIONS) == 1,
        workload: (rate > 0).then(|| 1_000 * MS / rate),
        first_reply: sc.param(&super::FIRST_REPLY) == 1,
        ..QConfig::default()
    }
    .clamped()
}

pub fn build(sc: &Scenario) -> Sim<QuorumAdapter> {
    let cfg = config(sc);
    let world = World::new(
        crate::ui::core::runner::world_config(sc),
        QNode::cluster(&cfg),
    );
    let names = (0..cfg.size()).map(|i| cfg.name(i)).collect();
    let script = preset(sc.preset)
        .map(|p| p.script(&cfg))
        .unwrap_or_default();
    Sim::new(
        world,
        QuorumAdapter {
            names,
            cfg,
            history: Default::default(),
        },
    )
    .with_script(script)
}

const KINDS: [MsgStyle; 9] = [
    MsgStyle::page("msg-q-query", "?", &tx::MSG_QUERY),
    MsgStyle::page("msg-q-version", "v", &tx::MSG_QUERY_REPLY),
    MsgStyle::page("msg-q-put", "W", &tx::MSG_PUT),
    MsgStyle::page("msg-q-hinted", "H", &tx::MSG_HINTED),
    MsgStyle::page("msg-q-ack", "ok", &tx::MSG_ACK),
    MsgStyle::page("msg-q-get", "R", &tx::MSG_GET),
    MsgStyle::page("msg-q-value", "=", &tx::MSG_GET_REPLY),
    MsgStyle::page("msg-q-handoff", "→", &tx::MSG_HANDOFF),
    MsgStyle::page("msg-q-handoff-ack", "✓", &tx::MSG_HANDOFF_ACK),
];

fn t(lang: Lang, x: &'static crate::ui::core::text::Tx) -> String {
    tr(lang, Text::Page(x)).to_string()
}

/// What an operation looks like: (label, CSS class) — `W 21 ✓`, `R → 0 ✗ stale`.
fn op_look(
    o: &ClientOp,
    stale: bool,
    seen_failed: bool,
    lang: Lang,
    short: bool,
) -> (String, &'static str) {
    let (wr, rd) = if short {
        (t(lang, &tx::SPAN_W), t(lang, &tx::SPAN_R))
    } else {
        (t(lang, &tx::WRITE), t(lang, &tx::READ))
    };
    let read = |r: u64| {
        std::iter::once(r)
            .chain(o.siblings.iter().copied())
            .map(|v| v.to_string())
            .collect::<Vec<_>>()
            .join("|")
    };
    match (o.write, o.read) {
        (Some(v), _) if o.failed => (format!("{wr} {v} ✗ {}", t(lang, &tx::FAILED)), "op-lost"),
        (Some(v), _) if o.respond.is_some() => (format!("{wr} {v} ✓"), "op-write"),
        (Some(v), _) => (format!("{wr} {v} …"), "op-waiting"),
        (None, _) if o.failed => (format!("{rd} ✗ {}", t(lang, &tx::FAILED)), "op-lost"),
        (None, Some(r)) if stale => (
            format!("{rd} → {} ✗ {}", read(r), t(lang, &tx::STALE)),
            "op-lost",
        ),
        (None, Some(r)) if seen_failed => {
            (format!("{rd} → {} !", read(r)), "op-read op-seen-failed")
        }
        (None, Some(r)) if !o.siblings.is_empty() => {
            (format!("{rd} → {}", read(r)), "op-read op-siblings")
        }
        (None, Some(r)) => (format!("{rd} → {r}"), "op-read"),
        (None, None) => (format!("{rd} …"), "op-waiting"),
    }
}

fn op_cell(o: &ClientOp, stale: bool, seen_failed: bool, lang: Lang) -> CellVis {
    let (label, class) = op_look(o, stale, seen_failed, lang, false);
    let (top, main) = label
        .split_once(' ')
        .map_or((label.clone(), String::new()), |(a, b)| {
            (a.to_string(), b.to_string())
        });
    let when = match o.respond {
        Some(r) => format!("{}–{} ms", o.invoke / MS, r / MS),
        None => format!("{} ms –", o.invoke / MS),
    };
    let version = o.version.map_or(String::new(), |v| format!(" · {v}"));
    let mut why = if seen_failed {
        format!(" · {}", t(lang, &tx::FAILED_SEEN))
    } else {
        String::new()
    };
    if !o.siblings.is_empty() {
        why += &format!(" · {} {}", o.siblings.len() + 1, t(lang, &tx::SIBLINGS));
    }
    CellVis {
        title: format!("{label}{version} · {when}{why}"),
        value: main.clone(),
        top,
        main,
        sub: o.version.map_or(String::new(), |v| v.to_string()),
        class: match class {
            "op-write" | "op-read" => "op-done".into(),
            c => c.into(),
        },
        done: !o.waiting(),
    }
}

impl QuorumAdapter {
    fn clients<'a>(&self, w: &'a World<QNode>) -> Vec<&'a Client> {
        (0..w.len()).filter_map(|i| w.node(i).client()).collect()
    }
    /// The newest writes any server holds (its own or kept hints): one, or concurrent ones.
    fn newest(&self, w: &World<QNode>) -> Vec<Item> {
        let mut all = Vec::new();
        for s in (0..self.cfg.servers).filter_map(|i| w.node(i).server()) {
            for item in s.held() {
                absorb(&mut all, item);
            }
        }
        all
    }

    fn items_text(items: &[Item]) -> String {
        items
            .iter()
            .map(|(v, x)| format!("{x} · {v}"))
            .collect::<Vec<_>>()
            .join(" | ")
    }
}

/// A client operation's key, invocation and response, for the space-time diagram.
fn at(o: &ClientOp) -> (u64, SimTime, Option<SimTime>) {
    (record::key(o.op), o.invoke, o.respond)
}

impl Adapter for QuorumAdapter {
    type P = QNode;

    fn names(&self) -> &[String] {
        &self.names
    }

    fn node(&self, w: &World<QNode>, id: NodeId, lang: Lang) -> NodeVis {
        let n = w.node(id);
        let alive = w.is_alive(id);
        let vis = if let Some(s) = n.server() {
            let home = id < self.cfg.n;
            let held = s.held();
            let fresh = self
                .newest(w)
                .iter()
                .all(|n| held.iter().any(|h| n.0.covered_by(&h.0)));
            let siblings = s.items().len() > 1;
            let (tone, state) = match (fresh, s.hints().is_empty(), siblings) {
                (_, false, _) => ("violet", "keeping-hints"),
                (_, true, true) => ("v1", "siblings"),
                (true, true, false) => ("green", "newest"),
                (false, true, false) => ("amber", "older"),
            };
            let mut cells: Vec<CellVis> = s
                .items()
                .iter()
                .rev()
                .map(|(version, value)| CellVis {
                    top: version.to_string(),
                    main: value.to_string(),
                    sub: if siblings {
                        t(lang, &tx::SIBLING)
                    } else {
                        String::new()
                    },
                    class: if fresh {
                        "op-done".into()
                    } else {
                        "op-waiting".into()
                    },
                    value: value.to_string(),
                    done: true,
                    title: format!(
                        "{} {version} · {} {value}",
                        t(lang, &tx::VERSION),
                        t(lang, &tx::VALUE)
                    ),
                })
                .collect();
            cells.extend(s.hints().iter().map(|h| CellVis {
                top: format!("→{}", self.names[h.home]),
                main: h.value.to_string(),
                sub: String::new(),
                class: "hint".into(),
                value: h.value.to_string(),
                done: false,
                title: format!(
                    "{} {} · {} {} · {}",
                    t(lang, &tx::HINTS),
                    self.names[h.home],
                    t(lang, &tx::VERSION),
                    h.version,
                    h.value
                ),
            }));
            let role_text = t(lang, if home { &tx::HOME } else { &tx::STAND_IN });
            NodeVis {
                id,
                name: self.names[id].clone(),
                role: if home { "home" } else { "stand-in" },
                state,
                shape: if home { Shape::Circle } else { Shape::Diamond },
                tone,
                crashed: false,
                badge: if siblings {
                    format!("{}×", s.items().len())
                } else {
                    s.version().to_string()
                },
                label: if siblings {
                    format!(
                        "{role_text} · {} {}",
                        s.items().len(),
                        t(lang, &tx::SIBLINGS)
                    )
                } else {
                    format!("{role_text} · {}", s.version())
                },
                ring: timer_left(w, id, &QTimer::Handoff),
                term: None,
                details: vec![
                    (
                        tr(lang, Text::Key(Key::Status)).to_string(),
                        format!(
                            "{role_text} · {}",
                            t(
                                lang,
                                if siblings {
                                    &tx::HOLDS_SIBLINGS
                                } else if fresh {
                                    &tx::NEWEST
                                } else {
                                    &tx::OLDER
                                }
                            )
                        ),
                    ),
                    (
                        format!("{} · {}", t(lang, &tx::VALUE), t(lang, &tx::VERSION)),
                        Self::items_text(s.items()),
                    ),
                    (
                        t(lang, &tx::HINTS),
                        s.hints()
                            .iter()
                            .map(|h| format!("{}: {} ({})", self.names[h.home], h.value, h.version))
                            .collect::<Vec<_>>()
                            .join(" · "),
                    ),
                ],
                commands: vec![],
                strip: StripVis::from_cells(cells),
            }
        } else {
            let c = n.client().expect("a node is a server or a client");
            let m = w.monitor();
            let ops = c.history();
            let hidden = ops.len().saturating_sub(SHOWN);
            let cells = ops
                .iter()
                .skip(hidden)
                .map(|o| {
                    op_cell(
                        o,
                        m.stale().contains(&o.op),
                        m.failed_seen().contains(&o.op),
                        lang,
                    )
                })
                .collect();
            let waiting = c.waiting().is_some();
            let progress = c
                .progress(&self.cfg)
                .map_or("–".into(), |(have, need)| format!("{have} / {need}"));
            let label = match c.waiting() {
                Some(o) => format!(
                    "{} · {progress}",
                    t(
                        lang,
                        if o.write.is_some() {
                            &tx::WRITE
                        } else {
                            &tx::READ
                        }
                    )
                ),
                None => t(lang, &tx::IDLE),
            };
            let badge = match ops.last() {
                Some(o) if o.waiting() => o.write.map_or("R…".into(), |v| format!("W{v}")),
                Some(o) => match (o.write, o.read) {
                    (Some(v), _) => format!("{v}{}", if o.failed { "✗" } else { "✓" }),
                    (None, Some(r)) => format!("={r}"),
                    _ => "✗".into(),
                },
                None => "–".into(),
            };
            let idle = alive && !waiting;
            NodeVis {
                id,
                name: self.names[id].clone(),
                role: "client",
                state: if waiting { "waiting" } else { "idle" },
                shape: Shape::Square,
                tone: if waiting { "blue" } else { "grey" },
                crashed: false,
                badge,
                label,
                ring: timer_left(w, id, &QTimer::Timeout),
                term: None,
                details: vec![
                    (
                        tr(lang, Text::Key(Key::Status)).to_string(),
                        t(lang, if waiting { &tx::WAITING } else { &tx::IDLE }),
                    ),
                    (t(lang, &tx::PROGRESS), progress),
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

    fn msg_style(&self, m: &QMsg) -> MsgStyle {
        KINDS[match m {
            QMsg::VersionQuery { .. } => 0,
            QMsg::VersionReply { .. } => 1,
            QMsg::Put { hint: None, .. } => 2,
            QMsg::Put { hint: Some(_), .. } => 3,
            QMsg::PutAck { .. } => 4,
            QMsg::Get { .. } => 5,
            QMsg::GetReply { .. } => 6,
            QMsg::Handoff { .. } => 7,
            QMsg::HandoffAck { .. } => 8,
        }]
    }

    fn msg_detail(&self, m: &QMsg) -> String {
        match m {
            QMsg::VersionReply { version, .. } => version.to_string(),
            QMsg::Put {
                items, hint: None, ..
            }
            | QMsg::Handoff { items }
            | QMsg::HandoffAck { items }
            | QMsg::GetReply { items, .. } => Self::items_text(items),
            QMsg::Put {
                items,
                hint: Some(h),
                ..
            } => format!("{} · →{}", Self::items_text(items), self.names[*h]),
            QMsg::VersionQuery { .. } | QMsg::Get { .. } | QMsg::PutAck { .. } => String::new(),
        }
    }

    fn msg_fields(&self, m: &QMsg, _lang: Lang) -> Vec<(&'static Tx, String)> {
        let f = |k: &'static Tx, v: String| (k, v);
        let op =
            |o: &crate::protocols::quorum::OpId| f(&F::OP, format!("{}#{}", self.names[o.0], o.1));
        let items = |i: &[Item]| {
            f(
                if i.len() > 1 {
                    &F::SIBLINGS
                } else {
                    &F::VALUE_VERSION
                },
                Self::items_text(i),
            )
        };
        match m {
            QMsg::VersionQuery { op: o } | QMsg::Get { op: o } | QMsg::PutAck { op: o } => {
                vec![op(o)]
            }
            QMsg::VersionReply { op: o, version } => {
                vec![op(o), f(&F::VERSION, version.to_string())]
            }
            QMsg::Put {
                op: o,
                items: i,
                hint,
            } => vec![
                op(o),
                items(i),
                f(&F::HINT, hint.map_or("–".into(), |h| self.names[h].clone())),
            ],
            QMsg::GetReply { op: o, items: i } => vec![op(o), items(i)],
            QMsg::Handoff { items: i } | QMsg::HandoffAck { items: i } => vec![items(i)],
        }
    }

    fn timer_name(&self, timer: &QTimer) -> Option<Text> {
        Some(Text::Page(match timer {
            QTimer::Timeout => &tx::T_TIMEOUT,
            QTimer::Workload => &tx::T_WORKLOAD,
            QTimer::Handoff => &tx::T_HANDOFF,
        }))
    }

    fn narrate(&self, lang: Lang, note: &QNote) -> String {
        tx::narrate(lang, note, &self.names)
    }

    fn cmd_text(&self, cmd: &QCmd) -> CmdText {
        CmdText::Named(Text::Page(match cmd {
            QCmd::Write => &tx::WRITE,
            QCmd::Read => &tx::READ,
        }))
    }

    fn command(&mut self, _w: &World<QNode>, node: NodeId, id: &str) -> Option<QCmd> {
        if !self.cfg.is_client(node) {
            return None;
        }
        match id {
            "write" => Some(QCmd::Write),
            "read" => Some(QCmd::Read),
            _ => None,
        }
    }

    fn status(&self, w: &World<QNode>, lang: Lang) -> Vec<StatusVis> {
        let c = &self.cfg;
        let m = w.monitor();
        let mark = |ok: bool| if ok { "✓" } else { "✗" };
        let failed: usize = self.clients(w).iter().map(|c| c.failed_writes()).sum();
        let hints: usize = (0..c.servers)
            .filter_map(|i| w.node(i).server())
            .map(|s| s.hints().len())
            .sum();
        let mut out = vec![
            StatusVis {
                key: "nwr",
                label: t(lang, &tx::STATUS_NWR),
                value: format!(
                    "N={} W={} R={} · W+R>N {} · W>N/2 {} · {}: {}",
                    c.n,
                    c.w,
                    c.r,
                    mark(c.overlapping()),
                    mark(c.write_majority()),
                    t(lang, &tx::STATUS_PROMISE),
                    t(
                        lang,
                        if c.promises_fresh_reads() {
                            &tx::YES
                        } else {
                            &tx::NO
                        }
                    ),
                ),
                alarm: false,
            },
            StatusVis {
                key: "stale",
                label: t(lang, &tx::STATUS_STALE),
                value: m.stale().len().to_string(),
                alarm: !m.stale().is_empty(),
            },
            StatusVis {
                key: "failed",
                label: t(lang, &tx::STATUS_FAILED),
                value: format!("{failed} / {}", m.failed_seen().len()),
                alarm: !m.failed_seen().is_empty(),
            },
        ];
        // Each mode's own figure, shown only where it can be other than nothing (the
        // status stays one row on a laptop's first screen).
        if c.sloppy || hints > 0 {
            out.push(StatusVis {
                key: "hints",
                label: t(lang, &tx::STATUS_HINTS),
                value: hints.to_string(),
                alarm: false,
            });
        }
        if c.vector_clocks {
            let siblings: usize = (0..c.servers)
                .filter_map(|i| w.node(i).server())
                .filter(|s| s.items().len() > 1)
                .count();
            out.push(StatusVis {
                key: "versions",
                label: t(lang, &tx::VERSIONS),
                value: format!(
                    "{} · {}: {siblings}",
                    t(lang, &tx::VECTOR_CLOCKS),
                    t(lang, &tx::STATUS_SIBLINGS)
                ),
                alarm: siblings > 0,
            });
        }
        out
    }

    fn roles(&self, lang: Lang) -> Vec<(Shape, &'static str, String)> {
        vec![
            (
                Shape::Circle,
                "green",
                format!("{} · {}", t(lang, &tx::HOME), t(lang, &tx::NEWEST)),
            ),
            (
                Shape::Circle,
                "amber",
                format!("{} · {}", t(lang, &tx::HOME), t(lang, &tx::OLDER)),
            ),
            (
                Shape::Circle,
                "v1",
                format!("{} · {}", t(lang, &tx::HOME), t(lang, &tx::HOLDS_SIBLINGS)),
            ),
            (
                Shape::Diamond,
                "violet",
                format!("{} · {}", t(lang, &tx::STAND_IN), t(lang, &tx::HINTS)),
            ),
            (
                Shape::Square,
                "blue",
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

    /// Stand-ins and handoffs get marks; operations are intervals ([`Self::spans`]).
    fn mark(&self, note: &QNote) -> Option<(Text, Option<NodeId>)> {
        match note {
            QNote::Stored { hint: Some(h), .. } => Some((Text::Page(&tx::STAND_IN), Some(*h))),
            QNote::HandedOff { home, .. } => Some((Text::Page(&tx::MSG_HANDOFF), Some(*home))),
            QNote::Repairing { .. } => Some((Text::Page(&tx::REPAIR), None)),
            _ => None,
        }
    }

    fn details(&self) -> &'static [crate::ui::core::text::Tx] {
        super::texts::DETAILS
    }

    fn rule_name(&self, rule: &'static str) -> Text {
        match rule {
            NO_STALE_READS => Text::Page(&tx::RULE_NO_STALE),
            _ => Text::Key(Key::ViolationTitle),
        }
    }

    fn kinds(&self) -> Vec<MsgStyle> {
        KINDS.to_vec()
    }

    /// Each client operation from its invocation to its answer (a failed one to the
    /// moment it gave up is not known: drawn open, as a waiting one).
    fn spans(&self, w: &World<QNode>, lang: Lang, from: SimTime) -> Vec<OpSpan> {
        let m = w.monitor();
        (0..w.len())
            .filter_map(|i| Some((i, w.node(i).client()?)))
            .flat_map(|(node, c)| {
                op_spans(node, c.history(), from, at, move |o| {
                    op_look(
                        o,
                        m.stale().contains(&o.op),
                        m.failed_seen().contains(&o.op),
                        lang,
                        true,
                    )
                })
            })
            .collect()
    }

    /// The clients' history (rebuilt only when an operation starts or ends).
    fn data(&self, w: &World<QNode>) -> Option<PageData> {
        let seen: Vec<Vec<Seen>> = self
            .clients(w)
            .into_iter()
            .map(|c| seen_by(c, MAX_CHECKED_OPS + 1))
            .collect();
        Some(self.history.get(fingerprint(&seen), || {
            recorded(&seen, |n| self.names[n].clone(), record::key)
        }))
    }
}
