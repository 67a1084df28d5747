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
    /// An acceptor crashes mid-round and restarts with its promise intact.
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
            PaxosPreset::AcceptorRestarts => vec![
                (BEGIN_AT, Action::Command(0, PaxosCmd::Propose)),
                (BEGIN_AT + 40 * MS, Action::Crash(first_acceptor)),
                (BEGIN_AT + 300 * MS, Action::Restart(first_acceptor)),
                (
                    BEGIN_AT + 400 * MS,
                    Action::Command(1.min(cfg.proposers - 1), PaxosCmd::Propose),
                ),
            ],
        }
    }
}
