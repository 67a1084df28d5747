//! How the Redlock page looks. Servers ●: a Redlock instance is green while it holds a
//! live key (by its own clock), grey when free, amber just after a restart; a consensus
//! replica shows its log, the leader in blue. Clients ■ (amber: acquiring; green: holding;
//! blue: writing; grey: idle), red while two hold the lock within its validity. The
//! storage ⬢ with every write it received.

use crate::protocols::redlock::client::{Job, Outcome};
use crate::protocols::redlock::invariants::{lost_updates, overlapping_validity, valid_holders};
use crate::protocols::redlock::presets::LATENCY;
use crate::protocols::redlock::{
    Mode, Op, RedlockCmd, RedlockConfig, RedlockMsg, RedlockNode, RedlockNote, RedlockPreset,
    RedlockTimer, Role, MUTUAL_EXCLUSION, NO_LOST_UPDATE,
};
use crate::sim::SimTime;
use crate::sim::{NodeId, World, MS};
use crate::ui::core::i18n::fields as F;
use crate::ui::core::i18n::{CmdText, Key, Lang};
use crate::ui::core::runner::{since, timer_left, Adapter, Sim};
use crate::ui::core::scenario::Scenario;
use crate::ui::core::text::{tr, Text, Tx};
use crate::ui::core::view::{
    CellVis, CommandVis, MsgStyle, NodeVis, OpSpan, Shape, StatusVis, StripVis,
};

use super::texts as tx;

/// Cells a strip shows (the newest).
const SHOWN: usize = 10;

#[derive(Clone)]
pub struct RedlockAdapter {
    names: Vec<String>,
    cfg: RedlockConfig,
}

fn preset(slug: Option<&str>) -> Option<RedlockPreset> {
    RedlockPreset::ALL
        .into_iter()
        .find(|p| Some(p.slug()) == slug)
}

/// A preset runs on a fixed latency and its own settings (five servers, two clients).
pub fn preset_settings(sc: &mut Scenario) {
    if let Some(p) = preset(sc.preset) {
        sc.set_lossless_latency(LATENCY, LATENCY);
        let cfg = p.config();
        sc.nodes = cfg.servers;
        sc.set_param(&super::MODE, u64::from(cfg.mode == Mode::Consensus));
        sc.set_param(&super::CLIENTS, cfg.clients as u64);
        sc.set_param(&super::TTL, cfg.ttl / MS);
        sc.set_param(&super::WORK, cfg.work / MS);
        sc.set_param(&super::TIMEOUT, cfg.timeout / MS);
        sc.set_param(&super::FENCING, u64::from(cfg.fencing));
        sc.set_param(&super::RATE, 0);
    }
}

pub fn config(sc: &Scenario) -> RedlockConfig {
    let rate = sc.param(&super::RATE);
    RedlockConfig {
        mode: if sc.param(&super::MODE) == 1 {
            Mode::Consensus
        } else {
            Mode::Redlock
        },
        servers: sc.nodes,
        clients: sc.param(&super::CLIENTS) as usize,
        ttl: sc.param(&super::TTL) * MS,
        work: sc.param(&super::WORK) * MS,
        timeout: sc.param(&super::TIMEOUT) * MS,
        fencing: sc.param(&super::FENCING) == 1,
        workload: (rate > 0).then(|| 1_000 * MS / rate),
        ..RedlockConfig::default()
    }
}

pub fn build(sc: &Scenario) -> Sim<RedlockAdapter> {
    let cfg = config(sc);
    let world = World::new(
        crate::ui::core::runner::world_config(sc),
        RedlockNode::cluster(&cfg),
    );
    let names = (0..cfg.size()).map(|i| cfg.name(i)).collect();
    let script = preset(sc.preset)
        .map(|p| p.script(&cfg))
        .unwrap_or_default();
    Sim::new(world, RedlockAdapter { names, cfg }).with_script(script)
}

const KINDS: [MsgStyle; 15] = [
    MsgStyle::page("msg-q-query", "?", &tx::MSG_SET),
    MsgStyle::page("msg-vote-yes", "✓", &tx::MSG_SET_OK),
    MsgStyle::page("msg-vote-no", "✗", &tx::MSG_SET_BUSY),
    MsgStyle::page("msg-q-version", "↓", &tx::MSG_DEL),
    MsgStyle::page("msg-ps-read", "?", &tx::MSG_ACQUIRE),
    MsgStyle::page("msg-q-ack", "#", &tx::MSG_GRANTED),
    MsgStyle::page("msg-ps-missing", "…", &tx::MSG_BUSY),
    MsgStyle::page("msg-q-hinted", "↓", &tx::MSG_RELEASE),
    MsgStyle::page("msg-ae", "+", &tx::MSG_APPEND),
    MsgStyle::page("msg-ae-ok", "✓", &tx::MSG_APPEND_OK),
    MsgStyle::page("msg-q-get", "R", &tx::MSG_READ),
    MsgStyle::page("msg-q-value", "=", &tx::MSG_VALUE),
    MsgStyle::page("msg-q-put", "W", &tx::MSG_WRITE),
    MsgStyle::page("msg-ps-write-ok", "ok", &tx::MSG_OK),
    MsgStyle::page("msg-c-abort", "✗", &tx::MSG_FENCED),
];

fn t(lang: Lang, x: &'static Tx) -> String {
    tr(lang, Text::Page(x)).to_string()
}

impl RedlockAdapter {
    fn name(&self, id: NodeId) -> String {
        self.names.get(id).cloned().unwrap_or_default()
    }

    fn op_short(&self, op: &Op) -> String {
        match op {
            Op::Grant { client } => format!("→{}", self.name(*client)),
            Op::Expire { token } => format!("×#{token}"),
            Op::Release { token } => format!("↓#{token}"),
        }
    }

    fn job_cell(&self, j: &Job, overlapped: bool, lang: Lang) -> CellVis {
        let top = match (j.token, j.yes.len()) {
            (Some(token), _) => format!("#{token}"),
            (None, 0) => "–".into(),
            (None, n) => format!("{n}/{}", self.cfg.servers),
        };
        let (main, class, word) = match j.outcome {
            Outcome::Written => (
                format!(
                    "{}→{} ✓",
                    j.read.unwrap_or_default(),
                    j.wrote.unwrap_or_default()
                ),
                if overlapped { "op-lost" } else { "op-done" },
                &tx::WRITTEN,
            ),
            Outcome::Refused => (
                format!("{} ✗", j.wrote.unwrap_or_default()),
                "op-lost",
                &tx::REFUSED,
            ),
            Outcome::Abandoned => ("✗".into(), "op-waiting", &tx::ABANDONED),
            Outcome::Running => (
                "…".into(),
                if overlapped { "op-lost" } else { "op-waiting" },
                &tx::ACQUIRING,
            ),
        };
        let when = match j.end {
            Some(e) => format!("{}–{} ms", j.start / MS, e / MS),
            None => format!("{} ms –", j.start / MS),
        };
        let yes = if j.yes.is_empty() {
            String::new()
        } else {
            format!(
                " · {} {}",
                t(lang, &tx::YES_FROM),
                j.yes
                    .iter()
                    .map(|&s| self.name(s))
                    .collect::<Vec<_>>()
                    .join(" ")
            )
        };
        CellVis {
            title: format!("{top} · {}{yes} · {when}", t(lang, word)),
            value: main.clone(),
            top,
            main,
            sub: String::new(),
            class: class.into(),
            done: j.outcome != Outcome::Running,
        }
    }

    fn instance_vis(&self, w: &World<RedlockNode>, id: NodeId, lang: Lang) -> NodeVis {
        let s = w.node(id).instance().expect("a Redlock server");
        let local = w.clock(id).time(w.now());
        let key = s.key(local);
        let blind = s.blind_until(local);
        let (label, tone, state) = match (key, blind) {
            (_, Some(u)) => (
                format!("{} · {} ms", t(lang, &tx::RESTARTING), (u - local) / MS),
                "amber",
                "blind",
            ),
            (Some(k), None) => (
                format!(
                    "{} {} · {} {}",
                    t(lang, &tx::KEY_FOR),
                    self.name(k.client),
                    (k.until - local) / MS,
                    t(lang, &tx::LEFT_ITS_CLOCK)
                ),
                "green",
                "held",
            ),
            (None, None) => (t(lang, &tx::FREE), "grey", "free"),
        };
        // Short beside the node (eight of them share the picture); whole in the inspector.
        let short = match (key, blind) {
            (_, Some(u)) => format!("{} ms", (u - local) / MS),
            (Some(k), None) => format!("→{} · {} ms", self.name(k.client), (k.until - local) / MS),
            (None, None) => t(lang, &tx::FREE),
        };
        NodeVis {
            id,
            name: self.name(id),
            role: "instance",
            state,
            shape: Shape::Circle,
            tone,
            crashed: false,
            badge: key.map_or("–".into(), |k| self.name(k.client)),
            label: short,
            ring: None,
            term: None,
            details: vec![(t(lang, &tx::INSTANCE), label)],
            commands: vec![],
            // Eight nodes: the instances' keys are on the nodes themselves; the rows are the
            // clients' jobs and the storage's writes.
            strip: StripVis {
                skip: true,
                ..StripVis::default()
            },
        }
    }

    fn replica_vis(&self, w: &World<RedlockNode>, id: NodeId, lang: Lang) -> NodeVis {
        let r = w.node(id).replica().expect("a consensus server");
        let leader = id == RedlockConfig::LEADER;
        let commit = w
            .node(RedlockConfig::LEADER)
            .replica()
            .map_or(0, |l| l.commit()) as usize;
        let log = r.log();
        let hidden = log.len().saturating_sub(SHOWN);
        let name = |i: usize| self.name(i);
        let cells = log
            .iter()
            .enumerate()
            .skip(hidden)
            .map(|(k, op)| CellVis {
                top: format!("{}", k + 1),
                main: self.op_short(op),
                sub: String::new(),
                class: if k < commit {
                    "op-done".into()
                } else {
                    "op-waiting".into()
                },
                value: format!("{}:{}", k + 1, self.op_short(op)),
                done: k < commit,
                title: format!(
                    "{} {} · {}{}",
                    t(lang, &tx::LOG),
                    k + 1,
                    tx::op_text(lang, op, &name),
                    if k < commit {
                        format!(" · {}", t(lang, &tx::COMMITTED))
                    } else {
                        String::new()
                    }
                ),
            })
            .collect();
        let local = w.clock(id).time(w.now());
        let holder = if leader { r.holder() } else { None };
        let held = holder.map(|h| {
            let left = h.until.saturating_sub(local) / MS;
            format!(
                "{} {} #{} · {left} {}",
                t(lang, &tx::HOLDER),
                self.name(h.client),
                h.token,
                t(lang, &tx::LEFT_ITS_CLOCK)
            )
        });
        let role_word = t(lang, if leader { &tx::LEADER } else { &tx::FOLLOWER });
        let label = match holder {
            Some(h) => format!(
                "{role_word} · →{} #{} · {} ms",
                self.name(h.client),
                h.token,
                h.until.saturating_sub(local) / MS
            ),
            None => format!("{role_word} · {} {}", t(lang, &tx::LOG), log.len()),
        };
        let mut details = vec![
            (
                tr(lang, Text::Key(Key::Status)).to_string(),
                role_word.clone(),
            ),
            (t(lang, &tx::LOG), log.len().to_string()),
        ];
        if leader {
            details.push((t(lang, &tx::COMMITTED), commit.to_string()));
            details.push((
                t(lang, &tx::HOLDER),
                held.unwrap_or_else(|| t(lang, &tx::FREE)),
            ));
        }
        NodeVis {
            id,
            name: self.name(id),
            role: if leader { "leader" } else { "follower" },
            state: if leader { "leader" } else { "follower" },
            shape: Shape::Circle,
            tone: if leader { "blue" } else { "grey" },
            crashed: false,
            badge: holder.map_or_else(|| log.len().to_string(), |h| format!("#{}", h.token)),
            label,
            ring: None,
            term: None,
            details,
            commands: vec![],
            // The leader's log is the lock's history; the followers' copies are on the nodes
            // (their length) and in the inspector.
            strip: StripVis {
                hidden,
                skip: !leader,
                ..StripVis::from_cells(cells)
            },
        }
    }

    fn client_vis(
        &self,
        w: &World<RedlockNode>,
        id: NodeId,
        lang: Lang,
        overlapping: &[NodeId],
    ) -> NodeVis {
        let c = w.node(id).client().expect("a client");
        let local = w.clock(id).time(w.now());
        let phase = c.phase_name();
        let (tone, word) = match phase {
            "acquiring" => ("amber", &tx::ACQUIRING),
            "reading" => ("green", &tx::READING),
            "working" => ("green", &tx::WORKING),
            "writing" => ("blue", &tx::WRITING),
            _ => ("grey", &tx::IDLE),
        };
        let tone = if overlapping.contains(&id) && c.holds() {
            "red"
        } else {
            tone
        };
        let left = c
            .valid_until()
            .map(|u| (u.saturating_sub(local) / MS, local < u));
        let validity = match left {
            Some((ms, true)) => format!("{} {ms} ms", t(lang, &tx::VALID_LEFT)),
            Some(_) => t(lang, &tx::EXPIRED_OWN),
            None => String::new(),
        };
        let (value, yes, answered) = c.attempt();
        let progress = match self.cfg.mode {
            Mode::Redlock if phase == "acquiring" && value != 0 => format!(
                " · {}/{} {}",
                yes.len(),
                answered.len(),
                t(lang, &tx::YES_FROM)
            ),
            Mode::Consensus if phase == "acquiring" => {
                format!(" · {} {}", t(lang, &tx::ASKS), self.name(c.via()))
            }
            _ => String::new(),
        };
        let holding = match (c.token(), c.jobs().last()) {
            (Some(token), _) => format!("#{token}"),
            (None, Some(j)) if c.holds() => j
                .yes
                .iter()
                .map(|&s| self.name(s))
                .collect::<Vec<_>>()
                .join(" "),
            _ => String::new(),
        };
        // Short beside the node: what it holds and the validity left by its own clock.
        let label = match left {
            _ if !c.holds() => format!("{}{progress}", t(lang, word)),
            Some((ms, true)) => format!("{holding} · {ms} ms"),
            _ => format!("{holding} · {}", t(lang, &tx::EXPIRED_OWN)),
        };
        let jobs = c.jobs();
        let hidden = jobs.len().saturating_sub(SHOWN);
        let cells = jobs
            .iter()
            .skip(hidden)
            .map(|j| self.job_cell(j, overlapping.contains(&id) && j.granted.is_some(), lang))
            .collect();
        let ring = match phase {
            "working" => timer_left(w, id, &RedlockTimer::Work),
            "acquiring" => timer_left(w, id, &RedlockTimer::Timeout)
                .or_else(|| timer_left(w, id, &RedlockTimer::Retry)),
            _ => None,
        };
        let alive = w.is_alive(id);
        NodeVis {
            id,
            name: self.name(id),
            role: "client",
            state: phase,
            shape: Shape::Square,
            tone,
            crashed: false,
            badge: match (c.token(), c.holds()) {
                (Some(token), _) => format!("#{token}"),
                (None, true) => format!(
                    "{}/{}",
                    jobs.last().map_or(0, |j| j.yes.len()),
                    self.cfg.servers
                ),
                _ => "–".into(),
            },
            label,
            ring,
            term: None,
            details: vec![
                (tr(lang, Text::Key(Key::Status)).to_string(), t(lang, word)),
                match self.cfg.mode {
                    Mode::Redlock => (t(lang, &tx::YES_FROM), holding.clone()),
                    Mode::Consensus => (
                        t(lang, &tx::TOKEN),
                        c.token()
                            .map_or_else(|| t(lang, &tx::NO_TOKEN), |t| t.to_string()),
                    ),
                },
                (t(lang, &tx::VALID_LEFT), validity),
                (t(lang, &tx::JOBS), jobs.len().to_string()),
            ],
            commands: vec![CommandVis {
                id: "job",
                label: t(lang, &tx::JOB),
                enabled: alive && !c.busy(),
            }],
            strip: StripVis {
                hidden,
                ..StripVis::from_cells(cells)
            },
        }
    }

    fn storage_vis(&self, w: &World<RedlockNode>, id: NodeId, lang: Lang) -> NodeVis {
        let s = w.node(id).storage().expect("the last node is the storage");
        let writes = s.writes();
        let hidden = writes.len().saturating_sub(SHOWN);
        // A write that did not raise the counter undid an increment acknowledged before it
        // (the lost update, visible even where there is no token to compare).
        let mut before = 0;
        let undid: Vec<bool> = writes
            .iter()
            .map(|x| {
                let lost = x.accepted && x.value <= before;
                if x.accepted {
                    before = x.value;
                }
                lost
            })
            .collect();
        let cells = writes
            .iter()
            .zip(undid)
            .skip(hidden)
            .map(|(x, undid)| {
                let (mark, class, word) = match (x.accepted, x.older || undid) {
                    (true, false) => ("✓", "op-done", &tx::WRITTEN),
                    (true, true) if x.older => ("⚠", "op-lost", &tx::OLD_TOKEN),
                    (true, true) => ("⚠", "op-lost", &tx::OVERWROTE),
                    (false, _) => ("✗", "op-lost", &tx::REFUSED),
                };
                let token = x
                    .token
                    .map_or_else(|| t(lang, &tx::NO_TOKEN), |t| format!("#{t}"));
                CellVis {
                    top: format!(
                        "{} {}",
                        self.name(x.client),
                        x.token.map_or(String::new(), |t| format!("#{t}"))
                    ),
                    main: format!("{} {mark}", x.value),
                    sub: String::new(),
                    class: class.into(),
                    value: format!("{}:{}{mark}", self.name(x.client), x.value),
                    done: x.accepted,
                    title: format!(
                        "{} {} · {token} · {} · {} ms",
                        self.name(x.client),
                        x.value,
                        t(lang, word),
                        x.at / MS
                    ),
                }
            })
            .collect();
        let mut label = format!("{} {}", t(lang, &tx::COUNTER), s.value());
        if self.cfg.mode == Mode::Consensus {
            label = format!("{label} · {} #{}", t(lang, &tx::SEEN_SHORT), s.seen());
        }
        NodeVis {
            id,
            name: self.name(id),
            role: "storage",
            state: "storage",
            shape: Shape::Hexagon,
            tone: "violet",
            crashed: false,
            badge: s.value().to_string(),
            label,
            ring: None,
            term: None,
            details: vec![
                (t(lang, &tx::COUNTER), s.value().to_string()),
                (t(lang, &tx::HIGHEST_TOKEN), s.seen().to_string()),
            ],
            commands: vec![],
            strip: StripVis {
                hidden,
                ..StripVis::from_cells(cells)
            },
        }
    }

    /// Redlock's assumption, checked: every server's clock within the drift allowance of
    /// true time (offsets from jumps or drift); the worst server if not.
    fn worst_clock(&self, w: &World<RedlockNode>) -> Option<(NodeId, i64)> {
        let now = w.now() as i64;
        (0..self.cfg.servers)
            .map(|s| (s, w.local_time(s) - now))
            .max_by_key(|(_, off)| off.abs())
            .filter(|(_, off)| off.unsigned_abs() > self.cfg.drift_allowance())
    }
}

impl Adapter for RedlockAdapter {
    type P = RedlockNode;

    fn names(&self) -> &[String] {
        &self.names
    }

    fn node(&self, w: &World<RedlockNode>, id: NodeId, lang: Lang) -> NodeVis {
        let vis = match (self.cfg.role(id), self.cfg.mode) {
            (Role::Server, Mode::Redlock) => self.instance_vis(w, id, lang),
            (Role::Server, Mode::Consensus) => self.replica_vis(w, id, lang),
            (Role::Storage, _) => self.storage_vis(w, id, lang),
            (Role::Client, _) => {
                let nodes: Vec<&RedlockNode> = (0..w.len()).map(|i| w.node(i)).collect();
                let overlapping: Vec<NodeId> = overlapping_validity(&nodes)
                    .iter()
                    .flat_map(|o| [o.0, o.1])
                    .collect();
                self.client_vis(w, id, lang, &overlapping)
            }
        };
        vis.crashed_if(!w.is_alive(id), lang)
    }

    fn msg_style(&self, m: &RedlockMsg) -> MsgStyle {
        KINDS[match m {
            RedlockMsg::Set { .. } => 0,
            RedlockMsg::SetOk { .. } => 1,
            RedlockMsg::SetBusy { .. } => 2,
            RedlockMsg::Del { .. } => 3,
            RedlockMsg::Acquire { .. } => 4,
            RedlockMsg::Granted { .. } => 5,
            RedlockMsg::Busy { .. } => 6,
            RedlockMsg::Release { .. } => 7,
            RedlockMsg::Append { .. } => 8,
            RedlockMsg::AppendOk { .. } => 9,
            RedlockMsg::Read { .. } => 10,
            RedlockMsg::ReadReply { .. } => 11,
            RedlockMsg::Write { .. } => 12,
            RedlockMsg::WriteOk { .. } => 13,
            RedlockMsg::WriteRefused { .. } => 14,
        }]
    }

    fn msg_detail(&self, m: &RedlockMsg) -> String {
        let token = |t: &Option<u64>| t.map_or(String::new(), |t| format!(" · #{t}"));
        match m {
            RedlockMsg::Set { value, ttl } => format!("{:04x} · {} ms", value & 0xffff, ttl / MS),
            RedlockMsg::SetOk { value }
            | RedlockMsg::SetBusy { value }
            | RedlockMsg::Del { value } => format!("{:04x}", value & 0xffff),
            RedlockMsg::Acquire { client } | RedlockMsg::Busy { client } => self.name(*client),
            RedlockMsg::Granted { client, token, .. } => format!("{} #{token}", self.name(*client)),
            RedlockMsg::Release { token, .. } => format!("#{token}"),
            RedlockMsg::Append { index, op } => format!("{index}: {}", self.op_short(op)),
            RedlockMsg::AppendOk { len } => len.to_string(),
            RedlockMsg::Read { token: t } => token(t).trim_start_matches(" · ").to_string(),
            RedlockMsg::ReadReply { value } | RedlockMsg::WriteOk { value } => value.to_string(),
            RedlockMsg::Write { value, token: t } => format!("{value}{}", token(t)),
            RedlockMsg::WriteRefused { token, seen } => format!("#{token} < #{seen}"),
        }
    }

    fn msg_fields(&self, m: &RedlockMsg, lang: Lang) -> Vec<(&'static Tx, String)> {
        let f = |k: &'static Tx, v: String| (k, v);
        let name = |i: usize| self.name(i);
        match m {
            RedlockMsg::Set { value, ttl } => vec![
                f(&F::VALUE, format!("{value:08x}")),
                f(&F::TTL, format!("{} ms", ttl / MS)),
            ],
            RedlockMsg::SetOk { value }
            | RedlockMsg::SetBusy { value }
            | RedlockMsg::Del { value } => vec![f(&F::VALUE, format!("{value:08x}"))],
            RedlockMsg::Acquire { client } | RedlockMsg::Busy { client } => {
                vec![f(&F::CLIENT, self.name(*client))]
            }
            RedlockMsg::Granted { client, token, ttl } => vec![
                f(&F::CLIENT, self.name(*client)),
                f(&F::TOKEN, token.to_string()),
                f(&F::TTL, format!("{} ms", ttl / MS)),
            ],
            RedlockMsg::Release { client, token } => vec![
                f(&F::CLIENT, self.name(*client)),
                f(&F::TOKEN, token.to_string()),
            ],
            RedlockMsg::Append { index, op } => vec![
                f(&F::INDEX, index.to_string()),
                f(&F::ENTRY, tx::op_text(lang, op, &name)),
            ],
            RedlockMsg::AppendOk { len } => vec![f(&F::LOG, len.to_string())],
            RedlockMsg::Read { token } => {
                vec![f(&F::TOKEN, token.map_or("–".into(), |t| t.to_string()))]
            }
            RedlockMsg::ReadReply { value } | RedlockMsg::WriteOk { value } => {
                vec![f(&F::VALUE, value.to_string())]
            }
            RedlockMsg::Write { value, token } => vec![
                f(&F::VALUE, value.to_string()),
                f(&F::TOKEN, token.map_or("–".into(), |t| t.to_string())),
            ],
            RedlockMsg::WriteRefused { token, seen } => {
                vec![
                    f(&F::TOKEN, token.to_string()),
                    f(&F::SEEN, seen.to_string()),
                ]
            }
        }
    }

    fn timer_name(&self, timer: &RedlockTimer) -> Option<Text> {
        Some(Text::Page(match timer {
            RedlockTimer::Timeout => &tx::T_TIMEOUT,
            RedlockTimer::Retry => &tx::T_RETRY,
            RedlockTimer::Work => &tx::T_WORK,
            RedlockTimer::Workload => &tx::T_WORKLOAD,
            RedlockTimer::Tick => &tx::T_TICK,
        }))
    }

    fn narrate(&self, lang: Lang, note: &RedlockNote) -> String {
        tx::narrate(lang, note, &|i| self.name(i))
    }

    fn cmd_text(&self, cmd: &RedlockCmd) -> CmdText {
        CmdText::Named(Text::Page(match cmd {
            RedlockCmd::Job => &tx::JOB,
        }))
    }

    fn command(&mut self, _w: &World<RedlockNode>, node: NodeId, id: &str) -> Option<RedlockCmd> {
        (self.cfg.role(node) == Role::Client && id == "job").then_some(RedlockCmd::Job)
    }

    fn status(&self, w: &World<RedlockNode>, lang: Lang) -> Vec<StatusVis> {
        let nodes: Vec<&RedlockNode> = (0..w.len()).map(|i| w.node(i)).collect();
        let alive: Vec<bool> = (0..w.len()).map(|i| w.is_alive(i)).collect();
        let holders = valid_holders(&nodes, &alive, w.now());
        let overlapped = overlapping_validity(&nodes);
        let (acked, lost) = lost_updates(&nodes);
        let s = w.node(self.cfg.storage()).storage();
        let refused = s.map_or(0, |s| s.writes().iter().filter(|x| !x.accepted).count());
        let (assumes, broken) = match self.cfg.mode {
            Mode::Redlock => match self.worst_clock(w) {
                Some((server, off)) => (
                    format!(
                        "{} {} {:+} ms",
                        t(lang, &tx::ASSUME_BROKEN),
                        self.name(server),
                        off / MS as i64
                    ),
                    true,
                ),
                None => (
                    format!(
                        "{} {} ms",
                        t(lang, &tx::ASSUME_CLOCKS),
                        self.cfg.drift_allowance() / MS
                    ),
                    false,
                ),
            },
            Mode::Consensus if self.cfg.fencing => (t(lang, &tx::ASSUME_LEADER), false),
            Mode::Consensus => (t(lang, &tx::ASSUME_LEADER_OFF), true),
        };
        let mut v = vec![
            StatusVis {
                key: "mode",
                label: t(lang, &tx::STATUS_MODE),
                value: t(
                    lang,
                    if self.cfg.mode == Mode::Redlock {
                        &tx::MODE_REDLOCK_SHORT
                    } else {
                        &tx::MODE_CONSENSUS_SHORT
                    },
                ),
                alarm: false,
            },
            StatusVis {
                key: "assumes",
                label: t(lang, &tx::STATUS_ASSUMES),
                value: assumes,
                alarm: broken,
            },
            StatusVis {
                key: "holders",
                label: t(lang, &tx::STATUS_HOLDERS),
                value: if holders.is_empty() {
                    t(lang, &tx::NOBODY)
                } else {
                    holders
                        .iter()
                        .map(|&h| self.name(h))
                        .collect::<Vec<_>>()
                        .join(", ")
                },
                alarm: holders.len() > 1,
            },
            StatusVis {
                key: "overlap",
                label: t(lang, &tx::STATUS_OVERLAP),
                value: overlapped.first().map_or("0".into(), |o| {
                    format!(
                        "{} ({}, {})",
                        overlapped.len(),
                        self.name(o.0),
                        self.name(o.1)
                    )
                }),
                alarm: !overlapped.is_empty(),
            },
            StatusVis {
                key: "lost",
                label: t(lang, &tx::STATUS_LOST),
                value: format!("{acked} / {} / {lost}", s.map_or(0, |s| s.value())),
                alarm: lost > 0,
            },
        ];
        if self.cfg.mode == Mode::Consensus {
            v.push(StatusVis {
                key: "refused",
                label: t(lang, &tx::STATUS_REFUSED),
                value: refused.to_string(),
                alarm: false,
            });
        }
        v
    }

    fn roles(&self, lang: Lang) -> Vec<(Shape, &'static str, String)> {
        let mut v = match self.cfg.mode {
            Mode::Redlock => vec![
                (
                    Shape::Circle,
                    "green",
                    format!("{} · {}", t(lang, &tx::INSTANCE), t(lang, &tx::KEY_FOR)),
                ),
                (
                    Shape::Circle,
                    "grey",
                    format!("{} · {}", t(lang, &tx::INSTANCE), t(lang, &tx::FREE)),
                ),
                (Shape::Circle, "amber", t(lang, &tx::RESTARTING)),
            ],
            Mode::Consensus => vec![
                (Shape::Circle, "blue", t(lang, &tx::LEADER)),
                (Shape::Circle, "grey", t(lang, &tx::FOLLOWER)),
            ],
        };
        v.extend([
            (
                Shape::Square,
                "amber",
                format!("{} · {}", t(lang, &tx::CLIENT), t(lang, &tx::ACQUIRING)),
            ),
            (
                Shape::Square,
                "green",
                format!("{} · {}", t(lang, &tx::CLIENT), t(lang, &tx::HOLDS)),
            ),
            (Shape::Square, "red", t(lang, &tx::STATUS_OVERLAP)),
            (
                Shape::Square,
                "blue",
                format!("{} · {}", t(lang, &tx::CLIENT), t(lang, &tx::WRITING)),
            ),
            (Shape::Hexagon, "violet", t(lang, &tx::STORAGE)),
            (
                Shape::Circle,
                "grey",
                tr(lang, Text::Key(Key::Crashed)).into(),
            ),
        ]);
        v
    }

    fn mark(&self, note: &RedlockNote) -> Option<(Text, Option<NodeId>)> {
        match note {
            RedlockNote::KeyExpired { .. } => Some((Text::Page(&tx::EXPIRED_OWN), None)),
            RedlockNote::Accepted { older: true, .. } => Some((Text::Page(&tx::OLD_TOKEN), None)),
            RedlockNote::Fenced { .. } => Some((Text::Page(&tx::MSG_FENCED), None)),
            _ => None,
        }
    }

    fn details(&self) -> &'static [crate::ui::core::text::Tx] {
        super::texts::DETAILS
    }

    fn rule_name(&self, rule: &'static str) -> Text {
        match rule {
            MUTUAL_EXCLUSION => Text::Page(&tx::RULE_EXCLUSION),
            NO_LOST_UPDATE => Text::Page(&tx::RULE_LOST),
            _ => Text::Key(Key::ViolationTitle),
        }
    }

    fn notation(&self) -> &'static [(&'static str, crate::ui::core::text::Tx)] {
        super::texts::NOTATION
    }

    fn kinds(&self) -> Vec<MsgStyle> {
        let used: &[usize] = match self.cfg.mode {
            Mode::Redlock => &[0, 1, 2, 3, 10, 11, 12, 13],
            Mode::Consensus => &[4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14],
        };
        used.iter().map(|&k| KINDS[k]).collect()
    }

    /// Each client's lock, from the moment it held it to its job's end; red where two
    /// clients' validity windows overlapped.
    fn spans(&self, w: &World<RedlockNode>, lang: Lang, from: SimTime) -> Vec<OpSpan> {
        let nodes: Vec<&RedlockNode> = (0..w.len()).map(|i| w.node(i)).collect();
        let overlaps = overlapping_validity(&nodes);
        (0..w.len())
            .filter_map(|i| Some((i, w.node(i).client()?)))
            .flat_map(|(node, c)| {
                let overlaps = overlaps.clone();
                let (first, jobs) = since(c.jobs(), from, |j| j.end);
                jobs.iter().enumerate().filter_map(move |(k, j)| {
                    let k = first + k;
                    let t0 = j.granted?;
                    let t1 = j.end;
                    let red = overlaps.iter().any(|o| {
                        (o.0 == node || o.1 == node) && o.2 >= t0 && t1.is_none_or(|e| o.2 <= e)
                    });
                    Some(OpSpan {
                        key: ((node as u64) << 32) | k as u64,
                        node,
                        t0,
                        t1,
                        label: match j.token {
                            Some(token) => format!("{} #{token}", t(lang, &tx::HOLDS)),
                            None => format!(
                                "{} {}/{}",
                                t(lang, &tx::HOLDS),
                                j.yes.len(),
                                self.cfg.servers
                            ),
                        },
                        class: match j.outcome {
                            Outcome::Refused => "op-lost",
                            _ if red => "op-lost",
                            Outcome::Running => "op-waiting",
                            _ => "op-write",
                        },
                    })
                })
            })
            .collect()
    }
}
