//! The 3PC coordinator and participants.

use super::msg::{TerminationRule, ThreeMsg, ThreeNote, ThreeTimer};
use crate::protocols::atomic_commit::{AtomicityMonitor, CommitNode, Outcome};
use crate::protocols::two_pc::TpcCmd;
use crate::sim::{Ctx, NodeId, Protocol, SimTime, MS};

#[derive(Clone, Debug, PartialEq)]
pub struct ThreePcConfig {
    pub participants: usize,
    /// Coordinator: how long it waits for votes, and again for PreCommit acks.
    pub coord_timeout: SimTime,
    /// Participant: how long it waits for the next message before deciding alone.
    pub part_timeout: SimTime,
    /// How often a participant that restarted mid-protocol asks for the outcome.
    pub inquiry: SimTime,
    /// Skeen's termination protocol: a participant that times out asks the other
    /// participants for their state (waiting `coord_timeout` for answers) and decides by
    /// [`TerminationRule`] instead of alone. Safe under crashes with timely messages; a
    /// partition still splits the decision, since each side hears only itself.
    pub termination: bool,
}

impl Default for ThreePcConfig {
    fn default() -> Self {
        ThreePcConfig {
            participants: 3,
            coord_timeout: 200 * MS,
            part_timeout: 400 * MS,
            inquiry: 150 * MS,
            termination: false,
        }
    }
}

impl ThreePcConfig {
    /// The synchrony 3PC's timeouts rely on: a participant must not time out before the
    /// coordinator's decision can reach it. The coordinator decides at most `coord_timeout`
    /// after sending PreCommit (or CanCommit); its decision travels at most `latency_max`,
    /// while the participant's timer started at the earliest `latency_min` after the same
    /// send. So the participant timeout must exceed `coord_timeout + (max − min)` — and no
    /// message may be lost. Returns that least timeout.
    pub fn least_safe_part_timeout(&self, latency_min: SimTime, latency_max: SimTime) -> SimTime {
        self.coord_timeout + latency_max.saturating_sub(latency_min)
    }
    pub fn size(&self) -> usize {
        self.participants + 1
    }
    pub fn name(&self, id: NodeId) -> String {
        if id == 0 {
            "C".into()
        } else {
            format!("P{id}")
        }
    }
}

/// The coordinator's phase (its log: survives a crash).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coord3 {
    Idle,
    Voting,
    /// PreCommit sent to all; waiting for their acknowledgements.
    AwaitingAcks,
    Done(Outcome),
}

/// A participant's state (its log: survives a crash).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part3 {
    Init,
    /// Voted yes, waiting for PreCommit: a timeout here aborts.
    Uncertain,
    /// Got PreCommit: a timeout here commits.
    PreCommitted,
    Committed,
    Aborted,
}

#[derive(Clone, Debug)]
pub struct ThreePcNode {
    cfg: ThreePcConfig,
    id: NodeId,
    log: ThreeLog,
    mem: ThreeMemory,
}

/// What a node logs, so it survives a crash: the coordinator's and each participant's
/// protocol state, the standing vote, and whether it restarted mid-protocol.
#[derive(Clone, Debug, PartialEq, Eq)]
struct ThreeLog {
    coord: Coord3,
    state: Part3,
    vote_no: bool,
    /// Restarted mid-protocol: it may have missed messages, so it must not decide alone.
    recovering: bool,
}

/// What the coordinator counts in memory only; a crash loses it all at once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct ThreeMemory {
    votes: Vec<(NodeId, bool)>,
    acks: Vec<NodeId>,
    /// Termination protocol: the states the other participants reported, while asking.
    asking: Option<Vec<(NodeId, Part3)>>,
}

impl ThreePcNode {
    pub fn cluster(cfg: &ThreePcConfig) -> Vec<ThreePcNode> {
        (0..cfg.size())
            .map(|id| ThreePcNode {
                cfg: cfg.clone(),
                id,
                log: ThreeLog {
                    coord: Coord3::Idle,
                    state: Part3::Init,
                    vote_no: false,
                    recovering: false,
                },
                mem: ThreeMemory::default(),
            })
            .collect()
    }
    pub fn is_coordinator(&self) -> bool {
        self.id == 0
    }
    pub fn config(&self) -> &ThreePcConfig {
        &self.cfg
    }
    pub fn coord(&self) -> Coord3 {
        self.log.coord
    }
    pub fn votes(&self) -> &[(NodeId, bool)] {
        &self.mem.votes
    }
    pub fn acks(&self) -> &[NodeId] {
        &self.mem.acks
    }
    pub fn state(&self) -> Part3 {
        self.log.state
    }
    pub fn will_vote_no(&self) -> bool {
        self.log.vote_no
    }
    /// Restarted mid-protocol and waiting for the coordinator's answer.
    pub fn is_recovering(&self) -> bool {
        self.log.recovering
    }
    /// Running the termination protocol: the states heard so far.
    pub fn asking(&self) -> Option<&[(NodeId, Part3)]> {
        self.mem.asking.as_deref()
    }

    /// The termination protocol's rule over the states heard (its own included).
    pub fn termination_rule(states: &[Part3]) -> (Outcome, TerminationRule) {
        let any = |s: Part3| states.contains(&s);
        if any(Part3::Aborted) || any(Part3::Init) {
            (Outcome::Abort, TerminationRule::SomeoneAborted)
        } else if any(Part3::Committed) {
            (Outcome::Commit, TerminationRule::SomeoneCommitted)
        } else if any(Part3::PreCommitted) {
            (Outcome::Commit, TerminationRule::SomeonePreCommitted)
        } else {
            (Outcome::Abort, TerminationRule::AllUncertain)
        }
    }

    /// Decide by the termination protocol and tell every other participant.
    fn terminate(&mut self, cx: &mut Ctx<Self>) {
        let Some(heard) = self.mem.asking.take() else {
            return;
        };
        let mut states: Vec<Part3> = heard.iter().map(|(_, s)| *s).collect();
        states.push(self.log.state);
        let (outcome, rule) = Self::termination_rule(&states);
        cx.note(ThreeNote::Terminated { outcome, rule });
        let msg = if outcome == Outcome::Commit {
            ThreeMsg::DoCommit
        } else {
            ThreeMsg::Abort
        };
        let me = cx.id;
        for p in self.all().filter(|&p| p != me) {
            cx.send(p, msg);
        }
        self.finish(outcome, cx);
    }

    fn all(&self) -> impl Iterator<Item = NodeId> {
        1..=self.cfg.participants
    }

    fn abort_all(&mut self, cx: &mut Ctx<Self>) {
        self.log.coord = Coord3::Done(Outcome::Abort);
        cx.cancel_timer(ThreeTimer::CoordTimeout);
        cx.note(ThreeNote::SentAbort);
        for p in self.all() {
            cx.send(p, ThreeMsg::Abort);
        }
    }

    fn commit_all(&mut self, cx: &mut Ctx<Self>) {
        self.log.coord = Coord3::Done(Outcome::Commit);
        cx.cancel_timer(ThreeTimer::CoordTimeout);
        cx.note(ThreeNote::SentDoCommit);
        for p in self.all() {
            cx.send(p, ThreeMsg::DoCommit);
        }
    }

    fn finish(&mut self, d: Outcome, cx: &mut Ctx<Self>) {
        if matches!(self.log.state, Part3::Committed | Part3::Aborted) {
            return;
        }
        self.log.state = if d == Outcome::Commit {
            Part3::Committed
        } else {
            Part3::Aborted
        };
        self.log.recovering = false;
        cx.cancel_timer(ThreeTimer::PartTimeout);
        cx.cancel_timer(ThreeTimer::Inquiry);
        if self.mem.asking.take().is_some() {
            cx.cancel_timer(ThreeTimer::Collect);
        }
        cx.note(ThreeNote::Finished(d));
    }

    fn arm(&self, cx: &mut Ctx<Self>) {
        cx.set_timer(
            ThreeTimer::PartTimeout,
            self.cfg.part_timeout,
            self.cfg.part_timeout,
        );
    }
}

impl CommitNode for ThreePcNode {
    fn outcome(&self) -> Option<Outcome> {
        match (self.is_coordinator(), self.log.state) {
            (false, Part3::Committed) => Some(Outcome::Commit),
            (false, Part3::Aborted) => Some(Outcome::Abort),
            _ => None,
        }
    }
    fn display_name(&self, id: NodeId) -> String {
        self.cfg.name(id)
    }
}

impl Protocol for ThreePcNode {
    type Msg = ThreeMsg;
    type Timer = ThreeTimer;
    type Cmd = TpcCmd;
    type Note = ThreeNote;
    type Monitor = AtomicityMonitor;

    fn on_start(&mut self, cx: &mut Ctx<Self>) {
        if self.is_coordinator() {
            match self.log.coord {
                // Crashed mid-protocol. Before PreCommit went out it may not know all the
                // votes: abort. After, everyone voted yes: commit.
                Coord3::Voting => {
                    cx.note(ThreeNote::Recovered(Outcome::Abort));
                    self.abort_all(cx);
                }
                Coord3::AwaitingAcks => {
                    cx.note(ThreeNote::Recovered(Outcome::Commit));
                    self.commit_all(cx);
                }
                _ => {}
            }
        } else if matches!(self.log.state, Part3::Uncertain | Part3::PreCommitted) {
            self.log.recovering = true;
            cx.note(ThreeNote::Recovering);
            cx.send(0, ThreeMsg::Inquiry);
            cx.set_timer(ThreeTimer::Inquiry, self.cfg.inquiry, self.cfg.inquiry);
        }
    }

    fn on_msg(&mut self, from: NodeId, msg: ThreeMsg, cx: &mut Ctx<Self>) {
        if self.is_coordinator() {
            match msg {
                ThreeMsg::Vote { yes } if self.log.coord == Coord3::Voting => {
                    if self.mem.votes.iter().any(|(p, _)| *p == from) {
                        return;
                    }
                    self.mem.votes.push((from, yes));
                    cx.note(ThreeNote::GotVote { from, yes });
                    if !yes {
                        self.abort_all(cx);
                    } else if self.mem.votes.len() == self.cfg.participants {
                        self.log.coord = Coord3::AwaitingAcks;
                        cx.set_timer(
                            ThreeTimer::CoordTimeout,
                            self.cfg.coord_timeout,
                            self.cfg.coord_timeout,
                        );
                        cx.note(ThreeNote::SentPreCommit);
                        for p in self.all() {
                            cx.send(p, ThreeMsg::PreCommit);
                        }
                    }
                }
                ThreeMsg::Inquiry => {
                    if let Coord3::Done(d) = self.log.coord {
                        cx.send(
                            from,
                            if d == Outcome::Commit {
                                ThreeMsg::DoCommit
                            } else {
                                ThreeMsg::Abort
                            },
                        );
                    }
                }
                ThreeMsg::PreAck if self.log.coord == Coord3::AwaitingAcks => {
                    if !self.mem.acks.contains(&from) {
                        self.mem.acks.push(from);
                        cx.note(ThreeNote::GotPreAck { from });
                    }
                    if self.mem.acks.len() == self.cfg.participants {
                        self.commit_all(cx);
                    }
                }
                _ => {}
            }
            return;
        }
        match msg {
            ThreeMsg::CanCommit if self.log.state == Part3::Init => {
                if self.log.vote_no {
                    self.log.state = Part3::Aborted;
                    cx.note(ThreeNote::VotedNo);
                    cx.send(from, ThreeMsg::Vote { yes: false });
                } else {
                    self.log.state = Part3::Uncertain;
                    cx.note(ThreeNote::VotedYes);
                    cx.send(from, ThreeMsg::Vote { yes: true });
                    self.arm(cx);
                }
            }
            ThreeMsg::PreCommit if self.log.state == Part3::Uncertain => {
                self.log.state = Part3::PreCommitted;
                cx.note(ThreeNote::PreCommitted);
                cx.send(from, ThreeMsg::PreAck);
                if !self.log.recovering {
                    self.arm(cx);
                }
            }
            ThreeMsg::DoCommit => {
                self.finish(Outcome::Commit, cx);
                cx.send(from, ThreeMsg::Done);
            }
            ThreeMsg::Abort => {
                self.finish(Outcome::Abort, cx);
                cx.send(from, ThreeMsg::Done);
            }
            ThreeMsg::StateReq => {
                // Not yet voted: it may still abort on its own, and does, so that its
                // answer stays true (no PreCommit can follow a missing vote).
                if self.log.state == Part3::Init {
                    cx.note(ThreeNote::AbortedBeforeVoting);
                    self.finish(Outcome::Abort, cx);
                }
                cx.send(
                    from,
                    ThreeMsg::StateReply {
                        state: self.log.state,
                    },
                );
            }
            ThreeMsg::StateReply { state } => {
                if let Some(heard) = self.mem.asking.as_mut() {
                    if !heard.iter().any(|(p, _)| *p == from) {
                        heard.push((from, state));
                    }
                    // Everyone answered: no need to wait longer.
                    if heard.len() + 1 == self.cfg.participants {
                        cx.cancel_timer(ThreeTimer::Collect);
                        self.terminate(cx);
                    }
                }
            }
            _ => {}
        }
    }

    fn on_timer(&mut self, timer: ThreeTimer, cx: &mut Ctx<Self>) {
        match timer {
            ThreeTimer::Inquiry => {
                if self.log.recovering {
                    cx.send(0, ThreeMsg::Inquiry);
                    cx.set_timer(ThreeTimer::Inquiry, self.cfg.inquiry, self.cfg.inquiry);
                }
            }
            ThreeTimer::CoordTimeout => match self.log.coord {
                Coord3::Voting => {
                    cx.note(ThreeNote::CoordTimeout {
                        waiting_for: self.cfg.participants - self.mem.votes.len(),
                    });
                    self.abort_all(cx);
                }
                Coord3::AwaitingAcks => {
                    cx.note(ThreeNote::CoordTimeout {
                        waiting_for: self.cfg.participants - self.mem.acks.len(),
                    });
                    self.abort_all(cx);
                }
                _ => {}
            },
            ThreeTimer::Collect => self.terminate(cx),
            ThreeTimer::PartTimeout
                if !self.log.recovering
                    && self.cfg.termination
                    && matches!(self.log.state, Part3::Uncertain | Part3::PreCommitted) =>
            {
                // Skeen's termination protocol: ask before deciding.
                cx.note(ThreeNote::AskedPeers);
                self.mem.asking = Some(Vec::new());
                let me = cx.id;
                for p in self.all().filter(|&p| p != me) {
                    cx.send(p, ThreeMsg::StateReq);
                }
                if self.cfg.participants == 1 {
                    self.terminate(cx); // no one else to ask
                } else {
                    cx.set_timer(
                        ThreeTimer::Collect,
                        self.cfg.coord_timeout,
                        self.cfg.coord_timeout,
                    );
                }
            }
            ThreeTimer::PartTimeout if !self.log.recovering => match self.log.state {
                Part3::Uncertain => {
                    cx.note(ThreeNote::TimeoutAbort);
                    self.finish(Outcome::Abort, cx);
                }
                Part3::PreCommitted => {
                    cx.note(ThreeNote::TimeoutCommit);
                    self.finish(Outcome::Commit, cx);
                }
                _ => {}
            },
            ThreeTimer::PartTimeout => {}
        }
    }

    fn on_cmd(&mut self, cmd: TpcCmd, cx: &mut Ctx<Self>) {
        match cmd {
            TpcCmd::Begin if self.is_coordinator() && self.log.coord == Coord3::Idle => {
                self.log.coord = Coord3::Voting;
                cx.note(ThreeNote::Began);
                for p in self.all() {
                    cx.send(p, ThreeMsg::CanCommit);
                }
                cx.set_timer(
                    ThreeTimer::CoordTimeout,
                    self.cfg.coord_timeout,
                    self.cfg.coord_timeout,
                );
            }
            TpcCmd::SetVoteNo(no) if !self.is_coordinator() => {
                self.log.vote_no = no;
                cx.note(ThreeNote::WillVoteNo(no));
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

    /// The log survives; the coordinator's counts in memory are lost at once.
    fn on_crash(&mut self) {
        self.mem = ThreeMemory::default();
    }
}
