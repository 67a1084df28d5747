//! A server of the replicated register.
//!
//! - **CP** (consistency over availability): every operation needs a majority of servers
//!   (a quorum register, ABD): the server asks the others for their newest item, and a
//!   write stores `newest + 1` on a majority (a read writes the newest back) before it
//!   answers. A server that cannot reach a majority in time **refuses**.
//! - **AP** (availability over consistency): a server answers at once from its own copy,
//!   stamps a write with the time (and its version vector) and ships it to the others, and
//!   sends everything it holds every sync period (anti-entropy). Cut off, the copies
//!   diverge; when they meet, either the **last writer wins** (the older concurrent write
//!   is gone) or the concurrent writes are kept as **siblings** for a client to merge.

use super::msg::{CapMsg, CapNote, CapTimer, Item, OpId, Stamp, Value};
use super::node::{CapConfig, CapNode, Merge, Mode};
use crate::sim::{Ctx, NodeId};

/// A CP operation in progress on its coordinating server.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Pending {
    client: NodeId,
    op: OpId,
    write: Option<Value>,
    round: u64,
    /// Collecting the others' newest items (`best` so far), or storing `item`.
    storing: bool,
    item: Item,
    have: Vec<NodeId>,
}

/// A server's state: its items (one, or siblings) are on disk; the operation in progress
/// and its queue are memory.
#[derive(Clone, Debug)]
pub struct Server {
    id: NodeId,
    items: Vec<Item>,
    round: u64,
    pending: Option<Pending>,
    queue: Vec<(NodeId, CapMsg)>,
    /// AP, last writer wins: values this server dropped for a newer concurrent write.
    overwritten: Vec<Value>,
}

impl Server {
    pub fn new(cfg: &CapConfig, id: NodeId) -> Server {
        Server {
            id,
            items: vec![Item {
                value: 0,
                stamp: Stamp::default(),
                vv: vec![0; cfg.servers],
            }],
            round: 0,
            pending: None,
            queue: Vec::new(),
            overwritten: Vec::new(),
        }
    }
    /// What it holds: one item, or concurrent siblings.
    pub fn items(&self) -> &[Item] {
        &self.items
    }
    /// The newest item it holds.
    pub fn newest(&self) -> &Item {
        self.items
            .iter()
            .max_by_key(|i| i.stamp)
            .expect("a server holds at least one item")
    }
    pub fn overwritten(&self) -> &[Value] {
        &self.overwritten
    }
    /// CP: answers heard for the operation in progress, and how many it needs.
    pub fn progress(&self, cfg: &CapConfig) -> Option<(usize, usize)> {
        self.pending
            .as_ref()
            .map(|p| (p.have.len(), cfg.majority()))
    }

    pub(super) fn start(&mut self, cfg: &CapConfig, cx: &mut Ctx<CapNode>) {
        if cfg.mode == Mode::Ap {
            cx.set_timer(CapTimer::Sync, cfg.sync, cfg.sync);
        }
    }

    pub(super) fn crash(&mut self) {
        self.pending = None;
        self.queue.clear();
    }

    fn others(&self, cfg: &CapConfig) -> impl Iterator<Item = NodeId> + 'static {
        let me = self.id;
        (0..cfg.servers).filter(move |s| *s != me)
    }

    /// Take in `item`: CP and last-writer-wins keep the newer stamp; siblings keep every
    /// write no other has seen.
    fn merge(&mut self, cfg: &CapConfig, item: Item, cx: &mut Ctx<CapNode>) {
        match (cfg.mode, cfg.merge) {
            (Mode::Cp, _) | (Mode::Ap, Merge::Lww) => {
                let mine = self.items[0].clone();
                if item.stamp > mine.stamp {
                    if cfg.mode == Mode::Ap && !item.dominates(&mine) {
                        self.overwritten.push(mine.value);
                        cx.note(CapNote::Overwritten {
                            lost: mine.value,
                            by: item.value,
                        });
                    } else {
                        cx.note(CapNote::Stored { value: item.value });
                    }
                    self.items = vec![item];
                } else if cfg.mode == Mode::Ap
                    && item.stamp < mine.stamp
                    && !mine.dominates(&item)
                    && !self.overwritten.contains(&item.value)
                {
                    self.overwritten.push(item.value);
                    cx.note(CapNote::Overwritten {
                        lost: item.value,
                        by: mine.value,
                    });
                }
            }
            (Mode::Ap, Merge::Siblings) => {
                if self.items.iter().any(|i| i.dominates(&item)) {
                    return;
                }
                self.items.retain(|i| !item.dominates(i));
                cx.note(CapNote::Stored { value: item.value });
                self.items.push(item);
                if self.items.len() > 1 {
                    cx.note(CapNote::Siblings {
                        count: self.items.len(),
                    });
                }
            }
        }
    }

    /// AP: a write here at once, seeing (and so merging) every sibling this server holds.
    fn write_locally(&mut self, cfg: &CapConfig, value: Value, cx: &mut Ctx<CapNode>) -> Item {
        let mut vv = vec![0; cfg.servers];
        for i in &self.items {
            for (a, b) in vv.iter_mut().zip(&i.vv) {
                *a = (*a).max(*b);
            }
        }
        vv[self.id] += 1;
        if self.items.len() > 1 {
            cx.note(CapNote::Merged {
                count: self.items.len(),
            });
        }
        let stamp = match cfg.mode {
            Mode::Ap => Stamp {
                counter: cx.now,
                server: self.id,
            },
            Mode::Cp => Stamp {
                counter: self.newest().stamp.counter + 1,
                server: self.id,
            },
        };
        let item = Item { value, stamp, vv };
        self.items = vec![item.clone()];
        item
    }

    fn answer_locally(
        &mut self,
        cfg: &CapConfig,
        client: NodeId,
        msg: &CapMsg,
        cx: &mut Ctx<CapNode>,
    ) {
        match *msg {
            CapMsg::Write { op, value } => {
                let item = self.write_locally(cfg, value, cx);
                cx.note(CapNote::Local { value: Some(value) });
                cx.send(
                    client,
                    CapMsg::WriteOk {
                        op,
                        stamp: item.stamp,
                    },
                );
                if cfg.mode == Mode::Ap {
                    for s in self.others(cfg) {
                        cx.send(
                            s,
                            CapMsg::Store {
                                round: 0,
                                items: vec![item.clone()],
                            },
                        );
                    }
                }
            }
            CapMsg::Read { op } => {
                cx.note(CapNote::Local { value: None });
                let values = self.items.iter().map(|i| i.value).collect();
                cx.send(
                    client,
                    CapMsg::ReadOk {
                        op,
                        values,
                        stamp: self.newest().stamp,
                    },
                );
            }
            _ => {}
        }
    }

    /// CP: start coordinating a client's operation (or queue it behind the current one).
    fn coordinate(&mut self, cfg: &CapConfig, client: NodeId, msg: CapMsg, cx: &mut Ctx<CapNode>) {
        if self.pending.is_some() {
            self.queue.push((client, msg));
            return;
        }
        let (op, write) = match msg {
            CapMsg::Write { op, value } => (op, Some(value)),
            CapMsg::Read { op } => (op, None),
            _ => return,
        };
        self.round += 1;
        self.pending = Some(Pending {
            client,
            op,
            write,
            round: self.round,
            storing: false,
            item: self.newest().clone(),
            have: vec![self.id],
        });
        for s in self.others(cfg) {
            cx.send(s, CapMsg::Query { round: self.round });
        }
        cx.set_timer(
            CapTimer::QuorumTimeout,
            cfg.quorum_timeout,
            cfg.quorum_timeout,
        );
        self.advance(cfg, cx);
    }

    /// CP: move the operation in progress on when a majority has answered its phase.
    fn advance(&mut self, cfg: &CapConfig, cx: &mut Ctx<CapNode>) {
        let Some(p) = self.pending.as_mut() else {
            return;
        };
        if p.have.len() < cfg.majority() {
            return;
        }
        if !p.storing {
            cx.note(CapNote::Quorum {
                have: p.have.len(),
                need: cfg.majority(),
            });
            // A write stores newest + 1; a read writes the newest back (so no later read
            // can return anything older).
            if let Some(value) = p.write {
                let stamp = Stamp {
                    counter: p.item.stamp.counter + 1,
                    server: self.id,
                };
                p.item = Item {
                    value,
                    stamp,
                    vv: vec![0; cfg.servers],
                };
            }
            p.storing = true;
            p.have = vec![self.id];
            let (item, round) = (p.item.clone(), p.round);
            self.merge(cfg, item.clone(), cx);
            for s in self.others(cfg) {
                cx.send(
                    s,
                    CapMsg::Store {
                        round,
                        items: vec![item.clone()],
                    },
                );
            }
            cx.set_timer(
                CapTimer::QuorumTimeout,
                cfg.quorum_timeout,
                cfg.quorum_timeout,
            );
            return self.advance(cfg, cx);
        }
        let p = self.pending.take().expect("checked above");
        cx.cancel_timer(CapTimer::QuorumTimeout);
        match p.write {
            Some(_) => cx.send(
                p.client,
                CapMsg::WriteOk {
                    op: p.op,
                    stamp: p.item.stamp,
                },
            ),
            None => cx.send(
                p.client,
                CapMsg::ReadOk {
                    op: p.op,
                    values: vec![p.item.value],
                    stamp: p.item.stamp,
                },
            ),
        }
        self.next(cfg, cx);
    }

    fn next(&mut self, cfg: &CapConfig, cx: &mut Ctx<CapNode>) {
        if !self.queue.is_empty() {
            let (client, msg) = self.queue.remove(0);
            self.coordinate(cfg, client, msg, cx);
        }
    }

    pub(super) fn on_msg(
        &mut self,
        cfg: &CapConfig,
        from: NodeId,
        msg: CapMsg,
        cx: &mut Ctx<CapNode>,
    ) {
        match msg {
            CapMsg::Write { .. } | CapMsg::Read { .. } => match cfg.mode {
                Mode::Ap => self.answer_locally(cfg, from, &msg, cx),
                Mode::Cp => self.coordinate(cfg, from, msg, cx),
            },
            CapMsg::Query { round } => cx.send(
                from,
                CapMsg::QueryReply {
                    round,
                    item: self.newest().clone(),
                },
            ),
            CapMsg::QueryReply { round, item } => {
                if let Some(p) = self
                    .pending
                    .as_mut()
                    .filter(|p| p.round == round && !p.storing && !p.have.contains(&from))
                {
                    p.have.push(from);
                    if item.stamp > p.item.stamp {
                        p.item = item;
                    }
                    self.advance(cfg, cx);
                }
            }
            CapMsg::Store { round, items } => {
                for item in items {
                    self.merge(cfg, item, cx);
                }
                if cfg.mode == Mode::Cp {
                    cx.send(from, CapMsg::StoreAck { round });
                }
            }
            CapMsg::StoreAck { round } => {
                if let Some(p) = self
                    .pending
                    .as_mut()
                    .filter(|p| p.round == round && p.storing && !p.have.contains(&from))
                {
                    p.have.push(from);
                    self.advance(cfg, cx);
                }
            }
            CapMsg::WriteOk { .. } | CapMsg::ReadOk { .. } | CapMsg::Refused { .. } => {}
        }
    }

    pub(super) fn on_timer(&mut self, cfg: &CapConfig, timer: CapTimer, cx: &mut Ctx<CapNode>) {
        match timer {
            CapTimer::QuorumTimeout => {
                let Some(p) = self.pending.take() else { return };
                cx.note(CapNote::NoQuorum {
                    have: p.have.len(),
                    need: cfg.majority(),
                });
                if cfg.minority_accepts {
                    // Broken: answer from this side alone, as AP would.
                    let msg = match p.write {
                        Some(value) => CapMsg::Write { op: p.op, value },
                        None => CapMsg::Read { op: p.op },
                    };
                    self.answer_locally(cfg, p.client, &msg, cx);
                } else {
                    cx.send(p.client, CapMsg::Refused { op: p.op });
                }
                self.next(cfg, cx);
            }
            CapTimer::Sync if cfg.mode == Mode::Ap => {
                for s in self.others(cfg) {
                    cx.send(
                        s,
                        CapMsg::Store {
                            round: 0,
                            items: self.items.clone(),
                        },
                    );
                }
                cx.set_timer(CapTimer::Sync, cfg.sync, cfg.sync);
            }
            _ => {}
        }
    }
}
