//! A client's job: take the lock, read the counter, work on it, write the counter plus
//! one with the lock's fencing token, release. While it holds the lock its watchdog
//! renews it every third of the TTL. It believes it holds the lock from the grant until
//! it is told otherwise — it does not re-check its lease before writing (the write after
//! the work is the point where a pause bites; a check just before it would only narrow
//! the window, see the module doc).

use super::msg::{LockMsg, LockNote, LockTimer, Token};
use super::node::{LockConfig, LockNode};
use crate::sim::{Ctx, SimTime};

/// How a job ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Running,
    /// The storage accepted the write.
    Written,
    /// The storage refused it (an older fencing token).
    Refused,
    /// Given up: the lock was lost before the write, or the client crashed.
    Abandoned,
}

/// One job as the client saw it (true times: the observer's record).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Job {
    pub start: SimTime,
    /// When the lock was granted, with which token.
    pub granted: Option<(SimTime, Token)>,
    pub read: Option<u64>,
    /// The value it sent to the storage.
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
    token: Option<Token>,
    /// Its lease's end on its own clock: from when it asked (or asked to renew) plus the TTL.
    lease_until: Option<SimTime>,
    /// When (its clock) it sent the last Acquire or Renew.
    asked: SimTime,
    jobs: Vec<Job>,
}

impl Client {
    pub fn jobs(&self) -> &[Job] {
        &self.jobs
    }
    /// The token of the lock it believes it holds (granted, not yet told it is lost).
    pub fn holds(&self) -> Option<Token> {
        matches!(
            self.phase,
            Phase::Reading | Phase::Working { .. } | Phase::Writing
        )
        .then_some(self.token)
        .flatten()
    }
    /// Its lease's end on its own clock.
    pub fn lease_until(&self) -> Option<SimTime> {
        self.lease_until
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

    pub(super) fn start(&mut self, cfg: &LockConfig, cx: &mut Ctx<LockNode>) {
        if let Some(gap) = cfg.workload {
            cx.set_timer(LockTimer::Workload, gap / 2, gap * 3 / 2);
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
        self.lease_until = None;
    }

    fn finish(&mut self, outcome: Outcome, cx: &mut Ctx<LockNode>) {
        if let Some(j) = self.jobs.last_mut() {
            j.outcome = outcome;
            j.end = Some(cx.now);
        }
        if let Some(token) = self.token.take() {
            cx.send(0, LockMsg::Release { token });
        }
        self.phase = Phase::Idle;
        self.lease_until = None;
        cx.cancel_timer(LockTimer::Renew);
        cx.cancel_timer(LockTimer::Work);
    }

    /// Start a job: ask for the lock.
    pub(super) fn job(&mut self, _cfg: &LockConfig, cx: &mut Ctx<LockNode>) {
        if self.phase != Phase::Idle {
            cx.note(LockNote::BusyWithJob);
            return;
        }
        self.jobs.push(Job {
            start: cx.now,
            granted: None,
            read: None,
            wrote: None,
            end: None,
            outcome: Outcome::Running,
        });
        self.phase = Phase::Acquiring;
        self.asked = cx.local;
        cx.note(LockNote::Acquiring);
        cx.send(0, LockMsg::Acquire);
    }

    pub(super) fn on_msg(&mut self, cfg: &LockConfig, msg: LockMsg, cx: &mut Ctx<LockNode>) {
        match (self.phase, msg) {
            (Phase::Acquiring, LockMsg::Busy) => {
                cx.note(LockNote::Waiting);
                cx.set_timer(LockTimer::Retry, cfg.retry, cfg.retry);
            }
            (Phase::Acquiring, LockMsg::Granted { token, ttl }) => {
                // Its lease, by its own clock, counted from when it asked (the safe side).
                self.token = Some(token);
                self.lease_until = Some(self.asked + ttl);
                if let Some(j) = self.jobs.last_mut() {
                    j.granted = Some((cx.now, token));
                }
                cx.note(LockNote::Holding { token, ttl });
                self.phase = Phase::Reading;
                cx.send(cfg.storage(), LockMsg::Read { token });
                if cfg.watchdog {
                    cx.set_timer(LockTimer::Renew, cfg.ttl / 3, cfg.ttl / 3);
                }
            }
            (Phase::Reading, LockMsg::ReadReply { value }) => {
                if let Some(j) = self.jobs.last_mut() {
                    j.read = Some(value);
                }
                cx.note(LockNote::Working {
                    value,
                    work: cfg.work,
                });
                self.phase = Phase::Working { value };
                cx.set_timer(LockTimer::Work, cfg.work, cfg.work);
            }
            (Phase::Writing, LockMsg::WriteOk { value }) => {
                cx.note(LockNote::WriteDone { value });
                self.finish(Outcome::Written, cx);
            }
            (Phase::Writing, LockMsg::WriteRefused { token, seen }) => {
                cx.note(LockNote::WriteRefused { token, seen });
                self.finish(Outcome::Refused, cx);
            }
            (_, LockMsg::Renewed { token, ttl }) if self.holds() == Some(token) => {
                self.lease_until = Some(self.asked + ttl);
                cx.note(LockNote::Renewed { token });
            }
            (phase, LockMsg::Expired { token }) if self.holds() == Some(token) => {
                cx.note(LockNote::LostLock { token });
                cx.cancel_timer(LockTimer::Renew);
                self.lease_until = None;
                match phase {
                    // Told before writing: it gives the job up.
                    Phase::Reading | Phase::Working { .. } => {
                        self.token = None;
                        self.finish(Outcome::Abandoned, cx);
                    }
                    // Its write is already on the way: the storage decides.
                    _ => {}
                }
            }
            _ => {}
        }
    }

    pub(super) fn on_timer(&mut self, cfg: &LockConfig, timer: LockTimer, cx: &mut Ctx<LockNode>) {
        match (timer, self.phase) {
            (LockTimer::Retry, Phase::Acquiring) => {
                self.asked = cx.local;
                cx.send(0, LockMsg::Acquire);
            }
            (LockTimer::Work, Phase::Working { value }) => {
                let token = self.token.unwrap_or_default();
                let believes = self.lease_until.is_some_and(|u| cx.local < u);
                if let Some(j) = self.jobs.last_mut() {
                    j.wrote = Some(value + 1);
                }
                cx.note(LockNote::Writing {
                    value: value + 1,
                    token,
                    believes,
                });
                self.phase = Phase::Writing;
                cx.send(
                    cfg.storage(),
                    LockMsg::Write {
                        value: value + 1,
                        token,
                    },
                );
            }
            (LockTimer::Renew, _) => {
                if let Some(token) = self.holds() {
                    self.asked = cx.local;
                    cx.send(0, LockMsg::Renew { token });
                    cx.set_timer(LockTimer::Renew, cfg.ttl / 3, cfg.ttl / 3);
                }
            }
            (LockTimer::Workload, _) => {
                if self.phase == Phase::Idle {
                    self.job(cfg, cx);
                }
                if let Some(gap) = cfg.workload {
                    cx.set_timer(LockTimer::Workload, gap / 2, gap * 3 / 2);
                }
            }
            _ => {}
        }
    }
}
