//! Prepared scenarios: fixed latency (10 ms), the app asking every 50 ms, G1's clock
//! stepped back 100 ms at 515 ms — right after it stamped 510, so the next requests read
//! milliseconds it has used (460, 510 ...).

use super::msg::SnowCmd;
use super::node::{SnowConfig, Strategy};
use crate::sim::{Action, SimTime, MS};

pub const LATENCY: SimTime = 10 * MS;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SnowPreset {
    /// Strategy "wait": G1 holds its answers about 100 ms, then carries on; no duplicate.
    BackWait,
    /// Strategy "refuse": G1 answers with errors for about 100 ms.
    BackRefuse,
    /// Strategy "logical clock": G1 keeps stamping 510 and counts on in the sequence.
    BackLogical,
    /// "Break it": G1 issues 460.1.0 and 510.1.0 again: duplicates, the monitor fires.
    BackIgnore,
    /// G2 is given G1's worker id: in the first round both issue 60.1.0.
    SameWorker,
}

impl SnowPreset {
    pub const ALL: [SnowPreset; 5] = [
        SnowPreset::BackIgnore,
        SnowPreset::BackWait,
        SnowPreset::BackRefuse,
        SnowPreset::BackLogical,
        SnowPreset::SameWorker,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            SnowPreset::BackWait => "clock-back-wait",
            SnowPreset::BackRefuse => "clock-back-refuse",
            SnowPreset::BackLogical => "clock-back-logical",
            SnowPreset::BackIgnore => "clock-back-ignore",
            SnowPreset::SameWorker => "same-worker",
        }
    }

    /// (strategy, same worker id) of the preset.
    pub fn settings(self) -> (Strategy, bool) {
        match self {
            SnowPreset::BackWait => (Strategy::Wait, false),
            SnowPreset::BackRefuse => (Strategy::Refuse, false),
            SnowPreset::BackLogical => (Strategy::Logical, false),
            SnowPreset::BackIgnore => (Strategy::Ignore, false),
            SnowPreset::SameWorker => (Strategy::Wait, true),
        }
    }

    pub fn script(self, _cfg: &SnowConfig) -> Vec<(SimTime, Action<SnowCmd>)> {
        match self {
            SnowPreset::SameWorker => vec![],
            _ => vec![(515 * MS, Action::ClockJump(1, -100 * MS as i64))],
        }
    }
}
