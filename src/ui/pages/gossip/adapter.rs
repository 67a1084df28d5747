//! How gossip looks: hundreds of nodes on a canvas, coloured by infected / spreading /
//! susceptible, and the infected count per round beside the mean-field curve.

use crate::protocols::gossip::theory::{mongering_curve, mongering_residue, spread, Spread};
use crate::protocols::gossip::{
    GossipCmd, GossipConfig, GossipMsg, GossipNode, GossipNote, Mode, Termination,
};
use std::sync::Arc;

use crate::decimal::Fixed;

use crate::sim::{Action, NodeId, World, MS};
use crate::ui::core::i18n::{CmdText, Key, Lang};
use crate::ui::core::runner::{Adapter, Sim};
use crate::ui::core::scenario::Scenario;
use crate::ui::core::text::{tr, Text};
use crate::ui::core::view::{ChartVis, CommandVis, MsgStyle, NodeVis, Shape, StatusVis, StripVis};

#[derive(Clone)]
pub struct GossipAdapter {
    cfg: GossipConfig,
    names: Vec<String>,
    /// What theory predicts for these settings (computed once per world).
    theory: Arc<Model>,
    /// Whether a pull's round trip can outlast a round, which the model assumes it cannot.
    rounds_overlap: bool,
}

/// The model that fits the page's settings.
enum Model {
    /// The rumour spreads until everyone has heard: the finite-n chain.
    Spread(Spread),
    /// Push rumour mongering: the round-by-round curve and the epidemic model's residue
    /// fraction (Demers et al. §1.4).
    Mongering { curve: Vec<f64>, residue: f64 },
    /// Push-pull with mongering, or anti-entropy: no model here.
    None,
}

impl Model {
    fn new(cfg: &GossipConfig, n: usize, loss: f64) -> Model {
        let k = match cfg.termination {
            _ if cfg.anti_entropy > 0 => return Model::None,
            Termination::Never => None,
            // Pulls never stop, so stopping pushes changes nothing in pull mode.
            _ if cfg.mode == Mode::Pull => None,
            Termination::Counter(k) | Termination::Coin(k) => Some(k),
        };
        match (k, cfg.mode) {
            (None, _) => Model::Spread(spread(cfg.mode, n, cfg.fanout, loss)),
            (Some(k), Mode::Push) => {
                let mut curve = mongering_curve(n, cfg.fanout, cfg.termination, loss, 400);
                // Up to where it has flattened out, and two rounds more.
                let last = (1..curve.len())
                    .rfind(|&r| curve[r] - curve[r - 1] > 0.01)
                    .unwrap_or(0);
                curve.truncate((last + 3).min(curve.len()));
                Model::Mongering {
                    curve,
                    residue: mongering_residue(k),
                }
            }
            _ => Model::None,
        }
    }
}

const MODES: [Mode; 3] = [Mode::Push, Mode::Pull, Mode::PushPull];

pub fn preset_settings(sc: &mut Scenario) {
    let (mode, stop, ae) = match sc.preset {
        Some("mongering") => (0, 1, 0),
        Some("anti-entropy") => (0, 1, 5),
        Some(_) => (2, 0, 0),
        None => return,
    };
    sc.set_param(&super::MODE, mode);
    sc.set_param(&super::STOP, stop);
    sc.set_param(&super::STOP_K, 1);
    sc.set_param(&super::ANTI_ENTROPY, ae);
    sc.set_param(&super::FANOUT, 1);
    sc.latency_min_ms = 5;
    sc.latency_max_ms = 10;
    sc.loss_pct = 0;
}

pub fn build(sc: &Scenario) -> Sim<GossipAdapter> {
    let k = sc.param(&super::STOP_K) as u32;
    let cfg = GossipConfig {
        mode: MODES[sc.param(&super::MODE).min(2) as usize],
        fanout: sc.param(&super::FANOUT) as usize,
        period: sc.param(&super::PERIOD) * MS,
        termination: match sc.param(&super::STOP) {
            1 => Termination::Counter(k),
            2 => Termination::Coin(k),
            _ => Termination::Never,
        },
        anti_entropy: sc.param(&super::ANTI_ENTROPY) as u32,
    };
    let world = World::new(
        crate::ui::core::runner::world_config(sc),
        GossipNode::cluster(&cfg, sc.nodes),
    );
    let mut script = Vec::new();
    if sc.preset.is_some() {
        if sc.preset == Some("dead-nodes") {
            // Every fifth node, sparing the first (it starts the rumour).
            script.extend(
                (1..sc.nodes)
                    .filter(|i| i % 5 == 0)
                    .map(|i| (0, Action::Crash(i))),
            );
        }
        script.push((MS, Action::Command(0, GossipCmd::Infect)));
    }
    let adapter = GossipAdapter {
        names: crate::ui::core::runner::numbered("N", sc.nodes),
        theory: Arc::new(Model::new(&cfg, sc.nodes, sc.loss_pct as f64 / 100.0)),
        rounds_overlap: 2 * sc.latency_max_ms * MS >= cfg.period,
        cfg,
    };
    Sim::new(world, adapter).with_script(script)
}

const KINDS: [MsgStyle; 5] = [
    MsgStyle {
        class: "msg-g-push",
        badge: "",
        key: Text::Page(&super::texts::MSG_PUSH),
    },
    MsgStyle {
        class: "msg-g-ack",
        badge: "",
        key: Text::Page(&super::texts::MSG_PUSH_ACK),
    },
    MsgStyle {
        class: "msg-g-pull",
        badge: "",
        key: Text::Page(&super::texts::MSG_PULL),
    },
    MsgStyle {
        class: "msg-g-reply",
        badge: "",
        key: Text::Page(&super::texts::MSG_PULL_REPLY),
    },
    MsgStyle {
        class: "msg-g-sync",
        badge: "",
        key: Text::Page(&super::texts::MSG_SYNC),
    },
];

impl GossipAdapter {
    /// The round in which the rumour started, and the infected count after each round —
    /// up to now, or to ten rounds after the last infection when the count has long been
    /// flat (an hour-long run does not draw 36,000 equal points). Counted by a histogram
    /// and a running sum: O(nodes + rounds) per view, not nodes × rounds.
    fn measured(&self, w: &World<GossipNode>) -> Option<(u64, Vec<f64>)> {
        let p = self.cfg.period.max(1);
        let heard: Vec<u64> = (0..w.len())
            .filter_map(|i| w.node(i).infected_at())
            .map(|at| at / p)
            .collect();
        let start = *heard.iter().min()?;
        let last = heard.iter().max().copied().unwrap_or(start) - start;
        let now_round = (w.now() / p).saturating_sub(start);
        let rounds = now_round.min(last + 10) as usize;
        let mut per = vec![0f64; rounds + 1];
        for r in heard {
            per[((r - start) as usize).min(rounds)] += 1.0;
        }
        for r in 1..per.len() {
            per[r] += per[r - 1];
        }
        Some((start, per))
    }
}

impl Adapter for GossipAdapter {
    type P = GossipNode;

    fn names(&self) -> &[String] {
        &self.names
    }

    fn node(&self, w: &World<GossipNode>, id: NodeId, lang: Lang) -> NodeVis {
        let n = w.node(id);
        let (role, state, tone, key) = match (n.infected(), n.active()) {
            (true, true) => (
                "infected",
                "spreading",
                "red",
                Text::Page(&super::texts::INFECTED),
            ),
            (true, false) => (
                "infected",
                "stopped",
                "violet",
                Text::Page(&super::texts::STOPPED_SPREADING),
            ),
            (false, _) => (
                "susceptible",
                "susceptible",
                "blue",
                Text::Page(&super::texts::SUSCEPTIBLE),
            ),
        };
        let details = vec![
            (
                tr(lang, Text::Key(Key::Status)).to_string(),
                tr(lang, key).to_string(),
            ),
            (
                tr(lang, Text::Page(&super::texts::INFECTED)).to_string(),
                n.infected_at()
                    .map_or("–".into(), crate::sim::time::fmt_secs),
            ),
        ];
        let commands = vec![CommandVis {
            id: "infect",
            label: tr(lang, Text::Page(&super::texts::START_RUMOUR)).into(),
            enabled: w.is_alive(id) && !n.infected(),
        }];
        NodeVis {
            id,
            name: self.names[id].clone(),
            role,
            state,
            shape: Shape::Circle,
            tone,
            crashed: false,
            badge: String::new(),
            label: tr(lang, key).into(),
            ring: None,
            term: None,
            details,
            commands,
            strip: StripVis::default(),
        }
        .crashed_if(!w.is_alive(id), lang)
    }

    fn msg_style(&self, m: &GossipMsg) -> MsgStyle {
        KINDS[match m {
            GossipMsg::Push => 0,
            GossipMsg::PushAck { .. } => 1,
            GossipMsg::PullRequest => 2,
            GossipMsg::PullReply { .. } => 3,
            GossipMsg::Sync { .. } | GossipMsg::SyncReply { .. } => 4,
        }]
    }

    fn msg_detail(&self, _: &GossipMsg) -> String {
        String::new()
    }

    fn narrate(&self, lang: Lang, note: &GossipNote) -> String {
        let s = |k| tr(lang, k);
        match note {
            GossipNote::Started => s(Text::Page(&super::texts::START_RUMOUR)).to_string(),
            GossipNote::Infected {
                from,
                by_pull,
                by_sync,
            } => {
                let how = if *by_sync {
                    Text::Page(&super::texts::MSG_SYNC)
                } else if *by_pull {
                    Text::Page(&super::texts::MSG_PULL_REPLY)
                } else {
                    Text::Page(&super::texts::MSG_PUSH)
                };
                format!(
                    "{} ← {} ({})",
                    s(Text::Page(&super::texts::INFECTED)),
                    self.names[*from],
                    s(how)
                )
            }
            GossipNote::StoppedSpreading => {
                s(Text::Page(&super::texts::STOPPED_SPREADING)).to_string()
            }
        }
    }

    fn cmd_text(&self, _: &GossipCmd) -> CmdText {
        CmdText::Propose
    }

    fn command(&mut self, _: &World<GossipNode>, _: NodeId, id: &str) -> Option<GossipCmd> {
        (id == "infect").then_some(GossipCmd::Infect)
    }

    fn status(&self, w: &World<GossipNode>, lang: Lang) -> Vec<StatusVis> {
        let n = w.len();
        let infected = (0..n).filter(|&i| w.node(i).infected()).count();
        let live = (0..n).filter(|&i| w.is_alive(i)).count();
        let spreading = (0..n).any(|i| w.node(i).active() && w.is_alive(i));
        // Rounds of gossip from the start to the round the last live node heard, counted
        // as the model counts them (index r of the per-round counts = after r rounds).
        let full = self
            .measured(w)
            .and_then(|(_, per)| per.iter().position(|c| *c as usize >= live));
        let theory = match &*self.theory {
            Model::Spread(s) => match (s.mean_rounds(), s.sd_rounds()) {
                (Some(mean), Some(sd)) => format!("{} ± {}", Fixed(mean, 1), Fixed(sd, 1)),
                _ => "–".into(),
            },
            _ => "–".into(),
        };
        let mut out = vec![StatusVis {
            key: "infected",
            label: tr(lang, Text::Page(&super::texts::INFECTED)).into(),
            value: format!("{infected} / {n}"),
            alarm: false,
        }];
        // Mongering is about who never hears: the residue row below says it.
        if !matches!(&*self.theory, Model::Mongering { .. }) {
            out.push(StatusVis {
                key: "full-spread",
                label: tr(lang, Text::Page(&super::texts::FULL_SPREAD)).into(),
                value: format!(
                    "{} ({} {theory})",
                    full.map_or("–".into(), |r| r.to_string()),
                    tr(lang, Text::Key(Key::Theory)),
                ),
                alarm: false,
            });
        }
        if self.rounds_overlap {
            out.push(StatusVis {
                key: "rounds-overlap",
                label: tr(lang, Text::Page(&super::texts::ROUNDS_OVERLAP)).into(),
                value: tr(lang, Text::Page(&super::texts::ROUNDS_OVERLAP_WHY)).into(),
                alarm: true,
            });
        }
        let ae = self.cfg.anti_entropy > 0;
        let left = live.saturating_sub(infected);
        if let Model::Mongering { residue, .. } = &*self.theory {
            // The epidemic model's residue beside the run's, once the rumour has started.
            if infected > 0 {
                let measured = if spreading {
                    "…".to_string()
                } else {
                    left.to_string()
                };
                out.push(StatusVis {
                    key: "residue",
                    label: tr(lang, Text::Page(&super::texts::RESIDUE)).into(),
                    value: format!(
                        "{measured} ({} s = e^(−(k+1)(1−s)) = {} % ≈ {})",
                        tr(lang, Text::Key(Key::Theory)),
                        Fixed(residue * 100.0, 1),
                        Fixed(residue * n as f64, 0)
                    ),
                    alarm: !spreading && left > 0,
                });
            }
        } else if infected > 0 && !spreading && !ae && left > 0 {
            out.push(StatusVis {
                key: "residue",
                label: tr(lang, Text::Page(&super::texts::RESIDUE)).into(),
                value: left.to_string(),
                alarm: true,
            });
        }
        out
    }

    fn chart(&self, w: &World<GossipNode>) -> Option<ChartVis> {
        let (_, measured) = self.measured(w)?;
        // The model's expected count per round, its last value held past its end.
        let curve: &[f64] = match &*self.theory {
            Model::Spread(s) => &s.expected,
            Model::Mongering { curve, .. } => curve,
            Model::None => &[],
        };
        let theory = match curve.last() {
            Some(&last) => (0..measured.len().max(curve.len()))
                .map(|r| curve.get(r).copied().unwrap_or(last))
                .collect(),
            None => Vec::new(),
        };
        Some(ChartVis {
            theory,
            measured,
            max: w.len() as f64,
        })
    }

    fn roles(&self, lang: Lang) -> Vec<(Shape, &'static str, String)> {
        vec![
            (
                Shape::Circle,
                "blue",
                tr(lang, Text::Page(&super::texts::SUSCEPTIBLE)).into(),
            ),
            (
                Shape::Circle,
                "red",
                tr(lang, Text::Page(&super::texts::INFECTED)).into(),
            ),
            (
                Shape::Circle,
                "violet",
                tr(lang, Text::Page(&super::texts::STOPPED_SPREADING)).into(),
            ),
            (
                Shape::Circle,
                "grey",
                tr(lang, Text::Key(Key::Crashed)).into(),
            ),
        ]
    }

    fn kinds(&self) -> Vec<MsgStyle> {
        KINDS.to_vec()
    }
}
