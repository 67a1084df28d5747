//! Prepared 3PC scenarios with fixed latency (see the 2PC presets).

use super::node::ThreePcConfig;
use crate::protocols::two_pc::TpcCmd;
use crate::sim::{Action, NetConfig, NodeId, SimTime, MS};

pub const LATENCY: SimTime = 30 * MS;
pub const BEGIN_AT: SimTime = 100 * MS;
/// The slow network's latency range, and the timeouts it breaks (see [`ThreePcPreset::SlowNetwork`]).
pub const SLOW_LATENCY: (SimTime, SimTime) = (10 * MS, 200 * MS);
/// When P1 dies in the slow network (after it voted, before PreCommit reaches it, for the
/// seeds the page's test checks).
pub const SLOW_CRASH_AT: SimTime = BEGIN_AT + 201 * MS;
pub const SLOW_TIMEOUTS: (SimTime, SimTime) = (400 * MS, 410 * MS);

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
    /// The same partition with Skeen's termination protocol on: the cut-off side asks,
    /// hears only itself (pre-committed) and commits anyway. Termination cannot see
    /// across a partition.
    PartitionWithTermination,
    /// The coordinator dies having sent PreCommit to every participant but P1 (its
    /// PreCommit never leaves: the link is cut as it dies). Alone, P1 times out uncertain
    /// and aborts while the others time out pre-committed and commit; with the termination
    /// protocol on, P1 asks first, hears "pre-committed" and commits too.
    CrashMidPreCommit,
    /// Timeouts that satisfy `ptimeout ≥ ctimeout` but not the latency spread: P1 dies
    /// before acknowledging PreCommit, the coordinator times out and aborts, and the abort
    /// is still on its way when a pre-committed participant's own timeout commits it.
    /// One crash, no partition, atomicity broken: the synchrony assumption, violated.
    SlowNetwork,
}

impl ThreePcPreset {
    pub const ALL: [ThreePcPreset; 6] = [
        ThreePcPreset::HappyPath,
        ThreePcPreset::CoordinatorCrashAfterPreCommit,
        ThreePcPreset::CrashMidPreCommit,
        ThreePcPreset::PartitionAfterPreCommit,
        ThreePcPreset::PartitionWithTermination,
        ThreePcPreset::SlowNetwork,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            ThreePcPreset::HappyPath => "happy",
            ThreePcPreset::CoordinatorCrashAfterPreCommit => "coordinator-crash",
            ThreePcPreset::PartitionAfterPreCommit => "partition",
            ThreePcPreset::PartitionWithTermination => "partition-termination",
            ThreePcPreset::CrashMidPreCommit => "crash-mid-precommit",
            ThreePcPreset::SlowNetwork => "slow-network",
        }
    }

    /// Whether the preset runs Skeen's termination protocol.
    pub fn termination(self) -> bool {
        self == ThreePcPreset::PartitionWithTermination
    }

    /// The network the preset runs on: fixed latency, except the slow network's spread.
    pub fn network(self) -> NetConfig {
        match self {
            ThreePcPreset::SlowNetwork => NetConfig {
                latency_min: SLOW_LATENCY.0,
                latency_max: SLOW_LATENCY.1,
                loss: 0.0,
                duplicate: 0.0,
            },
            _ => Self::net(),
        }
    }

    /// The (coordinator, participant) timeouts the preset runs with: the defaults, except
    /// the slow network's.
    pub fn timeouts(self) -> (SimTime, SimTime) {
        let d = ThreePcConfig::default();
        match self {
            ThreePcPreset::SlowNetwork => SLOW_TIMEOUTS,
            _ => (d.coord_timeout, d.part_timeout),
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
            ThreePcPreset::CrashMidPreCommit => vec![
                begin,
                // PreCommit went out at +2L: to everyone but P1.
                (BEGIN_AT + 2 * LATENCY + MS, Action::Cut(0, 1)),
                (BEGIN_AT + 2 * LATENCY + MS, Action::Crash(0)),
            ],
            ThreePcPreset::SlowNetwork => vec![begin, (SLOW_CRASH_AT, Action::Crash(1))],
            ThreePcPreset::PartitionAfterPreCommit | ThreePcPreset::PartitionWithTermination => {
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
