//! A client's job: take the lock, read the counter, work on it, write the counter plus one,
//! release. How it takes the lock depends on the service:
//!
//! - **Redlock** (the algorithm's steps 1–5): note the time on its own clock, send
//!   `SET NX PX` with a fresh random value to every instance at once, and wait for all the
//!   answers or the timeout. It holds the lock iff a majority said yes and the validity
//!   left, TTL − elapsed − drift allowance, is positive; otherwise it deletes its value
//!   everywhere and tries again after a random delay.
//! - **Consensus**: ask one server (at first the leader, S1); no answer in time → the next
//!   one, which forwards. A grant carries the fencing token, sent with every read and write.
//!
//! Like the lock page's client it does not re-check its validity before writing: a check
//! narrows the window and cannot close it (a pause can fall between check and write).

use super::msg::{RedlockMsg, RedlockNote, RedlockTimer, Token};
use super::node::{Mode, RedlockConfig, RedlockNode};
use crate::sim::{Ctx, NodeId, SimTime};

/// How a job ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Running,
    /// The storage accepted the write.
    Written,
    /// The storage refused it (an older fencing token).
    Refused,
    /// Given up: the client crashed, or its lock ran out before the storage answered.
    Abandoned,
}

/// One job as an outside observer saw it (true times).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Job {
    pub start: SimTime,
    /// When it came to hold the lock.
    pub granted: Option<SimTime>,
    /// Until when (true time) its lock was valid by its own reckoning.
    pub valid_until: Option<SimTime>,
    /// The fencing token (consensus only).
    pub token: Option<Token>,
    /// Redlock: the instances that said yes to the attempt that won.
    pub yes: Vec<NodeId>,
    /// Attempts it took to get the lock.
    pub attempts: u32,
    pub read: Option<u64>,
    pub wrote: Option<u64>,
    pub end: Option<SimTime>,
    pub outcome: Outcome,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Phase {
    #[default]
    Idle,
    Acquiring,
    Reading,
    Working {
        value: u64,
    },
    Writing,
}

/// A client's state.
#[derive(Clone, Debug, Default)]
pub struct Client {
    phase: Phase,
    /// Redlock: the current attempt's random value.
    value: u64,
    /// When (its clock) the current attempt began.
    started: SimTime,
    yes: Vec<NodeId>,
    answered: Vec<NodeId>,
    token: Option<Token>,
    /// Consensus: the server it talks to.
    via: NodeId,
    /// Its lock's end on its own clock.
    valid_until: Option<SimTime>,
    jobs: Vec<Job>,
}

impl Client {
    pub fn jobs(&self) -> &[Job] {
        &self.jobs
    }
    /// It believes it holds the lock (granted, job not over).
    pub fn holds(&self) -> bool {
        matches!(
            self.phase,
            Phase::Reading | Phase::Working { .. } | Phase::Writing
        )
    }
    /// Its lock's end on its own clock, while it holds it.
    pub fn valid_until(&self) -> Option<SimTime> {
        self.valid_until.filter(|_| self.holds())
    }
    pub fn token(&self) -> Option<Token> {
        self.token.filter(|_| self.holds())
    }
    /// Redlock: the current attempt's value and who said yes so far.
    pub fn attempt(&self) -> (u64, &[NodeId], &[NodeId]) {
        (self.value, &self.yes, &self.answered)
    }
    /// Consensus: the server it talks to.
    pub fn via(&self) -> NodeId {
        self.via
    }
    pub fn busy(&self) -> bool {
        self.phase != Phase::Idle
    }
    /// A word for its state: idle, acquiring, reading, working, writing.
    pub fn phase_name(&self) -> &'static str {
        match self.phase {
            Phase::Idle => "idle",
            Phase::Acquiring => "acquiring",
            Phase::Reading => "reading",
            Phase::Working { .. } => "working",
            Phase::Writing => "writing",
        }
    }

    pub(super) fn start(&mut self, cfg: &RedlockConfig, cx: &mut Ctx<RedlockNode>) {
        if let Some(gap) = cfg.workload {
            cx.set_timer(RedlockTimer::Workload, gap / 2, gap * 3 / 2);
        }
    }

    pub(super) fn crashed(&mut self) {
        if let Some(j) = self
            .jobs
            .last_mut()
            .filter(|j| j.outcome == Outcome::Running)
        {
            j.outcome = Outcome::Abandoned;
        }
        self.phase = Phase::Idle;
        self.token = None;
        self.valid_until = None;
    }

    /// Start a job.
    pub(super) fn job(&mut self, cfg: &RedlockConfig, cx: &mut Ctx<RedlockNode>) {
        if self.phase != Phase::Idle {
            cx.note(RedlockNote::BusyWithJob);
            return;
        }
        self.jobs.push(Job {
            start: cx.now,
            granted: None,
            valid_until: None,
            token: None,
            yes: Vec::new(),
            attempts: 0,
            read: None,
            wrote: None,
            end: None,
            outcome: Outcome::Running,
        });
        self.phase = Phase::Acquiring;
        self.attempt_lock(cfg, cx);
    }

    fn attempt_lock(&mut self, cfg: &RedlockConfig, cx: &mut Ctx<RedlockNode>) {
        // Step 1: the time, on its own clock.
        self.started = cx.local;
        if let Some(j) = self.jobs.last_mut() {
            j.attempts += 1;
        }
        match cfg.mode {
            Mode::Redlock => {
                // Step 2: the same key and a fresh random value to every instance.
                self.value = (cx.random() & 0xffff_ffff).max(1);
                self.yes.clear();
                self.answered.clear();
                cx.note(RedlockNote::Asking {
                    value: self.value,
                    servers: cfg.servers,
                });
                for s in 0..cfg.servers {
                    cx.send(
                        s,
                        RedlockMsg::Set {
                            value: self.value,
                            ttl: cfg.ttl,
                        },
                    );
                }
            }
            Mode::Consensus => {
                cx.note(RedlockNote::AskingVia { via: self.via });
                cx.send(self.via, RedlockMsg::Acquire { client: cx.id });
            }
        }
        cx.set_timer(RedlockTimer::Timeout, cfg.timeout, cfg.timeout);
    }

    /// Redlock steps 3–5: count, compute the validity left, hold or undo.
    fn decide(&mut self, cfg: &RedlockConfig, cx: &mut Ctx<RedlockNode>) {
        cx.cancel_timer(RedlockTimer::Timeout);
        // Its clock stepped back meanwhile: it counts no time elapsed (a wall clock's
        // reading — one way a client's own clock fools Redlock too).
        let elapsed = cx.local.saturating_sub(self.started);
        let validity = cfg.ttl as i64 - elapsed as i64 - cfg.drift_allowance() as i64;
        let holds = self.yes.len() >= cfg.majority() && validity > 0;
        cx.note(RedlockNote::Counted {
            yes: self.yes.len(),
            servers: cfg.servers,
            elapsed,
            validity,
            holds,
        });
        if holds {
            let yes = self.yes.clone();
            self.hold(None, cx.local + validity as SimTime, yes, cfg, cx);
        } else {
            // Undo the partial lock on every instance, then wait a random while. The
            // attempt is over: a yes still on its way (a paused instance's) is undone when
            // it arrives, never counted.
            for s in 0..cfg.servers {
                cx.send(s, RedlockMsg::Del { value: self.value });
            }
            self.value = 0;
            cx.set_timer(RedlockTimer::Retry, cfg.retry, cfg.retry * 2);
        }
    }

    fn hold(
        &mut self,
        token: Option<Token>,
        valid_until: SimTime,
        yes: Vec<NodeId>,
        cfg: &RedlockConfig,
        cx: &mut Ctx<RedlockNode>,
    ) {
        self.token = token;
        self.valid_until = Some(valid_until);
        if let Some(j) = self.jobs.last_mut() {
            j.granted = Some(cx.now);
            j.valid_until = Some(cx.now + valid_until.saturating_sub(cx.local));
            j.token = token;
            j.yes = yes;
        }
        self.phase = Phase::Reading;
        cx.send(cfg.storage(), RedlockMsg::Read { token });
        cx.set_timer(RedlockTimer::Timeout, cfg.timeout, cfg.timeout);
    }

    fn finish(&mut self, outcome: Outcome, cfg: &RedlockConfig, cx: &mut Ctx<RedlockNode>) {
        if let Some(j) = self.jobs.last_mut() {
            j.outcome = outcome;
            j.end = Some(cx.now);
        }
        // Release: Redlock deletes its value everywhere; consensus asks the leader.
        match cfg.mode {
            Mode::Redlock => {
                for s in 0..cfg.servers {
                    cx.send(s, RedlockMsg::Del { value: self.value });
                }
            }
            Mode::Consensus => {
                if let Some(token) = self.token {
                    cx.send(
                        self.via,
                        RedlockMsg::Release {
                            client: cx.id,
                            token,
                        },
                    );
                }
            }
        }
        self.phase = Phase::Idle;
        self.token = None;
        self.valid_until = None;
        cx.cancel_timer(RedlockTimer::Work);
        cx.cancel_timer(RedlockTimer::Timeout);
    }

    pub(super) fn on_msg(
        &mut self,
        cfg: &RedlockConfig,
        from: NodeId,
        msg: RedlockMsg,
        cx: &mut Ctx<RedlockNode>,
    ) {
        let ok = matches!(msg, RedlockMsg::SetOk { .. });
        match (self.phase, msg) {
            (Phase::Acquiring, RedlockMsg::SetOk { value } | RedlockMsg::SetBusy { value })
                if value == self.value && value != 0 =>
            {
                if !self.answered.contains(&from) {
                    self.answered.push(from);
                    if ok {
                        self.yes.push(from);
                    }
                }
                if self.answered.len() == cfg.servers {
                    self.decide(cfg, cx);
                }
            }
            // A yes too late for its attempt: undo it there.
            (_, RedlockMsg::SetOk { value }) if !(self.holds() && value == self.value) => {
                cx.send(from, RedlockMsg::Del { value })
            }
            (Phase::Acquiring, RedlockMsg::Granted { token, ttl, .. }) => {
                cx.cancel_timer(RedlockTimer::Timeout);
                cx.note(RedlockNote::Holding { token, ttl });
                // Counted from when it asked: the safe side.
                self.hold(Some(token), self.started + ttl, Vec::new(), cfg, cx);
            }
            (Phase::Acquiring, RedlockMsg::Busy { .. }) => {
                cx.cancel_timer(RedlockTimer::Timeout);
                cx.note(RedlockNote::Waiting);
                cx.set_timer(RedlockTimer::Retry, cfg.retry, cfg.retry * 2);
            }
            (Phase::Reading, RedlockMsg::ReadReply { value }) => {
                cx.cancel_timer(RedlockTimer::Timeout);
                if let Some(j) = self.jobs.last_mut() {
                    j.read = Some(value);
                }
                cx.note(RedlockNote::Working {
                    value,
                    work: cfg.work,
                });
                self.phase = Phase::Working { value };
                cx.set_timer(RedlockTimer::Work, cfg.work, cfg.work);
            }
            (Phase::Writing, RedlockMsg::WriteOk { value }) => {
                cx.note(RedlockNote::WriteDone { value });
                self.finish(Outcome::Written, cfg, cx);
            }
            (Phase::Writing, RedlockMsg::WriteRefused { token, seen }) => {
                cx.note(RedlockNote::WriteRefused { token, seen });
                self.finish(Outcome::Refused, cfg, cx);
            }
            _ => {}
        }
    }

    pub(super) fn on_timer(
        &mut self,
        cfg: &RedlockConfig,
        timer: RedlockTimer,
        cx: &mut Ctx<RedlockNode>,
    ) {
        match (timer, self.phase) {
            (RedlockTimer::Timeout, Phase::Acquiring) => match cfg.mode {
                Mode::Redlock => self.decide(cfg, cx),
                Mode::Consensus => {
                    cx.note(RedlockNote::NoAnswer { via: self.via });
                    self.via = (self.via + 1) % cfg.servers;
                    self.attempt_lock(cfg, cx);
                }
            },
            (RedlockTimer::Retry, Phase::Acquiring) => self.attempt_lock(cfg, cx),
            (RedlockTimer::Work, Phase::Working { value }) => {
                let valid = self.valid_until.is_some_and(|u| cx.local < u);
                if let Some(j) = self.jobs.last_mut() {
                    j.wrote = Some(value + 1);
                }
                cx.note(RedlockNote::Writing {
                    value: value + 1,
                    valid,
                });
                self.phase = Phase::Writing;
                cx.send(
                    cfg.storage(),
                    RedlockMsg::Write {
                        value: value + 1,
                        token: self.token,
                    },
                );
                cx.set_timer(RedlockTimer::Timeout, cfg.timeout, cfg.timeout);
            }
            // The storage did not answer: ask again while the lock is valid by its own clock;
            // after that, give the job up (a retried write could land after the next
            // holder's).
            (RedlockTimer::Timeout, Phase::Reading | Phase::Writing) => {
                if self.valid_until.is_none_or(|u| cx.local >= u) {
                    cx.note(RedlockNote::GaveUp);
                    self.finish(Outcome::Abandoned, cfg, cx);
                    return;
                }
                let msg = match self.phase {
                    Phase::Reading => RedlockMsg::Read { token: self.token },
                    _ => RedlockMsg::Write {
                        value: self.jobs.last().and_then(|j| j.wrote).unwrap_or_default(),
                        token: self.token,
                    },
                };
                cx.send(cfg.storage(), msg);
                cx.set_timer(RedlockTimer::Timeout, cfg.timeout, cfg.timeout);
            }
            (RedlockTimer::Workload, _) => {
                if self.phase == Phase::Idle {
                    self.job(cfg, cx);
                }
                if let Some(gap) = cfg.workload {
                    cx.set_timer(RedlockTimer::Workload, gap / 2, gap * 3 / 2);
                }
            }
            _ => {}
        }
    }
}
