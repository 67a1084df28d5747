//! How the CAP page looks: servers ● (green: the newest write; amber: an older one;
//! violet: siblings), clients ■ at the two ends; per side, answered and stale counts;
//! refused operations and lost writes in red.

use crate::protocols::cap::client::{seen as seen_by, Client, ClientOp};
use crate::protocols::cap::{
    CapCmd, CapConfig, CapMsg, CapNode, CapNote, CapPreset, CapTimer, Merge, Mode, CP_MAJORITY,
};
use crate::protocols::consistency::record::{self, fingerprint, recorded, Seen, MAX_CHECKED_OPS};
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

const SHOWN: usize = 10;

#[derive(Clone)]
pub struct CapAdapter {
    names: Vec<String>,
    cfg: CapConfig,
    history: DataCache,
}

fn preset(slug: Option<&str>) -> Option<CapPreset> {
    CapPreset::ALL.into_iter().find(|p| Some(p.slug()) == slug)
}

pub fn preset_settings(sc: &mut Scenario) {
    if let Some(p) = preset(sc.preset) {
        let latency = crate::protocols::cap::presets::LATENCY;
        sc.set_lossless_latency(latency, latency);
        sc.nodes = 3;
        let (mode, merge) = p.mode();
        sc.set_param(&super::MODE, u64::from(mode == Mode::Ap));
        sc.set_param(&super::MERGE, u64::from(merge == Merge::Siblings));
        sc.set_param(&super::RATE, 0);
    }
}

pub fn config(sc: &Scenario) -> CapConfig {
    let rate = sc.param(&super::RATE);
    CapConfig {
        servers: sc.nodes,
        mode: if sc.param(&super::MODE) == 1 {
            Mode::Ap
        } else {
            Mode::Cp
        },
        merge: if sc.param(&super::MERGE) == 1 {
            Merge::Siblings
        } else {
            Merge::Lww
        },
        workload: (rate > 0).then(|| 1_000 * MS / rate),
        minority_accepts: sc.param(&super::MINORITY) == 1,
        ..CapConfig::default()
    }
}

pub fn build(sc: &Scenario) -> Sim<CapAdapter> {
    let cfg = config(sc);
    let world = World::new(
        crate::ui::core::runner::world_config(sc),
        CapNode::cluster(&cfg),
    );
    let names = (0..cfg.size()).map(|i| cfg.name(i)).collect();
    let script = preset(sc.preset)
        .map(|p| p.script(&cfg))
        .unwrap_or_default();
    Sim::new(
        world,
        CapAdapter {
            names,
            cfg,
            history: Default::default(),
        },
    )
    .with_script(script)
}

const KINDS: [MsgStyle; 9] = [
    MsgStyle::page("msg-q-put", "W", &tx::MSG_WRITE),
    MsgStyle::page("msg-q-get", "R", &tx::MSG_READ),
    MsgStyle::page("msg-q-ack", "ok", &tx::MSG_OK),
    MsgStyle::page("msg-q-value", "=", &tx::MSG_VALUE),
    MsgStyle::page("msg-ps-missing", "✗", &tx::MSG_REFUSED),
    MsgStyle::page("msg-q-query", "?", &tx::MSG_QUERY),
    MsgStyle::page("msg-q-version", "v", &tx::MSG_QUERY_REPLY),
    MsgStyle::page("msg-q-handoff", "S", &tx::MSG_STORE),
    MsgStyle::page("msg-q-handoff-ack", "✓", &tx::MSG_STORE_ACK),
];

fn t(lang: Lang, x: &'static crate::ui::core::text::Tx) -> String {
    tr(lang, Text::Page(x)).to_string()
}

fn values(o: &ClientOp) -> String {
    o.read
        .iter()
        .map(|v| v.to_string())
        .collect::<Vec<_>>()
        .join("|")
}

/// An operation's label and class: `W 12 ✓`, `R → 12|21`, refused or lost in red.
fn op_look(
    o: &ClientOp,
    stale: bool,
    lost: bool,
    lang: Lang,
    short: bool,
) -> (String, &'static str) {
    let (wr, rd) = if short {
        (t(lang, &tx::SPAN_W), t(lang, &tx::SPAN_R))
    } else {
        (t(lang, &tx::WRITE), t(lang, &tx::READ))
    };
    match o.write {
        Some(v) if o.refused => (format!("{wr} {v} ✗ {}", t(lang, &tx::REFUSED)), "op-lost"),
        Some(v) if lost => (format!("{wr} {v} ✗ {}", t(lang, &tx::LOST)), "op-lost"),
        Some(v) if o.respond.is_some() => (format!("{wr} {v} ✓"), "op-write"),
        Some(v) => (format!("{wr} {v} …"), "op-waiting"),
        None if o.refused => (format!("{rd} ✗ {}", t(lang, &tx::REFUSED)), "op-lost"),
        None if o.respond.is_some() && stale => (
            format!("{rd} → {} ✗ {}", values(o), t(lang, &tx::STALE)),
            "op-lost",
        ),
        None if o.respond.is_some() => (format!("{rd} → {}", values(o)), "op-read"),
        None => (format!("{rd} …"), "op-waiting"),
    }
}

impl CapAdapter {
    fn clients<'a>(&self, w: &'a World<CapNode>) -> Vec<(NodeId, &'a Client)> {
        (0..w.len())
            .filter_map(|i| Some((i, w.node(i).client()?)))
            .collect()
    }
}

/// A client operation's key, invocation and response, for the space-time diagram.
fn at(o: &ClientOp) -> (u64, SimTime, Option<SimTime>) {
    (record::key(o.op), o.invoke, o.respond)
}

impl Adapter for CapAdapter {
    type P = CapNode;

    fn names(&self) -> &[String] {
        &self.names
    }

    fn node(&self, w: &World<CapNode>, id: NodeId, lang: Lang) -> NodeVis {
        let alive = w.is_alive(id);
        let vis = if let Some(s) = w.node(id).server() {
            let newest = (0..self.cfg.servers)
                .filter_map(|i| w.node(i).server())
                .map(|s| s.newest().stamp)
                .max()
                .unwrap_or_default();
            let (tone, state, key) = if s.items().len() > 1 {
                ("violet", "siblings", &tx::SIBLINGS)
            } else if s.newest().stamp >= newest {
                ("green", "newest", &tx::NEWEST)
            } else {
                ("amber", "older", &tx::OLDER)
            };
            let cells = s
                .items()
                .iter()
                .map(|i| CellVis {
                    top: if self.cfg.mode == Mode::Ap {
                        format!("{} ms", i.stamp.counter / MS)
                    } else {
                        format!("v{}", i.stamp.counter)
                    },
                    main: i.value.to_string(),
                    sub: String::new(),
                    class: format!("t{}", i.value % 8),
                    value: i.value.to_string(),
                    done: true,
                    title: format!(
                        "{} {} · {} {}.{}",
                        t(lang, &tx::VALUE),
                        i.value,
                        t(lang, &tx::STAMP),
                        i.stamp.counter,
                        i.stamp.server + 1
                    ),
                })
                .collect();
            let values = s
                .items()
                .iter()
                .map(|i| i.value.to_string())
                .collect::<Vec<_>>()
                .join("|");
            let mut details = vec![
                (tr(lang, Text::Key(Key::Status)).to_string(), t(lang, key)),
                (t(lang, &tx::VALUE), values.clone()),
            ];
            if let Some((have, need)) = s.progress(&self.cfg) {
                details.push((t(lang, &tx::COORDINATING), format!("{have} / {need}")));
            }
            NodeVis {
                id,
                name: self.names[id].clone(),
                role: "server",
                state,
                shape: Shape::Circle,
                tone,
                crashed: false,
                badge: values.clone(),
                label: format!("{} · {values}", t(lang, &tx::SERVER)),
                ring: timer_left(w, id, &CapTimer::QuorumTimeout),
                term: None,
                details,
                commands: vec![],
                strip: StripVis::from_cells(cells),
            }
        } else {
            let c = w.node(id).client().expect("a node is a server or a client");
            let m = w.monitor();
            let ops = c.history();
            let hidden = ops.len().saturating_sub(SHOWN);
            let cells = ops
                .iter()
                .skip(hidden)
                .map(|o| {
                    let (label, class) = op_look(
                        o,
                        m.stale().contains(&o.op),
                        m.lost().contains(&o.op),
                        lang,
                        false,
                    );
                    let (top, main) = label
                        .split_once(' ')
                        .map_or((label.clone(), String::new()), |(a, b)| {
                            (a.to_string(), b.to_string())
                        });
                    CellVis {
                        title: format!("{label} · {} ms", o.invoke / MS),
                        value: main.clone(),
                        top,
                        main,
                        sub: String::new(),
                        class: if class == "op-write" || class == "op-read" {
                            "op-done".into()
                        } else {
                            class.into()
                        },
                        done: !o.waiting(),
                    }
                })
                .collect();
            let waiting = c.waiting().is_some();
            let idle = alive && !waiting;
            NodeVis {
                id,
                name: self.names[id].clone(),
                role: "client",
                state: if waiting { "waiting" } else { "idle" },
                shape: Shape::Square,
                tone: if waiting { "blue" } else { "grey" },
                crashed: false,
                badge: ops.last().map_or("–".into(), |o| match o.write {
                    _ if o.refused => "✗".into(),
                    Some(v) => format!("{v}"),
                    None => format!("={}", values(o)),
                }),
                label: t(lang, if waiting { &tx::WAITING } else { &tx::IDLE }),
                ring: timer_left(w, id, &CapTimer::ClientTimeout),
                term: None,
                details: vec![
                    (
                        tr(lang, Text::Key(Key::Status)).to_string(),
                        t(lang, if waiting { &tx::WAITING } else { &tx::IDLE }),
                    ),
                    (t(lang, &tx::TALKS_TO), self.names[c.home].clone()),
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

    fn msg_style(&self, m: &CapMsg) -> MsgStyle {
        KINDS[match m {
            CapMsg::Write { .. } => 0,
            CapMsg::Read { .. } => 1,
            CapMsg::WriteOk { .. } => 2,
            CapMsg::ReadOk { .. } => 3,
            CapMsg::Refused { .. } => 4,
            CapMsg::Query { .. } => 5,
            CapMsg::QueryReply { .. } => 6,
            CapMsg::Store { .. } => 7,
            CapMsg::StoreAck { .. } => 8,
        }]
    }

    fn msg_detail(&self, m: &CapMsg) -> String {
        match m {
            CapMsg::Write { value, .. } => value.to_string(),
            CapMsg::ReadOk { values, .. } => values
                .iter()
                .map(|v| v.to_string())
                .collect::<Vec<_>>()
                .join("|"),
            CapMsg::QueryReply { item, .. } => item.value.to_string(),
            CapMsg::Store { items, .. } => items
                .iter()
                .map(|i| i.value.to_string())
                .collect::<Vec<_>>()
                .join("|"),
            _ => String::new(),
        }
    }

    fn msg_fields(&self, m: &CapMsg, _lang: Lang) -> Vec<(&'static Tx, String)> {
        let f = |k: &'static Tx, v: String| (k, v);
        let op =
            |o: &crate::protocols::cap::OpId| f(&F::OP, format!("{}#{}", self.names[o.0], o.1));
        let item = |i: &crate::protocols::cap::Item| {
            format!(
                "{} @{}.{} vv{:?}",
                i.value,
                i.stamp.counter,
                i.stamp.server + 1,
                i.vv
            )
        };
        match m {
            CapMsg::Write { op: o, value } => vec![op(o), f(&F::VALUE, value.to_string())],
            CapMsg::Read { op: o } | CapMsg::Refused { op: o } => vec![op(o)],
            CapMsg::WriteOk { op: o, stamp } => vec![
                op(o),
                f(&F::STAMP, format!("{}.{}", stamp.counter, stamp.server + 1)),
            ],
            CapMsg::ReadOk { op: o, values, .. } => {
                vec![op(o), f(&F::VALUES, format!("{values:?}"))]
            }
            CapMsg::Query { round } | CapMsg::StoreAck { round } => {
                vec![f(&F::ROUND, round.to_string())]
            }
            CapMsg::QueryReply { round, item: i } => {
                vec![f(&F::ROUND, round.to_string()), f(&F::ITEM, item(i))]
            }
            CapMsg::Store { round, items } => vec![
                f(&F::ROUND, round.to_string()),
                f(
                    &F::ITEMS,
                    items.iter().map(item).collect::<Vec<_>>().join(", "),
                ),
            ],
        }
    }

    fn timer_name(&self, timer: &CapTimer) -> Option<Text> {
        Some(Text::Page(match timer {
            CapTimer::ClientTimeout => &tx::T_CLIENT,
            CapTimer::QuorumTimeout => &tx::T_QUORUM,
            CapTimer::Sync => &tx::T_SYNC,
            CapTimer::Workload => &tx::T_WORKLOAD,
        }))
    }

    fn narrate(&self, lang: Lang, note: &CapNote) -> String {
        tx::narrate(lang, note)
    }

    fn cmd_text(&self, cmd: &CapCmd) -> CmdText {
        CmdText::Named(Text::Page(match cmd {
            CapCmd::Write => &tx::WRITE,
            CapCmd::Read => &tx::READ,
        }))
    }

    fn command(&mut self, _w: &World<CapNode>, node: NodeId, id: &str) -> Option<CapCmd> {
        if !self.cfg.is_client(node) {
            return None;
        }
        match id {
            "write" => Some(CapCmd::Write),
            "read" => Some(CapCmd::Read),
            _ => None,
        }
    }

    fn status(&self, w: &World<CapNode>, lang: Lang) -> Vec<StatusVis> {
        let m = w.monitor();
        let mode = match (self.cfg.mode, self.cfg.merge) {
            (Mode::Cp, _) => t(lang, &tx::SHORT_CP),
            (Mode::Ap, Merge::Lww) => {
                format!("{} · {}", t(lang, &tx::SHORT_AP), t(lang, &tx::MERGE_LWW))
            }
            (Mode::Ap, Merge::Siblings) => format!(
                "{} · {}",
                t(lang, &tx::SHORT_AP),
                t(lang, &tx::MERGE_SIBLINGS)
            ),
        };
        let mut out = vec![StatusVis {
            key: "mode",
            label: t(lang, &tx::STATUS_MODE),
            value: mode,
            alarm: false,
        }];
        for (k, (id, c)) in self.clients(w).into_iter().enumerate() {
            let tally = c.tally();
            // The monitor's stale reads of this client: its range of operation ids.
            let stale = m.stale().range((id, 0)..=(id, u64::MAX)).count();
            let mean = if tally.answered == 0 {
                "–".to_string()
            } else {
                format!(
                    "{} {} ms",
                    t(lang, &tx::MEAN),
                    tally.latency_sum / tally.answered as u64 / MS
                )
            };
            out.push(StatusVis {
                key: ["side-a", "side-b", "side-c", "side-d"][k.min(3)],
                label: format!("{} {}", self.names[id], t(lang, &tx::STATUS_SIDE)),
                value: format!(
                    "{} {}/{} · {} {stale} · {mean}",
                    t(lang, &tx::ANSWERED),
                    tally.answered,
                    tally.done,
                    t(lang, &tx::STALE),
                ),
                alarm: tally.answered < tally.done || stale > 0,
            });
        }
        out.push(StatusVis {
            key: "lost",
            label: t(lang, &tx::STATUS_LOST),
            value: m.lost().len().to_string(),
            alarm: !m.lost().is_empty(),
        });
        out.push(StatusVis {
            key: "pacelc",
            label: t(lang, &tx::STATUS_PACELC),
            value: t(
                lang,
                if self.cfg.mode == Mode::Cp {
                    &tx::PACELC_CP
                } else {
                    &tx::PACELC_AP
                },
            ),
            alarm: false,
        });
        out
    }

    fn roles(&self, lang: Lang) -> Vec<(Shape, &'static str, String)> {
        vec![
            (Shape::Circle, "green", t(lang, &tx::NEWEST)),
            (Shape::Circle, "amber", t(lang, &tx::OLDER)),
            (Shape::Circle, "violet", t(lang, &tx::SIBLINGS)),
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

    fn mark(&self, note: &CapNote) -> Option<(Text, Option<NodeId>)> {
        match note {
            CapNote::NoQuorum { .. } => Some((Text::Page(&tx::REFUSED), None)),
            CapNote::Overwritten { .. } => Some((Text::Page(&tx::LOST), None)),
            CapNote::Siblings { .. } => Some((Text::Page(&tx::SIBLINGS), None)),
            _ => None,
        }
    }

    fn details(&self) -> &'static [crate::ui::core::text::Tx] {
        super::texts::DETAILS
    }

    fn rule_name(&self, rule: &'static str) -> Text {
        match rule {
            CP_MAJORITY => Text::Page(&tx::RULE_CP),
            _ => Text::Key(Key::ViolationTitle),
        }
    }

    fn kinds(&self) -> Vec<MsgStyle> {
        KINDS.to_vec()
    }

    fn spans(&self, w: &World<CapNode>, lang: Lang, from: SimTime) -> Vec<OpSpan> {
        let m = w.monitor();
        self.clients(w)
            .into_iter()
            .flat_map(|(node, c)| {
                op_spans(node, c.history(), from, at, move |o| {
                    op_look(
                        o,
                        m.stale().contains(&o.op),
                        m.lost().contains(&o.op),
                        lang,
                        true,
                    )
                })
            })
            .collect()
    }

    fn data(&self, w: &World<CapNode>) -> Option<PageData> {
        let seen: Vec<Vec<Seen>> = self
            .clients(w)
            .into_iter()
            .map(|(_, c)| seen_by(c, MAX_CHECKED_OPS + 1))
            .collect();
        Some(self.history.get(fingerprint(&seen), || {
            recorded(&seen, |n| self.names[n].clone(), record::key)
        }))
    }
}
