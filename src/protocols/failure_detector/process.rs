//! A monitored process: it sends the monitor a heartbeat every period, by its own clock.

use super::msg::{FdMsg, FdNote, FdTimer};
use super::node::{FdConfig, FdNode, MONITOR};
use crate::sim::Ctx;

/// A process that heartbeats (the "push" scheme of the course notes' 心跳 detector).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Process {
    /// Kept across crashes (on disk): a restarted process starts a new incarnation.
    incarnation: u64,
    /// Heartbeats sent in this incarnation.
    seq: u64,
}

impl Process {
    pub fn incarnation(&self) -> u64 {
        self.incarnation
    }
    pub fn sent(&self) -> u64 {
        self.seq
    }

    /// Boot (or reboot): a new incarnation, and the first heartbeat at once.
    pub fn start(&mut self, cfg: &FdConfig, cx: &mut Ctx<FdNode>) {
        self.incarnation += 1;
        self.seq = 0;
        self.beat(cfg, cx);
    }

    pub fn beat(&mut self, cfg: &FdConfig, cx: &mut Ctx<FdNode>) {
        self.seq += 1;
        cx.send(
            MONITOR,
            FdMsg::Heartbeat {
                incarnation: self.incarnation,
                seq: self.seq,
            },
        );
        cx.set_timer(FdTimer::Beat, cfg.period, cfg.period);
        if self.seq == 1 {
            cx.note(FdNote::Started {
                incarnation: self.incarnation,
            });
        }
    }

    /// Volatile state is lost; the incarnation number is not.
    pub fn crashed(&mut self) {
        self.seq = 0;
    }
}
