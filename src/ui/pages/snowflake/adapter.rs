//! How the snowflake page looks: the app ■ with the answers it received (duplicates and
//! refusals red), generators ● (green: clock ahead of the last timestamp; amber: behind
//! it; blue: waiting for it) with the IDs they issued.

use crate::protocols::snowflake::{
    SnowCmd, SnowConfig, SnowMsg, SnowNode, SnowNote, SnowPreset, SnowTimer, Stamped, Strategy,
    FIRST_FEW, KEPT, UNIQUE_IDS,
};
use crate::sim::{NodeId, World, MS};
use crate::ui::core::i18n::fields as F;
use crate::ui::core::i18n::{CmdText, Key, Lang};
use crate::ui::core::runner::{timer_left, Adapter, Sim};
use crate::ui::core::scenario::Scenario;
use crate::ui::core::text::Tx;
use crate::ui::core::text::{tr, Text};
use crate::ui::core::view::{CellVis, CommandVis, MsgStyle, NodeVis, Shape, StatusVis, StripVis};

use super::texts as tx;

/// Cells a strip shows (the newest).
const SHOWN: usize = 8;

const STRATEGIES: [Strategy; 4] = [
    Strategy::Wait,
    Strategy::Refuse,
    Strategy::Logical,
    Strategy::Ignore,
];

#[derive(Clone)]
pub struct SnowAdapter {
    names: Vec<String>,
}

fn preset(slug: Option<&str>) -> Option<SnowPreset> {
    SnowPreset::ALL.into_iter().find(|p| Some(p.slug()) == slug)
}

/// A preset runs on a fixed latency, three generators, the app asking every 50 ms.
pub fn preset_settings(sc: &mut Scenario) {
    if let Some(p) = preset(sc.preset) {
        let latency = crate::protocols::snowflake::presets::LATENCY;
        sc.set_lossless_latency(latency, latency);
        let (strategy, same) = p.settings();
        sc.nodes = 3;
        sc.set_param(
            &super::STRATEGY,
            STRATEGIES.iter().position(|s| *s == strategy).unwrap_or(0) as u64,
        );
        sc.set_param(&super::SAME_WORKER, u64::from(same));
        sc.set_param(&super::PERIOD, 50);
    }
}

pub fn config(sc: &Scenario) -> SnowConfig {
    SnowConfig {
        generators: sc.nodes,
        strategy: STRATEGIES[(sc.param(&super::STRATEGY) as usize).min(STRATEGIES.len() - 1)],
        period: sc.param(&super::PERIOD) * MS,
        same_worker: sc.param(&super::SAME_WORKER) == 1,
    }
}

pub fn build(sc: &Scenario) -> Sim<SnowAdapter> {
    let cfg = config(sc);
    let world = World::new(
        crate::ui::core::runner::world_config(sc),
        SnowNode::cluster(&cfg),
    );
    let names = (0..cfg.size()).map(|i| cfg.name(i)).collect();
    let script = preset(sc.preset)
        .map(|p| p.script(&cfg))
        .unwrap_or_default();
    Sim::new(world, SnowAdapter { names }).with_script(script)
}

const KINDS: [MsgStyle; 6] = [
    MsgStyle::page("msg-q-get", "?", &tx::MSG_NEXT),
    MsgStyle::page("msg-q-value", "#", &tx::MSG_ISSUED),
    MsgStyle::page("msg-q-handoff", "…", &tx::MSG_AFTER_WAIT),
    MsgStyle::page("msg-q-version", "L", &tx::MSG_LOGICAL),
    MsgStyle::page("msg-q-hinted", "!", &tx::MSG_BACKWARDS),
    MsgStyle::page("msg-ps-missing", "✗", &tx::MSG_REFUSED),
];

fn t(lang: Lang, x: &'static crate::ui::core::text::Tx) -> String {
    tr(lang, Text::Page(x)).to_string()
}

/// Which of `len` cells a strip shows: the last [`SHOWN`], except that the earliest red ones
/// (`first_red`, ascending, as the record keeps them: a duplicate, an ID stamped by a clock
/// gone back) stay in sight at the front, up to half the strip, once they would scroll out —
/// the lesson must not leave the screen before the preset ends. Ascending; the cost does
/// not grow with the run.
fn shown_cells(len: usize, first_red: &[usize]) -> Vec<usize> {
    const _: () = assert!(
        FIRST_FEW >= SHOWN / 2 && KEPT >= SHOWN,
        "the record keeps enough"
    );
    let recent = len.saturating_sub(SHOWN);
    let old_red: Vec<usize> = first_red
        .iter()
        .copied()
        .filter(|&i| i < recent)
        .take(SHOWN / 2)
        .collect();
    let keep_recent = SHOWN - old_red.len();
    old_red
        .into_iter()
        .chain(len.saturating_sub(keep_recent)..len)
        .collect()
}

impl SnowAdapter {
    fn app_vis(&self, w: &World<SnowNode>, id: NodeId, lang: Lang) -> NodeVis {
        let app = w.node(id).app().expect("node 0 is the app");
        let got = app.got();
        let red: Vec<usize> = got.marked_indexes().collect();
        let shown = shown_cells(got.len(), &red);
        let hidden = got.len() - shown.len();
        let cells = shown
            .iter()
            .filter_map(|&i| got.get(i))
            .map(|g| {
                let (main, class) = match (g.id, g.duplicate_of) {
                    (Some(i), Some(_)) => (format!("{i} ✗"), "op-lost"),
                    (Some(i), None) => (i.to_string(), "op-done"),
                    (None, _) => (format!("✗ {}", t(lang, &tx::REFUSED)), "op-lost"),
                };
                CellVis {
                    top: self.names[g.from].clone(),
                    value: main.clone(),
                    main,
                    sub: format!("{} ms", g.latency / MS),
                    class: class.into(),
                    done: g.id.is_some(),
                    title: match (g.id, g.duplicate_of) {
                        (Some(i), Some(first)) => format!(
                            "{i} = {} · {} ({})",
                            i.value(),
                            t(lang, &tx::DUPLICATE),
                            self.names[first]
                        ),
                        (Some(i), None) => format!("{i} = {}", i.value()),
                        (None, _) => t(lang, &tx::REFUSED),
                    },
                }
            })
            .collect();
        NodeVis {
            id,
            name: self.names[id].clone(),
            role: "app",
            state: "app",
            shape: Shape::Square,
            tone: "blue",
            crashed: false,
            badge: got.len().to_string(),
            label: t(lang, &tx::APP),
            ring: timer_left(w, id, &SnowTimer::Round),
            term: None,
            details: vec![(t(lang, &tx::STATUS_IDS), got.len().to_string())],
            commands: vec![CommandVis {
                id: "ask",
                label: t(lang, &tx::ASK),
                enabled: w.is_alive(id),
            }],
            strip: StripVis {
                hidden,
                ..StripVis::from_cells(cells)
            },
        }
    }

    fn generator_vis(&self, w: &World<SnowNode>, id: NodeId, lang: Lang) -> NodeVis {
        let g = w.node(id).generator().expect("a generator");
        let ms = w.clock(id).time(w.now()) / MS;
        let behind = g.last_ms().is_some_and(|l| ms < l);
        let (tone, state, word) = match (g.waiting() > 0, behind) {
            (true, _) => ("blue", "waiting", &tx::WAITING),
            (false, true) => ("amber", "behind", &tx::CLOCK_BEHIND),
            (false, false) => ("green", "ahead", &tx::OK),
        };
        let issued = g.issued();
        let red: Vec<usize> = issued.marked_indexes().collect();
        let shown = shown_cells(issued.len(), &red);
        let hidden = issued.len() - shown.len();
        let cells = shown
            .iter()
            .filter_map(|&k| issued.get(k))
            .map(|(at, i, how)| {
                // Stamped by a clock that went back: the IDs it may already have issued.
                let back = *how == Stamped::Backwards;
                CellVis {
                    top: format!("{} ms", at / MS),
                    main: format!("{i}{}", if back { " !" } else { "" }),
                    sub: String::new(),
                    class: if back {
                        "op-lost".into()
                    } else {
                        "op-done".into()
                    },
                    value: i.to_string(),
                    done: true,
                    title: format!(
                        "{i} = {}{}",
                        i.value(),
                        if back {
                            format!(" · {}", t(lang, &tx::MSG_BACKWARDS))
                        } else {
                            String::new()
                        }
                    ),
                }
            })
            .collect();
        let last = g.last_ms().map_or("–".into(), |l| l.to_string());
        NodeVis {
            id,
            name: self.names[id].clone(),
            role: "generator",
            state,
            shape: Shape::Circle,
            tone,
            crashed: false,
            badge: format!("w{}", g.worker()),
            label: format!(
                "{} {ms} · {} {last}",
                t(lang, &tx::CLOCK_SHORT),
                t(lang, &tx::LAST_SHORT)
            ),
            ring: timer_left(w, id, &SnowTimer::CaughtUp),
            term: None,
            details: vec![
                (tr(lang, Text::Key(Key::Status)).to_string(), t(lang, word)),
                (t(lang, &tx::WORKER), g.worker().to_string()),
                (t(lang, &tx::LAST_MS), last),
                (
                    tr(lang, Text::Key(Key::LocalClock)).to_string(),
                    format!("{ms} ms"),
                ),
                (t(lang, &tx::STATUS_REFUSED), g.refused().to_string()),
            ],
            commands: vec![],
            strip: StripVis {
                hidden,
                ..StripVis::from_cells(cells)
            },
        }
    }
}

impl Adapter for SnowAdapter {
    type P = SnowNode;

    fn names(&self) -> &[String] {
        &self.names
    }

    fn node(&self, w: &World<SnowNode>, id: NodeId, lang: Lang) -> NodeVis {
        let vis = if id == 0 {
            self.app_vis(w, id, lang)
        } else {
            self.generator_vis(w, id, lang)
        };
        vis.crashed_if(!w.is_alive(id), lang)
    }

    fn msg_style(&self, m: &SnowMsg) -> MsgStyle {
        KINDS[match m {
            SnowMsg::Next { .. } => 0,
            SnowMsg::Issued {
                how: Stamped::Clock,
                ..
            } => 1,
            SnowMsg::Issued {
                how: Stamped::AfterWait,
                ..
            } => 2,
            SnowMsg::Issued {
                how: Stamped::Logical,
                ..
            } => 3,
            SnowMsg::Issued {
                how: Stamped::Backwards,
                ..
            } => 4,
            SnowMsg::Refused { .. } => 5,
        }]
    }

    fn msg_detail(&self, m: &SnowMsg) -> String {
        match m {
            SnowMsg::Next { req } => format!("#{req}"),
            SnowMsg::Issued { id, .. } => id.to_string(),
            SnowMsg::Refused { behind_ms, .. } => format!("−{behind_ms} ms"),
        }
    }

    fn msg_fields(&self, m: &SnowMsg, lang: Lang) -> Vec<(&'static Tx, String)> {
        let f = |k: &'static Tx, v: String| (k, v);
        match m {
            SnowMsg::Next { req } => vec![f(&F::REQUEST, req.to_string())],
            SnowMsg::Issued { req, id, how } => vec![
                f(
                    &F::STAMPED,
                    match how {
                        Stamped::Clock => &tx::STAMP_CLOCK,
                        Stamped::AfterWait => &tx::STAMP_AFTER_WAIT,
                        Stamped::Logical => &tx::STAMP_LOGICAL,
                        Stamped::Backwards => &tx::STAMP_BACKWARDS,
                    }
                    .get(lang)
                    .to_string(),
                ),
                f(&F::REQUEST, req.to_string()),
                f(&F::STAMP, format!("{} ms", id.ms)),
                f(&F::WORKER, id.worker.to_string()),
                f(&F::SEQUENCE, id.seq.to_string()),
                f(&F::ID, id.value().to_string()),
            ],
            SnowMsg::Refused { req, behind_ms } => vec![
                f(&F::REQUEST, req.to_string()),
                f(&F::BEHIND, format!("{behind_ms} ms")),
            ],
        }
    }

    fn timer_name(&self, timer: &SnowTimer) -> Option<Text> {
        Some(Text::Page(match timer {
            SnowTimer::Round => &tx::T_ROUND,
            SnowTimer::CaughtUp => &tx::T_CAUGHT_UP,
        }))
    }

    fn narrate(&self, lang: Lang, note: &SnowNote) -> String {
        tx::narrate(lang, note, &self.names)
    }

    fn cmd_text(&self, cmd: &SnowCmd) -> CmdText {
        CmdText::Named(Text::Page(match cmd {
            SnowCmd::Ask => &tx::ASK,
        }))
    }

    fn command(&mut self, _w: &World<SnowNode>, node: NodeId, id: &str) -> Option<SnowCmd> {
        (node == 0 && id == "ask").then_some(SnowCmd::Ask)
    }

    fn status(&self, w: &World<SnowNode>, lang: Lang) -> Vec<StatusVis> {
        let app = w.node(0).app();
        let answers = app.map_or(0, |a| a.got().len());
        let dups = app.map_or(0, |a| a.duplicates());
        let refused = app.map_or(0, |a| a.refusals());
        let slowest = app.map_or(0, |a| a.slowest());
        vec![
            StatusVis {
                key: "ids",
                label: t(lang, &tx::STATUS_IDS),
                value: (answers - refused).to_string(),
                alarm: false,
            },
            StatusVis {
                key: "dups",
                label: t(lang, &tx::STATUS_DUPS),
                value: dups.to_string(),
                alarm: dups > 0,
            },
            StatusVis {
                key: "refused",
                label: t(lang, &tx::STATUS_REFUSED),
                value: refused.to_string(),
                alarm: refused > 0,
            },
            StatusVis {
                key: "latency",
                label: t(lang, &tx::STATUS_LATENCY),
                value: format!("{} ms", slowest / MS),
                alarm: false,
            },
        ]
    }

    fn roles(&self, lang: Lang) -> Vec<(Shape, &'static str, String)> {
        vec![
            (Shape::Square, "blue", t(lang, &tx::APP)),
            (
                Shape::Circle,
                "green",
                format!("{} · {}", t(lang, &tx::GENERATOR), t(lang, &tx::OK)),
            ),
            (
                Shape::Circle,
                "amber",
                format!(
                    "{} · {}",
                    t(lang, &tx::GENERATOR),
                    t(lang, &tx::CLOCK_BEHIND)
                ),
            ),
            (
                Shape::Circle,
                "blue",
                format!("{} · {}", t(lang, &tx::GENERATOR), t(lang, &tx::WAITING)),
            ),
            (
                Shape::Circle,
                "grey",
                tr(lang, Text::Key(Key::Crashed)).into(),
            ),
        ]
    }

    fn mark(&self, note: &SnowNote) -> Option<(Text, Option<NodeId>)> {
        match note {
            SnowNote::Duplicate { first, .. } => Some((Text::Page(&tx::DUPLICATE), Some(*first))),
            SnowNote::Refusing { .. } => Some((Text::Page(&tx::REFUSED), None)),
            _ => None,
        }
    }

    fn details(&self) -> &'static [crate::ui::core::text::Tx] {
        super::texts::DETAILS
    }

    fn rule_name(&self, rule: &'static str) -> Text {
        match rule {
            UNIQUE_IDS => Text::Page(&tx::RULE_UNIQUE),
            _ => Text::Key(Key::ViolationTitle),
        }
    }

    fn kinds(&self) -> Vec<MsgStyle> {
        KINDS.to_vec()
    }
}
