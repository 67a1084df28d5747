//! How Paxos looks: proposers ◆, acceptors ● coloured by the value they accepted,
//! the learner ■; each acceptor's promised number and accepted proposal always visible.

use super::texts::val;
use crate::protocols::paxos::{
    Ballot, PaxosCmd, PaxosConfig, PaxosMsg, PaxosNode, PaxosNote, PaxosPreset, PaxosRole, Phase,
};
use crate::sim::{NodeId, World, MS};
use crate::ui::core::i18n::{CmdText, Key, Lang};
use crate::ui::core::runner::{Adapter, Sim};
use crate::ui::core::scenario::Scenario;
use crate::ui::core::text::{tr, Text};
use crate::ui::core::view::{
    fraction_left, CellVis, CommandVis, MsgStyle, NodeVis, Shape, StatusVis, StripVis,
};

#[derive(Clone)]
pub struct PaxosAdapter {
    cfg: PaxosConfig,
    names: Vec<String>,
}

fn preset(slug: Option<&str>) -> Option<PaxosPreset> {
    PaxosPreset::ALL
        .into_iter()
        .find(|p| Some(p.slug()) == slug)
}

/// What choosing a preset changes in the scenario.
pub fn preset_settings(sc: &mut Scenario) {
    if let Some(p) = preset(sc.preset) {
        let (proposers, acceptors, retry, (lmin, lmax)) = p.settings();
        sc.nodes = acceptors;
        sc.set_param(&super::PROPOSERS, proposers as u64);
        sc.set_param(&super::RETRY, retry);
        sc.set_param(&super::BACKOFF, 0);
        sc.set_param(&super::DISTINGUISHED, 0);
        sc.set_param(&super::PERSIST, 1);
        sc.latency_min_ms = lmin;
        sc.latency_max_ms = lmax;
    }
}

pub fn build(sc: &Scenario) -> Sim<PaxosAdapter> {
    let cfg = PaxosConfig {
        proposers: sc.param(&super::PROPOSERS) as usize,
        acceptors: sc.nodes,
        retry: sc.param(&super::RETRY) * MS,
        backoff: sc.param(&super::BACKOFF) == 1,
        distinguished: sc.param(&super::DISTINGUISHED) == 1,
        persist: sc.param(&super::PERSIST) == 1,
    };
    let world = World::new(
        crate::ui::core::runner::world_config(sc),
        PaxosNode::cluster(&cfg),
    );
    let names = (0..cfg.size()).map(|i| cfg.name(i)).collect();
    let script = preset(sc.preset)
        .map(|p| p.script(&cfg))
        .unwrap_or_default();
    Sim::new(world, PaxosAdapter { cfg, names }).with_script(script)
}

fn ballot(b: Ballot, names: &[String]) -> String {
    format!("{}.{}", b.round, names[b.proposer])
}

const KINDS: [MsgStyle; 5] = [
    MsgStyle {
        class: "msg-px-prepare",
        badge: "P",
        key: Text::Page(&super::texts::MSG_PREPARE),
    },
    MsgStyle {
        class: "msg-px-promise",
        badge: "✓",
        key: Text::Page(&super::texts::MSG_PROMISE),
    },
    MsgStyle {
        class: "msg-px-nack",
        badge: "✗",
        key: Text::Page(&super::texts::MSG_NACK),
    },
    MsgStyle {
        class: "msg-px-accept",
        badge: "A",
        key: Text::Page(&super::texts::MSG_ACCEPT),
    },
    MsgStyle {
        class: "msg-px-accepted",
        badge: "A✓",
        key: Text::Page(&super::texts::MSG_ACCEPTED),
    },
];

/// The CSS tone of a value (X, Y, Z each have their colour).
fn value_tone(v: u64) -> &'static str {
    match v {
        1 => "v1",
        2 => "v2",
        _ => "v3",
    }
}

impl PaxosAdapter {
    fn cell(&self, top: String, main: String, sub: String, class: String, done: bool) -> CellVis {
        CellVis {
            title: format!("{top} {main} {sub}"),
            value: main.clone(),
            top,
            main,
            sub,
            class,
            done,
        }
    }
}

impl Adapter for PaxosAdapter {
    type P = PaxosNode;

    fn names(&self) -> &[String] {
        &self.names
    }

    fn node(&self, w: &World<PaxosNode>, id: NodeId, lang: Lang) -> NodeVis {
        let n = w.node(id);
        let alive = w.is_alive(id);
        let names = &self.names;
        let none = || tr(lang, Text::Page(&super::texts::NONE_YET)).to_string();
        let mut ring = None;
        let mut commands = Vec::new();
        let mut cells = Vec::new();
        let (role, state, shape, tone, badge, label, details) = match n.role() {
            PaxosRole::Proposer(_) => {
                let own = val(self.cfg.value_of(id));
                let (state, tone, phase_key, current) = match n.phase() {
                    Phase::Idle => ("idle", "grey", Text::Page(&super::texts::PHASE_IDLE), None),
                    Phase::Preparing { n: b, .. } => (
                        "preparing",
                        "amber",
                        Text::Page(&super::texts::PHASE_PREPARING),
                        Some(*b),
                    ),
                    Phase::Accepting { n: b, .. } => (
                        "accepting",
                        "amber",
                        Text::Page(&super::texts::PHASE_ACCEPTING),
                        Some(*b),
                    ),
                    Phase::Chosen { n: b, .. } => (
                        "chosen",
                        "green",
                        Text::Page(&super::texts::PHASE_CHOSEN),
                        Some(*b),
                    ),
                    Phase::GaveUp => (
                        "gaveup",
                        "red",
                        Text::Page(&super::texts::PHASE_GAVE_UP),
                        None,
                    ),
                };
                ring = w
                    .timers(id)
                    .first()
                    .map(|x| fraction_left(x.set_at, x.deadline, w.now()));
                commands.push(CommandVis {
                    id: "propose",
                    label: format!("{} {own}", tr(lang, Text::Page(&super::texts::PROPOSE))),
                    enabled: alive,
                });
                // A Nack told it of a higher number: its round is lost and it waits for its
                // retry timer (Paxos Made Simple §2.4: abandon, then try a higher number).
                // Said as such, so the label agrees with the status's highest round.
                let preempted_by = n.preempted_by().filter(|_| {
                    matches!(n.phase(), Phase::Preparing { .. } | Phase::Accepting { .. })
                });
                let (state, phase) = match preempted_by {
                    Some(by) => (
                        "preempted",
                        format!(
                            "{} {}",
                            tr(lang, Text::Page(&super::texts::PHASE_PREEMPTED)),
                            by.round
                        ),
                    ),
                    None => (state, tr(lang, phase_key).to_string()),
                };
                let label = match current {
                    Some(b) => format!(
                        "{} · {phase} {}",
                        tr(lang, Text::Page(&super::texts::PROPOSER)),
                        ballot(b, names)
                    ),
                    None => format!(
                        "{} · {phase}",
                        tr(lang, Text::Page(&super::texts::PROPOSER))
                    ),
                };
                if let Some(b) = current {
                    let v = match n.phase() {
                        Phase::Accepting { v, .. } | Phase::Chosen { v, .. } => val(*v),
                        _ => "–".into(),
                    };
                    let promises = match n.phase() {
                        Phase::Preparing { promises, .. } => {
                            format!("{}/{}", promises.len(), self.cfg.majority())
                        }
                        Phase::Accepting { acks, .. } => {
                            format!("{}/{}", acks.len(), self.cfg.majority())
                        }
                        _ => "✓".into(),
                    };
                    cells.push(self.cell(
                        ballot(b, names),
                        v,
                        promises,
                        format!("phase-{state}"),
                        state == "chosen",
                    ));
                }
                let details = vec![
                    (
                        tr(lang, Text::Key(Key::Status)).to_string(),
                        phase.to_string(),
                    ),
                    (
                        tr(lang, Text::Page(&super::texts::ATTEMPTS)).to_string(),
                        n.attempts().to_string(),
                    ),
                    (
                        tr(lang, Text::Page(&super::texts::CHOSEN_VALUE)).to_string(),
                        n.learned().map_or_else(none, |(_, v)| val(v)),
                    ),
                ];
                // The badge shows the value in play: once accepting, the value it proposes
                // (maybe adopted from a promise), not the one it started with.
                let badge = match n.phase() {
                    Phase::Accepting { v, .. } | Phase::Chosen { v, .. } => val(*v),
                    _ => own,
                };
                (
                    "proposer",
                    state,
                    Shape::Diamond,
                    tone,
                    badge,
                    label,
                    details,
                )
            }
            PaxosRole::Acceptor(_) => {
                let promised = n.promised().map_or("–".into(), |b| ballot(b, names));
                let accepted = n.accepted();
                let (state, tone) = match (accepted, n.promised()) {
                    (Some((_, v)), _) => ("accepted", value_tone(v)),
                    (None, Some(_)) => ("promised", "blue"),
                    (None, None) => ("empty", "blue"),
                };
                cells.push(self.cell(
                    tr(lang, Text::Page(&super::texts::PROMISED)).into(),
                    promised.clone(),
                    String::new(),
                    "promise".into(),
                    false,
                ));
                if let Some((b, v)) = accepted {
                    cells.push(self.cell(
                        tr(lang, Text::Page(&super::texts::ACCEPTED_PROPOSAL)).into(),
                        val(v),
                        ballot(b, names),
                        format!("val-{}", value_tone(v)),
                        true,
                    ));
                }
                let details = vec![
                    (
                        tr(lang, Text::Page(&super::texts::PROMISED)).to_string(),
                        promised.clone(),
                    ),
                    (
                        tr(lang, Text::Page(&super::texts::ACCEPTED_PROPOSAL)).to_string(),
                        accepted.map_or("–".into(), |(b, v)| {
                            format!("{} @ {}", val(v), ballot(b, names))
                        }),
                    ),
                ];
                let label = format!(
                    "{} · {promised}",
                    tr(lang, Text::Page(&super::texts::ACCEPTOR))
                );
                (
                    "acceptor",
                    state,
                    Shape::Circle,
                    tone,
                    accepted.map_or("·".into(), |(_, v)| val(v)),
                    label,
                    details,
                )
            }
            PaxosRole::Learner => {
                let learned = n.learned();
                if let Some((b, v)) = learned {
                    cells.push(self.cell(
                        tr(lang, Text::Page(&super::texts::CHOSEN_VALUE)).into(),
                        val(v),
                        ballot(b, names),
                        format!("val-{}", value_tone(v)),
                        true,
                    ));
                }
                let details = vec![(
                    tr(lang, Text::Page(&super::texts::CHOSEN_VALUE)).to_string(),
                    learned.map_or_else(none, |(_, v)| val(v)),
                )];
                let (state, tone) = match learned {
                    Some((_, v)) => ("learned", value_tone(v)),
                    None => ("waiting", "violet"),
                };
                (
                    "learner",
                    state,
                    Shape::Square,
                    tone,
                    learned.map_or("?".into(), |(_, v)| val(v)),
                    tr(lang, Text::Page(&super::texts::LEARNER)).into(),
                    details,
                )
            }
        };
        NodeVis {
            id,
            name: names[id].clone(),
            role,
            state,
            shape,
            tone,
            crashed: false,
            badge,
            label,
            ring,
            term: None,
            details,
            commands,
            strip: StripVis::from_cells(cells),
        }
        .crashed_if(!alive, lang)
    }

    fn msg_style(&self, m: &PaxosMsg) -> MsgStyle {
        KINDS[match m {
            PaxosMsg::Prepare { .. } => 0,
            PaxosMsg::Promise { .. } => 1,
            PaxosMsg::Nack { .. } => 2,
            PaxosMsg::Accept { .. } => 3,
            PaxosMsg::Accepted { .. } => 4,
        }]
    }

    fn msg_detail(&self, m: &PaxosMsg) -> String {
        let b = |x: &Ballot| ballot(*x, &self.names);
        match m {
            PaxosMsg::Prepare { n } => b(n),
            PaxosMsg::Promise { n, accepted } => match accepted {
                Some((ab, v)) => format!("{} · {}@{}", b(n), val(*v), b(ab)),
                None => b(n),
            },
            PaxosMsg::Nack { n, promised } => format!("{} < {}", b(n), b(promised)),
            PaxosMsg::Accept { n, v } | PaxosMsg::Accepted { n, v } => {
                format!("{} {}", b(n), val(*v))
            }
        }
    }

    fn timer_name(&self, _: &crate::protocols::paxos::PaxosTimer) -> Option<Text> {
        Some(Text::Page(&super::texts::RETRY_TIMER))
    }

    /// What Paxos messages carry (Lamport's n and v).
    fn msg_fields(
        &self,
        m: &PaxosMsg,
        lang: Lang,
    ) -> Vec<(&'static crate::ui::core::text::Tx, String)> {
        use super::texts as x;
        let f = |k: &'static crate::ui::core::text::Tx, v: String| (k, v);
        let b = |n: &Ballot| x::ballot(n, &self.names);
        match m {
            PaxosMsg::Prepare { n } => vec![f(&x::F_N, b(n))],
            PaxosMsg::Promise { n, accepted } => vec![
                f(&x::F_N, b(n)),
                f(
                    &x::F_ACCEPTED,
                    accepted.map_or_else(
                        || tr(lang, Text::Page(&x::F_NONE)).to_string(),
                        |(an, v)| format!("{} · {}", b(&an), val(v)),
                    ),
                ),
            ],
            PaxosMsg::Nack { n, promised } => {
                vec![f(&x::F_N, b(n)), f(&x::F_PROMISED, b(promised))]
            }
            PaxosMsg::Accept { n, v } | PaxosMsg::Accepted { n, v } => {
                vec![f(&x::F_N, b(n)), f(&x::F_V, val(*v))]
            }
        }
    }

    fn narrate(&self, lang: Lang, note: &PaxosNote) -> String {
        super::texts::narrate(lang, note, &self.names)
    }

    fn cmd_text(&self, _: &PaxosCmd) -> CmdText {
        CmdText::Propose
    }

    fn command(&mut self, _: &World<PaxosNode>, node: NodeId, id: &str) -> Option<PaxosCmd> {
        (id == "propose" && matches!(self.cfg.role_of(node), PaxosRole::Proposer(_)))
            .then_some(PaxosCmd::Propose)
    }

    fn status(&self, w: &World<PaxosNode>, lang: Lang) -> Vec<StatusVis> {
        let learned = w.node(self.cfg.learner_id()).learned();
        let round = (0..self.cfg.proposers)
            .map(|p| w.node(p).round())
            .max()
            .unwrap_or(0);
        vec![
            StatusVis {
                key: "chosen",
                label: tr(lang, Text::Page(&super::texts::CHOSEN_VALUE)).into(),
                value: learned.map_or_else(
                    || tr(lang, Text::Page(&super::texts::NONE_YET)).to_string(),
                    |(b, v)| format!("{} @ {}", val(v), ballot(b, &self.names)),
                ),
                alarm: false,
            },
            StatusVis {
                key: "round",
                label: tr(lang, Text::Page(&super::texts::ATTEMPTS)).into(),
                value: round.to_string(),
                alarm: false,
            },
        ]
    }

    fn roles(&self, lang: Lang) -> Vec<(Shape, &'static str, String)> {
        vec![
            (
                Shape::Diamond,
                "amber",
                tr(lang, Text::Page(&super::texts::PROPOSER)).into(),
            ),
            (
                Shape::Circle,
                "blue",
                tr(lang, Text::Page(&super::texts::ACCEPTOR)).into(),
            ),
            (
                Shape::Square,
                "violet",
                tr(lang, Text::Page(&super::texts::LEARNER)).into(),
            ),
            (
                Shape::Diamond,
                "green",
                tr(lang, Text::Page(&super::texts::LEGEND_CHOSEN)).into(),
            ),
            (
                Shape::Diamond,
                "grey",
                tr(lang, Text::Page(&super::texts::LEGEND_IDLE)).into(),
            ),
        ]
        .into_iter()
        // The colours values give acceptors and the learner (X, Y, Z: one per proposer).
        .chain((1..=self.cfg.proposers as u64).map(|v| {
            (
                Shape::Circle,
                value_tone(v),
                format!(
                    "{} {}",
                    tr(lang, Text::Page(&super::texts::LEGEND_VALUE)),
                    val(v)
                ),
            )
        }))
        .chain(std::iter::once((
            Shape::Circle,
            "grey",
            tr(lang, Text::Key(Key::Crashed)).into(),
        )))
        .collect()
    }

    fn mark(&self, note: &PaxosNote) -> Option<(Text, Option<NodeId>)> {
        match note {
            PaxosNote::Promised { to, .. } => {
                Some((Text::Page(&super::texts::PROMISED), Some(*to)))
            }
            PaxosNote::AcceptedValue { .. } => {
                Some((Text::Page(&super::texts::ACCEPTED_PROPOSAL), None))
            }
            PaxosNote::LearnedChosen { .. } => {
                Some((Text::Page(&super::texts::PHASE_CHOSEN), None))
            }
            PaxosNote::Preempted { .. } | PaxosNote::GaveUp => {
                Some((Text::Page(&super::texts::MSG_NACK), None))
            }
            _ => None,
        }
    }

    fn details(&self) -> &'static [crate::ui::core::text::Tx] {
        super::texts::DETAILS
    }

    fn rule_name(&self, rule: &'static str) -> Text {
        use crate::protocols::paxos::invariants as px;
        match rule {
            px::ONE_VALUE => Text::Page(&super::texts::RULE_ONE_VALUE),
            px::LEARN_ONLY_CHOSEN => Text::Page(&super::texts::RULE_LEARN_ONLY_CHOSEN),
            _ => Text::Key(Key::ViolationTitle),
        }
    }

    fn kinds(&self) -> Vec<MsgStyle> {
        KINDS.to_vec()
    }
}
