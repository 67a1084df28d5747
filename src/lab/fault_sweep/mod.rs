//! One way to run a sweep: random fault schedules over many seeds, for every protocol that
//! runs on the engine. What `cargo run --release --bin sweep` runs, and what each
//! protocol's tests run a slice of.
//!
//! A [`Target`] is one protocol under one fault model, built from the same parts: a world
//! (the protocol's cluster on a network that may lose and duplicate messages, clocks that
//! drift where the model has them), the engine's fault scheduler ([`crate::sim::Chaos`],
//! with its faults kept to a role where the model says so), the protocol's own monitors,
//! and the checks the monitors cannot make from one moment (liveness after healing, a
//! failure detector's completeness). The safe targets must show no broken rule on any seed;
//! the "break it" targets (a protocol with a safeguard switched off, or outside its
//! assumptions) must be caught on at least [`MIN_CATCH_RATE`] of the seeds, so the page's
//! switch is a lesson and not a rumour.

mod commit;
mod consensus;
mod replication;
mod spread;
mod time;

pub use commit::{commit_chaos, two_pc_run};
pub use consensus::{commit_everywhere, paxos_run};
pub use replication::{cap_run, ps_run, quorum_run};
pub use time::{lock_run, redlock_faults, redlock_run, snowflake_run, COMPLETENESS};

use crate::sim::{ClockSpec, NetConfig, Protocol, World, WorldConfig};

/// What a target's monitors must do over the seeds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// No rule broken on any seed.
    Safe,
    /// A "break it" switch or a broken assumption: caught on at least [`MIN_CATCH_RATE`]
    /// of the seeds.
    Caught,
}

/// The least share of seeds a "break it" target must be caught on.
pub const MIN_CATCH_RATE: f64 = 0.01;

/// A protocol under a fault model.
#[derive(Clone, Copy, Debug)]
pub struct Target {
    /// Unique, e.g. `raft (break it: no persistence)`; a command-line prefix selects it.
    pub name: &'static str,
    /// The page the protocol is taught on (its slug).
    pub page: &'static str,
    pub expect: Expect,
    /// The fault model, in a line.
    pub faults: &'static str,
    run: fn(u64) -> Trial,
}

impl Target {
    /// Run one seed.
    pub fn run(&self, seed: u64) -> Trial {
        (self.run)(seed)
    }

    pub fn safe(&self) -> bool {
        self.expect == Expect::Safe
    }

    /// Whether `caught` seeds of `seeds` is what this target must show.
    pub fn verdict(&self, caught: u64, seeds: u64) -> bool {
        match self.expect {
            Expect::Safe => caught == 0,
            Expect::Caught => caught as f64 >= MIN_CATCH_RATE * seeds as f64 && caught > 0,
        }
    }
}

const fn target(
    name: &'static str,
    page: &'static str,
    expect: Expect,
    faults: &'static str,
    run: fn(u64) -> Trial,
) -> Target {
    Target {
        name,
        page,
        expect,
        faults,
        run,
    }
}

use Expect::{Caught, Safe};

/// Every target, by chapter.
pub const TARGETS: &[Target] = &[
    target("raft", "raft", Safe, consensus::RAFT, |s| {
        consensus::raft(s, true)
    }),
    target(
        "raft (break it: no persistence)",
        "raft",
        Caught,
        consensus::RAFT,
        |s| consensus::raft(s, false),
    ),
    target("paxos", "paxos", Safe, consensus::PAXOS, |s| {
        consensus::paxos(s, true)
    }),
    target(
        "paxos (break it: forgetful acceptors)",
        "paxos",
        Caught,
        consensus::PAXOS,
        |s| consensus::paxos(s, false),
    ),
    target("2pc", "2pc", Safe, commit::TWO_PC, commit::two_pc),
    target("3pc (synchrony kept)", "3pc", Safe, commit::THREE_PC, |s| {
        commit::three_pc(s, false)
    }),
    target(
        "3pc (break it: partitions)",
        "3pc",
        Caught,
        commit::THREE_PC_CUTS,
        |s| commit::three_pc(s, true),
    ),
    target(
        "primary-secondary (sync, semi-sync)",
        "primary-secondary",
        Safe,
        replication::PS,
        |s| replication::ps(s, false),
    ),
    target(
        "primary-secondary (break it: acknowledge before copying)",
        "primary-secondary",
        Caught,
        replication::PS,
        |s| replication::ps(s, true),
    ),
    target(
        "quorum (W + R > N)",
        "quorum",
        Safe,
        replication::QUORUM,
        |s| replication::quorum(s, false),
    ),
    target(
        "quorum (break it: first reply wins)",
        "quorum",
        Caught,
        replication::QUORUM,
        |s| replication::quorum(s, true),
    ),
    target("cap (CP)", "cap", Safe, replication::CAP, |s| {
        replication::cap(s, false)
    }),
    target(
        "cap (break it: the minority accepts)",
        "cap",
        Caught,
        replication::CAP,
        |s| replication::cap(s, true),
    ),
    target(
        "gossip (push-pull reaches everyone)",
        "gossip",
        Safe,
        spread::GOSSIP,
        spread::gossip,
    ),
    target(
        "failure detector (completeness, monitor faults too)",
        "failure-detector",
        Safe,
        time::FD,
        time::failure_detector,
    ),
    target(
        "lease (clocks within the bound)",
        "lease",
        Safe,
        time::LEASE,
        |s| time::lease(s, false),
    ),
    target(
        "lease (break it: clocks beyond the bound)",
        "lease",
        Caught,
        time::LEASE,
        |s| time::lease(s, true),
    ),
    target("lock (fencing)", "lock", Safe, time::LOCK, |s| {
        time::lock(s, true)
    }),
    target(
        "lock (break it: no fencing)",
        "lock",
        Caught,
        time::LOCK,
        |s| time::lock(s, false),
    ),
    target(
        "redlock (good clocks, no pauses)",
        "redlock",
        Safe,
        time::REDLOCK,
        |s| time::redlock(s, false),
    ),
    target(
        "redlock (break it: clock jumps)",
        "redlock",
        Caught,
        time::REDLOCK_JUMPS,
        |s| time::redlock(s, true),
    ),
    target(
        "redlock (consensus lock with fencing)",
        "redlock",
        Safe,
        time::CONSENSUS_LOCK,
        time::consensus_lock,
    ),
    target(
        "snowflake (wait, refuse, logical)",
        "snowflake",
        Safe,
        time::SNOWFLAKE,
        |s| time::snowflake(s, false),
    ),
    target(
        "snowflake (break it: ignore the step back)",
        "snowflake",
        Caught,
        time::SNOWFLAKE,
        |s| time::snowflake(s, true),
    ),
];

/// What one seed did.
#[derive(Clone, Debug)]
pub struct Trial {
    /// The rules broken, one entry per violation (the protocol's monitors, then the
    /// target's own end-of-run checks).
    pub rules: Vec<&'static str>,
    /// The first violation, for a failing seed's report.
    pub first: Option<String>,
    /// Events the engine processed (a measure of the seed's cost).
    pub events: u64,
    /// Liveness after healing, where the target checks it (Raft: the request committed
    /// everywhere; 2PC/3PC: no participant left in doubt; gossip: everyone heard).
    pub live: bool,
}

/// A world of `nodes` for a sweep: monitors on, no trace kept, the given clocks.
pub(crate) fn world<P: Protocol>(
    seed: u64,
    net: NetConfig,
    clocks: Vec<ClockSpec>,
    nodes: Vec<P>,
) -> World<P> {
    World::new(
        WorldConfig {
            clocks,
            ..WorldConfig::batch(seed, net, true)
        },
        nodes,
    )
}

/// The duplication rate a seed's network starts with: 0, 10 or 20 % (from the seed, so
/// the fault schedule's draws are not disturbed).
pub(crate) fn duplicates(seed: u64) -> f64 {
    (seed % 3) as f64 * 0.1
}

/// A sweep's network: one-way latency in `min..=max`, `loss`, and the seed's duplication
/// rate ([`duplicates`]).
pub(crate) fn net(seed: u64, (min, max): (u64, u64), loss: f64) -> NetConfig {
    NetConfig {
        latency_min: min,
        latency_max: max,
        loss,
        duplicate: duplicates(seed),
    }
}

/// The trial of a finished world: its monitors' violations of the rules in `keep` (every
/// rule when `keep` is empty: a target that checks fewer says why).
pub(crate) fn trial<P: Protocol>(w: &World<P>, live: bool, keep: &[&'static str]) -> Trial {
    let kept = w
        .violations()
        .iter()
        .filter(|v| keep.is_empty() || keep.contains(&v.rule));
    Trial {
        rules: kept.clone().map(|v| v.rule).collect(),
        first: kept.clone().next().map(|v| format!("{v:?}")),
        events: w.events_processed(),
        live,
    }
}

impl Trial {
    /// A rule broken by what the target checks at the end of the run (`why`: for the
    /// report, when it is the first).
    pub(crate) fn broken(&mut self, rule: &'static str, why: impl FnOnce() -> String) {
        self.rules.push(rule);
        if self.first.is_none() {
            self.first = Some(why());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn target_names_are_unique_and_every_page_with_a_switch_has_a_break_it_target() {
        let mut names: Vec<&str> = TARGETS.iter().map(|t| t.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), TARGETS.len());
        for page in [
            "raft",
            "paxos",
            "3pc",
            "primary-secondary",
            "quorum",
            "cap",
            "lease",
            "lock",
            "redlock",
            "snowflake",
        ] {
            assert!(
                TARGETS.iter().any(|t| t.page == page && !t.safe()),
                "{page}"
            );
        }
    }

    #[test]
    fn the_verdict_counts_a_share_of_the_seeds() {
        let t = TARGETS.iter().find(|t| !t.safe()).unwrap();
        assert!(!t.verdict(0, 100));
        assert!(t.verdict(1, 100));
        assert!(!t.verdict(1, 200));
        let s = TARGETS.iter().find(|t| t.safe()).unwrap();
        assert!(s.verdict(0, 100) && !s.verdict(1, 100));
    }
}

#[cfg(test)]
mod sweep_slice {
    use super::*;

    /// A slice of what `cargo run --release --bin sweep` runs (10,000 seeds each): every
    /// target, 300 seeds — the safe ones clean, each "break it" caught on ≥ 1 % of them.
    #[test]
    fn every_target_meets_its_verdict_on_three_hundred_seeds() {
        let seeds = 300;
        let mut failed = Vec::new();
        for t in TARGETS {
            let trials: Vec<Trial> = (0..seeds).map(|s| t.run(s)).collect();
            let caught = trials.iter().filter(|t| !t.rules.is_empty()).count() as u64;
            if !t.verdict(caught, seeds) {
                let first = (0..seeds).find(|&s| !trials[s as usize].rules.is_empty());
                failed.push(format!(
                    "{}: caught on {caught} of {seeds} seeds (first: {first:?}: {:?})",
                    t.name,
                    first.and_then(|s| trials[s as usize].first.clone())
                ));
            }
        }
        assert!(failed.is_empty(), "{failed:#?}");
    }
}
