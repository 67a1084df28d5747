//! Prepared CAP scenarios: the same partition under CP and under AP (last writer wins,
//! or siblings), and the no-partition trade-off PACELC adds (latency). Latency is fixed
//! (`LATENCY`) so every preset unfolds the same way on every seed.

use super::msg::CapCmd;
use super::node::{CapConfig, Merge, Mode};
use crate::sim::{Action, SimTime, MS};

pub const LATENCY: SimTime = 20 * MS;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CapPreset {
    /// CP: the partition leaves C2 with the minority (S3 of three): its write and read are
    /// refused; C1's side goes on; after healing C2 reads C1's write.
    CpPartition,
    /// AP, last writer wins: both sides accept writes and diverge; on healing the later
    /// write wins everywhere and C2's acknowledged write is lost.
    ApLww,
    /// AP, siblings: the same, but the copies keep both writes; C2 reads both and its
    /// next write merges them.
    ApSiblings,
    /// No partition, CP: every operation pays a majority round trip — PACELC's "else,
    /// latency or consistency". (Switch to AP to compare.)
    Pacelc,
}

impl CapPreset {
    pub const ALL: [CapPreset; 4] = [
        CapPreset::CpPartition,
        CapPreset::ApLww,
        CapPreset::ApSiblings,
        CapPreset::Pacelc,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            CapPreset::CpPartition => "cp-partition",
            CapPreset::ApLww => "ap-lww",
            CapPreset::ApSiblings => "ap-siblings",
            CapPreset::Pacelc => "pacelc",
        }
    }

    pub fn mode(self) -> (Mode, Merge) {
        match self {
            CapPreset::CpPartition | CapPreset::Pacelc => (Mode::Cp, Merge::Lww),
            CapPreset::ApLww => (Mode::Ap, Merge::Lww),
            CapPreset::ApSiblings => (Mode::Ap, Merge::Siblings),
        }
    }

    pub fn script(self, cfg: &CapConfig) -> Vec<(SimTime, Action<CapCmd>)> {
        let (c1, c2) = (cfg.servers, cfg.servers + 1);
        let at = |ms: SimTime, a: Action<CapCmd>| (ms * MS, a);
        let w = |ms: SimTime, c| at(ms, Action::Command(c, CapCmd::Write));
        let r = |ms: SimTime, c| at(ms, Action::Command(c, CapCmd::Read));
        let split = at(300, Action::Partition(cfg.sides().to_vec()));
        match self {
            CapPreset::CpPartition => vec![
                w(100, c1),
                split,
                w(400, c2),
                w(400, c1),
                r(700, c2),
                r(700, c1),
                at(1_000, Action::HealAll),
                r(1_100, c2),
            ],
            CapPreset::ApLww | CapPreset::ApSiblings => {
                let mut s = vec![
                    w(100, c1),
                    split,
                    w(400, c2),
                    w(500, c1),
                    r(600, c1),
                    r(600, c2),
                    at(900, Action::HealAll),
                    r(1_200, c2),
                ];
                if self == CapPreset::ApSiblings {
                    s.push(w(1_300, c2));
                    s.push(r(1_500, c1));
                }
                s
            }
            CapPreset::Pacelc => vec![
                w(100, c1),
                r(100, c2),
                w(400, c2),
                r(400, c1),
                w(700, c1),
                r(700, c2),
            ],
        }
    }
}
