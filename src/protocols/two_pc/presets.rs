//! Prepared 2PC scenarios: each a configuration plus timed actions. Latency is fixed
//! (`LATENCY`) so every preset unfolds the same way on every seed.

use super::msg::TpcCmd;
use super::node::TwoPcConfig;
use crate::sim::{Action, NetConfig, SimTime, MS, SEC};

/// One-way latency in presets.
pub const LATENCY: SimTime = 30 * MS;
/// When the coordinator begins the transaction.
pub const BEGIN_AT: SimTime = 100 * MS;
/// How long a crashed coordinator stays down in the crash presets.
pub const DOWN_FOR: SimTime = 2 * SEC;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TwoPcPreset {
    /// Everyone votes yes: commit.
    HappyPath,
    /// P2 votes no: global abort.
    VoteNo,
    /// P2 is down during prepare: the coordinator times out and aborts.
    ParticipantDown,
    /// The coordinator logs commit, then crashes before sending it: yes voters block,
    /// holding locks, until it restarts and re-sends the decision from its log.
    CoordinatorCrashBeforeDecision,
    /// The coordinator crashes after sending commit to P1 only: P1 commits, the others block.
    CoordinatorCrashMidCommit,
}

impl TwoPcPreset {
    pub const ALL: [TwoPcPreset; 5] = [
        TwoPcPreset::HappyPath,
        TwoPcPreset::VoteNo,
        TwoPcPreset::ParticipantDown,
        TwoPcPreset::CoordinatorCrashBeforeDecision,
        TwoPcPreset::CoordinatorCrashMidCommit,
    ];

    /// The URL name.
    pub fn slug(self) -> &'static str {
        match self {
            TwoPcPreset::HappyPath => "happy",
            TwoPcPreset::VoteNo => "vote-no",
            TwoPcPreset::ParticipantDown => "participant-down",
            TwoPcPreset::CoordinatorCrashBeforeDecision => "coordinator-crash",
            TwoPcPreset::CoordinatorCrashMidCommit => "partial-commit",
        }
    }

    pub fn net() -> NetConfig {
        NetConfig {
            latency_min: LATENCY,
            latency_max: LATENCY,
            loss: 0.0,
            duplicate: 0.0,
        }
    }

    /// The timed actions of this preset for a cluster with `cfg`.
    pub fn script(self, cfg: &TwoPcConfig) -> Vec<(SimTime, Action<TpcCmd>)> {
        let begin = (BEGIN_AT, Action::Command(0, TpcCmd::Begin));
        // Votes are all in at BEGIN_AT + 2L; the log write takes `flush`; the first
        // decision leaves one `send_gap` later, the next one gap after that.
        let logged = BEGIN_AT + 2 * LATENCY + cfg.flush;
        match self {
            TwoPcPreset::HappyPath => vec![begin],
            TwoPcPreset::VoteNo => vec![(0, Action::Command(2, TpcCmd::SetVoteNo(true))), begin],
            TwoPcPreset::ParticipantDown => vec![(0, Action::Crash(2)), begin],
            TwoPcPreset::CoordinatorCrashBeforeDecision => {
                let crash = logged + cfg.send_gap / 2;
                vec![
                    begin,
                    (crash, Action::Crash(0)),
                    (crash + DOWN_FOR, Action::Restart(0)),
                ]
            }
            TwoPcPreset::CoordinatorCrashMidCommit => {
                let crash = logged + cfg.send_gap + cfg.send_gap / 2;
                vec![
                    begin,
                    (crash, Action::Crash(0)),
                    (crash + DOWN_FOR, Action::Restart(0)),
                ]
            }
        }
    }
}
