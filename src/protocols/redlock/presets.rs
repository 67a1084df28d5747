//! Prepared scenarios on five servers and two clients, fixed latency, faults timed to the
//! protocol's steps, so every preset unfolds the same way on every seed.

use super::msg::RedlockCmd;
use super::node::{Mode, RedlockConfig};
use crate::sim::{Action, SimTime, MS};

/// One-way latency in presets.
pub const LATENCY: SimTime = 10 * MS;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RedlockPreset {
    /// Kleppmann's example. C1 cannot reach S4, S5; C2 cannot reach S1, S2. C1 gets S1–S3
    /// (3 of 5). S3's clock jumps 600 ms forward: C1's key there expires. C2 gets S3–S5:
    /// both hold the lock within its validity, both increment: one is lost.
    RedlockJump,
    /// The same cuts, no jump: C2 reaches only S4, S5 (2 of 5) until C1 releases S3.
    RedlockCuts,
    /// C1 pauses 1.2 s after reading, longer than the TTL: every key expires, C2 takes
    /// the lock and writes; C1 wakes and writes too. Nothing to fence with: one lost.
    RedlockPause,
    /// The cuts and the jump of the first preset on the consensus lock: S3 decides nothing,
    /// C2 asks S3 (S1, S2 unreachable), which forwards to the leader: C2 waits for C1.
    ConsensusJump,
    /// The pause on the consensus lock: the leader expires C1's lock, C2 gets token 3, the
    /// storage sees it; C1's write with token 1 is refused.
    ConsensusPause,
}

impl RedlockPreset {
    pub const ALL: [RedlockPreset; 5] = [
        RedlockPreset::RedlockJump,
        RedlockPreset::RedlockCuts,
        RedlockPreset::RedlockPause,
        RedlockPreset::ConsensusJump,
        RedlockPreset::ConsensusPause,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            RedlockPreset::RedlockJump => "redlock-jump",
            RedlockPreset::RedlockCuts => "redlock-cuts",
            RedlockPreset::RedlockPause => "redlock-pause",
            RedlockPreset::ConsensusJump => "consensus-jump",
            RedlockPreset::ConsensusPause => "consensus-pause",
        }
    }

    pub fn mode(self) -> Mode {
        match self {
            RedlockPreset::RedlockJump
            | RedlockPreset::RedlockCuts
            | RedlockPreset::RedlockPause => Mode::Redlock,
            RedlockPreset::ConsensusJump | RedlockPreset::ConsensusPause => Mode::Consensus,
        }
    }

    /// The preset's settings: five servers, two clients, TTL 500 ms, work 300 ms.
    pub fn config(self) -> RedlockConfig {
        RedlockConfig {
            mode: self.mode(),
            ..RedlockConfig::default()
        }
    }

    /// The timed actions.
    pub fn script(self, cfg: &RedlockConfig) -> Vec<(SimTime, Action<RedlockCmd>)> {
        let (s, c1, c2) = (|i: usize| i - 1, cfg.servers, cfg.servers + 1);
        let job = |ms: SimTime, c| (ms * MS, Action::Command(c, RedlockCmd::Job));
        let cuts = vec![
            (50 * MS, Action::Cut(c1, s(4))),
            (50 * MS, Action::Cut(c1, s(5))),
            (50 * MS, Action::Cut(c2, s(1))),
            (50 * MS, Action::Cut(c2, s(2))),
        ];
        let jump = (220 * MS, Action::ClockJump(s(3), 600 * MS as i64));
        match self {
            RedlockPreset::RedlockJump | RedlockPreset::ConsensusJump => {
                let mut v = cuts;
                v.extend([job(100, c1), jump, job(250, c2)]);
                v
            }
            RedlockPreset::RedlockCuts => {
                let mut v = cuts;
                v.extend([job(100, c1), job(250, c2)]);
                v
            }
            RedlockPreset::RedlockPause | RedlockPreset::ConsensusPause => {
                vec![
                    job(100, c1),
                    (160 * MS, Action::Pause(c1, 1200 * MS)),
                    job(200, c2),
                ]
            }
        }
    }
}
