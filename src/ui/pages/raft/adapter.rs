//! How Raft looks: roles by shape and colour, the election timer as a ring, logs as strips.

use crate::protocols::raft::{RaftCmd, RaftConfig, RaftMsg, RaftNode, RaftNote, RaftTimer, Role};
use crate::sim::{NodeId, World, MS};
use crate::ui::core::i18n::{t, CmdText, Key, Lang};
use crate::ui::core::runner::{numbered, world_config};
use crate::ui::core::runner::{Adapter, Sim};
use crate::ui::core::scenario::Scenario;
use crate::ui::core::text::Text;
use crate::ui::core::view::{
    fraction_left, CellVis, CommandVis, MsgStyle, NodeVis, Shape, StatusVis, StripVis,
};

/// How many of the newest log entries a strip shows.
const SHOWN: usize = 24;

#[derive(Clone)]
pub struct RaftAdapter {
    names: Vec<String>,
    next_cmd: u64,
}

pub fn build(sc: &Scenario) -> Sim<RaftAdapter> {
    let cfg = RaftConfig {
        election_min: sc.param("emin") * MS,
        election_max: sc.param("emax") * MS,
        heartbeat: sc.param("hb") * MS,
        ..RaftConfig::default()
    };
    let world = World::new(
        world_config(sc),
        (0..sc.nodes).map(|_| RaftNode::new(cfg.clone())).collect(),
    );
    Sim::new(
        world,
        RaftAdapter {
            names: numbered("S", sc.nodes),
            next_cmd: 1,
        },
    )
}

const KINDS: [MsgStyle; 8] = [
    MsgStyle {
        class: "msg-rv",
        badge: "RV",
        key: Text::Key(Key::MsgRequestVote),
    },
    MsgStyle {
        class: "msg-vote-yes",
        badge: "✓",
        key: Text::Key(Key::MsgVoteGranted),
    },
    MsgStyle {
        class: "msg-vote-no",
        badge: "✗",
        key: Text::Key(Key::MsgVoteRefused),
    },
    MsgStyle {
        class: "msg-ae",
        badge: "AE",
        key: Text::Key(Key::MsgAppendEntries),
    },
    MsgStyle {
        class: "msg-hb",
        badge: "♥",
        key: Text::Key(Key::MsgHeartbeat),
    },
    MsgStyle {
        class: "msg-ae-ok",
        badge: "ok",
        key: Text::Key(Key::MsgAppendOk),
    },
    MsgStyle {
        class: "msg-ae-no",
        badge: "✗",
        key: Text::Key(Key::MsgAppendFail),
    },
    MsgStyle {
        class: "msg-redirect",
        badge: "→",
        key: Text::Key(Key::MsgRedirect),
    },
];

impl Adapter for RaftAdapter {
    type P = RaftNode;

    fn names(&self) -> &[String] {
        &self.names
    }

    fn node(&self, w: &World<RaftNode>, id: NodeId, lang: Lang) -> NodeVis {
        let n = w.node(id);
        let alive = w.is_alive(id);
        let role = if alive { n.role() } else { Role::Follower };
        let (attr, shape, tone, key) = match (alive, role) {
            (false, _) => ("crashed", Shape::Circle, "grey", Key::Crashed),
            (true, Role::Follower) => ("follower", Shape::Circle, "blue", Key::Follower),
            (true, Role::Candidate) => ("candidate", Shape::Diamond, "amber", Key::Candidate),
            (true, Role::Leader) => ("leader", Shape::Hexagon, "green", Key::Leader),
        };
        let label = match (alive, role, n.voted_for()) {
            (true, Role::Candidate, _) => {
                format!("{} · {}/{}", t(lang, key), n.votes().len(), w.len())
            }
            (true, Role::Follower, Some(v)) => format!("{} · →{}", t(lang, key), self.names[v]),
            _ => t(lang, key).to_string(),
        };
        let ring = w
            .timers(id)
            .iter()
            .find(|x| x.timer == RaftTimer::Election)
            .map(|x| fraction_left(x.set_at, x.deadline, w.now()));
        let nobody = || t(lang, Key::Nobody).to_string();
        let mut details = vec![
            (t(lang, Key::Term).to_string(), n.term().to_string()),
            (
                t(lang, Key::VotedFor).to_string(),
                n.voted_for().map_or_else(nobody, |v| self.names[v].clone()),
            ),
            (
                t(lang, Key::CommitIndex).to_string(),
                n.commit_index().to_string(),
            ),
            (t(lang, Key::Log).to_string(), n.log().len().to_string()),
            (
                t(lang, Key::Leader).to_string(),
                n.leader_hint()
                    .map_or_else(nobody, |v| self.names[v].clone()),
            ),
        ];
        if alive && role == Role::Leader {
            let fmt = |xs: &[u64]| {
                xs.iter()
                    .enumerate()
                    .map(|(i, x)| format!("{}:{x}", self.names[i]))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            details.push((t(lang, Key::NextIndex).to_string(), fmt(n.next_index())));
            details.push((t(lang, Key::MatchIndex).to_string(), fmt(n.match_index())));
        }
        let commands = vec![
            CommandVis {
                id: "timeout",
                label: t(lang, Key::ForceTimeout).into(),
                enabled: alive && role != Role::Leader,
            },
            CommandVis {
                id: "request",
                label: t(lang, Key::ClientRequest).into(),
                enabled: alive,
            },
        ];
        let log = n.log();
        let commit = n.commit_index();
        let hidden = log.len().saturating_sub(SHOWN);
        let cells = log
            .iter()
            .enumerate()
            .skip(hidden)
            .map(|(i, e)| {
                let index = i as u64 + 1;
                let done = index <= commit;
                let title = format!(
                    "#{index} · {} {} · cmd {}{}",
                    t(lang, Key::Term),
                    e.term,
                    e.cmd,
                    if done {
                        format!(" · {}", t(lang, Key::Committed))
                    } else {
                        String::new()
                    }
                );
                CellVis {
                    top: index.to_string(),
                    main: format!("T{}", e.term),
                    sub: e.cmd.to_string(),
                    class: format!("t{}", e.term % 8),
                    value: e.cmd.to_string(),
                    done,
                    title,
                }
            })
            .collect();
        NodeVis {
            id,
            name: self.names[id].clone(),
            role: attr,
            state: attr,
            shape,
            tone,
            crashed: !alive,
            badge: format!("T{}", n.term()),
            label,
            ring: if alive { ring } else { None },
            term: Some(n.term()),
            details,
            commands,
            strip: StripVis {
                cells,
                hidden,
                done: commit,
                len: log.len() as u64,
            },
        }
    }

    fn msg_style(&self, m: &RaftMsg) -> MsgStyle {
        let i = match m {
            RaftMsg::RequestVote { .. } => 0,
            RaftMsg::Vote { granted: true, .. } => 1,
            RaftMsg::Vote { granted: false, .. } => 2,
            RaftMsg::AppendEntries { entries, .. } if entries.is_empty() => 4,
            RaftMsg::AppendEntries { .. } => 3,
            RaftMsg::AppendReply { success: true, .. } => 5,
            RaftMsg::AppendReply { success: false, .. } => 6,
            RaftMsg::Redirect { .. } => 7,
        };
        KINDS[i]
    }

    fn msg_detail(&self, m: &RaftMsg) -> String {
        let mut s = m.term().map(|t| format!("T{t}")).unwrap_or_default();
        if let RaftMsg::AppendEntries { entries, .. } = m {
            if !entries.is_empty() {
                s.push_str(&format!(" · +{}", entries.len()));
            }
        }
        if let RaftMsg::Redirect { cmd } = m {
            s = format!("cmd {cmd}");
        }
        s
    }

    fn narrate(&self, lang: Lang, note: &RaftNote) -> String {
        super::texts::narrate(lang, note, &self.names)
    }

    fn cmd_text(&self, cmd: &RaftCmd) -> CmdText {
        match cmd {
            RaftCmd::ClientRequest(c) => CmdText::ClientRequest(*c),
            RaftCmd::ForceTimeout => CmdText::ForceTimeout,
        }
    }

    fn command(&mut self, _: &World<RaftNode>, _: NodeId, id: &str) -> Option<RaftCmd> {
        match id {
            "request" => {
                self.next_cmd += 1;
                Some(RaftCmd::ClientRequest(self.next_cmd - 1))
            }
            "timeout" => Some(RaftCmd::ForceTimeout),
            _ => None,
        }
    }

    fn status(&self, w: &World<RaftNode>, lang: Lang) -> Vec<StatusVis> {
        let leader = (0..w.len())
            .filter(|&i| w.is_alive(i) && w.node(i).role() == Role::Leader)
            .max_by_key(|&i| w.node(i).term());
        let commit = (0..w.len())
            .map(|i| w.node(i).commit_index())
            .max()
            .unwrap_or(0);
        vec![
            StatusVis {
                key: "leader",
                label: t(lang, Key::Leader).into(),
                value: leader.map_or_else(
                    || t(lang, Key::Nobody).to_string(),
                    |l| format!("{} · T{}", self.names[l], w.node(l).term()),
                ),
                alarm: false,
            },
            StatusVis {
                key: "commit",
                label: t(lang, Key::CommitIndex).into(),
                value: commit.to_string(),
                alarm: false,
            },
        ]
    }

    fn roles(&self, lang: Lang) -> Vec<(Shape, &'static str, String)> {
        vec![
            (Shape::Circle, "blue", t(lang, Key::Follower).into()),
            (Shape::Diamond, "amber", t(lang, Key::Candidate).into()),
            (Shape::Hexagon, "green", t(lang, Key::Leader).into()),
            (Shape::Circle, "grey", t(lang, Key::Crashed).into()),
        ]
    }

    fn mark(&self, note: &RaftNote) -> Option<Text> {
        match note {
            RaftNote::BecameLeader { .. } => Some(Key::Leader.into()),
            RaftNote::StartedElection { .. } => Some(Key::Candidate.into()),
            RaftNote::GrantedVote { .. } => Some(Key::VotedFor.into()),
            RaftNote::Committed { .. } => Some(Key::Committed.into()),
            RaftNote::TruncatedLog { .. } => Some(Key::MsgAppendFail.into()),
            _ => None,
        }
    }

    fn rule_name(&self, rule: &'static str) -> Text {
        use crate::protocols::raft::invariants as rf;
        match rule {
            rf::ELECTION_SAFETY => Key::RuleElectionSafety,
            rf::LOG_MATCHING => Key::RuleLogMatching,
            rf::LEADER_COMPLETENESS => Key::RuleLeaderCompleteness,
            rf::STATE_MACHINE_SAFETY => Key::RuleStateMachineSafety,
            _ => Key::ViolationTitle,
        }
        .into()
    }

    fn kinds(&self) -> Vec<MsgStyle> {
        KINDS.to_vec()
    }
}
