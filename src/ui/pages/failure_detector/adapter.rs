//! How the failure-detector page looks: the monitor ■ M and the processes ● (green:
//! trusted; amber: suspected by one detector; red: by both), heartbeats flying to M, and
//! under them the plot ([`PlotData`]): each process's heartbeat arrivals, φ over time with
//! the threshold, and the spans each detector suspected it.

use crate::ui::core::i18n::fields as F;
use crate::ui::core::text::Tx;
use std::sync::Arc;

use crate::protocols::failure_detector::phi::phi;
use crate::protocols::failure_detector::{
    Detector, FdCmd, FdConfig, FdMsg, FdNode, FdNote, FdPreset, FdTimer, ACCURACY, MONITOR,
};
use crate::sim::{NodeId, World, MS, SEC};
use crate::ui::core::i18n::{CmdText, Key, Lang};
use crate::ui::core::runner::{timer_left, Adapter, Sim};
use crate::ui::core::scenario::Scenario;
use crate::ui::core::text::{tr, Text};
use crate::ui::core::view::{MsgStyle, NodeVis, PageData, Shape, StatusVis, StripVis};

use super::texts as tx;

#[derive(Clone)]
pub struct FdAdapter {
    names: Vec<String>,
    cfg: FdConfig,
}

fn preset(slug: Option<&str>) -> Option<FdPreset> {
    FdPreset::ALL.into_iter().find(|p| Some(p.slug()) == slug)
}

/// A preset starts two processes on a calm, lossless network (10–20 ms; its script
/// changes it), heartbeats every 100 ms, a 250 ms timeout beside Φ = 8 over a window of 100.
pub fn preset_settings(sc: &mut Scenario) {
    if preset(sc.preset).is_some() {
        let (lo, hi) = crate::protocols::failure_detector::presets::CALM;
        sc.set_lossless_latency(lo, hi);
        sc.nodes = 2;
        sc.set_param(&super::PERIOD, 100);
        sc.set_param(&super::TIMEOUT, 250);
        sc.set_param(&super::PHI, 8);
        sc.set_param(&super::WINDOW, 100);
    }
}

pub fn config(sc: &Scenario) -> FdConfig {
    FdConfig {
        processes: sc.nodes,
        period: sc.param(&super::PERIOD) * MS,
        timeout: sc.param(&super::TIMEOUT) * MS,
        threshold: sc.param(&super::PHI) as f64,
        window: sc.param(&super::WINDOW) as usize,
    }
}

pub fn build(sc: &Scenario) -> Sim<FdAdapter> {
    let cfg = config(sc);
    let world = World::new(
        crate::ui::core::runner::world_config(sc),
        FdNode::cluster(&cfg),
    );
    let names = (0..cfg.size()).map(|i| cfg.name(i)).collect();
    let script = preset(sc.preset).map(|p| p.script()).unwrap_or_default();
    Sim::new(world, FdAdapter { names, cfg }).with_script(script)
}

const KINDS: [MsgStyle; 2] = [
    MsgStyle::page("msg-q-value", "♥", &tx::MSG_BEAT),
    MsgStyle::page("msg-q-hinted", "1", &tx::MSG_FIRST),
];

fn t(lang: Lang, x: &'static crate::ui::core::text::Tx) -> String {
    tr(lang, Text::Page(x)).to_string()
}

/// One decimal, for φ.
fn one(x: f64) -> String {
    crate::decimal::fixed(x, 1)
}

/// One process's lane of the plot; times are milliseconds on M's clock.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Lane {
    pub name: String,
    pub alive: bool,
    /// Heartbeat arrivals.
    pub arrivals: Vec<f64>,
    /// φ sampled along the lane (a sawtooth: it drops at each arrival).
    pub phi: Vec<(f64, f64)>,
    /// Suspicions: detector, from, to.
    pub spans: Vec<(Detector, f64, f64)>,
    /// Real crashes (true time, read on M's clock).
    pub crashes: Vec<f64>,
    /// When the fixed timeout will run out if nothing comes.
    pub deadline: Option<f64>,
    pub phi_now: Option<f64>,
    /// The window's estimate after the last heartbeat: μ and σ (ms).
    pub mean_std: Option<(f64, f64)>,
}

/// What the page's plot draws this frame.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct PlotData {
    pub from: f64,
    pub to: f64,
    pub threshold: f64,
    pub lanes: Vec<Lane>,
    /// The network now (it may have changed during the run): latency ms, loss %, and the
    /// duplication rate (kept when the sliders change the rest).
    pub latency: (u64, u64),
    pub loss_pct: u64,
    pub duplicate: f64,
}

/// The plot shows this many heartbeat periods (within 2–60 s).
const PERIODS_SHOWN: u64 = 40;

impl FdAdapter {
    /// φ now, the time since the last heartbeat, and the suspicions, as M sees process `p`.
    fn seen(&self, w: &World<FdNode>, p: NodeId) -> (Option<f64>, Option<u64>, [bool; 2]) {
        let m = if w.is_alive(MONITOR) {
            w.node(MONITOR).monitor()
        } else {
            None
        };
        let Some(track) = m.and_then(|m| m.track(p)) else {
            return (None, None, [false; 2]);
        };
        let now = w.local_time(MONITOR).max(0) as u64;
        let last = track.last_arrival();
        (
            last.map(|a| phi(now.saturating_sub(a.at) as f64 / MS as f64, a.mean, a.std)),
            last.map(|a| now.saturating_sub(a.at) / MS),
            Detector::BOTH.map(|by| track.suspected(by)),
        )
    }

    fn monitor_vis(&self, w: &World<FdNode>, id: NodeId, lang: Lang) -> NodeVis {
        let suspects: Vec<String> = (1..self.names.len())
            .filter(|&p| self.seen(w, p).2.iter().any(|s| *s))
            .map(|p| self.names[p].clone())
            .collect();
        let details = (1..self.names.len())
            .map(|p| {
                let (phi_now, since, _) = self.seen(w, p);
                (
                    self.names[p].clone(),
                    format!(
                        "φ {} · {} ms {}",
                        phi_now.map_or("–".into(), one),
                        since.map_or("–".into(), |s| s.to_string()),
                        t(lang, &tx::SINCE_LAST)
                    ),
                )
            })
            .collect();
        NodeVis {
            id,
            name: self.names[id].clone(),
            role: "monitor",
            state: if suspects.is_empty() {
                "calm"
            } else {
                "suspecting"
            },
            shape: Shape::Square,
            tone: "blue",
            crashed: false,
            badge: suspects.len().to_string(),
            label: if suspects.is_empty() {
                format!("{} {}", t(lang, &tx::WATCHING), self.names[1..].join(" "))
            } else {
                format!("? {}", suspects.join(" "))
            },
            ring: None,
            term: None,
            details,
            commands: vec![],
            strip: StripVis::default(),
        }
    }

    fn process_vis(&self, w: &World<FdNode>, id: NodeId, lang: Lang) -> NodeVis {
        let p = w.node(id).process().expect("a process");
        let (phi_now, since, sus) = self.seen(w, id);
        let (tone, state, word) = match sus {
            [true, true] => ("red", "suspected", &tx::SUSPECTED_BOTH),
            [false, false] => ("green", "trusted", &tx::TRUSTED),
            _ => ("amber", "half-suspected", &tx::SUSPECTED_ONE),
        };
        let mean_std = w
            .node(MONITOR)
            .monitor()
            .and_then(|m| m.track(id))
            .and_then(|t| t.last_arrival())
            .map(|a| format!("{} ± {} ms", one(a.mean), one(a.std)));
        let label_phi = phi_now.map_or("φ –".into(), |x| format!("φ {}", one(x)));
        NodeVis {
            id,
            name: self.names[id].clone(),
            role: "process",
            state,
            shape: Shape::Circle,
            tone,
            crashed: false,
            badge: format!("#{}", p.incarnation()),
            label: match since {
                Some(s) => format!("{label_phi} · {s} ms"),
                None => label_phi,
            },
            ring: timer_left(w, id, &FdTimer::Beat),
            term: None,
            details: vec![
                (tr(lang, Text::Key(Key::Status)).to_string(), t(lang, word)),
                ("φ".into(), phi_now.map_or("–".into(), one)),
                (
                    t(lang, &tx::SINCE_LAST),
                    since.map_or("–".into(), |s| format!("{s} ms")),
                ),
                (
                    t(lang, &tx::MEAN_STD),
                    mean_std.unwrap_or_else(|| "–".into()),
                ),
                (t(lang, &tx::INCARNATION), p.incarnation().to_string()),
                (t(lang, &tx::SENT), p.sent().to_string()),
            ],
            commands: vec![],
            strip: StripVis::default(),
        }
    }

    fn lane(&self, w: &World<FdNode>, p: NodeId, from: u64, now: u64) -> Lane {
        let ms = |x: u64| x as f64 / MS as f64;
        let clock = w.clock(MONITOR);
        let crashes = w
            .monitor()
            .crashes()
            .iter()
            .filter(|c| c.process == p)
            .map(|c| ms(clock.time(c.at)))
            .filter(|&c| c >= ms(from))
            .collect();
        let mut lane = Lane {
            name: self.names[p].clone(),
            alive: w.is_alive(p),
            crashes,
            ..Lane::default()
        };
        let m = if w.is_alive(MONITOR) {
            w.node(MONITOR).monitor()
        } else {
            None
        };
        let Some(track) = m.and_then(|m| m.track(p)) else {
            return lane;
        };
        let arr = track.arrivals();
        let first = arr.partition_point(|a| a.at < from).saturating_sub(1);
        let span = now.saturating_sub(from).max(1);
        for i in first..arr.len() {
            let a = &arr[i];
            if a.at >= from {
                lane.arrivals.push(ms(a.at));
            }
            let end = arr.get(i + 1).map_or(now, |b| b.at).min(now);
            let start = a.at.max(from);
            if end < start {
                continue;
            }
            // Samples along the segment: more where it is long (φ curves upwards).
            let k = ((end - start) * 240 / span).clamp(3, 80);
            for j in 0..=k {
                let t = start + (end - start) * j / k;
                lane.phi.push((ms(t), phi(ms(t - a.at), a.mean, a.std)));
            }
        }
        lane.spans = track
            .spans()
            .iter()
            .filter(|s| s.to.is_none_or(|to| to >= from))
            .map(|s| (s.by, ms(s.from.max(from)), ms(s.to.unwrap_or(now))))
            .collect();
        if let Some(last) = track.last_arrival() {
            lane.phi_now = Some(phi(ms(now.saturating_sub(last.at)), last.mean, last.std));
            lane.mean_std = Some((last.mean, last.std));
            if !track.suspected(Detector::Timeout) {
                lane.deadline = Some(ms(last.at + self.cfg.timeout));
            }
        }
        lane
    }
}

impl Adapter for FdAdapter {
    type P = FdNode;

    fn names(&self) -> &[String] {
        &self.names
    }

    fn node(&self, w: &World<FdNode>, id: NodeId, lang: Lang) -> NodeVis {
        let vis = if id == MONITOR {
            self.monitor_vis(w, id, lang)
        } else {
            self.process_vis(w, id, lang)
        };
        vis.crashed_if(!w.is_alive(id), lang)
    }

    fn msg_style(&self, m: &FdMsg) -> MsgStyle {
        match m {
            FdMsg::Heartbeat { seq: 1, .. } => KINDS[1],
            FdMsg::Heartbeat { .. } => KINDS[0],
        }
    }

    fn msg_detail(&self, m: &FdMsg) -> String {
        match m {
            FdMsg::Heartbeat { incarnation, seq } => format!("#{incarnation}.{seq}"),
        }
    }

    fn msg_fields(&self, m: &FdMsg, _lang: Lang) -> Vec<(&'static Tx, String)> {
        match m {
            FdMsg::Heartbeat { incarnation, seq } => vec![
                (&F::INCARNATION, incarnation.to_string()),
                (&F::SEQ, seq.to_string()),
            ],
        }
    }

    fn timer_name(&self, timer: &FdTimer) -> Option<Text> {
        Some(Text::Page(match timer {
            FdTimer::Beat => &tx::T_BEAT,
            FdTimer::Timeout(_) => &tx::T_TIMEOUT,
            FdTimer::Phi(_) => &tx::T_PHI,
        }))
    }

    fn narrate(&self, lang: Lang, note: &FdNote) -> String {
        tx::narrate(lang, note, &self.names)
    }

    fn cmd_text(&self, cmd: &FdCmd) -> CmdText {
        match *cmd {}
    }

    fn command(&mut self, _w: &World<FdNode>, _node: NodeId, _id: &str) -> Option<FdCmd> {
        None
    }

    fn status(&self, w: &World<FdNode>, lang: Lang) -> Vec<StatusVis> {
        let o = w.monitor();
        let pair = |a: String, b: String| format!("{a} | {b}");
        let suspects = Detector::BOTH.map(|by| {
            let s: Vec<&str> = (1..self.names.len())
                .filter(|&p| self.seen(w, p).2[by.index()])
                .map(|p| self.names[p].as_str())
                .collect();
            if s.is_empty() {
                "–".to_string()
            } else {
                s.join(" ")
            }
        });
        let detect = match o.crashes().last() {
            None => "–".to_string(),
            Some(c) => {
                let d = Detector::BOTH.map(|by| {
                    c.detected[by.index()]
                        .map_or_else(|| t(lang, &tx::NOT_YET), |d| format!("{} ms", d / MS))
                });
                format!("{} {} | {}", self.names[c.process], d[0], d[1])
            }
        };
        let falses = Detector::BOTH.map(|by| o.false_count(by));
        // Once the network has changed: the false suspicions raised since φ's window
        // learnt the new conditions (while it learns, "learning…").
        let changes = w.net_changes();
        let span = self.cfg.learning_span();
        let learnt = match changes.last() {
            None => "–".to_string(),
            Some(&c) if w.now() < c + span => format!(
                "{} ({} s)",
                t(lang, &tx::LEARNING),
                (c + span - w.now()).div_ceil(crate::sim::SEC)
            ),
            Some(_) => {
                let n = Detector::BOTH.map(|by| o.learnt_count(by, &changes, span));
                pair(n[0].to_string(), n[1].to_string())
            }
        };
        let rate = Detector::BOTH.map(|by| {
            o.false_per_hour(by)
                .map_or("–".into(), |r| crate::decimal::fixed(r, 0))
        });
        vec![
            StatusVis {
                key: "suspects",
                label: t(lang, &tx::STATUS_SUSPECTS),
                value: pair(suspects[0].clone(), suspects[1].clone()),
                alarm: false,
            },
            StatusVis {
                key: "detect",
                label: t(lang, &tx::STATUS_DETECT),
                value: detect,
                alarm: false,
            },
            StatusVis {
                key: "false",
                label: t(lang, &tx::STATUS_FALSE),
                value: pair(falses[0].to_string(), falses[1].to_string()),
                alarm: falses.iter().any(|f| *f > 0),
            },
            StatusVis {
                key: "learnt",
                label: t(lang, &tx::STATUS_LEARNT),
                value: learnt,
                alarm: false,
            },
            StatusVis {
                key: "rate",
                label: t(lang, &tx::STATUS_RATE),
                value: pair(rate[0].clone(), rate[1].clone()),
                alarm: false,
            },
        ]
    }

    fn roles(&self, lang: Lang) -> Vec<(Shape, &'static str, String)> {
        vec![
            (Shape::Square, "blue", t(lang, &tx::MONITOR)),
            (
                Shape::Circle,
                "green",
                format!("{} · {}", t(lang, &tx::PROCESS), t(lang, &tx::TRUSTED)),
            ),
            (
                Shape::Circle,
                "amber",
                format!(
                    "{} · {}",
                    t(lang, &tx::PROCESS),
                    t(lang, &tx::SUSPECTED_ONE)
                ),
            ),
            (
                Shape::Circle,
                "red",
                format!(
                    "{} · {}",
                    t(lang, &tx::PROCESS),
                    t(lang, &tx::SUSPECTED_BOTH)
                ),
            ),
            (
                Shape::Circle,
                "grey",
                tr(lang, Text::Key(Key::Crashed)).into(),
            ),
        ]
    }

    fn mark(&self, note: &FdNote) -> Option<(Text, Option<NodeId>)> {
        match note {
            FdNote::Suspected {
                process,
                by: Detector::Timeout,
                ..
            } => Some((Text::Page(&tx::PLOT_TIMEOUT_BAR), Some(*process))),
            FdNote::Suspected {
                process,
                by: Detector::Phi,
                ..
            } => Some((Text::Page(&tx::PLOT_PHI_BAR), Some(*process))),
            _ => None,
        }
    }

    fn details(&self) -> &'static [crate::ui::core::text::Tx] {
        super::texts::DETAILS
    }

    fn rule_name(&self, rule: &'static str) -> Text {
        match rule {
            ACCURACY => Text::Page(&tx::RULE_ACCURACY),
            _ => Text::Key(Key::ViolationTitle),
        }
    }

    fn kinds(&self) -> Vec<MsgStyle> {
        KINDS.to_vec()
    }

    fn data(&self, w: &World<FdNode>) -> Option<PageData> {
        let now = w.local_time(MONITOR).max(0) as u64;
        let span = (self.cfg.period * PERIODS_SHOWN).clamp(2 * SEC, 60 * SEC);
        let from = now.saturating_sub(span);
        let lanes = (1..self.names.len())
            .map(|p| self.lane(w, p, from, now))
            .collect();
        let net = &w.network().config;
        Some(PageData(Arc::new(PlotData {
            from: from as f64 / MS as f64,
            to: now as f64 / MS as f64,
            threshold: self.cfg.threshold,
            lanes,
            latency: (net.latency_min / MS, net.latency_max / MS),
            loss_pct: (net.loss * 100.0).round() as u64,
            duplicate: net.duplicate,
        })))
    }
}
