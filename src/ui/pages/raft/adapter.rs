//! How Raft looks: roles by shape and colour, the election timer as a ring, logs as strips.

use crate::protocols::raft::presets::{LATENCY_MS, SERVERS};
use crate::protocols::raft::{
    RaftCmd, RaftConfig, RaftMsg, RaftNode, RaftNote, RaftPreset, RaftTimer, Role,
};
use crate::sim::{NodeId, World, MS};
use crate::ui::core::i18n::{CmdText, Key, Lang};
use crate::ui::core::runner::{numbered, world_config};
use crate::ui::core::runner::{Adapter, Sim};
use crate::ui::core::scenario::Scenario;
use crate::ui::core::text::{tr, Text};
use crate::ui::core::view::{
    fraction_left, CellVis, CommandVis, MsgStyle, NodeVis, Shape, StatusVis, StripVis,
};

/// How many of the newest log entries a strip shows.
const SHOWN: usize = 24;

#[derive(Clone)]
pub struct RaftAdapter {
    names: Vec<String>,
    next_cmd: u64,
    /// The election timeout range (ms), for the timing requirement in the status.
    election_ms: (u64, u64),
}

/// Raft's timing requirement (§5.6): broadcastTime ≪ electionTimeout. A vote needs a round
/// trip, so a timeout shorter than two one-way delays cannot elect reliably, and a
/// randomisation window narrower than the latency spread cannot separate candidates.
/// Returns (broadcast ms, whether each of the two conditions holds).
pub fn timing(election_ms: (u64, u64), latency_ms: (u64, u64)) -> (u64, bool, bool) {
    let broadcast = 2 * latency_ms.1;
    let long_enough = election_ms.0 >= broadcast;
    let spread_enough = election_ms.1 - election_ms.0 >= latency_ms.1 - latency_ms.0;
    (broadcast, long_enough, spread_enough)
}

fn preset(slug: Option<&str>) -> Option<RaftPreset> {
    RaftPreset::ALL.into_iter().find(|p| Some(p.slug()) == slug)
}

/// What choosing a preset changes: five servers, every message 20 ms, the preset's
/// election timeouts, no loss.
pub fn preset_settings(sc: &mut Scenario) {
    if let Some(p) = preset(sc.preset) {
        let (emin, emax) = p.election_ms();
        sc.nodes = SERVERS;
        sc.set_param(&super::ELECTION_MIN, emin);
        sc.set_param(&super::ELECTION_MAX, emax);
        sc.latency_min_ms = LATENCY_MS;
        sc.latency_max_ms = LATENCY_MS;
        sc.loss_pct = 0;
    }
}

pub fn build(sc: &Scenario) -> Sim<RaftAdapter> {
    let cfg = RaftConfig {
        election_min: sc.param(&super::ELECTION_MIN) * MS,
        election_max: sc.param(&super::ELECTION_MAX) * MS,
        heartbeat: sc.param(&super::HEARTBEAT) * MS,
        ..RaftConfig::default()
    };
    let world = World::new(
        world_config(sc),
        (0..sc.nodes).map(|_| RaftNode::new(cfg.clone())).collect(),
    );
    // A preset's script is written for its five servers; with another size it is left out.
    let script = preset(sc.preset)
        .filter(|_| sc.nodes == SERVERS)
        .map(|p| p.script())
        .unwrap_or_default();
    Sim::new(
        world,
        RaftAdapter {
            names: numbered("S", sc.nodes),
            // The students' own requests are numbered apart from the script's.
            next_cmd: if script.is_empty() { 1 } else { 101 },
            election_ms: (
                sc.param(&super::ELECTION_MIN),
                sc.param(&super::ELECTION_MAX),
            ),
        },
    )
    .with_script(script)
}

const KINDS: [MsgStyle; 8] = [
    MsgStyle {
        class: "msg-rv",
        badge: "RV",
        key: Text::Page(&super::texts::MSG_REQUEST_VOTE),
    },
    MsgStyle {
        class: "msg-vote-yes",
        badge: "✓",
        key: Text::Page(&super::texts::MSG_VOTE_GRANTED),
    },
    MsgStyle {
        class: "msg-vote-no",
        badge: "✗",
        key: Text::Page(&super::texts::MSG_VOTE_REFUSED),
    },
    MsgStyle {
        class: "msg-ae",
        badge: "AE",
        key: Text::Page(&super::texts::MSG_APPEND_ENTRIES),
    },
    MsgStyle {
        class: "msg-hb",
        badge: "♥",
        key: Text::Page(&super::texts::MSG_HEARTBEAT),
    },
    MsgStyle {
        class: "msg-ae-ok",
        badge: "ok",
        key: Text::Page(&super::texts::MSG_APPEND_OK),
    },
    MsgStyle {
        class: "msg-ae-no",
        badge: "✗",
        key: Text::Page(&super::texts::MSG_APPEND_FAIL),
    },
    MsgStyle {
        class: "msg-redirect",
        badge: "→",
        key: Text::Page(&super::texts::MSG_REDIRECT),
    },
];

impl RaftAdapter {
    /// What the leader keeps about follower `id` (Figure 2's nextIndex and matchIndex),
    /// shown at the end of its log's strip; empty without a leader or for the leader.
    fn replication(&self, w: &World<RaftNode>, id: NodeId, lang: Lang) -> String {
        let Some(leader) = crate::protocols::raft::current_leader(w).filter(|l| *l != id) else {
            return String::new();
        };
        let l = w.node(leader);
        match (l.next_index().get(id), l.match_index().get(id)) {
            (Some(next), Some(matched)) => format!(
                "{} {next} · {} {matched}",
                tr(lang, Text::Page(&super::texts::NEXT_INDEX_SHORT)),
                tr(lang, Text::Page(&super::texts::MATCH_INDEX_SHORT)),
            ),
            _ => String::new(),
        }
    }
}

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
            (false, _) => ("crashed", Shape::Circle, "grey", Text::Key(Key::Crashed)),
            (true, Role::Follower) => (
                "follower",
                Shape::Circle,
                "blue",
                Text::Page(&super::texts::FOLLOWER),
            ),
            (true, Role::Candidate) => (
                "candidate",
                Shape::Diamond,
                "amber",
                Text::Page(&super::texts::CANDIDATE),
            ),
            (true, Role::Leader) => (
                "leader",
                Shape::Hexagon,
                "green",
                Text::Page(&super::texts::LEADER),
            ),
        };
        let label = match (alive, role, n.voted_for()) {
            (true, Role::Candidate, _) => {
                format!("{} · {}/{}", tr(lang, key), n.votes().len(), w.len())
            }
            (true, Role::Follower, Some(v)) => format!("{} · →{}", tr(lang, key), self.names[v]),
            _ => tr(lang, key).to_string(),
        };
        let ring = w
            .timers(id)
            .iter()
            .find(|x| x.timer == RaftTimer::Election)
            .map(|x| fraction_left(x.set_at, x.deadline, w.now()));
        let nobody = || tr(lang, Text::Page(&super::texts::NOBODY)).to_string();
        let mut details = vec![
            (
                tr(lang, Text::Page(&super::texts::TERM)).to_string(),
                n.term().to_string(),
            ),
            (
                tr(lang, Text::Page(&super::texts::VOTED_FOR)).to_string(),
                n.voted_for().map_or_else(nobody, |v| self.names[v].clone()),
            ),
            (
                tr(lang, Text::Page(&super::texts::COMMIT_INDEX)).to_string(),
                n.commit_index().to_string(),
            ),
            (
                tr(lang, Text::Page(&super::texts::LOG)).to_string(),
                n.log().len().to_string(),
            ),
            (
                tr(lang, Text::Page(&super::texts::LEADER)).to_string(),
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
            details.push((
                tr(lang, Text::Page(&super::texts::NEXT_INDEX)).to_string(),
                fmt(n.next_index()),
            ));
            details.push((
                tr(lang, Text::Page(&super::texts::MATCH_INDEX)).to_string(),
                fmt(n.match_index()),
            ));
        }
        let commands = vec![
            CommandVis {
                id: "timeout",
                label: tr(lang, Text::Page(&super::texts::FORCE_TIMEOUT)).into(),
                enabled: alive && role != Role::Leader,
            },
            CommandVis {
                id: "request",
                label: tr(lang, Text::Page(&super::texts::CLIENT_REQUEST)).into(),
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
                    tr(lang, Text::Page(&super::texts::TERM)),
                    e.term,
                    e.cmd,
                    if done {
                        format!(" · {}", tr(lang, Text::Page(&super::texts::COMMITTED)))
                    } else {
                        String::new()
                    }
                );
                CellVis {
                    top: index.to_string(),
                    main: format!("T{}", e.term),
                    // The command is in the title: two lines per entry keep five logs on
                    // the first screen with the cluster.
                    sub: String::new(),
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
            // A follower that has heard from this term's leader (it knows where to send a
            // client's request) is `following`; one that has not is a plain `follower`.
            state: if attr == "follower" && n.leader_hint().is_some() {
                "following"
            } else {
                attr
            },
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
                aside: self.replication(w, id, lang),
                skip: false,
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

    fn timer_name(&self, timer: &RaftTimer) -> Option<Text> {
        Some(Text::Page(match timer {
            RaftTimer::Election => &super::texts::ELECTION_TIMER,
            RaftTimer::Heartbeat => &super::texts::HEARTBEAT_TIMER,
        }))
    }

    /// Figure 2's arguments and results, by the paper's names.
    fn msg_fields(
        &self,
        m: &RaftMsg,
        lang: Lang,
    ) -> Vec<(&'static crate::ui::core::text::Tx, String)> {
        use super::texts as x;
        let f = |k: &'static crate::ui::core::text::Tx, v: String| (k, v);
        let yes_no = |b: bool| tr(lang, Text::Page(if b { &x::YES } else { &x::NO })).to_string();
        match m {
            RaftMsg::RequestVote {
                term,
                last_log_index,
                last_log_term,
            } => vec![
                f(&x::F_TERM, term.to_string()),
                f(&x::F_LAST_LOG_INDEX, last_log_index.to_string()),
                f(&x::F_LAST_LOG_TERM, last_log_term.to_string()),
            ],
            RaftMsg::Vote { term, granted } => vec![
                f(&x::F_TERM, term.to_string()),
                f(&x::F_VOTE_GRANTED, yes_no(*granted)),
            ],
            RaftMsg::AppendEntries {
                term,
                prev_log_index,
                prev_log_term,
                entries,
                leader_commit,
            } => {
                let listed = if entries.is_empty() {
                    tr(lang, Text::Page(&x::F_HEARTBEAT)).to_string()
                } else {
                    entries
                        .iter()
                        .enumerate()
                        .map(|(i, e)| {
                            format!("#{} T{} · {}", prev_log_index + 1 + i as u64, e.term, e.cmd)
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                vec![
                    f(&x::F_TERM, term.to_string()),
                    f(&x::F_PREV_LOG_INDEX, prev_log_index.to_string()),
                    f(&x::F_PREV_LOG_TERM, prev_log_term.to_string()),
                    f(&x::F_ENTRIES, listed),
                    f(&x::F_LEADER_COMMIT, leader_commit.to_string()),
                ]
            }
            RaftMsg::AppendReply {
                term,
                success,
                match_index,
                prev_log_index,
            } => vec![
                f(&x::F_TERM, term.to_string()),
                f(&x::F_SUCCESS, yes_no(*success)),
                if *success {
                    f(&x::MATCH_INDEX, match_index.to_string())
                } else {
                    f(&x::F_PREV_LOG_INDEX, prev_log_index.to_string())
                },
            ],
            RaftMsg::Redirect { cmd } => vec![f(&x::F_COMMAND, cmd.to_string())],
        }
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
        let net = &w.config().net;
        let (lmin, lmax) = (net.latency_min / MS, net.latency_max / MS);
        let (broadcast, long_enough, spread_enough) = timing(self.election_ms, (lmin, lmax));
        let (emin, emax) = self.election_ms;
        let timing_value = match (long_enough, spread_enough) {
            (true, true) => tr(lang, Text::Page(&super::texts::TIMING_OK)).to_string(),
            (false, _) => tr(lang, Text::Page(&super::texts::TIMING_TOO_SHORT)).to_string(),
            (true, false) => tr(lang, Text::Page(&super::texts::TIMING_NARROW)).to_string(),
        }
        .replace("{b}", &broadcast.to_string())
        .replace("{emin}", &emin.to_string())
        .replace("{emax}", &emax.to_string())
        .replace("{spread}", &(lmax - lmin).to_string());
        let timing_status = StatusVis {
            key: "timing",
            label: tr(lang, Text::Page(&super::texts::TIMING)).into(),
            value: timing_value,
            alarm: !(long_enough && spread_enough),
        };
        vec![
            StatusVis {
                key: "leader",
                label: tr(lang, Text::Page(&super::texts::LEADER)).into(),
                value: leader.map_or_else(
                    || tr(lang, Text::Page(&super::texts::NOBODY)).to_string(),
                    |l| format!("{} · T{}", self.names[l], w.node(l).term()),
                ),
                alarm: false,
            },
            StatusVis {
                key: "commit",
                label: tr(lang, Text::Page(&super::texts::COMMIT_INDEX)).into(),
                value: commit.to_string(),
                alarm: false,
            },
            timing_status,
        ]
    }

    fn roles(&self, lang: Lang) -> Vec<(Shape, &'static str, String)> {
        vec![
            (
                Shape::Circle,
                "blue",
                tr(lang, Text::Page(&super::texts::FOLLOWER)).into(),
            ),
            (
                Shape::Diamond,
                "amber",
                tr(lang, Text::Page(&super::texts::CANDIDATE)).into(),
            ),
            (
                Shape::Hexagon,
                "green",
                tr(lang, Text::Page(&super::texts::LEADER)).into(),
            ),
            (
                Shape::Circle,
                "grey",
                tr(lang, Text::Key(Key::Crashed)).into(),
            ),
        ]
    }

    fn mark(&self, note: &RaftNote) -> Option<(Text, Option<NodeId>)> {
        match note {
            RaftNote::BecameLeader { .. } => Some((Text::Page(&super::texts::LEADER), None)),
            RaftNote::StartedElection { .. } => Some((Text::Page(&super::texts::CANDIDATE), None)),
            RaftNote::GrantedVote { to, .. } => {
                Some((Text::Page(&super::texts::VOTED_FOR), Some(*to)))
            }
            RaftNote::Committed { .. } => Some((Text::Page(&super::texts::COMMITTED), None)),
            RaftNote::TruncatedLog { .. } => {
                Some((Text::Page(&super::texts::MSG_APPEND_FAIL), None))
            }
            _ => None,
        }
    }

    fn details(&self) -> &'static [crate::ui::core::text::Tx] {
        super::texts::DETAILS
    }

    fn rule_name(&self, rule: &'static str) -> Text {
        use crate::protocols::raft::invariants as rf;
        match rule {
            rf::ELECTION_SAFETY => Text::Page(&super::texts::RULE_ELECTION_SAFETY),
            rf::LOG_MATCHING => Text::Page(&super::texts::RULE_LOG_MATCHING),
            rf::LEADER_COMPLETENESS => Text::Page(&super::texts::RULE_LEADER_COMPLETENESS),
            rf::STATE_MACHINE_SAFETY => Text::Page(&super::texts::RULE_STATE_MACHINE_SAFETY),
            _ => Text::Key(Key::ViolationTitle),
        }
    }

    fn notation(&self) -> &'static [(&'static str, crate::ui::core::text::Tx)] {
        super::texts::NOTATION
    }

    fn kinds(&self) -> Vec<MsgStyle> {
        KINDS.to_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::timing;

    #[test]
    fn the_timing_requirement_flags_what_cannot_elect() {
        // The defaults: 20–40 ms latency, 150–300 ms timeouts.
        assert_eq!(timing((150, 300), (20, 40)), (80, true, true));
        // Shorter than a vote's round trip.
        assert_eq!(timing((60, 300), (20, 40)), (80, false, true));
        // A 10 ms window against a 40 ms latency spread.
        assert_eq!(timing((150, 160), (10, 50)), (100, true, false));
    }
}
