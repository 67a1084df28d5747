//! The failure-detector page's experiment: the trade-off between detecting a crash fast
//! and suspecting a live process wrongly (Chen, Toueg & Aguilera 2002's detection time
//! T_D against mistake rate), for the fixed timeout and for φ accrual, measured on the
//! engine with the page's heartbeat period, latency spread and loss.
//!
//! Point `i` of the sweep runs both detectors on the same heartbeats: the timeout at
//! [`TIMEOUTS`]`[i]` periods, φ with threshold [`THRESHOLDS`]`[i]`. A trial is one process
//! heartbeating for a while (the first [`WARMUP`] periods are not counted: φ's window
//! fills), then crashing at a random moment; it yields the false suspicions while alive
//! and each detector's time to suspect the crash.

use super::Incremental;
use crate::protocols::failure_detector::{Detector, FdConfig, FdNode, FdOracle};
use crate::sim::{Action, NetConfig, SimTime, World, WorldConfig, MS};

/// The fixed timeout's sweep, in heartbeat periods.
pub const TIMEOUTS: [f64; 8] = [1.25, 1.5, 2.0, 2.5, 3.0, 4.0, 6.0, 10.0];
/// φ's threshold sweep.
pub const THRESHOLDS: [f64; 8] = [0.5, 1.0, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0];
/// Periods at the start of a trial whose suspicions are not counted.
pub const WARMUP: u64 = 100;
/// The crash comes at a uniform moment between these many periods.
pub const CRASH_BETWEEN: (u64, u64) = (400, 500);
/// Periods the run goes on after the crash (time to detect it).
pub const AFTER: u64 = 100;

/// What one trial measured.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Outcome {
    /// Alive time counted (ms): from the warm-up's end to the crash.
    pub alive_ms: f64,
    /// False suspicions per detector in that time.
    pub false_suspicions: [u32; 2],
    /// Time from the crash to each detector's suspicion (ms), if it came.
    pub detection_ms: [Option<f64>; 2],
}

/// The sweep's fixed conditions (the page's network and heartbeat settings).
#[derive(Clone, Debug, PartialEq)]
pub struct Conditions {
    pub period: SimTime,
    pub window: usize,
    pub net: NetConfig,
}

impl Conditions {
    /// The detectors' settings at point `i`.
    pub fn config(&self, i: usize) -> FdConfig {
        FdConfig {
            processes: 1,
            period: self.period,
            timeout: (self.period as f64 * TIMEOUTS[i]).round() as SimTime,
            threshold: THRESHOLDS[i],
            window: self.window,
        }
    }

    /// One trial at point `i`.
    pub fn trial(&self, i: usize, seed: u64) -> Outcome {
        let cfg = self.config(i);
        let mut w = World::new(
            WorldConfig::batch(seed, self.net.clone(), true),
            FdNode::cluster(&cfg),
        );
        let (lo, hi) = CRASH_BETWEEN;
        let crash_at =
            self.period * lo + crate::sim::rng::mix(seed ^ 0xC4A5) % (self.period * (hi - lo));
        w.schedule(crash_at, Action::Crash(1));
        w.run_until(crash_at + AFTER * self.period);
        let oracle: &FdOracle = w.monitor();
        let warm = WARMUP * self.period;
        let mut false_suspicions = [0u32; 2];
        for f in oracle.false_suspicions().iter().filter(|f| f.at >= warm) {
            false_suspicions[f.by.index()] += 1;
        }
        let crash = oracle.crashes().first();
        Outcome {
            alive_ms: (crash_at - warm) as f64 / MS as f64,
            false_suspicions,
            detection_ms: Detector::BOTH.map(|by| {
                crash
                    .and_then(|c| c.detected[by.index()])
                    .map(|d| d as f64 / MS as f64)
            }),
        }
    }
}

/// One detector's summary at one point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary {
    /// Mean detection time (ms) over the crashes it detected.
    pub detection_ms: Option<f64>,
    /// False suspicions per hour of alive time.
    pub false_per_hour: f64,
    /// Crashes it had not suspected when the trial ended.
    pub missed: usize,
}

/// The sweep, run a slice at a time (see [`Incremental`]).
#[derive(Clone, Debug)]
pub struct TradeOff {
    pub conditions: Conditions,
    pub trials: usize,
    pub seed: u64,
    pub results: Vec<Vec<Outcome>>,
}

impl TradeOff {
    pub fn new(conditions: Conditions, trials: usize, seed: u64) -> TradeOff {
        TradeOff {
            conditions,
            trials,
            seed,
            results: vec![Vec::new(); TIMEOUTS.len()],
        }
    }

    /// Detector `by`'s summary at point `i` (none before its first trial).
    pub fn summary(&self, i: usize, by: Detector) -> Option<Summary> {
        let r = &self.results[i];
        if r.is_empty() {
            return None;
        }
        let k = by.index();
        let detected: Vec<f64> = r.iter().filter_map(|o| o.detection_ms[k]).collect();
        let alive_h = r.iter().map(|o| o.alive_ms).sum::<f64>() / 3_600_000.0;
        let false_n: u32 = r.iter().map(|o| o.false_suspicions[k]).sum();
        Some(Summary {
            detection_ms: (!detected.is_empty())
                .then(|| detected.iter().sum::<f64>() / detected.len() as f64),
            false_per_hour: false_n as f64 / alive_h,
            missed: r.len() - detected.len(),
        })
    }

    /// The setting of point `i` as the page shows it: "250 ms" or "Φ 8".
    pub fn setting(&self, i: usize, by: Detector) -> f64 {
        match by {
            Detector::Timeout => self.conditions.config(i).timeout as f64 / MS as f64,
            Detector::Phi => THRESHOLDS[i],
        }
    }

    pub fn csv(&self) -> String {
        let c = &self.conditions;
        let mut s = String::from(
            "detector,setting,period_ms,latency_min_ms,latency_max_ms,loss,trials,mean_detection_ms,false_suspicions_per_hour,missed\n",
        );
        for by in Detector::BOTH {
            for i in 0..TIMEOUTS.len() {
                let Some(sum) = self.summary(i, by) else {
                    continue;
                };
                s.push_str(&format!(
                    "{},{},{},{},{},{},{},{},{},{}\n",
                    match by {
                        Detector::Timeout => "timeout_ms",
                        Detector::Phi => "phi_threshold",
                    },
                    crate::decimal::fixed(self.setting(i, by), 2),
                    c.period / MS,
                    c.net.latency_min / MS,
                    c.net.latency_max / MS,
                    crate::decimal::fixed(c.net.loss, 3),
                    self.results[i].len(),
                    sum.detection_ms
                        .map_or(String::new(), |d| crate::decimal::fixed(d, 1)),
                    crate::decimal::fixed(sum.false_per_hour, 2),
                    sum.missed,
                ));
            }
        }
        s
    }
}

impl Incremental for TradeOff {
    type Outcome = Outcome;
    fn points(&self) -> usize {
        TIMEOUTS.len()
    }
    fn trials(&self) -> usize {
        self.trials
    }
    fn seed(&self) -> u64 {
        self.seed
    }
    fn results(&self) -> &[Vec<Outcome>] {
        &self.results
    }
    fn results_mut(&mut self) -> &mut Vec<Vec<Outcome>> {
        &mut self.results
    }
    fn run_trial(&self, point: usize, seed: u64) -> Outcome {
        self.conditions.trial(point, seed)
    }
}
