//! The monitor: it receives every process's heartbeats and runs two failure detectors on
//! them, side by side — a **fixed timeout** (suspect when nothing came for `timeout`) and
//! the **φ accrual detector** (suspect when φ passes the threshold; [`super::phi`]). Both
//! are unreliable in the sense of Chandra & Toueg (1996): a suspicion is a guess, withdrawn
//! when a heartbeat arrives. Everything is measured on the monitor's own clock.

use std::collections::VecDeque;

use super::msg::{Detector, FdNote, FdTimer};
use super::node::{FdConfig, FdNode};
use super::phi::{crossing, phi, Window};
use crate::sim::{Ctx, NodeId, SimTime, MS};

/// Heartbeat arrivals kept per process for the page's plot.
pub const KEPT_ARRIVALS: usize = 600;

/// One heartbeat as the monitor received it, with the window's estimate right after it
/// (what φ is computed from until the next heartbeat).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Arrival {
    /// The monitor's local time.
    pub at: SimTime,
    pub incarnation: u64,
    pub seq: u64,
    /// Since the previous heartbeat of the same incarnation (ms); none for the first.
    pub interval: Option<f64>,
    pub mean: f64,
    pub std: f64,
}

/// Suspicion spans kept per process for the page's plot.
pub const KEPT_SPANS: usize = 200;

/// A suspicion by one detector, on the monitor's clock; `to` is when a heartbeat withdrew
/// it (none while it lasts).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Span {
    pub by: Detector,
    pub from: SimTime,
    pub to: Option<SimTime>,
}

/// What the monitor knows of one process.
#[derive(Clone, Debug, PartialEq)]
pub struct Track {
    window: Window,
    last: Option<(u64, u64)>,
    arrivals: VecDeque<Arrival>,
    suspected: [bool; 2],
    /// When each detector began its current suspicion (monitor's local time).
    since: [Option<SimTime>; 2],
    /// Suspicions each detector has raised.
    raised: [u64; 2],
    /// The latest suspicions, oldest first.
    spans: VecDeque<Span>,
}

impl Track {
    fn new(cfg: &FdConfig) -> Self {
        Track {
            window: Window::seeded(cfg.window, cfg.period_ms(), cfg.min_std_ms()),
            last: None,
            arrivals: VecDeque::new(),
            suspected: [false; 2],
            since: [None; 2],
            raised: [0; 2],
            spans: VecDeque::new(),
        }
    }
    pub fn arrivals(&self) -> &VecDeque<Arrival> {
        &self.arrivals
    }
    pub fn window(&self) -> &Window {
        &self.window
    }
    pub fn suspected(&self, by: Detector) -> bool {
        self.suspected[by.index()]
    }
    pub fn since(&self, by: Detector) -> Option<SimTime> {
        self.since[by.index()]
    }
    pub fn raised(&self, by: Detector) -> u64 {
        self.raised[by.index()]
    }
    pub fn spans(&self) -> &VecDeque<Span> {
        &self.spans
    }
    pub fn last_arrival(&self) -> Option<&Arrival> {
        self.arrivals.back()
    }

    /// φ at the monitor's local time `at` (none before the first heartbeat, or for a
    /// moment before the oldest kept heartbeat).
    pub fn phi_at(&self, at: SimTime) -> Option<f64> {
        let i = self.arrivals.partition_point(|a| a.at <= at);
        let a = self.arrivals.get(i.checked_sub(1)?)?;
        Some(phi((at - a.at) as f64 / MS as f64, a.mean, a.std))
    }
}

/// The monitor node's state: one [`Track`] per process (index = node id − 1).
#[derive(Clone, Debug, PartialEq)]
pub struct Monitor {
    tracks: Vec<Track>,
    /// When it (re)started, on its clock: what a process is judged from until its first
    /// heartbeat arrives.
    started: SimTime,
}

/// Arm both detectors for process `p`, as of now on the monitor's clock: the fixed timeout
/// suspects it if nothing more comes within `timeout`; φ accrual at the moment φ would reach
/// the threshold with the estimate (`mean`, `std`, ms), if nothing more comes.
fn arm(cfg: &FdConfig, p: NodeId, mean: f64, std: f64, cx: &mut Ctx<FdNode>) {
    cx.set_timer(FdTimer::Timeout(p), cfg.timeout, cfg.timeout);
    let at = (crossing(cfg.threshold, mean, std) * MS as f64).round() as SimTime;
    cx.set_timer(FdTimer::Phi(p), at, at);
}

impl Monitor {
    pub fn new(cfg: &FdConfig) -> Self {
        Monitor {
            tracks: (0..cfg.processes).map(|_| Track::new(cfg)).collect(),
            started: 0,
        }
    }

    /// The monitor (re)starts: it watches every process from now, as if each had just sent
    /// a heartbeat (the estimate seeded with the period, as Akka's first-heartbeat
    /// estimate does). Without this, a monitor that restarts after a process crashed would
    /// wait for a first heartbeat that never comes and never suspect it — completeness
    /// (Chandra & Toueg: every crashed process is eventually suspected) would fail.
    pub fn start(&mut self, cfg: &FdConfig, cx: &mut Ctx<FdNode>) {
        self.started = cx.local;
        for (i, t) in self.tracks.iter().enumerate() {
            arm(cfg, i + 1, t.window.mean(), t.window.std(), cx);
        }
    }

    /// Process `p`'s track (`p` ≥ 1).
    pub fn track(&self, p: NodeId) -> Option<&Track> {
        self.tracks.get(p.checked_sub(1)?)
    }

    pub fn is_suspected(&self, p: NodeId, by: Detector) -> bool {
        self.track(p).is_some_and(|t| t.suspected(by))
    }

    pub fn on_heartbeat(
        &mut self,
        cfg: &FdConfig,
        from: NodeId,
        incarnation: u64,
        seq: u64,
        cx: &mut Ctx<FdNode>,
    ) {
        let Some(t) = from.checked_sub(1).and_then(|i| self.tracks.get_mut(i)) else {
            return;
        };
        let now = cx.local;
        // A heartbeat older than one already seen (overtaken on the network) says nothing new.
        if t.last.is_some_and(|l| (incarnation, seq) <= l) {
            return;
        }
        let restarted = t.last.is_some_and(|(inc, _)| incarnation > inc);
        if restarted {
            // A new incarnation: the old one's intervals (and the gap of its crash) would
            // only distort the estimate — start again from the period.
            t.window = Window::seeded(cfg.window, cfg.period_ms(), cfg.min_std_ms());
            cx.note(FdNote::Restarted {
                process: from,
                incarnation,
            });
        }
        let previous = t
            .arrivals
            .back()
            .filter(|a| a.incarnation == incarnation)
            .map(|a| a.at);
        let interval = previous.map(|p| now.saturating_sub(p) as f64 / MS as f64);
        if let Some(i) = interval {
            t.window.push(i);
        }
        t.last = Some((incarnation, seq));
        let (mean, std) = (t.window.mean(), t.window.std());
        if t.arrivals.len() == KEPT_ARRIVALS {
            t.arrivals.pop_front();
        }
        t.arrivals.push_back(Arrival {
            at: now,
            incarnation,
            seq,
            interval,
            mean,
            std,
        });
        // Any suspicion is withdrawn: the process was alive after all (or is again).
        let late = t
            .arrivals
            .iter()
            .rev()
            .nth(1)
            .map_or(0, |a| now.saturating_sub(a.at) / MS);
        for by in Detector::BOTH {
            if t.suspected[by.index()] {
                t.suspected[by.index()] = false;
                t.since[by.index()] = None;
                if let Some(s) = t
                    .spans
                    .iter_mut()
                    .rev()
                    .find(|s| s.by == by && s.to.is_none())
                {
                    s.to = Some(now);
                }
                cx.note(FdNote::Trusted {
                    process: from,
                    by,
                    late_ms: late,
                });
            }
        }
        arm(cfg, from, mean, std, cx);
    }

    pub fn on_timer(&mut self, timer: FdTimer, cx: &mut Ctx<FdNode>) {
        let (p, by) = match timer {
            FdTimer::Timeout(p) => (p, Detector::Timeout),
            FdTimer::Phi(p) => (p, Detector::Phi),
            FdTimer::Beat => return,
        };
        let started = self.started;
        let Some(t) = p.checked_sub(1).and_then(|i| self.tracks.get_mut(i)) else {
            return;
        };
        // Since the last heartbeat, or since the monitor started if none came.
        let (from, mean, std) = t
            .arrivals
            .back()
            .map_or((started, t.window.mean(), t.window.std()), |a| {
                (a.at, a.mean, a.std)
            });
        let elapsed = cx.local.saturating_sub(from);
        let phi_now = phi(elapsed as f64 / MS as f64, mean, std);
        t.suspected[by.index()] = true;
        t.since[by.index()] = Some(cx.local);
        t.raised[by.index()] += 1;
        if t.spans.len() == KEPT_SPANS {
            t.spans.pop_front();
        }
        t.spans.push_back(Span {
            by,
            from: cx.local,
            to: None,
        });
        cx.note(FdNote::Suspected {
            process: p,
            by,
            elapsed_ms: elapsed / MS,
            phi_tenths: (phi_now * 10.0).round() as u64,
        });
    }

    /// A crashed monitor forgets everything it measured.
    pub fn crashed(&mut self, cfg: &FdConfig) {
        *self = Monitor::new(cfg);
    }
}
