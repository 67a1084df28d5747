//! A node's local clock: what a real machine's clock reads, not true time.
//!
//! `local = base_local + (true − base_true) × (1 + drift)`: a quartz clock runs a little
//! fast or slow (drift, in parts per million), starts off by some offset, and can be
//! stepped forward or backward (a clock jump: NTP correcting it, an operator setting
//! it). Timers a protocol sets run on this clock: "in 100 ms" means when the local clock
//! has advanced by 100 ms, so a fast clock fires them early, and a jump forward fires
//! at once every timer it jumps past (the way a lease kept as a wall-clock deadline
//! expires when the clock is stepped).

use super::time::SimTime;

/// A clock's setting in a scenario: drift and offset at time 0.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct ClockSpec {
    /// Parts per million: +50,000 runs 5 % fast, −50,000 5 % slow (clamped to ±500,000).
    pub drift_ppm: i64,
    /// Microseconds the clock reads ahead of true time at time 0 (negative: behind).
    pub offset: i64,
}

/// The most a clock's rate may differ from true time (±50 %).
pub const MAX_DRIFT_PPM: i64 = 500_000;

/// A running local clock (see the module's doc).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LocalClock {
    base_true: SimTime,
    base_local: i64,
    /// 1,000,000 + drift in ppm: local microseconds per million true ones.
    rate: i64,
}

impl Default for LocalClock {
    fn default() -> Self {
        LocalClock::new(ClockSpec::default())
    }
}

impl LocalClock {
    pub fn new(spec: ClockSpec) -> Self {
        LocalClock {
            base_true: 0,
            base_local: spec.offset,
            rate: 1_000_000 + spec.drift_ppm.clamp(-MAX_DRIFT_PPM, MAX_DRIFT_PPM),
        }
    }

    /// Whether it reads true time exactly (no drift, no offset, never jumped).
    pub fn is_perfect(&self) -> bool {
        self.rate == 1_000_000 && self.base_local == self.base_true as i64
    }

    /// Drift in parts per million.
    pub fn drift_ppm(&self) -> i64 {
        self.rate - 1_000_000
    }

    /// What the clock reads at true time `t` (≥ the last jump), in microseconds; it may be
    /// negative after a jump backward near the start.
    pub fn read(&self, t: SimTime) -> i64 {
        let dt = t.saturating_sub(self.base_true) as i128;
        self.base_local + (dt * self.rate as i128 / 1_000_000) as i64
    }

    /// What the clock reads at `t`, as a time (negative readings read 0).
    pub fn time(&self, t: SimTime) -> SimTime {
        self.read(t).max(0) as SimTime
    }

    /// The earliest true time at or after `now` when the clock reads at least `local`.
    pub fn when_reads(&self, local: i64, now: SimTime) -> SimTime {
        let ahead = local - self.read(now);
        if ahead <= 0 {
            return now;
        }
        // The true time this clock needs to advance by `ahead`, rounded up.
        let dt = (ahead as i128 * 1_000_000 + self.rate as i128 - 1) / self.rate as i128;
        let t = now + dt as SimTime;
        // Rounding: step forward until it does read `local` (at most a microsecond or two).
        (t..t + 4).find(|&x| self.read(x) >= local).unwrap_or(t + 4)
    }

    /// Step the clock by `delta` microseconds at true time `t` (forward or backward).
    pub fn jump(&mut self, t: SimTime, delta: i64) {
        self.base_local = self.read(t) + delta;
        self.base_true = t;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::MS;

    #[test]
    fn drift_offset_and_jumps() {
        let c = LocalClock::new(ClockSpec {
            drift_ppm: 100_000,
            offset: 5 * MS as i64,
        });
        assert_eq!(c.read(0), 5_000);
        assert_eq!(c.read(1_000 * MS), 1_105_000, "10 % fast plus 5 ms");
        // A timer of 110 local ms set at true 0 fires after 100 true ms.
        assert_eq!(c.when_reads(c.read(0) + 110_000, 0), 100 * MS);
        let mut j = LocalClock::default();
        assert!(j.is_perfect());
        j.jump(50 * MS, -(30 * MS as i64));
        assert_eq!(j.read(50 * MS), 20_000);
        assert_eq!(j.read(80 * MS), 50_000);
        assert!(!j.is_perfect());
        assert_eq!(j.when_reads(50_000, 50 * MS), 80 * MS);
        for ppm in [-MAX_DRIFT_PPM, -333_333, -7, 0, 13, 250_001, MAX_DRIFT_PPM] {
            let c = LocalClock::new(ClockSpec {
                drift_ppm: ppm,
                offset: -3,
            });
            for target in [1, 999, 123_457, 10_000_001] {
                let t = c.when_reads(target, 0);
                assert!(
                    c.read(t) >= target && (t == 0 || c.read(t - 1) < target),
                    "{ppm} {target}"
                );
            }
        }
    }
}
