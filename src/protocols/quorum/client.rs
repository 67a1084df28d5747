//! A client that coordinates its own operations (client-driven coordination, Dynamo §6.4):
//! it sends each to the key's N home replicas and waits for W or R of them.
//!
//! - **Write**: ask the replicas for their version; with R answers, the newest plus one is
//!   the write's version; send it to all N and succeed on W acknowledgements.
//! - **Read**: with R replies, return the highest version's value (with vector clocks:
//!   every write none of the others has seen — siblings — the highest shown first; the
//!   client's next write has seen them all and replaces them). Read repair sends that
//!   version to the replicas that answered with an older one: in the background (the
//!   answer does not wait), or before answering until W replicas hold it (then a read
//!   never returns a value a later read could miss: ABD's write-back).
//! - Not enough answers in time: with sloppy quorum, ask the next servers (stand-ins,
//!   with a hint naming the home replica they stand in for) once; otherwise the operation
//!   **fails** — though a replica that stored a failed write keeps it.

use super::msg::{
    absorb, seen as seen_by_all, Item, OpId, QCmd, QMsg, QNote, QTimer, Value, Version,
};
use super::node::{QConfig, QNode, Repair};
use crate::protocols::consistency::record::{self, Seen};
use crate::protocols::consistency::{History, Op};
use crate::sim::{Ctx, NodeId, SimTime};

/// One operation as the client saw it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientOp {
    pub op: OpId,
    /// The value written (a write) ...
    pub write: Option<Value>,
    /// ... or the value read (a read, once answered).
    pub read: Option<Value>,
    /// The write's version, or the version the read returned (with siblings: what it saw
    /// of all of them, merged).
    pub version: Option<Version>,
    /// A read's other values: concurrent writes returned beside `read` (vector clocks).
    pub siblings: Vec<Value>,
    pub invoke: SimTime,
    /// When the answer came (`None`: waiting, or failed).
    pub respond: Option<SimTime>,
    /// No quorum answered in time: the client was told it failed.
    pub failed: bool,
    /// Stand-ins were asked (sloppy quorum).
    pub sloppy: bool,
}

impl ClientOp {
    pub fn waiting(&self) -> bool {
        self.respond.is_none() && !self.failed
    }
}

/// Where the operation in progress stands.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Phase {
    /// Write, first phase: versions heard.
    Query { heard: Vec<NodeId>, newest: Version },
    /// Write, second phase: replicas that stored it.
    Put {
        version: Version,
        value: Value,
        acks: Vec<NodeId>,
    },
    /// Read: replies heard (who, what it holds).
    Get { replies: Vec<(NodeId, Vec<Item>)> },
    /// Read, repairing before it answers: replicas known to hold `items`.
    Repair { items: Vec<Item>, have: Vec<NodeId> },
}

/// A client's state (its record survives its own crashes: it is the experiment's).
#[derive(Clone, Debug)]
pub struct Client {
    id: NodeId,
    no: u64,
    seq: u64,
    /// Vector clocks: this client's counter in its last write's clock.
    own: u32,
    phase: Option<Phase>,
    /// The operation's stand-ins: (stand-in, the silent home replica it stands in for).
    stand_ins: Vec<(NodeId, NodeId)>,
    history: Vec<ClientOp>,
    /// Writes it was told failed, counted as they fail (a display need not read the whole
    /// history).
    failed_writes: usize,
}

impl Client {
    pub fn new(cfg: &QConfig, id: NodeId) -> Client {
        Client {
            id,
            no: (id - cfg.servers + 1) as u64,
            seq: 0,
            own: 0,
            phase: None,
            stand_ins: Vec::new(),
            history: Vec::new(),
            failed_writes: 0,
        }
    }
    pub fn history(&self) -> &[ClientOp] {
        &self.history
    }
    /// Writes it was told failed.
    pub fn failed_writes(&self) -> usize {
        self.failed_writes
    }
    /// The operation waiting for its answer.
    pub fn waiting(&self) -> Option<&ClientOp> {
        self.history.last().filter(|o| o.waiting())
    }
    /// Answers the operation in progress still needs, and how many it has.
    pub fn progress(&self, cfg: &QConfig) -> Option<(usize, usize)> {
        Some(match self.phase.as_ref()? {
            Phase::Query { heard, .. } => (heard.len(), cfg.r),
            Phase::Put { acks, .. } => (acks.len(), cfg.w),
            Phase::Get { replies } => (replies.len(), cfg.r),
            Phase::Repair { have, .. } => (have.len(), cfg.w),
        })
    }

    pub(super) fn start(&mut self, cfg: &QConfig, cx: &mut Ctx<QNode>) {
        if let Some(gap) = cfg.workload {
            cx.set_timer(QTimer::Workload, gap / 2, gap * 3 / 2);
        }
        if self.waiting().is_some() {
            cx.set_timer(QTimer::Timeout, cfg.timeout, cfg.timeout);
        }
    }

    fn current(&mut self) -> &mut ClientOp {
        self.history
            .last_mut()
            .expect("an operation is in progress")
    }

    /// Send a phase's message to the key's N home replicas and to the operation's
    /// stand-ins (with the hint naming whom they stand in for).
    fn send_to_replicas(
        &mut self,
        cfg: &QConfig,
        msg: impl Fn(OpId, Option<NodeId>) -> QMsg,
        cx: &mut Ctx<QNode>,
    ) {
        let op = self.current().op;
        for s in 0..cfg.n {
            cx.send(s, msg(op, None));
        }
        for &(s, home) in &self.stand_ins {
            cx.send(s, msg(op, Some(home)));
        }
        cx.set_timer(QTimer::Timeout, cfg.timeout, cfg.timeout);
    }

    fn invoke(&mut self, cfg: &QConfig, write: bool, cx: &mut Ctx<QNode>) {
        if self.waiting().is_some() {
            cx.note(QNote::Busy);
            return;
        }
        self.seq += 1;
        self.stand_ins.clear();
        let write = write.then_some(self.seq * 10 + self.no);
        self.history.push(ClientOp {
            op: (self.id, self.seq),
            write,
            read: None,
            version: None,
            siblings: Vec::new(),
            invoke: cx.now,
            respond: None,
            failed: false,
            sloppy: false,
        });
        match write {
            Some(value) => {
                cx.note(QNote::WriteStarted { value });
                self.phase = Some(Phase::Query {
                    heard: Vec::new(),
                    newest: Version::default(),
                });
                self.send_to_replicas(cfg, |op, _| QMsg::VersionQuery { op }, cx);
            }
            None => {
                cx.note(QNote::ReadStarted);
                self.phase = Some(Phase::Get {
                    replies: Vec::new(),
                });
                self.send_to_replicas(cfg, |op, _| QMsg::Get { op }, cx);
            }
        }
    }

    pub(super) fn on_cmd(&mut self, cfg: &QConfig, cmd: QCmd, cx: &mut Ctx<QNode>) {
        self.invoke(cfg, cmd == QCmd::Write, cx);
    }

    fn finish(&mut self, cx: &mut Ctx<QNode>) {
        let now = cx.now;
        self.current().respond = Some(now);
        self.phase = None;
        cx.cancel_timer(QTimer::Timeout);
    }

    /// A read with its R replies: the highest version is the answer (or, broken, the
    /// first reply's). With vector clocks, every write no other reply has seen comes back:
    /// siblings.
    fn read_quorum(
        &mut self,
        cfg: &QConfig,
        replies: Vec<(NodeId, Vec<Item>)>,
        cx: &mut Ctx<QNode>,
    ) {
        let found: Vec<Item> = if cfg.first_reply {
            replies[0].1.clone()
        } else {
            let mut all = Vec::new();
            for item in replies.iter().flat_map(|r| &r.1) {
                absorb(&mut all, *item);
            }
            all
        };
        let (_, value) = *found
            .last()
            .expect("a replica holds at least the initial value");
        let version = seen_by_all(&found);
        // A reply is stale when it lacks a write the read found.
        let has_all = |held: &[Item]| {
            found
                .iter()
                .all(|f| held.iter().any(|h| f.0.covered_by(&h.0)))
        };
        let stale: Vec<NodeId> = replies
            .iter()
            .filter(|r| !has_all(&r.1))
            .map(|r| r.0)
            .collect();
        let siblings: Vec<Value> = found.iter().rev().skip(1).map(|i| i.1).collect();
        let o = self.current();
        o.read = Some(value);
        o.version = Some(version);
        o.siblings = siblings;
        let op = o.op;
        let repair = |cx: &mut Ctx<QNode>, to: &[NodeId]| {
            for &s in to {
                cx.send(
                    s,
                    QMsg::Put {
                        op,
                        items: found.clone(),
                        hint: None,
                    },
                );
            }
            if !to.is_empty() {
                cx.note(QNote::Repairing {
                    count: to.len(),
                    version,
                });
            }
        };
        match cfg.repair {
            Repair::Off => {}
            Repair::Background => repair(cx, &stale),
            Repair::Blocking => {
                let have: Vec<NodeId> = replies
                    .iter()
                    .filter(|r| has_all(&r.1))
                    .map(|r| r.0)
                    .collect();
                if have.len() < cfg.w {
                    // Every home replica not known to hold it gets it.
                    let to: Vec<NodeId> = (0..cfg.n).filter(|s| !have.contains(s)).collect();
                    repair(cx, &to);
                    self.phase = Some(Phase::Repair { items: found, have });
                    cx.set_timer(QTimer::Timeout, cfg.timeout, cfg.timeout);
                    return;
                }
            }
        }
        self.finish(cx);
        cx.note(QNote::ReadDone {
            value,
            version,
            stale: stale.len(),
            siblings: found.len(),
        });
    }

    pub(super) fn on_msg(&mut self, cfg: &QConfig, from: NodeId, msg: QMsg, cx: &mut Ctx<QNode>) {
        let Some(current) = self.waiting().map(|o| o.op) else {
            return;
        };
        let ours = |op: OpId| op == current;
        match (self.phase.take(), msg) {
            (Some(Phase::Query { mut heard, newest }), QMsg::VersionReply { op, version })
                if ours(op) && !heard.contains(&from) =>
            {
                heard.push(from);
                let newest = newest.merge(&version);
                if heard.len() >= cfg.r {
                    // Version numbers: the newest plus one. Vector clocks: what the R
                    // replicas have seen, with this client's own counter advanced.
                    let version = newest.next(self.no, cfg.vector_clocks, self.own);
                    if cfg.vector_clocks {
                        self.own =
                            version.clock[(self.no as usize - 1).min(version.clock.len() - 1)];
                    }
                    let value = self.current().write.unwrap_or_default();
                    self.current().version = Some(version);
                    cx.note(QNote::Versioned { version, value });
                    self.phase = Some(Phase::Put {
                        version,
                        value,
                        acks: Vec::new(),
                    });
                    self.send_to_replicas(
                        cfg,
                        |op, hint| QMsg::Put {
                            op,
                            items: vec![(version, value)],
                            hint,
                        },
                        cx,
                    );
                } else {
                    self.phase = Some(Phase::Query { heard, newest });
                }
            }
            (
                Some(Phase::Put {
                    version,
                    value,
                    mut acks,
                }),
                QMsg::PutAck { op },
            ) if ours(op) && !acks.contains(&from) => {
                acks.push(from);
                if acks.len() >= cfg.w {
                    self.finish(cx);
                    cx.note(QNote::WriteDone { value, version });
                } else {
                    self.phase = Some(Phase::Put {
                        version,
                        value,
                        acks,
                    });
                }
            }
            (Some(Phase::Get { mut replies }), QMsg::GetReply { op, items })
                if ours(op) && !replies.iter().any(|r| r.0 == from) =>
            {
                replies.push((from, items));
                if replies.len() >= cfg.r {
                    self.read_quorum(cfg, replies, cx);
                } else {
                    self.phase = Some(Phase::Get { replies });
                }
            }
            (Some(Phase::Repair { items, mut have }), QMsg::PutAck { op })
                if ours(op) && !have.contains(&from) =>
            {
                have.push(from);
                if have.len() >= cfg.w {
                    self.finish(cx);
                    let (version, value) = (seen_by_all(&items), items.last().map_or(0, |i| i.1));
                    cx.note(QNote::ReadDone {
                        value,
                        version,
                        stale: 0,
                        siblings: items.len(),
                    });
                } else {
                    self.phase = Some(Phase::Repair { items, have });
                }
            }
            (phase, _) => self.phase = phase,
        }
    }

    /// The home replicas that have not answered the phase in progress and have no
    /// stand-in yet.
    fn silent(&self, cfg: &QConfig) -> Vec<NodeId> {
        let answered: Vec<NodeId> = match &self.phase {
            Some(Phase::Query { heard, .. }) => heard.clone(),
            Some(Phase::Put { acks, .. }) => acks.clone(),
            Some(Phase::Get { replies }) => replies.iter().map(|r| r.0).collect(),
            Some(Phase::Repair { have, .. }) => have.clone(),
            None => return Vec::new(),
        };
        (0..cfg.n)
            .filter(|s| !answered.contains(s) && !self.stand_ins.iter().any(|x| x.1 == *s))
            .collect()
    }

    pub(super) fn on_timer(&mut self, cfg: &QConfig, timer: QTimer, cx: &mut Ctx<QNode>) {
        match timer {
            QTimer::Timeout if self.waiting().is_some() => {
                let free: Vec<NodeId> = (cfg.n..cfg.servers)
                    .filter(|s| !self.stand_ins.iter().any(|x| x.0 == *s))
                    .collect();
                let pairs: Vec<(NodeId, NodeId)> = free.into_iter().zip(self.silent(cfg)).collect();
                if cfg.sloppy && !pairs.is_empty() {
                    // Sloppy quorum: the next servers stand in for the silent home replicas,
                    // for this phase and the operation's next.
                    let op = self.current().op;
                    self.current().sloppy = true;
                    for &(s, home) in &pairs {
                        self.stand_ins.push((s, home));
                        let msg = match &self.phase {
                            Some(Phase::Query { .. }) => QMsg::VersionQuery { op },
                            Some(Phase::Get { .. }) => QMsg::Get { op },
                            Some(Phase::Put { version, value, .. }) => QMsg::Put {
                                op,
                                items: vec![(*version, *value)],
                                hint: Some(home),
                            },
                            Some(Phase::Repair { items, .. }) => QMsg::Put {
                                op,
                                items: items.clone(),
                                hint: Some(home),
                            },
                            None => continue,
                        };
                        cx.send(s, msg);
                    }
                    cx.note(QNote::AskedStandIns { count: pairs.len() });
                    cx.set_timer(QTimer::Timeout, cfg.timeout, cfg.timeout);
                } else {
                    let write = self.current().write;
                    self.current().failed = true;
                    self.failed_writes += usize::from(write.is_some());
                    self.phase = None;
                    cx.note(QNote::Failed { write });
                }
            }
            QTimer::Workload => {
                if self.waiting().is_none() {
                    let read = cx.below(100) < cfg.read_share;
                    self.invoke(cfg, !read, cx);
                }
                if let Some(gap) = cfg.workload {
                    cx.set_timer(QTimer::Workload, gap / 2, gap * 3 / 2);
                }
            }
            _ => {}
        }
    }
}

/// What a client saw, for the consistency checker (a failed write may or may not have
/// taken effect; see [`crate::protocols::consistency::record`]).
pub fn seen(c: &Client, limit: usize) -> Vec<Seen> {
    c.history
        .iter()
        .take(limit)
        .map(|o| Seen {
            id: o.op,
            op: match o.write {
                Some(v) => Op::Write(v),
                None => Op::Read(o.read),
            },
            invoke: o.invoke,
            respond: o.respond,
            gave_up: o.failed,
        })
        .collect()
}

/// The register's history of `clients` and each operation's id.
pub fn history<'a>(clients: impl Iterator<Item = &'a Client>) -> (History, Vec<OpId>) {
    record::history(&clients.map(|c| seen(c, usize::MAX)).collect::<Vec<_>>())
}
