//! Prepared scenarios, each on two processes heartbeating every 100 ms to the monitor:
//! a fixed timeout of 250 ms beside φ with threshold 8.

use super::msg::FdCmd;
use crate::sim::{Action, NetConfig, SimTime, MS, SEC};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FdPreset {
    /// P1 crashes at 3 s: both detectors suspect it, the timeout after 250 ms, φ when
    /// the regular history makes a missing heartbeat improbable enough.
    Crash,
    /// At 4 s the network turns slow and irregular (10–200 ms): the fixed timeout
    /// suspects live processes again and again, φ learns the new spread and calms down.
    JitterRises,
    /// P1 is paused for 1.5 s (a GC pause): both suspect a live process, and take it back
    /// when it wakes; φ's window now holds a 1.5 s interval, so it is slower to suspect
    /// for a while.
    GcPause,
    /// At 2 s the network starts losing 10 % of messages: a single missed heartbeat makes
    /// a 200 ms gap, two in a row 300 ms. The 250 ms timeout falls for every pair; φ, once
    /// its window has learnt that gaps happen, waits about 300 ms and falls for fewer.
    Lossy,
}

/// The network the presets start on.
pub const CALM: (SimTime, SimTime) = (10 * MS, 20 * MS);

impl FdPreset {
    pub const ALL: [FdPreset; 4] = [
        FdPreset::Crash,
        FdPreset::JitterRises,
        FdPreset::GcPause,
        FdPreset::Lossy,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            FdPreset::Crash => "crash",
            FdPreset::JitterRises => "jitter-rises",
            FdPreset::GcPause => "gc-pause",
            FdPreset::Lossy => "lossy",
        }
    }

    pub fn script(self) -> Vec<(SimTime, Action<FdCmd>)> {
        match self {
            FdPreset::Crash => vec![(3 * SEC, Action::Crash(1))],
            FdPreset::JitterRises => vec![(
                4 * SEC,
                Action::SetNet(NetConfig {
                    latency_min: 10 * MS,
                    latency_max: 200 * MS,
                    loss: 0.0,
                    duplicate: 0.0,
                }),
            )],
            FdPreset::GcPause => vec![
                (3 * SEC, Action::Pause(1, 1_500 * MS)),
                (9 * SEC, Action::Crash(1)),
            ],
            FdPreset::Lossy => vec![(
                2 * SEC,
                Action::SetNet(NetConfig {
                    latency_min: CALM.0,
                    latency_max: CALM.1,
                    loss: 0.1,
                    duplicate: 0.0,
                }),
            )],
        }
    }
}
