//! The 2PC coordinator and participants as one node type.

use super::msg::{TpcCmd, TpcMsg, TpcNote, TpcTimer};
use crate::protocols::atomic_commit::{AtomicityMonitor, CommitNode, Outcome};
use crate::sim::{Ctx, NodeId, Protocol, SimTime, MS};

/// Timing of the protocol.
#[derive(Clone, Debug, PartialEq)]
pub struct TwoPcConfig {
    pub participants: usize,
    /// How long the coordinator waits for votes.
    pub vote_timeout: SimTime,
    /// How long forcing the decision to disk takes.
    pub flush: SimTime,
    /// Gap between sending the decision to consecutive participants.
    pub send_gap: SimTime,
    /// How often a blocked participant asks for the decision.
    pub inquiry: SimTime,
}

impl Default for TwoPcConfig {
    fn default() -> Self {
        TwoPcConfig {
            participants: 3,
            vote_timeout: 300 * MS,
            flush: 10 * MS,
            send_gap: 15 * MS,
            inquiry: 150 * MS,
        }
    }
}

impl TwoPcConfig {
    pub fn size(&self) -> usize {
        self.participants + 1
    }
    /// `C` for the coordinator, `P1..` for participants.
    pub fn name(&self, id: NodeId) -> String {
        if id == 0 {
            "C".into()
        } else {
            format!("P{id}")
        }
    }
}

/// Where the coordinator is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CoordPhase {
    #[default]
    Idle,
    Collecting,
    Flushing(Outcome),
    Sending {
        d: Outcome,
        next: NodeId,
    },
    Done(Outcome),
}

/// Where a participant is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartState {
    Init,
    /// Voted yes: holds locks, cannot decide alone.
    Prepared {
        since: SimTime,
    },
    Committed,
    Aborted,
}

#[derive(Clone, Debug)]
pub struct TwoPcNode {
    cfg: TwoPcConfig,
    id: NodeId,
    log: TpcLog,
    mem: TpcMemory,
}

/// What a node writes to its log, so it survives a crash: the coordinator's "began" and
/// decision records (the decision is forced to disk before it is sent), a participant's
/// state (its prepared record holds its locks) and its standing vote.
#[derive(Clone, Debug, PartialEq, Eq)]
struct TpcLog {
    began: bool,
    logged: Option<Outcome>,
    state: PartState,
    vote_no: bool,
}

/// What the coordinator keeps in memory only: a crash loses it all at once (`on_crash`
/// replaces it wholesale), and recovery rebuilds it from the log.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct TpcMemory {
    phase: CoordPhase,
    votes: Vec<(NodeId, bool)>,
    acks: Vec<NodeId>,
}

impl TwoPcNode {
    pub fn cluster(cfg: &TwoPcConfig) -> Vec<TwoPcNode> {
        (0..cfg.size())
            .map(|id| TwoPcNode {
                cfg: cfg.clone(),
                id,
                log: TpcLog {
                    began: false,
                    logged: None,
                    state: PartState::Init,
                    vote_no: false,
                },
                mem: TpcMemory::default(),
            })
            .collect()
    }
    pub fn is_coordinator(&self) -> bool {
        self.id == 0
    }
    pub fn config(&self) -> &TwoPcConfig {
        &self.cfg
    }
    pub fn phase(&self) -> CoordPhase {
        self.mem.phase
    }
    pub fn logged(&self) -> Option<Outcome> {
        self.log.logged
    }
    pub fn votes(&self) -> &[(NodeId, bool)] {
        &self.mem.votes
    }
    pub fn acks(&self) -> &[NodeId] {
        &self.mem.acks
    }
    pub fn state(&self) -> PartState {
        self.log.state
    }
    pub fn will_vote_no(&self) -> bool {
        self.log.vote_no
    }
    /// A yes voter waiting for the decision holds its locks.
    pub fn holds_locks(&self) -> bool {
        matches!(self.log.state, PartState::Prepared { .. })
    }

    fn decide(&mut self, d: Outcome, cx: &mut Ctx<Self>) {
        self.mem.phase = CoordPhase::Flushing(d);
        cx.cancel_timer(TpcTimer::VoteTimeout);
        cx.note(TpcNote::Decided(d));
        cx.set_timer(TpcTimer::LogFlushed, self.cfg.flush, self.cfg.flush);
    }

    fn send_next(&mut self, cx: &mut Ctx<Self>) {
        let CoordPhase::Sending { d, next } = self.mem.phase else {
            return;
        };
        cx.send(next, TpcMsg::Decision(d));
        cx.note(TpcNote::SentDecision { to: next, d });
        if next < self.cfg.participants {
            self.mem.phase = CoordPhase::Sending { d, next: next + 1 };
            cx.set_timer(TpcTimer::SendNext, self.cfg.send_gap, self.cfg.send_gap);
        } else {
            self.mem.phase = CoordPhase::Done(d);
        }
    }

    /// Decisions go out one participant at a time, `send_gap` apart, starting `send_gap`
    /// after the log write (so a crash can fall between "logged" and "sent to some").
    fn start_sending(&mut self, d: Outcome, cx: &mut Ctx<Self>) {
        self.mem.phase = CoordPhase::Sending { d, next: 1 };
        cx.set_timer(TpcTimer::SendNext, self.cfg.send_gap, self.cfg.send_gap);
    }

    fn coordinator_msg(&mut self, from: NodeId, msg: TpcMsg, cx: &mut Ctx<Self>) {
        match msg {
            TpcMsg::Vote { yes } if self.mem.phase == CoordPhase::Collecting => {
                if self.mem.votes.iter().any(|(p, _)| *p == from) {
                    return;
                }
                self.mem.votes.push((from, yes));
                cx.note(TpcNote::GotVote { from, yes });
                if !yes {
                    self.decide(Outcome::Abort, cx);
                } else if self.mem.votes.len() == self.cfg.participants {
                    self.decide(Outcome::Commit, cx);
                }
            }
            TpcMsg::Ack if !self.mem.acks.contains(&from) => {
                self.mem.acks.push(from);
                if self.mem.acks.len() == self.cfg.participants {
                    cx.note(TpcNote::AllAcked);
                }
            }
            TpcMsg::Inquiry => {
                if let Some(d) = self.log.logged {
                    cx.send(from, TpcMsg::Decision(d));
                }
            }
            _ => {}
        }
    }

    fn participant_msg(&mut self, from: NodeId, msg: TpcMsg, cx: &mut Ctx<Self>) {
        match msg {
            TpcMsg::Prepare => match self.log.state {
                PartState::Init if self.log.vote_no => {
                    self.log.state = PartState::Aborted;
                    cx.note(TpcNote::VotedNo);
                    cx.send(from, TpcMsg::Vote { yes: false });
                }
                PartState::Init => {
                    self.log.state = PartState::Prepared { since: cx.now };
                    cx.note(TpcNote::VotedYes);
                    cx.send(from, TpcMsg::Vote { yes: true });
                    cx.set_timer(TpcTimer::Inquiry, self.cfg.inquiry, self.cfg.inquiry);
                }
                PartState::Prepared { .. } => cx.send(from, TpcMsg::Vote { yes: true }),
                _ => {}
            },
            TpcMsg::Decision(d) => {
                if let PartState::Init | PartState::Prepared { .. } = self.log.state {
                    self.log.state = if d == Outcome::Commit {
                        PartState::Committed
                    } else {
                        PartState::Aborted
                    };
                    cx.note(TpcNote::Finished(d));
                    cx.cancel_timer(TpcTimer::Inquiry);
                }
                cx.send(from, TpcMsg::Ack);
            }
            _ => {}
        }
    }
}

impl CommitNode for TwoPcNode {
    fn outcome(&self) -> Option<Outcome> {
        match (self.is_coordinator(), self.log.state) {
            (true, _) => None,
            (false, PartState::Committed) => Some(Outcome::Commit),
            (false, PartState::Aborted) => Some(Outcome::Abort),
            _ => None,
        }
    }
    fn display_name(&self, id: NodeId) -> String {
        self.cfg.name(id)
    }
}

impl Protocol for TwoPcNode {
    type Msg = TpcMsg;
    type Timer = TpcTimer;
    type Cmd = TpcCmd;
    type Note = TpcNote;
    type Monitor = AtomicityMonitor;

    fn on_start(&mut self, cx: &mut Ctx<Self>) {
        if self.is_coordinator() {
            match (self.log.logged, self.log.began) {
                (Some(d), _) => {
                    cx.note(TpcNote::RecoveredDecision(d));
                    self.start_sending(d, cx);
                }
                (None, true) => {
                    // Began but never logged a decision: presumed abort.
                    self.log.logged = Some(Outcome::Abort);
                    cx.note(TpcNote::PresumedAbort);
                    self.start_sending(Outcome::Abort, cx);
                }
                (None, false) => {}
            }
        } else if self.holds_locks() {
            cx.note(TpcNote::StillBlocked);
            cx.set_timer(TpcTimer::Inquiry, self.cfg.inquiry, self.cfg.inquiry);
        }
    }

    fn on_msg(&mut self, from: NodeId, msg: TpcMsg, cx: &mut Ctx<Self>) {
        if self.is_coordinator() {
            self.coordinator_msg(from, msg, cx)
        } else {
            self.participant_msg(from, msg, cx)
        }
    }

    fn on_timer(&mut self, timer: TpcTimer, cx: &mut Ctx<Self>) {
        match timer {
            TpcTimer::VoteTimeout if self.mem.phase == CoordPhase::Collecting => {
                cx.note(TpcNote::VoteTimeout {
                    missing: self.cfg.participants - self.mem.votes.len(),
                });
                self.decide(Outcome::Abort, cx);
            }
            TpcTimer::LogFlushed => {
                if let CoordPhase::Flushing(d) = self.mem.phase {
                    self.log.logged = Some(d);
                    cx.note(TpcNote::Logged(d));
                    self.start_sending(d, cx);
                }
            }
            TpcTimer::SendNext => self.send_next(cx),
            TpcTimer::Inquiry if self.holds_locks() => {
                cx.note(TpcNote::StillBlocked);
                cx.send(0, TpcMsg::Inquiry);
                cx.set_timer(TpcTimer::Inquiry, self.cfg.inquiry, self.cfg.inquiry);
            }
            _ => {}
        }
    }

    fn on_cmd(&mut self, cmd: TpcCmd, cx: &mut Ctx<Self>) {
        match cmd {
            TpcCmd::Begin
                if self.is_coordinator()
                    && self.mem.phase == CoordPhase::Idle
                    && !self.log.began =>
            {
                self.log.began = true;
                self.mem.phase = CoordPhase::Collecting;
                cx.note(TpcNote::Began);
                for p in 1..=self.cfg.participants {
                    cx.send(p, TpcMsg::Prepare);
                }
                cx.set_timer(
                    TpcTimer::VoteTimeout,
                    self.cfg.vote_timeout,
                    self.cfg.vote_timeout,
                );
            }
            TpcCmd::SetVoteNo(no) if !self.is_coordinator() => {
                self.log.vote_no = no;
                cx.note(TpcNote::WillVoteNo(no));
            }
            _ => {}
        }
    }

    /// The coordinator begins the transaction; a participant can be told to vote no.
    fn offered_commands(&self, _serial: u64) -> Vec<TpcCmd> {
        if self.is_coordinator() {
            vec![TpcCmd::Begin]
        } else {
            vec![TpcCmd::SetVoteNo(true)]
        }
    }

    /// The log survives; everything in memory is lost at once.
    fn on_crash(&mut self) {
        self.mem = TpcMemory::default();
    }
}
