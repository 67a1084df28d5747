//! A client: one operation at a time, sent to the replica it believes is the primary,
//! retried on the next replica when the answer is late. It records every operation's
//! invocation and response: the history the consistency checker reads.

use super::msg::{OpId, PsCmd, PsMsg, PsNote, PsTimer, Value};
use super::node::{PsConfig, PsNode};
use crate::protocols::consistency::record::{self, Seen};
use crate::protocols::consistency::{History, Op};
use crate::sim::{Ctx, NodeId, SimTime};

/// One operation as the client saw it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientOp {
    pub op: OpId,
    /// The value written (a write) ...
    pub write: Option<Value>,
    /// ... or the value read (a read, once answered).
    pub read: Option<Value>,
    pub invoke: SimTime,
    /// When the answer came (`None`: still waiting).
    pub respond: Option<SimTime>,
}

/// A client's state (kept across its own crashes: it is the experiment's record).
#[derive(Clone, Debug)]
pub struct Client {
    id: NodeId,
    /// This client's number (C1 is 1).
    no: u64,
    seq: u64,
    /// The replica it sends to.
    target: NodeId,
    /// Its operations, oldest first; the last one may be waiting.
    history: Vec<ClientOp>,
}

impl Client {
    pub fn new(cfg: &PsConfig, id: NodeId) -> Client {
        Client {
            id,
            no: (id - cfg.replicas + 1) as u64,
            seq: 0,
            target: 0,
            history: Vec::new(),
        }
    }
    pub fn history(&self) -> &[ClientOp] {
        &self.history
    }
    /// The operation waiting for its answer.
    pub fn waiting(&self) -> Option<&ClientOp> {
        self.history.last().filter(|o| o.respond.is_none())
    }
    /// Writes acknowledged to this client: (operation, value).
    pub fn acked(&self) -> impl Iterator<Item = (OpId, Value)> + '_ {
        self.history
            .iter()
            .filter(|o| o.respond.is_some())
            .filter_map(|o| Some((o.op, o.write?)))
    }
    pub fn target(&self) -> NodeId {
        self.target
    }

    pub(super) fn start(&mut self, cfg: &PsConfig, cx: &mut Ctx<PsNode>) {
        if let Some(gap) = cfg.workload {
            cx.set_timer(PsTimer::Workload, gap / 2, gap * 3 / 2);
        }
        if self.waiting().is_some() {
            cx.set_timer(PsTimer::Retry, cfg.retry, cfg.retry);
        }
    }

    fn send(&self, cx: &mut Ctx<PsNode>) {
        if let Some(o) = self.waiting() {
            let msg = match o.write {
                Some(value) => PsMsg::Write { op: o.op, value },
                None => PsMsg::Read { op: o.op },
            };
            cx.send(self.target, msg);
        }
    }

    fn invoke(&mut self, cfg: &PsConfig, write: bool, cx: &mut Ctx<PsNode>) {
        if self.waiting().is_some() {
            cx.note(PsNote::Busy);
            return;
        }
        self.seq += 1;
        // C1 writes 11, 21, 31...; C2 writes 12, 22, ...: every value names its writer.
        let write = write.then_some(self.seq * 10 + self.no);
        self.history.push(ClientOp {
            op: (self.id, self.seq),
            write,
            read: None,
            invoke: cx.now,
            respond: None,
        });
        cx.note(PsNote::Invoked { write });
        self.send(cx);
        cx.set_timer(PsTimer::Retry, cfg.retry, cfg.retry);
    }

    pub(super) fn on_cmd(&mut self, cfg: &PsConfig, cmd: PsCmd, cx: &mut Ctx<PsNode>) {
        self.invoke(cfg, cmd == PsCmd::Write, cx);
    }

    fn answered(&mut self, op: OpId, read: Option<Value>, cx: &mut Ctx<PsNode>) -> bool {
        let now = cx.now;
        match self.history.last_mut() {
            Some(o) if o.op == op && o.respond.is_none() => {
                o.respond = Some(now);
                o.read = read;
                cx.cancel_timer(PsTimer::Retry);
                true
            }
            _ => false,
        }
    }

    pub(super) fn on_msg(&mut self, cfg: &PsConfig, msg: PsMsg, cx: &mut Ctx<PsNode>) {
        match msg {
            PsMsg::WriteOk { op } => {
                if let Some(value) = self.waiting().and_then(|o| o.write) {
                    if self.answered(op, None, cx) {
                        cx.note(PsNote::WriteDone { value });
                    }
                }
            }
            PsMsg::ReadOk { op, value, .. } if self.answered(op, Some(value), cx) => {
                cx.note(PsNote::ReadDone { value });
            }
            PsMsg::NotPrimary { op, hint } if self.waiting().is_some_and(|o| o.op == op) => {
                self.target = match hint {
                    Some(h) if h != self.target => h,
                    _ => (self.target + 1) % cfg.replicas,
                };
                self.send(cx);
                cx.set_timer(PsTimer::Retry, cfg.retry, cfg.retry);
            }
            _ => {}
        }
    }

    pub(super) fn on_timer(&mut self, cfg: &PsConfig, timer: PsTimer, cx: &mut Ctx<PsNode>) {
        match timer {
            PsTimer::Retry if self.waiting().is_some() => {
                self.target = (self.target + 1) % cfg.replicas;
                cx.note(PsNote::Retrying { to: self.target });
                self.send(cx);
                cx.set_timer(PsTimer::Retry, cfg.retry, cfg.retry);
            }
            PsTimer::Workload => {
                if self.waiting().is_none() {
                    let read = cx.below(100) < cfg.read_share;
                    self.invoke(cfg, !read, cx);
                }
                if let Some(gap) = cfg.workload {
                    cx.set_timer(PsTimer::Workload, gap / 2, gap * 3 / 2);
                }
            }
            _ => {}
        }
    }
}

/// What a client saw, for the consistency checker (it never gives up: it retries).
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
            gave_up: false,
        })
        .collect()
}

/// The register's history as all clients saw it, for the consistency checker.
pub fn history<'a>(clients: impl Iterator<Item = &'a Client>) -> History {
    record::history(&clients.map(|c| seen(c, usize::MAX)).collect::<Vec<_>>()).0
}
