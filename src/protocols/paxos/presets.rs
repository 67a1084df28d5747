//! Prepared Paxos scenarios (fixed latency where timing matters).

use super::msg::PaxosCmd;
use super::node::PaxosConfig;
use crate::sim::{Action, SimTime, MS};

pub const BEGIN_AT: SimTime = 100 * MS;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaxosPreset {
    /// One proposer: prepare, promise, accept, accepted, learned.
    HappyPath,
    /// P1 dies once its prepares have landed; P2 later proposes and its own value wins.
    ProposerDiesAfterPhase1,
    /// Two proposers half a retry period apart keep pre-empting each other (livelock).
    DuelingProposers,
    /// Two of five acceptors are down: a majority still decides.
    MinorityDown,
    /// Three acceptors; P1 cannot reach A3 and P2 cannot reach A2. X is chosen by A1 and
    /// A2; A1 restarts; P2's prepare reaches only A1 and A3. Paxos's rule that an acceptor
    /// keeps its promise and acceptance on stable storage ("Paxos Made Simple" §2.3) is
    /// what lets A1 tell P2 about X: with the "break it" box unticked, A1 forgets, P2
    /// proposes Y, and two values are chosen.
    AcceptorRestarts,
}

impl PaxosPreset {
    pub const ALL: [PaxosPreset; 5] = [
        PaxosPreset::HappyPath,
        PaxosPreset::ProposerDiesAfterPhase1,
        PaxosPreset::DuelingProposers,
        PaxosPreset::MinorityDown,
        PaxosPreset::AcceptorRestarts,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            PaxosPreset::HappyPath => "happy",
            PaxosPreset::ProposerDiesAfterPhase1 => "proposer-dies",
            PaxosPreset::DuelingProposers => "duel",
            PaxosPreset::MinorityDown => "minority-down",
            PaxosPreset::AcceptorRestarts => "acceptor-restarts",
        }
    }

    /// Settings the preset needs: (proposers, acceptors, retry ms, latency range ms).
    pub fn settings(self) -> (usize, usize, u64, (u64, u64)) {
        match self {
            PaxosPreset::DuelingProposers => (2, 5, 60, (20, 22)),
            PaxosPreset::HappyPath => (1, 3, 150, (30, 30)),
            PaxosPreset::AcceptorRestarts => (2, 3, 1_000, (30, 30)),
            _ => (2, 5, 150, (30, 30)),
        }
    }

    pub fn script(self, cfg: &PaxosConfig) -> Vec<(SimTime, Action<PaxosCmd>)> {
        let first_acceptor = cfg.proposers;
        match self {
            PaxosPreset::HappyPath => vec![(BEGIN_AT, Action::Command(0, PaxosCmd::Propose))],
            PaxosPreset::ProposerDiesAfterPhase1 => vec![
                (BEGIN_AT, Action::Command(0, PaxosCmd::Propose)),
                (BEGIN_AT + 45 * MS, Action::Crash(0)),
                (
                    BEGIN_AT + 500 * MS,
                    Action::Command(1.min(cfg.proposers - 1), PaxosCmd::Propose),
                ),
            ],
            PaxosPreset::DuelingProposers => vec![
                (0, Action::Command(0, PaxosCmd::Propose)),
                (
                    cfg.retry / 2,
                    Action::Command(1.min(cfg.proposers - 1), PaxosCmd::Propose),
                ),
            ],
            PaxosPreset::MinorityDown => {
                let down = (cfg.acceptors - cfg.majority()).max(1);
                let mut s: Vec<_> = (0..down)
                    .map(|i| (0, Action::Crash(first_acceptor + i)))
                    .collect();
                s.push((BEGIN_AT, Action::Command(0, PaxosCmd::Propose)));
                s
            }
            PaxosPreset::AcceptorRestarts => {
                // P1 = 0, P2 = 1; A1, A2, A3 follow (with the preset's three acceptors).
                let p2 = 1.min(cfg.proposers - 1);
                let (a1, a2, a3) = (
                    first_acceptor,
                    first_acceptor + 1.min(cfg.acceptors - 1),
                    first_acceptor + 2.min(cfg.acceptors - 1),
                );
                vec![
                    (0, Action::Cut(0, a3)),
                    (0, Action::Cut(p2, a2)),
                    // Prepare lands at 130 ms, promises at 160, accepts at 190: A1 and A2
                    // accept X, a majority of three, so X is chosen.
                    (BEGIN_AT, Action::Command(0, PaxosCmd::Propose)),
                    (BEGIN_AT + 200 * MS, Action::Crash(a1)),
                    (BEGIN_AT + 250 * MS, Action::Restart(a1)),
                    // P2's prepare reaches A1 and A3 only: a majority, and A1 is the one
                    // that knows of X.
                    (BEGIN_AT + 300 * MS, Action::Command(p2, PaxosCmd::Propose)),
                ]
            }
        }
    }
}
