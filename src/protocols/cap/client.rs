//! A client: it talks to one server (its side of the network), one operation at a time,
//! and records each operation — answered, refused, or never answered — for the page's
//! availability and staleness figures and for the consistency checker.

use super::msg::{CapCmd, CapMsg, CapNote, CapTimer, OpId, Stamp, Value};
use super::node::{CapConfig, CapNode};
use crate::protocols::consistency::record::{self, Seen};
use crate::protocols::consistency::{History, Op};
use crate::sim::{Ctx, NodeId, SimTime};

/// One operation as the client saw it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientOp {
    pub op: OpId,
    pub write: Option<Value>,
    /// The value(s) read: more than one when the server held siblings.
    pub read: Vec<Value>,
    /// The written or read item's stamp.
    pub stamp: Option<Stamp>,
    pub invoke: SimTime,
    pub respond: Option<SimTime>,
    /// Refused by its server, or never answered.
    pub refused: bool,
}

impl ClientOp {
    pub fn waiting(&self) -> bool {
        self.respond.is_none() && !self.refused
    }
    /// The value a read returns to the application: with siblings, the largest (the
    /// client's own merge rule on this page).
    pub fn value(&self) -> Option<Value> {
        self.read.iter().copied().max()
    }
}

#[derive(Clone, Debug)]
pub struct Client {
    id: NodeId,
    no: u64,
    seq: u64,
    /// The server it talks to.
    pub home: NodeId,
    history: Vec<ClientOp>,
    /// The tally of every operation but the last (one at a time: those are settled), kept
    /// as operations begin, so a display reads it without reading the whole history.
    settled: Tally,
}

/// How a client's operations went: done (answered or refused), answered, and the sum of
/// the answered ones' latencies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub done: usize,
    pub answered: usize,
    pub latency_sum: SimTime,
}

impl Tally {
    fn add(mut self, o: &ClientOp) -> Tally {
        if !o.waiting() {
            self.done += 1;
        }
        if let Some(r) = o.respond {
            self.answered += 1;
            self.latency_sum += r - o.invoke;
        }
        self
    }
}

impl Client {
    pub fn new(cfg: &CapConfig, id: NodeId) -> Client {
        let no = (id - cfg.servers + 1) as u64;
        Client {
            id,
            no,
            seq: 0,
            home: cfg.home_of(id),
            history: Vec::new(),
            settled: Tally::default(),
        }
    }
    /// How its operations went so far (the last one included).
    pub fn tally(&self) -> Tally {
        self.history
            .last()
            .map_or(self.settled, |last| self.settled.add(last))
    }
    pub fn history(&self) -> &[ClientOp] {
        &self.history
    }
    pub fn waiting(&self) -> Option<&ClientOp> {
        self.history.last().filter(|o| o.waiting())
    }

    pub(super) fn start(&mut self, cfg: &CapConfig, cx: &mut Ctx<CapNode>) {
        if let Some(gap) = cfg.workload {
            cx.set_timer(CapTimer::Workload, gap / 2, gap * 3 / 2);
        }
        if self.waiting().is_some() {
            cx.set_timer(
                CapTimer::ClientTimeout,
                cfg.client_timeout,
                cfg.client_timeout,
            );
        }
    }

    fn invoke(&mut self, cfg: &CapConfig, write: bool, cx: &mut Ctx<CapNode>) {
        if self.waiting().is_some() {
            cx.note(CapNote::Busy);
            return;
        }
        self.seq += 1;
        let op = (self.id, self.seq);
        let write = write.then_some(self.seq * 10 + self.no);
        if let Some(last) = self.history.last() {
            self.settled = self.settled.add(last);
        }
        self.history.push(ClientOp {
            op,
            write,
            read: Vec::new(),
            stamp: None,
            invoke: cx.now,
            respond: None,
            refused: false,
        });
        cx.note(CapNote::Invoked { write });
        cx.send(
            self.home,
            match write {
                Some(value) => CapMsg::Write { op, value },
                None => CapMsg::Read { op },
            },
        );
        cx.set_timer(
            CapTimer::ClientTimeout,
            cfg.client_timeout,
            cfg.client_timeout,
        );
    }

    pub(super) fn on_cmd(&mut self, cfg: &CapConfig, cmd: CapCmd, cx: &mut Ctx<CapNode>) {
        self.invoke(cfg, cmd == CapCmd::Write, cx);
    }

    fn current(&mut self, op: OpId) -> Option<&mut ClientOp> {
        self.history
            .last_mut()
            .filter(|o| o.op == op && o.waiting())
    }

    pub(super) fn on_msg(&mut self, msg: CapMsg, cx: &mut Ctx<CapNode>) {
        let now = cx.now;
        let note = match msg {
            CapMsg::WriteOk { op, stamp } => self.current(op).map(|o| {
                o.respond = Some(now);
                o.stamp = Some(stamp);
                CapNote::WriteDone {
                    value: o.write.unwrap_or_default(),
                }
            }),
            CapMsg::ReadOk { op, values, stamp } => self.current(op).map(|o| {
                o.respond = Some(now);
                o.stamp = Some(stamp);
                o.read = values;
                CapNote::ReadDone {
                    value: o.value().unwrap_or_default(),
                    siblings: o.read.len(),
                }
            }),
            CapMsg::Refused { op } => self.current(op).map(|o| {
                o.refused = true;
                CapNote::Refused { write: o.write }
            }),
            _ => None,
        };
        if let Some(n) = note {
            cx.cancel_timer(CapTimer::ClientTimeout);
            cx.note(n);
        }
    }

    pub(super) fn on_timer(&mut self, cfg: &CapConfig, timer: CapTimer, cx: &mut Ctx<CapNode>) {
        match timer {
            CapTimer::ClientTimeout => {
                if let Some(o) = self.history.last_mut().filter(|o| o.waiting()) {
                    o.refused = true;
                    let write = o.write;
                    cx.note(CapNote::Refused { write });
                }
            }
            CapTimer::Workload => {
                if self.waiting().is_none() {
                    let read = cx.below(100) < cfg.read_share;
                    self.invoke(cfg, !read, cx);
                }
                if let Some(gap) = cfg.workload {
                    cx.set_timer(CapTimer::Workload, gap / 2, gap * 3 / 2);
                }
            }
            _ => {}
        }
    }
}

/// What a client saw, for the consistency checker (a refused write may still have taken
/// effect — a CP server can time out after storing it on a few; see
/// [`crate::protocols::consistency::record`]). With siblings a read counts as returning
/// its largest sibling.
pub fn seen(c: &Client, limit: usize) -> Vec<Seen> {
    c.history
        .iter()
        .take(limit)
        .map(|o| Seen {
            id: o.op,
            op: match o.write {
                Some(v) => Op::Write(v),
                None => Op::Read(o.value()),
            },
            invoke: o.invoke,
            respond: o.respond,
            gave_up: o.refused,
        })
        .collect()
}

/// The register's history of `clients` and each operation's id.
pub fn history<'a>(clients: impl Iterator<Item = &'a Client>) -> (History, Vec<OpId>) {
    record::history(&clients.map(|c| seen(c, usize::MAX)).collect::<Vec<_>>())
}
