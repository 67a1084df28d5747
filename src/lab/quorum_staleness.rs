//! The quorum page's experiment: how often a read that starts the moment a write is
//! acknowledged misses it, for several (N, W, R) and latency spreads — measured on the
//! engine (one write by C1, then C2's read, per seeded trial) beside what the PBS
//! arithmetic computes for the same settings ([`crate::protocols::quorum::theory`]).

use super::Incremental;
use crate::protocols::quorum::theory::{missed_quorum, wars};
use crate::protocols::quorum::{QCmd, QConfig, QNode};
use crate::sim::{Action, NetConfig, SimTime, World, WorldConfig, MS, SEC};

/// One row: replicas, write and read quorums, one-way delay range (µs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Setting {
    pub n: usize,
    pub w: usize,
    pub r: usize,
    pub lo: SimTime,
    pub hi: SimTime,
}

/// The rows: partial quorums with narrow and wide spreads, and overlapping ones.
pub const SETTINGS: [Setting; 8] = [
    Setting {
        n: 3,
        w: 1,
        r: 1,
        lo: 10 * MS,
        hi: 15 * MS,
    },
    Setting {
        n: 3,
        w: 1,
        r: 1,
        lo: MS,
        hi: 100 * MS,
    },
    Setting {
        n: 3,
        w: 1,
        r: 2,
        lo: MS,
        hi: 100 * MS,
    },
    Setting {
        n: 5,
        w: 1,
        r: 1,
        lo: MS,
        hi: 100 * MS,
    },
    Setting {
        n: 5,
        w: 2,
        r: 2,
        lo: MS,
        hi: 100 * MS,
    },
    Setting {
        n: 5,
        w: 1,
        r: 3,
        lo: MS,
        hi: 100 * MS,
    },
    Setting {
        n: 3,
        w: 2,
        r: 2,
        lo: MS,
        hi: 100 * MS,
    },
    Setting {
        n: 5,
        w: 3,
        r: 3,
        lo: MS,
        hi: 100 * MS,
    },
];

/// WARS draws per row for the computed column.
pub const MODEL_DRAWS: usize = 200_000;

impl Setting {
    /// PBS's bound: the read misses a write that reached only W replicas.
    pub fn bound(&self) -> f64 {
        missed_quorum(self.n, self.w, self.r)
    }
    /// The WARS model's stale fraction for this row (fixed seed: the same on every run).
    pub fn model(&self) -> f64 {
        wars(
            self.n,
            self.w,
            self.r,
            self.lo,
            self.hi,
            MODEL_DRAWS,
            0x5EED,
        )
    }

    /// One trial on the engine: 1.0 if C2's read missed C1's acknowledged write.
    pub fn trial(&self, seed: u64) -> f64 {
        let cfg = QConfig {
            servers: self.n,
            n: self.n,
            w: self.w,
            r: self.r,
            // Never give up in the experiment: every write and read completes.
            timeout: 60 * SEC,
            ..QConfig::default()
        };
        let net = NetConfig {
            latency_min: self.lo,
            latency_max: self.hi,
            loss: 0.0,
            duplicate: 0.0,
        };
        let mut w = World::new(WorldConfig::batch(seed, net, false), QNode::cluster(&cfg));
        let (c1, c2) = (cfg.servers, cfg.servers + 1);
        w.apply(Action::Command(c1, QCmd::Write));
        let done = |w: &World<QNode>, c| {
            w.node(c)
                .client()
                .and_then(|c| c.history().last().cloned())
                .filter(|o| o.respond.is_some())
        };
        while done(&w, c1).is_none() && w.step() {}
        // The read starts the moment the write is acknowledged.
        w.apply(Action::Command(c2, QCmd::Read));
        while done(&w, c2).is_none() && w.step() {}
        match (
            done(&w, c1).and_then(|o| o.version),
            done(&w, c2).and_then(|o| o.version),
        ) {
            (Some(wrote), Some(read)) => f64::from(u8::from(read < wrote)),
            _ => f64::NAN,
        }
    }
}

/// The experiment run a slice at a time (see [`Incremental`]).
#[derive(Clone, Debug)]
pub struct Staleness {
    pub trials: usize,
    pub seed: u64,
    pub results: Vec<Vec<f64>>,
}

impl Staleness {
    pub fn new(trials: usize, seed: u64) -> Staleness {
        Staleness {
            trials,
            seed,
            results: vec![Vec::new(); SETTINGS.len()],
        }
    }
    /// The measured stale fraction per row (rows with results).
    pub fn measured(&self, row: usize) -> Option<f64> {
        let r = &self.results[row];
        (!r.is_empty()).then(|| r.iter().sum::<f64>() / r.len() as f64)
    }
    pub fn csv(&self, model: &[f64]) -> String {
        let mut s = String::from(
            "N,W,R,latency_min_ms,latency_max_ms,trials,measured_stale,wars_model,pbs_bound\n",
        );
        for (i, st) in SETTINGS.iter().enumerate() {
            s.push_str(&format!(
                "{},{},{},{},{},{},{},{},{}\n",
                st.n,
                st.w,
                st.r,
                st.lo / MS,
                st.hi / MS,
                self.results[i].len(),
                self.measured(i)
                    .map_or(String::new(), |m| crate::decimal::fixed(m, 4)),
                model
                    .get(i)
                    .map_or(String::new(), |m| crate::decimal::fixed(*m, 4)),
                crate::decimal::fixed(st.bound(), 4),
            ));
        }
        s
    }
}

impl Incremental for Staleness {
    type Outcome = f64;
    fn points(&self) -> usize {
        SETTINGS.len()
    }
    fn trials(&self) -> usize {
        self.trials
    }
    fn seed(&self) -> u64 {
        self.seed
    }
    fn results(&self) -> &[Vec<f64>] {
        &self.results
    }
    fn results_mut(&mut self) -> &mut Vec<Vec<f64>> {
        &mut self.results
    }
    fn run_trial(&self, point: usize, seed: u64) -> f64 {
        SETTINGS[point].trial(seed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_engine_measures_what_the_wars_model_computes() {
        // 1,500 trials per row; each row's measured fraction may differ from the model's by
        // four standard errors of a proportion (plus the model's own sampling error).
        let mut e = Staleness::new(1_500, 3);
        while e.run_some(1_000) > 0 {}
        for (i, st) in SETTINGS.iter().enumerate() {
            let m = e.measured(i).unwrap();
            let p = wars(st.n, st.w, st.r, st.lo, st.hi, 50_000, 0x5EED);
            let se = (p * (1.0 - p) / 1_500.0).sqrt();
            assert!(
                (m - p).abs() <= 4.0 * se + 0.01,
                "{st:?}: measured {m}, model {p}"
            );
            if st.w + st.r > st.n {
                assert_eq!(m, 0.0, "{st:?}: overlapping quorums never read stale");
            }
            assert!(m <= st.bound() + 4.0 * se + 0.01);
        }
        // The wide spread's partial quorum reads stale often enough to see.
        assert!(e.measured(1).unwrap() > 0.1);
    }
}
