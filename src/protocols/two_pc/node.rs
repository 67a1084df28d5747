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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CoordPhase {
    Idle,
    Collecting,
    Flushing(Outcome),
    Sending { d: Outcome, next: NodeId },
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
    // Coordinator (the log survives crashes; the phase does not).
    phase: CoordPhase,
    began: bool,
    logged: Option<Outcome>,
    votes: Vec<(NodeId, bool)>,
    acks: Vec<NodeId>,
    // Participant (its state is its log: persistent).
    state: PartState,
    vote_no: bool,
}

impl TwoPcNode {
    pub fn cluster(cfg: &TwoPcConfig) -> Vec<TwoPcNode> {
        (0..cfg.size())
            .map(|id| TwoPcNode {
                cfg: cfg.clone(),
                id,
                phase: CoordPhase::Idle,
                began: false,
                logged: None,
                votes: vec![],
                acks: vec![],
                state: PartState::Init,
                vote_no: false,
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
        self.phase
    }
    pub fn logged(&self) -> Option<Outcome> {
        self.logged
    }
    pub fn votes(&self) -> &[(NodeId, bool)] {
        &self.votes
    }
    pub fn acks(&self) -> &[NodeId] {
        &self.acks
    }
    pub fn state(&self) -> PartState {
        self.state
    }
    pub fn will_vote_no(&self) -> bool {
        self.vote_no
    }
    /// A yes voter waiting for the decision holds its locks.
    pub fn holds_locks(&self) -> bool {
        matches!(self.state, PartState::Prepared { .. })
    }

    fn decide(&mut self, d: Outcome, cx: &mut Ctx<Self>) {
        self.phase = CoordPhase::Flushing(d);
        cx.cancel_timer(TpcTimer::VoteTimeout);
        cx.note(TpcNote::Decided(d));
        cx.set_timer(TpcTimer::LogFlushed, self.cfg.flush, self.cfg.flush);
    }

    fn send_next(&mut self, cx: &mut Ctx<Self>) {
        let CoordPhase::Sending { d, next } = self.phase else {
            return;
        };
        cx.send(next, TpcMsg::Decision(d));
        cx.note(TpcNote::SentDecision { to: next, d });
        if next < self.cfg.participants {
            self.phase = CoordPhase::Sending { d, next: next + 1 };
            cx.set_timer(TpcTimer::SendNext, self.cfg.send_gap, self.cfg.send_gap);
        } else {
            self.phase = CoordPhase::Done(d);
        }
    }

    /// Decisions go out one participant at a time, `send_gap` apart, starting `send_gap`
    /// after the log write (so a crash can fall between "logged" and "sent to some").
    fn start_sending(&mut self, d: Outcome, cx: &mut Ctx<Self>) {
        self.phase = CoordPhase::Sending { d, next: 1 };
        cx.set_timer(TpcTimer::SendNext, self.cfg.send_gap, self.cfg.send_gap);
    }

    fn coordinator_msg(&mut self, from: NodeId, msg: TpcMsg, cx: &mut Ctx<Self>) {
        match msg {
            TpcMsg::Vote { yes } if self.phase == CoordPhase::Collecting => {
                if self.votes.iter().any(|(p, _)| *p == from) {
                    return;
                }
                self.votes.push((from, yes));
                cx.note(TpcNote::GotVote { from, yes });
                if !yes {
                    self.decide(Outcome::Abort, cx);
                } else if self.votes.len() == self.cfg.participants {
                    self.decide(Outcome::Commit, cx);
                }
            }
            TpcMsg::Ack if !self.acks.contains(&from) => {
                self.acks.push(from);
                if self.acks.len() == self.cfg.participants {
                    cx.note(TpcNote::AllAcked);
                }
            }
            TpcMsg::Inquiry => {
                if let Some(d) = self.logged {
                    cx.send(from, TpcMsg::Decision(d));
                }
            }
            _ => {}
        }
    }

    fn participant_msg(&mut self, from: NodeId, msg: TpcMsg, cx: &mut Ctx<Self>) {
        match msg {
            TpcMsg::Prepare => match self.state {
                PartState::Init if self.vote_no => {
                    self.state = PartState::Aborted;
                    cx.note(TpcNote::VotedNo);
                    cx.send(from, TpcMsg::Vote { yes: false });
                }
                PartState::Init => {
                    self.state = PartState::Prepared { since: cx.now };
                    cx.note(TpcNote::VotedYes);
                    cx.send(from, TpcMsg::Vote { yes: true });
                    cx.set_timer(TpcTimer::Inquiry, self.cfg.inquiry, self.cfg.inquiry);
                }
                PartState::Prepared { .. } => cx.send(from, TpcMsg::Vote { yes: true }),
                _ => {}
            },
            TpcMsg::Decision(d) => {
                if let PartState::Init | PartState::Prepared { .. } = self.state {
                    self.state = if d == Outcome::Commit {
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
        match (self.is_coordinator(), self.state) {
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
            match (self.logged, self.began) {
                (Some(d), _) => {
                    cx.note(TpcNote::RecoveredDecision(d));
                    self.start_sending(d, cx);
                }
                (None, true) => {
                    // Began but never logged a decision: presumed abort.
                    self.logged = Some(Outcome::Abort);
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
            TpcTimer::VoteTimeout if self.phase == CoordPhase::Collecting => {
                cx.note(TpcNote::VoteTimeout {
                    missing: self.cfg.participants - self.votes.len(),
                });
                self.decide(Outcome::Abort, cx);
            }
            TpcTimer::LogFlushed => {
                if let CoordPhase::Flushing(d) = self.phase {
                    self.logged = Some(d);
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
                if self.is_coordinator() && self.phase == CoordPhase::Idle && !self.began =>
            {
                self.began = true;
                self.phase = CoordPhase::Collecting;
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
                self.vote_no = no;
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

    fn on_crash(&mut self) {
        // The coordinator's log (began, decision) and each participant's state survive;
        // what was in memory does not.
        self.phase = CoordPhase::Idle;
        self.votes.clear();
        self.acks.clear();
    }
}
