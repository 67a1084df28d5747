//! How 3PC looks: like 2PC, plus each participant's timeout ring, which decides for it
//! (abort before PreCommit, commit after).

use crate::decimal::Fixed;
use crate::protocols::atomic_commit::Outcome;
use crate::protocols::three_pc::{
    Coord3, Part3, ThreeMsg, ThreeNote, ThreePcConfig, ThreePcNode, ThreePcPreset, ThreeTimer,
};
use crate::protocols::two_pc::TpcCmd;
use crate::sim::{NodeId, SimTime, World, MS};
use crate::ui::core::i18n::{CmdText, Key, Lang};
use crate::ui::core::runner::{Adapter, Sim};
use crate::ui::core::scenario::Scenario;
use crate::ui::core::text::{tr, Text};
use crate::ui::core::view::{CellVis, CommandVis, MsgStyle, NodeVis, Shape, StatusVis, StripVis};
use crate::ui::pages::two_pc::adapter::{
    commit_cmd_text, commit_command, commit_roles, outcome_text, outcomes_status, vote_cells,
    vote_command,
};
use crate::ui::pages::two_pc::texts as commit;

#[derive(Clone)]
pub struct ThreePcAdapter {
    names: Vec<String>,
    cfg: ThreePcConfig,
    /// The network's latency range and loss, for the synchrony check.
    latency: (SimTime, SimTime),
    loss: bool,
}

fn preset(slug: Option<&str>) -> Option<ThreePcPreset> {
    ThreePcPreset::ALL
        .into_iter()
        .find(|p| Some(p.slug()) == slug)
}

pub fn preset_settings(sc: &mut Scenario) {
    let Some(p) = preset(sc.preset) else {
        return;
    };
    let net = p.network();
    sc.set_lossless_latency(net.latency_min, net.latency_max);
    sc.set_param(&super::TERM, p.termination() as u64);
    let (c, pt) = p.timeouts();
    sc.set_param(&super::COORD_TIMEOUT, c / MS);
    sc.set_param(&super::PART_TIMEOUT, pt / MS);
}

pub fn build(sc: &Scenario) -> Sim<ThreePcAdapter> {
    let cfg = ThreePcConfig {
        participants: sc.nodes,
        coord_timeout: sc.param(&super::COORD_TIMEOUT) * MS,
        part_timeout: sc.param(&super::PART_TIMEOUT) * MS,
        termination: sc.param(&super::TERM) == 1,
        ..ThreePcConfig::default()
    };
    let world = World::new(
        crate::ui::core::runner::world_config(sc),
        ThreePcNode::cluster(&cfg),
    );
    let names = (0..cfg.size()).map(|i| cfg.name(i)).collect();
    let script = preset(sc.preset)
        .map(|p| p.script(&cfg))
        .unwrap_or_default();
    let adapter = ThreePcAdapter {
        names,
        cfg,
        latency: (sc.latency_min_ms * MS, sc.latency_max_ms * MS),
        loss: sc.loss_pct > 0,
    };
    Sim::new(world, adapter).with_script(script)
}

const KINDS: [MsgStyle; 11] = [
    MsgStyle {
        class: "msg-c-prepare",
        badge: "CC",
        key: Text::Page(&super::texts::MSG_CAN_COMMIT),
    },
    MsgStyle {
        class: "msg-c-yes",
        badge: "✓",
        key: Text::Page(&commit::MSG_VOTE_YES),
    },
    MsgStyle {
        class: "msg-c-no",
        badge: "✗",
        key: Text::Page(&commit::MSG_VOTE_NO),
    },
    MsgStyle {
        class: "msg-c-precommit",
        badge: "PC",
        key: Text::Page(&super::texts::MSG_PRE_COMMIT),
    },
    MsgStyle {
        class: "msg-c-ack",
        badge: "ok",
        key: Text::Page(&super::texts::MSG_PRE_ACK),
    },
    MsgStyle {
        class: "msg-c-commit",
        badge: "DC",
        key: Text::Page(&super::texts::MSG_DO_COMMIT),
    },
    MsgStyle {
        class: "msg-c-abort",
        badge: "A",
        key: Text::Page(&commit::MSG_ABORT),
    },
    MsgStyle {
        class: "msg-c-ack",
        badge: "✓",
        key: Text::Page(&super::texts::MSG_DONE),
    },
    MsgStyle {
        class: "msg-c-inquiry",
        badge: "?",
        key: Text::Page(&commit::MSG_INQUIRY),
    },
    MsgStyle {
        class: "msg-c-inquiry",
        badge: "s?",
        key: Text::Page(&super::texts::MSG_STATE_REQ),
    },
    MsgStyle {
        class: "msg-c-ack",
        badge: "s",
        key: Text::Page(&super::texts::MSG_STATE_REPLY),
    },
];

impl Adapter for ThreePcAdapter {
    type P = ThreePcNode;

    fn names(&self) -> &[String] {
        &self.names
    }

    fn node(&self, w: &World<ThreePcNode>, id: NodeId, lang: Lang) -> NodeVis {
        let n = w.node(id);
        let alive = w.is_alive(id);
        let timer = |which: ThreeTimer| crate::ui::core::runner::timer_left(w, id, &which);
        let (role, state, shape, tone, badge, label, details, commands, cells, ring) = if n
            .is_coordinator()
        {
            let (state, tone, key) = match n.coord() {
                Coord3::Idle => ("idle", "grey", Text::Page(&commit::COORD_IDLE)),
                Coord3::Voting => ("collecting", "amber", Text::Page(&commit::COORD_COLLECTING)),
                Coord3::AwaitingAcks => (
                    "precommitting",
                    "amber",
                    Text::Page(&super::texts::COORD_AWAITING_ACKS),
                ),
                Coord3::Done(Outcome::Commit) => {
                    ("committed", "green", Text::Page(&commit::COORD_DONE))
                }
                Coord3::Done(Outcome::Abort) => ("aborted", "red", Text::Page(&commit::COORD_DONE)),
            };
            let decided = match n.coord() {
                Coord3::Done(d) => Some(d),
                _ => None,
            };
            let details = vec![
                (
                    tr(lang, Text::Key(Key::Status)).to_string(),
                    tr(lang, key).to_string(),
                ),
                (
                    tr(lang, Text::Page(&commit::VOTES)).to_string(),
                    format!("{}/{}", n.votes().len(), w.len() - 1),
                ),
                (
                    tr(lang, Text::Page(&commit::ACKS)).to_string(),
                    format!("{}/{}", n.acks().len(), w.len() - 1),
                ),
            ];
            let commands = vec![CommandVis {
                id: "begin",
                label: tr(lang, Text::Page(&commit::BEGIN)).into(),
                enabled: alive && n.coord() == Coord3::Idle,
            }];
            let badge = decided.map_or("…".into(), |d| {
                if d == Outcome::Commit {
                    "✓".into()
                } else {
                    "✗".into()
                }
            });
            let label = format!(
                "{} · {}",
                tr(lang, Text::Page(&commit::COORDINATOR)),
                tr(lang, key)
            );
            (
                "coordinator",
                state,
                Shape::Hexagon,
                tone,
                badge,
                label,
                details,
                commands,
                vote_cells(lang, &self.names, n.votes(), decided),
                timer(ThreeTimer::CoordTimeout),
            )
        } else {
            let (state, tone, key, badge) = match n.state() {
                Part3::Init => ("init", "blue", Text::Page(&commit::STATE_INIT), "…"),
                Part3::Uncertain => (
                    "uncertain",
                    "amber",
                    Text::Page(&super::texts::STATE_UNCERTAIN),
                    "✓?",
                ),
                Part3::PreCommitted => (
                    "precommitted",
                    "violet",
                    Text::Page(&super::texts::STATE_PRE_COMMITTED),
                    "PC",
                ),
                Part3::Committed => (
                    "committed",
                    "green",
                    Text::Page(&commit::STATE_COMMITTED),
                    "✓",
                ),
                Part3::Aborted => ("aborted", "red", Text::Page(&commit::STATE_ABORTED), "✗"),
            };
            let mut label = tr(lang, key).to_string();
            if n.is_recovering() {
                label = tr(lang, Text::Page(&super::texts::STATE_RECOVERING)).to_string();
            } else if let Some(heard) = n.asking() {
                label = format!(
                    "{} · {}/{}",
                    tr(lang, Text::Page(&super::texts::STATE_ASKING)),
                    heard.len(),
                    w.len().saturating_sub(2)
                );
            } else if n.state() == Part3::Init && n.will_vote_no() {
                label = format!(
                    "{label} · {} {}",
                    tr(lang, Text::Page(&commit::WILL_VOTE)),
                    tr(lang, Text::Page(&commit::MSG_VOTE_NO))
                );
            }
            let details = vec![
                (
                    tr(lang, Text::Key(Key::Status)).to_string(),
                    tr(lang, key).to_string(),
                ),
                (
                    tr(lang, Text::Page(&commit::WILL_VOTE)).to_string(),
                    tr(
                        lang,
                        if n.will_vote_no() {
                            Text::Page(&commit::MSG_VOTE_NO)
                        } else {
                            Text::Page(&commit::MSG_VOTE_YES)
                        },
                    )
                    .to_string(),
                ),
            ];
            let commands = vec![vote_command(
                lang,
                n.will_vote_no(),
                alive && n.state() == Part3::Init,
            )];
            let done = matches!(n.state(), Part3::Committed | Part3::Aborted);
            let cells = vec![CellVis {
                top: tr(lang, Text::Key(Key::Status)).into(),
                main: tr(lang, key).into(),
                sub: String::new(),
                class: state.into(),
                value: state.into(),
                done,
                title: tr(lang, key).into(),
            }];
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
                timer(ThreeTimer::PartTimeout),
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

    fn msg_style(&self, m: &ThreeMsg) -> MsgStyle {
        KINDS[match m {
            ThreeMsg::CanCommit => 0,
            ThreeMsg::Vote { yes: true } => 1,
            ThreeMsg::Vote { yes: false } => 2,
            ThreeMsg::PreCommit => 3,
            ThreeMsg::PreAck => 4,
            ThreeMsg::DoCommit => 5,
            ThreeMsg::Abort => 6,
            ThreeMsg::Done => 7,
            ThreeMsg::Inquiry => 8,
            ThreeMsg::StateReq => 9,
            ThreeMsg::StateReply { .. } => 10,
        }]
    }

    fn msg_detail(&self, _: &ThreeMsg) -> String {
        String::new()
    }

    fn timer_name(&self, timer: &crate::protocols::three_pc::ThreeTimer) -> Option<Text> {
        use crate::protocols::three_pc::ThreeTimer as T;
        Some(Text::Page(match timer {
            T::CoordTimeout => &super::texts::T_COORD_TIMEOUT,
            T::Inquiry => &super::texts::T_INQUIRY,
            T::PartTimeout => &super::texts::T_PART_TIMEOUT,
            T::Collect => &super::texts::T_COLLECT,
        }))
    }

    fn narrate(&self, lang: Lang, note: &ThreeNote) -> String {
        super::texts::narrate(lang, note, &self.names)
    }

    fn cmd_text(&self, cmd: &TpcCmd) -> CmdText {
        commit_cmd_text(cmd)
    }

    fn command(&mut self, w: &World<ThreePcNode>, node: NodeId, id: &str) -> Option<TpcCmd> {
        commit_command(id, node, |n| w.node(n).will_vote_no())
    }

    fn status(&self, w: &World<ThreePcNode>, lang: Lang) -> Vec<StatusVis> {
        let decided = match w.node(0).coord() {
            Coord3::Done(d) => outcome_text(lang, d).to_string(),
            _ => "–".into(),
        };
        // 3PC's synchrony assumption, with the numbers of this run.
        let (lo, hi) = self.latency;
        let least = self.cfg.least_safe_part_timeout(lo, hi);
        let holds = self.cfg.part_timeout > least && !self.loss;
        let ms = |t: SimTime| Fixed(t as f64 / MS as f64, 0);
        let mut synchrony = format!(
            "{} {} > {} + ({} − {}) = {} ms {}",
            tr(lang, Text::Page(&super::texts::PART_TIMEOUT_SHORT)),
            ms(self.cfg.part_timeout),
            ms(self.cfg.coord_timeout),
            ms(hi),
            ms(lo),
            ms(least),
            if self.cfg.part_timeout > least {
                "✓"
            } else {
                "✗"
            }
        );
        if self.loss {
            synchrony = format!(
                "{synchrony}; {}",
                tr(lang, Text::Page(&super::texts::SYNCHRONY_LOSS))
            );
        }
        vec![
            StatusVis {
                key: "synchrony",
                label: tr(lang, Text::Page(&super::texts::SYNCHRONY)).into(),
                value: synchrony,
                alarm: !holds,
            },
            StatusVis {
                key: "decision",
                label: tr(lang, Text::Page(&commit::COORDINATOR)).into(),
                value: decided,
                alarm: false,
            },
            outcomes_status(
                lang,
                &self.names,
                (1..w.len()).map(|i| match w.node(i).state() {
                    Part3::Committed => Some(Outcome::Commit),
                    Part3::Aborted => Some(Outcome::Abort),
                    _ => None,
                }),
            ),
        ]
    }

    fn roles(&self, lang: Lang) -> Vec<(Shape, &'static str, String)> {
        let mut r = commit_roles(lang);
        r.insert(
            3,
            (
                Shape::Circle,
                "violet",
                tr(lang, Text::Page(&super::texts::STATE_PRE_COMMITTED)).into(),
            ),
        );
        r
    }

    fn mark(&self, note: &ThreeNote) -> Option<(Text, Option<NodeId>)> {
        match note {
            ThreeNote::VotedYes => Some((Text::Page(&commit::MSG_VOTE_YES), None)),
            ThreeNote::PreCommitted => Some((Text::Page(&super::texts::STATE_PRE_COMMITTED), None)),
            ThreeNote::Finished(Outcome::Commit) => {
                Some((Text::Page(&commit::STATE_COMMITTED), None))
            }
            ThreeNote::Finished(Outcome::Abort) => Some((Text::Page(&commit::STATE_ABORTED), None)),
            ThreeNote::TimeoutCommit | ThreeNote::TimeoutAbort => {
                Some((Text::Page(&super::texts::PART_TIMEOUT), None))
            }
            _ => None,
        }
    }

    fn details(&self) -> &'static [crate::ui::core::text::Tx] {
        super::texts::DETAILS
    }

    fn rule_name(&self, rule: &'static str) -> Text {
        match rule {
            crate::protocols::atomic_commit::ATOMICITY => Text::Page(&commit::RULE_ATOMICITY),
            _ => Text::Key(Key::ViolationTitle),
        }
    }

    fn kinds(&self) -> Vec<MsgStyle> {
        KINDS.to_vec()
    }
}
