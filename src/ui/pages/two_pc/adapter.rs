//! How 2PC looks: the coordinator ⬢ with its decision log, participants ● coloured by
//! state, each blocked yes-voter with a running "blocked for N ms" counter.

use crate::protocols::atomic_commit::Outcome;
use crate::protocols::two_pc::{
    CoordPhase, PartState, TpcCmd, TpcMsg, TpcNote, TpcTimer, TwoPcConfig, TwoPcNode, TwoPcPreset,
};
use crate::sim::{NodeId, SimTime, World, MS};
use crate::ui::core::i18n::{t, CmdText, Key, Lang};
use crate::ui::core::runner::{Adapter, Sim};
use crate::ui::core::scenario::Scenario;
use crate::ui::core::text::Text;
use crate::ui::core::view::{
    fraction_left, CellVis, CommandVis, MsgStyle, NodeVis, Shape, StatusVis, StripVis,
};

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
        let l = crate::protocols::two_pc::presets::LATENCY / MS;
        sc.latency_min_ms = l;
        sc.latency_max_ms = l;
        sc.loss_pct = 0;
    }
}

pub fn build(sc: &Scenario) -> Sim<TwoPcAdapter> {
    let cfg = TwoPcConfig {
        participants: sc.nodes,
        vote_timeout: sc.param("timeout") * MS,
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
        key: Text::Key(Key::MsgTpcPrepare),
    },
    MsgStyle {
        class: "msg-c-yes",
        badge: "✓",
        key: Text::Key(Key::MsgVoteYes),
    },
    MsgStyle {
        class: "msg-c-no",
        badge: "✗",
        key: Text::Key(Key::MsgVoteNo),
    },
    MsgStyle {
        class: "msg-c-commit",
        badge: "C",
        key: Text::Key(Key::MsgCommit),
    },
    MsgStyle {
        class: "msg-c-abort",
        badge: "A",
        key: Text::Key(Key::MsgAbort),
    },
    MsgStyle {
        class: "msg-c-ack",
        badge: "ok",
        key: Text::Key(Key::MsgAck),
    },
    MsgStyle {
        class: "msg-c-inquiry",
        badge: "?",
        key: Text::Key(Key::MsgInquiry),
    },
];

/// `commit` / `abort` in `lang`.
pub(crate) fn outcome_text(lang: Lang, o: Outcome) -> &'static str {
    t(
        lang,
        if o == Outcome::Commit {
            Key::MsgCommit
        } else {
            Key::MsgAbort
        },
    )
}

/// The vote-toggle command of a participant.
pub(crate) fn vote_command(lang: Lang, votes_no: bool, enabled: bool) -> CommandVis {
    CommandVis {
        id: "vote-no",
        label: t(lang, if votes_no { Key::VoteYes } else { Key::VoteNo }).into(),
        enabled,
    }
}

/// "blocked 1234 ms" for a participant holding locks since `since`.
pub(crate) fn blocked_for(lang: Lang, since: SimTime, now: SimTime) -> String {
    format!(
        "{} {} ms",
        t(lang, Key::Blocked),
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
            t(lang, Key::DecisionLog).into(),
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
                    CoordPhase::Idle => ("idle", "grey", Key::CoordIdle),
                    CoordPhase::Collecting => ("collecting", "amber", Key::CoordCollecting),
                    CoordPhase::Flushing(_) => ("flushing", "amber", Key::CoordFlushing),
                    CoordPhase::Sending { .. } => ("sending", "amber", Key::CoordSending),
                    CoordPhase::Done(Outcome::Commit) => ("committed", "green", Key::CoordDone),
                    CoordPhase::Done(Outcome::Abort) => ("aborted", "red", Key::CoordDone),
                };
                ring = w
                    .timers(id)
                    .iter()
                    .find(|x| x.timer == TpcTimer::VoteTimeout)
                    .map(|x| fraction_left(x.set_at, x.deadline, now));
                let logged = n
                    .logged()
                    .map_or("–".to_string(), |d| outcome_text(lang, d).to_string());
                let details = vec![
                    (t(lang, Key::Status).to_string(), t(lang, key).to_string()),
                    (t(lang, Key::DecisionLog).to_string(), logged.clone()),
                    (
                        t(lang, Key::Votes).to_string(),
                        format!("{}/{}", n.votes().len(), w.len() - 1),
                    ),
                    (
                        t(lang, Key::Acks).to_string(),
                        format!("{}/{}", n.acks().len(), w.len() - 1),
                    ),
                ];
                let commands = vec![CommandVis {
                    id: "begin",
                    label: t(lang, Key::Begin).into(),
                    enabled: alive && n.phase() == CoordPhase::Idle && n.logged().is_none(),
                }];
                let label = format!("{} · {}", t(lang, Key::Coordinator), t(lang, key));
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
                    PartState::Init => ("init", "blue", Key::StateInit, "…"),
                    PartState::Prepared { .. } => ("prepared", "amber", Key::StatePrepared, "✓?"),
                    PartState::Committed => ("committed", "green", Key::StateCommitted, "✓"),
                    PartState::Aborted => ("aborted", "red", Key::StateAborted, "✗"),
                };
                let mut label = t(lang, key).to_string();
                if let PartState::Prepared { since } = n.state() {
                    label = format!("{label} · {}", blocked_for(lang, since, now));
                } else if n.state() == PartState::Init && n.will_vote_no() {
                    label = format!(
                        "{label} · {} {}",
                        t(lang, Key::WillVote),
                        t(lang, Key::MsgVoteNo)
                    );
                }
                let details = vec![
                    (t(lang, Key::Status).to_string(), t(lang, key).to_string()),
                    (
                        t(lang, Key::WillVote).to_string(),
                        t(
                            lang,
                            if n.will_vote_no() {
                                Key::MsgVoteNo
                            } else {
                                Key::MsgVoteYes
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
                    t(lang, Key::Status).into(),
                    t(lang, key).into(),
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
                label: t(lang, Key::StatusDecision).into(),
                value: coord
                    .logged()
                    .map_or("–".into(), |d| outcome_text(lang, d).to_string()),
                alarm: false,
            },
            StatusVis {
                key: "blocked",
                label: t(lang, Key::StatusBlocked).into(),
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

    fn mark(&self, note: &TpcNote) -> Option<Text> {
        match note {
            TpcNote::VotedYes => Some(Key::MsgVoteYes.into()),
            TpcNote::VotedNo => Some(Key::MsgVoteNo.into()),
            TpcNote::Logged(_) => Some(Key::DecisionLog.into()),
            TpcNote::Finished(Outcome::Commit) => Some(Key::StateCommitted.into()),
            TpcNote::Finished(Outcome::Abort) => Some(Key::StateAborted.into()),
            TpcNote::StillBlocked => Some(Key::Blocked.into()),
            _ => None,
        }
    }

    fn rule_name(&self, rule: &'static str) -> Text {
        match rule {
            crate::protocols::atomic_commit::ATOMICITY => Key::RuleAtomicity,
            _ => Key::ViolationTitle,
        }
        .into()
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
        label: t(lang, Key::StatusOutcomes).into(),
        value,
        alarm: mixed,
    }
}

pub(crate) fn commit_roles(lang: Lang) -> Vec<(Shape, &'static str, String)> {
    vec![
        (Shape::Hexagon, "amber", t(lang, Key::Coordinator).into()),
        (
            Shape::Circle,
            "blue",
            format!(
                "{} · {}",
                t(lang, Key::Participant),
                t(lang, Key::StateInit)
            ),
        ),
        (
            Shape::Circle,
            "amber",
            format!("{} · {}", t(lang, Key::Participant), t(lang, Key::Blocked)),
        ),
        (Shape::Circle, "green", t(lang, Key::StateCommitted).into()),
        (Shape::Circle, "red", t(lang, Key::StateAborted).into()),
        (Shape::Circle, "grey", t(lang, Key::Crashed).into()),
    ]
}
