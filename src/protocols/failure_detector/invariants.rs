//! The page's judge, which knows what the monitor cannot: whether a suspected process had
//! really crashed. It watches the monitor's suspicions against the processes' true state
//! (in true time) and counts, for each detector,
//!
//! - **false suspicions** — a live process suspected (it was slow, its heartbeats were
//!   lost, or it was paused: alive all the same), and
//! - **detection times** — from a real crash to the detector's suspicion of it
//!   (Chen, Toueg & Aguilera's T_D).
//!
//! Its rule is Chandra & Toueg's **accuracy**: no live process is ever suspected. Every
//! detector in an asynchronous system breaks it sooner or later; how often, against how
//! fast it detects real crashes, is the trade-off the page measures. Each detector's first
//! false suspicion is reported (the banner gives each detector's verdict), and false
//! suspicions raised while φ's window is still learning new network conditions (after each
//! change of them) are counted apart ([`FdOracle::learnt_count`]).

use super::msg::Detector;
use super::node::{FdNode, MONITOR};
use crate::sim::Detail;
use crate::sim::{Monitor, NodeId, SimTime, Violation, MS};

/// A violation sentence ([`Detail`]): the values go where `{0}`, `{1}`… stand.
pub const TIMEOUT_SUSPECTS_LIVE: &str = "the timeout detector suspects {0}, which is alive";
/// A violation sentence ([`Detail`]): the values go where `{0}`, `{1}`… stand.
pub const PHI_SUSPECTS_LIVE: &str = "the φ detector suspects {0}, which is alive";

pub const ACCURACY: &str = "accuracy: no live process is suspected";

/// A real crash of a process, and how long each detector took to suspect it.
#[derive(Clone, Debug, PartialEq)]
pub struct Crash {
    pub process: NodeId,
    pub at: SimTime,
    /// When it restarted, if it did.
    pub back: Option<SimTime>,
    /// Per detector: the time from the crash to the suspicion (zero if it was already
    /// suspected), none while not (yet) detected.
    pub detected: [Option<SimTime>; 2],
}

/// A suspicion of a live process.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FalseSuspicion {
    pub process: NodeId,
    pub by: Detector,
    pub at: SimTime,
}

#[derive(Clone, Debug, Default)]
pub struct FdOracle {
    was_alive: Vec<bool>,
    suspected: Vec<[bool; 2]>,
    crashes: Vec<Crash>,
    false_suspicions: Vec<FalseSuspicion>,
    now: SimTime,
    /// Per detector: its first false suspicion was reported.
    reported: [bool; 2],
}

/// Whether `at` falls in one of φ's learning windows: the time after a change of the
/// network's conditions at one of `changes`, as long as φ's window takes to fill with
/// intervals of the new conditions (its size × the period). (At the start φ's window is
/// seeded with the period, which a calm network matches.)
pub fn while_learning(at: SimTime, changes: &[SimTime], span: SimTime) -> bool {
    changes.iter().any(|&c| c <= at && at < c + span)
}

impl FdOracle {
    pub fn crashes(&self) -> &[Crash] {
        &self.crashes
    }
    pub fn false_suspicions(&self) -> &[FalseSuspicion] {
        &self.false_suspicions
    }
    /// False suspicions by `by` so far.
    pub fn false_count(&self, by: Detector) -> usize {
        self.false_suspicions.iter().filter(|f| f.by == by).count()
    }
    /// False suspicions by `by` raised once φ had learnt the network's new conditions:
    /// after its first change, and outside every learning window ([`while_learning`]).
    /// 0 before a change.
    pub fn learnt_count(&self, by: Detector, changes: &[SimTime], span: SimTime) -> usize {
        let Some(&first) = changes.first() else {
            return 0;
        };
        self.false_suspicions
            .iter()
            .filter(|f| f.by == by && f.at >= first && !while_learning(f.at, changes, span))
            .count()
    }
    /// False suspicions by `by` per hour of the run so far (none before a second has passed).
    pub fn false_per_hour(&self, by: Detector) -> Option<f64> {
        (self.now >= crate::sim::SEC)
            .then(|| self.false_count(by) as f64 * 3_600_000.0 / (self.now as f64 / MS as f64))
    }
    /// Detection times of `by` (ms), one per detected crash.
    pub fn detections_ms(&self, by: Detector) -> Vec<f64> {
        self.crashes
            .iter()
            .filter_map(|c| c.detected[by.index()])
            .map(|d| d as f64 / MS as f64)
            .collect()
    }
    /// The mean detection time of `by` (ms), if it detected any crash.
    pub fn mean_detection_ms(&self, by: Detector) -> Option<f64> {
        let d = self.detections_ms(by);
        (!d.is_empty()).then(|| d.iter().sum::<f64>() / d.len() as f64)
    }
    /// Crashes `by` never suspected before the process came back.
    pub fn missed(&self, by: Detector) -> usize {
        self.crashes
            .iter()
            .filter(|c| c.back.is_some() && c.detected[by.index()].is_none())
            .count()
    }
}

impl Monitor<FdNode> for FdOracle {
    fn check(&mut self, now: SimTime, nodes: &[&FdNode], alive: &[bool], out: &mut Vec<Violation>) {
        self.now = now;
        if self.was_alive.len() != nodes.len() {
            self.was_alive = alive.to_vec();
            self.suspected = vec![[false; 2]; nodes.len()];
        }
        let monitor = if alive[MONITOR] {
            nodes[MONITOR].monitor()
        } else {
            None
        };
        // `p` indexes the liveness, suspicion and crash records of each watched process.
        #[allow(clippy::needless_range_loop)]
        for p in 1..nodes.len() {
            if self.was_alive[p] && !alive[p] {
                let detected = self.suspected[p].map(|s| s.then_some(0));
                self.crashes.push(Crash {
                    process: p,
                    at: now,
                    back: None,
                    detected,
                });
            }
            if !self.was_alive[p] && alive[p] {
                if let Some(c) = self.crashes.iter_mut().rev().find(|c| c.process == p) {
                    c.back = Some(now);
                }
            }
            self.was_alive[p] = alive[p];
            for by in Detector::BOTH {
                let s = monitor.is_some_and(|m| m.is_suspected(p, by));
                let began = s && !self.suspected[p][by.index()];
                self.suspected[p][by.index()] = s;
                if !began {
                    continue;
                }
                if alive[p] {
                    self.false_suspicions.push(FalseSuspicion {
                        process: p,
                        by,
                        at: now,
                    });
                    if !self.reported[by.index()] {
                        self.reported[by.index()] = true;
                        let cfg = nodes[MONITOR].config();
                        out.push(Violation {
                            rule: ACCURACY,
                            nodes: vec![MONITOR, p],
                            at: now,
                            detail: Detail::new(
                                match by {
                                    Detector::Timeout => TIMEOUT_SUSPECTS_LIVE,
                                    Detector::Phi => PHI_SUSPECTS_LIVE,
                                },
                                vec![cfg.name(p).to_string()],
                            ),
                        });
                    }
                } else if let Some(c) = self.crashes.iter_mut().rev().find(|c| c.process == p) {
                    if c.detected[by.index()].is_none() {
                        c.detected[by.index()] = Some(now - c.at);
                    }
                }
            }
        }
    }
}
