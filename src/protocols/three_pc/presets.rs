//! Prepared 3PC scenarios with fixed latency (see the 2PC presets).

use super::node::ThreePcConfig;
use crate::protocols::two_pc::TpcCmd;
use crate::sim::{Action, NetConfig, NodeId, SimTime, MS};

pub const LATENCY: SimTime = 30 * MS;
pub const BEGIN_AT: SimTime = 100 * MS;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThreePcPreset {
    HappyPath,
    /// The coordinator dies once every participant holds PreCommit: they commit on their
    /// own when their timeout fires. Nobody blocks (contrast the 2PC preset).
    CoordinatorCrashAfterPreCommit,
    /// Right after PreCommit arrives, a partition cuts P1..P⌊k/2⌋ off from the coordinator
    /// and the rest. The coordinator misses their acks and aborts (the rest receive it);
    /// the cut-off side, pre-committed, times out and commits. Atomicity breaks.
    PartitionAfterPreCommit,
}

impl ThreePcPreset {
    pub const ALL: [ThreePcPreset; 3] = [
        ThreePcPreset::HappyPath,
        ThreePcPreset::CoordinatorCrashAfterPreCommit,
        ThreePcPreset::PartitionAfterPreCommit,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            ThreePcPreset::HappyPath => "happy",
            ThreePcPreset::CoordinatorCrashAfterPreCommit => "coordinator-crash",
            ThreePcPreset::PartitionAfterPreCommit => "partition",
        }
    }

    pub fn net() -> NetConfig {
        NetConfig {
            latency_min: LATENCY,
            latency_max: LATENCY,
            loss: 0.0,
        }
    }

    /// The participants cut off in the partition preset.
    pub fn cut_off(cfg: &ThreePcConfig) -> Vec<NodeId> {
        (1..=(cfg.participants / 2).max(1)).collect()
    }

    pub fn script(self, cfg: &ThreePcConfig) -> Vec<(SimTime, Action<TpcCmd>)> {
        let begin = (BEGIN_AT, Action::Command(0, TpcCmd::Begin));
        // CanCommit lands at +L, votes at +2L (PreCommit goes out), PreCommit lands at +3L.
        let precommitted = BEGIN_AT + 3 * LATENCY + MS;
        match self {
            ThreePcPreset::HappyPath => vec![begin],
            ThreePcPreset::CoordinatorCrashAfterPreCommit => {
                vec![begin, (precommitted, Action::Crash(0))]
            }
            ThreePcPreset::PartitionAfterPreCommit => {
                let minority = Self::cut_off(cfg);
                let rest: Vec<NodeId> = (0..cfg.size()).filter(|n| !minority.contains(n)).collect();
                vec![
                    begin,
                    (precommitted, Action::Partition(vec![rest, minority])),
                ]
            }
        }
    }
}
