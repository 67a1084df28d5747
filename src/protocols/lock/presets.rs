//! Prepared scenarios: fixed latency, faults timed to the protocol's steps, so every
//! preset unfolds the same way on every seed.

use super::msg::LockCmd;
use super::node::LockConfig;
use crate::sim::{Action, SimTime, MS};

/// One-way latency in presets.
pub const LATENCY: SimTime = 10 * MS;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockPreset {
    /// The watchdog at work: C1's job takes longer than the TTL (600 ms of work, TTL
    /// 300 ms); the watchdog renews it every 100 ms, so C2 waits its turn and both
    /// increments count.
    Watchdog,
    /// Fencing off. C1 takes the lock (token 1), reads 0, and pauses for 500 ms in the
    /// middle of its work (its watchdog with it); the lock expires at 410 ms; C2 takes it
    /// (token 2), writes 1, releases; C1 wakes and writes 1 with token 1: accepted — one
    /// increment lost, and the monitor names the rule.
    PausedHolder,
    /// The same, with fencing: the storage has seen token 2 and refuses C1's token 1.
    PausedHolderFenced,
}

impl LockPreset {
    pub const ALL: [LockPreset; 3] = [
        LockPreset::PausedHolder,
        LockPreset::PausedHolderFenced,
        LockPreset::Watchdog,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            LockPreset::Watchdog => "watchdog",
            LockPreset::PausedHolder => "paused-holder",
            LockPreset::PausedHolderFenced => "paused-holder-fenced",
        }
    }

    /// (TTL, work, watchdog, fencing) of the preset.
    pub fn settings(self) -> (SimTime, SimTime, bool, bool) {
        match self {
            LockPreset::Watchdog => (300 * MS, 600 * MS, true, true),
            LockPreset::PausedHolder => (300 * MS, 100 * MS, true, false),
            LockPreset::PausedHolderFenced => (300 * MS, 100 * MS, true, true),
        }
    }

    /// The timed actions (C1 is node 1, C2 node 2).
    pub fn script(self, _cfg: &LockConfig) -> Vec<(SimTime, Action<LockCmd>)> {
        let job = |ms: SimTime, c| (ms * MS, Action::Command(c, LockCmd::Job));
        match self {
            LockPreset::Watchdog => vec![job(100, 1), job(200, 2)],
            LockPreset::PausedHolder | LockPreset::PausedHolderFenced => {
                vec![
                    job(100, 1),
                    (150 * MS, Action::Pause(1, 500 * MS)),
                    job(200, 2),
                ]
            }
        }
    }
}
