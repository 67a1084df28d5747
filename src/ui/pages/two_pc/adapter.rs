//! How 2PC looks: the coordinator ⬢ with its decision log, participants ● coloured by
//! state, each blocked yes-voter with a running "blocked for N ms" counter.

use crate::protocols::atomic_commit::Outcome;
use crate::protocols::two_pc::{
    CoordPhase, PartState, TpcCmd, TpcMsg, TpcNote, TpcTimer, TwoPcConfig, TwoPcNode, TwoPcPreset,
};
use crate::sim::{NodeId, SimTime, World, MS};
use crate::ui::core::i18n::{CmdText, Key, Lang};
use crate::ui::core::runner::{Adapter, Sim};
use crate::ui::core::scenario::Scenario;
use crate::ui::core::text::{tr, Text};
use crate::ui::core::view::{CellVis, CommandVis, MsgStyle, NodeVis, Shape, StatusVis, StripVis};

#[derive(Clone)]
pub struct TwoPcAdapter {
    names: Vec<String>,
}

fn preset(slug: Option<&str>) -> Option<TwoPcPreset> {
    TwoPcPreset::ALL
        .into_iter()
        .find(|p| Some(p.slug()) == slug)
}

/// Presets run on a fixed latency so that their crashes land where they should.
pub fn preset_settings(sc: &mut Scenario) {
    if preset(sc.preset).is_some() {
        let latency = crate::protocols::two_pc::presets::LATENCY;
        sc.set_lossless_latency(latency, latency);
    }
}

pub fn build(sc: &Scenario) -> Sim<TwoPcAdapter> {
    let cfg = TwoPcConfig {
        participants: sc.nodes,
        vote_timeout: sc.param(&super::TIMEOUT) * MS,
        ..TwoPcConfig::default()
    };
    let world = World::new(
        crate::ui::core::runner::world_config(sc),
        TwoPcNode::cluster(&cfg),
    );
    let names = (0..cfg.size()).map(|i| cfg.name(i)).collect();
    let script = preset(sc.preset)
        .map(|p| p.script(&cfg))
        .unwrap_or_default();
    Sim::new(world, TwoPcAdapter { names }).with_script(script)
}

const KINDS: [MsgStyle; 7] = [
    MsgStyle {
        class: "msg-c-prepare",
        badge: "P",
        key: Text::Page(&super::texts::MSG_TPC_PREPARE),
    },
    MsgStyle {
        class: "msg-c-yes",
        badge: "✓",
        key: Text::Page(&super::texts::MSG_VOTE_YES),
    },
    MsgStyle {
        class: "msg-c-no",
        badge: "✗",
        key: Text::Page(&super::texts::MSG_VOTE_NO),
    },
    MsgStyle {
        class: "msg-c-commit",
        badge: "C",
        key: Text::Page(&super::texts::MSG_COMMIT),
    },
    MsgStyle {
        class: "msg-c-abort",
        badge: "A",
        key: Text::Page(&super::texts::MSG_ABORT),
    },
    MsgStyle {
        class: "msg-c-ack",
        badge: "ok",
        key: Text::Page(&super::texts::MSG_ACK),
    },
    MsgStyle {
        class: "msg-c-inquiry",
        badge: "?",
        key: Text::Page(&super::texts::MSG_INQUIRY),
    },
];

/// `commit` / `abort` in `lang`.
pub(crate) fn outcome_text(lang: Lang, o: Outcome) -> &'static str {
    tr(
        lang,
        if o == Outcome::Commit {
            Text::Page(&super::texts::MSG_COMMIT)
        } else {
            Text::Page(&super::texts::MSG_ABORT)
        },
    )
}

/// The vote-toggle command of a participant.
pub(crate) fn vote_command(lang: Lang, votes_no: bool, enabled: bool) -> CommandVis {
    CommandVis {
        id: "vote-no",
        label: tr(
            lang,
            if votes_no {
                Text::Page(&super::texts::VOTE_YES)
            } else {
                Text::Page(&super::texts::VOTE_NO)
            },
        )
        .into(),
        enabled,
    }
}

/// "blocked 1234 ms" for a participant holding locks since `since`.
pub(crate) fn blocked_for(lang: Lang, since: SimTime, now: SimTime) -> String {
    format!(
        "{} {} ms",
        tr(lang, Text::Page(&super::texts::BLOCKED)),
        crate::ui::core::runner::ms(now.saturating_sub(since))
    )
}

fn cell(top: String, main: String, class: &str, done: bool) -> CellVis {
    CellVis {
        title: format!("{top} {main}"),
        value: main.clone(),
        top,
        main,
        sub: String::new(),
        class: class.into(),
        done,
    }
}

/// Coordinator cells: each vote, then the decision log.
pub(crate) fn vote_cells(
    lang: Lang,
    names: &[String],
    votes: &[(NodeId, bool)],
    logged: Option<Outcome>,
) -> Vec<CellVis> {
    let mut cells: Vec<CellVis> = votes
        .iter()
        .map(|(p, yes)| {
            cell(
                names[*p].clone(),
                if *yes { "✓".into() } else { "✗".into() },
                if *yes { "yes" } else { "no" },
                true,
            )
        })
        .collect();
    if let Some(d) = logged {
        cells.push(cell(
            tr(lang, Text::Page(&super::texts::DECISION_LOG)).into(),
            outcome_text(lang, d).into(),
            if d == Outcome::Commit {
                "commit"
            } else {
                "abort"
            },
            true,
        ));
    }
    cells
}

impl Adapter for TwoPcAdapter {
    type P = TwoPcNode;

    fn names(&self) -> &[String] {
        &self.names
    }

    fn node(&self, w: &World<TwoPcNode>, id: NodeId, lang: Lang) -> NodeVis {
        let n = w.node(id);
        let alive = w.is_alive(id);
        let now = w.now();
        let mut ring = None;
        let (role, state, shape, tone, badge, label, details, commands, cells) =
            if n.is_coordinator() {
                let (state, tone, key) = match n.phase() {
                    CoordPhase::Idle => ("idle", "grey", Text::Page(&super::texts::COORD_IDLE)),
                    CoordPhase::Collecting => (
                        "collecting",
                        "amber",
                        Text::Page(&super::texts::COORD_COLLECTING),
                    ),
                    CoordPhase::Flushing(_) => (
                        "flushing",
                        "amber",
                        Text::Page(&super::texts::COORD_FLUSHING),
                    ),
                    CoordPhase::Sending { .. } => {
                        ("sending", "amber", Text::Page(&super::texts::COORD_SENDING))
                    }
                    CoordPhase::Done(Outcome::Commit) => {
                        ("committed", "green", Text::Page(&super::texts::COORD_DONE))
                    }
                    CoordPhase::Done(Outcome::Abort) => {
                        ("aborted", "red", Text::Page(&super::texts::COORD_DONE))
                    }
                };
                ring = crate::ui::core::runner::timer_left(w, id, &TpcTimer::VoteTimeout);
                let logged = n
                    .logged()
                    .map_or("–".to_string(), |d| outcome_text(lang, d).to_string());
                let details = vec![
                    (
                        tr(lang, Text::Key(Key::Status)).to_string(),
                        tr(lang, key).to_string(),
                    ),
                    (
                        tr(lang, Text::Page(&super::texts::DECISION_LOG)).to_string(),
                        logged.clone(),
                    ),
                    (
                        tr(lang, Text::Page(&super::texts::VOTES)).to_string(),
                        format!("{}/{}", n.votes().len(), w.len() - 1),
                    ),
                    (
                        tr(lang, Text::Page(&super::texts::ACKS)).to_string(),
                        format!("{}/{}", n.acks().len(), w.len() - 1),
                    ),
                ];
                let commands = vec![CommandVis {
                    id: "begin",
                    label: tr(lang, Text::Page(&super::texts::BEGIN)).into(),
                    enabled: alive && n.phase() == CoordPhase::Idle && n.logged().is_none(),
                }];
                let label = format!(
                    "{} · {}",
                    tr(lang, Text::Page(&super::texts::COORDINATOR)),
                    tr(lang, key)
                );
                let badge = n.logged().map_or("…".into(), |d| {
                    if d == Outcome::Commit {
                        "✓".into()
                    } else {
                        "✗".into()
                    }
                });
                (
                    "coordinator",
                    state,
                    Shape::Hexagon,
                    tone,
                    badge,
                    label,
                    details,
                    commands,
                    vote_cells(lang, &self.names, n.votes(), n.logged()),
                )
            } else {
                let (state, tone, key, badge) = match n.state() {
                    PartState::Init => ("init", "blue", Text::Page(&super::texts::STATE_INIT), "…"),
                    PartState::Prepared { .. } => (
                        "prepared",
                        "amber",
                        Text::Page(&super::texts::STATE_PREPARED),
                        "✓?",
                    ),
                    PartState::Committed => (
                        "committed",
                        "green",
                        Text::Page(&super::texts::STATE_COMMITTED),
                        "✓",
                    ),
                    PartState::Aborted => (
                        "aborted",
                        "red",
                        Text::Page(&super::texts::STATE_ABORTED),
                        "✗",
                    ),
                };
                let mut label = tr(lang, key).to_string();
                if let PartState::Prepared { since } = n.state() {
                    label = format!("{label} · {}", blocked_for(lang, since, now));
                } else if n.state() == PartState::Init && n.will_vote_no() {
                    label = format!(
                        "{label} · {} {}",
                        tr(lang, Text::Page(&super::texts::WILL_VOTE)),
                        tr(lang, Text::Page(&super::texts::MSG_VOTE_NO))
                    );
                }
                let details = vec![
                    (
                        tr(lang, Text::Key(Key::Status)).to_string(),
                        tr(lang, key).to_string(),
                    ),
                    (
                        tr(lang, Text::Page(&super::texts::WILL_VOTE)).to_string(),
                        tr(
                            lang,
                            if n.will_vote_no() {
                                Text::Page(&super::texts::MSG_VOTE_NO)
                            } else {
                                Text::Page(&super::texts::MSG_VOTE_YES)
                            },
                        )
                        .to_string(),
                    ),
                ];
                let commands = vec![vote_command(
                    lang,
                    n.will_vote_no(),
                    alive && n.state() == PartState::Init,
                )];
                let cells = vec![cell(
                    tr(lang, Text::Key(Key::Status)).into(),
                    tr(lang, key).into(),
                    state,
                    matches!(n.state(), PartState::Committed | PartState::Aborted),
                )];
                (
                    "participant",
                    state,
                    Shape::Circle,
                    tone,
                    badge.to_string(),
                    label,
                    details,
                    commands,
                    cells,
                )
            };
        NodeVis {
            id,
            name: self.names[id].clone(),
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

    fn msg_style(&self, m: &TpcMsg) -> MsgStyle {
        KINDS[match m {
            TpcMsg::Prepare => 0,
            TpcMsg::Vote { yes: true } => 1,
            TpcMsg::Vote { yes: false } => 2,
            TpcMsg::Decision(Outcome::Commit) => 3,
            TpcMsg::Decision(Outcome::Abort) => 4,
            TpcMsg::Ack => 5,
            TpcMsg::Inquiry => 6,
        }]
    }

    fn msg_detail(&self, _: &TpcMsg) -> String {
        String::new()
    }

    fn timer_name(&self, timer: &crate::protocols::two_pc::TpcTimer) -> Option<Text> {
        use crate::protocols::two_pc::TpcTimer as T;
        Some(Text::Page(match timer {
            T::VoteTimeout => &super::texts::T_VOTE_TIMEOUT,
            T::LogFlushed => &super::texts::T_LOG_FLUSH,
            T::SendNext => &super::texts::T_SEND_NEXT,
            T::Inquiry => &super::texts::T_INQUIRY,
        }))
    }

    fn narrate(&self, lang: Lang, note: &TpcNote) -> String {
        super::texts::narrate(lang, note, &self.names)
    }

    fn cmd_text(&self, cmd: &TpcCmd) -> CmdText {
        commit_cmd_text(cmd)
    }

    fn command(&mut self, w: &World<TwoPcNode>, node: NodeId, id: &str) -> Option<TpcCmd> {
        commit_command(id, node, |n| w.node(n).will_vote_no())
    }

    fn status(&self, w: &World<TwoPcNode>, lang: Lang) -> Vec<StatusVis> {
        let blocked: Vec<SimTime> = (1..w.len())
            .filter_map(|i| match w.node(i).state() {
                PartState::Prepared { since } => Some(w.now().saturating_sub(since)),
                _ => None,
            })
            .collect();
        let coord = w.node(0);
        vec![
            StatusVis {
                key: "decision",
                label: tr(lang, Text::Page(&super::texts::STATUS_DECISION)).into(),
                value: coord
                    .logged()
                    .map_or("–".into(), |d| outcome_text(lang, d).to_string()),
                alarm: false,
            },
            StatusVis {
                key: "blocked",
                label: tr(lang, Text::Page(&super::texts::STATUS_BLOCKED)).into(),
                value: match blocked.iter().max() {
                    Some(max) => format!(
                        "{} · {} ms",
                        blocked.len(),
                        crate::ui::core::runner::ms(*max)
                    ),
                    None => "0".into(),
                },
                alarm: !w.is_alive(0) && !blocked.is_empty(),
            },
            outcomes_status(
                lang,
                &self.names,
                (1..w.len()).map(|i| w.node(i).state()).map(|s| match s {
                    PartState::Committed => Some(Outcome::Commit),
                    PartState::Aborted => Some(Outcome::Abort),
                    _ => None,
                }),
            ),
        ]
    }

    fn roles(&self, lang: Lang) -> Vec<(Shape, &'static str, String)> {
        commit_roles(lang)
    }

    fn mark(&self, note: &TpcNote) -> Option<(Text, Option<NodeId>)> {
        match note {
            TpcNote::VotedYes => Some((Text::Page(&super::texts::MSG_VOTE_YES), None)),
            TpcNote::VotedNo => Some((Text::Page(&super::texts::MSG_VOTE_NO), None)),
            TpcNote::Logged(_) => Some((Text::Page(&super::texts::DECISION_LOG), None)),
            TpcNote::Finished(Outcome::Commit) => {
                Some((Text::Page(&super::texts::STATE_COMMITTED), None))
            }
            TpcNote::Finished(Outcome::Abort) => {
                Some((Text::Page(&super::texts::STATE_ABORTED), None))
            }
            TpcNote::StillBlocked => Some((Text::Page(&super::texts::BLOCKED), None)),
            _ => None,
        }
    }

    fn details(&self) -> &'static [crate::ui::core::text::Tx] {
        super::texts::DETAILS
    }

    fn rule_name(&self, rule: &'static str) -> Text {
        match rule {
            crate::protocols::atomic_commit::ATOMICITY => Text::Page(&super::texts::RULE_ATOMICITY),
            _ => Text::Key(Key::ViolationTitle),
        }
    }

    fn kinds(&self) -> Vec<MsgStyle> {
        KINDS.to_vec()
    }
}

/// How 2PC and 3PC commands are told in the log.
pub(crate) fn commit_cmd_text(cmd: &TpcCmd) -> CmdText {
    match cmd {
        TpcCmd::Begin => CmdText::Begin,
        TpcCmd::SetVoteNo(no) => CmdText::SetVoteNo(*no),
    }
}

/// The coordinator's "begin" and a participant's vote toggle (which flips what it will vote).
pub(crate) fn commit_command(
    id: &str,
    node: NodeId,
    votes_no: impl Fn(NodeId) -> bool,
) -> Option<TpcCmd> {
    match (id, node) {
        ("begin", 0) => Some(TpcCmd::Begin),
        ("vote-no", n) if n > 0 => Some(TpcCmd::SetVoteNo(!votes_no(n))),
        _ => None,
    }
}

/// "P1 ✓ · P2 ✓ · P3 …", alarming when commits and aborts mix.
pub(crate) fn outcomes_status(
    lang: Lang,
    names: &[String],
    outcomes: impl Iterator<Item = Option<Outcome>>,
) -> StatusVis {
    let outcomes: Vec<Option<Outcome>> = outcomes.collect();
    let value = outcomes
        .iter()
        .enumerate()
        .map(|(i, o)| {
            format!(
                "{} {}",
                names[i + 1],
                match o {
                    Some(Outcome::Commit) => "✓",
                    Some(Outcome::Abort) => "✗",
                    None => "…",
                }
            )
        })
        .collect::<Vec<_>>()
        .join(" · ");
    let mixed =
        outcomes.contains(&Some(Outcome::Commit)) && outcomes.contains(&Some(Outcome::Abort));
    StatusVis {
        key: "outcomes",
        label: tr(lang, Text::Page(&super::texts::STATUS_OUTCOMES)).into(),
        value,
        alarm: mixed,
    }
}

pub(crate) fn commit_roles(lang: Lang) -> Vec<(Shape, &'static str, String)> {
    vec![
        (
            Shape::Hexagon,
            "amber",
            tr(lang, Text::Page(&super::texts::COORDINATOR)).into(),
        ),
        (
            Shape::Circle,
            "blue",
            format!(
                "{} · {}",
                tr(lang, Text::Page(&super::texts::PARTICIPANT)),
                tr(lang, Text::Page(&super::texts::STATE_INIT))
            ),
        ),
        (
            Shape::Circle,
            "amber",
            format!(
                "{} · {}",
                tr(lang, Text::Page(&super::texts::PARTICIPANT)),
                tr(lang, Text::Page(&super::texts::BLOCKED))
            ),
        ),
        (
            Shape::Circle,
            "green",
            tr(lang, Text::Page(&super::texts::STATE_COMMITTED)).into(),
        ),
        (
            Shape::Circle,
            "red",
            tr(lang, Text::Page(&super::texts::STATE_ABORTED)).into(),
        ),
        (
            Shape::Circle,
            "grey",
            tr(lang, Text::Key(Key::Crashed)).into(),
        ),
    ]
}
