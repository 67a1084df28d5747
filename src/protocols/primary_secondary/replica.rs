//! A replica: the primary or a secondary (or, during a failover, a candidate).

use super::msg::{Entry, OpId, PsMsg, PsNote, PsTimer, Value};
use super::node::{Mode, PsConfig, PsNode};
use crate::sim::{Ctx, NodeId};

/// Most entries one append carries.
const BATCH: usize = 16;

/// What a replica is doing now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Role {
    Secondary,
    /// Asking for votes in its epoch; the replicas that granted one.
    Candidate {
        votes: Vec<NodeId>,
    },
    /// The primary, with per-replica shipping state: the next position to send and the
    /// position known stored (`matched`), and the writes waiting for their "ok".
    Primary {
        next: Vec<usize>,
        matched: Vec<usize>,
        pending: Vec<(OpId, usize, NodeId)>,
    },
}

/// A replica's state. `epoch`, `voted`, `log` and `hwm` are on disk; the rest is memory.
#[derive(Clone, Debug)]
pub struct Replica {
    id: NodeId,
    epoch: u64,
    voted: Option<(u64, NodeId)>,
    log: Vec<Entry>,
    hwm: usize,
    role: Role,
    primary: Option<NodeId>,
}

impl Replica {
    /// S1 starts as the primary of epoch 1; the others follow it.
    pub fn new(cfg: &PsConfig, id: NodeId) -> Replica {
        Replica {
            id,
            epoch: 1,
            voted: Some((1, 0)),
            log: Vec::new(),
            hwm: 0,
            role: if id == 0 {
                Role::Primary {
                    next: vec![1; cfg.replicas],
                    matched: vec![0; cfg.replicas],
                    pending: Vec::new(),
                }
            } else {
                Role::Secondary
            },
            primary: Some(0),
        }
    }

    pub fn epoch(&self) -> u64 {
        self.epoch
    }
    pub fn log(&self) -> &[Entry] {
        &self.log
    }
    /// The high-water mark this replica knows.
    pub fn hwm(&self) -> usize {
        self.hwm
    }
    pub fn role(&self) -> &Role {
        &self.role
    }
    pub fn is_primary(&self) -> bool {
        matches!(self.role, Role::Primary { .. })
    }
    /// The replica it believes is the primary.
    pub fn primary(&self) -> Option<NodeId> {
        self.primary
    }
    /// The primary's view of what replica `r` stores (`None` on other replicas).
    pub fn matched(&self, r: NodeId) -> Option<usize> {
        match &self.role {
            Role::Primary { matched, .. } => matched.get(r).copied(),
            _ => None,
        }
    }
    /// Writes the primary holds back until the mode's secondaries store them.
    pub fn pending(&self) -> usize {
        match &self.role {
            Role::Primary { pending, .. } => pending.len(),
            _ => 0,
        }
    }
    /// The register's value as of entry `index` (0: the initial value).
    pub fn value_at(&self, index: usize) -> Value {
        index
            .checked_sub(1)
            .and_then(|i| self.log.get(i))
            .map_or(0, |e| e.value)
    }
    fn last_epoch(&self) -> u64 {
        self.log.last().map_or(0, |e| e.epoch)
    }

    pub(super) fn crash(&mut self) {
        self.role = Role::Secondary;
        self.primary = None;
    }

    pub(super) fn start(&mut self, cfg: &PsConfig, cx: &mut Ctx<PsNode>) {
        if self.is_primary() {
            self.beat(cfg, cx);
        } else {
            cx.set_timer(PsTimer::Failover, cfg.failover.0, cfg.failover.1);
        }
    }

    /// A newer epoch seen in any message: follow it (a primary or candidate steps down).
    fn see_epoch(&mut self, epoch: u64, cx: &mut Ctx<PsNode>, cfg: &PsConfig) {
        if epoch > self.epoch {
            self.epoch = epoch;
            self.primary = None;
            if self.role != Role::Secondary {
                self.role = Role::Secondary;
                cx.note(PsNote::SteppedDown { epoch });
                cx.cancel_timer(PsTimer::Heartbeat);
                cx.set_timer(PsTimer::Failover, cfg.failover.0, cfg.failover.1);
            }
        }
    }

    pub(super) fn on_msg(
        &mut self,
        cfg: &PsConfig,
        from: NodeId,
        msg: PsMsg,
        cx: &mut Ctx<PsNode>,
    ) {
        match msg {
            PsMsg::Write { op, value } => self.on_write(cfg, from, op, value, cx),
            PsMsg::Read { op } => {
                if self.is_primary() {
                    // Readers see the register as of the high-water mark only.
                    cx.send(
                        from,
                        PsMsg::ReadOk {
                            op,
                            value: self.value_at(self.hwm),
                            index: self.hwm,
                        },
                    );
                } else {
                    cx.send(
                        from,
                        PsMsg::NotPrimary {
                            op,
                            hint: self.primary,
                        },
                    );
                }
            }
            PsMsg::Append {
                epoch,
                prev,
                prev_epoch,
                entries,
                hwm,
            } => self.on_append(cfg, from, (epoch, prev, prev_epoch, hwm), entries, cx),
            PsMsg::AppendReply { epoch, ok, len } => {
                self.see_epoch(epoch, cx, cfg);
                self.on_append_reply(cfg, from, epoch, ok, len, cx);
            }
            PsMsg::Vote {
                epoch,
                last_epoch,
                len,
            } => {
                self.see_epoch(epoch, cx, cfg);
                // One vote per epoch, only for a log at least as up to date (Raft §5.4.1).
                let free = self.voted.is_none_or(|(e, who)| e < epoch || who == from);
                let up_to_date = (last_epoch, len) >= (self.last_epoch(), self.log.len());
                let granted = epoch == self.epoch && free && up_to_date;
                if granted {
                    self.voted = Some((epoch, from));
                    cx.note(PsNote::Voted { for_: from, epoch });
                    cx.set_timer(PsTimer::Failover, cfg.failover.0, cfg.failover.1);
                }
                cx.send(
                    from,
                    PsMsg::VoteReply {
                        epoch: self.epoch,
                        granted,
                    },
                );
            }
            PsMsg::VoteReply { epoch, granted } => {
                self.see_epoch(epoch, cx, cfg);
                if let Role::Candidate { votes } = &mut self.role {
                    if granted && epoch == self.epoch && !votes.contains(&from) {
                        votes.push(from);
                        if votes.len() >= cfg.majority() {
                            self.promote(cfg, cx);
                        }
                    }
                }
            }
            PsMsg::WriteOk { .. } | PsMsg::ReadOk { .. } | PsMsg::NotPrimary { .. } => {}
        }
    }

    fn on_write(
        &mut self,
        cfg: &PsConfig,
        client: NodeId,
        op: OpId,
        value: Value,
        cx: &mut Ctx<PsNode>,
    ) {
        let epoch = self.epoch;
        let Role::Primary { pending, .. } = &mut self.role else {
            cx.send(
                client,
                PsMsg::NotPrimary {
                    op,
                    hint: self.primary,
                },
            );
            return;
        };
        // A retried write this primary already appended waits for the same entry; one
        // from an earlier epoch is appended again (its old copy may still be taken back).
        let index = match self
            .log
            .iter()
            .rposition(|e| e.op == op && e.epoch == epoch)
        {
            Some(i) => i + 1,
            None => {
                self.log.push(Entry { epoch, value, op });
                cx.note(PsNote::Appended {
                    value,
                    index: self.log.len(),
                });
                self.log.len()
            }
        };
        if !pending.iter().any(|(o, _, _)| *o == op) {
            pending.push((op, index, client));
        }
        // Synchronous and semi-synchronous primaries ship the write at once; an
        // asynchronous one ships in the background, with its next heartbeat (the
        // replication lag in which an acknowledged write exists only on the primary).
        if cfg.mode != Mode::Async {
            self.ship(cfg, cx);
        }
        if cfg.ack_early {
            // Broken on purpose: "ok" before any secondary confirmed.
            self.ack(cfg, op, 1, cx);
        }
        self.advance(cfg, cx);
    }

    /// Tell the client "ok" and forget the pending write.
    fn ack(&mut self, _cfg: &PsConfig, op: OpId, stored: usize, cx: &mut Ctx<PsNode>) {
        let Role::Primary { pending, .. } = &mut self.role else {
            return;
        };
        if let Some(at) = pending.iter().position(|(o, _, _)| *o == op) {
            let (op, index, client) = pending.remove(at);
            cx.send(client, PsMsg::WriteOk { op });
            cx.note(PsNote::Acked {
                value: self.log[index - 1].value,
                stored,
            });
        }
    }

    /// Ship now and set the next heartbeat.
    fn beat(&mut self, cfg: &PsConfig, cx: &mut Ctx<PsNode>) {
        self.ship(cfg, cx);
        cx.set_timer(PsTimer::Heartbeat, cfg.heartbeat, cfg.heartbeat);
    }

    /// Send every secondary the entries it lacks (or a heartbeat).
    fn ship(&self, cfg: &PsConfig, cx: &mut Ctx<PsNode>) {
        let me = self.id;
        for s in (0..cfg.replicas).filter(|s| *s != me) {
            self.ship_to(s, cx);
        }
    }

    /// Send secondary `s` the entries after its next position (at most [`BATCH`]).
    fn ship_to(&self, s: NodeId, cx: &mut Ctx<PsNode>) {
        let Role::Primary { next, .. } = &self.role else {
            return;
        };
        let from = next[s].clamp(1, self.log.len() + 1);
        let prev = from - 1;
        let entries: Vec<Entry> = self.log[prev..].iter().take(BATCH).copied().collect();
        cx.send(
            s,
            PsMsg::Append {
                epoch: self.epoch,
                prev,
                prev_epoch: if prev == 0 {
                    0
                } else {
                    self.log[prev - 1].epoch
                },
                entries,
                hwm: self.hwm,
            },
        );
    }

    fn on_append(
        &mut self,
        cfg: &PsConfig,
        from: NodeId,
        (epoch, prev, prev_epoch, hwm): (u64, usize, u64, usize),
        entries: Vec<Entry>,
        cx: &mut Ctx<PsNode>,
    ) {
        if epoch < self.epoch {
            // A deposed primary: tell it the newer epoch.
            cx.send(
                from,
                PsMsg::AppendReply {
                    epoch: self.epoch,
                    ok: false,
                    len: self.log.len(),
                },
            );
            return;
        }
        self.see_epoch(epoch, cx, cfg);
        if self.role != Role::Secondary {
            // A candidate of this epoch lost: the primary of its epoch exists.
            self.role = Role::Secondary;
        }
        self.primary = Some(from);
        cx.set_timer(PsTimer::Failover, cfg.failover.0, cfg.failover.1);
        let holds_prev = prev == 0
            || self
                .log
                .get(prev - 1)
                .is_some_and(|e| e.epoch == prev_epoch);
        if !holds_prev {
            cx.send(
                from,
                PsMsg::AppendReply {
                    epoch,
                    ok: false,
                    len: self.log.len().min(prev.saturating_sub(1)),
                },
            );
            return;
        }
        let end = prev + entries.len();
        let before = self.log.len();
        for (k, e) in entries.into_iter().enumerate() {
            let at = prev + k;
            match self.log.get(at) {
                Some(mine) if mine.epoch == e.epoch => {}
                Some(_) => {
                    self.drop_from(at, cx);
                    self.log.push(e);
                }
                None => self.log.push(e),
            }
        }
        // Entries beyond the primary's log from an older epoch are not in the primary's
        // log and never will be: drop them (a later entry of this epoch may have arrived
        // first and stays).
        if let Some(at) = (end..self.log.len()).find(|&i| self.log[i].epoch < epoch) {
            self.drop_from(at, cx);
        }
        if self.log.len() != before {
            cx.note(PsNote::Stored {
                len: self.log.len(),
            });
        }
        self.hwm = self.hwm.max(hwm.min(end));
        cx.send(
            from,
            PsMsg::AppendReply {
                epoch,
                ok: true,
                len: end,
            },
        );
    }

    /// Drop the log from position `at` (0-based) on.
    fn drop_from(&mut self, at: usize, cx: &mut Ctx<PsNode>) {
        let count = self.log.len() - at;
        if count > 0 {
            self.log.truncate(at);
            cx.note(PsNote::Truncated {
                count,
                from: at + 1,
            });
        }
    }

    fn on_append_reply(
        &mut self,
        cfg: &PsConfig,
        from: NodeId,
        epoch: u64,
        ok: bool,
        len: usize,
        cx: &mut Ctx<PsNode>,
    ) {
        if epoch != self.epoch {
            return;
        }
        let Role::Primary { next, matched, .. } = &mut self.role else {
            return;
        };
        if ok {
            matched[from] = matched[from].max(len);
            next[from] = next[from].max(len + 1);
            self.advance(cfg, cx);
        } else {
            // The secondary lacks entry `prev`: back up to what it holds and resend.
            next[from] = (len + 1).min(next[from].saturating_sub(1)).max(1);
            self.ship_to(from, cx);
        }
    }

    /// Move the high-water mark to the last entry a majority stores, and acknowledge the
    /// writes the mode's secondaries now store.
    fn advance(&mut self, cfg: &PsConfig, cx: &mut Ctx<PsNode>) {
        let own = self.log.len();
        let Role::Primary {
            matched, pending, ..
        } = &mut self.role
        else {
            return;
        };
        matched[self.id] = own;
        let mut stored: Vec<usize> = matched.clone();
        stored.sort_unstable_by(|a, b| b.cmp(a));
        let hwm = stored[cfg.majority() - 1];
        if hwm > self.hwm {
            self.hwm = hwm;
            cx.note(PsNote::HighWater { index: hwm });
        }
        let needed = if cfg.ack_early { 0 } else { cfg.acks_needed() };
        let ready: Vec<(OpId, usize)> = pending
            .iter()
            .map(|(op, index, _)| {
                let count = (0..cfg.replicas)
                    .filter(|r| *r != self.id && matched[*r] >= *index)
                    .count();
                (*op, count)
            })
            .filter(|(_, count)| *count >= needed)
            .collect();
        for (op, count) in ready {
            self.ack(cfg, op, count + 1, cx);
        }
    }

    fn promote(&mut self, cfg: &PsConfig, cx: &mut Ctx<PsNode>) {
        let len = self.log.len();
        let mut matched = vec![0; cfg.replicas];
        matched[self.id] = len;
        self.role = Role::Primary {
            next: vec![len + 1; cfg.replicas],
            matched,
            pending: Vec::new(),
        };
        self.primary = Some(self.id);
        cx.cancel_timer(PsTimer::Failover);
        cx.note(PsNote::Promoted {
            epoch: self.epoch,
            len,
        });
        self.beat(cfg, cx);
    }

    pub(super) fn on_timer(&mut self, cfg: &PsConfig, timer: PsTimer, cx: &mut Ctx<PsNode>) {
        match timer {
            PsTimer::Heartbeat if self.is_primary() => self.beat(cfg, cx),
            PsTimer::Failover if !self.is_primary() => {
                // The primary is silent: ask for votes in a new epoch.
                self.epoch += 1;
                self.voted = Some((self.epoch, self.id));
                self.primary = None;
                self.role = Role::Candidate {
                    votes: vec![self.id],
                };
                cx.note(PsNote::Candidate { epoch: self.epoch });
                for r in (0..cfg.replicas).filter(|r| *r != self.id) {
                    cx.send(
                        r,
                        PsMsg::Vote {
                            epoch: self.epoch,
                            last_epoch: self.last_epoch(),
                            len: self.log.len(),
                        },
                    );
                }
                cx.set_timer(PsTimer::Failover, cfg.failover.0, cfg.failover.1);
                if cfg.majority() == 1 {
                    self.promote(cfg, cx);
                }
            }
            _ => {}
        }
    }
}
