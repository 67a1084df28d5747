//! Prepared primary-secondary scenarios, one per mode and what a failure costs in it.
//! Latency is fixed (`LATENCY`) so every preset unfolds the same way on every seed.

use super::msg::PsCmd;
use super::node::{Mode, PsConfig};
use crate::sim::{Action, NetConfig, SimTime, MS};

/// One-way latency in presets.
pub const LATENCY: SimTime = 20 * MS;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PsPreset {
    /// Synchronous: writes, the primary crashes, a secondary takes over; nothing is lost,
    /// but new writes wait for the old primary (a replica like any other now) to return.
    SyncFailover,
    /// Semi-synchronous (k = 1): the same crash; nothing is lost and writes go on without
    /// the old primary.
    SemiFailover,
    /// Asynchronous: "ok" at once, shipped with the next heartbeat; the primary crashes in
    /// between and the acknowledged write is lost.
    AsyncLoss,
    /// Synchronous: a secondary is down, so no write can be acknowledged until it returns.
    SyncStall,
    /// Synchronous: the primary is cut off from its secondaries; its write waits, a
    /// secondary is elected, the client retries there.
    PrimaryIsolated,
}

impl PsPreset {
    pub const ALL: [PsPreset; 5] = [
        PsPreset::SyncFailover,
        PsPreset::SemiFailover,
        PsPreset::AsyncLoss,
        PsPreset::SyncStall,
        PsPreset::PrimaryIsolated,
    ];

    /// The URL name.
    pub fn slug(self) -> &'static str {
        match self {
            PsPreset::SyncFailover => "sync-failover",
            PsPreset::SemiFailover => "semi-failover",
            PsPreset::AsyncLoss => "async-loss",
            PsPreset::SyncStall => "sync-stall",
            PsPreset::PrimaryIsolated => "primary-isolated",
        }
    }

    /// The mode the preset is about.
    pub fn mode(self) -> Mode {
        match self {
            PsPreset::SemiFailover => Mode::Semi(1),
            PsPreset::AsyncLoss => Mode::Async,
            _ => Mode::Sync,
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
    pub fn script(self, cfg: &PsConfig) -> Vec<(SimTime, Action<PsCmd>)> {
        let c1 = cfg.replicas;
        let c2 = cfg.replicas + 1;
        let w = |at: SimTime, c| (at * MS, Action::Command(c, PsCmd::Write));
        let r = |at: SimTime, c| (at * MS, Action::Command(c, PsCmd::Read));
        match self {
            PsPreset::SyncFailover | PsPreset::SemiFailover => vec![
                w(100, c1),
                w(110, c2),
                w(300, c1),
                (345 * MS, Action::Crash(0)),
                w(900, c2),
                (1_400 * MS, Action::Restart(0)),
                r(1_900, c1),
                r(1_900, c2),
            ],
            PsPreset::AsyncLoss => vec![
                // Shipped at 120 ms (a heartbeat): stored everywhere.
                w(60, c1),
                // Appended at 180 ms and acknowledged at once; the next heartbeat would
                // ship it at 200 ms, but the primary crashes at 195 ms.
                w(160, c2),
                (195 * MS, Action::Crash(0)),
                r(900, c1),
                r(900, c2),
            ],
            PsPreset::SyncStall => vec![
                w(100, c1),
                (250 * MS, Action::Crash(cfg.replicas - 1)),
                w(300, c2),
                (1_300 * MS, Action::Restart(cfg.replicas - 1)),
                r(1_600, c1),
            ],
            PsPreset::PrimaryIsolated => {
                let mut s = vec![w(100, c1)];
                for sec in 1..cfg.replicas {
                    s.push((250 * MS, Action::Cut(0, sec)));
                }
                s.push(w(300, c2));
                for sec in 1..cfg.replicas {
                    s.push((1_500 * MS, Action::Heal(0, sec)));
                }
                s.push(r(1_800, c1));
                s
            }
        }
    }
}
