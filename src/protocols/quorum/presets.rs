//! Prepared quorum scenarios from the notes' cases. Latency is fixed (`LATENCY`) and the
//! faults are timed to the messages they hit, so every preset unfolds the same way on
//! every seed.

use super::msg::QCmd;
use super::node::{QConfig, Repair};
use crate::sim::{Action, SimTime, MS};

/// One-way latency in presets.
pub const LATENCY: SimTime = 20 * MS;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QPreset {
    /// N = 3, W = 1, R = 1 (W + R ≤ N): the write's copies to S2 and S3 are lost, the
    /// read's request to S1 is lost: the read returns the old value, with no crash at all.
    StaleRead,
    /// N = 3, W = 2, R = 2, read repair on: the same kind of losses, but the quorums
    /// overlap (S2): the read sees the write and repairs S3.
    Overlap,
    /// N = 3, W = 2, R = 2: the write reaches only S1 and fails; a later read still
    /// returns it — failure does not roll a write back — and the read after that, on S2
    /// and S3, goes back to the old value (unless read repair wrote it back first).
    FailedWriteSeen,
    /// Five servers, N = 3, W = 2, R = 2, sloppy quorum: C1 is partitioned with S3 and
    /// the stand-ins S4, S5; its write succeeds on S3 and S4 (hinted for S1); C2's read
    /// on S1, S2 misses it despite W + R > N; after healing, hinted handoff repairs S1, S2.
    SloppyPartition,
    /// N = 3, W = 2, R = 2, vector clocks: C1 and C2 write at the same moment, every
    /// replica keeps both writes as siblings, C1's read returns both, C1's next write
    /// (having seen both) replaces them, C2 reads one value.
    ConcurrentWriters,
}

impl QPreset {
    pub const ALL: [QPreset; 5] = [
        QPreset::Overlap,
        QPreset::StaleRead,
        QPreset::FailedWriteSeen,
        QPreset::ConcurrentWriters,
        QPreset::SloppyPartition,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            QPreset::StaleRead => "stale-read",
            QPreset::Overlap => "overlap",
            QPreset::FailedWriteSeen => "failed-write-seen",
            QPreset::SloppyPartition => "sloppy-partition",
            QPreset::ConcurrentWriters => "concurrent-writers",
        }
    }

    /// (servers, N, W, R, read repair, sloppy quorum) of the preset.
    pub fn settings(self) -> (usize, usize, usize, usize, Repair, bool) {
        match self {
            QPreset::StaleRead => (3, 3, 1, 1, Repair::Off, false),
            QPreset::Overlap => (3, 3, 2, 2, Repair::Background, false),
            QPreset::FailedWriteSeen => (3, 3, 2, 2, Repair::Off, false),
            QPreset::SloppyPartition => (5, 3, 2, 2, Repair::Off, true),
            QPreset::ConcurrentWriters => (3, 3, 2, 2, Repair::Off, false),
        }
    }

    /// Does the preset use vector clocks?
    pub fn vector_clocks(self) -> bool {
        self == QPreset::ConcurrentWriters
    }

    /// The timed actions for a cluster with `cfg` (C1 writes, C2 reads; a write's version
    /// query leaves at 100 ms, its puts at 140 ms and arrive at 160 ms).
    pub fn script(self, cfg: &QConfig) -> Vec<(SimTime, Action<QCmd>)> {
        let (c1, c2) = (cfg.servers, cfg.servers + 1);
        let at = |ms: SimTime, a: Action<QCmd>| (ms * MS, a);
        let w = |ms: SimTime, c| at(ms, Action::Command(c, QCmd::Write));
        let r = |ms: SimTime, c| at(ms, Action::Command(c, QCmd::Read));
        match self {
            QPreset::StaleRead => vec![
                w(100, c1),
                // The puts to S2 and S3 are lost on the way (cut while they fly).
                at(150, Action::Cut(c1, 1)),
                at(150, Action::Cut(c1, 2)),
                at(170, Action::Heal(c1, 1)),
                at(170, Action::Heal(c1, 2)),
                // The read's request to S1 is lost.
                at(190, Action::Cut(c2, 0)),
                r(200, c2),
                at(230, Action::Heal(c2, 0)),
            ],
            QPreset::Overlap => vec![
                w(100, c1),
                at(150, Action::Cut(c1, 2)),
                at(170, Action::Heal(c1, 2)),
                at(190, Action::Cut(c2, 0)),
                r(200, c2),
                at(230, Action::Heal(c2, 0)),
                r(400, c1),
            ],
            QPreset::FailedWriteSeen => vec![
                w(100, c1),
                // S2 and S3 never hear the put: only S1 stores it; C1 gives up at 290 ms.
                at(150, Action::Cut(c1, 1)),
                at(150, Action::Cut(c1, 2)),
                // C2 asks S1 and S2 (its request to S3 is lost).
                at(310, Action::Cut(c2, 2)),
                r(320, c2),
                at(350, Action::Heal(c2, 2)),
                // C2 reads again, from S2 and S3 (its request to S1 is lost).
                at(440, Action::Cut(c2, 0)),
                r(450, c2),
                at(490, Action::Heal(c2, 0)),
                at(500, Action::Heal(c1, 1)),
                at(500, Action::Heal(c1, 2)),
            ],
            QPreset::ConcurrentWriters => {
                vec![w(100, c1), w(100, c2), r(300, c1), w(450, c1), r(650, c2)]
            }
            QPreset::SloppyPartition => {
                let (left, right) = (vec![c1, 2, 3, 4], vec![c2, 0, 1]);
                vec![
                    at(50, Action::Partition(vec![left, right])),
                    w(100, c1),
                    r(420, c2),
                    at(600, Action::HealAll),
                    r(950, c2),
                ]
            }
        }
    }
}
