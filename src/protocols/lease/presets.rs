//! Prepared scenarios, on a fixed 10 ms latency. Cache mode: a 400 ms lease with a 40 ms
//! margin (the caches' clocks may run up to 10 % slow), reads every 50 ms, writes by the
//! script; leader mode: a 300 ms leader lease renewed every 100 ms, each read checked,
//! worked on for 50 ms, then answered.

use super::msg::LeaseCmd;
use super::node::{LeaseConfig, Mode};
use crate::sim::{Action, SimTime, MS};

pub const LATENCY: SimTime = 10 * MS;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeasePreset {
    /// A write at 0.3 s, approved by both caches at once; S–C1 cut at 0.65 s; a write at
    /// 0.7 s waits for C1's lease to expire on S's clock; C1's own lease (started when it
    /// asked, less the margin) ended earlier: no stale read.
    CacheCut,
    /// The same with the caches' clocks 25 % slow, beyond the 10 % the margin covers: C1
    /// still believes its lease valid after S applied the write, and answers the old value.
    CacheDriftBroken,
    /// 5 % slow, within the bound: safe.
    CacheDriftWithin,
    /// Leader mode: R1, the primary, has checked its lease and is working on a read when a
    /// 600 ms pause freezes it. Its lease expires at S; R2 becomes primary and takes a
    /// write; R1 wakes and answers as primary with the old value — two primaries.
    LeaderPause,
    /// The same, with R1 checking its lease again before answering: it sees it expired
    /// (on its own clock) and answers nothing.
    LeaderPauseRecheck,
}

impl LeasePreset {
    pub const ALL: [LeasePreset; 5] = [
        LeasePreset::CacheCut,
        LeasePreset::CacheDriftBroken,
        LeasePreset::CacheDriftWithin,
        LeasePreset::LeaderPause,
        LeasePreset::LeaderPauseRecheck,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            LeasePreset::CacheCut => "cache-cut",
            LeasePreset::CacheDriftBroken => "cache-drift-broken",
            LeasePreset::CacheDriftWithin => "cache-drift-within",
            LeasePreset::LeaderPause => "leader-pause",
            LeasePreset::LeaderPauseRecheck => "leader-pause-recheck",
        }
    }

    /// The preset's settings; the holders' clock drift (ppm) beside them.
    pub fn config(self) -> (LeaseConfig, i64) {
        let cache = LeaseConfig {
            write_every: None,
            duty_every: 50 * MS,
            ..LeaseConfig::default()
        };
        let leader = LeaseConfig {
            mode: Mode::Leader,
            period: 300 * MS,
            margin: 30 * MS,
            work: 50 * MS,
            write_every: None,
            ..LeaseConfig::default()
        };
        match self {
            LeasePreset::CacheCut => (cache, 0),
            LeasePreset::CacheDriftBroken => (cache, -250_000),
            LeasePreset::CacheDriftWithin => (cache, -50_000),
            LeasePreset::LeaderPause => (leader, 0),
            LeasePreset::LeaderPauseRecheck => (
                LeaseConfig {
                    recheck: true,
                    ..leader
                },
                0,
            ),
        }
    }

    pub fn script(self, cfg: &LeaseConfig) -> Vec<(SimTime, Action<LeaseCmd>)> {
        let w = cfg.writer();
        let write = |ms: SimTime| (ms * MS, Action::Command(w, LeaseCmd::Write));
        match self {
            LeasePreset::CacheCut
            | LeasePreset::CacheDriftBroken
            | LeasePreset::CacheDriftWithin => {
                vec![write(300), (650 * MS, Action::Cut(0, 1)), write(700)]
            }
            LeasePreset::LeaderPause | LeasePreset::LeaderPauseRecheck => {
                vec![(310 * MS, Action::Pause(1, 600 * MS)), write(500)]
            }
        }
    }
}
