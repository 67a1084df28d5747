//! How the lease page looks: the server ■ S (its value, the leases out, a write waiting),
//! the holders ● (green: a lease valid on their own clock; amber: checked and working on
//! a read; grey: no lease) with the reads they answered (stale ones red), the writer ■ W;
//! on the space-time diagram each holder's lease as a span, red where it broke a rule.

use crate::protocols::lease::holder::Read;
use crate::protocols::lease::invariants::Bad;
use crate::protocols::lease::{
    LeaseCmd, LeaseConfig, LeaseMsg, LeaseNode, LeaseNote, LeasePreset, LeaseTimer, Mode,
    NO_STALE_READ, ONE_PRIMARY, SERVER,
};
use crate::sim::SimTime;
use crate::sim::{ClockSpec, NodeId, World, MS};
use crate::ui::core::i18n::fields as F;
use crate::ui::core::i18n::{CmdText, Key, Lang};
use crate::ui::core::runner::{timer_left, Adapter, Sim};
use crate::ui::core::scenario::Scenario;
use crate::ui::core::text::Tx;
use crate::ui::core::text::{tr, Text};
use crate::ui::core::view::{
    CellVis, CommandVis, MsgStyle, NodeVis, OpSpan, Shape, StatusVis, StripVis,
};

use super::texts as tx;

/// Cells a strip shows (the newest).
const SHOWN: usize = 10;

/// The holders' clock drift per `drift` choice, in ppm.
const DRIFTS: [i64; 4] = [0, -50_000, -250_000, 250_000];

#[derive(Clone)]
pub struct LeaseAdapter {
    names: Vec<String>,
    cfg: LeaseConfig,
    drift: i64,
}

fn preset(slug: Option<&str>) -> Option<LeasePreset> {
    LeasePreset::ALL
        .into_iter()
        .find(|p| Some(p.slug()) == slug)
}

/// A preset runs on a fixed 10 ms latency with two holders and its own settings.
pub fn preset_settings(sc: &mut Scenario) {
    if let Some(p) = preset(sc.preset) {
        let latency = crate::protocols::lease::presets::LATENCY;
        sc.set_lossless_latency(latency, latency);
        let (cfg, drift) = p.config();
        sc.nodes = cfg.holders;
        sc.set_param(&super::MODE, u64::from(cfg.mode == Mode::Leader));
        sc.set_param(&super::PERIOD, cfg.period / MS);
        sc.set_param(&super::MARGIN, cfg.margin / MS);
        sc.set_param(&super::EVERY, cfg.duty_every / MS);
        sc.set_param(&super::WORK, cfg.work / MS);
        sc.set_param(&super::RECHECK, u64::from(cfg.recheck));
        sc.set_param(&super::WRITES, cfg.write_every.map_or(0, |w| w / MS));
        sc.set_param(
            &super::DRIFT,
            DRIFTS.iter().position(|d| *d == drift).unwrap_or(0) as u64,
        );
    }
}

pub fn config(sc: &Scenario) -> LeaseConfig {
    let period = sc.param(&super::PERIOD) * MS;
    LeaseConfig {
        mode: if sc.param(&super::MODE) == 1 {
            Mode::Leader
        } else {
            Mode::Cache
        },
        holders: sc.nodes,
        period,
        // A margin as long as the lease would leave no lease at all.
        margin: (sc.param(&super::MARGIN) * MS).min(period.saturating_sub(MS)),
        duty_every: sc.param(&super::EVERY) * MS,
        work: sc.param(&super::WORK) * MS,
        recheck: sc.param(&super::RECHECK) == 1,
        write_every: (sc.param(&super::WRITES) > 0).then(|| sc.param(&super::WRITES) * MS),
    }
}

pub fn build(sc: &Scenario) -> Sim<LeaseAdapter> {
    let cfg = config(sc);
    let drift = DRIFTS[(sc.param(&super::DRIFT) as usize).min(DRIFTS.len() - 1)];
    let world_cfg = crate::sim::WorldConfig {
        clocks: (0..cfg.size())
            .map(|i| ClockSpec {
                drift_ppm: if (1..=cfg.holders).contains(&i) {
                    drift
                } else {
                    0
                },
                offset: 0,
            })
            .collect(),
        ..crate::ui::core::runner::world_config(sc)
    };
    let world = World::new(world_cfg, LeaseNode::cluster(&cfg));
    let names = (0..cfg.size()).map(|i| cfg.name(i)).collect();
    let script = preset(sc.preset)
        .map(|p| p.script(&cfg))
        .unwrap_or_default();
    Sim::new(world, LeaseAdapter { names, cfg, drift }).with_script(script)
}

const KINDS: [MsgStyle; 8] = [
    MsgStyle::page("msg-q-query", "?", &tx::MSG_ACQUIRE),
    MsgStyle::page("msg-q-ack", "L", &tx::MSG_GRANTED),
    MsgStyle::page("msg-q-value", "=", &tx::MSG_VALUE_ONLY),
    MsgStyle::page("msg-ps-missing", "✗", &tx::MSG_REFUSED),
    MsgStyle::page("msg-q-hinted", "!", &tx::MSG_INVALIDATE),
    MsgStyle::page("msg-q-handoff-ack", "✓", &tx::MSG_ACK),
    MsgStyle::page("msg-q-put", "W", &tx::MSG_WRITE),
    MsgStyle::page("msg-ps-write-ok", "ok", &tx::MSG_WRITTEN),
];

fn t(lang: Lang, x: &'static crate::ui::core::text::Tx) -> String {
    tr(lang, Text::Page(x)).to_string()
}

impl LeaseAdapter {
    fn local_ms(w: &World<LeaseNode>, id: NodeId) -> u64 {
        w.local_time(id).max(0) as u64
    }

    fn server_vis(&self, w: &World<LeaseNode>, id: NodeId, lang: Lang) -> NodeVis {
        let s = w.node(id).server().expect("node 0 is the server");
        let now = Self::local_ms(w, id);
        let holders: Vec<String> = s
            .holders_at(now)
            .into_iter()
            .map(|h| self.names[h].clone())
            .collect();
        let waits: Vec<String> = s
            .waiting_for()
            .iter()
            .map(|&h| self.names[h].clone())
            .collect();
        let applied = s.applied();
        let hidden = applied.len().saturating_sub(SHOWN);
        let cells = applied
            .recent()
            .skip(applied.recent().len().saturating_sub(SHOWN))
            .map(|a| CellVis {
                top: format!("{} ms", a.at / MS),
                main: format!("v{}", a.value.version),
                sub: if a.waited >= MS {
                    format!("{} {} ms", t(lang, &tx::WAITED), a.waited / MS)
                } else {
                    String::new()
                },
                value: a.value.version.to_string(),
                class: if a.after_expiry {
                    "op-waiting".into()
                } else {
                    "op-done".into()
                },
                done: true,
                title: format!("v{} = {}", a.value.version, a.value.value),
            })
            .collect();
        let lead = match self.cfg.mode {
            Mode::Cache => format!(
                "{} {}",
                t(lang, &tx::LEASES_AT_S),
                if holders.is_empty() {
                    "–".into()
                } else {
                    holders.join(" ")
                }
            ),
            Mode::Leader => format!(
                "{} {}",
                t(lang, &tx::PRIMARY),
                s.latest_grantee()
                    .map_or("–".to_string(), |g| self.names[g].clone())
            ),
        };
        let label = if waits.is_empty() {
            lead.clone()
        } else {
            format!("{lead} · {} {}", t(lang, &tx::WAITS_FOR), waits.join(" "))
        };
        NodeVis {
            id,
            name: self.names[id].clone(),
            role: "server",
            state: if waits.is_empty() { "idle" } else { "waiting" },
            shape: Shape::Square,
            tone: "blue",
            crashed: false,
            badge: format!("v{}", s.value().version),
            label,
            ring: timer_left(w, id, &LeaseTimer::WriteDue),
            term: None,
            details: vec![
                (
                    "value".into(),
                    format!("v{} = {}", s.value().version, s.value().value),
                ),
                (
                    t(lang, &tx::STATUS_LEASES),
                    if holders.is_empty() {
                        "–".into()
                    } else {
                        holders.join(" ")
                    },
                ),
                (
                    t(lang, &tx::STATUS_WAITS),
                    if waits.is_empty() {
                        "–".into()
                    } else {
                        waits.join(" ")
                    },
                ),
            ],
            commands: vec![],
            strip: StripVis {
                hidden,
                ..StripVis::from_cells(cells)
            },
        }
    }

    fn stale_at(&self, w: &World<LeaseNode>, id: NodeId, r: &Read) -> bool {
        // The monitor's findings come in about time order: from the newest end.
        w.monitor()
            .stale()
            .iter()
            .rev()
            .take_while(|b| b.at + crate::sim::SEC >= r.at)
            .any(|b| b.node == id && b.at == r.at)
    }

    fn holder_vis(&self, w: &World<LeaseNode>, id: NodeId, lang: Lang) -> NodeVis {
        let h = w.node(id).holder().expect("a holder");
        let now = Self::local_ms(w, id);
        let valid = h.lease_valid(now);
        let (tone, state, word) = match (valid, h.working()) {
            (_, true) => ("amber", "working", &tx::WORKING),
            (true, false) => ("green", "holds", &tx::HOLDS),
            (false, false) => ("grey", "no-lease", &tx::NO_LEASE),
        };
        let left = h.lease_end().filter(|_| valid).map(|e| (e - now) / MS);
        let reads = h.reads();
        let hidden = reads.len().saturating_sub(SHOWN);
        let cells = reads
            .recent()
            .skip(reads.recent().len().saturating_sub(SHOWN))
            .map(|r| {
                let stale = self.stale_at(w, id, r);
                CellVis {
                    top: format!("{} ms", r.at / MS),
                    main: format!("v{}{}", r.value.version, if stale { " ✗" } else { "" }),
                    sub: if r.local {
                        t(lang, &tx::LEASE)
                    } else {
                        t(lang, &tx::FETCHED)
                    },
                    value: format!("v{}", r.value.version),
                    class: if stale {
                        "op-lost".into()
                    } else if r.local {
                        "op-done".into()
                    } else {
                        "op-read".into()
                    },
                    done: true,
                    title: if stale {
                        t(lang, &tx::STALE)
                    } else {
                        String::new()
                    },
                }
            })
            .collect();
        let label = match left {
            Some(l) => format!("{} {l} ms · v{}", t(lang, &tx::LEASE), h.value().version),
            None => format!("{} · v{}", t(lang, word), h.value().version),
        };
        NodeVis {
            id,
            name: self.names[id].clone(),
            role: if self.cfg.mode == Mode::Cache {
                "cache"
            } else {
                "replica"
            },
            state,
            shape: Shape::Circle,
            tone,
            crashed: false,
            badge: format!("v{}", h.value().version),
            label,
            ring: timer_left(w, id, &LeaseTimer::LeaseEnd),
            term: None,
            details: vec![
                (tr(lang, Text::Key(Key::Status)).to_string(), t(lang, word)),
                (
                    t(lang, &tx::LEFT_OWN),
                    left.map_or("–".into(), |l| format!("{l} ms")),
                ),
                (
                    "value".into(),
                    format!("v{} = {}", h.value().version, h.value().value),
                ),
            ],
            commands: vec![],
            strip: StripVis {
                hidden,
                ..StripVis::from_cells(cells)
            },
        }
    }

    fn writer_vis(&self, w: &World<LeaseNode>, id: NodeId, lang: Lang) -> NodeVis {
        let wr = w.node(id).writer().expect("the writer");
        let writes = wr.writes();
        let hidden = writes.len().saturating_sub(SHOWN);
        let cells = writes
            .recent()
            .skip(writes.recent().len().saturating_sub(SHOWN))
            .map(|x| CellVis {
                top: format!("{} ms", x.sent / MS),
                main: format!("W {}", x.id),
                sub: x
                    .done
                    .map_or("…".into(), |d| format!("{} ms", (d - x.sent) / MS)),
                value: x.id.to_string(),
                class: if x.done.is_some() {
                    "op-done".into()
                } else {
                    "op-waiting".into()
                },
                done: x.done.is_some(),
                title: String::new(),
            })
            .collect();
        NodeVis {
            id,
            name: self.names[id].clone(),
            role: "writer",
            state: "writer",
            shape: Shape::Square,
            tone: "violet",
            crashed: false,
            badge: writes.len().to_string(),
            label: format!("{} {}", t(lang, &tx::WRITES_DONE), wr.confirmed()),
            ring: timer_left(w, id, &LeaseTimer::NextWrite),
            term: None,
            details: vec![(t(lang, &tx::WRITES_DONE), writes.len().to_string())],
            commands: vec![CommandVis {
                id: "write",
                label: t(lang, &tx::WRITE),
                enabled: w.is_alive(id),
            }],
            strip: StripVis {
                hidden,
                ..StripVis::from_cells(cells)
            },
        }
    }
}

impl Adapter for LeaseAdapter {
    type P = LeaseNode;

    fn names(&self) -> &[String] {
        &self.names
    }

    fn node(&self, w: &World<LeaseNode>, id: NodeId, lang: Lang) -> NodeVis {
        let vis = if id == SERVER {
            self.server_vis(w, id, lang)
        } else if id == self.cfg.writer() {
            self.writer_vis(w, id, lang)
        } else {
            self.holder_vis(w, id, lang)
        };
        vis.crashed_if(!w.is_alive(id), lang)
    }

    fn msg_style(&self, m: &LeaseMsg) -> MsgStyle {
        KINDS[match m {
            LeaseMsg::Acquire { .. } => 0,
            LeaseMsg::Granted { period_ms: 0, .. } => 2,
            LeaseMsg::Granted { .. } => 1,
            LeaseMsg::Refused { .. } => 3,
            LeaseMsg::Invalidate { .. } => 4,
            LeaseMsg::Ack { .. } => 5,
            LeaseMsg::Write { .. } => 6,
            LeaseMsg::Written { .. } => 7,
        }]
    }

    fn msg_detail(&self, m: &LeaseMsg) -> String {
        match m {
            LeaseMsg::Acquire { req } => format!("#{req}"),
            LeaseMsg::Granted {
                period_ms, value, ..
            } => format!("v{} · {period_ms} ms", value.version),
            LeaseMsg::Refused { left_ms, .. } => format!("{left_ms} ms"),
            LeaseMsg::Invalidate { value } => format!("v{}", value.version),
            LeaseMsg::Ack { version } => format!("v{version}"),
            LeaseMsg::Write { value, .. } => format!("{value}"),
            LeaseMsg::Written { version, .. } => format!("v{version}"),
        }
    }

    fn msg_fields(&self, m: &LeaseMsg, _lang: Lang) -> Vec<(&'static Tx, String)> {
        let f = |k: &'static Tx, v: String| (k, v);
        match m {
            LeaseMsg::Acquire { req } => vec![f(&F::REQUEST, req.to_string())],
            LeaseMsg::Granted {
                req,
                period_ms,
                value,
            } => vec![
                f(&F::REQUEST, req.to_string()),
                f(&F::PERIOD, format!("{period_ms} ms")),
                f(&F::VERSION, value.version.to_string()),
                f(&F::VALUE, value.value.to_string()),
            ],
            LeaseMsg::Refused {
                req,
                holder,
                left_ms,
            } => vec![
                f(&F::REQUEST, req.to_string()),
                f(
                    &F::HOLDER,
                    holder.map_or("–".into(), |h| self.names[h].clone()),
                ),
                f(&F::LEFT, format!("{left_ms} ms")),
            ],
            LeaseMsg::Invalidate { value } => vec![
                f(&F::VERSION, value.version.to_string()),
                f(&F::VALUE, value.value.to_string()),
            ],
            LeaseMsg::Ack { version } => vec![f(&F::VERSION, version.to_string())],
            LeaseMsg::Write { id, value } => {
                vec![
                    f(&F::WRITE, id.to_string()),
                    f(&F::VALUE, value.to_string()),
                ]
            }
            LeaseMsg::Written { id, version } => vec![
                f(&F::WRITE, id.to_string()),
                f(&F::VERSION, version.to_string()),
            ],
        }
    }

    fn timer_name(&self, timer: &LeaseTimer) -> Option<Text> {
        Some(Text::Page(match timer {
            LeaseTimer::Duty => &tx::T_DUTY,
            LeaseTimer::LeaseEnd => &tx::T_LEASE_END,
            LeaseTimer::Work => &tx::T_WORK,
            LeaseTimer::WriteDue => &tx::T_WRITE_DUE,
            LeaseTimer::NextWrite => &tx::T_NEXT_WRITE,
        }))
    }

    fn narrate(&self, lang: Lang, note: &LeaseNote) -> String {
        tx::narrate(lang, note, &self.names)
    }

    fn cmd_text(&self, cmd: &LeaseCmd) -> CmdText {
        CmdText::Named(Text::Page(match cmd {
            LeaseCmd::Write => &tx::WRITE,
        }))
    }

    fn command(&mut self, _w: &World<LeaseNode>, node: NodeId, id: &str) -> Option<LeaseCmd> {
        (node == self.cfg.writer() && id == "write").then_some(LeaseCmd::Write)
    }

    fn status(&self, w: &World<LeaseNode>, lang: Lang) -> Vec<StatusVis> {
        let m = w.monitor();
        let s = w.node(SERVER).server();
        let names = |ids: Vec<NodeId>| {
            if ids.is_empty() {
                "–".to_string()
            } else {
                ids.iter()
                    .map(|&i| self.names[i].clone())
                    .collect::<Vec<_>>()
                    .join(" ")
            }
        };
        let stale = StatusVis {
            key: "stale",
            label: t(lang, &tx::STATUS_STALE),
            value: m.stale().len().to_string(),
            alarm: !m.stale().is_empty(),
        };
        match self.cfg.mode {
            Mode::Cache => {
                let bound = self.cfg.slowness_bound() * 100.0;
                let slow = -(self.drift as f64) / 10_000.0;
                let broken = slow > bound;
                let now = if self.drift < 0 {
                    format!(
                        " · {}",
                        t(lang, &tx::NOW_SLOW).replace("{}", &crate::decimal::fixed(slow, 0))
                    )
                } else if self.drift > 0 {
                    format!(
                        " · {}",
                        t(lang, &tx::NOW_FAST).replace("{}", &crate::decimal::fixed(-slow, 0))
                    )
                } else {
                    String::new()
                };
                vec![
                    StatusVis {
                        key: "leases",
                        label: t(lang, &tx::STATUS_LEASES),
                        value: s.map_or("–".into(), |s| {
                            names(s.holders_at(Self::local_ms(w, SERVER)))
                        }),
                        alarm: false,
                    },
                    StatusVis {
                        key: "waits",
                        label: t(lang, &tx::STATUS_WAITS),
                        value: s.map_or("–".into(), |s| names(s.waiting_for().to_vec())),
                        alarm: false,
                    },
                    stale,
                    StatusVis {
                        key: "bound",
                        label: t(lang, &tx::STATUS_BOUND),
                        value: format!(
                            "{}{now} {}",
                            t(lang, &tx::SLOW_AT_MOST)
                                .replace("{}", &crate::decimal::fixed(bound, 0)),
                            if broken { "✗" } else { "✓" }
                        ),
                        alarm: broken,
                    },
                ]
            }
            Mode::Leader => {
                let believers: Vec<NodeId> = (1..=self.cfg.holders)
                    .filter(|&h| w.is_alive(h) && w.node(h).holder().is_some_and(|x| x.believes()))
                    .collect();
                vec![
                    StatusVis {
                        key: "primary",
                        label: t(lang, &tx::STATUS_PRIMARY),
                        value: names(s.and_then(|s| s.latest_grantee()).into_iter().collect()),
                        alarm: false,
                    },
                    StatusVis {
                        key: "believe",
                        label: t(lang, &tx::STATUS_BELIEVE),
                        value: names(believers.clone()),
                        alarm: believers.len() > 1,
                    },
                    stale,
                    StatusVis {
                        key: "usurp",
                        label: t(lang, &tx::STATUS_USURP),
                        value: m.usurpers().len().to_string(),
                        alarm: !m.usurpers().is_empty(),
                    },
                ]
            }
        }
    }

    fn roles(&self, lang: Lang) -> Vec<(Shape, &'static str, String)> {
        let holder = t(
            lang,
            if self.cfg.mode == Mode::Cache {
                &tx::CACHE
            } else {
                &tx::REPLICA
            },
        );
        vec![
            (Shape::Square, "blue", t(lang, &tx::SERVER)),
            (
                Shape::Circle,
                "green",
                format!("{holder} · {}", t(lang, &tx::HOLDS)),
            ),
            (
                Shape::Circle,
                "amber",
                format!("{holder} · {}", t(lang, &tx::WORKING)),
            ),
            (
                Shape::Circle,
                "grey",
                format!("{holder} · {}", t(lang, &tx::NO_LEASE)),
            ),
            (Shape::Square, "violet", t(lang, &tx::WRITER)),
        ]
    }

    fn mark(&self, note: &LeaseNote) -> Option<(Text, Option<NodeId>)> {
        match note {
            LeaseNote::Applied { .. } => Some((Text::Page(&tx::MSG_WRITTEN), None)),
            LeaseNote::Aborted => Some((Text::Page(&tx::NO_LEASE), None)),
            _ => None,
        }
    }

    fn details(&self) -> &'static [crate::ui::core::text::Tx] {
        super::texts::DETAILS
    }

    fn rule_name(&self, rule: &'static str) -> Text {
        match rule {
            NO_STALE_READ => Text::Page(&tx::RULE_STALE),
            ONE_PRIMARY => Text::Page(&tx::RULE_ONE_PRIMARY),
            _ => Text::Key(Key::ViolationTitle),
        }
    }

    fn kinds(&self) -> Vec<MsgStyle> {
        KINDS.to_vec()
    }

    /// Each holder's lease, as it believed it: red where it answered a stale value, or
    /// (leader mode) where another held the lease at the same time.
    fn spans(&self, w: &World<LeaseNode>, lang: Lang, from: SimTime) -> Vec<OpSpan> {
        let m = w.monitor();
        // Each holder's beliefs in the diagram's window, with their place in its record.
        let all: Vec<(NodeId, usize, u64, Option<u64>)> = (1..=self.cfg.holders)
            .flat_map(|h| {
                w.node(h).holder().into_iter().flat_map(move |x| {
                    x.beliefs()
                        .recent_indexed()
                        .filter(move |(_, b)| b.to.is_none_or(|t| t >= from))
                        .map(move |(k, b)| (h, k, b.from, b.to))
                })
            })
            .collect();
        let end = |t: Option<u64>| t.unwrap_or(u64::MAX);
        // The monitor's findings come in about time order (each judged as its read
        // ends): read from the newest end, a second past the window's edge.
        let recent_bad = |bad: &'_ [Bad]| -> Vec<Bad> {
            bad.iter()
                .rev()
                .take_while(|b| b.at + crate::sim::SEC >= from)
                .filter(|b| b.at >= from)
                .copied()
                .collect()
        };
        let bad: Vec<Bad> = recent_bad(m.stale())
            .into_iter()
            .chain(recent_bad(m.usurpers()))
            .collect();
        all.iter()
            .map(|&(node, k, t0, t1)| {
                let bad_read = bad
                    .iter()
                    .any(|b| b.node == node && b.at >= t0 && b.at <= end(t1));
                let doubled = self.cfg.mode == Mode::Leader
                    && all
                        .iter()
                        .any(|&(o, _, a, b)| o != node && a < end(t1) && t0 < end(b));
                OpSpan {
                    key: ((node as u64) << 32) | k as u64,
                    node,
                    t0,
                    t1,
                    label: t(
                        lang,
                        if self.cfg.mode == Mode::Cache {
                            &tx::LEASE
                        } else {
                            &tx::PRIMARY
                        },
                    ),
                    class: if bad_read || doubled {
                        "op-lost"
                    } else if self.cfg.mode == Mode::Cache {
                        "op-read"
                    } else {
                        "op-write"
                    },
                }
            })
            .collect()
    }
}
